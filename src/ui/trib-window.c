/* trib-window.c: the window of one open plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar of pages beside the page content, in a leaflet so that it folds
 * on narrow windows. Pages are created when first shown: a window opens as
 * fast as its first page can be drawn. The window owns the plan: closing it
 * closes the plan. Every edit is already committed, so there is nothing to
 * save and nothing to ask. Save As, Export and Import are in
 * trib-window-files.c.
 */
#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-findings-list.h"
#include "trib-investment-page.h"
#include "trib-overview-page.h"
#include "trib-patches-page.h"
#include "trib-product-page.h"
#include "trib-health-overview.h"
#include "trib-health-tracker.h"
#include "trib-page-context.h"
#include "trib-scenarios-page.h"
#include "trib-report-page.h"
#include "trib-roadmap-page.h"
#include "trib-upstreams-page.h"
#include "trib-window-private.h"

typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GtkWidget *(*create) (TribPageContext *context);
  /* For the pages still to come: what they will hold, said plainly. */
  const char *heading;
  const char *description;
} PageInfo;

static GtkWidget *
create_overview_page (TribPageContext *context)
{
  GtkWidget *page = trib_overview_page_new (trib_page_context_get_plan (context));

  trib_health_overview_attach (page, context);
  return page;
}

static const PageInfo pages[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", create_overview_page, NULL, NULL },
  { "upstreams", N_("Upstreams"), "view-list-symbolic", trib_upstreams_page_new, NULL, NULL },
  { "product", N_("Product"), "package-x-generic-symbolic", trib_product_page_new,
    N_("Product and Releases"),
    N_("Your product’s name and trademark, its stable releases, the upstream version each "
       "release is based on and its certification matrix will be planned here.") },
  { "investment", N_("Investment"), "system-users-symbolic", trib_investment_page_new,
    N_("Investment in Upstreams"),
    N_("The engineers you put into each upstream in each quarter, and the role you aim for "
       "there — user, contributor, maintainer or leader — will be planned here.") },
  { "patches", N_("Patches"), "document-edit-symbolic", trib_patches_page_new,
    N_("Patches"),
    N_("The patches you carry in your product and those you send upstream, with the projected "
       "cost of carrying them release after release, will be tracked here.") },
  { "business-models", N_("Business Models"), "x-office-presentation-symbolic",
    trib_scenarios_page_new, NULL, NULL },
  { "roadmap", N_("Roadmap"), "x-office-calendar-symbolic", trib_roadmap_page_new, NULL, NULL },
  { "report", N_("Report"), "x-office-document-symbolic", trib_report_page_new, NULL, NULL },
};

G_DEFINE_FINAL_TYPE (TribWindow, trib_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PageInfo *
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}

TribApplication *
_trib_window_get_application (TribWindow *self)
{
  return TRIB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

gboolean
_trib_window_is_closed (TribWindow *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

void
_trib_window_show_toast (TribWindow *self,
                         const char *text)
{
  /* Toast titles are markup; messages may hold any character. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
_trib_window_show_error (TribWindow   *self,
                         const char   *heading,
                         const GError *error)
{
  trib_application_show_error (_trib_window_get_application (self), GTK_WINDOW (self), heading,
                               error);
}

static GtkWidget *
create_status_page (const PageInfo *info)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *note = gtk_label_new (_("Not available in this version yet"));

  gtk_widget_add_css_class (note, "dim-label");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), info->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _(info->heading));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _(info->description));
  adw_status_page_set_child (ADW_STATUS_PAGE (page), note);
  return page;
}

static GtkWidget *
create_sidebar_row (const PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (info->icon_name);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The row's widget name is the page's name. */
  gtk_widget_set_name (row, info->name);
  return row;
}

static GtkListBoxRow *
find_row (TribWindow *self,
          const char *name)
{
  for (guint i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);
      if (row == NULL)
        return NULL;
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }
}

static void
set_visible_page (TribWindow     *self,
                  const PageInfo *info)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->stack, info->name);

  if (child == NULL)
    {
      child = info->create ? info->create (self->context) : create_status_page (info);
      gtk_stack_add_named (self->stack, child, info->name);
    }
  gtk_stack_set_visible_child (self->stack, child);
  g_settings_set_string (self->settings, "last-page", info->name);
}

