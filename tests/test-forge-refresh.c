/* test-forge-refresh.c: refreshing a plan file from a local forge, from the
 * library and from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "forge-test-server.h"
#include "trib-forge-error.h"
#include "trib-forge-refresh.h"
#include "trib-forge-service.h"
#include "trib-health-plan.h"
#include "trib-plan-json.h"
#include "trib-test-util.h"

/* 2026-01-01T00:00:00Z */
#define NOW G_GINT64_CONSTANT (1767225600)

static const char *cli_path;

static void
summarize (const TribForgeContributor *contributors,
           guint                       n,
           TribForge                   forge,
           const char * const         *team_handles,
           TribStatsSnapshot          *snapshot,
           gpointer                    data)
{
  trib_contributors_to_snapshot ((const TribContributor *) (gconstpointer) contributors, n, forge,
                                 team_handles, snapshot);
}

static TribUpstream *
add_upstream (TribPlan   *plan,
              const char *name,
              const char *repository)
{
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_entity_set_string (TRIB_ENTITY (upstream), "name", name, &error));
  if (repository != NULL)
    g_assert_true (trib_entity_set_string (TRIB_ENTITY (upstream), "repository", repository, &error));
  g_assert_true (trib_plan_add (plan, TRIB_ENTITY (upstream), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&upstream);
}

static guint
n_snapshots (TribPlan     *plan,
             TribUpstream *upstream)
{
  g_autoptr(GError) error = NULL;
  GListModel *history = trib_plan_get_snapshots (plan, upstream, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     outcomes[4];
  guint     done_notifies;
} Run;

static void
on_finished_cb (TribForgeRefresh *refresh,
                TribUpstream     *upstream,
                int               outcome,
                const char       *message,
                Run              *run)
{
  run->outcomes[outcome]++;
}

static void
on_done_cb (GObject    *object,
            GParamSpec *pspec,
            Run        *run)
{
  run->done_notifies++;
}

static void
on_run_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Run *run = data;

  run->ok = trib_forge_refresh_run_finish (TRIB_FORGE_REFRESH (source), result, &run->error);
  run->done = TRUE;
}

static void
cancel_at_five_cb (TribForgeRefresh *refresh,
                   GParamSpec       *pspec,
                   GCancellable     *cancellable)
{
  if (trib_forge_refresh_get_done (refresh) == 5)
    g_cancellable_cancel (cancellable);
}

static TribForgeService *
service_for (TestForge *forge)
{
  TribForgeService *service = trib_forge_service_new (NULL);

  trib_forge_service_set_api_url (service, TRIB_FORGE_GITHUB, forge->github);
  trib_forge_service_set_api_url (service, TRIB_FORGE_GITLAB, forge->gitlab);
  trib_forge_service_set_summary_func (service, summarize, NULL);
  trib_forge_service_set_now (service, NOW);
  trib_forge_http_set_retry_delay (trib_forge_service_get_http (service), 5);
  return service;
}

static void
refresh (TribForgeService *service,
         TribPlan         *plan,
         GCancellable     *cancellable,
         Run              *run)
{
  g_autoptr(TribForgeRefresh) refresh = trib_forge_refresh_new (service, plan, NULL);

  memset (run, 0, sizeof *run);
  g_signal_connect (refresh, "upstream-finished", G_CALLBACK (on_finished_cb), run);
  g_signal_connect (refresh, "notify::done", G_CALLBACK (on_done_cb), run);
  if (cancellable != NULL)
    g_signal_connect (refresh, "notify::done", G_CALLBACK (cancel_at_five_cb), cancellable);
  trib_forge_refresh_run_async (refresh, cancellable, on_run_cb, run);
  g_assert_true (trib_forge_refresh_get_running (refresh));
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (trib_forge_refresh_get_running (refresh));
}

