/* test-cli.c: tributary-cli, run as a user would, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-plan.h"
#include "trib-test-util.h"

static char *dir;
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

/* A failure says why in exactly one line. */
static void
assert_failed (Run        *r,
               const char *fragment)
{
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "tributary-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  if (fragment && !strstr (r->err, fragment))
    g_error ("“%s” not in “%s”", fragment, r->err);
}

static void
test_cli_usage (void)
{
  const char *commands[] = { "new", "sample", "info", "add-upstream", "export-json", "import-json" };

  {
    g_auto(Run) r = { 0 };
    run (&r, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "Commands:"));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (r.out, commands[i]));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) help = { 0 };
      g_auto(Run) bad = { 0 };

      run (&help, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_nonnull (strstr (help.out, commands[i]));

      /* Missing arguments and unknown options are usage errors. */
      run (&bad, commands[i], "--no-such-option", NULL);
      g_assert_cmpint (bad.status, ==, 2);
    }
  {
    g_auto(Run) r = { 0 };
    run (&r, "info", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "add-upstream", "x.tributary", "etcd", "https://github.com/etcd-io/etcd",
         "--importance", "9", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_cli_workflow (void)
{
  g_autofree char *json_a = NULL, *json_b = NULL;

  {
    g_auto(Run) r = { 0 };
    run (&r, "new", "plan.tributary", "--name", "Roadmap 2027", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "new", "plan.tributary", NULL);
    assert_failed (&r, "already exists");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "add-upstream", "plan.tributary", "etcd", "https://github.com/etcd-io/etcd",
         "--importance", "5", "--layer", "below", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "etcd"));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "add-upstream", "plan.tributary", "libvirt", "https://gitlab.com/libvirt/libvirt", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "add-upstream", "plan.tributary", "bad", "not-a-url", NULL);
    assert_failed (&r, "Repository");
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *schema = g_strdup_printf ("Schema version:\\s+%d\n",
                                               TRIB_PLAN_SCHEMA_VERSION);
    run (&r, "info", "plan.tributary", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Roadmap 2027"));
    g_assert_true (g_regex_match_simple ("upstreams:\\s+2\n", r.out, 0, 0));
    g_assert_true (g_regex_match_simple (schema, r.out, 0, 0));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "export-json", "plan.tributary", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\"repository\": \"https://github.com/etcd-io/etcd\""));
    g_assert_nonnull (strstr (r.out, "\"forge\": \"gitlab\""));
    json_a = g_steal_pointer (&r.out);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "export-json", "plan.tributary", "-o", "plan.json", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "import-json", "plan.json", "plan.tributary", NULL);
    assert_failed (&r, "--replace");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "import-json", "plan.json", "copy.tributary", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "export-json", "copy.tributary", NULL);
    g_assert_cmpint (r.status, ==, 0);
    json_b = g_steal_pointer (&r.out);
  }
  g_assert_cmpstr (json_a, ==, json_b);
  {
    g_auto(Run) r = { 0 };
    run (&r, "import-json", "plan.json", "plan.tributary", "--replace", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

static void
test_cli_sample (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) info = { 0 };
  g_auto(Run) again = { 0 };

  run (&r, "sample", "sample.tributary", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (&info, "info", "sample.tributary", NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_true (g_regex_match_simple ("upstreams:\\s+(8|9|1[0-5])\n", info.out, 0, 0));
  g_assert_true (g_regex_match_simple ("scenarios:\\s+[5-9]\n", info.out, 0, 0));
  run (&again, "sample", "sample.tributary", NULL);
  assert_failed (&again, "already exists");
}

static void
test_cli_bad_files (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = g_build_filename (dir, "notes.tributary", NULL);
  g_autofree char *bad_json = g_build_filename (dir, "bad.json", NULL);

  g_assert_true (g_file_set_contents (text, "just some notes\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_json, "{\"format\": \"tributary-plan\", \"version\": 1, \"plan\": ", -1, NULL));
  before = trib_test_checksum (text);
  {
    g_auto(Run) r = { 0 };
    run (&r, "info", "notes.tributary", NULL);
    assert_failed (&r, "not a Tributary plan");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "add-upstream", "notes.tributary", "etcd", "https://github.com/etcd-io/etcd", NULL);
    assert_failed (&r, "not a Tributary plan");
  }
  after = trib_test_checksum (text);
  g_assert_cmpstr (before, ==, after);
  {
    g_auto(Run) r = { 0 };
    run (&r, "info", "missing.tributary", NULL);
    assert_failed (&r, "does not exist");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "import-json", "bad.json", "fromjson.tributary", NULL);
    g_autofree char *created = g_build_filename (dir, "fromjson.tributary", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_false (g_file_test (created, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, "import-json", "nothing.json", "fromjson.tributary", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The program under test, given by the build. */
  g_assert_cmpint (argc, >=, 2);
  cli = argv[1];
  dir = trib_test_make_dir ();

  g_test_add_func ("/cli/usage", test_cli_usage);
  g_test_add_func ("/cli/workflow", test_cli_workflow);
  g_test_add_func ("/cli/sample", test_cli_sample);
  g_test_add_func ("/cli/bad-files", test_cli_bad_files);

  status = g_test_run ();
  trib_test_remove_tree (dir);
  g_free (dir);
  return status;
}
