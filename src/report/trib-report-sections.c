/* trib-report-sections.c: the report's roadmap, health, investment,
 * patches and products sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-report"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "trib-report-private.h"
#include "trib-chart-health.h"
#include "trib-chart-investment.h"
#include "trib-chart-lifecycle.h"
#include "trib-chart-patches.h"
#include "trib-chart-roadmap.h"
#include "trib-dates.h"
#include "trib-enums.h"
#include "trib-health-plan.h"
#include "trib-labels.h"

/* Item labels on the roadmap pages: never below 7 pt. */
#define ROADMAP_FONT_SIZE 7.5

/* --- Roadmap: landscape pages, tiled by dates and by rows --- */

void
trib_report_write_roadmap (TribReportContext *ctx)
{
  g_autoptr(TribRoadmap) roadmap = trib_roadmap_new_for_plan (ctx->plan);
  g_autoptr(TribRoadmapChart) chart = trib_roadmap_chart_new (roadmap, TRIB_ROADMAP_ZOOM_QUARTERS,
                                                              ROADMAP_FONT_SIZE);
  const char *heading = trib_report_section_get_heading (TRIB_REPORT_SECTION_ROADMAP);
  double width, page_height, line_height, header, gutter, ppd;
  guint32 first, last, days_per_tile;
  guint n_lines, lines_per_page, n_across, n_down;

  trib_roadmap_chart_set_range (chart, ctx->from, ctx->to);
  trib_roadmap_chart_set_today (chart, ctx->today);

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_ROADMAP, TRUE);
  trib_pdf_note (ctx->pdf, _("Diamonds are milestones (filled when done), coloured by the guide’s step they belong to; "
                             "triangles are upstream releases expected from each project’s release cadence; "
                             "dark bars are product releases until the end of maintenance, light bars until the end of life; "
                             "investment bars grow with the engineers put in. The red line marks today."));

  trib_pdf_get_content_size (ctx->pdf, &width, &page_height);
  line_height = trib_roadmap_chart_get_line_height (chart);
  header = trib_roadmap_chart_get_header_height (chart);
  gutter = trib_roadmap_chart_get_gutter (chart);
  ppd = trib_roadmap_chart_get_px_per_day (chart);
  trib_roadmap_chart_set_view (chart, 0, 0, 0, 0);
  n_lines = trib_roadmap_chart_get_n_lines (chart);

  first = ctx->from ? ctx->from : trib_roadmap_get_first_day (roadmap);
  last = ctx->to ? ctx->to : trib_roadmap_get_last_day (roadmap);
  days_per_tile = MAX (30, (guint32) floor ((width - gutter - 8) / ppd));
  lines_per_page = MAX (1, (guint) floor ((page_height - header - 12) / line_height));
  n_across = (last - first + days_per_tile) / days_per_tile;

  {
    /* Chunks of lines: the first shares its page with the heading. */
    g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (guint));
    guint fit = (guint) MAX (1, floor ((trib_pdf_get_remaining (ctx->pdf) - header - 12) / line_height));
    guint line = 0, part = 0;

    if (fit < MIN (n_lines, lines_per_page) / 2)
      {
        trib_pdf_new_page (ctx->pdf, TRUE);
        fit = lines_per_page;
      }
    while (line < n_lines)
      {
        guint n = MIN (line == 0 ? fit : lines_per_page, n_lines - line);

        g_array_append_val (chunks, n);
        line += n;
      }
    n_down = chunks->len;

    line = 0;
    for (guint down = 0; down < n_down; down++)
      {
        guint n = g_array_index (chunks, guint, down);

        for (guint across = 0; across < n_across; across++)
          {
            guint32 tile_first = first + across * days_per_tile;
            double h;

            if (g_cancellable_is_cancelled (ctx->cancellable))
              return;
            if (part++ > 0)
              {
                g_autofree char *title = g_strdup_printf (_("%s (part %u of %u)"), heading, part,
                                                          n_across * n_down);
                trib_pdf_set_header (ctx->pdf, ctx->plan_name, title);
                trib_pdf_new_page (ctx->pdf, TRUE);
              }
            trib_roadmap_chart_set_view (chart, tile_first, tile_first + days_per_tile - 1, line, n);
            trib_roadmap_chart_get_size (chart, NULL, &h);
            trib_pdf_block (ctx->pdf, h, trib_roadmap_chart_draw, chart);
          }
        line += n;
      }
  }
}

