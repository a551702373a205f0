/* trib-health-column.c: health on the Upstreams page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds to the Upstreams table a Health column (a coloured badge with the
 * score and its trend, which opens the explanation, and a 52-week commit
 * sparkline; sorting by it sorts by score), a Refreshed column (when, or
 * why the last refresh failed), a Refresh button, and a bar that shows a
 * refresh's progress, any rate-limit wait and the failures, with Cancel.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-chart-health.h"
#include "trib-chart-view.h"
#include "trib-health-column.h"
#include "trib-health-detail.h"
#include "trib-health-tracker.h"

typedef struct
{
  TribTablePage       *page;
  TribHealthTracker *tracker;
  GtkSorter         *sorter;
  GtkRevealer       *bar;
  GtkProgressBar    *progress;
  GtkLabel          *status;
  GtkButton         *cancel;
  GtkLabel          *failures;
  GtkButton         *dismiss;
  TribForgeRefresh  *watched;
} Health;

static const char *
rating_class (int score)
{
  static const char * const classes[] = { "trib-health-failing", "trib-health-at-risk", "trib-health-healthy" };

  return classes[trib_health_rate (score)];
}

static char *
trend_text (const TribHealthEntry *entry)
{
  if (!entry->has_trend || entry->trend == 0)
    return g_strdup_printf ("%d", entry->health->score);
  return g_strdup_printf ("%d %s%d", entry->health->score, entry->trend > 0 ? "▲" : "▼", ABS (entry->trend));
}

static void
draw_sparkline (cairo_t              *cr,
                const TribChartStyle *style,
                double                width,
                double                height,
                gpointer              data)
{
  GtkListItem *item = data;
  Health *health = g_object_get_data (G_OBJECT (item), "trib-health");
  TribUpstream *upstream = gtk_list_item_get_item (item);
  const TribHealthEntry *entry;

  if (upstream == NULL || health == NULL)
    return;
  entry = trib_health_tracker_lookup (health->tracker, upstream);
  trib_chart_health_sparkline (cr, style, width, height, entry->n_weeks > 0 ? entry->weeks : NULL,
                               entry->n_weeks);
}

static void
update_health_cell (GtkListItem *item)
{
  Health *health = g_object_get_data (G_OBJECT (item), "trib-health");
  TribUpstream *upstream = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *button = gtk_widget_get_first_child (box);
  GtkWidget *spark = gtk_widget_get_next_sibling (button);
  const TribHealthEntry *entry;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  if (upstream == NULL)
    return;
  entry = trib_health_tracker_lookup (health->tracker, upstream);
  for (guint i = 0; i < 3; i++)
    gtk_widget_remove_css_class (button, rating_class (i == 0 ? 0 : i == 1 ? 40 : 70));
  if (entry->health == NULL)
    {
      gtk_button_set_label (GTK_BUTTON (button), "—");
      description = g_strdup (_("No statistics yet"));
    }
  else
    {
      text = trend_text (entry);
      gtk_button_set_label (GTK_BUTTON (button), text);
      gtk_widget_add_css_class (button, rating_class (entry->health->score));
      if (entry->has_trend)
        /* Translators: score, rating, change since the previous refresh */
        description = g_strdup_printf (_("Health %d of 100, %s, %+d since the previous refresh"),
                                       entry->health->score,
                                       trib_health_rating_get_label (trib_health_rate (entry->health->score)),
                                       entry->trend);
      else
        description = g_strdup_printf (_("Health %d of 100, %s"), entry->health->score,
                                       trib_health_rating_get_label (trib_health_rate (entry->health->score)));
    }
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  trib_chart_view_redraw (TRIB_CHART_VIEW (spark));
}

static void
on_badge_clicked_cb (GtkButton   *button,
                     GtkListItem *item)
{
  Health *health = g_object_get_data (G_OBJECT (item), "trib-health");
  TribUpstream *upstream = gtk_list_item_get_item (item);

  if (upstream != NULL)
    trib_health_detail_show (health->tracker, upstream, GTK_WIDGET (health->page));
}

