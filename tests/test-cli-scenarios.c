/* test-cli-scenarios.c: `tributary-cli scenarios`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>

#include "trib-plan.h"
#include "trib-test-util.h"

static const char *cli;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run (Run        *r,
     const char *dir,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static char *
sample (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_auto(Run) r = { 0 };

  run (&r, dir, "sample", "s.tributary", NULL);
  g_assert_cmpint (r.status, ==, 0);
  return g_steal_pointer (&dir);
}

static JsonObject *
find (JsonArray  *scenarios,
      const char *model)
{
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);

      if (strcmp (json_object_get_string_member (s, "model"), model) == 0)
        return s;
    }
  g_assert_not_reached ();
}

static void
assert_cents (JsonObject *o,
              const char *key,
              double      expected)
{
  double actual = json_object_get_double_member (o, key);

  if (fabs (actual - expected) > 0.005)
    g_error ("%s: %.2f, expected %.2f", key, actual, expected);
}

/* The JSON of the sample plan: every key the issue names, and the figures of
 * the certified-platform scenario worked by hand (users0 18000, the plan's
 * 9 carried patches, engineer_cost 165000):
 *   U1 = 25200, New1 = C1 = 75.6, ARR1 = 3,780,000, Svc1 = 515,454.55,
 *   P1 = 9 + 0.05 · 30 · 16.1 = 33.15, Maint1 = 5 · 33.15 · 4 / 1800,
 *   RD1 = (16.1 + 15 + 0.368333) · 165000 = 5,192,275, SM1 = 67500 · 75.6,
 *   Op1 = −7,254,093.18. */
static void
test_json (void)
{
  static const char * const year_keys[] = {
    "year", "users", "customers", "arr", "services_revenue", "revenue", "cogs", "rd", "sm",
    "operating_result", "cash", "patch_stock", "maintenance_fte", "own_fte", "community_fte",
  };
  static const char * const assumption_keys[] = {
    "users0", "user_growth", "conversion", "arpc", "logo_retention", "net_retention",
    "services_share", "gm_subscription", "gm_services", "consultants0", "utilization",
    "bill_rate", "consultant_growth", "platform_fte", "platform_growth", "own_only_fte",
    "external_share", "upstreamed_share", "changes_per_fte", "rebases_per_year",
    "hours_per_patch", "patch_drift", "engineer_cost", "cac_payback", "ga_share",
    "hours_per_year",
  };
  g_autofree char *dir = sample ();
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *scenarios, *years;
  JsonObject *cp, *sv, *y1, *assumptions;

  run (&r, dir, "scenarios", "--json", "s.tributary", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  scenarios = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      JsonObject *s = json_array_get_object_element (scenarios, i);

      g_assert_true (json_object_has_member (s, "name"));
      g_assert_true (json_object_has_member (s, "break_even_year"));
      g_assert_cmpfloat (json_object_get_double_member (s, "p0"), ==, 9);
      assumptions = json_object_get_object_member (s, "assumptions");
      g_assert_cmpuint (json_object_get_size (assumptions), ==, G_N_ELEMENTS (assumption_keys));
      for (guint k = 0; k < G_N_ELEMENTS (assumption_keys); k++)
        g_assert_true (json_object_has_member (assumptions, assumption_keys[k]));
      years = json_object_get_array_member (s, "years");
      g_assert_cmpuint (json_array_get_length (years), ==, 5);
      for (guint t = 0; t < 5; t++)
        {
          JsonObject *y = json_array_get_object_element (years, t);

          for (guint k = 0; k < G_N_ELEMENTS (year_keys); k++)
            g_assert_true (json_object_has_member (y, year_keys[k]));
          g_assert_cmpint (json_object_get_int_member (y, "year"), ==, t + 1);
        }
    }

  cp = find (scenarios, "certified-platform");
  g_assert_cmpint (json_object_get_int_member (cp, "break_even_year"), ==, 4);
  assumptions = json_object_get_object_member (cp, "assumptions");
  g_assert_cmpfloat (json_object_get_double_member (assumptions, "engineer_cost"), ==, 165000);
  g_assert_cmpfloat (json_object_get_double_member (assumptions, "conversion"), ==, 0.003);
  years = json_object_get_array_member (cp, "years");
  y1 = json_array_get_object_element (years, 0);
  g_assert_cmpfloat (json_object_get_double_member (y1, "users"), ==, 25200);
  g_assert_cmpfloat (json_object_get_double_member (y1, "customers"), ==, 75.6);
  assert_cents (y1, "arr", 3780000);
  assert_cents (y1, "services_revenue", 515454.55);
  assert_cents (y1, "revenue", 4295454.55);
  assert_cents (y1, "cogs", 738818.18);
  assert_cents (y1, "rd", 5192275);
  assert_cents (y1, "sm", 5103000);
  assert_cents (y1, "operating_result", -7254093.18);
  g_assert_cmpfloat (json_object_get_double_member (y1, "patch_stock"), ==, 33.15);
  g_assert_cmpfloat (json_object_get_double_member (y1, "own_fte"), ==, 16.1);
  g_assert_cmpfloat (json_object_get_double_member (y1, "community_fte"), ==, 29.9);
  assert_cents (json_array_get_object_element (years, 4), "cash", -9068936.58);

  /* Open core does not break even within five years: null, not 0. */
  g_assert_true (json_object_get_null_member (find (scenarios, "open-core"), "break_even_year"));

  /* The totals add the years up; the last year's cash is their operating result. */
  {
    JsonObject *totals = json_object_get_object_member (cp, "totals");
    double revenue = 0;

    for (guint t = 0; t < 5; t++)
      revenue += json_object_get_double_member (json_array_get_object_element (years, t),
                                                "revenue");
    g_assert_cmpfloat (fabs (json_object_get_double_member (totals, "revenue") - revenue), <,
                       0.03);
    assert_cents (totals, "operating_result", -9068936.58);
  }
  sv = find (scenarios, "services");
  g_assert_cmpint (json_object_get_int_member (sv, "break_even_year"), ==, 1);
}

