/* test-scenario-engine.c: the business-model projection of SCENARIOS.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "trib-plan.h"
#include "trib-plan-json.h"
#include "trib-sample.h"
#include "trib-scenario-projection.h"
#include "trib-test-util.h"

typedef struct
{
  double users, customers, arr, services_revenue, revenue, cogs, rd, sm, operating_result, cash;
  double patch_stock, maintenance_fte, own_fte, community_fte;
} Row;

typedef struct
{
  TribBusinessModel model;
  int               break_even_year;
  Row               rows[3];
} Expected;

/* Worked by hand for open core, year 1 (defaults, users0 = 50000, P0 = 10):
 *   U1 = 50000 · 1.25 = 62500; New1 = 0.005 · 62500 = 312.5 = C1
 *   ARR1 = 40000 · 312.5 = 12,500,000; Svc1 = ARR1 · 0.05 / 0.95 = 657,894.74
 *   K1 = 40 · 1.15 = 46; Own1 = 46 · 0.95 = 43.7; Comm1 = 2.3
 *   P1 = 10 + 0.05 · 30 · 43.7 = 75.55; Maint1 = 4 · 75.55 · 4 / 1800 = 0.671556
 *   RD1 = (43.7 + 15 + 0.671556) · 200000 = 11,874,311.11
 *   CAC = 40000 · 0.87 · 18 / 12 = 52,200; SM1 = 52200 · 312.5 = 16,312,500
 *   Op1 = 13,157,894.74 − 2,085,526.32 − 11,874,311.11 − 16,312,500
 *         − 0.12 · 13,157,894.74 = −18,693,390.06
 * The rest of the table continues the same steps with exact fractions. */
/* Generated from exact fractions, SCENARIOS.md's twelve steps, defaults of
 * each model, users0 = 50000, P0 = 10, engineer_cost = 200000, H = 3. */
