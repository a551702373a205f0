/* test-checks.c: each strategy check with a plan that triggers it and one that does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-checks.h"
#include "trib-plan-json.h"
#include "trib-test-plan.h"

#define TODAY "2027-02-01"

typedef struct
{
  char       *dir;
  TribPlan   *plan;
  TribEntity *foo;       /* importance 5, one contributor each quarter */
  TribEntity *product;   /* "Bar", registered */
  TribEntity *release;   /* Bar 1.0: GA 2027-01-15, maintained to 2028-01-01 */
  TribEntity *base;      /* Foo 2.0, end of life 2030-01-01 */
  TribEntity *cert;      /* Dell, promised, certified */
  TribEntity *invest[4]; /* Foo's investments, 2027-Q1 … Q4 */
  char       *foo_id;
} Fixture;

/* Statistics that score 75 of 100 for health (no contributor diversity
 * known: 10 + 25 + 15 + 15 + 0 + 10). */
#define HEALTHY_STATS \
  "created", "2015-01-01", "stars", "20000", "releases_last_year", "6", "our_share", "0.25", \
  "weekly_commits", "[5,5,5,5,5,5,5,5,5,5,5,5,5]"

/* A plan that no rule finds anything in. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *product_id = NULL, *release_id = NULL;
  const char *quarters[] = { "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4" };

  f->dir = trib_test_make_dir ();
  path = g_build_filename (f->dir, "checks.tributary", NULL);
  f->plan = trib_plan_create (path, "Checks", &error);
  g_assert_no_error (error);
  trib_test_set_info (f->plan, "first_quarter", "2027-Q1");
  trib_test_set_info (f->plan, "quarters", "4");

  f->foo = trib_test_add (f->plan, TRIB_TYPE_UPSTREAM, "name", "Foo", "importance", "5",
                          "decision", "invest", NULL);
  f->foo_id = trib_test_id (f->foo);
  for (guint q = 0; q < 4; q++)
    f->invest[q] = trib_test_add (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", f->foo_id,
                                  "quarter", quarters[q], "fte", "1", "role", "contributor", NULL);
  trib_test_add (f->plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", f->foo_id,
                 "taken_at", "2027-01-10T00:00:00Z", "last_push", "2027-01-05T00:00:00Z",
                 HEALTHY_STATS, NULL);
  trib_test_add (f->plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", f->foo_id,
                 "taken_at", "2027-01-20T00:00:00Z", "last_push", "2027-01-15T00:00:00Z",
                 HEALTHY_STATS, NULL);
  trib_test_add (f->plan, TRIB_TYPE_PATCH, "upstream_id", f->foo_id, "title", "Old fix",
                 "created", "2026-06-01", "hours_per_release", "4", NULL);

  f->product = trib_test_add (f->plan, TRIB_TYPE_PRODUCT, "name", "Bar",
                              "trademark_registered", "true", NULL);
  product_id = trib_test_id (f->product);
  f->release = trib_test_add (f->plan, TRIB_TYPE_PRODUCT_RELEASE, "product_id", product_id,
                              "version", "1.0", "ga", "2027-01-15",
                              "end_of_maintenance", "2028-01-01", "end_of_life", "2029-01-01", NULL);
  release_id = trib_test_id (f->release);
  f->base = trib_test_add (f->plan, TRIB_TYPE_RELEASE_BASE, "release_id", release_id,
                           "upstream_id", f->foo_id, "upstream_version", "2.0",
                           "upstream_eol", "2030-01-01", NULL);
  f->cert = trib_test_add (f->plan, TRIB_TYPE_CERTIFICATION, "release_id", release_id,
                           "target", "Dell", "kind", "hardware", "status", "certified",
                           "promised", "true", NULL);
  trib_test_add (f->plan, TRIB_TYPE_SCENARIO, "name", "Platform", "model", "certified-platform",
                 NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  trib_plan_close (f->plan);
  g_clear_object (&f->plan);
  trib_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->foo_id);
}

static char *
describe (GPtrArray *findings)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    g_string_append_printf (s, "\n  %s: %s", trib_finding_get_rule (g_ptr_array_index (findings, i)),
                            trib_finding_get_message (g_ptr_array_index (findings, i)));
  return g_string_free (s, FALSE);
}

/* The one finding of @rule; fails if there are none or several. */
static TribFinding *
only (GPtrArray  *findings,
      const char *rule)
{
  TribFinding *found = NULL;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (trib_finding_get_rule (g_ptr_array_index (findings, i)), rule))
      {
        if (found != NULL)
          g_error ("%s found twice:%s", rule, describe (findings));
        found = g_ptr_array_index (findings, i);
      }
  if (found == NULL)
    g_error ("%s found nothing:%s", rule, describe (findings));
  return found;
}