/* --- Upstream health --- */

typedef struct
{
  TribUpstream *upstream;
  TribHealth   *health;     /* NULL: no statistics */
  int           trend;
  gboolean      has_trend;
  double        weight;     /* importance × risk */
  int          *weeks;      /* commits per week of the latest statistics */
  guint         n_weeks;
} HealthRow;

static void
health_row_clear (gpointer data)
{
  HealthRow *row = data;

  g_clear_pointer (&row->health, trib_health_free);
  g_clear_pointer (&row->weeks, g_free);
}

static void
sparkline_cell (cairo_t              *cr,
                const TribChartStyle *style,
                guint                 row,
                guint                 column,
                double                x,
                double                y,
                double                width,
                double                height,
                gpointer              user_data)
{
  GArray *table = user_data;
  const HealthRow *r = &g_array_index (table, HealthRow, row);

  if (column != 3 || r->n_weeks == 0)
    return;
  cairo_translate (cr, x, y);
  trib_chart_health_sparkline (cr, style, width, height, r->weeks, r->n_weeks);
}

/* Importance × risk (100 − score) first; upstreams without statistics
 * after them, by importance; then by name. */
static int
compare_health_rows (gconstpointer a,
                     gconstpointer b)
{
  const HealthRow *ra = a, *rb = b;

  if ((ra->health != NULL) != (rb->health != NULL))
    return ra->health != NULL ? -1 : 1;
  if (ra->weight != rb->weight)
    return ra->weight > rb->weight ? -1 : 1;
  if (trib_upstream_get_importance (ra->upstream) != trib_upstream_get_importance (rb->upstream))
    return trib_upstream_get_importance (rb->upstream) - trib_upstream_get_importance (ra->upstream);
  return g_utf8_collate (trib_upstream_get_name (ra->upstream), trib_upstream_get_name (rb->upstream));
}

static void
write_breakdown (TribReportContext *ctx,
                 const HealthRow   *row)
{
  g_autoptr(GPtrArray) rows = trib_report_rows_new ();
  const char *headers[] = { _("Factor"), _("Points"), _("Of"), _("Why") };
  const double widths[] = { 0.2, 0.1, 0.1, 0.6 };
  g_autofree char *heading = NULL;

  /* Translators: the heading of the score breakdown of one upstream */
  heading = g_strdup_printf (_("Score breakdown: %s, %d of 100"), trib_upstream_get_name (row->upstream),
                             row->health->score);
  trib_pdf_heading (ctx->pdf, heading, 2);
  for (guint f = 0; f < TRIB_HEALTH_N_FACTORS; f++)
    {
      const TribHealthFactor *factor = &row->health->factors[f];

      trib_report_rows_add (rows, g_strdup (trib_health_factor_get_label (factor->id)),
                            g_strdup_printf ("%.1f", factor->points), g_strdup_printf ("%.0f", factor->max),
                            g_strdup (factor->explanation ? factor->explanation : ""), NULL);
    }
  trib_pdf_table (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), rows);
  if (row->health->capped && row->health->cap_reason != NULL)
    trib_pdf_note (ctx->pdf, row->health->cap_reason);
}