static const Expected cases[] = {
  { TRIB_BUSINESS_MODEL_OPEN_CORE, 0, {
    { 62500.000000, 312.500000, 12500000.000000, 657894.736842, 13157894.736842, 2085526.315789, 11874311.111111, 16312500.000000, -18693390.058480, -18693390.058480, 75.550000, 0.671556, 43.700000, 2.300000 },
    { 78125.000000, 390.625000, 18625000.000000, 980263.157895, 19605263.157895, 3107434.210526, 13359573.111111, 6035625.000000, -5250000.742690, -23943390.801170, 150.932500, 1.542866, 50.255000, 2.645000 },
    { 97656.250000, 488.281250, 26641250.000000, 1402171.052632, 28043421.052632, 4444882.236842, 15117326.606111, 7544531.250000, -2428529.566637, -26371920.367807, 237.622375, 2.793383, 57.793250, 3.041750 },
  } },
  { TRIB_BUSINESS_MODEL_HYBRID, 0, {
    { 70000.000000, 280.000000, 11200000.000000, 973913.043478, 12173913.043478, 2361739.130435, 8832177.777778, 14280000.000000, -14760873.429952, -14760873.429952, 175.600000, 1.560889, 27.600000, 18.400000 },
    { 98000.000000, 392.000000, 18144000.000000, 1577739.130435, 19721739.130435, 3826017.391304, 10096348.444444, 7140000.000000, -3707235.400966, -18468108.830918, 366.040000, 3.741742, 31.740000, 21.160000 },
    { 137200.000000, 548.800000, 28161280.000000, 2448806.956522, 30610086.956522, 5938356.869565, 11675708.151111, 9996000.000000, -673188.498937, -19141297.329855, 585.046000, 6.877541, 36.501000, 24.334000 },
  } },
  { TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM, 2, {
    { 70000.000000, 210.000000, 10500000.000000, 1431818.181818, 11931818.181818, 2052272.727273, 6295888.888889, 14175000.000000, -12023161.616162, -12023161.616162, 34.150000, 0.379444, 16.100000, 29.900000 },
    { 98000.000000, 294.000000, 17115000.000000, 2333863.636364, 19448863.636364, 3345204.545455, 6861246.388889, 6804000.000000, 104549.065657, -11918612.550505, 61.922500, 0.791232, 18.515000, 34.385000 },
    { 137200.000000, 411.600000, 26738250.000000, 3646125.000000, 30384375.000000, 5226112.500000, 7534296.682639, 9525600.000000, 4452240.817361, -7466371.733144, 93.860875, 1.379233, 21.292250, 39.542750 },
  } },
  { TRIB_BUSINESS_MODEL_SERVICES, 1, {
    { 65000.000000, 32.500000, 0.000000, 4144500.000000, 4144500.000000, 2901150.000000, 400000.000000, 0.000000, 346010.000000, 346010.000000, 67.500000, 0.750000, 0.000000, 0.000000 },
    { 84500.000000, 42.250000, 0.000000, 4538043.750000, 4538043.750000, 3176630.625000, 400000.000000, 0.000000, 416847.875000, 762857.875000, 133.625000, 1.707431, 0.000000, 0.000000 },
    { 109850.000000, 54.925000, 0.000000, 4917046.734375, 4917046.734375, 3441932.714062, 400000.000000, 0.000000, 485068.412187, 1247926.287187, 209.668750, 3.080966, 0.000000, 0.000000 },
  } },
  { TRIB_BUSINESS_MODEL_FREEMIUM, 0, {
    { 75000.000000, 2250.000000, 4500000.000000, 91836.734694, 4591836.734694, 1324285.714286, 12739377.777778, 4860000.000000, -14882847.165533, -14882847.165533, 258.400000, 2.296889, 41.400000, 4.600000 },
    { 112500.000000, 3375.000000, 7875000.000000, 160714.285714, 8035714.285714, 2317500.000000, 14634300.444444, 3402000.000000, -13282371.873016, -28165219.038549, 544.060000, 5.561502, 47.610000, 5.290000 },
    { 168750.000000, 5062.500000, 12993750.000000, 265178.571429, 13258928.571429, 3823875.000000, 17001806.671111, 5103000.000000, -14260824.528254, -42426043.566803, 872.569000, 10.257533, 54.751500, 6.083500 },
  } },
};

static void
assert_cents (double actual,
              double expected,
              const char *what,
              int model,
              int year)
{
  if (fabs (actual - expected) >= 0.005)
    g_error ("model %d year %d %s: %.6f, expected %.6f", model, year, what, actual, expected);
}

static void
assert_close (double actual,
              double expected,
              const char *what,
              int model,
              int year)
{
  if (fabs (actual - expected) > 1e-6 * MAX (1, fabs (expected)))
    g_error ("model %d year %d %s: %.9f, expected %.9f", model, year, what, actual, expected);
}

static void
init_case (TribScenarioInputs *in,
           TribBusinessModel   model)
{
  trib_scenario_inputs_init_defaults (in, model, 3);
  in->p0 = 10;
  g_assert_cmpfloat (in->values[TRIB_ASSUMPTION_USERS0], ==, 50000);
  g_assert_cmpfloat (in->values[TRIB_ASSUMPTION_ENGINEER_COST], ==, 200000);
}

