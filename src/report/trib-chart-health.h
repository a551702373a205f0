/* trib-chart-health.h: an upstream's commit sparkline and health history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-chart.h"

G_BEGIN_DECLS

/**
 * TribHealthPoint:
 * @time: Unix time of the snapshot
 * @score: its health score, 0–100
 */
typedef struct
{
  gint64 time;
  int    score;
} TribHealthPoint;

void trib_chart_health_sparkline (cairo_t               *cr,
                                  const TribChartStyle  *style,
                                  double                 width,
                                  double                 height,
                                  const int             *weeks,
                                  guint                  n_weeks);
void trib_chart_health_history   (cairo_t               *cr,
                                  const TribChartStyle  *style,
                                  double                 width,
                                  double                 height,
                                  const TribHealthPoint *points,
                                  guint                  n_points);
const TribRgba *trib_chart_health_color (const TribChartStyle *style,
                                         int                   score);

G_END_DECLS
