/* trib-chart-investment.c: engineers per upstream over the quarters, stacked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart copies what it draws from the plan when it is made, so the
 * window and a report rendered on a worker thread draw the same picture.
 */
#define G_LOG_DOMAIN "trib-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-chart-investment.h"
#include "trib-investment-table.h"

struct _TribInvestmentChart
{
  gatomicrefcount ref;
  guint           n_quarters;
  char          **quarters;
  guint           n_series;  /* named upstreams, then "Others" if any */
  char          **names;
  double         *fte;       /* n_series × n_quarters */
  double          peak;
};

/**
 * trib_investment_chart_new:
 * @plan: a plan
 *
 * Returns: (transfer full): the engineers of @plan per quarter, the
 *   upstreams with most engineer-quarters on their own and the rest as
 *   "Others"
 */
TribInvestmentChart *
trib_investment_chart_new (TribPlan *plan)
{
  g_autoptr(TribInvestmentTable) table = trib_investment_table_new (plan);

  return trib_investment_chart_new_from_table (plan, table);
}

/**
 * trib_investment_chart_new_from_table:
 * @plan: a plan
 * @table: its investments, already read
 *
 * Returns: (transfer full): the chart of @table, as trib_investment_chart_new()
 */
TribInvestmentChart *
trib_investment_chart_new_from_table (TribPlan            *plan,
                                      TribInvestmentTable *table)
{
  g_autoptr(GArray) top = trib_investment_table_top_upstreams (table, G_MAXUINT);
  TribInvestmentChart *self = g_new0 (TribInvestmentChart, 1);
  guint named = MIN (top->len, TRIB_INVESTMENT_CHART_SERIES);
  guint n = trib_investment_table_get_n_quarters (table);

  g_atomic_ref_count_init (&self->ref);
  self->n_quarters = n;
  self->quarters = g_new0 (char *, n + 1);
  for (guint q = 0; q < n; q++)
    self->quarters[q] = g_strdup (trib_investment_table_get_quarter (table, q));
  self->n_series = named + (top->len > named ? 1 : 0);
  self->names = g_new0 (char *, self->n_series + 1);
  self->fte = g_new0 (double, MAX (self->n_series * n, 1));
  for (guint s = 0; s < named; s++)
    {
      gint64 id = g_array_index (top, gint64, s);
      TribEntity *u = trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM, id);

      self->names[s] = u ? trib_entity_get_title (u) : g_strdup ("?");
      for (guint q = 0; q < n; q++)
        self->fte[s * n + q] = trib_investment_table_get_fte (table, id, q);
    }
  if (top->len > named)
    {
      /* The rest of each quarter's total, without visiting thousands of
       * upstreams again. */
      self->names[named] = g_strdup (_("Others"));
      for (guint q = 0; q < n; q++)
        {
          double rest = trib_investment_table_get_quarter_total (table, q);
          for (guint s = 0; s < named; s++)
            rest -= self->fte[s * n + q];
          self->fte[named * n + q] = MAX (rest, 0);
        }
    }
  for (guint q = 0; q < n; q++)
    self->peak = MAX (self->peak, trib_investment_table_get_quarter_total (table, q));
  return self;
}

/** trib_investment_chart_ref: Returns: (transfer full): @self */
TribInvestmentChart *
trib_investment_chart_ref (TribInvestmentChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/** trib_investment_chart_unref: drops a reference to @self. */
void
trib_investment_chart_unref (TribInvestmentChart *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_strfreev (self->quarters);
  g_strfreev (self->names);
  g_free (self->fte);
  g_free (self);
}

/** trib_investment_chart_get_n_series: Returns: how many stacked series it draws */
guint
trib_investment_chart_get_n_series (TribInvestmentChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_series;
}

/**
 * trib_investment_chart_get_summary:
 *
 * Returns: (transfer full): what the chart shows in words, for screen
 *   readers
 */
char *
trib_investment_chart_get_summary (TribInvestmentChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->n_quarters == 0 || self->n_series == 0)
    return g_strdup (_("No engineers invested in the plan’s quarters."));
  return g_strdup_printf (_("Engineers per upstream from %s to %s, at most %.1f in one quarter."),
                          self->quarters[0], self->quarters[self->n_quarters - 1], self->peak);
}

/**
 * trib_investment_chart_draw:
 * @chart: a #TribInvestmentChart
 *
 * Draws stacked bars of engineers per quarter, one colour per upstream,
 * in @width × @height user units of @cr. A #TribChartDrawFunc.
 */
void
trib_investment_chart_draw (cairo_t              *cr,
                            const TribChartStyle *style,
                            double                width,
                            double                height,
                            gpointer              chart)
{
  TribInvestmentChart *self = chart;
  TribChartRect area = { 8, 8, MAX (1.0, width - 16), MAX (1.0, height - 16) };
  g_autofree TribRgba *colors = NULL;
  TribChartRect plot;
  double lo, hi, band, legend_h;
  guint n = self->n_quarters;

  trib_chart_paint_background (cr, style, width, height);
  if (n == 0 || self->n_series == 0 || self->peak <= 0)
    {
      trib_chart_draw_empty (cr, style, area,
                             n == 0 ? _("Set the plan’s first quarter to plan investment.")
                                    : _("No engineers invested yet."));
      return;
    }

  colors = g_new0 (TribRgba, self->n_series);
  for (guint s = 0; s < self->n_series; s++)
    trib_chart_series_color (style, s, &colors[s]);
  legend_h = trib_chart_draw_legend (cr, style, area, (const char * const *) self->names,
                                     colors, self->n_series);
  area.y += legend_h + 8;
  area.height = MAX (1.0, area.height - legend_h - 8);

  plot = trib_chart_draw_value_axis (cr, style, area, 0, self->peak, &lo, &hi);
  trib_chart_draw_category_axis (cr, style, plot, (const char * const *) self->quarters, n);
  band = plot.width / n;
  for (guint q = 0; q < n; q++)
    {
      double base = 0;
      double x = plot.x + band * q + band * 0.15;

      for (guint s = 0; s < self->n_series; s++)
        {
          double v = self->fte[s * n + q];
          double y0 = trib_chart_value_to_y (plot, lo, hi, base);
          double y1 = trib_chart_value_to_y (plot, lo, hi, base + v);

          if (v <= 0)
            continue;
          trib_chart_set_color (cr, &colors[s]);
          cairo_rectangle (cr, x, y1, band * 0.7, y0 - y1);
          cairo_fill (cr);
          base += v;
        }
    }
}
