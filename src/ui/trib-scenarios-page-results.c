/* trib-scenarios-page-results.c: a scenario's projection and the comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly table of the selected scenario, the charts of every scenario
 * ticked for comparison (drawn by src/report, so the PDF shows the same
 * pictures), the table of their last years and the tornado of the selected
 * scenario. Everything is recomputed on each change and each keystroke in
 * an assumption: a projection with full sensitivity takes microseconds.
 */
#define G_LOG_DOMAIN "trib-scenarios-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-chart-view.h"
#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-scenario-table.h"
#include "trib-scenarios-page-private.h"

static const char * const chart_names[] = {
  "revenue", "operating-result", "cash", "engineering", "tornado",
};

/* The last-year comparison: column key, or NULL for the break-even year. */
static const struct
{
  const char *key;
  const char *title;
} comparison_columns[] = {
  { "revenue", N_("Revenue") },
  { "operating_result", N_("Operating result") },
  { "cash", N_("Cumulative cash") },
  { NULL, N_("Break-even") },
  { "paid_fte", N_("Paid engineering (FTE)") },
  { "community_fte", N_("Community engineering (FTE)") },
  { "upkeep_share", N_("Share spent on upkeep") },
};

static GtkWidget *
cell_label (const char *text,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* Only a text that changed costs a new layout. */
static void
set_label (GtkWidget  *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
copy_text (TribScenariosPage *self,
           const char        *text,
           const char        *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  trib_page_context_add_toast (self->context, GTK_WIDGET (self), adw_toast_new (toast));
}

static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  g_autofree char *csv = trib_scenarios_page_get_table_csv (self);

  if (csv != NULL)
    copy_text (self, csv, _("Copied the projection as CSV"));
}

static void
copy_comparison_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  g_autofree char *csv = trib_scenarios_page_get_comparison_csv (self);

  copy_text (self, csv, _("Copied the comparison as CSV"));
}

/* "revenue:png": saves that chart as a PNG or SVG file, asking where. */
static void
save_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (parameter, NULL), ":", 2);

  if (g_strv_length (parts) != 2)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (chart_names); k++)
    if (g_strcmp0 (parts[0], chart_names[k]) == 0)
      gtk_widget_activate_action (self->chart_views[k],
                                  g_strcmp0 (parts[1], "svg") == 0 ? "chart.save-svg"
                                                                   : "chart.save-png", NULL);
}

static GtkWidget *
chart_card (TribScenariosPage     *self,
            TribScenarioChartKind  kind,
            int                    height)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *save = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *png = g_strdup_printf ("scenarios.save-chart::%s:png", chart_names[kind]);
  g_autofree char *svg = g_strdup_printf ("scenarios.save-chart::%s:svg", chart_names[kind]);
  g_autofree char *save_label = NULL;
  GtkWidget *view = trib_chart_view_new ();

  self->charts[kind] = trib_scenario_chart_new (kind);
  trib_chart_view_set_draw_func (TRIB_CHART_VIEW (view), trib_scenario_chart_draw,
                                 trib_scenario_chart_ref (self->charts[kind]),
                                 (GDestroyNotify) trib_scenario_chart_unref);
  trib_chart_view_set_file_name (TRIB_CHART_VIEW (view),
                                 trib_scenario_chart_get_title (self->charts[kind]));
  gtk_widget_set_size_request (view, 260, height);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_name (view, chart_names[kind]);
  self->chart_views[kind] = view;

  g_menu_append (menu, _("Save as _PNG…"), png);
  g_menu_append (menu, _("Save as _SVG…"), svg);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (save), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (save), "document-save-symbolic");
  gtk_widget_add_css_class (save, "flat");
  /* Translators: "Save the chart “Cumulative cash”" */
  save_label = g_strdup_printf (_("Save the chart “%s”"),
                                trib_scenario_chart_get_title (self->charts[kind]));
  gtk_widget_set_tooltip_text (save, save_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  save_label, -1);
  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), save);

  gtk_box_append (GTK_BOX (card), bar);
  gtk_box_append (GTK_BOX (card), view);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (view, 8);
  gtk_widget_set_margin_start (view, 4);
  gtk_widget_set_margin_end (view, 4);
  return card;
}

