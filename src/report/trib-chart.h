/* trib-chart.h: what every chart shares — style, text, axes, legend, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts are functions that draw on any cairo_t in a rectangle of user
 * units: the window wraps one in a TribChartView (1 unit = 1 logical
 * pixel), the PDF report calls the same function on a page (1 unit = 1 pt),
 * and trib_chart_export() writes it to PNG or SVG.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} TribRgba;

typedef struct
{
  double x, y, width, height;
} TribChartRect;

typedef enum
{
  TRIB_CHART_ALIGN_START,
  TRIB_CHART_ALIGN_CENTER,
  TRIB_CHART_ALIGN_END,
} TribChartAlign;

/**
 * TribChartStyle:
 *
 * Colours and fonts of a chart. Initialise with trib_chart_style_init();
 * a caller may then change any member (the report, for instance, uses a
 * smaller font size on dense pages).
 */
typedef struct
{
  gboolean dark;
  TribRgba background;   /* fully transparent in the window: the widget's own background shows */
  TribRgba foreground;   /* text, axes */
  TribRgba dim;          /* secondary text, tick labels */
  TribRgba grid;         /* grid lines */
  TribRgba accent;       /* a single series, the today marker */
  TribRgba good;         /* healthy, positive */
  TribRgba warning;
  TribRgba bad;          /* failing, negative */
  const char *font_family;
  double font_size;      /* in user units */
} TribChartStyle;

typedef void (*TribChartDrawFunc) (cairo_t              *cr,
                                   const TribChartStyle *style,
                                   double                width,
                                   double                height,
                                   gpointer              user_data);

typedef enum
{
  TRIB_CHART_FORMAT_PNG,
  TRIB_CHART_FORMAT_SVG,
} TribChartFormat;

void     trib_chart_style_init        (TribChartStyle       *style,
                                       gboolean              dark);
void     trib_chart_series_color      (const TribChartStyle *style,
                                       guint                 index,
                                       TribRgba             *color);
void     trib_chart_set_color         (cairo_t              *cr,
                                       const TribRgba       *color);
void     trib_chart_paint_background  (cairo_t              *cr,
                                       const TribChartStyle *style,
                                       double                width,
                                       double                height);

void     trib_chart_text              (cairo_t              *cr,
                                       const TribChartStyle *style,
                                       const char           *text,
                                       double                x,
                                       double                y,
                                       double                size,
                                       gboolean              bold,
                                       TribChartAlign        halign,
                                       TribChartAlign        valign,
                                       const TribRgba       *color);
void     trib_chart_text_extents      (cairo_t              *cr,
                                       const TribChartStyle *style,
                                       const char           *text,
                                       double                size,
                                       gboolean              bold,
                                       double               *width,
                                       double               *height);

gboolean trib_chart_nice_range        (double                min,
                                       double                max,
                                       guint                 max_ticks,
                                       double               *tick_min,
                                       double               *tick_max,
                                       double               *step);
char    *trib_chart_format_number     (double                value);

TribChartRect trib_chart_draw_value_axis    (cairo_t              *cr,
                                             const TribChartStyle *style,
                                             TribChartRect         area,
                                             double                min,
                                             double                max,
                                             double               *out_min,
                                             double               *out_max);
void          trib_chart_draw_category_axis (cairo_t              *cr,
                                             const TribChartStyle *style,
                                             TribChartRect         plot,
                                             const char * const   *labels,
                                             guint                 n_labels);
double        trib_chart_value_to_y         (TribChartRect         plot,
                                             double                min,
                                             double                max,
                                             double                value);
double        trib_chart_draw_legend        (cairo_t              *cr,
                                             const TribChartStyle *style,
                                             TribChartRect         area,
                                             const char * const   *labels,
                                             const TribRgba       *colors,
                                             guint                 n_labels);
void          trib_chart_draw_title         (cairo_t              *cr,
                                             const TribChartStyle *style,
                                             TribChartRect        *area,
                                             const char           *title);
void          trib_chart_draw_empty         (cairo_t              *cr,
                                             const TribChartStyle *style,
                                             TribChartRect         area,
                                             const char           *message);

gboolean trib_chart_export            (TribChartDrawFunc     draw,
                                       gpointer              user_data,
                                       gboolean              dark,
                                       double                width,
                                       double                height,
                                       TribChartFormat       format,
                                       const char           *path,
                                       GError              **error);

G_END_DECLS
