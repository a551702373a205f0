/* trib-chart-scenario.c: business-model scenarios side by side, on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trib-chart-scenario.h"

#define PAD 8.0
#define MAX_TORNADO_ROWS 12

struct _TribScenarioChart
{
  gatomicrefcount       ref;
  TribScenarioChartKind kind;
  char                 *currency;
  GPtrArray            *names;       /* of char *, one per scenario */
  GArray               *projections; /* of TribProjection */
  char                 *sensitivity_name;
  GArray               *sensitivity; /* of TribSensitivity */
};

/**
 * trib_scenario_chart_new:
 * @kind: what the chart shows
 *
 * Returns: (transfer full): an empty chart; add scenarios (or a
 *   scenario's sensitivity, for a tornado) and draw it with
 *   trib_scenario_chart_draw()
 */
TribScenarioChart *
trib_scenario_chart_new (TribScenarioChartKind kind)
{
  TribScenarioChart *self = g_new0 (TribScenarioChart, 1);

  g_atomic_ref_count_init (&self->ref);
  self->kind = kind;
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->projections = g_array_new (FALSE, FALSE, sizeof (TribProjection));
  self->sensitivity = g_array_new (FALSE, FALSE, sizeof (TribSensitivity));
  return self;
}

/**
 * trib_scenario_chart_new_for_plan:
 * @plan: a plan
 * @kind: what the chart shows
 * @tornado_of: (nullable): for a tornado, the scenario whose sensitivity
 *   it shows (the first of the plan when %NULL)
 * @error: return location for an error naming a scenario whose stored
 *   values cannot be projected
 *
 * The chart of every scenario of @plan, as the report prints it beside the
 * Business Models page's comparison.
 *
 * Returns: (transfer full) (nullable): the chart, empty (it then says so
 *   when drawn) if the plan has no scenario
 */
TribScenarioChart *
trib_scenario_chart_new_for_plan (TribPlan              *plan,
                                  TribScenarioChartKind  kind,
                                  TribScenario          *tornado_of,
                                  GError               **error)
{
  g_autoptr(TribScenarioChart) self = NULL;
  GListModel *items;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  g_return_val_if_fail (tornado_of == NULL || TRIB_IS_SCENARIO (tornado_of), NULL);

  self = trib_scenario_chart_new (kind);
  trib_scenario_chart_set_currency (self, trib_plan_info_get_currency (trib_plan_get_info (plan)));
  items = trib_plan_get_items (plan, TRIB_TYPE_SCENARIO);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TribScenario) s = g_list_model_get_item (items, i);
      TribScenarioInputs in;
      TribProjection p;

      if (kind == TRIB_SCENARIO_CHART_TORNADO && tornado_of != NULL && s != tornado_of)
        continue;
      if (!trib_scenario_inputs_from_scenario (&in, s, plan, error))
        {
          g_prefix_error (error, _("Scenario “%s”: "), trib_scenario_get_name (s));
          return NULL;
        }
      if (kind == TRIB_SCENARIO_CHART_TORNADO)
        {
          TribSensitivity sensitivity[TRIB_N_ASSUMPTIONS];
          guint n = trib_scenario_sensitivity (&in, sensitivity);

          trib_scenario_chart_set_sensitivity (self, trib_scenario_get_name (s), sensitivity, n);
          break;
        }
      trib_scenario_project (&in, &p);
      trib_scenario_chart_add_scenario (self, trib_scenario_get_name (s), &p);
    }
  return g_steal_pointer (&self);
}

