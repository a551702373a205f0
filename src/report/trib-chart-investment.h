/* trib-chart-investment.h: engineers per upstream over the quarters, stacked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-chart.h"
#include "trib-investment-table.h"
#include "trib-plan.h"

G_BEGIN_DECLS

/* Upstreams drawn on their own; the rest are stacked as one "Others". */
#define TRIB_INVESTMENT_CHART_SERIES 7

typedef struct _TribInvestmentChart TribInvestmentChart;

TribInvestmentChart *trib_investment_chart_new         (TribPlan            *plan);
TribInvestmentChart *trib_investment_chart_new_from_table (TribPlan            *plan,
                                                           TribInvestmentTable *table);
TribInvestmentChart *trib_investment_chart_ref         (TribInvestmentChart *self);
void                 trib_investment_chart_unref       (TribInvestmentChart *self);
guint                trib_investment_chart_get_n_series (TribInvestmentChart *self);
char                *trib_investment_chart_get_summary (TribInvestmentChart *self);
void                 trib_investment_chart_draw        (cairo_t              *cr,
                                                        const TribChartStyle *style,
                                                        double                width,
                                                        double                height,
                                                        gpointer              chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribInvestmentChart, trib_investment_chart_unref)

G_END_DECLS