static GtkWidget *
heading (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
copy_button (const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Copy as _CSV"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
build_projection (TribScenariosPage *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  guint n_columns;
  const TribScenarioColumn *columns = trib_scenario_columns (&n_columns);

  self->projection_title = heading ("", "title-2");
  self->projection_break_even = heading ("", "dim-label");
  gtk_box_append (GTK_BOX (titles), self->projection_title);
  gtk_box_append (GTK_BOX (titles), self->projection_break_even);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), copy_button ("scenarios.copy-table"));
  gtk_box_append (GTK_BOX (self->projection_box), header);

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 6);
  gtk_widget_set_name (GTK_WIDGET (self->table), "projection-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Yearly projection"), -1);
  for (int t = 0; t < TRIB_SCENARIO_MAX_YEARS; t++)
    {
      /* Translators: a column of the projection table, "Year 3" */
      g_autofree char *text = g_strdup_printf (_("Year %d"), t + 1);

      self->year_labels[t] = cell_label (text, TRUE);
      gtk_widget_add_css_class (self->year_labels[t], "heading");
      gtk_grid_attach (self->table, self->year_labels[t], t + 1, 0, 1, 1);
    }
  /* Column 0 of the engine's table is the year itself. */
  for (guint c = 1; c < n_columns && c - 1 < TRIB_SCENARIO_N_METRICS; c++)
    {
      gtk_grid_attach (self->table, cell_label (_(columns[c].label), FALSE), 0, c, 1, 1);
      for (int t = 0; t < TRIB_SCENARIO_MAX_YEARS; t++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%d", columns[c].key, t + 1);

          self->cells[c - 1][t] = cell_label ("", TRUE);
          gtk_widget_set_name (self->cells[c - 1][t], name);
          gtk_grid_attach (self->table, self->cells[c - 1][t], t + 1, c, 1, 1);
        }
    }
  gtk_box_append (GTK_BOX (self->projection_box), GTK_WIDGET (self->table));
}

static void
build_comparison (TribScenariosPage *self)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  /* Two charts a row where there is room, one on a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  for (int k = TRIB_SCENARIO_CHART_REVENUE; k <= TRIB_SCENARIO_CHART_ENGINEERING; k++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (flow), chart_card (self, k, 260));
      /* The cards hold their own keyboard stops (the save menu, the chart). */
      gtk_widget_set_focusable (gtk_widget_get_last_child (flow), FALSE);
    }
  gtk_box_append (GTK_BOX (self->comparison_box), flow);

  label = heading (_("In each scenario’s last year"), "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), copy_button ("scenarios.copy-comparison"));
  gtk_widget_set_margin_top (header, 12);
  gtk_box_append (GTK_BOX (self->comparison_box), header);

  self->comparison_table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->comparison_table, 18);
  gtk_grid_set_row_spacing (self->comparison_table, 6);
  gtk_widget_set_name (GTK_WIDGET (self->comparison_table), "comparison-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comparison_table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenarios in their last year"), -1);
  {
    /* The table scrolls sideways on its own rather than widen the page. */
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                   GTK_WIDGET (self->comparison_table));
    gtk_box_append (GTK_BOX (self->comparison_box), scroller);
  }

  label = heading (_("What moves the selected scenario most: each assumption at the low and "
                     "the high end of its range, one at a time, and the change in cumulative "
                     "cash in its last year."), "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (self->comparison_box), label);
  gtk_box_append (GTK_BOX (self->comparison_box),
                  chart_card (self, TRIB_SCENARIO_CHART_TORNADO, 380));
}

/**
 * _trib_scenarios_page_install_result_actions:
 *
 * Installs the actions of the results on the page's class.
 */
void
_trib_scenarios_page_install_result_actions (GtkWidgetClass *klass)
{
  gtk_widget_class_install_action (klass, "scenarios.copy-table", NULL, copy_table_action);
  gtk_widget_class_install_action (klass, "scenarios.copy-comparison", NULL,
                                   copy_comparison_action);
  gtk_widget_class_install_action (klass, "scenarios.save-chart", "s", save_chart_action);
}

/**
 * _trib_scenarios_page_build_results:
 *
 * Builds the projection table and the comparison, once.
 */
void
_trib_scenarios_page_build_results (TribScenariosPage *self)
{
  build_projection (self);
  build_comparison (self);
}

static void
update_table (TribScenariosPage *self)
{
  const TribProjection *p = &self->projection;
  const char *currency = trib_plan_info_get_currency (trib_plan_get_info (self->plan));
  g_autofree char *title = NULL;
  g_autofree char *break_even = NULL;
  guint n_columns;
  const TribScenarioColumn *columns = trib_scenario_columns (&n_columns);
  int years = self->projection_valid ? p->n_years : 0;

  if (self->selected != NULL)
    title = g_strdup (trib_scenario_get_name (self->selected));
  set_label (self->projection_title, title ? title : "");
  if (!self->projection_valid)
    break_even = g_strdup ("");
  else if (p->break_even_year > 0)
    /* Translators: "Breaks even in year 3 · money in EUR" */
    break_even = g_strdup_printf (_("Breaks even in year %d · money in %s"), p->break_even_year,
                                  currency);
  else
    break_even = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Does not break even within %d year · money in %s",
                                               "Does not break even within %d years · money in %s",
                                               p->n_years), p->n_years, currency);
  set_label (self->projection_break_even, break_even);

  for (int t = 0; t < TRIB_SCENARIO_MAX_YEARS; t++)
    gtk_widget_set_visible (self->year_labels[t], t < years);
  for (guint c = 1; c < n_columns && c - 1 < TRIB_SCENARIO_N_METRICS; c++)
    for (int t = 0; t < TRIB_SCENARIO_MAX_YEARS; t++)
      {
        GtkWidget *cell = self->cells[c - 1][t];

        gtk_widget_set_visible (cell, t < years);
        if (t < years)
          {
            g_autofree char *text =
              trib_scenario_format_value (columns[c].kind,
                                          trib_scenario_column_value (&columns[c], &p->years[t]));
            set_label (cell, text);
          }
      }
}

