/* bench-scenarios.c: projection and sensitivity of many scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 100 scenarios (the five models in turn, each with its own patch stock
 * and conversion), 10 years each: the yearly projection plus the full
 * sensitivity (every assumption at both ends of its range, one projection
 * each), first on inputs alone, then from a real plan file holding the 100
 * scenarios, as the Business Models page computes them, and drawing the
 * page's five charts (five scenarios compared, 560 × 300 each) with cairo
 * into an image, as the window paints them. Prints the median
 * and the fastest of the runs; a frame at 60 Hz is 16.7 ms.
 *
 *   build/tests/bench-scenarios [--runs N]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "trib-chart-scenario.h"
#include "trib-plan.h"
#include "trib-scenario-projection.h"

#define N_SCENARIOS 100
#define N_YEARS 10

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
make_inputs (TribScenarioInputs *inputs)
{
  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      TribBusinessModel model = i % TRIB_BUSINESS_MODEL_CUSTOM;
      double lo, hi;

      trib_scenario_inputs_init_defaults (&inputs[i], model, N_YEARS);
      inputs[i].p0 = i;
      trib_assumption_get_range (TRIB_ASSUMPTION_CONVERSION, model, &lo, &hi);
      inputs[i].values[TRIB_ASSUMPTION_CONVERSION] = lo + (hi - lo) * (i % 7) / 6.0;
    }
}

/* One round: every scenario projected and its sensitivity computed.
 * Returns a checksum so that nothing is optimised away. */
static double
round_inputs (const TribScenarioInputs *inputs,
              guint                    *n_projections)
{
  double sum = 0;

  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      TribProjection p;
      TribSensitivity items[TRIB_N_ASSUMPTIONS];
      guint n;

      trib_scenario_project (&inputs[i], &p);
      n = trib_scenario_sensitivity (&inputs[i], items);
      sum += p.years[N_YEARS - 1].cash + items[0].high_delta;
      /* the projection, the base of the sensitivity, and two per item */
      *n_projections += 2 + 2 * n;
    }
  return sum;
}

static double
round_plan (TribPlan *plan)
{
  GListModel *scenarios = trib_plan_get_items (plan, TRIB_TYPE_SCENARIO);
  double sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(TribScenario) s = g_list_model_get_item (scenarios, i);
      TribScenarioInputs in;
      TribProjection p;
      TribSensitivity items[TRIB_N_ASSUMPTIONS];
      g_autoptr(GError) error = NULL;

      if (!trib_scenario_inputs_from_scenario (&in, s, plan, &error))
        g_error ("%s", error->message);
      trib_scenario_project (&in, &p);
      trib_scenario_sensitivity (&in, items);
      sum += p.years[N_YEARS - 1].cash + items[0].high_delta;
    }
  return sum;
}

static TribPlan *
make_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  TribPlan *plan = trib_plan_create (path, "Scenarios", &error);

  if (plan == NULL)
    g_error ("%s", error->message);
  trib_plan_begin (plan, "bench");
  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      g_autoptr(TribScenario) s = trib_scenario_new ();
      g_autofree char *name = g_strdup_printf ("Scenario %u", i + 1);
      TribBusinessModel model = i % TRIB_BUSINESS_MODEL_CUSTOM;
      GVariantBuilder b;
      double lo, hi;

      trib_assumption_get_range (TRIB_ASSUMPTION_CONVERSION, model, &lo, &hi);
      g_variant_builder_init (&b, G_VARIANT_TYPE ("a{sd}"));
      g_variant_builder_add (&b, "{sd}", "conversion", lo + (hi - lo) * (i % 7) / 6.0);
      if (!trib_entity_set_string (TRIB_ENTITY (s), "name", name, &error) ||
          !trib_entity_set_enum (TRIB_ENTITY (s), "model", model, &error) ||
          !trib_entity_set_int (TRIB_ENTITY (s), "years", N_YEARS, &error) ||
          !trib_entity_set_bool (TRIB_ENTITY (s), "p0_from_plan", FALSE, &error) ||
          !trib_entity_set_double (TRIB_ENTITY (s), "p0", i, &error))
        g_error ("%s", error->message);
      {
        g_auto(GValue) v = G_VALUE_INIT;
        g_value_init (&v, G_TYPE_VARIANT);
        g_value_set_variant (&v, g_variant_builder_end (&b));
        if (!trib_entity_set_value (TRIB_ENTITY (s), TRIB_SCENARIO_FIELD_ASSUMPTIONS, &v, &error) ||
            !trib_plan_add (plan, TRIB_ENTITY (s), &error))
          g_error ("%s", error->message);
      }
    }
  if (!trib_plan_commit (plan, &error))
    g_error ("%s", error->message);
  return plan;
}

