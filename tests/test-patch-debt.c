/* test-patch-debt.c: the patch-debt projection against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "trib-patch-debt.h"
#include "trib-test-plan.h"

#define EPS 1e-9

/*
 * The small case, 2027-Q1 … 2027-Q4, patch drift 0.4641 so that the cost
 * grows by exactly 1.1 a quarter ((1.1)^4 = 1.4641):
 *
 * upstream A: cadence set to 8 a year          → 2 releases a quarter
 * upstream B: no cadence, snapshot says 12     → 3 a quarter
 * upstream C: nothing known                    → 4 a year, 1 a quarter
 *
 * p1 A carried  5 h  opened 2026-05-01                      in Q1–Q4, from Q1
 * p2 B proposed 2 h  opened 2027-04-10, upstream by 2027-Q3 in Q2 only
 * p3 C merged  10 h  2026-01-01 → 2026-07-02 (182 days)     never
 * p4 C dropped  1 h  opened 2026-10-01, dropped 2027-08-15  in Q1–Q2
 * p5 A merged   3 h  2027-01-10 → 2027-11-20 (314 days)     in Q1–Q3
 *
 * Carry forward, hours = releases × hours × 1.1^(quarters in projection):
 * Q1: p1 2·5 + p4 1·1 + p5 2·3                        = 10 + 1 + 6        = 17
 * Q2: p1 10·1.1 + p2 3·2 + p4 1·1.1 + p5 6·1.1        = 11 + 6 + 1.1 + 6.6 = 24.7
 * Q3: p1 10·1.21 + p5 6·1.21                          = 12.1 + 7.26       = 19.36
 * Q4: p1 10·1.331                                     = 13.31
 *
 * Upstream first: T = (182 + 314) / 2 days = 248 / 91.3125 quarters, so
 * k = 1 − 1/T = 1 − 91.3125/248 of a carried or proposed patch is left
 * after each quarter; merged and dropped patches are as written:
 * Q1: 10 + 1 + 6 = 17
 * Q2: 11·k + 6 + 1.1 + 6.6
 * Q3: 12.1·k² + 7.26
 * Q4: 13.31·k³
 */
static TribPlan *
build_small_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  TribPlan *plan = trib_plan_create (path, "Debt", &error);
  TribEntity *a, *b, *c;
  g_autofree char *ida = NULL, *idb = NULL, *idc = NULL;

  g_assert_no_error (error);
  trib_test_set_info (plan, "first_quarter", "2027-Q1");
  trib_test_set_info (plan, "quarters", "4");
  trib_test_set_info (plan, "patch_drift", "0.4641");

  a = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "A", "release_cadence", "8", NULL);
  b = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "B", NULL);
  c = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "C", NULL);
  ida = trib_test_id (a);
  idb = trib_test_id (b);
  idc = trib_test_id (c);
  trib_test_add (plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", idb,
                 "taken_at", "2026-12-01T00:00:00Z", "releases_last_year", "12", NULL);

  trib_test_add (plan, TRIB_TYPE_PATCH, "upstream_id", ida, "title", "p1", "state", "carried",
                 "hours_per_release", "5", "created", "2026-05-01", NULL);
  trib_test_add (plan, TRIB_TYPE_PATCH, "upstream_id", idb, "title", "p2", "state", "proposed",
                 "hours_per_release", "2", "created", "2027-04-10", "target_quarter", "2027-Q3",
                 NULL);
  trib_test_add (plan, TRIB_TYPE_PATCH, "upstream_id", idc, "title", "p3", "state", "merged",
                 "hours_per_release", "10", "created", "2026-01-01", "merged", "2026-07-02", NULL);
  trib_test_add (plan, TRIB_TYPE_PATCH, "upstream_id", idc, "title", "p4", "state", "dropped",
                 "hours_per_release", "1", "created", "2026-10-01", "dropped", "2027-08-15", NULL);
  trib_test_add (plan, TRIB_TYPE_PATCH, "upstream_id", ida, "title", "p5", "state", "merged",
                 "hours_per_release", "3", "created", "2027-01-10", "merged", "2027-11-20", NULL);
  return plan;
}

