/* test-cli-check.c: `tributary-cli check`, run as a user would, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "trib-checks.h"
#include "trib-test-plan.h"

static const char *cli;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
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
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

/* A plan with one error (a base past its end of life at GA) and one
 * warning (an unregistered mark). */
static void
make_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "CLI", &error);
  g_autofree char *uid = NULL, *pid = NULL, *rid = NULL;
  TribEntity *u, *p, *r;

  g_assert_no_error (error);
  u = trib_test_add (plan, TRIB_TYPE_UPSTREAM, "name", "Foo", "importance", "2", NULL);
  p = trib_test_add (plan, TRIB_TYPE_PRODUCT, "name", "Bar", NULL);
  uid = trib_test_id (u);
  pid = trib_test_id (p);
  r = trib_test_add (plan, TRIB_TYPE_PRODUCT_RELEASE, "product_id", pid, "version", "2.0",
                     "ga", "2027-03-01", NULL);
  rid = trib_test_id (r);
  trib_test_add (plan, TRIB_TYPE_RELEASE_BASE, "release_id", rid, "upstream_id", uid,
                 "upstream_version", "1.4", "upstream_eol", "2027-01-31", NULL);
  trib_plan_close (plan);
}

static void
test_check_json (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cli.tributary", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first, *second;

  make_plan (path);
  before = trib_test_checksum (path);
  run (&r, dir, "check", path, "--json", "--today", "2027-02-01", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);

  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "base-past-end-of-life");
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (first, "message"), ==,
                   "Bar 2.0 is based on Foo 1.4, whose end of life (2027-01-31) comes before the release’s general availability (2027-03-01).");
  g_assert_false (json_object_get_boolean_member (first, "acknowledged"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "subjects"), 0), ==,
                   "Bar 2.0");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (first, "subjects"), 1), ==,
                   "Foo");

  second = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "rule"), ==, "trademark-not-registered");
  g_assert_cmpstr (json_object_get_string_member (second, "severity"), ==, "warning");

  /* Reading changes nothing. */
  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  trib_test_remove_tree (dir);
}

static void
test_check_acknowledged (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cli.tributary", NULL);
  g_auto(Run) r = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  make_plan (path);
  plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  findings = trib_checks_run (plan, "2027-02-01");
  g_assert_true (trib_checks_acknowledge (plan, g_ptr_array_index (findings, 0),
                                          "Vendor support until 2028.", "2027-02-01", &error));
  g_assert_no_error (error);
  trib_plan_close (plan);

  /* Acknowledged, the error no longer fails the check. */
  run (&r, dir, "check", path, "--json", "--today", "2027-02-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"acknowledged\": true"));
  g_assert_nonnull (strstr (r.out, "\"reason\": \"Vendor support until 2028.\""));

  run (&text, dir, "check", path, "--today", "2027-02-01", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Warning [trademark-not-registered] The trademark of the product “Bar” is not registered.\n"));
  g_assert_nonnull (strstr (text.out, "Error (acknowledged) [base-past-end-of-life]"));
  g_assert_true (g_str_has_suffix (text.out, "0 errors, 1 warning, 1 acknowledged.\n"));
  trib_test_remove_tree (dir);
}

static void
test_check_refuses (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_auto(Run) missing = { 0 };
  g_auto(Run) not_plan = { 0 };
  g_auto(Run) bad_date = { 0 };

  run (&missing, dir, "check", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  g_assert_true (g_file_set_contents (path, "not a plan", -1, NULL));
  run (&not_plan, dir, "check", path, NULL);
  g_assert_cmpint (not_plan.status, ==, 1);
  g_assert_true (g_str_has_prefix (not_plan.err, "tributary-cli: "));
  g_assert_cmpstr (strchr (not_plan.err, '\n'), ==, "\n");

  run (&bad_date, dir, "check", path, "--today", "tomorrow", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, >=, 2);
  cli = argv[1];

  g_test_add_func ("/cli/check/json", test_check_json);
  g_test_add_func ("/cli/check/acknowledged", test_check_acknowledged);
  g_test_add_func ("/cli/check/refuses", test_check_refuses);

  return g_test_run ();
}