static void
assert_none (GPtrArray  *findings,
             const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (rule == NULL || g_str_equal (trib_finding_get_rule (g_ptr_array_index (findings, i)), rule))
      g_error ("expected no %s finding:%s", rule ? rule : "", describe (findings));
}

static void
assert_finding (TribFinding  *finding,
                TribSeverity  severity,
                const char   *message,
                const char   *subjects)
{
  g_autofree char *names = trib_finding_get_subject_names (finding);

  g_assert_cmpint (trib_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (trib_finding_get_message (finding), ==, message);
  g_assert_cmpstr (names, ==, subjects);
  g_assert_nonnull (trib_finding_get_argument (finding));
}

static void
update (TribPlan   *plan,
        TribEntity *entity,
        const char *name,
        const char *text)
{
  g_autoptr(TribEntity) copy = g_object_new (G_OBJECT_TYPE (entity), NULL);
  int field = trib_entity_class_find_field (TRIB_ENTITY_GET_CLASS (entity), name);
  g_autoptr(GError) error = NULL;

  trib_entity_set_from_text (copy, name, text, &error);
  g_assert_no_error (error);
  trib_plan_update (plan, entity, (guint) field, trib_entity_peek_value (copy, (guint) field), &error);
  g_assert_no_error (error);
}

static GPtrArray *
run (Fixture *f)
{
  return trib_checks_run (f->plan, TODAY);
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = run (f);
  guint n_rules;
  const TribCheckRule *rules = trib_check_rules (&n_rules);

  assert_none (findings, NULL);
  g_assert_cmpuint (n_rules, ==, 15);
  for (guint i = 0; i < n_rules; i++)
    {
      g_assert_nonnull (rules[i].id);
      g_assert_nonnull (rules[i].title);
    }
}

static void
test_product_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  TribEntity *p;

  /* "Foobar" is another word: no finding. */
  p = trib_test_add (f->plan, TRIB_TYPE_PRODUCT, "name", "Foobar Suite", "trademark_registered", "true", NULL);
  clean = run (f);
  assert_none (clean, "product-name-contains-upstream");

  update (f->plan, p, "name", "foo Enterprise");
  findings = run (f);
  assert_finding (only (findings, "product-name-contains-upstream"), TRIB_SEVERITY_WARNING,
                  "The product “foo Enterprise” carries the name of the upstream “Foo”.",
                  "foo Enterprise, Foo");
}

static void
test_trademark (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  update (f->plan, f->product, "trademark_registered", "false");
  findings = run (f);
  assert_finding (only (findings, "trademark-not-registered"), TRIB_SEVERITY_WARNING,
                  "The trademark of the product “Bar” is not registered.", "Bar");
}

static void
test_scenarios (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  trib_test_add (f->plan, TRIB_TYPE_SCENARIO, "name", "Core", "model", "open-core",
                 "withholds_platform_features", "true", "requires_copyright_assignment", "true", NULL);
  findings = run (f);
  assert_finding (only (findings, "withholds-platform-features"), TRIB_SEVERITY_WARNING,
                  "The scenario “Core” (Open core) withholds platform features from the open source platform.",
                  "Core");
  assert_finding (only (findings, "copyright-assignment"), TRIB_SEVERITY_WARNING,
                  "The scenario “Core” (Open core) requires contributors to assign their copyright.",
                  "Core");
}