/** trib_scenario_chart_ref: Returns: (transfer full): @self */
TribScenarioChart *
trib_scenario_chart_ref (TribScenarioChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/** trib_scenario_chart_unref: drops a reference to @self. */
void
trib_scenario_chart_unref (TribScenarioChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_ptr_array_unref (self->names);
  g_array_unref (self->projections);
  g_array_unref (self->sensitivity);
  g_free (self->sensitivity_name);
  g_free (self->currency);
  g_free (self);
}

/** trib_scenario_chart_get_kind: Returns: what @self shows */
TribScenarioChartKind
trib_scenario_chart_get_kind (TribScenarioChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kind;
}

/**
 * trib_scenario_chart_get_title:
 * @self: a chart
 *
 * Returns: (transfer none): the chart's title, translated
 */
const char *
trib_scenario_chart_get_title (TribScenarioChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case TRIB_SCENARIO_CHART_REVENUE:
      return _("Revenue per year");
    case TRIB_SCENARIO_CHART_OPERATING_RESULT:
      return _("Operating result per year");
    case TRIB_SCENARIO_CHART_CASH:
      return _("Cumulative cash");
    case TRIB_SCENARIO_CHART_ENGINEERING:
      return _("Own and community engineering in the last year (FTE)");
    case TRIB_SCENARIO_CHART_TORNADO:
    default:
      return _("Sensitivity of cumulative cash in the last year");
    }
}

/** trib_scenario_chart_clear: removes every scenario and sensitivity from @self. */
void
trib_scenario_chart_clear (TribScenarioChart *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->names, 0);
  g_array_set_size (self->projections, 0);
  g_array_set_size (self->sensitivity, 0);
  g_clear_pointer (&self->sensitivity_name, g_free);
}

/**
 * trib_scenario_chart_add_scenario:
 * @self: a chart
 * @name: the scenario's name
 * @projection: its projection, copied
 *
 * Adds one scenario: one line, or one bar in the engineering chart.
 */
void
trib_scenario_chart_add_scenario (TribScenarioChart    *self,
                                  const char           *name,
                                  const TribProjection *projection)
{
  g_return_if_fail (self != NULL && name != NULL && projection != NULL);

  g_ptr_array_add (self->names, g_strdup (name));
  g_array_append_val (self->projections, *projection);
}

/**
 * trib_scenario_chart_set_sensitivity:
 * @self: a tornado chart
 * @name: the scenario's name
 * @items: (array length=n_items): its sensitivity, largest swing first
 * @n_items: the number of @items
 *
 * Sets what a tornado chart shows (the largest swings only, as many as fit).
 */
void
trib_scenario_chart_set_sensitivity (TribScenarioChart     *self,
                                     const char            *name,
                                     const TribSensitivity *items,
                                     guint                  n_items)
{
  g_return_if_fail (self != NULL && name != NULL && (items != NULL || n_items == 0));

  g_free (self->sensitivity_name);
  self->sensitivity_name = g_strdup (name);
  g_array_set_size (self->sensitivity, 0);
  g_array_append_vals (self->sensitivity, items, n_items);
}

/** trib_scenario_chart_set_currency: names the currency money axes are in. */
void
trib_scenario_chart_set_currency (TribScenarioChart *self,
                                  const char        *currency)
{
  g_return_if_fail (self != NULL);

  g_free (self->currency);
  self->currency = g_strdup (currency);
}

static double
year_value (TribScenarioChartKind   kind,
            const TribScenarioYear *y)
{
  switch (kind)
    {
    case TRIB_SCENARIO_CHART_REVENUE:
      return y->revenue;
    case TRIB_SCENARIO_CHART_OPERATING_RESULT:
      return y->operating_result;
    case TRIB_SCENARIO_CHART_CASH:
    default:
      return y->cash;
    }
}

/**
 * trib_scenario_chart_get_n_series:
 * @self: a chart
 *
 * Returns: the number of scenarios, or of tornado rows
 */
guint
trib_scenario_chart_get_n_series (TribScenarioChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->kind == TRIB_SCENARIO_CHART_TORNADO)
    return self->sensitivity->len;
  return self->names->len;
}

