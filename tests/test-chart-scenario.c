/* test-chart-scenario.c: the scenario charts, drawn for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include "trib-chart-scenario.h"
#include "trib-sample.h"
#include "trib-test-util.h"

static void
project (TribBusinessModel model,
         TribProjection   *p,
         TribScenarioInputs *in)
{
  trib_scenario_inputs_init_defaults (in, model, 5);
  in->p0 = 20;
  trib_scenario_project (in, p);
}

static TribScenarioChart *
filled (TribScenarioChartKind kind)
{
  TribScenarioChart *chart = trib_scenario_chart_new (kind);
  TribScenarioInputs in;
  TribProjection p;

  trib_scenario_chart_set_currency (chart, "EUR");
  if (kind == TRIB_SCENARIO_CHART_TORNADO)
    {
      TribSensitivity items[TRIB_N_ASSUMPTIONS];
      guint n;

      project (TRIB_BUSINESS_MODEL_HYBRID, &p, &in);
      n = trib_scenario_sensitivity (&in, items);
      trib_scenario_chart_set_sensitivity (chart, "Hybrid", items, n);
      return chart;
    }
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      project (m, &p, &in);
      trib_scenario_chart_add_scenario (chart, m == 0 ? "A long scenario name, to be cut short "
                                        "where it does not fit beside its bar" : "Scenario", &p);
    }
  return chart;
}

/* Pixels that differ from the first pixel (the background). */
static guint
count_ink (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint32 background;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  background = *(const guint32 *) data;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (((const guint32 *) (data + y * stride))[x] != background)
        ink++;
  return ink;
}

static cairo_surface_t *
render (TribScenarioChart *chart,
        gboolean           dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cairo_t *cr = cairo_create (surface);
  TribChartStyle style;

  trib_chart_style_init (&style, dark);
  /* An opaque background, as the PDF and an exported PNG have. */
  style.background.alpha = 1.0;
  trib_scenario_chart_draw (cr, &style, 640, 360, chart);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_not_blank (void)
{
  for (TribScenarioChartKind kind = TRIB_SCENARIO_CHART_REVENUE;
       kind <= TRIB_SCENARIO_CHART_TORNADO; kind++)
    for (int dark = 0; dark < 2; dark++)
      {
        g_autoptr(TribScenarioChart) chart = filled (kind);
        g_autoptr(TribScenarioChart) empty = trib_scenario_chart_new (kind);
        cairo_surface_t *full = render (chart, dark);
        cairo_surface_t *none = render (empty, dark);
        guint ink = count_ink (full), empty_ink = count_ink (none);

        g_test_message ("kind %d dark %d: %u pixels of ink, %u when empty", kind, dark, ink,
                        empty_ink);
        /* The data draws far more than the title and the empty-state line,
         * which still draw something: never a blank rectangle. */
        g_assert_cmpuint (empty_ink, >, 500);
        g_assert_cmpuint (ink, >, empty_ink * 2);
        cairo_surface_destroy (full);
        cairo_surface_destroy (none);
      }
}

/* Different figures draw a different picture, and the chart reports the
 * figures it draws. */
static void
test_follows_data (void)
{
  g_autoptr(TribScenarioChart) a = trib_scenario_chart_new (TRIB_SCENARIO_CHART_CASH);
  g_autoptr(TribScenarioChart) b = trib_scenario_chart_new (TRIB_SCENARIO_CHART_CASH);
  TribScenarioInputs in;
  TribProjection p;
  cairo_surface_t *sa, *sb;

  project (TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM, &p, &in);
  trib_scenario_chart_add_scenario (a, "CP", &p);
  g_assert_cmpfloat (trib_scenario_chart_get_value (a, 0, 4), ==, p.years[4].cash);
  g_assert_true (isnan (trib_scenario_chart_get_value (a, 0, 5)));
  g_assert_true (isnan (trib_scenario_chart_get_value (a, 1, 0)));
  in.values[TRIB_ASSUMPTION_CONVERSION] = 0.001;
  trib_scenario_project (&in, &p);
  trib_scenario_chart_add_scenario (b, "CP", &p);
  g_assert_cmpfloat (trib_scenario_chart_get_value (b, 0, 4), ==, p.years[4].cash);
  g_assert_cmpfloat (trib_scenario_chart_get_value (a, 0, 4), !=,
                     trib_scenario_chart_get_value (b, 0, 4));

  sa = render (a, FALSE);
  sb = render (b, FALSE);
  g_assert_cmpmem (cairo_image_surface_get_data (sa) != NULL ? "x" : "", 1, "x", 1);
  g_assert_true (memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb),
                         (gsize) cairo_image_surface_get_stride (sa) * 360) != 0);
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
}

static void
test_export (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "tornado.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "revenue.svg", NULL);
  g_autoptr(TribScenarioChart) tornado = filled (TRIB_SCENARIO_CHART_TORNADO);
  g_autoptr(TribScenarioChart) revenue = filled (TRIB_SCENARIO_CHART_REVENUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *summary = NULL;
  gsize length;

  g_assert_true (trib_chart_export (trib_scenario_chart_draw, tornado, FALSE, 640, 400,
                                    TRIB_CHART_FORMAT_PNG, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  g_assert_true (trib_chart_export (trib_scenario_chart_draw, revenue, TRUE, 640, 400,
                                    TRIB_CHART_FORMAT_SVG, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "<path"));

  summary = trib_scenario_chart_describe (revenue);
  g_assert_true (g_str_has_prefix (summary, "Revenue per year; "));
  trib_test_remove_tree (dir);
}

/* The report's way in: every scenario of a plan, or one's tornado. */
static void
test_for_plan (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(TribScenarioChart) cash = NULL;
  g_autoptr(TribScenarioChart) tornado = NULL;
  g_autoptr(TribScenario) cp = NULL;
  TribScenarioInputs in;
  TribProjection p;

  g_assert_no_error (error);
  cash = trib_scenario_chart_new_for_plan (plan, TRIB_SCENARIO_CHART_CASH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_scenario_chart_get_n_series (cash), ==, 5);
  cp = g_list_model_get_item (trib_plan_get_items (plan, TRIB_TYPE_SCENARIO), 2);
  g_assert_true (trib_scenario_inputs_from_scenario (&in, cp, plan, NULL));
  trib_scenario_project (&in, &p);
  g_assert_cmpfloat (trib_scenario_chart_get_value (cash, 2, 4), ==, p.years[4].cash);

  tornado = trib_scenario_chart_new_for_plan (plan, TRIB_SCENARIO_CHART_TORNADO, cp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_scenario_chart_get_n_series (tornado), >, 10);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/scenario/not-blank", test_not_blank);
  g_test_add_func ("/chart/scenario/follows-data", test_follows_data);
  g_test_add_func ("/chart/scenario/export", test_export);
  g_test_add_func ("/chart/scenario/for-plan", test_for_plan);
  return g_test_run ();
}