static void
on_health_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    Health                   *health)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_label ("—");
  GtkWidget *spark = trib_chart_view_new ();

  g_object_set_data (G_OBJECT (item), "trib-health", health);
  gtk_widget_add_css_class (button, "trib-health-badge");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spark, 64, 22);
  gtk_widget_set_valign (spark, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (spark, TRUE);
  trib_chart_view_set_draw_func (TRIB_CHART_VIEW (spark), draw_sparkline, item, NULL);
  trib_chart_view_set_summary (TRIB_CHART_VIEW (spark), _("Commits per week over the last year"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_badge_clicked_cb), item);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), spark);
  gtk_list_item_set_child (item, box);
}

static void
update_refreshed_cell (GtkListItem *item)
{
  Health *health = g_object_get_data (G_OBJECT (item), "trib-health");
  TribUpstream *upstream = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *error;
  const TribHealthEntry *entry;

  if (upstream == NULL)
    return;
  entry = trib_health_tracker_lookup (health->tracker, upstream);
  error = trib_upstream_get_last_error (upstream);
  if (error != NULL && *error != '\0')
    {
      /* Translators: the last refresh of an upstream failed */
      gtk_label_set_text (GTK_LABEL (label), _("Failed"));
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, error);
    }
  else
    {
      g_autofree char *date = entry->taken_at != NULL ? g_strndup (entry->taken_at, 10) : NULL;

      gtk_label_set_text (GTK_LABEL (label), date != NULL ? date : _("Never"));
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, entry->taken_at);
    }
}

static void
on_refreshed_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       Health                   *health)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (item), "trib-health", health);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

typedef void (*UpdateFunc) (GtkListItem *item);

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  update)
{
  Health *health = g_object_get_data (G_OBJECT (item), "trib-health");
  gulong id = g_signal_connect_swapped (health->tracker, "changed", G_CALLBACK (update), item);
  gulong id2 = g_signal_connect_swapped (gtk_list_item_get_item (item), "notify::last-error",
                                         G_CALLBACK (update), item);

  g_object_set_data (G_OBJECT (item), "trib-health-handler", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (item), "trib-health-handler2", GSIZE_TO_POINTER (id2));
  ((UpdateFunc) update) (item);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  update)
{
  Health *health = g_object_get_data (G_OBJECT (item), "trib-health");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "trib-health-handler"));
  gulong id2 = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "trib-health-handler2"));

  if (id != 0)
    g_signal_handler_disconnect (health->tracker, id);
  if (id2 != 0 && gtk_list_item_get_item (item) != NULL)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), id2);
  g_object_set_data (G_OBJECT (item), "trib-health-handler", NULL);
  g_object_set_data (G_OBJECT (item), "trib-health-handler2", NULL);
}

static int
compare_health_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  Health *health = data;
  const TribHealthEntry *x = trib_health_tracker_lookup (health->tracker, TRIB_UPSTREAM ((gpointer) a));
  int sx = x->health != NULL ? x->health->score : -1;
  const TribHealthEntry *y = trib_health_tracker_lookup (health->tracker, TRIB_UPSTREAM ((gpointer) b));
  int sy = y->health != NULL ? y->health->score : -1;

  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

static GtkColumnViewColumn *
make_column (Health     *health,
             const char *title,
             GCallback   setup,
             UpdateFunc  update,
             GtkSorter  *sorter,
             int         width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, health);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), update);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), update);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (column, sorter);
  return column;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return g_date_time_format (time, "%H:%M:%S");
}