void
trib_report_write_health (TribReportContext *ctx)
{
  g_autoptr(GArray) table = g_array_new (FALSE, TRUE, sizeof (HealthRow));
  g_autoptr(GPtrArray) rows = trib_report_rows_new ();
  const char *headers[] = { _("Upstream"), _("Importance"), _("Health"), _("Commits, 52 weeks"),
                            _("Change"), _("Layer"), _("Decision") };
  const double widths[] = { 0.24, 0.1, 0.15, 0.15, 0.08, 0.12, 0.16 };
  guint with_stats = 0;

  g_array_set_clear_func (table, health_row_clear);
  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_HEALTH, FALSE);
  if (ctx->upstreams->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan has no upstream projects; add them on the Upstreams page."));
      return;
    }
  for (guint i = 0; i < ctx->upstreams->len; i++)
    {
      HealthRow row = { g_ptr_array_index (ctx->upstreams, i), NULL, 0, FALSE, 0 };

      if ((i & 255) == 0 && g_cancellable_is_cancelled (ctx->cancellable))
        return;
      row.health = trib_health_of_upstream (ctx->plan, row.upstream, &row.trend, &row.has_trend, NULL);
      if (row.health != NULL)
        {
          TribStatsSnapshot *latest = trib_plan_get_latest_snapshot (ctx->plan, row.upstream, NULL);
          GVariant *commits = latest ? trib_stats_snapshot_get_weekly_commits (latest) : NULL;

          if (commits != NULL)
            {
              gsize n = 0;
              const gint64 *values = g_variant_get_fixed_array (commits, &n, sizeof (gint64));

              row.weeks = g_new (int, MAX (n, 1));
              for (gsize w = 0; w < n; w++)
                row.weeks[w] = (int) values[w];
              row.n_weeks = (guint) n;
            }
          row.weight = trib_upstream_get_importance (row.upstream) * (100 - row.health->score);
          with_stats++;
        }
      g_array_append_val (table, row);
    }
  g_array_sort (table, compare_health_rows);

  for (guint i = 0; i < table->len; i++)
    {
      const HealthRow *row = &g_array_index (table, HealthRow, i);
      TribUpstream *u = row->upstream;

      trib_report_rows_add (rows, g_strdup (trib_upstream_get_name (u)),
                            g_strdup_printf ("%d", trib_upstream_get_importance (u)),
                            row->health ? g_strdup_printf ("%d · %s", row->health->score,
                                                           trib_health_rating_get_label (trib_health_rate (row->health->score)))
                                        : g_strdup (_("no statistics")),
                            g_strdup (""),
                            row->has_trend ? g_strdup_printf ("%+d", row->trend) : g_strdup ("—"),
                            g_strdup (trib_enum_get_label (TRIB_TYPE_LAYER, trib_upstream_get_layer (u))),
                            g_strdup (trib_enum_get_label (TRIB_TYPE_DECISION, trib_upstream_get_decision (u))),
                            NULL);
    }
  if (with_stats == 0)
    trib_pdf_note (ctx->pdf, _("No statistics have been fetched for any upstream yet, so no health score is known; "
                               "refresh the statistics to score them. The upstreams are listed by importance."));
  else
    trib_pdf_note (ctx->pdf, _("Sorted by importance × risk (100 minus the health score): the first rows need attention first. "
                               "Change is the score’s change since the previous statistics."));
  trib_pdf_table_with_cells (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), rows, sparkline_cell, table);
  if (with_stats > 0)
    write_breakdown (ctx, &g_array_index (table, HealthRow, 0));
}

/* --- Investment --- */

/* Influence against effort: one dot per upstream we invest in, the
 * engineers we put in on average over the horizon across, our share of its
 * commits (from the latest statistics) up. */
typedef struct
{
  GArray *points;   /* Point */
  double  max_fte;
  double  max_share;
} Influence;

typedef struct
{
  const char *name;
  double      fte;
  double      share;
} Point;