static void
test_patches_growing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  TribEntity *q3;

  /* The window starts four quarters before the horizon, at 2026-Q1. The
   * fixture's one patch (2026-Q2) is one rise, 0 → 1: not growing. With a
   * patch more in 2026-Q3, two rises in a row: 0, 1, 2. */
  q3 = trib_test_add (f->plan, TRIB_TYPE_PATCH, "upstream_id", f->foo_id, "title", "Q3 fix",
                      "created", "2026-07-01", NULL);
  findings = run (f);
  assert_finding (only (findings, "carried-patches-growing"), TRIB_SEVERITY_WARNING,
                  "The patches carried on “Foo” grow from 0 at the end of 2026-Q1 to 2 at the end of 2026-Q3.",
                  "Foo");
  g_ptr_array_unref (findings);

  trib_test_add (f->plan, TRIB_TYPE_PATCH, "upstream_id", f->foo_id, "title", "Q4 fix",
                 "created", "2026-10-01", NULL);
  findings = run (f);
  assert_finding (only (findings, "carried-patches-growing"), TRIB_SEVERITY_WARNING,
                  "The patches carried on “Foo” grow from 0 at the end of 2026-Q1 to 3 at the end of 2026-Q4.",
                  "Foo");
  g_ptr_array_unref (findings);

  /* Dropped within 2026-Q3, it is not carried at that quarter's end:
   * 0, 1, 1, 2 — no two rises in a row. */
  update (f->plan, q3, "state", "dropped");
  update (f->plan, q3, "dropped", "2026-08-01");
  findings = run (f);
  assert_none (findings, "carried-patches-growing");
}

static void
test_patch_cost (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* One patch of 4 hours on Foo, which its statistics say releases 6 times
   * a year: 1.5 · 4 = 6 h in 2027-Q1, growing by the default drift to
   * 6 · 1.15^(3/4) = 6.66 h in Q4, the peak. */
  trib_test_set_info (f->plan, "check_patch_hours", "7");
  findings = run (f);
  assert_none (findings, "patch-cost-threshold");
  g_ptr_array_unref (findings);

  trib_test_set_info (f->plan, "check_patch_hours", "6.5");
  findings = run (f);
  assert_finding (only (findings, "patch-cost-threshold"), TRIB_SEVERITY_WARNING,
                  "Carrying patches costs 7 hours in 2027-Q4, more than the 6.5 hours a quarter this plan allows.",
                  "Checks, Foo");
  g_assert_cmpstr (trib_finding_get_subject_key (only (findings, "patch-cost-threshold")), ==, "plan:1");
}

static void
test_only_a_user (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  TribEntity *qux, *low;
  g_autofree char *qux_id = NULL;

  qux = trib_test_add (f->plan, TRIB_TYPE_UPSTREAM, "name", "Qux", "importance", "4", NULL);
  low = trib_test_add (f->plan, TRIB_TYPE_UPSTREAM, "name", "Low", "importance", "3", NULL);
  qux_id = trib_test_id (qux);
  findings = run (f);
  assert_finding (only (findings, "only-a-user"), TRIB_SEVERITY_WARNING,
                  "The upstream “Qux” has importance 4 but no engineers in any quarter of the plan.",
                  "Qux");
  g_ptr_array_unref (findings);

  trib_test_add (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", qux_id, "quarter", "2027-Q2",
                 "fte", "0.5", "role", "user", NULL);
  findings = run (f);
  assert_finding (only (findings, "only-a-user"), TRIB_SEVERITY_WARNING,
                  "The upstream “Qux” has importance 4 but the plan invests in it only as a user.",
                  "Qux");
  g_ptr_array_unref (findings);

  /* A decision to replace it is not second-guessed. */
  update (f->plan, qux, "decision", "replace");
  findings = run (f);
  assert_none (findings, "only-a-user");
  (void) low;
}

