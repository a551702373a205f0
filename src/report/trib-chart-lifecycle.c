/* trib-chart-lifecycle.c: product releases from GA to end of life, today marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar a release: full colour from general availability to the end of
 * maintenance, lighter from there to the end of life. A release without
 * dates is listed without a bar.
 */
#define G_LOG_DOMAIN "trib-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trib-chart-lifecycle.h"
#include "trib-dates.h"

typedef struct
{
  char  *label;
  guint  ga, eom, eol; /* Julian days, 0 when unknown */
} Release;

struct _TribLifecycleChart
{
  gatomicrefcount ref;
  GArray         *releases;
  guint           today;
  guint           first, last; /* Julian days of the axis */
};

static guint
julian (const char *date)
{
  GDate d;
  return trib_date_parse (date, &d) ? g_date_get_julian (&d) : 0;
}

static void
release_clear (Release *r)
{
  g_free (r->label);
}

static int
compare_releases (gconstpointer a,
                  gconstpointer b)
{
  const Release *ra = a, *rb = b;
  if (ra->ga != rb->ga)
    return ra->ga == 0 ? 1 : rb->ga == 0 ? -1 : (ra->ga < rb->ga ? -1 : 1);
  return g_utf8_collate (ra->label, rb->label);
}

/**
 * trib_lifecycle_chart_new:
 * @plan: a plan
 * @today: (nullable): YYYY-MM-DD; %NULL for today's local date
 *
 * Returns: (transfer full): the life cycles of @plan's releases
 */
TribLifecycleChart *
trib_lifecycle_chart_new (TribPlan   *plan,
                          const char *today)
{
  TribLifecycleChart *self = g_new0 (TribLifecycleChart, 1);
  GListModel *releases = trib_plan_get_items (plan, TRIB_TYPE_PRODUCT_RELEASE);
  guint n = g_list_model_get_n_items (releases);
  g_autofree char *now = NULL;

  g_atomic_ref_count_init (&self->ref);
  self->releases = g_array_new (FALSE, TRUE, sizeof (Release));
  g_array_set_clear_func (self->releases, (GDestroyNotify) release_clear);
  if (today == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();
      today = now = g_date_time_format (dt, "%Y-%m-%d");
    }
  self->today = julian (today);
  self->first = self->today;
  self->last = self->today;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribProductRelease) r = g_list_model_get_item (releases, i);
      TribEntity *product = trib_plan_lookup (plan, TRIB_TYPE_PRODUCT, trib_product_release_get_product_id (r));
      g_autofree char *name = product ? trib_entity_get_title (product) : g_strdup ("");
      Release rel = { 0 };

      rel.label = g_strdup_printf ("%s %s", name, trib_product_release_get_version (r));
      rel.ga = julian (trib_product_release_get_ga (r));
      rel.eom = julian (trib_product_release_get_end_of_maintenance (r));
      rel.eol = julian (trib_product_release_get_end_of_life (r));
      for (guint k = 0; k < 3; k++)
        {
          guint d = k == 0 ? rel.ga : k == 1 ? rel.eom : rel.eol;
          if (d == 0)
            continue;
          self->first = MIN (self->first, d);
          self->last = MAX (self->last, d);
        }
      g_array_append_val (self->releases, rel);
    }
  g_array_sort (self->releases, compare_releases);
  return self;
}

/** trib_lifecycle_chart_ref: Returns: (transfer full): @self */
TribLifecycleChart *
trib_lifecycle_chart_ref (TribLifecycleChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

/** trib_lifecycle_chart_unref: drops a reference to @self. */
void
trib_lifecycle_chart_unref (TribLifecycleChart *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_array_unref (self->releases);
  g_free (self);
}

/** trib_lifecycle_chart_get_n_releases: Returns: the releases it draws */
guint
trib_lifecycle_chart_get_n_releases (TribLifecycleChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->releases->len;
}

/**
 * trib_lifecycle_chart_get_summary:
 *
 * Returns: (transfer full): what the chart shows in words
 */
char *
trib_lifecycle_chart_get_summary (TribLifecycleChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The life cycle of %u release, from general availability to end of life, with today marked.",
                                       "The life cycles of %u releases, from general availability to end of life, with today marked.",
                                       self->releases->len),
                          self->releases->len);
}

/**
 * trib_lifecycle_chart_draw:
 * @chart: a #TribLifecycleChart
 *
 * Draws one bar a release on a time axis of years, and a line at today.
 * A #TribChartDrawFunc.
 */
