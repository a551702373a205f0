/* test-chart-engineering.c: the investment, patch-debt and lifecycle charts draw something
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-chart-investment.h"
#include "trib-chart-lifecycle.h"
#include "trib-chart-patches.h"
#include "trib-investment-table.h"
#include "trib-sample.h"
#include "trib-test-plan.h"

/* How many pixels differ from the top-left one: the background. */
static guint
count_ink (cairo_surface_t *surface)
{
  unsigned char *data;
  int stride, w, h;
  guint32 background;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  background = *(guint32 *) data;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (*(guint32 *) (data + y * stride + x * 4) != background)
        n++;
  return n;
}

static guint
draw (TribChartDrawFunc func,
      gpointer          chart,
      gboolean          dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 320);
  cairo_t *cr = cairo_create (surface);
  TribChartStyle style;
  guint ink;

  trib_chart_style_init (&style, dark);
  /* The window leaves the background transparent: paint one to count on. */
  cairo_set_source_rgb (cr, dark ? 0.1 : 1, dark ? 0.1 : 1, dark ? 0.1 : 1);
  cairo_paint (cr);
  func (cr, &style, 640, 320, chart);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  ink = count_ink (surface);
  cairo_surface_destroy (surface);
  return ink;
}

static void
test_sample_charts (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(TribInvestmentChart) investment = NULL;
  g_autoptr(TribPatchesChart) patches = NULL;
  g_autoptr(TribLifecycleChart) lifecycle = NULL;

  g_assert_no_error (error);
  investment = trib_investment_chart_new (plan);
  patches = trib_patches_chart_new (plan);
  lifecycle = trib_lifecycle_chart_new (plan, "2027-06-01");

  /* Seven named upstreams and "Others" for the sample's thirteen. */
  g_assert_cmpuint (trib_investment_chart_get_n_series (investment), ==, 8);
  g_assert_cmpuint (trib_lifecycle_chart_get_n_releases (lifecycle), >=, 2);
  for (int dark = 0; dark <= 1; dark++)
    {
      /* A chart, not an empty-state sentence: thousands of pixels. */
      g_assert_cmpuint (draw (trib_investment_chart_draw, investment, dark), >, 10000);
      g_assert_cmpuint (draw (trib_patches_chart_draw, patches, dark), >, 3000);
      g_assert_cmpuint (draw (trib_lifecycle_chart_draw, lifecycle, dark), >, 5000);
    }
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* An empty plan draws its empty state: a sentence, a few pixels. */
static void
test_empty_charts (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Empty", &error);
  g_autoptr(TribInvestmentChart) investment = NULL;
  g_autoptr(TribLifecycleChart) lifecycle = NULL;
  guint ink;

  g_assert_no_error (error);
  investment = trib_investment_chart_new (plan);
  lifecycle = trib_lifecycle_chart_new (plan, "2027-06-01");
  ink = draw (trib_investment_chart_draw, investment, FALSE);
  g_assert_cmpuint (ink, >, 0);
  g_assert_cmpuint (ink, <, 5000);
  ink = draw (trib_lifecycle_chart_draw, lifecycle, FALSE);
  g_assert_cmpuint (ink, >, 0);
  g_assert_cmpuint (ink, <, 5000);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* Totals and cost against hand-computed values, and one upstream read
 * again after an edit gives what a full reading gives. */
static void
test_investment_table (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "table.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Table", &error);
  g_autoptr(TribInvestmentTable) table = NULL;
  g_autoptr(TribInvestmentTable) fresh = NULL;
  g_autofree char *ida = NULL, *idb = NULL;
  TribEntity *a, *b, *a2;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_no_error (error);
  trib_test_set_info (plan, "first_quarter", "2027-Q1");
  trib_test_set_info (plan, "quarters", "4");
  trib_test_set_info (plan, "engineer_year_cost", "200000");
  a = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "A", NULL);
  b = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "B", NULL);
  ida = trib_test_id (a);
  idb = trib_test_id (b);
  trib_test_add (plan, TRIB_TYPE_INVESTMENT, "upstream_id", ida, "quarter", "2027-Q1", "fte", "1", NULL);
  a2 = trib_test_add (plan, TRIB_TYPE_INVESTMENT, "upstream_id", ida, "quarter", "2027-Q2", "fte", "2", NULL);
  trib_test_add (plan, TRIB_TYPE_INVESTMENT, "upstream_id", idb, "quarter", "2027-Q2", "fte", "0.5", NULL);
  /* Outside the horizon: not counted. */
  trib_test_add (plan, TRIB_TYPE_INVESTMENT, "upstream_id", idb, "quarter", "2026-Q4", "fte", "9", NULL);

  table = trib_investment_table_new (plan);
  g_assert_cmpuint (trib_investment_table_get_n_quarters (table), ==, 4);
  g_assert_cmpfloat (trib_investment_table_get_quarter_total (table, 0), ==, 1);
  g_assert_cmpfloat (trib_investment_table_get_quarter_total (table, 1), ==, 2.5);
  /* 2.5 engineers for a quarter of a 200,000 year. */
  g_assert_cmpfloat (trib_investment_table_get_quarter_cost (table, 1), ==, 125000);
  g_assert_cmpfloat (trib_investment_table_get_total_cost (table), ==, 175000);
  g_assert_cmpfloat (trib_investment_table_get_upstream_total (table, trib_entity_get_id (b)), ==, 0.5);

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 3);
  trib_plan_update (plan, a2, TRIB_INVESTMENT_FIELD_FTE, &value, &error);
  g_assert_no_error (error);
  trib_investment_table_reload_upstream (table, plan, trib_entity_get_id (a));
  fresh = trib_investment_table_new (plan);
  for (guint q = 0; q < 4; q++)
    g_assert_cmpfloat (trib_investment_table_get_quarter_total (table, q), ==,
                       trib_investment_table_get_quarter_total (fresh, q));
  g_assert_cmpfloat (trib_investment_table_get_quarter_total (table, 1), ==, 3.5);
  g_assert_cmpfloat (trib_investment_table_get_upstream_total (table, trib_entity_get_id (a)), ==, 4);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/chart/engineering/sample", test_sample_charts);
  g_test_add_func ("/report/chart/engineering/empty", test_empty_charts);
  g_test_add_func ("/engine/investment-table", test_investment_table);

  return g_test_run ();
}