static void
update_undo_tooltips (TribWindow *self)
{
  const char *undo = trib_plan_get_undo_label (self->plan);
  const char *redo = trib_plan_get_redo_label (self->plan);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  /* Translators: %s is what an edit did, e.g. “Delete upstream”. */
  undo_tip = undo && *undo ? g_strdup_printf (_("Undo “%s”"), undo) : g_strdup (_("Undo"));
  /* Translators: %s is what an edit did, e.g. “Delete upstream”. */
  redo_tip = redo && *redo ? g_strdup_printf (_("Redo “%s”"), redo) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);
}

static void
update_undo_actions (TribWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", trib_plan_can_undo (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", trib_plan_can_redo (self->plan));
}

static gboolean
path_to_basename (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *path = g_value_get_string (from);

  if (path == NULL)
    return FALSE;
  g_value_take_string (to, g_filename_display_basename (path));
  return TRUE;
}

/* Folded, the sidebar is the whole window: its title names the plan (and
 * its file), as the page's title does beside it when unfolded. */
static void
update_sidebar_title (TribWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    {
      const char *path = trib_plan_get_path (self->plan);
      g_autofree char *file = path ? g_filename_display_basename (path) : NULL;

      adw_window_title_set_title (self->sidebar_title, trib_plan_get_title (self->plan));
      adw_window_title_set_subtitle (self->sidebar_title, file);
    }
  else
    {
      adw_window_title_set_title (self->sidebar_title, _("Tributary"));
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
    }
}

static void
on_plan_notify_undo_cb (TribWindow *self)
{
  update_undo_actions (self);
  update_undo_tooltips (self);
}

static void
on_plan_notify_title_cb (TribWindow *self)
{
  /* The recent list shows plans by title: keep it current. */
  trib_application_add_recent (_trib_window_get_application (self), self->plan);
  update_sidebar_title (self);
}

static void
on_plan_error_cb (TribWindow   *self,
                  const GError *error)
{
  _trib_window_show_toast (self, error->message);
}

static void
on_sidebar_row_selected_cb (TribWindow    *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  const PageInfo *info;

  if (row == NULL)
    return;
  info = find_page (gtk_widget_get_name (GTK_WIDGET (row)));
  g_assert (info != NULL);
  set_visible_page (self, info);
}

static void
on_sidebar_row_activated_cb (TribWindow    *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (TribWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
on_close_request_cb (TribWindow *self)
{
  int width, height;

  /* The default size follows the window's size, except while maximized:
   * what comes back on the next start is the size to unmaximize to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  /* Taking the focus away commits what is still being typed (a spin
   * button, the description) before the plan closes. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  g_cancellable_cancel (self->cancellable);
  trib_plan_close (self->plan);
  return FALSE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!trib_plan_undo (self->plan, &error))
    _trib_window_show_toast (self, error->message);
}

/* The Undo of a toast: undoes the step the toast speaks of, and only that
 * one. If the plan changed since, the newest step is another one and the
 * header bar's Undo is the way back. */
static void
undo_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (trib_plan_get_undo_label (self->plan), label) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is no longer the last change: use Undo in the header bar"), label);
      _trib_window_show_toast (self, message);
      return;
    }
  if (!trib_plan_undo (self->plan, &error))
    _trib_window_show_toast (self, error->message);
}

/* The page shortcuts (trib-window-keys.c) act on the visible page. */
GtkWidget *
_trib_window_get_visible_page_widget (TribWindow *self)
{
  return gtk_stack_get_visible_child (self->stack);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!trib_plan_redo (self->plan, &error))
    _trib_window_show_toast (self, error->message);
}

/* Ctrl+R: refresh every upstream's statistics, on the Upstreams page
 * where the progress shows. */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "upstreams");
  if (!trib_health_tracker_refresh (trib_health_tracker_get (self->context), NULL) &&
      trib_plan_is_read_only (self->plan))
    _trib_window_show_toast (self, _("This plan is open read-only: statistics cannot be recorded in it."));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
