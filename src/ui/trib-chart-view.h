/* trib-chart-view.h: a widget that shows one chart drawn by src/report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trib-chart.h"

G_BEGIN_DECLS

#define TRIB_TYPE_CHART_VIEW (trib_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TribChartView, trib_chart_view, TRIB, CHART_VIEW, GtkWidget)

GtkWidget  *trib_chart_view_new            (void);
void        trib_chart_view_set_draw_func  (TribChartView     *self,
                                            TribChartDrawFunc  draw,
                                            gpointer           user_data,
                                            GDestroyNotify     destroy);
void        trib_chart_view_set_summary    (TribChartView     *self,
                                            const char        *summary);
void        trib_chart_view_set_file_name  (TribChartView     *self,
                                            const char        *file_name);
void        trib_chart_view_redraw         (TribChartView     *self);
gboolean    trib_chart_view_save           (TribChartView     *self,
                                            TribChartFormat    format,
                                            const char        *path,
                                            GError           **error);

G_END_DECLS