static void
test_hand_computed (void)
{
  for (guint m = 0; m < G_N_ELEMENTS (cases); m++)
    {
      const Expected *e = &cases[m];
      TribScenarioInputs in;
      TribProjection p;
      g_autoptr(GError) error = NULL;

      init_case (&in, e->model);
      g_assert_true (trib_scenario_inputs_check (&in, &error));
      g_assert_no_error (error);
      trib_scenario_project (&in, &p);
      g_assert_cmpint (p.n_years, ==, 3);
      g_assert_cmpint (p.break_even_year, ==, e->break_even_year);
      for (int t = 0; t < 3; t++)
        {
          const TribScenarioYear *y = &p.years[t];
          const Row *r = &e->rows[t];

          g_assert_cmpint (y->year, ==, t + 1);
          assert_close (y->users, r->users, "users", e->model, t + 1);
          assert_close (y->customers, r->customers, "customers", e->model, t + 1);
          assert_cents (y->arr, r->arr, "arr", e->model, t + 1);
          assert_cents (y->services_revenue, r->services_revenue, "services", e->model, t + 1);
          assert_cents (y->revenue, r->revenue, "revenue", e->model, t + 1);
          assert_cents (y->cogs, r->cogs, "cogs", e->model, t + 1);
          assert_cents (y->rd, r->rd, "rd", e->model, t + 1);
          assert_cents (y->sm, r->sm, "sm", e->model, t + 1);
          assert_cents (y->operating_result, r->operating_result, "op", e->model, t + 1);
          assert_cents (y->cash, r->cash, "cash", e->model, t + 1);
          assert_close (y->patch_stock, r->patch_stock, "patch stock", e->model, t + 1);
          assert_close (y->maintenance_fte, r->maintenance_fte, "maintenance", e->model, t + 1);
          assert_close (y->own_fte, r->own_fte, "own", e->model, t + 1);
          assert_close (y->community_fte, r->community_fte, "community", e->model, t + 1);
        }
    }
}

/* Identities every year of every model must satisfy. */
static void
test_identities (void)
{
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      TribScenarioInputs in;
      TribProjection p;
      double cash = 0, need = 40;

      trib_scenario_inputs_init_defaults (&in, m, 10);
      in.p0 = 25;
      trib_scenario_project (&in, &p);
      g_assert_cmpint (p.n_years, ==, 10);
      need = in.values[TRIB_ASSUMPTION_PLATFORM_FTE];
      for (int t = 0; t < 10; t++)
        {
          const TribScenarioYear *y = &p.years[t];

          need *= 1 + in.values[TRIB_ASSUMPTION_PLATFORM_GROWTH];
          cash += y->operating_result;
          g_assert_cmpfloat (fabs (y->cash - cash), <, 1e-6);
          g_assert_cmpfloat (fabs (y->revenue - (y->arr + y->services_revenue)), <, 1e-6);
          g_assert_cmpfloat (fabs (y->own_fte + y->community_fte - need), <, 1e-9);
          g_assert_cmpfloat (fabs (y->operating_result -
                                   (y->revenue - y->cogs - y->rd - y->sm - y->ga)), <, 1e-6);
          g_assert_cmpfloat (y->customers, >=, 0);
          g_assert_cmpfloat (y->patch_stock, >=, 25);
          g_assert_cmpfloat (y->upkeep_share, >=, 0);
          g_assert_cmpfloat (y->upkeep_share, <=, 1);
          if (t > 0)
            g_assert_cmpfloat (y->patch_stock, >=, p.years[t - 1].patch_stock);
        }
      g_assert_cmpfloat (p.total_operating_result, ==, p.years[9].cash);
    }
}

/* A larger external share never raises R&D, in any model or year. */
static void
test_external_share_never_raises_rd (void)
{
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      TribProjection before;

      for (int step = 0; step <= 93; step++)
        {
          TribScenarioInputs in;
          TribProjection p;

          trib_scenario_inputs_init_defaults (&in, m, 10);
          in.p0 = 100;
          in.values[TRIB_ASSUMPTION_EXTERNAL_SHARE] = step / 100.0;
          trib_scenario_project (&in, &p);
          if (step > 0)
            for (int t = 0; t < 10; t++)
              g_assert_cmpfloat (p.years[t].rd, <=, before.years[t].rd);
          before = p;
        }
    }
}