static void
draw_influence (cairo_t              *cr,
                const TribChartStyle *style,
                double                width,
                double                height,
                gpointer              data)
{
  Influence *inf = data;
  TribChartRect area = { 0, 0, width, height };
  TribChartRect plot;
  double ymin, ymax, xmax = MAX (inf->max_fte * 1.1, 0.5);

  trib_chart_paint_background (cr, style, width, height);
  plot = trib_chart_draw_value_axis (cr, style, area, 0, MAX (inf->max_share * 110, 1), &ymin, &ymax);
  /* The x axis: FTE, five ticks. */
  for (int t = 0; t <= 4; t++)
    {
      double v = xmax * t / 4;
      double x = plot.x + plot.width * t / 4;
      g_autofree char *label = g_strdup_printf ("%.1f", v);

      trib_chart_text (cr, style, label, x, plot.y + plot.height + 3, style->font_size * 0.8, FALSE,
                       TRIB_CHART_ALIGN_CENTER, TRIB_CHART_ALIGN_START, &style->dim);
    }
  trib_chart_text (cr, style, _("our share of commits (%)"), plot.x + 4, plot.y, style->font_size * 0.8, FALSE,
                   TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_START, &style->dim);
  for (guint i = 0; i < inf->points->len; i++)
    {
      const Point *p = &g_array_index (inf->points, Point, i);
      double x = plot.x + plot.width * p->fte / xmax;
      double y = trib_chart_value_to_y (plot, ymin, ymax, p->share * 100);

      trib_chart_set_color (cr, &style->accent);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
      /* Names on the side with room for them. */
      if (i < 12)
        trib_chart_text (cr, style, p->name, x > plot.x + plot.width * 0.7 ? x - 5 : x + 5, y,
                         style->font_size * 0.8, FALSE,
                         x > plot.x + plot.width * 0.7 ? TRIB_CHART_ALIGN_END : TRIB_CHART_ALIGN_START,
                         TRIB_CHART_ALIGN_CENTER, &style->foreground);
    }
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *pa = a, *pb = b;

  return pa->fte < pb->fte ? 1 : pa->fte > pb->fte ? -1 : g_strcmp0 (pa->name, pb->name);
}

static void
write_influence (TribReportContext *ctx,
                 GPtrArray         *investments)
{
  g_autoptr(GHashTable) fte = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) quarters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  Influence inf = { g_array_new (FALSE, FALSE, sizeof (Point)), 0, 0 };

  for (guint i = 0; i < investments->len; i++)
    {
      TribInvestment *inv = g_ptr_array_index (investments, i);
      gint64 id = trib_investment_get_upstream_id (inv);
      double *sum = g_hash_table_lookup (fte, &id);

      if (sum == NULL)
        {
          sum = g_new0 (double, 1);
          g_hash_table_insert (fte, g_memdup2 (&id, sizeof id), sum);
        }
      *sum += trib_investment_get_fte (inv);
      g_hash_table_add (quarters, (gpointer) trib_investment_get_quarter (inv));
    }
  for (guint i = 0; i < ctx->upstreams->len; i++)
    {
      TribUpstream *u = g_ptr_array_index (ctx->upstreams, i);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (u));
      double *sum = g_hash_table_lookup (fte, &id);
      TribStatsSnapshot *latest;
      Point p;

      if (sum == NULL || *sum <= 0)
        continue;
      latest = trib_plan_get_latest_snapshot (ctx->plan, u, NULL);
      if (latest == NULL)
        continue;
      p.name = trib_upstream_get_name (u);
      p.fte = *sum / MAX (g_hash_table_size (quarters), 1);
      p.share = trib_stats_snapshot_get_our_share (latest);
      inf.max_fte = MAX (inf.max_fte, p.fte);
      inf.max_share = MAX (inf.max_share, p.share);
      g_array_append_val (inf.points, p);
    }
  trib_pdf_keep (ctx->pdf, 240 + 40);
  trib_pdf_heading (ctx->pdf, _("Influence against effort"), 2);
  if (inf.points->len == 0)
    trib_pdf_note (ctx->pdf, _("No upstream we invest in has statistics yet, so our influence there is not known; "
                               "refresh the statistics to draw this chart."));
  else
    {
      g_array_sort (inf.points, compare_points);
      trib_pdf_block (ctx->pdf, 240, draw_influence, &inf);
      trib_pdf_note (ctx->pdf, _("Each dot is an upstream we invest in: across, the engineers we put in (FTE, on average over "
                                 "the quarters of the plan); up, our share of its commits in the latest statistics. Dots low and to the right cost much and buy "
                                 "little influence; the twelve largest investments are named."));
    }
  g_array_unref (inf.points);
}