/**
 * trib_scenario_chart_get_value:
 * @self: a chart
 * @series: a scenario (a tornado row)
 * @index: a year (0 for the first) in the line charts; 0 for own and 1 for
 *   community engineering; 0 for the low and 1 for the high end of a
 *   tornado row
 *
 * Returns: the value the chart draws there, or NAN where there is none
 */
double
trib_scenario_chart_get_value (TribScenarioChart *self,
                               guint              series,
                               guint              index)
{
  const TribProjection *p;

  g_return_val_if_fail (self != NULL, NAN);

  if (self->kind == TRIB_SCENARIO_CHART_TORNADO)
    {
      const TribSensitivity *s;

      if (series >= self->sensitivity->len || index > 1)
        return NAN;
      s = &g_array_index (self->sensitivity, TribSensitivity, series);
      return index == 0 ? s->low_delta : s->high_delta;
    }
  if (series >= self->projections->len)
    return NAN;
  p = &g_array_index (self->projections, TribProjection, series);
  if (self->kind == TRIB_SCENARIO_CHART_ENGINEERING)
    {
      const TribScenarioYear *last = &p->years[p->n_years - 1];

      if (index > 1)
        return NAN;
      return index == 0 ? last->paid_fte : last->community_fte;
    }
  if ((int) index >= p->n_years)
    return NAN;
  return year_value (self->kind, &p->years[index]);
}

/**
 * trib_scenario_chart_describe:
 * @self: a chart
 *
 * Returns: (transfer full): what the chart shows, in words, for screen
 *   readers
 */
char *
trib_scenario_chart_describe (TribScenarioChart *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (trib_scenario_chart_get_title (self));
  if (self->kind == TRIB_SCENARIO_CHART_TORNADO)
    {
      for (guint i = 0; i < MIN (self->sensitivity->len, 3); i++)
        {
          const TribSensitivity *s = &g_array_index (self->sensitivity, TribSensitivity, i);
          g_autofree char *lo = trib_chart_format_number (s->low_delta);
          g_autofree char *hi = trib_chart_format_number (s->high_delta);

          /* Translators: "; conversion: -12M to +3M" */
          g_string_append_printf (out, _("; %s: %s to %s"),
                                  _(trib_assumption_get_info (s->assumption)->label), lo, hi);
        }
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < self->names->len; i++)
    {
      const TribProjection *p = &g_array_index (self->projections, TribProjection, i);
      double last = self->kind == TRIB_SCENARIO_CHART_ENGINEERING
                    ? p->years[p->n_years - 1].paid_fte
                    : year_value (self->kind, &p->years[p->n_years - 1]);
      g_autofree char *text = trib_chart_format_number (last);

      /* Translators: "; Open core: 19.2M in year 5" */
      g_string_append_printf (out, _("; %s: %s in year %d"),
                              (const char *) g_ptr_array_index (self->names, i), text,
                              p->n_years);
    }
  return g_string_free (out, FALSE);
}

/* @text cut with an ellipsis to fit @max_width. */
static char *
fit_text (cairo_t              *cr,
          const TribChartStyle *style,
          const char           *text,
          double                size,
          double                max_width)
{
  g_autofree char *copy = g_strdup (text);
  glong n = g_utf8_strlen (text, -1);
  double w;

  trib_chart_text_extents (cr, style, text, size, FALSE, &w, NULL);
  if (w <= max_width)
    return g_steal_pointer (&copy);
  while (n > 1)
    {
      g_autofree char *cut = NULL;

      n--;
      *g_utf8_offset_to_pointer (copy, n) = '\0';
      cut = g_strconcat (copy, "…", NULL);
      trib_chart_text_extents (cr, style, cut, size, FALSE, &w, NULL);
      if (w <= max_width)
        return g_steal_pointer (&cut);
    }
  return g_strdup ("…");
}