static void
update_bar (Health *health)
{
  TribForgeRefresh *refresh = health->watched;
  guint total, done;
  gint64 until;
  g_autofree char *fraction = NULL;
  GPtrArray *failures = trib_health_tracker_get_failures (health->tracker);

  if (refresh == NULL)
    return;
  total = trib_forge_refresh_get_total (refresh);
  done = trib_forge_refresh_get_done (refresh);
  until = trib_forge_refresh_get_waiting_until (refresh);
  gtk_progress_bar_set_fraction (health->progress, total > 0 ? (double) done / total : 1.0);
  /* Translators: upstreams refreshed so far, of how many */
  fraction = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (health->progress, fraction);

  if (trib_forge_refresh_get_running (refresh))
    {
      g_autofree char *text = NULL;

      if (until != 0)
        {
          g_autofree char *when = format_time (until);
          /* Translators: a forge's rate limit; the time it ends */
          text = g_strdup_printf (_("A forge asked to slow down: waiting until %s"), when);
        }
      else if (trib_forge_refresh_get_current (refresh) != NULL)
        /* Translators: the upstream being refreshed */
        text = g_strdup_printf (_("Refreshing %s…"), trib_forge_refresh_get_current (refresh));
      else
        text = g_strdup (_("Refreshing…"));
      gtk_label_set_text (health->status, text);
      gtk_widget_set_visible (GTK_WIDGET (health->cancel), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (health->dismiss), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (health->progress), TRUE);
      gtk_revealer_set_reveal_child (health->bar, TRUE);
    }
  else
    {
      g_autofree char *summary = NULL;

      gtk_widget_set_visible (GTK_WIDGET (health->cancel), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (health->dismiss), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (health->progress), FALSE);
      if (failures->len > 0)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u upstream could not be refreshed",
                                                  "%u upstreams could not be refreshed", failures->len),
                                     failures->len);
          for (guint i = 0; i < failures->len; i++)
            g_string_append_printf (list, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (failures, i));
          gtk_label_set_text (health->failures, list->str);
          gtk_widget_set_visible (GTK_WIDGET (health->failures), TRUE);
          gtk_label_set_text (health->status, summary);
          gtk_revealer_set_reveal_child (health->bar, TRUE);
        }
      else
        {
          gtk_widget_set_visible (GTK_WIDGET (health->failures), FALSE);
          /* Translators: how many upstreams a refresh brought up to date */
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u upstream refreshed",
                                                  "%u upstreams refreshed", done), done);
          gtk_label_set_text (health->status, summary);
          gtk_revealer_set_reveal_child (health->bar, done > 0 || total == 0);
        }
    }
}

static void
on_refresh_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      Health     *health)
{
  update_bar (health);
}

static void
on_tracker_refresh_cb (TribHealthTracker *tracker,
                       GParamSpec        *pspec,
                       Health            *health)
{
  TribForgeRefresh *refresh = trib_health_tracker_get_refresh (tracker);

  if (health->watched != NULL)
    g_signal_handlers_disconnect_by_data (health->watched, health);
  g_set_object (&health->watched, refresh);
  if (refresh != NULL)
    g_signal_connect (refresh, "notify", G_CALLBACK (on_refresh_notify_cb), health);
  gtk_widget_set_visible (GTK_WIDGET (health->failures), FALSE);
  update_bar (health);
}

static void
on_tracker_changed_cb (TribHealthTracker *tracker,
                       Health            *health)
{
  gtk_sorter_changed (health->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
health_free (gpointer data)
{
  Health *health = data;

  g_signal_handlers_disconnect_by_data (health->tracker, health);
  if (health->watched != NULL)
    g_signal_handlers_disconnect_by_data (health->watched, health);
  g_clear_object (&health->watched);
  g_clear_object (&health->sorter);
  g_clear_object (&health->tracker);
  g_free (health);
}

static void
refresh_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  Health *health = data;

  trib_health_tracker_refresh (health->tracker, NULL);
}

static void
cancel_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  Health *health = data;

  trib_health_tracker_cancel (health->tracker);
}

static void
details_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  Health *health = data;
  TribEntity *selected = trib_table_page_get_selected (health->page);

  if (selected != NULL)
    trib_health_detail_show (health->tracker, TRIB_UPSTREAM (selected), GTK_WIDGET (health->page));
}

static void
on_dismiss_clicked_cb (GtkButton *button,
                       Health    *health)
{
  gtk_revealer_set_reveal_child (health->bar, FALSE);
}