void
trib_report_write_investment (TribReportContext *ctx)
{
  TribPlanInfo *info = trib_plan_get_info (ctx->plan);
  g_autoptr(GPtrArray) investments = trib_report_sorted_items (ctx->plan, TRIB_TYPE_INVESTMENT);
  g_autoptr(GTree) by_quarter = g_tree_new_full ((GCompareDataFunc) g_strcmp0, NULL, g_free, g_free);
  g_autoptr(GPtrArray) rows = trib_report_rows_new ();
  const char *headers[] = { _("Quarter"), _("Engineers (FTE)"), _("Upstreams"), _("Cost") };
  const double widths[] = { 0.2, 0.25, 0.2, 0.35 };
  double cost_year = trib_plan_info_get_engineer_year_cost (info);
  typedef struct { double fte; guint n; } Sum;

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_INVESTMENT, FALSE);
  if (investments->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan invests no engineers upstream; add investments on the Investment page."));
      return;
    }
  for (guint i = 0; i < investments->len; i++)
    {
      TribInvestment *inv = g_ptr_array_index (investments, i);
      Sum *sum = g_tree_lookup (by_quarter, trib_investment_get_quarter (inv));

      if (sum == NULL)
        {
          sum = g_new0 (Sum, 1);
          g_tree_insert (by_quarter, g_strdup (trib_investment_get_quarter (inv)), sum);
        }
      sum->fte += trib_investment_get_fte (inv);
      sum->n += trib_investment_get_fte (inv) > 0;
    }

  trib_pdf_heading (ctx->pdf, _("Cost per quarter"), 2);
  {
    GTreeNode *node;

    for (node = g_tree_node_first (by_quarter); node != NULL; node = g_tree_node_next (node))
      {
        Sum *sum = g_tree_node_value (node);

        trib_report_rows_add (rows, g_strdup (g_tree_node_key (node)), trib_report_format_number (sum->fte),
                              g_strdup_printf ("%u", sum->n),
                              trib_report_format_money (ctx, sum->fte * cost_year / 4), NULL);
      }
  }
  trib_pdf_table (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), rows);

  trib_pdf_keep (ctx->pdf, 260 + 40);
  trib_pdf_heading (ctx->pdf, _("Engineers per upstream"), 2);
  {
    g_autoptr(TribInvestmentChart) chart = trib_investment_chart_new (ctx->plan);
    g_autofree char *summary = trib_investment_chart_get_summary (chart);

    trib_pdf_block (ctx->pdf, 260, trib_investment_chart_draw, chart);
    if (summary != NULL)
      trib_pdf_note (ctx->pdf, summary);
  }
  write_influence (ctx, investments);
}

/* --- Patches --- */

void
trib_report_write_patches (TribReportContext *ctx)
{
  g_autoptr(GPtrArray) patches = trib_report_sorted_items (ctx->plan, TRIB_TYPE_PATCH);
  g_autoptr(GPtrArray) summary = trib_report_rows_new ();
  g_autoptr(GPtrArray) carried = trib_report_rows_new ();
  const char *sum_headers[] = { _("State"), _("Patches"), _("Lines"), _("Hours per upstream release") };
  const double sum_widths[] = { 0.25, 0.2, 0.2, 0.35 };
  const char *headers[] = { _("Carried patch"), _("Upstream"), _("Lines"), _("Hours per release"), _("Since") };
  const double widths[] = { 0.44, 0.18, 0.1, 0.14, 0.14 };
  guint count[4] = { 0 };
  double lines[4] = { 0 }, hours[4] = { 0 };

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_PATCHES, FALSE);
  if (patches->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan records no patches; add them on the Patches page."));
      return;
    }
  for (guint i = 0; i < patches->len; i++)
    {
      TribPatch *p = g_ptr_array_index (patches, i);
      TribPatchState state = trib_patch_get_state (p);

      if (state > TRIB_PATCH_STATE_DROPPED)
        continue;
      count[state]++;
      lines[state] += trib_patch_get_lines (p);
      hours[state] += trib_patch_get_hours_per_release (p);
      if (state == TRIB_PATCH_STATE_CARRIED)
        trib_report_rows_add (carried, g_strdup (trib_patch_get_title (p)),
                              g_strdup (trib_report_upstream_name (ctx, trib_patch_get_upstream_id (p))),
                              g_strdup_printf ("%d", trib_patch_get_lines (p)),
                              trib_report_format_number (trib_patch_get_hours_per_release (p)),
                              g_strdup (trib_patch_get_created (p) ? trib_patch_get_created (p) : ""), NULL);
    }
  for (int s = TRIB_PATCH_STATE_CARRIED; s <= TRIB_PATCH_STATE_DROPPED; s++)
    trib_report_rows_add (summary, g_strdup (trib_enum_get_label (TRIB_TYPE_PATCH_STATE, s)),
                          g_strdup_printf ("%u", count[s]), trib_report_format_number (lines[s]),
                          trib_report_format_number (hours[s]), NULL);

  trib_pdf_heading (ctx->pdf, _("Ledger"), 2);
  trib_pdf_table (ctx->pdf, sum_headers, sum_widths, G_N_ELEMENTS (sum_headers), summary);
  if (carried->len > 0)
    {
      trib_pdf_heading (ctx->pdf, _("Carried patches"), 2);
      trib_pdf_table (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), carried);
    }
  trib_pdf_keep (ctx->pdf, 240 + 40);
  trib_pdf_heading (ctx->pdf, _("Debt projection"), 2);
  {
    g_autoptr(TribPatchesChart) chart = trib_patches_chart_new (ctx->plan);
    g_autofree char *text = trib_patches_chart_get_summary (chart);

    trib_pdf_block (ctx->pdf, 240, trib_patches_chart_draw, chart);
    if (text != NULL)
      trib_pdf_note (ctx->pdf, text);
  }
}

