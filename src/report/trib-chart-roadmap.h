/* trib-chart-roadmap.h: the roadmap timeline, drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same drawing paints the Roadmap page of the window and the landscape
 * pages of the PDF report. A chart shows a window of the roadmap — a range
 * of days and a range of lines (lane titles and rows) — so that the report
 * can tile a long roadmap over several pages without shrinking its text.
 */
#pragma once

#include <cairo.h>

#include "trib-chart.h"
#include "trib-roadmap.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_ROADMAP_ZOOM_MONTHS,
  TRIB_ROADMAP_ZOOM_QUARTERS,
  TRIB_ROADMAP_ZOOM_YEARS,
} TribRoadmapZoom;

typedef struct _TribRoadmapChart TribRoadmapChart;

TribRoadmapChart *trib_roadmap_chart_new          (TribRoadmap          *roadmap,
                                                   TribRoadmapZoom       zoom,
                                                   double                font_size);
void              trib_roadmap_chart_free         (TribRoadmapChart     *self);

TribRoadmap      *trib_roadmap_chart_get_roadmap  (TribRoadmapChart     *self);
void              trib_roadmap_chart_set_today    (TribRoadmapChart     *self,
                                                   guint32               today);
void              trib_roadmap_chart_set_selected (TribRoadmapChart     *self,
                                                   int                   index);
void              trib_roadmap_chart_set_range    (TribRoadmapChart     *self,
                                                   guint32               first_day,
                                                   guint32               last_day);
void              trib_roadmap_chart_set_view     (TribRoadmapChart     *self,
                                                   guint32               first_day,
                                                   guint32               last_day,
                                                   guint                 first_line,
                                                   guint                 n_lines);

double            trib_roadmap_chart_get_px_per_day (TribRoadmapChart   *self);
guint             trib_roadmap_chart_get_n_lines  (TribRoadmapChart     *self);
double            trib_roadmap_chart_get_gutter   (TribRoadmapChart     *self);
double            trib_roadmap_chart_get_header_height (TribRoadmapChart *self);
double            trib_roadmap_chart_get_line_height (TribRoadmapChart  *self);
void              trib_roadmap_chart_get_size     (TribRoadmapChart     *self,
                                                   double               *width,
                                                   double               *height);
int               trib_roadmap_chart_hit          (TribRoadmapChart     *self,
                                                   double                x,
                                                   double                y);
gboolean          trib_roadmap_chart_get_item_rect (TribRoadmapChart    *self,
                                                   int                   index,
                                                   TribChartRect        *rect);
guint32           trib_roadmap_chart_x_to_day     (TribRoadmapChart     *self,
                                                   double                x);

void              trib_roadmap_chart_draw         (cairo_t              *cr,
                                                   const TribChartStyle *style,
                                                   double                width,
                                                   double                height,
                                                   gpointer              chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribRoadmapChart, trib_roadmap_chart_free)

G_END_DECLS