static void
test_refresh_plan (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "p.tributary", NULL);
  TestForge *forge = test_forge_new ();
  g_autoptr(TribForgeService) service = service_for (forge);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Forge test", &error);
  g_autoptr(TribUpstream) lib = NULL, example = NULL, missing = NULL, local = NULL;
  g_autoptr(TribStatsSnapshot) old = trib_stats_snapshot_new ();
  g_autoptr(TribHealth) health = NULL;
  TribStatsSnapshot *latest;
  Run run;
  int trend;
  gboolean has_trend;

  g_assert_no_error (error);
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (trib_plan_get_info (plan)), "team_handles",
                                            "github:bob, gitlab:carol", &error));
  lib = add_upstream (plan, "libexample", "https://github.com/tributary-test/libexample");
  example = add_upstream (plan, "example", "https://gitlab.com/tributary-test/example");
  missing = add_upstream (plan, "missing", "https://github.com/nobody/nothing");
  local = add_upstream (plan, "in-house", NULL);
  /* The one that will fail has a snapshot from before. */
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (old), "taken_at", "2025-06-01T00:00:00Z", &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (old), "stars", "5", &error));
  g_assert_true (trib_plan_record_fetch (plan, missing, old, NULL, &error));

  forge->etags = TRUE;
  refresh (service, plan, NULL, &run);
  g_assert_false (run.ok);
  g_assert_error (run.error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED);
  g_assert_cmpstr (run.error->message, ==, "1 upstream could not be refreshed.");
  g_clear_error (&run.error);
  g_assert_cmpuint (run.outcomes[TRIB_FORGE_OUTCOME_UPDATED], ==, 2);
  g_assert_cmpuint (run.outcomes[TRIB_FORGE_OUTCOME_FAILED], ==, 1);
  g_assert_cmpuint (run.done_notifies, ==, 3);

  /* GitHub: shares of 60, 20, 10, 6, 4; bob is ours. */
  latest = trib_plan_get_latest_snapshot (plan, lib, &error);
  g_assert_nonnull (latest);
  g_assert_cmpstr (trib_stats_snapshot_get_taken_at (latest), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpint (trib_stats_snapshot_get_stars (latest), ==, 1234);
  g_assert_cmpint (trib_stats_snapshot_get_watchers (latest), ==, 78);
  g_assert_cmpint (trib_stats_snapshot_get_contributors (latest), ==, 5);
  g_assert_cmpint (trib_stats_snapshot_get_absence_factor (latest), ==, 1);
  g_assert_cmpfloat_with_epsilon (trib_stats_snapshot_get_top_share (latest), 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (trib_stats_snapshot_get_top5_share (latest), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (trib_stats_snapshot_get_our_share (latest), 0.2, 1e-12);
  g_assert_cmpstr (trib_stats_snapshot_get_license (latest), ==, "Apache-2.0");
  g_assert_cmpstr (trib_stats_snapshot_get_last_release (latest), ==, "2025-11-03");
  g_assert_cmpint (trib_stats_snapshot_get_releases_last_year (latest), ==, 2);
  g_assert_cmpuint (g_variant_n_children (trib_stats_snapshot_get_weekly_commits (latest)), ==, 52);
  g_assert_cmpstr (trib_stats_snapshot_get_default_branch (latest), ==, "main");
  g_assert_true (g_str_has_suffix (trib_stats_snapshot_get_source (latest), "/gh/repos/tributary-test/libexample"));
  g_assert_null (trib_stats_snapshot_get_commits_note (latest));
  g_assert_null (trib_upstream_get_last_error (lib));

  /* GitLab: 40, 35, 25 — two people make half; carol is ours. */
  latest = trib_plan_get_latest_snapshot (plan, example, &error);
  g_assert_cmpint (trib_stats_snapshot_get_absence_factor (latest), ==, 2);
  g_assert_cmpfloat_with_epsilon (trib_stats_snapshot_get_our_share (latest), 0.25, 1e-12);
  g_assert_cmpint (trib_stats_snapshot_get_stars (latest), ==, 321);

  /* The failure is recorded; the snapshot from before stays. */
  g_assert_nonnull (strstr (trib_upstream_get_last_error (missing), "does not exist, or is private"));
  g_assert_cmpuint (n_snapshots (plan, missing), ==, 1);
  g_assert_cmpuint (n_snapshots (plan, local), ==, 0);

  /* The health of the GitHub upstream, from what was fetched. */
  health = trib_health_of_upstream (plan, lib, &trend, &has_trend, &error);
  g_assert_nonnull (health);
  g_assert_false (has_trend);
  g_assert_cmpint (health->score, >, 0);

  /* The refresh is one undo step: undone, the new snapshots and the error
   * are gone (the one from before stays); redone, they are back. */
  g_assert_cmpstr (trib_plan_get_undo_label (plan), ==, "Refresh Statistics");
  g_assert_true (trib_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (plan, lib), ==, 0);
  g_assert_cmpuint (n_snapshots (plan, example), ==, 0);
  g_assert_cmpuint (n_snapshots (plan, missing), ==, 1);
  g_assert_null (trib_upstream_get_last_error (missing));
  g_assert_cmpstr (trib_plan_get_undo_label (plan), ==, "Add upstream “in-house”");
  g_assert_true (trib_plan_redo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (plan, lib), ==, 1);
  g_assert_nonnull (trib_upstream_get_last_error (missing));

  /* Again: both repositories answer 304, the rest is read from the cache,
   * nothing new is written, and there is no step to undo. */
  refresh (service, plan, NULL, &run);
  g_clear_error (&run.error);
  g_assert_cmpuint (run.outcomes[TRIB_FORGE_OUTCOME_NOT_MODIFIED], ==, 2);
  g_assert_cmpuint (n_snapshots (plan, lib), ==, 1);
  g_assert_cmpuint (forge->not_modified, ==, 2);
  g_assert_cmpstr (trib_plan_get_undo_label (plan), ==, "Refresh Statistics");
  g_assert_true (trib_plan_undo (plan, &error));
  g_assert_cmpstr (trib_plan_get_undo_label (plan), ==, "Add upstream “in-house”");
  g_assert_true (trib_plan_redo (plan, &error));

  /* A repository renamed on the forge gets its new address, in the same
   * step as its statistics. */
  forge->hook = test_forge_hook_rename;
  g_clear_object (&missing);
  missing = add_upstream (plan, "renamed", "https://github.com/old-owner/oldname");
  {
    g_autoptr(GPtrArray) only = g_ptr_array_new ();
    g_autoptr(TribForgeRefresh) one = NULL;

    g_ptr_array_add (only, missing);
    one = trib_forge_refresh_new (service, plan, only);
    memset (&run, 0, sizeof run);
    trib_forge_refresh_run_async (one, NULL, on_run_cb, &run);
    while (!run.done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_true (run.ok);
  g_assert_cmpstr (trib_upstream_get_repository (missing), ==, "https://github.com/tributary-test/libexample");
  g_assert_cmpuint (n_snapshots (plan, missing), ==, 1);
  g_assert_cmpstr (trib_plan_get_undo_label (plan), ==, "Refresh Statistics of “renamed”");
  g_assert_true (trib_plan_undo (plan, &error));
  g_assert_cmpstr (trib_upstream_get_repository (missing), ==, "https://github.com/old-owner/oldname");
  g_assert_cmpuint (n_snapshots (plan, missing), ==, 0);

  trib_plan_close (plan);
  test_forge_free (forge);
  trib_test_remove_tree (dir);
}

static void
test_refresh_cancel (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "p.tributary", NULL);
  TestForge *forge = test_forge_new ();
  g_autoptr(TribForgeService) service = service_for (forge);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Cancel", &error);
  g_autoptr(TribPlan) reopened = NULL;
  g_autoptr(GPtrArray) upstreams = g_ptr_array_new_with_free_func (g_object_unref);
  guint with_snapshot = 0;
  Run run;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("lib %u", i);
      g_ptr_array_add (upstreams, add_upstream (plan, name, "https://github.com/tributary-test/libexample"));
    }
  /* Cancelled when five are done, with others in flight. */
  forge->delay_ms = 15;
  refresh (service, plan, cancellable, &run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);

  /* Some were done, not all; each upstream is whole: a snapshot or none,
   * and no error written for the ones cut short. */
  for (guint i = 0; i < upstreams->len; i++)
    {
      with_snapshot += n_snapshots (plan, g_ptr_array_index (upstreams, i));
      g_assert_null (trib_upstream_get_last_error (g_ptr_array_index (upstreams, i)));
    }
  g_assert_cmpuint (with_snapshot, ==, run.outcomes[TRIB_FORGE_OUTCOME_UPDATED]);
  g_assert_cmpuint (with_snapshot, >=, 5);
  g_assert_cmpuint (with_snapshot, <, 30);
  g_assert_cmpuint (run.outcomes[TRIB_FORGE_OUTCOME_UPDATED] + run.outcomes[TRIB_FORGE_OUTCOME_FAILED], ==, 30);

  trib_plan_close (plan);
  reopened = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_plan_count (reopened, TRIB_TYPE_STATS_SNAPSHOT), ==, with_snapshot);
  test_forge_free (forge);
}

static void
assert_no_token (const char *dir,
                 const char *token)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_no_token (path, token);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (gsize i = 0; i + strlen (token) <= length; i++)
        if (memcmp (contents + i, token, strlen (token)) == 0)
          g_error ("%s holds the token", path);
    }
}