/* The label at @column, @row of the comparison, made once. */
static GtkWidget *
comparison_cell (TribScenariosPage *self,
                 int                column,
                 int                row)
{
  GtkWidget *label = gtk_grid_get_child_at (self->comparison_table, column, row);

  if (label == NULL)
    {
      label = cell_label ("", column > 0);
      if (column == 0)
        {
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
        }
      if (row == 0)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
          gtk_widget_add_css_class (label, "heading");
        }
      gtk_grid_attach (self->comparison_table, label, column, row, 1, 1);
    }
  return label;
}

static void
set_comparison_row (TribScenariosPage    *self,
                    int                   row,
                    TribScenario         *scenario,
                    const TribProjection *p)
{
  const TribScenarioYear *last = &p->years[p->n_years - 1];
  GtkWidget *name = comparison_cell (self, 0, row);

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (name)), trib_scenario_get_name (scenario)) != 0)
    {
      gtk_label_set_text (GTK_LABEL (name), trib_scenario_get_name (scenario));
      gtk_widget_set_tooltip_text (name, trib_scenario_get_name (scenario));
    }
  for (guint c = 0; c < G_N_ELEMENTS (comparison_columns); c++)
    {
      g_autofree char *text = NULL;

      if (comparison_columns[c].key == NULL)
        text = p->break_even_year > 0 ? g_strdup_printf (_("Year %d"), p->break_even_year)
                                      : g_strdup (_("None"));
      else
        {
          const TribScenarioColumn *col = trib_scenario_column_lookup (comparison_columns[c].key);
          text = trib_scenario_format_value (col->kind, trib_scenario_column_value (col, last));
        }
      set_label (comparison_cell (self, c + 1, row), text);
    }
}

/* Rows from @first on are no longer needed. */
static void
trim_comparison (TribScenariosPage *self,
                 int                first)
{
  GtkWidget *child;

  while ((child = gtk_grid_get_child_at (self->comparison_table, 0, first)) != NULL)
    gtk_grid_remove_row (self->comparison_table, first);
}

/**
 * _trib_scenarios_page_update_results:
 *
 * Recomputes the selected scenario (with what is being typed) and the
 * comparison, and shows them.
 */
void
_trib_scenarios_page_update_results (TribScenariosPage *self)
{
  GListModel *items;
  TribScenarioInputs inputs;
  const char *currency;
  guint n;
  int row = 1;

  if (self->table == NULL || self->plan == NULL)
    return;
  items = trib_plan_get_items (self->plan, TRIB_TYPE_SCENARIO);
  n = g_list_model_get_n_items (items);
  currency = trib_plan_info_get_currency (trib_plan_get_info (self->plan));

  self->projection_valid = self->selected != NULL &&
                           _trib_scenarios_page_inputs (self, self->selected, TRUE, &inputs);
  for (guint k = 0; k < G_N_ELEMENTS (self->charts); k++)
    {
      trib_scenario_chart_clear (self->charts[k]);
      trib_scenario_chart_set_currency (self->charts[k], currency);
    }
  if (self->projection_valid)
    {
      TribSensitivity items_s[TRIB_N_ASSUMPTIONS];
      guint n_items;

      trib_scenario_project (&inputs, &self->projection);
      n_items = trib_scenario_sensitivity (&inputs, items_s);
      trib_scenario_chart_set_sensitivity (self->charts[TRIB_SCENARIO_CHART_TORNADO],
                                           trib_scenario_get_name (self->selected), items_s,
                                           n_items);
    }
  update_table (self);

  set_label (comparison_cell (self, 0, 0), _("Scenario"));
  for (guint c = 0; c < G_N_ELEMENTS (comparison_columns); c++)
    set_label (comparison_cell (self, c + 1, 0), _(comparison_columns[c].title));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribScenario) scenario = g_list_model_get_item (items, i);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (scenario));
      TribScenarioInputs in;
      TribProjection p;

      if (g_hash_table_contains (self->excluded, &id) ||
          !_trib_scenarios_page_inputs (self, scenario, TRUE, &in))
        continue;
      trib_scenario_project (&in, &p);
      for (int k = TRIB_SCENARIO_CHART_REVENUE; k <= TRIB_SCENARIO_CHART_ENGINEERING; k++)
        trib_scenario_chart_add_scenario (self->charts[k], trib_scenario_get_name (scenario), &p);
      set_comparison_row (self, row++, scenario, &p);
    }
  trim_comparison (self, row);

  for (guint k = 0; k < G_N_ELEMENTS (self->charts); k++)
    {
      g_autofree char *summary = trib_scenario_chart_describe (self->charts[k]);

      trib_chart_view_set_summary (TRIB_CHART_VIEW (self->chart_views[k]), summary);
      trib_chart_view_redraw (TRIB_CHART_VIEW (self->chart_views[k]));
    }
}

