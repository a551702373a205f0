/* trib-chart-patches.h: the patch-debt projection, carry forward against upstream first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-chart.h"
#include "trib-plan.h"

G_BEGIN_DECLS

typedef struct _TribPatchesChart TribPatchesChart;

TribPatchesChart *trib_patches_chart_new         (TribPlan         *plan);
TribPatchesChart *trib_patches_chart_ref         (TribPatchesChart *self);
void              trib_patches_chart_unref       (TribPatchesChart *self);
char             *trib_patches_chart_get_summary (TribPatchesChart *self);
void              trib_patches_chart_draw        (cairo_t              *cr,
                                                  const TribChartStyle *style,
                                                  double                width,
                                                  double                height,
                                                  gpointer              chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribPatchesChart, trib_patches_chart_unref)

G_END_DECLS
