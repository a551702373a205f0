/* trib-health-overview.c: the upstreams counted by health, on the Overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group beside the Overview's counts by layer and by decision: how many
 * upstreams are healthy, at risk, failing, or without statistics. Counted
 * when the main loop is idle after the group is shown, and again when the
 * window's health tracker says scores changed while it is on screen.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-health-overview.h"
#include "trib-health-tracker.h"

typedef struct
{
  TribHealthTracker *tracker;
  GtkWidget         *group;
  GtkLabel          *values[4];
  guint              idle_id;
  gboolean           stale;
} Counts;

static void
counts_free (gpointer data)
{
  Counts *counts = data;

  g_clear_handle_id (&counts->idle_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (counts->tracker, counts);
  g_clear_object (&counts->tracker);
  g_free (counts);
}

static gboolean
update_cb (gpointer data)
{
  Counts *counts = data;
  guint ratings[3], without;
  char text[16];

  counts->idle_id = 0;
  trib_health_tracker_count (counts->tracker, ratings, &without);
  for (guint i = 0; i < 3; i++)
    {
      g_snprintf (text, sizeof text, "%u", ratings[2 - i]);
      gtk_label_set_text (counts->values[i], text);
    }
  g_snprintf (text, sizeof text, "%u", without);
  gtk_label_set_text (counts->values[3], text);
  return G_SOURCE_REMOVE;
}

/* Counting scores every upstream: only while the Overview is on screen,
 * not while a refresh on the Upstreams page changes them. */
static void
on_changed_cb (TribHealthTracker *tracker,
               Counts            *counts)
{
  counts->stale = TRUE;
  if (counts->idle_id == 0 && gtk_widget_get_mapped (counts->group))
    {
      counts->stale = FALSE;
      counts->idle_id = g_idle_add_full (G_PRIORITY_LOW, update_cb, counts, NULL);
    }
}

static void
on_map_cb (GtkWidget *group,
           Counts    *counts)
{
  if (counts->stale)
    on_changed_cb (counts->tracker, counts);
}

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (GTK_IS_BUILDABLE (root) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * trib_health_overview_attach:
 * @overview: the Overview page
 * @context: its window's page context
 *
 * Adds the Upstream Health group beside the counts by layer.
 */
void
trib_health_overview_attach (GtkWidget       *overview,
                             TribPageContext *context)
{
  const char *titles[4] = {
    _("Healthy (70 or more)"), _("At risk (40 to 69)"), _("Failing (below 40)"), _("Without statistics"),
  };
  static const char * const classes[4] = { "success", "warning", "error", "dim-label" };
  GtkWidget *layers = find_by_id (overview, "layer_group");
  GtkWidget *flow = layers != NULL ? gtk_widget_get_ancestor (layers, GTK_TYPE_FLOW_BOX) : NULL;
  GtkWidget *group;
  Counts *counts;

  g_return_if_fail (GTK_IS_WIDGET (overview));
  g_return_if_fail (TRIB_IS_PAGE_CONTEXT (context));

  if (flow == NULL)
    {
      g_warning ("The Overview has no group of counts to put the health counts beside");
      return;
    }

  counts = g_new0 (Counts, 1);
  counts->tracker = g_object_ref (trib_health_tracker_get (context));
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Upstream Health"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("From the latest statistics; Ctrl+R refreshes them"));
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("…");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, classes[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      counts->values[i] = GTK_LABEL (value);
    }
  gtk_flow_box_append (GTK_FLOW_BOX (flow), group);
  gtk_widget_set_focusable (gtk_widget_get_parent (group), FALSE);
  counts->group = group;
  counts->stale = TRUE;
  g_object_set_data_full (G_OBJECT (group), "trib-health-counts", counts, counts_free);
  g_signal_connect (counts->tracker, "changed", G_CALLBACK (on_changed_cb), counts);
  g_signal_connect (group, "map", G_CALLBACK (on_map_cb), counts);
}