static void
assert_small_case (TribPlan *plan)
{
  g_autoptr(TribPatchDebt) debt = trib_patch_debt_compute (plan);
  double k = 1.0 - 91.3125 / 248.0;
  const double carry[] = { 17, 24.7, 19.36, 13.31 };
  const double first[] = { 17, 11 * k + 6 + 1.1 + 6.6, 12.1 * k * k + 7.26, 13.31 * k * k * k };
  const double stock_carry[] = { 3, 4, 2, 1 };
  const double stock_first[] = { 3, k + 1 + 1 + 1, k * k + 1, k * k * k };
  g_autoptr(TribEntity) a = g_list_model_get_item (trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM), 0);
  gint64 id_a = trib_entity_get_id (a);

  g_assert_cmpuint (trib_patch_debt_get_n_quarters (debt), ==, 4);
  g_assert_cmpstr (trib_patch_debt_get_quarter (debt, 0), ==, "2027-Q1");
  g_assert_cmpstr (trib_patch_debt_get_quarter (debt, 3), ==, "2027-Q4");
  g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_merge_quarters (debt), 248.0 / 91.3125, EPS);
  for (guint q = 0; q < 4; q++)
    {
      g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_hours (debt, TRIB_DEBT_CARRY_FORWARD, q),
                                      carry[q], EPS);
      g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_hours (debt, TRIB_DEBT_UPSTREAM_FIRST, q),
                                      first[q], EPS);
      g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_stock (debt, TRIB_DEBT_CARRY_FORWARD, q),
                                      stock_carry[q], EPS);
      g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_stock (debt, TRIB_DEBT_UPSTREAM_FIRST, q),
                                      stock_first[q], EPS);
    }
  /* Upstream A in Q2: p1 11 + p5 6.6. */
  g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_upstream_hours (debt, id_a, 1), 17.6, EPS);
  g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_total_hours (debt, TRIB_DEBT_CARRY_FORWARD),
                                  17 + 24.7 + 19.36 + 13.31, EPS);
}

static void
test_small_case (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "debt.tributary", NULL);
  g_autoptr(GError) error = NULL;
  TribPlan *plan = build_small_plan (path);

  assert_small_case (plan);
  trib_plan_close (plan);
  g_assert_finalize_object (plan);

  /* The same numbers from the plan file read back. */
  plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_small_case (plan);
  trib_plan_close (plan);
  g_object_unref (plan);
  trib_test_remove_tree (dir);
}

static void
test_cadence_sources (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cadence.tributary", NULL);
  g_autoptr(TribPlan) plan = build_small_plan (path);
  GListModel *upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);
  TribCadenceSource source;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      GListModel *snaps = trib_plan_get_children (plan, TRIB_ENTITY (u), TRIB_TYPE_STATS_SNAPSHOT);
      g_autoptr(TribStatsSnapshot) latest = g_list_model_get_n_items (snaps)
                                            ? g_list_model_get_item (snaps, 0) : NULL;
      double cadence = trib_upstream_cadence (u, latest, &source);
      const double expected[] = { 8, 12, TRIB_PATCH_DEBT_DEFAULT_CADENCE };
      const TribCadenceSource sources[] = { TRIB_CADENCE_SET, TRIB_CADENCE_STATISTICS, TRIB_CADENCE_DEFAULT };

      g_assert_cmpfloat (cadence, ==, expected[i]);
      g_assert_cmpint (source, ==, sources[i]);
    }
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* A plan without merged patches uses two quarters; without a first quarter
 * there is no horizon and so no projection. */
static void
test_defaults (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "defaults.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Defaults", &error);
  g_autoptr(TribPatchDebt) none = NULL;
  g_autoptr(TribPatchDebt) debt = NULL;
  TribEntity *u;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  u = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "U", NULL);
  id = trib_test_id (u);
  trib_test_add (plan, TRIB_TYPE_PATCH, "upstream_id", id, "title", "p", "hours_per_release", "4",
                 NULL);
  trib_test_set_info (plan, "first_quarter", "");
  none = trib_patch_debt_compute (plan);
  g_assert_cmpuint (trib_patch_debt_get_n_quarters (none), ==, 0);
  g_assert_cmpfloat (trib_patch_debt_get_total_hours (none, TRIB_DEBT_CARRY_FORWARD), ==, 0);

  /* Default drift 0.15, default cadence 4, T = 2 so k = 1/2:
   * Q1 1·4 = 4; Q2 4·1.15^(1/4); upstream first halves each quarter. */
  trib_test_set_info (plan, "first_quarter", "2030-Q1");
  trib_test_set_info (plan, "quarters", "2");
  debt = trib_patch_debt_compute (plan);
  g_assert_cmpfloat (trib_patch_debt_get_merge_quarters (debt), ==, 2.0);
  g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_hours (debt, TRIB_DEBT_CARRY_FORWARD, 0), 4, EPS);
  g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_hours (debt, TRIB_DEBT_CARRY_FORWARD, 1),
                                  4 * pow (1.15, 0.25), EPS);
  g_assert_cmpfloat_with_epsilon (trib_patch_debt_get_hours (debt, TRIB_DEBT_UPSTREAM_FIRST, 1),
                                  2 * pow (1.15, 0.25), EPS);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/patch-debt/small-case", test_small_case);
  g_test_add_func ("/patch-debt/cadence-sources", test_cadence_sources);
  g_test_add_func ("/patch-debt/defaults", test_defaults);

  return g_test_run ();
}
