/* trib-chart-patches.c: the patch-debt projection, carry forward against upstream first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-chart-patches.h"
#include "trib-patch-debt.h"

struct _TribPatchesChart
{
  gatomicrefcount ref;
  guint           n_quarters;
  char          **quarters;
  double         *hours[TRIB_DEBT_N_CURVES];
  double          threshold;
  double          totals[TRIB_DEBT_N_CURVES];
};

/**
 * trib_patches_chart_new:
 * @plan: a plan
 *
 * Returns: (transfer full): the hours carrying @plan's patches costs per
 *   quarter on both curves of the projection, with the plan's threshold
 */
TribPatchesChart *
trib_patches_chart_new (TribPlan *plan)
{
  g_autoptr(TribPatchDebt) debt = trib_patch_debt_compute (plan);
  TribPatchesChart *self = g_new0 (TribPatchesChart, 1);
  guint n = trib_patch_debt_get_n_quarters (debt);

  g_atomic_ref_count_init (&self->ref);
  self->n_quarters = n;
  self->quarters = g_new0 (char *, n + 1);
  for (guint c = 0; c < TRIB_DEBT_N_CURVES; c++)
    {
      self->hours[c] = g_new0 (double, MAX (n, 1));
      for (guint q = 0; q < n; q++)
        self->hours[c][q] = trib_patch_debt_get_hours (debt, c, q);
      self->totals[c] = trib_patch_debt_get_total_hours (debt, c);
    }
  for (guint q = 0; q < n; q++)
    self->quarters[q] = g_strdup (trib_patch_debt_get_quarter (debt, q));
  self->threshold = trib_entity_get_double (TRIB_ENTITY (trib_plan_get_info (plan)), "check_patch_hours");
  return self;
}

/** trib_patches_chart_ref: Returns: (transfer full): @self */
TribPatchesChart *
trib_patches_chart_ref (TribPatchesChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/** trib_patches_chart_unref: drops a reference to @self. */
void
trib_patches_chart_unref (TribPatchesChart *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_strfreev (self->quarters);
  for (guint c = 0; c < TRIB_DEBT_N_CURVES; c++)
    g_free (self->hours[c]);
  g_free (self);
}

/**
 * trib_patches_chart_get_summary:
 *
 * Returns: (transfer full): what the chart shows in words
 */
char *
trib_patches_chart_get_summary (TribPatchesChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->n_quarters == 0)
    return g_strdup (_("No projection: the plan has no first quarter."));
  return g_strdup_printf (_("Carrying patches forward costs %.0f hours from %s to %s; upstream first, %.0f hours."),
                          self->totals[TRIB_DEBT_CARRY_FORWARD], self->quarters[0],
                          self->quarters[self->n_quarters - 1],
                          self->totals[TRIB_DEBT_UPSTREAM_FIRST]);
}

/**
 * trib_patches_chart_draw:
 * @chart: a #TribPatchesChart
 *
 * Draws the hours per quarter of both curves, and the plan's threshold as
 * a dashed line. A #TribChartDrawFunc.
 */
void
trib_patches_chart_draw (cairo_t              *cr,
                         const TribChartStyle *style,
                         double                width,
                         double                height,
                         gpointer              chart)
{
  TribPatchesChart *self = chart;
  TribChartRect area = { 8, 8, MAX (1.0, width - 16), MAX (1.0, height - 16) };
  const char *labels[3] = { _("Carry forward"), _("Upstream first"), _("Threshold") };
  TribRgba colors[3];
  TribChartRect plot;
  double lo, hi, band, max = 0, legend_h, y;
  guint n = self->n_quarters;

  trib_chart_paint_background (cr, style, width, height);
  if (n == 0)
    {
      trib_chart_draw_empty (cr, style, area, _("Set the plan’s first quarter to project patch debt."));
      return;
    }
  colors[0] = style->bad;
  colors[1] = style->good;
  colors[2] = style->dim;
  legend_h = trib_chart_draw_legend (cr, style, area, labels, colors, 3);
  area.y += legend_h + 8;
  area.height = MAX (1.0, area.height - legend_h - 8);

  for (guint c = 0; c < TRIB_DEBT_N_CURVES; c++)
    for (guint q = 0; q < n; q++)
      max = MAX (max, self->hours[c][q]);
  max = MAX (max, self->threshold);
  plot = trib_chart_draw_value_axis (cr, style, area, 0, MAX (max, 1), &lo, &hi);
  trib_chart_draw_category_axis (cr, style, plot, (const char * const *) self->quarters, n);
  band = plot.width / n;

  cairo_save (cr);
  trib_chart_set_color (cr, &colors[2]);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, (double[]) { 4, 4 }, 2, 0);
  y = trib_chart_value_to_y (plot, lo, hi, self->threshold);
  cairo_move_to (cr, plot.x, y);
  cairo_line_to (cr, plot.x + plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2.0);
  for (guint c = 0; c < TRIB_DEBT_N_CURVES; c++)
    {
      trib_chart_set_color (cr, &colors[c]);
      for (guint q = 0; q < n; q++)
        {
          double x = plot.x + band * (q + 0.5);
          double yq = trib_chart_value_to_y (plot, lo, hi, self->hours[c][q]);
          if (q == 0)
            cairo_move_to (cr, x, yq);
          else
            cairo_line_to (cr, x, yq);
        }
      cairo_stroke (cr);
      for (guint q = 0; q < n; q++)
        {
          cairo_arc (cr, plot.x + band * (q + 0.5), trib_chart_value_to_y (plot, lo, hi, self->hours[c][q]),
                     3.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}