/* Zero conversion gives zero subscription revenue and no customers. */
static void
test_zero_conversion (void)
{
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      TribScenarioInputs in;
      TribProjection p;

      trib_scenario_inputs_init_defaults (&in, m, 10);
      in.values[TRIB_ASSUMPTION_CONVERSION] = 0;
      trib_scenario_project (&in, &p);
      for (int t = 0; t < 10; t++)
        {
          g_assert_cmpfloat (p.years[t].arr, ==, 0);
          g_assert_cmpfloat (p.years[t].customers, ==, 0);
          g_assert_cmpfloat (p.years[t].sm, ==, 0);
          if (m != TRIB_BUSINESS_MODEL_SERVICES)
            g_assert_cmpfloat (p.years[t].services_revenue, ==, 0);
        }
    }
}

/* Patch upkeep can eat every billable hour of a services firm, never more:
 * its services revenue stays at 0 or above. */
static void
test_services_revenue_never_negative (void)
{
  const double stocks[] = { 0, 100, 1000, 10000, 1e6 };

  for (guint i = 0; i < G_N_ELEMENTS (stocks); i++)
    {
      TribScenarioInputs in;
      TribProjection p;

      trib_scenario_inputs_init_defaults (&in, TRIB_BUSINESS_MODEL_SERVICES, 10);
      in.p0 = stocks[i];
      in.values[TRIB_ASSUMPTION_UPSTREAMED_SHARE] = 0.3;
      in.values[TRIB_ASSUMPTION_HOURS_PER_PATCH] = 16;
      trib_scenario_project (&in, &p);
      for (int t = 0; t < 10; t++)
        {
          g_assert_cmpfloat (p.years[t].services_revenue, >=, 0);
          g_assert_cmpfloat (p.years[t].upkeep_share, <=, 1);
        }
      if (stocks[i] >= 10000)
        g_assert_cmpfloat (p.years[9].services_revenue, ==, 0);
    }
  {
    TribScenarioInputs in;
    TribProjection p;

    /* No consultants at all: nothing billed, no division by zero. */
    trib_scenario_inputs_init_defaults (&in, TRIB_BUSINESS_MODEL_SERVICES, 5);
    in.values[TRIB_ASSUMPTION_CONSULTANTS0] = 0;
    trib_scenario_project (&in, &p);
    for (int t = 0; t < 5; t++)
      {
        g_assert_cmpfloat (p.years[t].services_revenue, ==, 0);
        g_assert_true (isfinite (p.years[t].cash));
      }
  }
}

/* More carried patches never help: upkeep and R&D rise, cash falls. */
static void
test_patches_cost (void)
{
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      TribScenarioInputs in;
      TribProjection few, many;

      trib_scenario_inputs_init_defaults (&in, m, 5);
      in.p0 = 0;
      trib_scenario_project (&in, &few);
      in.p0 = 500;
      trib_scenario_project (&in, &many);
      for (int t = 0; t < 5; t++)
        {
          g_assert_cmpfloat (many.years[t].maintenance_fte, >, few.years[t].maintenance_fte);
          g_assert_cmpfloat (many.years[t].cash, <, few.years[t].cash);
        }
    }
}

static void
test_deterministic (void)
{
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      TribScenarioInputs in;
      TribProjection a, b;

      trib_scenario_inputs_init_defaults (&in, m, 10);
      in.p0 = 37;
      trib_scenario_project (&in, &a);
      trib_scenario_project (&in, &b);
      g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
    }
}

static void
test_break_even (void)
{
  TribScenarioInputs in;
  TribProjection p;

  /* From the hand-computed table: services from year 1, certified platform
   * from year 2 (Op2 = 104,549.07), open core not within three years. */
  init_case (&in, TRIB_BUSINESS_MODEL_SERVICES);
  trib_scenario_project (&in, &p);
  g_assert_cmpint (p.break_even_year, ==, 1);
  init_case (&in, TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM);
  trib_scenario_project (&in, &p);
  g_assert_cmpint (p.break_even_year, ==, 2);
  init_case (&in, TRIB_BUSINESS_MODEL_OPEN_CORE);
  trib_scenario_project (&in, &p);
  g_assert_cmpint (p.break_even_year, ==, 0);
}