/* The title, with the currency of money charts. */
static void
draw_title (cairo_t              *cr,
            const TribChartStyle *style,
            TribScenarioChart    *self,
            TribChartRect        *area)
{
  const char *title = trib_scenario_chart_get_title (self);
  gboolean money = self->kind != TRIB_SCENARIO_CHART_ENGINEERING;

  if (self->kind == TRIB_SCENARIO_CHART_TORNADO && self->sensitivity_name != NULL)
    {
      /* Translators: "Sensitivity of cumulative cash in the last year: Hybrid" */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), title, self->sensitivity_name);
      g_autofree char *with = money && self->currency
                              ? g_strdup_printf ("%s (%s)", text, self->currency) : NULL;
      trib_chart_draw_title (cr, style, area, with ? with : text);
      return;
    }
  if (money && self->currency != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s (%s)", title, self->currency);
      trib_chart_draw_title (cr, style, area, text);
      return;
    }
  trib_chart_draw_title (cr, style, area, title);
}

static double
draw_scenario_legend (cairo_t              *cr,
                      const TribChartStyle *style,
                      TribScenarioChart    *self,
                      TribChartRect         area)
{
  g_autofree TribRgba *colors = g_new (TribRgba, self->names->len);

  for (guint i = 0; i < self->names->len; i++)
    trib_chart_series_color (style, i, &colors[i]);
  return trib_chart_draw_legend (cr, style, area, (const char * const *) self->names->pdata,
                                 colors, self->names->len);
}