void
trib_lifecycle_chart_draw (cairo_t              *cr,
                           const TribChartStyle *style,
                           double                width,
                           double                height,
                           gpointer              chart)
{
  TribLifecycleChart *self = chart;
  TribChartRect area = { 8, 8, MAX (1.0, width - 16), MAX (1.0, height - 16) };
  const char *legend[3] = { _("Maintained"), _("Until end of life"), _("Today") };
  TribRgba colors[3], light;
  double size = style->font_size * 0.85, label_w = 0, row_h, legend_h, span, text_h = 0;
  TribChartRect plot;
  GDate first, last;
  int year0, year1;
  guint n = self->releases->len;

  trib_chart_paint_background (cr, style, width, height);
  if (n == 0)
    {
      trib_chart_draw_empty (cr, style, area, _("No releases yet."));
      return;
    }
  trib_chart_series_color (style, 0, &colors[0]);
  light = colors[0];
  light.alpha = 0.35;
  colors[1] = light;
  /* Today stands apart from the bars, which take the first series colour. */
  colors[2] = style->warning;
  legend_h = trib_chart_draw_legend (cr, style, area, legend, colors, 3);
  area.y += legend_h + 8;
  area.height = MAX (1.0, area.height - legend_h - 8);

  for (guint i = 0; i < n; i++)
    {
      double w, h;
      trib_chart_text_extents (cr, style, g_array_index (self->releases, Release, i).label, size,
                               FALSE, &w, &h);
      label_w = MAX (label_w, w);
      text_h = MAX (text_h, h);
    }
  label_w = MIN (label_w, area.width * 0.35);

  /* Whole years around every date, today included. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, self->first);
  g_date_set_julian (&last, self->last);
  year0 = g_date_get_year (&first);
  year1 = g_date_get_year (&last) + 1;
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, (GDateYear) year0);
  g_date_set_dmy (&last, 1, G_DATE_JANUARY, (GDateYear) year1);
  span = MAX (1.0, (double) g_date_get_julian (&last) - g_date_get_julian (&first));

  plot.x = area.x + label_w + 8;
  plot.y = area.y;
  plot.width = MAX (1.0, area.width - label_w - 8);
  plot.height = MAX (1.0, area.height - text_h - 6);
  row_h = plot.height / n;

#define X_OF(day) (plot.x + ((double) (day) - g_date_get_julian (&first)) / span * plot.width)
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (int y = year0; y <= year1; y++)
    {
      GDate d;
      g_autofree char *label = g_strdup_printf ("%d", y);
      double x;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, G_DATE_JANUARY, (GDateYear) y);
      x = X_OF (g_date_get_julian (&d));
      trib_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, round (x) + 0.5, plot.y);
      cairo_line_to (cr, round (x) + 0.5, plot.y + plot.height);
      cairo_stroke (cr);
      if (y < year1)
        trib_chart_text (cr, style, label, x + 3, plot.y + plot.height + 4, size, FALSE,
                         TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_START, &style->dim);
    }
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    {
      const Release *r = &g_array_index (self->releases, Release, i);
      double y = plot.y + row_h * i;
      double bar_h = MIN (row_h * 0.6, 22);
      double top = y + (row_h - bar_h) / 2;
      guint end_maint = r->eom ? r->eom : r->eol;

      trib_chart_text (cr, style, r->label, plot.x - 8, y + row_h / 2, size, FALSE,
                       TRIB_CHART_ALIGN_END, TRIB_CHART_ALIGN_CENTER, &style->foreground);
      if (r->ga == 0)
        continue;
      if (end_maint > r->ga)
        {
          trib_chart_set_color (cr, &colors[0]);
          cairo_rectangle (cr, X_OF (r->ga), top, X_OF (end_maint) - X_OF (r->ga), bar_h);
          cairo_fill (cr);
        }
      if (r->eol > end_maint && end_maint > 0)
        {
          trib_chart_set_color (cr, &colors[1]);
          cairo_rectangle (cr, X_OF (end_maint), top, X_OF (r->eol) - X_OF (end_maint), bar_h);
          cairo_fill (cr);
        }
    }

  cairo_save (cr);
  trib_chart_set_color (cr, &colors[2]);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, X_OF (self->today), plot.y);
  cairo_line_to (cr, X_OF (self->today), plot.y + plot.height);
  cairo_stroke (cr);
  cairo_restore (cr);
#undef X_OF
}