/* --- Products --- */

void
trib_report_write_products (TribReportContext *ctx)
{
  g_autoptr(GPtrArray) releases = trib_report_sorted_items (ctx->plan, TRIB_TYPE_PRODUCT_RELEASE);
  g_autoptr(GPtrArray) bases = trib_report_sorted_items (ctx->plan, TRIB_TYPE_RELEASE_BASE);
  g_autoptr(GPtrArray) certs = trib_report_sorted_items (ctx->plan, TRIB_TYPE_CERTIFICATION);
  g_autoptr(GPtrArray) release_rows = trib_report_rows_new ();
  g_autoptr(GPtrArray) base_rows = trib_report_rows_new ();
  const char *rel_headers[] = { _("Release"), _("General availability"), _("End of maintenance"), _("End of life") };
  const double rel_widths[] = { 0.4, 0.2, 0.2, 0.2 };
  const char *base_headers[] = { _("Release"), _("Upstream"), _("Based on"), _("Upstream end of life") };
  const double base_widths[] = { 0.3, 0.3, 0.2, 0.2 };

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_PRODUCTS, FALSE);
  if (releases->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan has no product releases; add them on the Product page."));
      return;
    }
  for (guint i = 0; i < releases->len; i++)
    {
      TribProductRelease *r = g_ptr_array_index (releases, i);
      TribEntity *product = trib_plan_lookup (ctx->plan, TRIB_TYPE_PRODUCT, trib_product_release_get_product_id (r));
      char *name = g_strdup_printf ("%s %s", product ? trib_product_get_name (TRIB_PRODUCT (product)) : "",
                                    trib_product_release_get_version (r));

      trib_report_rows_add (release_rows, g_strstrip (name),
                            g_strdup (trib_product_release_get_ga (r) ? trib_product_release_get_ga (r) : ""),
                            g_strdup (trib_product_release_get_end_of_maintenance (r) ? trib_product_release_get_end_of_maintenance (r) : ""),
                            g_strdup (trib_product_release_get_end_of_life (r) ? trib_product_release_get_end_of_life (r) : ""),
                            NULL);
    }
  trib_pdf_heading (ctx->pdf, _("Releases"), 2);
  trib_pdf_table (ctx->pdf, rel_headers, rel_widths, G_N_ELEMENTS (rel_headers), release_rows);
  {
    g_autofree char *today = trib_roadmap_format_day (ctx->today);
    g_autoptr(TribLifecycleChart) chart = trib_lifecycle_chart_new (ctx->plan, today);
    g_autofree char *summary = trib_lifecycle_chart_get_summary (chart);
    double height = 60 + 26 * trib_lifecycle_chart_get_n_releases (chart);

    trib_pdf_keep (ctx->pdf, MIN (height, 420) + 40);
    trib_pdf_heading (ctx->pdf, _("Lifecycle"), 2);

    trib_pdf_block (ctx->pdf, MIN (height, 420), trib_lifecycle_chart_draw, chart);
    if (summary != NULL)
      trib_pdf_note (ctx->pdf, summary);
  }

  for (guint i = 0; i < bases->len; i++)
    {
      TribReleaseBase *b = g_ptr_array_index (bases, i);
      TribEntity *r = trib_plan_lookup (ctx->plan, TRIB_TYPE_PRODUCT_RELEASE, trib_release_base_get_release_id (b));

      trib_report_rows_add (base_rows, g_strdup (r ? trib_product_release_get_version (TRIB_PRODUCT_RELEASE (r)) : ""),
                            g_strdup (trib_report_upstream_name (ctx, trib_release_base_get_upstream_id (b))),
                            g_strdup (trib_release_base_get_upstream_version (b)),
                            g_strdup (trib_release_base_get_upstream_eol (b) ? trib_release_base_get_upstream_eol (b) : ""),
                            NULL);
    }
  trib_pdf_heading (ctx->pdf, _("Upstream bases"), 2);
  if (base_rows->len == 0)
    trib_pdf_note (ctx->pdf, _("No release records which upstream versions it is based on."));
  else
    trib_pdf_table (ctx->pdf, base_headers, base_widths, G_N_ELEMENTS (base_headers), base_rows);

  trib_pdf_heading (ctx->pdf, _("Certification matrix"), 2);
  if (certs->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("No release has certification targets."));
      return;
    }
  {
    /* Targets down, releases across (at most five per table). */
    g_autoptr(GPtrArray) targets = g_ptr_array_new ();
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < certs->len; i++)
      {
        const char *t = trib_certification_get_target (g_ptr_array_index (certs, i));

        if (g_hash_table_add (seen, (gpointer) t))
          g_ptr_array_add (targets, (gpointer) t);
      }
    for (guint first = 0; first < releases->len; first += 5)
      {
        guint n = MIN (5, releases->len - first);
        g_autofree const char **headers = g_new0 (const char *, n + 1);
        g_autofree double *widths = g_new0 (double, n + 1);
        g_autoptr(GPtrArray) rows = trib_report_rows_new ();

        headers[0] = _("Target");
        widths[0] = 0.3;
        for (guint c = 0; c < n; c++)
          {
            headers[c + 1] = trib_product_release_get_version (g_ptr_array_index (releases, first + c));
            widths[c + 1] = 0.7 / n;
          }
        for (guint t = 0; t < targets->len; t++)
          {
            GPtrArray *cells = g_ptr_array_new ();

            g_ptr_array_add (cells, g_strdup (g_ptr_array_index (targets, t)));
            for (guint c = 0; c < n; c++)
              {
                gint64 rid = trib_entity_get_id (g_ptr_array_index (releases, first + c));
                char *cell = g_strdup ("—");

                for (guint i = 0; i < certs->len; i++)
                  {
                    TribCertification *cert = g_ptr_array_index (certs, i);

                    if (trib_certification_get_release_id (cert) == rid
                        && g_strcmp0 (trib_certification_get_target (cert), g_ptr_array_index (targets, t)) == 0)
                      {
                        g_free (cell);
                        cell = trib_certification_get_promised (cert)
                               ? g_strdup_printf (_("%s (promised)"), trib_enum_get_label (TRIB_TYPE_CERT_STATUS, trib_certification_get_status (cert)))
                               : g_strdup (trib_enum_get_label (TRIB_TYPE_CERT_STATUS, trib_certification_get_status (cert)));
                      }
                  }
                g_ptr_array_add (cells, cell);
              }
            g_ptr_array_add (cells, NULL);
            g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
          }
        trib_pdf_table (ctx->pdf, headers, widths, n + 1, rows);
      }
  }
}