static void
draw_lines (cairo_t              *cr,
            const TribChartStyle *style,
            TribScenarioChart    *self,
            TribChartRect         area)
{
  double min = 0, max = 0, lo, hi, legend_h, band;
  int years = 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  TribChartRect plot;

  legend_h = draw_scenario_legend (cr, style, self, area);
  area.y += legend_h + 8;
  area.height = MAX (1.0, area.height - legend_h - 8);

  for (guint i = 0; i < self->projections->len; i++)
    {
      const TribProjection *p = &g_array_index (self->projections, TribProjection, i);

      years = MAX (years, p->n_years);
      for (int t = 0; t < p->n_years; t++)
        {
          double v = year_value (self->kind, &p->years[t]);
          min = MIN (min, v);
          max = MAX (max, v);
        }
    }
  plot = trib_chart_draw_value_axis (cr, style, area, min, max, &lo, &hi);
  for (int t = 1; t <= years; t++)
    /* Translators: a year of the projection on a chart axis, "Y3" */
    g_ptr_array_add (labels, g_strdup_printf (C_("chart year", "Y%d"), t));
  trib_chart_draw_category_axis (cr, style, plot, (const char * const *) labels->pdata, years);

  band = plot.width / MAX (years, 1);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->projections->len; i++)
    {
      const TribProjection *p = &g_array_index (self->projections, TribProjection, i);
      TribRgba color;

      trib_chart_series_color (style, i, &color);
      trib_chart_set_color (cr, &color);
      cairo_set_line_width (cr, 2.0);
      for (int t = 0; t < p->n_years; t++)
        {
          double x = plot.x + band * (t + 0.5);
          double y = trib_chart_value_to_y (plot, lo, hi, year_value (self->kind, &p->years[t]));

          if (t == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (int t = 0; t < p->n_years; t++)
        {
          double x = plot.x + band * (t + 0.5);
          double y = trib_chart_value_to_y (plot, lo, hi, year_value (self->kind, &p->years[t]));

          cairo_arc (cr, x, y, 3.0, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* Vertical grid lines and their labels along the bottom of @area, for
 * horizontal bars; returns the plot and the rounded range. */
static TribChartRect
draw_horizontal_axis (cairo_t              *cr,
                      const TribChartStyle *style,
                      TribChartRect         area,
                      double                min,
                      double                max,
                      double               *out_lo,
                      double               *out_hi)
{
  double lo, hi, step, text_h = 0, size = style->font_size * 0.85;
  TribChartRect plot = area;
  guint n;

  if (!trib_chart_nice_range (min, max, 5, &lo, &hi, &step))
    lo = 0, hi = 1, step = 1;
  n = (guint) lround ((hi - lo) / step);
  trib_chart_text_extents (cr, style, "0", size, FALSE, NULL, &text_h);
  plot.height = MAX (1.0, area.height - text_h - 4);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i <= n; i++)
    {
      double v = lo + i * step;
      double x = round (plot.x + (v - lo) / (hi - lo) * plot.width) + 0.5;
      g_autofree char *label = trib_chart_format_number (v);

      trib_chart_set_color (cr, fabs (v) < step * 1e-9 ? &style->dim : &style->grid);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      trib_chart_text (cr, style, label, x, plot.y + plot.height + 4, size, FALSE,
                       i == 0 ? TRIB_CHART_ALIGN_START : i == n ? TRIB_CHART_ALIGN_END
                                                               : TRIB_CHART_ALIGN_CENTER,
                       TRIB_CHART_ALIGN_START, &style->dim);
    }
  cairo_restore (cr);
  *out_lo = lo;
  *out_hi = hi;
  return plot;
}

/* Rows of labelled horizontal bars: @values[row * 2 + k] for the two bars
 * of each row, stacked (engineering) or split above and below (tornado). */
static void
draw_bars (cairo_t              *cr,
           const TribChartStyle *style,
           TribChartRect         area,
           const char * const   *row_labels,
           const double         *values,
           guint                 n_rows,
           const char * const   *legend,
           const TribRgba       *colors,
           gboolean              stacked)
{
  double size = style->font_size * 0.85, label_w = 0, min = 0, max = 0, lo, hi, row_h, legend_h;
  TribChartRect plot;

  legend_h = trib_chart_draw_legend (cr, style, area, legend, colors, 2);
  area.y += legend_h + 8;
  area.height = MAX (1.0, area.height - legend_h - 8);

  for (guint r = 0; r < n_rows; r++)
    {
      double w;

      trib_chart_text_extents (cr, style, row_labels[r], size, FALSE, &w, NULL);
      label_w = MAX (label_w, w);
      if (stacked)
        max = MAX (max, values[r * 2] + values[r * 2 + 1]);
      else
        for (guint k = 0; k < 2; k++)
          {
            min = MIN (min, values[r * 2 + k]);
            max = MAX (max, values[r * 2 + k]);
          }
    }
  label_w = MIN (label_w, area.width * 0.4);
  plot = area;
  plot.x += label_w + 8;
  plot.width = MAX (1.0, area.width - label_w - 8);
  plot = draw_horizontal_axis (cr, style, plot, min, max, &lo, &hi);
  row_h = plot.height / MAX (n_rows, 1);

  for (guint r = 0; r < n_rows; r++)
    {
      double y = plot.y + row_h * r;
      double bar_h = MIN (row_h * 0.7, 28);
      double top = y + (row_h - bar_h) / 2;
      g_autofree char *label = fit_text (cr, style, row_labels[r], size, label_w);
      double x0 = plot.x + (0 - lo) / (hi - lo) * plot.width;

      trib_chart_text (cr, style, label, plot.x - 8, y + row_h / 2, size, FALSE,
                       TRIB_CHART_ALIGN_END, TRIB_CHART_ALIGN_CENTER, &style->foreground);
      cairo_save (cr);
      if (stacked)
        {
          double x = x0;

          for (guint k = 0; k < 2; k++)
            {
              double w = values[r * 2 + k] / (hi - lo) * plot.width;

              trib_chart_set_color (cr, &colors[k]);
              cairo_rectangle (cr, x, top, w, bar_h);
              cairo_fill (cr);
              x += w;
            }
        }
      else
        for (guint k = 0; k < 2; k++)
          {
            double x1 = plot.x + (values[r * 2 + k] - lo) / (hi - lo) * plot.width;

            trib_chart_set_color (cr, &colors[k]);
            cairo_rectangle (cr, MIN (x0, x1), top + k * bar_h / 2, fabs (x1 - x0), bar_h / 2);
            cairo_fill (cr);
          }
      cairo_restore (cr);
    }
}

static void
draw_engineering (cairo_t              *cr,
                  const TribChartStyle *style,
                  TribScenarioChart    *self,
                  TribChartRect         area)
{
  const char *legend[] = { _("Paid by us"), _("Done by the community") };
  TribRgba colors[2] = { style->accent, style->good };
  g_autofree double *values = g_new (double, self->names->len * 2);

  for (guint i = 0; i < self->names->len; i++)
    {
      values[i * 2] = trib_scenario_chart_get_value (self, i, 0);
      values[i * 2 + 1] = trib_scenario_chart_get_value (self, i, 1);
    }
  draw_bars (cr, style, area, (const char * const *) self->names->pdata, values,
             self->names->len, legend, colors, TRUE);
}

static void
draw_tornado (cairo_t              *cr,
              const TribChartStyle *style,
              TribScenarioChart    *self,
              TribChartRect         area)
{
  const char *legend[] = { _("At the low end of its range"), _("At the high end") };
  TribRgba colors[2] = { style->bad, style->accent };
  guint n = MIN (self->sensitivity->len, MAX_TORNADO_ROWS);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new (double, MAX (n, 1) * 2);

  for (guint i = 0; i < n; i++)
    {
      const TribSensitivity *s = &g_array_index (self->sensitivity, TribSensitivity, i);
      g_autofree char *low = trib_assumption_format (s->assumption, s->low_value);
      g_autofree char *high = trib_assumption_format (s->assumption, s->high_value);

      /* Translators: "Conversion 0.05 %–1 %" */
      g_ptr_array_add (labels, g_strdup_printf (_("%s %s–%s"),
                                                _(trib_assumption_get_info (s->assumption)->label),
                                                low, high));
      values[i * 2] = s->low_delta;
      values[i * 2 + 1] = s->high_delta;
    }
  draw_bars (cr, style, area, (const char * const *) labels->pdata, values, n, legend, colors,
             FALSE);
}

/**
 * trib_scenario_chart_draw:
 * @cr: where to draw
 * @style: colours and fonts
 * @width: the chart's width in user units
 * @height: its height
 * @chart: (type TribScenarioChart): the chart
 *
 * Draws @chart at the origin of @cr; a #TribChartDrawFunc, so it goes into
 * a TribChartView or trib_chart_export() as it is.
 */
void
trib_scenario_chart_draw (cairo_t              *cr,
                          const TribChartStyle *style,
                          double                width,
                          double                height,
                          gpointer              chart)
{
  TribScenarioChart *self = chart;
  TribChartRect area = { PAD, PAD, MAX (1.0, width - 2 * PAD), MAX (1.0, height - 2 * PAD) };

  g_return_if_fail (cr != NULL && style != NULL && self != NULL);

  trib_chart_paint_background (cr, style, width, height);
  draw_title (cr, style, self, &area);
  if (trib_scenario_chart_get_n_series (self) == 0)
    {
      trib_chart_draw_empty (cr, style, area,
                             self->kind == TRIB_SCENARIO_CHART_TORNADO
                             ? _("Select a scenario to see what moves its result most")
                             : _("Choose scenarios to compare"));
      return;
    }
  switch (self->kind)
    {
    case TRIB_SCENARIO_CHART_REVENUE:
    case TRIB_SCENARIO_CHART_OPERATING_RESULT:
    case TRIB_SCENARIO_CHART_CASH:
      draw_lines (cr, style, self, area);
      break;
    case TRIB_SCENARIO_CHART_ENGINEERING:
      draw_engineering (cr, style, self, area);
      break;
    case TRIB_SCENARIO_CHART_TORNADO:
    default:
      draw_tornado (cr, style, self, area);
      break;
    }
}
