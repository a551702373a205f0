/* trib-chart-health.c: an upstream's commit sparkline and health history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both draw on any cairo_t, in the common chart style: the Upstreams page
 * shows them in TribChartViews, the report can put them on a PDF page.
 */
#define G_LOG_DOMAIN "trib-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-chart-health.h"

/**
 * trib_chart_health_color:
 * @style: the chart style
 * @score: a health score
 *
 * Returns: (transfer none): the colour of @score: good from 70, warning
 *   from 40, bad below
 */
const TribRgba *
trib_chart_health_color (const TribChartStyle *style,
                         int                   score)
{
  g_return_val_if_fail (style != NULL, NULL);

  if (score >= 70)
    return &style->good;
  if (score >= 40)
    return &style->warning;
  return &style->bad;
}

/**
 * trib_chart_health_sparkline:
 * @cr: where to draw
 * @style: the chart style
 * @width: the width in user units
 * @height: the height in user units
 * @weeks: (array length=n_weeks) (nullable): commits per week, oldest first
 * @n_weeks: how many weeks
 *
 * Draws the weekly commits as a line with a filled area, scaled to the
 * busiest week, with a dot on the last week; a flat dashed line when
 * there are no counts.
 */
void
trib_chart_health_sparkline (cairo_t              *cr,
                             const TribChartStyle *style,
                             double                width,
                             double                height,
                             const int            *weeks,
                             guint                 n_weeks)
{
  const double pad = 2;
  double max = 0, step, plot_h = height - 2 * pad;

  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);
  trib_chart_paint_background (cr, style, width, height);
  if (weeks == NULL || n_weeks < 2)
    {
      static const double dash[] = { 2, 2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      trib_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, pad, height / 2);
      cairo_line_to (cr, width - pad, height / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < n_weeks; i++)
    max = MAX (max, weeks[i]);
  if (max <= 0)
    max = 1;
  step = (width - 2 * pad) / (n_weeks - 1);

  cairo_move_to (cr, pad, height - pad);
  for (guint i = 0; i < n_weeks; i++)
    cairo_line_to (cr, pad + i * step, height - pad - plot_h * MAX (weeks[i], 0) / max);
  cairo_line_to (cr, pad + (n_weeks - 1) * step, height - pad);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 0.25);
  cairo_fill (cr);

  for (guint i = 0; i < n_weeks; i++)
    {
      double x = pad + i * step, y = height - pad - plot_h * MAX (weeks[i], 0) / max;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  trib_chart_set_color (cr, &style->accent);
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  cairo_arc (cr, pad + (n_weeks - 1) * step,
             height - pad - plot_h * MAX (weeks[n_weeks - 1], 0) / max, 1.75, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

static char *
format_date (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("?");
}

/**
 * trib_chart_health_history:
 * @cr: where to draw
 * @style: the chart style
 * @width: the width in user units
 * @height: the height in user units
 * @points: (array length=n_points): the score of each snapshot, oldest first
 * @n_points: how many
 *
 * Draws the health score over time on a 0–100 axis, with the healthy and
 * failing bands shaded, each snapshot a dot coloured by its rating, and
 * the first and last dates under the plot.
 */
void
trib_chart_health_history (cairo_t               *cr,
                           const TribChartStyle  *style,
                           double                 width,
                           double                 height,
                           const TribHealthPoint *points,
                           guint                  n_points)
{
  TribChartRect area = { 0, 0, width, height };
  TribChartRect plot;
  double min = 0, max = 100;
  gint64 t0, t1;

  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);
  trib_chart_paint_background (cr, style, width, height);
  if (points == NULL || n_points == 0)
    {
      trib_chart_draw_empty (cr, style, area, _("No statistics yet: refresh to fetch them."));
      cairo_restore (cr);
      return;
    }

  area.height -= style->font_size * 1.8;
  plot = trib_chart_draw_value_axis (cr, style, area, 0, 100, &min, &max);

  /* The bands of the ratings. */
  cairo_set_source_rgba (cr, style->good.red, style->good.green, style->good.blue, 0.08);
  cairo_rectangle (cr, plot.x, trib_chart_value_to_y (plot, min, max, 100), plot.width,
                   trib_chart_value_to_y (plot, min, max, 70) - trib_chart_value_to_y (plot, min, max, 100));
  cairo_fill (cr);
  cairo_set_source_rgba (cr, style->bad.red, style->bad.green, style->bad.blue, 0.08);
  cairo_rectangle (cr, plot.x, trib_chart_value_to_y (plot, min, max, 40), plot.width,
                   trib_chart_value_to_y (plot, min, max, 0) - trib_chart_value_to_y (plot, min, max, 40));
  cairo_fill (cr);

  t0 = points[0].time;
  t1 = points[n_points - 1].time;
  for (guint i = 0; i < n_points; i++)
    {
      double x = n_points == 1 || t1 == t0 ? plot.x + plot.width / 2
               : plot.x + plot.width * (double) (points[i].time - t0) / (double) (t1 - t0);
      double y = trib_chart_value_to_y (plot, min, max, CLAMP (points[i].score, 0, 100));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  trib_chart_set_color (cr, &style->accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  for (guint i = 0; i < n_points; i++)
    {
      double x = n_points == 1 || t1 == t0 ? plot.x + plot.width / 2
               : plot.x + plot.width * (double) (points[i].time - t0) / (double) (t1 - t0);
      double y = trib_chart_value_to_y (plot, min, max, CLAMP (points[i].score, 0, 100));

      trib_chart_set_color (cr, trib_chart_health_color (style, points[i].score));
      cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  {
    g_autofree char *first = format_date (t0);
    g_autofree char *last = format_date (t1);
    double y = plot.y + plot.height + style->font_size * 0.4;

    trib_chart_text (cr, style, first, plot.x, y, style->font_size * 0.9, FALSE,
                     TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_START, &style->dim);
    if (n_points > 1 && t1 != t0)
      trib_chart_text (cr, style, last, plot.x + plot.width, y, style->font_size * 0.9, FALSE,
                       TRIB_CHART_ALIGN_END, TRIB_CHART_ALIGN_START, &style->dim);
  }
  cairo_restore (cr);
}