static double
cash_with (const TribScenarioInputs *base,
           TribAssumption            a,
           double                    value)
{
  TribScenarioInputs in = *base;
  TribProjection p;

  in.values[a] = value;
  trib_scenario_project (&in, &p);
  return p.years[p.n_years - 1].cash;
}

static void
test_sensitivity (void)
{
  for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    {
      TribScenarioInputs in;
      TribProjection p;
      TribSensitivity items[TRIB_N_ASSUMPTIONS];
      guint n;
      gboolean seen[TRIB_N_ASSUMPTIONS] = { FALSE };

      trib_scenario_inputs_init_defaults (&in, m, 5);
      in.p0 = 10;
      trib_scenario_project (&in, &p);
      n = trib_scenario_sensitivity (&in, items);
      g_assert_cmpuint (n, >, 10);
      for (guint i = 0; i < n; i++)
        {
          const TribSensitivity *s = &items[i];
          const TribAssumptionInfo *info = trib_assumption_get_info (s->assumption);
          double lo, hi;

          g_assert_false (seen[s->assumption]);
          seen[s->assumption] = TRUE;
          g_assert_true (trib_assumption_is_used (s->assumption, m));
          trib_assumption_get_range (s->assumption, m, &lo, &hi);
          if (info->flags & TRIB_ASSUMPTION_STATED_RANGE)
            {
              g_assert_cmpfloat (s->low_value, ==, lo);
              g_assert_cmpfloat (s->high_value, ==, hi);
            }
          else
            {
              g_assert_cmpfloat (fabs (s->low_value - MAX (lo, s->value * 0.8)), <, 1e-9);
              g_assert_cmpfloat (fabs (s->high_value - MIN (hi, s->value * 1.2)), <, 1e-9);
            }
          g_assert_cmpfloat (s->low_delta, ==,
                             cash_with (&in, s->assumption, s->low_value) - p.years[4].cash);
          g_assert_cmpfloat (s->high_delta, ==,
                             cash_with (&in, s->assumption, s->high_value) - p.years[4].cash);
          if (i > 0)
            g_assert_cmpfloat (MAX (fabs (s->low_delta), fabs (s->high_delta)), <=,
                               MAX (fabs (items[i - 1].low_delta), fabs (items[i - 1].high_delta)));
        }
      /* A services firm's services share is fixed at 100 %; the other models
       * do not compute with consultants. */
      if (m == TRIB_BUSINESS_MODEL_SERVICES)
        g_assert_false (seen[TRIB_ASSUMPTION_SERVICES_SHARE]);
      else
        g_assert_false (seen[TRIB_ASSUMPTION_UTILIZATION] || seen[TRIB_ASSUMPTION_BILL_RATE]);
      /* Conversion raises subscription revenue for every subscription model. */
      if (m != TRIB_BUSINESS_MODEL_SERVICES)
        g_assert_true (seen[TRIB_ASSUMPTION_CONVERSION]);
    }
}

static void
test_ranges (void)
{
  g_autofree char *message = NULL;
  double lo, hi;

  for (guint a = 0; a < TRIB_N_ASSUMPTIONS; a++)
    for (TribBusinessModel m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
      {
        /* Every default lies within its own model's range. */
        g_assert_true (trib_assumption_check (a, m, trib_assumption_get_default (a, m), NULL));
        g_assert_cmpint (trib_assumption_from_key (trib_assumption_get_info (a)->key), ==, a);
      }
  trib_assumption_get_range (TRIB_ASSUMPTION_CONVERSION, TRIB_BUSINESS_MODEL_FREEMIUM, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0.01);
  g_assert_cmpfloat (hi, ==, 0.10);
  trib_assumption_get_range (TRIB_ASSUMPTION_CONVERSION, TRIB_BUSINESS_MODEL_OPEN_CORE, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0.0005);
  g_assert_cmpfloat (hi, ==, 0.01);
  g_assert_false (trib_assumption_check (TRIB_ASSUMPTION_CONVERSION, TRIB_BUSINESS_MODEL_OPEN_CORE,
                                         0.03, &message));
  g_assert_cmpstr (message, ==, "expected 0.05 % to 1 %");
  g_assert_cmpint (trib_assumption_from_key ("no_such_key"), ==, -1);
  g_clear_pointer (&message, g_free);
  g_assert_false (trib_assumption_check (TRIB_ASSUMPTION_SERVICES_SHARE,
                                         TRIB_BUSINESS_MODEL_SERVICES, 0.5, &message));
  g_assert_cmpstr (message, ==, "expected 100 % in this model");
}

static TribPlan *
new_plan (char **dir_out)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "s.tributary", NULL);
  g_autoptr(GError) error = NULL;
  TribPlan *plan = trib_plan_create (path, "Scenarios", &error);

  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return plan;
}