static void
report (const char *what,
        double     *ms,
        guint       runs)
{
  qsort (ms, runs, sizeof *ms, compare_doubles);
  printf ("%-52s median %7.3f ms   fastest %7.3f ms   (%u runs)\n", what, ms[runs / 2], ms[0],
          runs);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = 50;
  g_autofree TribScenarioInputs *inputs = g_new (TribScenarioInputs, N_SCENARIOS);
  g_autofree double *ms = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TribPlan) plan = NULL;
  guint n_projections = 0;
  double check = 0;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_strcmp0 (argv[1], "--runs") == 0)
    runs = MAX (1, (guint) atoi (argv[2]));
  ms = g_new (double, runs);

  make_inputs (inputs);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      guint n = 0;

      check += round_inputs (inputs, &n);
      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      n_projections = n;
    }
  printf ("%u scenarios x %u years: %u projections a round (projection and sensitivity)\n",
          N_SCENARIOS, N_YEARS, n_projections);
  report ("engine: projection + full sensitivity", ms, runs);

  dir = g_dir_make_tmp ("bench-scenarios-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.tributary", NULL);
  plan = make_plan (path);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();

      check += round_plan (plan);
      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  report ("from the plan: inputs + projection + sensitivity", ms, runs);
  /* The five charts of the page, five scenarios compared. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 560, 300);
    TribScenarioChart *charts[TRIB_SCENARIO_CHART_TORNADO + 1];
    TribChartStyle style;

    trib_chart_style_init (&style, FALSE);
    for (guint k = 0; k <= TRIB_SCENARIO_CHART_TORNADO; k++)
      {
        charts[k] = trib_scenario_chart_new (k);
        trib_scenario_chart_set_currency (charts[k], "EUR");
        for (guint i = 0; i < 5 && k < TRIB_SCENARIO_CHART_TORNADO; i++)
          {
            TribProjection p;
            g_autofree char *name = g_strdup_printf ("Scenario %u", i + 1);

            trib_scenario_project (&inputs[i], &p);
            trib_scenario_chart_add_scenario (charts[k], name, &p);
          }
      }
    {
      TribSensitivity items[TRIB_N_ASSUMPTIONS];
      guint n = trib_scenario_sensitivity (&inputs[2], items);
      trib_scenario_chart_set_sensitivity (charts[TRIB_SCENARIO_CHART_TORNADO], "Scenario 3",
                                           items, n);
    }
    for (guint r = 0; r < runs; r++)
      {
        gint64 start = g_get_monotonic_time ();

        for (guint k = 0; k <= TRIB_SCENARIO_CHART_TORNADO; k++)
          {
            cairo_t *cr = cairo_create (surface);
            trib_scenario_chart_draw (cr, &style, 560, 300, charts[k]);
            cairo_destroy (cr);
          }
        cairo_surface_flush (surface);
        ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      }
    report ("drawing the page's five charts", ms, runs);
    for (guint k = 0; k <= TRIB_SCENARIO_CHART_TORNADO; k++)
      trib_scenario_chart_unref (charts[k]);
    cairo_surface_destroy (surface);
  }
  printf ("(checksum %.2f)\n", check);

  trib_plan_close (plan);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
