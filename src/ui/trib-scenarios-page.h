/* trib-scenarios-page.h: the Business Models page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-chart-scenario.h"
#include "trib-page-context.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCENARIOS_PAGE (trib_scenarios_page_get_type ())

G_DECLARE_FINAL_TYPE (TribScenariosPage, trib_scenarios_page, TRIB, SCENARIOS_PAGE, GtkWidget)

GtkWidget         *trib_scenarios_page_new              (TribPageContext       *context);
TribScenario      *trib_scenarios_page_get_selected     (TribScenariosPage     *self);
void               trib_scenarios_page_select           (TribScenariosPage     *self,
                                                         TribScenario          *scenario);
TribScenarioChart *trib_scenarios_page_get_chart        (TribScenariosPage     *self,
                                                         TribScenarioChartKind  kind);
const TribProjection *trib_scenarios_page_get_projection (TribScenariosPage    *self);
char              *trib_scenarios_page_get_table_csv    (TribScenariosPage     *self);
char              *trib_scenarios_page_get_comparison_csv (TribScenariosPage   *self);

G_END_DECLS
