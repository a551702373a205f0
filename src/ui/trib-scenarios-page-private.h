/* trib-scenarios-page-private.h: the Business Models page, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * trib-scenarios-page.c holds the list and the scenario's own settings,
 * trib-scenarios-page-editor.c the assumption editor and
 * trib-scenarios-page-results.c the projection table, the comparison and
 * the charts.
 */
#pragma once

#include "trib-scenarios-page.h"
#include "trib-scenario-projection.h"

G_BEGIN_DECLS

#define TRIB_SCENARIO_N_METRICS 21

typedef struct
{
  GtkWidget *row;
  GtkWidget *entry;
  GtkWidget *reset;
  gboolean   syncing;
} AssumptionRow;

struct _TribScenariosPage
{
  GtkWidget         parent_instance;

  TribPageContext  *context;
  TribPlan         *plan;
  TribScenario     *selected;
  GHashTable       *excluded;      /* ids of scenarios left out of the comparison */
  gboolean          rebuilding;

  /* While an assumption is typed: its value, not yet committed. */
  int               preview_assumption; /* -1 for none */
  double            preview_value;
  int               editing;            /* the assumption whose text is uncommitted, or -1 */

  /* template */
  GtkStack         *main_stack;
  GtkListBox       *list;
  GtkWidget        *assumptions_box;
  GtkWidget        *projection_box;
  GtkWidget        *comparison_box;
  AdwViewStack     *view_stack;

  /* scenario settings */
  AdwEntryRow      *name_row;
  AdwComboRow      *model_row;
  AdwComboRow      *base_row;
  AdwComboRow      *years_row;
  AdwComboRow      *p0_source_row;
  AdwEntryRow      *p0_row;
  GtkWidget        *groups[TRIB_N_ASSUMPTION_GROUPS];
  AssumptionRow     rows[TRIB_N_ASSUMPTIONS];

  /* results */
  TribProjection    projection;
  gboolean          projection_valid;
  GtkWidget        *projection_title;
  GtkWidget        *projection_break_even;
  GtkGrid          *table;
  GtkWidget        *year_labels[TRIB_SCENARIO_MAX_YEARS];
  GtkWidget        *cells[TRIB_SCENARIO_N_METRICS][TRIB_SCENARIO_MAX_YEARS];
  GtkGrid          *comparison_table;
  GtkWidget        *tornado_view;
  GtkWidget        *chart_views[TRIB_SCENARIO_CHART_TORNADO + 1];
  TribScenarioChart *charts[TRIB_SCENARIO_CHART_TORNADO + 1];
};

/* trib-scenarios-page.c */
void     _trib_scenarios_page_refuse             (TribScenariosPage *self,
                                                  const char        *message);
gboolean _trib_scenarios_page_inputs             (TribScenariosPage *self,
                                                  TribScenario      *scenario,
                                                  gboolean           with_preview,
                                                  TribScenarioInputs *inputs);

/* trib-scenarios-page-editor.c */
void     _trib_scenarios_page_build_editor       (TribScenariosPage *self);
void     _trib_scenarios_page_sync_editor        (TribScenariosPage *self);
void     _trib_scenarios_page_commit_typing      (TribScenariosPage *self);

/* trib-scenarios-page-results.c */
void     _trib_scenarios_page_install_result_actions (GtkWidgetClass *klass);
void     _trib_scenarios_page_build_results      (TribScenariosPage *self);
void     _trib_scenarios_page_update_results     (TribScenariosPage *self);
void     _trib_scenarios_page_dispose_results    (TribScenariosPage *self);

G_END_DECLS
