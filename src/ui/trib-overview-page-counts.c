/* trib-overview-page-counts.c: what the plan contains, on the Overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card per entity type, and the upstreams counted by layer and by
 * decision. Recounted on every change of the plan: a walk over the
 * upstreams is cheap even for thousands.
 */
#define G_LOG_DOMAIN "trib-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-overview-page-private.h"
#include "trib-enums.h"
#include "trib-labels.h"

/* What the plan contains; each card names its type, so the cards cannot
 * drift from the entity types when one is added. */
static const struct {
  GType      (*type) (void);
  const char  *label;
  const char  *description;
} count_labels[] = {
  { trib_upstream_get_type, N_("Upstreams"), N_("Open source projects the product uses") },
  { trib_stats_snapshot_get_type, N_("Statistics Snapshots"), N_("Forge statistics kept as history") },
  { trib_investment_get_type, N_("Investments"), N_("Engineers put into upstreams per quarter") },
  { trib_patch_get_type, N_("Patches"), N_("Changes carried or sent upstream") },
  { trib_product_get_type, N_("Products"), N_("What we sell") },
  { trib_product_release_get_type, N_("Product Releases"), N_("Stable branches of the products") },
  { trib_release_base_get_type, N_("Upstream Bases"), N_("Upstream versions the releases are built on") },
  { trib_certification_get_type, N_("Certifications"), N_("Target environments of the releases") },
  { trib_scenario_get_type, N_("Scenarios"), N_("Business models compared") },
  { trib_milestone_get_type, N_("Milestones"), N_("Dated items on the roadmap") },
  { trib_acknowledgement_get_type, N_("Acknowledgements"), N_("Strategy findings set aside with a reason") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (count_labels) == TRIB_OVERVIEW_N_COUNTS);

static GtkWidget *
count_card (const char  *title,
            const char  *description,
            GtkLabel   **value_label)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("0");
  GtkWidget *caption = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_tooltip_text (card, description);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  /* Wrap two-word captions so that five cards fit on a line. */
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 10);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (caption, 12);
  gtk_widget_set_margin_start (caption, 6);
  gtk_widget_set_margin_end (caption, 6);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);

  /* Read as one thing: "12 Upstreams". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, value, caption, NULL, -1);
  *value_label = GTK_LABEL (value);
  return card;
}

static GtkLabel *
add_breakdown_row (AdwPreferencesGroup *group,
                   const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new ("0");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Short labels: measuring wrappable titles dominated the first frame. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (value);
}

void
_trib_overview_page_setup_counts (TribOverviewPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_labels); i++)
    gtk_flow_box_append (self->counts_box,
                         count_card (_(count_labels[i].label), _(count_labels[i].description),
                                     &self->count_values[i]));
  for (guint i = 0; i < TRIB_OVERVIEW_N_LAYERS; i++)
    self->layer_values[i] = add_breakdown_row (self->layer_group,
                                               trib_enum_get_label (TRIB_TYPE_LAYER, i));
  for (guint i = 0; i < TRIB_OVERVIEW_N_DECISIONS; i++)
    self->decision_values[i] = add_breakdown_row (self->decision_group,
                                                  trib_enum_get_label (TRIB_TYPE_DECISION, i));
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", count);
  gtk_label_set_text (label, text);
}

void
_trib_overview_page_update_counts (TribOverviewPage *self)
{
  GListModel *upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);
  guint layers[TRIB_OVERVIEW_N_LAYERS] = { 0, };
  guint decisions[TRIB_OVERVIEW_N_DECISIONS] = { 0, };
  guint n_upstreams;

  for (guint i = 0; i < G_N_ELEMENTS (self->count_values); i++)
    set_count (self->count_values[i], trib_plan_count (self->plan, count_labels[i].type ()));

  n_upstreams = g_list_model_get_n_items (upstreams);
  for (guint i = 0; i < n_upstreams; i++)
    {
      g_autoptr(TribUpstream) upstream = g_list_model_get_item (upstreams, i);
      TribLayer layer = trib_upstream_get_layer (upstream);
      TribDecision decision = trib_upstream_get_decision (upstream);

      if (layer < TRIB_OVERVIEW_N_LAYERS)
        layers[layer]++;
      if (decision < TRIB_OVERVIEW_N_DECISIONS)
        decisions[decision]++;
    }
  for (guint i = 0; i < TRIB_OVERVIEW_N_LAYERS; i++)
    set_count (self->layer_values[i], layers[i]);
  for (guint i = 0; i < TRIB_OVERVIEW_N_DECISIONS; i++)
    set_count (self->decision_values[i], decisions[i]);
}
