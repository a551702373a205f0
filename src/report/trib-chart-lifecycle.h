/* trib-chart-lifecycle.h: product releases from GA to end of life, today marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-chart.h"
#include "trib-plan.h"

G_BEGIN_DECLS

typedef struct _TribLifecycleChart TribLifecycleChart;

TribLifecycleChart *trib_lifecycle_chart_new         (TribPlan           *plan,
                                                      const char         *today);
TribLifecycleChart *trib_lifecycle_chart_ref         (TribLifecycleChart *self);
void                trib_lifecycle_chart_unref       (TribLifecycleChart *self);
guint               trib_lifecycle_chart_get_n_releases (TribLifecycleChart *self);
char               *trib_lifecycle_chart_get_summary (TribLifecycleChart *self);
void                trib_lifecycle_chart_draw        (cairo_t              *cr,
                                                      const TribChartStyle *style,
                                                      double                width,
                                                      double                height,
                                                      gpointer              chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribLifecycleChart, trib_lifecycle_chart_unref)

G_END_DECLS