static void
test_years_and_csv (void)
{
  g_autofree char *dir = sample ();
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint n;

  run (&r, dir, "scenarios", "--csv", "--years", "3", "s.tributary", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\r\n", -1);
  n = g_strv_length (lines);
  /* A header, 5 scenarios × 3 years, and the empty rest after the last line end. */
  g_assert_cmpuint (n, ==, 1 + 15 + 1);
  g_assert_cmpstr (lines[n - 1], ==, "");
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpstr (header[0], ==, "name");
  g_assert_true (g_strv_contains ((const char * const *) header, "operating_result"));
  g_assert_true (g_strv_contains ((const char * const *) header, "community_fte"));
  for (guint i = 1; i < n - 1; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (header));
    }
  /* The services scenario over three years, worked out with the steps of
   * SCENARIOS.md: cash 1,459,801.44 after year 3. */
  g_assert_nonnull (strstr (r.out, ",services,9,1,3,"));
  g_assert_nonnull (strstr (r.out, ",1459801.44,"));
}

static void
test_refusals (void)
{
  g_autofree char *dir = sample ();
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *path = g_build_filename (dir, "s.tributary", NULL);

  before = trib_test_checksum (path);
  run (&a, dir, "scenarios", "--years", "2", "s.tributary", NULL);
  g_assert_cmpint (a.status, ==, 2);
  g_assert_nonnull (strstr (a.err, "--years must be 3 to 10"));
  run (&b, dir, "scenarios", "--json", "--csv", "s.tributary", NULL);
  g_assert_cmpint (b.status, ==, 2);
  run (&c, dir, "scenarios", "missing.tributary", NULL);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_cmpstr (c.out, ==, "");
  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* A reading command: it works while the window holds the plan open. */
static void
test_plan_held_open (void)
{
  g_autofree char *dir = sample ();
  g_autofree char *path = g_build_filename (dir, "s.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) held = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_auto(Run) r = { 0 };

  g_assert_no_error (error);
  run (&r, dir, "scenarios", "--csv", "s.tributary", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "name,model,p0,break_even_year,year,"));
  trib_plan_close (held);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  g_test_add_func ("/cli/scenarios/json", test_json);
  g_test_add_func ("/cli/scenarios/years-csv", test_years_and_csv);
  g_test_add_func ("/cli/scenarios/refusals", test_refusals);
  g_test_add_func ("/cli/scenarios/plan-held-open", test_plan_held_open);
  return g_test_run ();
}