static GVariant *
dict1 (const char *key,
       double      value)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{sd}"));
  g_variant_builder_add (&b, "{sd}", key, value);
  return g_variant_builder_end (&b);
}

static void
add_patch (TribPlan      *plan,
           gint64         upstream,
           TribPatchState state)
{
  g_autoptr(TribPatch) patch = trib_patch_new ();
  g_autoptr(GError) error = NULL;

  trib_entity_set_string (TRIB_ENTITY (patch), "title", "A change", &error);
  trib_entity_set_ref (TRIB_ENTITY (patch), "upstream_id", upstream, &error);
  trib_entity_set_enum (TRIB_ENTITY (patch), "state", state, &error);
  g_assert_no_error (error);
  trib_plan_add (plan, TRIB_ENTITY (patch), &error);
  g_assert_no_error (error);
}

/* A scenario's inputs: model defaults, the plan's engineer cost, stored
 * values over both, P0 from the plan's carried patches or its own. */
static void
test_inputs_from_plan (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TribPlan) plan = new_plan (&dir);
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(TribScenario) scenario = trib_scenario_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  TribScenarioInputs in;

  trib_entity_set_string (TRIB_ENTITY (upstream), "name", "etcd", &error);
  g_assert_no_error (error);
  trib_plan_add (plan, TRIB_ENTITY (upstream), &error);
  g_assert_no_error (error);
  add_patch (plan, trib_entity_get_id (TRIB_ENTITY (upstream)), TRIB_PATCH_STATE_CARRIED);
  add_patch (plan, trib_entity_get_id (TRIB_ENTITY (upstream)), TRIB_PATCH_STATE_CARRIED);
  add_patch (plan, trib_entity_get_id (TRIB_ENTITY (upstream)), TRIB_PATCH_STATE_PROPOSED);
  add_patch (plan, trib_entity_get_id (TRIB_ENTITY (upstream)), TRIB_PATCH_STATE_MERGED);
  add_patch (plan, trib_entity_get_id (TRIB_ENTITY (upstream)), TRIB_PATCH_STATE_DROPPED);
  g_assert_cmpfloat (trib_scenario_plan_patch_stock (plan), ==, 3);

  trib_entity_set_string (TRIB_ENTITY (scenario), "name", "Hybrid", &error);
  trib_entity_set_enum (TRIB_ENTITY (scenario), "model", TRIB_BUSINESS_MODEL_HYBRID, &error);
  g_assert_no_error (error);
  trib_plan_add (plan, TRIB_ENTITY (scenario), &error);
  g_assert_no_error (error);

  trib_entity_set_double (TRIB_ENTITY (trib_plan_get_info (plan)), "engineer_year_cost", 150000,
                          &error);
  g_assert_no_error (error);

  g_assert_true (trib_scenario_inputs_from_scenario (&in, scenario, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (in.formulas, ==, TRIB_BUSINESS_MODEL_HYBRID);
  g_assert_cmpfloat (in.p0, ==, 3);
  g_assert_cmpfloat (in.values[TRIB_ASSUMPTION_ENGINEER_COST], ==, 150000);
  g_assert_cmpfloat (in.values[TRIB_ASSUMPTION_EXTERNAL_SHARE], ==, 0.40);

  /* A stored value wins over the plan's setting and the model's default. */
  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, dict1 ("engineer_cost", 90000));
  trib_plan_update (plan, TRIB_ENTITY (scenario), TRIB_SCENARIO_FIELD_ASSUMPTIONS, &value, &error);
  g_assert_no_error (error);
  g_assert_true (trib_scenario_inputs_from_scenario (&in, scenario, plan, &error));
  g_assert_cmpfloat (in.values[TRIB_ASSUMPTION_ENGINEER_COST], ==, 90000);

  /* A patch stock of its own. */
  trib_entity_set_bool (TRIB_ENTITY (scenario), "p0_from_plan", FALSE, &error);
  g_assert_no_error (error);
  trib_entity_set_double (TRIB_ENTITY (scenario), "p0", 120, &error);
  g_assert_no_error (error);
  g_assert_true (trib_scenario_inputs_from_scenario (&in, scenario, plan, &error));
  g_assert_cmpfloat (in.p0, ==, 120);

  /* A custom scenario computes with its base model. */
  trib_entity_set_enum (TRIB_ENTITY (scenario), "model", TRIB_BUSINESS_MODEL_CUSTOM, &error);
  trib_entity_set_enum (TRIB_ENTITY (scenario), "base_model", TRIB_BUSINESS_MODEL_FREEMIUM,
                        &error);
  g_assert_no_error (error);
  g_assert_true (trib_scenario_inputs_from_scenario (&in, scenario, plan, &error));
  g_assert_cmpint (in.formulas, ==, TRIB_BUSINESS_MODEL_FREEMIUM);
  g_assert_cmpfloat (in.values[TRIB_ASSUMPTION_CONVERSION], ==, 0.03);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* The plan refuses an assumption out of its model's range, naming it, and
 * keeps the value it had. */
static void
test_plan_refuses_out_of_range (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TribPlan) plan = new_plan (&dir);
  g_autoptr(TribScenario) scenario = trib_scenario_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  double stored;
  gboolean is_set = TRUE;

  trib_entity_set_string (TRIB_ENTITY (scenario), "name", "Open core", &error);
  trib_entity_set_enum (TRIB_ENTITY (scenario), "model", TRIB_BUSINESS_MODEL_OPEN_CORE, &error);
  g_assert_no_error (error);
  trib_plan_add (plan, TRIB_ENTITY (scenario), &error);
  g_assert_no_error (error);

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, dict1 ("conversion", 0.03));
  g_assert_false (trib_plan_update (plan, TRIB_ENTITY (scenario), TRIB_SCENARIO_FIELD_ASSUMPTIONS,
                                    &value, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "assumptions.conversion: expected 0.05 % to 1 %");
  g_clear_error (&error);
  trib_scenario_get_assumption (scenario, TRIB_ASSUMPTION_CONVERSION, &is_set);
  g_assert_false (is_set);

  /* Valid for freemium, though: the same value with that model. */
  g_value_set_variant (&value, dict1 ("conversion", 0.03));
  trib_entity_set_enum (TRIB_ENTITY (scenario), "model", TRIB_BUSINESS_MODEL_FREEMIUM, &error);
  g_assert_no_error (error);
  g_assert_true (trib_plan_update (plan, TRIB_ENTITY (scenario), TRIB_SCENARIO_FIELD_ASSUMPTIONS,
                                   &value, &error));
  g_assert_no_error (error);
  stored = trib_scenario_get_assumption (scenario, TRIB_ASSUMPTION_CONVERSION, NULL);
  g_assert_cmpfloat (stored, ==, 0.03);

  /* …and then the model cannot go back to open core under it. */
  {
    g_auto(GValue) model = G_VALUE_INIT;

    g_value_init (&model, G_VALUE_TYPE (trib_entity_peek_value (TRIB_ENTITY (scenario),
                                                                TRIB_SCENARIO_FIELD_MODEL)));
    g_value_set_enum (&model, TRIB_BUSINESS_MODEL_OPEN_CORE);
    g_assert_false (trib_plan_update (plan, TRIB_ENTITY (scenario), TRIB_SCENARIO_FIELD_MODEL,
                                      &model, &error));
    g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (trib_scenario_get_model (scenario), ==, TRIB_BUSINESS_MODEL_FREEMIUM);
  }

  /* Unknown keys are refused, not ignored. */
  g_value_set_variant (&value, dict1 ("convresion", 0.03));
  g_assert_false (trib_plan_update (plan, TRIB_ENTITY (scenario), TRIB_SCENARIO_FIELD_ASSUMPTIONS,
                                    &value, &error));
  g_assert_cmpstr (error->message, ==,
                   "assumptions.convresion: not an assumption of the scenario model");
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* The JSON import refuses the same, with the path of the value. */
static void
test_import_refuses_out_of_range (void)
{
  static const char doc[] =
    "{\"format\": \"tributary-plan\", \"version\": 1, "
    "\"plan\": {\"name\": \"P\", \"currency\": \"EUR\"}, "
    "\"scenarios\": [{\"id\": 1, \"name\": \"A\", \"model\": \"freemium\", "
    "\"assumptions\": {\"conversion\": 0.03}}, "
    "{\"assumptions\": {\"conversion\": 0.03, \"users0\": 10}, \"id\": 2, "
    "\"model\": \"open-core\", \"name\": \"B\"}]}";
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "t.tributary", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (doc, strlen (doc));
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;

  g_assert_false (trib_plan_json_validate (bytes, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "scenarios[1].assumptions.conversion: expected 0.05 % to 1 %");
  g_clear_error (&error);
  plan = trib_plan_import_json (NULL, bytes, target, FALSE, &error);
  g_assert_null (plan);
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "scenarios[1].assumptions.conversion: expected 0.05 % to 1 %");
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  trib_test_remove_tree (dir);
}

/* Every scenario of the sample plan computes, and its stored values are
 * all within range. */
static void
test_sample (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  GListModel *scenarios;

  g_assert_no_error (error);
  scenarios = trib_plan_get_items (plan, TRIB_TYPE_SCENARIO);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(TribScenario) s = g_list_model_get_item (scenarios, i);
      TribScenarioInputs in;
      TribProjection p;

      g_assert_true (trib_scenario_inputs_from_scenario (&in, s, plan, &error));
      g_assert_no_error (error);
      trib_scenario_project (&in, &p);
      g_assert_cmpint (p.n_years, ==, trib_scenario_get_years (s));
      g_assert_true (isfinite (p.years[p.n_years - 1].cash));
    }
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/scenario/engine/hand-computed", test_hand_computed);
  g_test_add_func ("/scenario/engine/identities", test_identities);
  g_test_add_func ("/scenario/engine/external-share-never-raises-rd",
                   test_external_share_never_raises_rd);
  g_test_add_func ("/scenario/engine/zero-conversion", test_zero_conversion);
  g_test_add_func ("/scenario/engine/services-revenue-never-negative",
                   test_services_revenue_never_negative);
  g_test_add_func ("/scenario/engine/patches-cost", test_patches_cost);
  g_test_add_func ("/scenario/engine/deterministic", test_deterministic);
  g_test_add_func ("/scenario/engine/break-even", test_break_even);
  g_test_add_func ("/scenario/engine/sensitivity", test_sensitivity);
  g_test_add_func ("/scenario/assumptions/ranges", test_ranges);
  g_test_add_func ("/scenario/plan/inputs", test_inputs_from_plan);
  g_test_add_func ("/scenario/plan/refuses-out-of-range", test_plan_refuses_out_of_range);
  g_test_add_func ("/scenario/json/refuses-out-of-range", test_import_refuses_out_of_range);
  g_test_add_func ("/scenario/sample", test_sample);
  return g_test_run ();
}