static void
test_investment_jump (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* From 1 to 3 is a step of 2, the default largest gradual step. */
  update (f->plan, f->invest[1], "fte", "3");
  findings = run (f);
  assert_none (findings, "investment-jump");
  g_ptr_array_unref (findings);

  update (f->plan, f->invest[1], "fte", "3.5");
  findings = run (f);
  assert_finding (only (findings, "investment-jump"), TRIB_SEVERITY_WARNING,
                  "Investment in “Foo” jumps from 1 to 3.5 engineers between 2027-Q1 and 2027-Q2.",
                  "Foo");
  g_assert_cmpstr (trib_finding_get_subject_key (only (findings, "investment-jump")), ==,
                   "upstream:1");
}

static void
test_base_end_of_life (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *key = NULL;

  update (f->plan, f->base, "upstream_eol", "2027-06-30");
  findings = run (f);
  assert_none (findings, "base-past-end-of-life");
  assert_finding (only (findings, "release-outlives-base"), TRIB_SEVERITY_WARNING,
                  "Bar 1.0 is maintained until 2028-01-01, but Foo 2.0, which it is based on, reaches its end of life on 2027-06-30.",
                  "Bar 1.0, Foo");
  g_ptr_array_unref (findings);

  update (f->plan, f->base, "upstream_eol", "2027-01-01");
  findings = run (f);
  assert_none (findings, "release-outlives-base");
  assert_finding (only (findings, "base-past-end-of-life"), TRIB_SEVERITY_ERROR,
                  "Bar 1.0 is based on Foo 2.0, whose end of life (2027-01-01) comes before the release’s general availability (2027-01-15).",
                  "Bar 1.0, Foo");
  key = trib_subject_key_for_entity (f->base);
  g_assert_cmpstr (trib_finding_get_subject_key (only (findings, "base-past-end-of-life")), ==, key);
  g_assert_true (trib_checks_have_errors (findings));
}

static void
test_uncertified_promise (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) before_ga = NULL;

  update (f->plan, f->cert, "status", "in-progress");
  findings = run (f);
  assert_finding (only (findings, "promised-target-uncertified"), TRIB_SEVERITY_ERROR,
                  "Bar 1.0 has shipped promising “Dell”, whose certification is in progress.",
                  "Dell, Bar 1.0");

  /* Before general availability there is still time. */
  before_ga = trib_checks_run (f->plan, "2026-12-01");
  assert_finding (only (before_ga, "promised-target-uncertified"), TRIB_SEVERITY_WARNING,
                  "Bar 1.0 promises “Dell”, whose certification is in progress.",
                  "Dell, Bar 1.0");
  g_ptr_array_unref (findings);

  /* Not promised: nothing. */
  update (f->plan, f->cert, "promised", "false");
  findings = run (f);
  assert_none (findings, "promised-target-uncertified");
}

static void
test_health_falling (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* No release in the last year: 75 − 15 = 60. */
  trib_test_add (f->plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", f->foo_id,
                 "taken_at", "2027-01-30T00:00:00Z", "last_push", "2027-01-25T00:00:00Z",
                 "created", "2015-01-01", "stars", "20000", "releases_last_year", "0",
                 "our_share", "0.25", "weekly_commits", "[5,5,5,5,5,5,5,5,5,5,5,5,5]", NULL);
  findings = run (f);
  assert_finding (only (findings, "health-falling"), TRIB_SEVERITY_WARNING,
                  "The health of “Foo” fell from 75 to 60 between 2027-01-20 and 2027-01-30.",
                  "Foo");
  g_ptr_array_unref (findings);

  trib_test_set_info (f->plan, "check_health_drop", "16");
  findings = run (f);
  assert_none (findings, "health-falling");
  g_ptr_array_unref (findings);

  /* Only an important upstream's health is watched (importance 4 and up). */
  trib_test_set_info (f->plan, "check_health_drop", "10");
  update (f->plan, f->foo, "importance", "3");
  findings = run (f);
  assert_none (findings, "health-falling");
}

