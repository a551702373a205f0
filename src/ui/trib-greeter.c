/* trib-greeter.c: the window shown when no plan is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recent plans come from the desktop's recent files (GtkRecentManager), so
 * plans opened from the file manager or another Tributary show up too. A
 * plan whose file has gone is not listed: it could not be opened. Copies of
 * one plan share its name, so each row also says the file's name, its
 * folder and when it was last opened, newest first.
 */
#define G_LOG_DOMAIN "trib-greeter"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-greeter.h"

#define MAX_RECENT 20

struct _TribGreeter
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkListBox           *recent_list;

  guint                 n_recent;
};

G_DEFINE_FINAL_TYPE (TribGreeter, trib_greeter, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  char      *path;
  char      *title;
  GDateTime *opened;
} RecentPlan;

static void
recent_plan_free (RecentPlan *plan)
{
  g_free (plan->path);
  g_free (plan->title);
  g_clear_pointer (&plan->opened, g_date_time_unref);
  g_free (plan);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  const RecentPlan *pa = *(RecentPlan * const *) a;
  const RecentPlan *pb = *(RecentPlan * const *) b;

  /* Last opened first. */
  return g_date_time_compare (pb->opened, pa->opened);
}

static gboolean
is_plan (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_strcmp0 (gtk_recent_info_get_mime_type (info), TRIB_PLAN_MIME_TYPE) == 0 ||
         g_str_has_suffix (uri, TRIB_PLAN_FILE_EXTENSION);
}

static GPtrArray *
load_recent_plans (GtkRecentManager *manager)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) recent_plan_free);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *path = NULL;
      GStatBuf st;
      RecentPlan *plan;

      if (!is_plan (info))
        continue;
      path = g_filename_from_uri (gtk_recent_info_get_uri (info), NULL, NULL);
      /* Only local files can be opened; a file that has gone is hidden. */
      if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      plan = g_new0 (RecentPlan, 1);
      plan->title = g_strdup (gtk_recent_info_get_display_name (info));
      if (plan->title == NULL || *plan->title == '\0')
        {
          g_free (plan->title);
          plan->title = g_filename_display_basename (path);
        }
      /* Tributary registers a plan each time it opens one. */
      if (gtk_recent_info_get_modified (info) != NULL)
        plan->opened = g_date_time_to_local (gtk_recent_info_get_modified (info));
      else
        plan->opened = g_date_time_new_from_unix_local (st.st_mtime);
      plan->path = g_steal_pointer (&path);
      g_ptr_array_add (plans, plan);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (plans, compare_recent);
  if (plans->len > MAX_RECENT)
    g_ptr_array_set_size (plans, MAX_RECENT);
  return plans;
}

/* The folder of @path, with the home folder written as "~". */
static char *
format_location (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (g_str_has_prefix (dir, home) && (dir[home_len] == '/' || dir[home_len] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (dir + home_len);
      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (dir);
}

static char *
format_opened (GDateTime *opened)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day, now_year, now_month, now_day;

  g_date_time_get_ymd (opened, &year, &month, &day);
  g_date_time_get_ymd (now, &now_year, &now_month, &now_day);

  if (year == now_year && month == now_month && day == now_day)
    /* Translators: when a plan was last opened, today; a g_date_time_format() string. */
    return g_date_time_format (opened, _("Opened today at %H:%M"));
  {
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    int y_year, y_month, y_day;

    g_date_time_get_ymd (yesterday, &y_year, &y_month, &y_day);
    if (year == y_year && month == y_month && day == y_day)
      /* Translators: when a plan was last opened, yesterday; a g_date_time_format() string. */
      return g_date_time_format (opened, _("Opened yesterday at %H:%M"));
  }
  if (year == now_year)
    /* Translators: when a plan was last opened, this year; a g_date_time_format() string. */
    return g_date_time_format (opened, _("Opened %-d %B"));
  /* Translators: when a plan was last opened, another year; a g_date_time_format() string. */
  return g_date_time_format (opened, _("Opened %-d %B %Y"));
}

static void
on_row_activated_cb (AdwActionRow *row,
                     TribGreeter  *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  trib_application_open_file (TRIB_APPLICATION (application), file, GTK_WINDOW (self));
}

static GtkWidget *
create_row (TribGreeter *self,
            RecentPlan  *plan)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *location = format_location (plan->path);
  g_autofree char *file = g_filename_display_basename (plan->path);
  g_autofree char *opened = format_opened (plan->opened);
  g_autofree char *subtitle = NULL;

  /* Translators: a recent plan's file, its folder, and when it was last
   * opened, e.g. “Copy.tributary in ~/Plans” and “Opened today at 10:02”
   * on the next line. */
  subtitle = g_strdup_printf (_("%s in %s\n%s"), file, location, opened);

  /* Plan names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, plan->path);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (plan->path), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_DEFAULT);
  return row;
}

static void
reload (TribGreeter *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GPtrArray) plans = NULL;
  GtkWidget *child;

  if (application == NULL)
    return;
  plans = load_recent_plans (trib_application_get_recent_manager (TRIB_APPLICATION (application)));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < plans->len; i++)
    gtk_list_box_append (self->recent_list, create_row (self, g_ptr_array_index (plans, i)));

  self->n_recent = plans->len;
  gtk_stack_set_visible_child_name (self->stack, plans->len > 0 ? "recent" : "empty");
}

static void
on_recent_changed_cb (TribGreeter *self)
{
  reload (self);
}

static void
trib_greeter_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRIB_TYPE_GREETER);

  G_OBJECT_CLASS (trib_greeter_parent_class)->dispose (object);
}

static void
trib_greeter_class_init (TribGreeterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_greeter_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/greeter.ui");
  gtk_widget_class_bind_template_child (widget_class, TribGreeter, stack);
  gtk_widget_class_bind_template_child (widget_class, TribGreeter, status_page);
  gtk_widget_class_bind_template_child (widget_class, TribGreeter, recent_list);
}

static void
trib_greeter_init (TribGreeter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * trib_greeter_new:
 *
 * Returns: (transfer floating): the greeter: recent plans, and buttons to
 * create or open one.
 */
TribGreeter *
trib_greeter_new (TribApplication *application)
{
  TribGreeter *self;

  g_return_val_if_fail (TRIB_IS_APPLICATION (application), NULL);

  self = g_object_new (TRIB_TYPE_GREETER, "application", application, NULL);
  g_signal_connect_object (trib_application_get_recent_manager (application), "changed",
                           G_CALLBACK (on_recent_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  adw_status_page_set_icon_name (self->status_page,
                                 trib_application_get_icon_name (application));
  return self;
}

/**
 * trib_greeter_get_n_recent:
 *
 * Returns: how many recent plans the greeter lists.
 */
guint
trib_greeter_get_n_recent (TribGreeter *self)
{
  g_return_val_if_fail (TRIB_IS_GREETER (self), 0);

  return self->n_recent;
}
