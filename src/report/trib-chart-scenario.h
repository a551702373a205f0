/* trib-chart-scenario.h: business-model scenarios side by side, on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Business Models page and the PDF report draw the same pictures:
 * revenue, operating result and cumulative cash per year, one line per
 * scenario; own against community engineering in the last year; and the
 * tornado of one scenario's sensitivity.
 */
#pragma once

#include <cairo.h>

#include "trib-chart.h"
#include "trib-scenario-projection.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_SCENARIO_CHART_REVENUE,
  TRIB_SCENARIO_CHART_OPERATING_RESULT,
  TRIB_SCENARIO_CHART_CASH,
  TRIB_SCENARIO_CHART_ENGINEERING,
  TRIB_SCENARIO_CHART_TORNADO,
} TribScenarioChartKind;

typedef struct _TribScenarioChart TribScenarioChart;

TribScenarioChart *trib_scenario_chart_new             (TribScenarioChartKind     kind);
TribScenarioChart *trib_scenario_chart_ref             (TribScenarioChart        *self);
void               trib_scenario_chart_unref           (TribScenarioChart        *self);

TribScenarioChart *trib_scenario_chart_new_for_plan    (TribPlan                 *plan,
                                                        TribScenarioChartKind     kind,
                                                        TribScenario             *tornado_of,
                                                        GError                  **error);

TribScenarioChartKind trib_scenario_chart_get_kind     (TribScenarioChart        *self);
const char        *trib_scenario_chart_get_title       (TribScenarioChart        *self);
void               trib_scenario_chart_clear           (TribScenarioChart        *self);
void               trib_scenario_chart_add_scenario    (TribScenarioChart        *self,
                                                        const char               *name,
                                                        const TribProjection     *projection);
void               trib_scenario_chart_set_sensitivity (TribScenarioChart        *self,
                                                        const char               *name,
                                                        const TribSensitivity    *items,
                                                        guint                     n_items);
void               trib_scenario_chart_set_currency    (TribScenarioChart        *self,
                                                        const char               *currency);
guint              trib_scenario_chart_get_n_series    (TribScenarioChart        *self);
double             trib_scenario_chart_get_value       (TribScenarioChart        *self,
                                                        guint                     series,
                                                        guint                     index);
char              *trib_scenario_chart_describe        (TribScenarioChart        *self);

void               trib_scenario_chart_draw            (cairo_t                  *cr,
                                                        const TribChartStyle     *style,
                                                        double                    width,
                                                        double                    height,
                                                        gpointer                  chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribScenarioChart, trib_scenario_chart_unref)

G_END_DECLS