/**
 * _trib_scenarios_page_dispose_results:
 *
 * Drops the charts.
 */
void
_trib_scenarios_page_dispose_results (TribScenariosPage *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (self->charts); k++)
    g_clear_pointer (&self->charts[k], trib_scenario_chart_unref);
  self->table = NULL;
}

/**
 * trib_scenarios_page_get_chart:
 * @kind: which chart
 *
 * Returns: (transfer none): the data of one of the page's charts, as drawn
 */
TribScenarioChart *
trib_scenarios_page_get_chart (TribScenariosPage     *self,
                               TribScenarioChartKind  kind)
{
  g_return_val_if_fail (TRIB_IS_SCENARIOS_PAGE (self), NULL);
  g_return_val_if_fail (kind <= TRIB_SCENARIO_CHART_TORNADO, NULL);

  return self->charts[kind];
}

/**
 * trib_scenarios_page_get_projection:
 *
 * Returns: (transfer none) (nullable): the projection of the selected
 *   scenario the table shows, with what is being typed
 */
const TribProjection *
trib_scenarios_page_get_projection (TribScenariosPage *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIOS_PAGE (self), NULL);

  return self->projection_valid ? &self->projection : NULL;
}

/**
 * trib_scenarios_page_get_table_csv:
 *
 * Returns: (transfer full) (nullable): the selected scenario's projection
 *   as CSV, one row per year with the columns of `tributary-cli scenarios
 *   --csv`
 */
char *
trib_scenarios_page_get_table_csv (TribScenariosPage *self)
{
  GString *out;
  guint n_columns;
  const TribScenarioColumn *columns = trib_scenario_columns (&n_columns);

  g_return_val_if_fail (TRIB_IS_SCENARIOS_PAGE (self), NULL);

  if (!self->projection_valid)
    return NULL;
  out = g_string_new (NULL);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, "%s%s", c ? "," : "", columns[c].key);
  g_string_append (out, "\r\n");
  for (int t = 0; t < self->projection.n_years; t++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          if (c)
            g_string_append_c (out, ',');
          trib_csv_append_number (out, trib_scenario_column_value (&columns[c],
                                                                   &self->projection.years[t]));
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/**
 * trib_scenarios_page_get_comparison_csv:
 *
 * Returns: (transfer full): the last-year comparison as CSV
 */
char *
trib_scenarios_page_get_comparison_csv (TribScenariosPage *self)
{
  GListModel *items;
  GString *out;

  g_return_val_if_fail (TRIB_IS_SCENARIOS_PAGE (self), NULL);

  out = g_string_new ("name,model,years");
  for (guint c = 0; c < G_N_ELEMENTS (comparison_columns); c++)
    g_string_append_printf (out, ",%s",
                            comparison_columns[c].key ? comparison_columns[c].key : "break_even_year");
  g_string_append (out, "\r\n");
  items = trib_plan_get_items (self->plan, TRIB_TYPE_SCENARIO);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TribScenario) scenario = g_list_model_get_item (items, i);
      g_autoptr(GEnumClass) models = g_type_class_ref (TRIB_TYPE_BUSINESS_MODEL);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (scenario));
      TribScenarioInputs in;
      TribProjection p;

      if (g_hash_table_contains (self->excluded, &id) ||
          !_trib_scenarios_page_inputs (self, scenario, TRUE, &in))
        continue;
      trib_scenario_project (&in, &p);
      trib_csv_append_field (out, trib_scenario_get_name (scenario));
      g_string_append_printf (out, ",%s,%d",
                              g_enum_get_value (models, trib_scenario_get_model (scenario))->value_nick,
                              p.n_years);
      for (guint c = 0; c < G_N_ELEMENTS (comparison_columns); c++)
        {
          g_string_append_c (out, ',');
          if (comparison_columns[c].key == NULL)
            {
              if (p.break_even_year > 0)
                g_string_append_printf (out, "%d", p.break_even_year);
            }
          else
            {
              const TribScenarioColumn *col = trib_scenario_column_lookup (comparison_columns[c].key);
              trib_csv_append_number (out, trib_scenario_column_value (col, &p.years[p.n_years - 1]));
            }
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