trib_window_constructed (GObject *object)
{
  TribWindow *self = TRIB_WINDOW (object);
  g_autofree char *last_page = NULL;
  const PageInfo *info;

  G_OBJECT_CLASS (trib_window_parent_class)->constructed (object);

  g_assert (TRIB_IS_PLAN (self->plan));
  self->context = trib_page_context_new (self->plan, self->cancellable);
  _trib_window_add_page_shortcuts (self);
  /* The Overview row counts the strategy findings that still count. */
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (find_row (self, "overview"))),
                  trib_findings_badge_new (self->plan));

  g_object_bind_property (self->plan, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->plan, "title", self->window_title, "title",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->plan, "path", self->window_title, "subtitle",
                               G_BINDING_SYNC_CREATE, path_to_basename, NULL, NULL, NULL);

  g_signal_connect_object (self->plan, "notify::can-undo", G_CALLBACK (on_plan_notify_undo_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::can-redo", G_CALLBACK (on_plan_notify_undo_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::undo-label",
                           G_CALLBACK (on_plan_notify_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::redo-label",
                           G_CALLBACK (on_plan_notify_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::title", G_CALLBACK (on_plan_notify_title_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "error", G_CALLBACK (on_plan_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::path", G_CALLBACK (update_sidebar_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_sidebar_title),
                           self, G_CONNECT_SWAPPED);
  update_sidebar_title (self);
  on_plan_notify_undo_cb (self);

  last_page = g_settings_get_string (self->settings, "last-page");
  info = find_page (last_page);
  trib_window_show_page (self, info ? info->name : pages[0].name);
  /* Start in the list of pages, not in the first entry of a page (where
   * typing would change the plan): the arrow keys then go through pages. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar_list)));
}

static void
trib_window_dispose (GObject *object)
{
  TribWindow *self = TRIB_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->plan != NULL)
    trib_plan_close (self->plan);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_WINDOW);

  g_clear_object (&self->import_toast);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (trib_window_parent_class)->dispose (object);
}

static void
trib_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TribWindow *self = TRIB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TribWindow *self = TRIB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_window_class_init (TribWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_window_constructed;
  object_class->dispose = trib_window_dispose;
  object_class->get_property = trib_window_get_property;
  object_class->set_property = trib_window_set_property;

  /**
   * TribWindow:plan:
   *
   * The plan the window shows; the window closes it when it closes.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TRIB_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/window.ui");
  gtk_widget_class_bind_template_child (widget_class, TribWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, redo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-change", "s", undo_change_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   _trib_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL,
                                   _trib_window_export_json_action);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL,
                                   _trib_window_import_json_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-json", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].name);
}

static void
trib_window_init (TribWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_ID);

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (&pages[i]));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * trib_window_new:
 *
 * Returns: (transfer floating): a window showing @plan, which it closes
 * when it closes.
 */
TribWindow *
trib_window_new (TribApplication *application,
                 TribPlan        *plan)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  return g_object_new (TRIB_TYPE_WINDOW,
                       "application", application,
                       "plan", plan,
                       NULL);
}

/**
 * trib_window_get_plan:
 *
 * Returns: (transfer none): the window's plan.
 */
TribPlan *
trib_window_get_plan (TribWindow *self)
{
  g_return_val_if_fail (TRIB_IS_WINDOW (self), NULL);

  return self->plan;
}

/**
 * trib_window_get_context:
 *
 * Returns: (transfer none): the context the window's pages are created
 * with: the plan, the window's cancellable, the forge service.
 */
TribPageContext *
trib_window_get_context (TribWindow *self)
{
  g_return_val_if_fail (TRIB_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * trib_window_get_visible_page:
 *
 * Returns: the name of the visible page ("overview", "upstreams", …).
 */
const char *
trib_window_get_visible_page (TribWindow *self)
{
  g_return_val_if_fail (TRIB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * trib_window_show_page:
 *
 * Shows the page called @name and selects it in the sidebar.
 */
void
trib_window_show_page (TribWindow *self,
                       const char *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  row = find_row (self, name);
  if (row == NULL)
    {
      g_warning ("No page called “%s”", name);
      return;
    }
  /* Selecting the row shows the page (on_sidebar_row_selected_cb). */
  gtk_list_box_select_row (self->sidebar_list, row);
}

/**
 * trib_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window's pages.
 */
void
trib_window_add_toast (TribWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