static void
test_not_invented_here (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) without = NULL;
  TribEntity *home;
  g_autofree char *home_id = NULL;

  home = trib_test_add (f->plan, TRIB_TYPE_UPSTREAM, "name", "Homegrown", "importance", "2",
                        "decision", "build-in-house", NULL);
  home_id = trib_test_id (home);
  /* No statistics: nothing to say. */
  without = run (f);
  assert_none (without, "not-invented-here");

  trib_test_add (f->plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", home_id,
                 "taken_at", "2027-01-20T00:00:00Z", "last_push", "2027-01-15T00:00:00Z",
                 HEALTHY_STATS, NULL);
  findings = run (f);
  assert_finding (only (findings, "not-invented-here"), TRIB_SEVERITY_WARNING,
                  "The plan builds “Homegrown” in-house although the upstream scores 75 for health.",
                  "Homegrown");
  g_ptr_array_unref (findings);

  trib_test_set_info (f->plan, "check_healthy_score", "76");
  findings = run (f);
  assert_none (findings, "not-invented-here");
}

static void
test_archived_and_inactive (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  TribEntity *snap;

  /* 400 days without a push by the time of the latest snapshot. */
  snap = trib_test_add (f->plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", f->foo_id,
                        "taken_at", "2027-01-31T00:00:00Z", "last_push", "2025-12-27T00:00:00Z",
                        HEALTHY_STATS, NULL);
  findings = run (f);
  assert_finding (only (findings, "inactive-upstream-in-release"), TRIB_SEVERITY_WARNING,
                  "“Foo” has had no push for 400 days, but Bar 1.0 still depends on it.",
                  "Foo, Bar 1.0");
  assert_none (findings, "archived-upstream-in-release");
  g_ptr_array_unref (findings);

  update (f->plan, snap, "archived", "true");
  findings = run (f);
  assert_finding (only (findings, "archived-upstream-in-release"), TRIB_SEVERITY_ERROR,
                  "“Foo” is archived, but Bar 1.0 still depends on it.", "Foo, Bar 1.0");
  assert_none (findings, "inactive-upstream-in-release");
  g_ptr_array_unref (findings);

  /* A release past its end of life depends on nothing any more. */
  update (f->plan, f->release, "end_of_life", "2027-01-31");
  findings = run (f);
  assert_none (findings, "archived-upstream-in-release");
}

/* Without statistics, the rules that need them say nothing, even where the
 * rest of the plan would let them. */
static void
test_no_statistics (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nostats.tributary", NULL);
  g_autoptr(TribPlan) plan = trib_plan_create (path, "No statistics", &error);
  TribEntity *u, *p, *r;
  g_autofree char *uid = NULL, *pid = NULL, *rid = NULL;
  guint n_rules;
  const TribCheckRule *rules = trib_check_rules (&n_rules);

  g_assert_no_error (error);
  u = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "Alone", "decision", "build-in-house",
                     "importance", "1", NULL);
  p = trib_test_add (plan, TRIB_TYPE_PRODUCT, "name", "Solo", "trademark_registered", "true", NULL);
  uid = trib_test_id (u);
  pid = trib_test_id (p);
  r = trib_test_add (plan, TRIB_TYPE_PRODUCT_RELEASE, "product_id", pid, "version", "1", NULL);
  rid = trib_test_id (r);
  trib_test_add (plan, TRIB_TYPE_RELEASE_BASE, "release_id", rid, "upstream_id", uid,
                 "upstream_version", "1", NULL);
  findings = trib_checks_run (plan, TODAY);
  for (guint i = 0; i < n_rules; i++)
    if (rules[i].needs_statistics)
      assert_none (findings, rules[i].id);
  trib_plan_close (plan);
}