typedef struct
{
  gboolean done;
  char    *out;
  char    *err;
  int      status;
} Cli;

static void
on_cli_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Cli *cli = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &cli->out, &cli->err, &error);
  g_assert_no_error (error);
  cli->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  cli->done = TRUE;
}

/* Runs the command line while the main loop serves the local forge. */
static void
run_cli (Cli                *cli,
         const char * const *argv,
         const char         *github_token)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  memset (cli, 0, sizeof *cli);
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  if (github_token != NULL)
    g_subprocess_launcher_setenv (launcher, "GITHUB_TOKEN", github_token, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_cli_cb, cli);
  while (!cli->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_cli_refresh_health (void)
{
  const char *token = "ghp_CLITOKENBYTES0987654321";
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "p.tributary", NULL);
  TestForge *forge = test_forge_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "CLI", &error);
  g_autoptr(TribUpstream) a = NULL, b = NULL, c = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *first;
  Cli cli;

  a = add_upstream (plan, "libexample", "https://github.com/tributary-test/libexample");
  b = add_upstream (plan, "example", "https://gitlab.com/tributary-test/example");
  c = add_upstream (plan, "missing", "https://github.com/nobody/nothing");
  trib_plan_close (plan);

  {
    const char *argv[] = { cli_path, "refresh", path, "--github-api", forge->github,
                           "--gitlab-api", forge->gitlab, "--concurrency", "2", NULL };
    run_cli (&cli, argv, token);
  }
  g_assert_cmpint (cli.status, ==, 1);
  g_assert_nonnull (strstr (cli.out, "libexample: updated\n"));
  g_assert_nonnull (strstr (cli.out, "example: updated\n"));
  g_assert_nonnull (strstr (cli.out, "missing: failed: "));
  g_assert_nonnull (strstr (cli.out, "2 updated, 0 not modified, 1 failed.\n"));
  g_assert_cmpstr (forge->last_authorization, ==, "Bearer ghp_CLITOKENBYTES0987654321");
  g_free (cli.out);
  g_free (cli.err);

  /* --only, and a bad option. */
  {
    const char *argv[] = { cli_path, "refresh", path, "--github-api", forge->github, "--only", "libexample", NULL };
    run_cli (&cli, argv, NULL);
  }
  g_assert_cmpint (cli.status, ==, 0);
  g_assert_cmpstr (cli.out, ==, "libexample: updated\n1 updated, 0 not modified, 0 failed.\n");
  g_free (cli.out);
  g_free (cli.err);
  {
    const char *argv[] = { cli_path, "refresh", path, "--github-api", "http://example.org", NULL };
    run_cli (&cli, argv, NULL);
  }
  g_assert_cmpint (cli.status, ==, 2);
  g_assert_nonnull (strstr (cli.err, "only HTTPS addresses are allowed"));
  g_free (cli.out);
  g_free (cli.err);

  {
    const char *argv[] = { cli_path, "health", path, "--json", NULL };
    run_cli (&cli, argv, NULL);
  }
  g_assert_cmpint (cli.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, cli.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "libexample");
  g_assert_cmpint (json_object_get_int_member (first, "score"), >, 0);
  /* Two snapshots now (the full run and --only): a trend. */
  g_assert_true (json_object_has_member (first, "trend"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "factors")), ==, 6);
  {
    JsonObject *factor = json_array_get_object_element (json_object_get_array_member (first, "factors"), 0);
    g_assert_cmpstr (json_object_get_string_member (factor, "name"), ==, "longevity");
    g_assert_true (json_object_has_member (factor, "points"));
    g_assert_cmpfloat (json_object_get_double_member (factor, "max"), ==, 10);
    g_assert_nonnull (strstr (json_object_get_string_member (factor, "explanation"), "years ago"));
  }
  /* The failed one has no score, and says why. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (array, 2), "score"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (array, 2), "last_error"),
                            "does not exist"));
  g_free (cli.out);
  g_free (cli.err);

  {
    const char *argv[] = { cli_path, "health", path, NULL };
    run_cli (&cli, argv, NULL);
  }
  g_assert_cmpint (cli.status, ==, 0);
  /* Created in 2019: five years or more, whatever today is. */
  if (strstr (cli.out, "  Longevity 10.0/10.0: Created ") == NULL)
    g_error ("health printed: %s", cli.out);
  g_assert_nonnull (strstr (cli.out, "missing: no statistics yet"));
  g_free (cli.out);
  g_free (cli.err);

  /* The token went to the forge and nowhere else. */
  assert_no_token (dir, token);
  assert_no_token (g_get_user_cache_dir (), token);
  assert_no_token (g_get_home_dir (), token);
  {
    g_autoptr(TribPlan) reader = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
    g_autofree char *json = trib_plan_to_json (reader, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (json, token));
    g_assert_nonnull (strstr (json, "\"absence_factor\": 1"));
  }
  test_forge_free (forge);
  trib_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cli_path = argc > 1 ? argv[1] : NULL;

  g_test_add_func ("/forge/refresh/plan", test_refresh_plan);
  g_test_add_func ("/forge/refresh/cancel", test_refresh_cancel);
  if (cli_path != NULL)
    g_test_add_func ("/forge/cli/refresh-health", test_cli_refresh_health);

  return g_test_run ();
}