static GtkWidget *
build_bar (Health *health)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  health->bar = GTK_REVEALER (revealer);
  health->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  health->status = GTK_LABEL (gtk_label_new (NULL));
  health->cancel = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  health->dismiss = GTK_BUTTON (gtk_button_new_from_icon_name ("window-close-symbolic"));
  health->failures = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);
  gtk_progress_bar_set_show_text (health->progress, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (health->progress), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (health->progress), 160, -1);
  gtk_label_set_xalign (health->status, 0);
  gtk_label_set_ellipsize (health->status, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (health->status), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (health->cancel), "health.cancel");
  gtk_widget_add_css_class (GTK_WIDGET (health->dismiss), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (health->dismiss), _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (health->dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss"), -1);
  g_signal_connect (health->dismiss, "clicked", G_CALLBACK (on_dismiss_clicked_cb), health);
  gtk_label_set_xalign (health->failures, 0);
  gtk_label_set_wrap (health->failures, TRUE);
  gtk_label_set_selectable (health->failures, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (health->failures), "error");
  gtk_widget_set_visible (GTK_WIDGET (health->failures), FALSE);

  gtk_box_append (GTK_BOX (row), GTK_WIDGET (health->status));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (health->progress));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (health->cancel));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (health->dismiss));
  gtk_box_append (GTK_BOX (outer), row);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (health->failures));
  gtk_revealer_set_child (health->bar, outer);
  gtk_widget_add_css_class (revealer, "trib-refresh-bar");
  return revealer;
}

/**
 * trib_health_attach:
 * @page: the Upstreams page
 *
 * Adds the health columns, the Refresh button and the refresh bar to
 * @page, and the actions health.refresh, health.cancel and
 * health.details.
 */
void
trib_health_attach (TribTablePage *page)
{
  static const GActionEntry entries[] = {
    { "refresh", refresh_action, NULL, NULL, NULL, { 0 } },
    { "cancel", cancel_action, NULL, NULL, NULL, { 0 } },
    { "details", details_action, NULL, NULL, NULL, { 0 } },
  };
  TribPageContext *context = trib_table_page_get_context (page);
  Health *health = g_new0 (Health, 1);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *box = adw_bin_get_child (ADW_BIN (page));
  GtkWidget *toolbar = box != NULL ? gtk_widget_get_first_child (box) : NULL;
  GtkColumnView *view = GTK_COLUMN_VIEW (find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GtkWidget *refresh_button;
  g_autoptr(GtkColumnViewColumn) health_column = NULL;
  g_autoptr(GtkColumnViewColumn) refreshed_column = NULL;

  g_return_if_fail (TRIB_IS_TABLE_PAGE (page));
  g_return_if_fail (GTK_IS_BOX (box) && GTK_IS_BOX (toolbar) && view != NULL);

  health->page = page;
  health->tracker = g_object_ref (trib_health_tracker_get (context));
  health->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_health_cb, health, NULL));
  g_object_set_data_full (G_OBJECT (page), "trib-health", health, health_free);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), health);
  gtk_widget_insert_action_group (GTK_WIDGET (page), "health", G_ACTION_GROUP (group));

  health_column = make_column (health, _("Health"), G_CALLBACK (on_health_setup_cb), update_health_cell,
                               health->sorter, 150);
  refreshed_column = make_column (health, _("Refreshed"), G_CALLBACK (on_refreshed_setup_cb),
                                  update_refreshed_cell, NULL, 100);
  /* After the page's own columns, whose order others rely on. The table
   * shows them by priority like its own: the score and the last refresh
   * (where a failure shows) before the layer, forge and licence. */
  trib_table_page_add_view_column (page, health_column, 2, -1);
  trib_table_page_add_view_column (page, refreshed_column, 3, -1);

  refresh_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (refresh_button), "health.refresh");
  gtk_widget_add_css_class (refresh_button, "flat");
  gtk_widget_set_tooltip_text (refresh_button, _("Refresh Statistics (Ctrl+R)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Refresh Statistics"), -1);
  gtk_box_insert_child_after (GTK_BOX (toolbar), refresh_button, gtk_widget_get_first_child (toolbar));

  gtk_box_insert_child_after (GTK_BOX (box), build_bar (health), toolbar);

  g_signal_connect (health->tracker, "notify::refresh", G_CALLBACK (on_tracker_refresh_cb), health);
  g_signal_connect (health->tracker, "changed", G_CALLBACK (on_tracker_changed_cb), health);
  if (trib_health_tracker_get_refresh (health->tracker) != NULL)
    on_tracker_refresh_cb (health->tracker, NULL, health);
}
