/* test-safety-lock.c: who may change a plan while others use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real tributary-cli processes at once, and this process holding a plan as
 * the window does. Hostile cases tried by hand, each kept here:
 *
 * - three writers (add-upstream) and a reader (info, export-json) at once,
 *   10 commands each: before, about one in six failed with "open in
 *   another program"; then none failed but each waited about a second
 * - a plan open in the application: info and export-json read it;
 *   add-upstream, import-json --replace and sample --replace are refused at
 *   once, saying it is open in Tributary
 * - a program that ignores Tributary's lock (sqlite3) writes to a plan the
 *   window holds: the window's next edit is refused, the change is kept
 */
#include "config.h"

#include "trib-plan.h"
#include "trib-plan-json.h"
#include "trib-test-cli.h"

static GSubprocess *
spawn_loop (const char *dir,
            const char *script)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_setenv (launcher, "CLI", cli, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c", script, NULL);
  g_assert_no_error (error);
  return process;
}

/* Three writers and a reader at once: every command waits its turn. */
static void
test_concurrent_commands (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  GSubprocess *processes[4];
  const char *scripts[] = {
    "for i in 1 2 3 4 5 6 7 8 9 10; do \"$CLI\" add-upstream p.tributary a$i https://github.com/a/$i || exit 1; done",
    "for i in 1 2 3 4 5 6 7 8 9 10; do \"$CLI\" add-upstream p.tributary b$i https://gitlab.com/b/$i || exit 1; done",
    "for i in 1 2 3 4 5 6 7 8 9 10; do \"$CLI\" add-upstream p.tributary c$i https://example.org/c/$i || exit 1; done",
    "for i in 1 2 3 4 5 6 7 8 9 10; do \"$CLI\" info p.tributary && \"$CLI\" export-json p.tributary -o out.json || exit 1; done",
  };

  gint64 start;

  make_sample (dir, "p.tributary");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    processes[i] = spawn_loop (dir, scripts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, NULL, &err, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_successful (processes[i]))
        g_error ("process %u failed: %s", i, err);
      g_assert_cmpstr (err, ==, "");
      g_object_unref (processes[i]);
    }
  /* Waiting is in milliseconds: SQLite's own busy wait sleeps whole
   * seconds where it was built without usleep(), and 50 commands took
   * about a minute. */
  g_test_message ("50 commands in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TribPlan) plan = trib_plan_open (path_in (dir, "p.tributary"), TRIB_PLAN_OPEN_READ_ONLY, &error);
    g_autoptr(GBytes) sample = NULL;
    g_assert_no_error (error);
    /* The sample's upstreams and thirty more. */
    g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_UPSTREAM), >=, 30);
    g_assert_nonnull (trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM, 1));
  }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "out.json p.tributary");
  }
  trib_test_remove_tree (dir);
}

/* A plan open in the application (this process opens it as the window
 * does) is read by commands and changed by none of them. */
static void
test_open_in_application (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = path_in (dir, "p.tributary");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  gint64 start;

  make_sample (dir, "p.tributary");
  make_document (dir, "p.tributary", "p.json");
  plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  before = trib_test_checksum (path);

  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "info", "p.tributary", NULL);
    assert_ok (&r);
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *json = trib_plan_to_json (plan, NULL, &error);
    run (&r, dir, "export-json", "p.tributary", NULL);
    assert_ok (&r);
    g_assert_cmpstr (r.out, ==, json);
  }
  start = g_get_monotonic_time ();
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "add-upstream", "p.tributary", "x", "https://github.com/a/b", NULL);
    assert_refused (&r, "is open in Tributary");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "p.json", "p.tributary", "--replace", NULL);
    assert_refused (&r, "is open in Tributary");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "sample", "p.tributary", "--replace", NULL);
    assert_refused (&r, "is open in Tributary");
  }
  /* Refused at once, not after the wait for other commands. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  {
    g_autofree char *after = trib_test_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }

  /* The window goes on editing, and a command may change the plan once it is closed. */
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (plan)), "name",
                                         "Edited in the window", &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "add-upstream", "p.tributary", "x", "https://github.com/a/b", NULL);
    assert_ok (&r);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "info", "p.tributary", NULL);
    g_assert_nonnull (strstr (r.out, "Edited in the window"));
  }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "p.json p.tributary");
  }
  trib_test_remove_tree (dir);
}

/* A program that ignores Tributary's lock and writes to the plan: the
 * window's next edit is refused rather than written over a state it never
 * showed. */
static void
test_changed_behind_the_window (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = path_in (dir, "p.tributary");
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;

  make_sample (dir, "p.tributary");
  plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  sql (path, "UPDATE plan SET name = 'Changed elsewhere';");
  g_assert_false (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (plan)), "name",
                                          "Window", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "changed by another program"));
  g_clear_error (&error);
  g_assert_cmpstr (trib_plan_get_title (plan), !=, "Window");
  g_clear_object (&plan);

  plan = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "Changed elsewhere");
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, >=, 2);
  cli = argv[1];

  g_test_add_func ("/safety/lock/concurrent-commands", test_concurrent_commands);
  g_test_add_func ("/safety/lock/open-in-application", test_open_in_application);
  g_test_add_func ("/safety/lock/changed-behind-the-window", test_changed_behind_the_window);

  return g_test_run ();
}
