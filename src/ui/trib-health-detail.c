/* trib-health-detail.c: an upstream's health, factor by factor, and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window over the plan window: the score and its trend, why it is
 * capped if it is, each factor's points of its maximum with its one
 * sentence, the score of every snapshot as a chart, the last refresh's
 * error, and a button to refresh this upstream alone.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-chart-health.h"
#include "trib-chart-view.h"
#include "trib-health-detail.h"

typedef struct
{
  TribHealthTracker *tracker;
  TribUpstream      *upstream;
  GArray            *points;   /* TribHealthPoint */
} Detail;

static void
detail_free (gpointer data)
{
  Detail *detail = data;

  g_clear_object (&detail->tracker);
  g_clear_object (&detail->upstream);
  g_clear_pointer (&detail->points, g_array_unref);
  g_free (detail);
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const TribHealthPoint *x = a, *y = b;

  return x->time < y->time ? -1 : x->time > y->time;
}

static void
draw_history (cairo_t              *cr,
              const TribChartStyle *style,
              double                width,
              double                height,
              gpointer              data)
{
  Detail *detail = data;

  trib_chart_health_history (cr, style, width, height, (const TribHealthPoint *) (gpointer) detail->points->data,
                             detail->points->len);
}

static GtkWidget *
factor_row (const TribHealthFactor *factor)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *points = g_strdup_printf ("%.1f / %.0f", factor->points, factor->max);
  GtkWidget *label = gtk_label_new (points);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, factor->max > 0 ? factor->max : 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_health_factor_get_label (factor->id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), factor->explanation);
  gtk_widget_add_css_class (label, "numeric");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), factor->points);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
on_refresh_clicked_cb (GtkButton *button,
                       Detail    *detail)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, detail->upstream);
  if (trib_health_tracker_refresh (detail->tracker, one))
    gtk_window_close (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

/**
 * trib_health_detail_show:
 * @tracker: the window's health tracker
 * @upstream: an upstream
 * @parent: a widget of the window the detail belongs to
 *
 * Shows why @upstream scores what it scores.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
trib_health_detail_show (TribHealthTracker *tracker,
                         TribUpstream      *upstream,
                         GtkWidget         *parent)
{
  Detail *detail = g_new0 (Detail, 1);
  const TribHealthEntry *entry = trib_health_tracker_lookup (tracker, upstream);
  TribPlan *plan = trib_entity_get_plan (TRIB_ENTITY (upstream));
  GtkWidget *window = adw_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *score_group = adw_preferences_group_new ();
  GtkWidget *factors = adw_preferences_group_new ();
  GtkWidget *history = adw_preferences_group_new ();
  GtkWidget *chart = trib_chart_view_new ();
  GtkWidget *refresh = gtk_button_new_with_mnemonic (_("_Refresh This Upstream"));
  GListModel *snapshots = plan != NULL ? trib_plan_get_snapshots (plan, upstream, NULL) : NULL;
  const char *error = trib_upstream_get_last_error (upstream);
  g_autofree char *title = NULL;

  detail->tracker = g_object_ref (tracker);
  detail->upstream = g_object_ref (upstream);
  detail->points = g_array_new (FALSE, FALSE, sizeof (TribHealthPoint));
  for (guint i = 0; snapshots != NULL && i < g_list_model_get_n_items (snapshots); i++)
    {
      g_autoptr(TribStatsSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      g_autoptr(TribHealth) health = trib_health_of_snapshot (plan, snapshot);
      TribHealthPoint point = { parse_time (trib_stats_snapshot_get_taken_at (snapshot)), health->score };

      g_array_append_val (detail->points, point);
    }
  g_array_sort (detail->points, compare_points);
  g_object_set_data_full (G_OBJECT (window), "trib-detail", detail, detail_free);

  /* Translators: the title of the health window of an upstream */
  title = g_strdup_printf (_("Health of %s"), trib_upstream_get_name (upstream));
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 680);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (gtk_widget_get_root (parent)))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_hide_on_close (GTK_WINDOW (window), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_widget_add_css_class (refresh, "suggested-action");
  g_signal_connect (refresh, "clicked", G_CALLBACK (on_refresh_clicked_cb), detail);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), refresh);

  if (entry->health == NULL)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (score_group), _("No Statistics Yet"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (score_group),
                                             _("Refresh to fetch what the upstream’s forge says about it."));
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("%d of 100 — %s"), entry->health->score,
                                                  trib_health_rating_get_label (trib_health_rate (entry->health->score)));
      g_autofree char *description = NULL;

      if (entry->has_trend)
        /* Translators: change of the score, then when the latest snapshot was taken */
        description = g_strdup_printf (_("%+d since the previous refresh. Statistics of %s."), entry->trend,
                                       entry->taken_at);
      else
        description = g_strdup_printf (_("Statistics of %s."), entry->taken_at);
      if (entry->health->capped)
        {
          g_autofree char *both = g_strconcat (description, " ", entry->health->cap_reason, NULL);
          g_free (description);
          description = g_steal_pointer (&both);
        }
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (score_group), heading);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (score_group), description);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (factors), _("Factors"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (factors),
                                             _("Each factor’s weight is a plan setting."));
      for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (factors), factor_row (&entry->health->factors[i]));
    }
  if (error != NULL && *error != '\0')
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Last refresh failed"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error);
      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (score_group), row);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history), _("History"));
  gtk_widget_set_size_request (chart, -1, 200);
  trib_chart_view_set_draw_func (TRIB_CHART_VIEW (chart), draw_history, detail, NULL);
  trib_chart_view_set_summary (TRIB_CHART_VIEW (chart), _("The health score of every snapshot over time"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (history), chart);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (score_group));
  if (entry->health != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (factors));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (history));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (window), content);

  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