static void
test_acknowledge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *path = g_strdup (trib_plan_get_path (f->plan));
  TribFinding *finding;
  TribPlan *reopened;

  update (f->plan, f->base, "upstream_eol", "2027-01-01");
  findings = run (f);
  finding = only (findings, "base-past-end-of-life");
  g_assert_true (trib_checks_have_errors (findings));

  /* A reason is required, and nothing is written without one. */
  g_assert_false (trib_checks_acknowledge (f->plan, finding, "  ", TODAY, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_ACKNOWLEDGEMENT), ==, 0);

  g_assert_true (trib_checks_acknowledge (f->plan, finding, "Extended support bought from the vendor.",
                                          TODAY, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (findings);
  findings = run (f);
  finding = only (findings, "base-past-end-of-life");
  g_assert_true (trib_finding_is_acknowledged (finding));
  g_assert_cmpint (trib_finding_get_effective_severity (finding), ==, TRIB_SEVERITY_INFO);
  g_assert_false (trib_checks_have_errors (findings));
  g_assert_cmpuint (trib_checks_count (findings, TRIB_SEVERITY_ERROR), ==, 0);

  /* One undo step brings the error back. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (findings);
  findings = run (f);
  g_assert_false (trib_finding_is_acknowledged (only (findings, "base-past-end-of-life")));
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_no_error (error);

  /* The acknowledgement is in the file. */
  trib_plan_close (f->plan);
  g_clear_object (&f->plan);
  reopened = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->plan = reopened;
  g_ptr_array_unref (findings);
  findings = run (f);
  finding = only (findings, "base-past-end-of-life");
  g_assert_true (trib_finding_is_acknowledged (finding));
  g_assert_cmpstr (trib_acknowledgement_get_reason (trib_finding_get_acknowledgement (finding)), ==,
                   "Extended support bought from the vendor.");
  g_assert_cmpstr (trib_acknowledgement_get_date (trib_finding_get_acknowledgement (finding)), ==, TODAY);

  /* Withdrawn, it counts again. */
  g_assert_true (trib_checks_withdraw_acknowledgement (f->plan, finding, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (findings);
  findings = run (f);
  g_assert_true (trib_checks_have_errors (findings));
}

/* An acknowledgement travels with the JSON export: the plan imported from
 * it finds the same thing, acknowledged with the same reason. */
static void
test_acknowledge_json (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) imported_findings = NULL;
  g_autofree char *json = g_build_filename (f->dir, "checks.json", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "imported.tributary", NULL);
  g_autoptr(TribPlan) imported = NULL;
  TribFinding *finding;

  update (f->plan, f->invest[1], "fte", "4");
  findings = run (f);
  g_assert_true (trib_checks_acknowledge (f->plan, only (findings, "investment-jump"),
                                          "Two committers hired.", TODAY, &error));
  g_assert_no_error (error);
  g_assert_true (trib_plan_export_json (f->plan, json, &error));
  g_assert_no_error (error);
  imported = trib_plan_import_json (json, NULL, copy, FALSE, &error);
  g_assert_no_error (error);
  imported_findings = trib_checks_run (imported, TODAY);
  finding = only (imported_findings, "investment-jump");
  g_assert_true (trib_finding_is_acknowledged (finding));
  g_assert_cmpstr (trib_acknowledgement_get_reason (trib_finding_get_acknowledgement (finding)), ==,
                   "Two committers hired.");
  trib_plan_close (imported);
}

/* Errors come first, then warnings; acknowledged findings last. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  update (f->plan, f->product, "trademark_registered", "false");
  update (f->plan, f->cert, "status", "failed");
  findings = run (f);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (trib_finding_get_rule (g_ptr_array_index (findings, 0)), ==,
                   "promised-target-uncertified");
  g_assert_cmpstr (trib_finding_get_rule (g_ptr_array_index (findings, 1)), ==,
                   "trademark-not-registered");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/checks/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("clean", test_clean);
  ADD ("product-name", test_product_name);
  ADD ("trademark", test_trademark);
  ADD ("scenarios", test_scenarios);
  ADD ("patches-growing", test_patches_growing);
  ADD ("patch-cost", test_patch_cost);
  ADD ("only-a-user", test_only_a_user);
  ADD ("investment-jump", test_investment_jump);
  ADD ("base-end-of-life", test_base_end_of_life);
  ADD ("uncertified-promise", test_uncertified_promise);
  ADD ("health-falling", test_health_falling);
  ADD ("not-invented-here", test_not_invented_here);
  ADD ("archived-and-inactive", test_archived_and_inactive);
  ADD ("no-statistics", test_no_statistics);
  ADD ("acknowledge", test_acknowledge);
  ADD ("acknowledge-json", test_acknowledge_json);
  ADD ("order", test_order);
#undef ADD

  return g_test_run ();
}
