/* tributary-cli-forge.c: `tributary-cli refresh` and `tributary-cli health`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * refresh PLAN: fetches every upstream's statistics from its forge and
 * records them in the plan (a writing command: the plan must not be open
 * in the window). One line per upstream, a summary; exit 0 when every
 * upstream succeeded, 1 otherwise, 2 on bad usage. Tokens come from
 * GITHUB_TOKEN and GITLAB_TOKEN, API addresses from --github-api and
 * --gitlab-api, else TRIBUTARY_GITHUB_API and TRIBUTARY_GITLAB_API.
 *
 * health PLAN: a reading command (it works while the window holds the
 * plan): each upstream's score, trend and factors, as text or JSON.
 */
#define G_LOG_DOMAIN "tributary-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "tributary-cli-common.h"
#include "tributary-cli-forge.h"
#include "trib-forge-refresh.h"
#include "trib-forge-service.h"
#include "trib-health-plan.h"
#include "trib-json-writer.h"
#include "trib-plan.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

/* The forge's contributor list is read as the engine's, field for field. */
G_STATIC_ASSERT (sizeof (TribForgeContributor) == sizeof (TribContributor));
G_STATIC_ASSERT (G_STRUCT_OFFSET (TribForgeContributor, contributions) ==
                 G_STRUCT_OFFSET (TribContributor, contributions));

static int
parse (const char     *command,
       GOptionContext *context,
       int            *argc,
       char         ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return trib_cli_usage_error (command, error->message);
  if (*argc != 2)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %d argument, got %d",
                                                               "expected %d arguments, got %d", 1),
                                                  1, *argc - 1);
      return trib_cli_usage_error (command, message);
    }
  return -1;
}

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

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      updated, not_modified, failed;
  gint64     told_until;
} Run;

static void
on_upstream_finished_cb (TribForgeRefresh *refresh,
                         TribUpstream     *upstream,
                         int               outcome,
                         const char       *message,
                         Run              *run)
{
  switch (outcome)
    {
    case TRIB_FORGE_OUTCOME_UPDATED:
      run->updated++;
      /* Translators: an upstream's name */
      g_print (_("%s: updated\n"), trib_upstream_get_name (upstream));
      break;
    case TRIB_FORGE_OUTCOME_NOT_MODIFIED:
      run->not_modified++;
      g_print (_("%s: not modified\n"), trib_upstream_get_name (upstream));
      break;
    case TRIB_FORGE_OUTCOME_FAILED:
    default:
      run->failed++;
      /* Translators: an upstream's name, then why its refresh failed */
      g_print (_("%s: failed: %s\n"), trib_upstream_get_name (upstream), message);
      break;
    }
}

static void
on_waiting_cb (TribForgeRefresh *refresh,
               GParamSpec       *pspec,
               Run              *run)
{
  gint64 until = trib_forge_refresh_get_waiting_until (refresh);
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (until == 0 || until == run->told_until)
    return;
  run->told_until = until;
  time = g_date_time_new_from_unix_local (until);
  text = g_date_time_format (time, "%H:%M:%S");
  g_printerr (_("A forge asked to slow down: waiting until %s.\n"), text);
}

static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Run *run = data;

  run->ok = trib_forge_refresh_run_finish (TRIB_FORGE_REFRESH (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_interrupt_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_CONTINUE;
}

/**
 * trib_cli_refresh:
 *
 * `tributary-cli refresh PLAN [--github-api URL] [--gitlab-api URL]
 * [--concurrency N] [--only NAME]`.
 *
 * Returns: the exit status
 */
int
trib_cli_refresh (int    argc,
                  char **argv)
{
  g_autofree char *github_api = NULL, *gitlab_api = NULL, *only = NULL;
  int concurrency = 4, timeout = 20;
  gboolean stop = FALSE;
  const GOptionEntry entries[] = {
    { "github-api", 0, 0, G_OPTION_ARG_STRING, &github_api, N_("GitHub API address (default https://api.github.com)"), N_("URL") },
    { "gitlab-api", 0, 0, G_OPTION_ARG_STRING, &gitlab_api, N_("GitLab API address (default https://gitlab.com/api/v4)"), N_("URL") },
    { "concurrency", 0, 0, G_OPTION_ARG_INT, &concurrency, N_("Requests at once to one host (1–16, default 4)"), N_("N") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, N_("Refresh only the upstream of this name"), N_("NAME") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds a request may take (default 20)"), N_("SECONDS") },
    { "stop-on-rate-limit", 0, 0, G_OPTION_ARG_NONE, &stop, N_("Fail instead of waiting for a rate limit to end"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribForgeService) service = NULL;
  g_autoptr(TribForgeRefresh) refresh = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = NULL;
  Run run = { 0 };
  guint sigint;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Fetch every upstream’s statistics from its forge and record "
                                           "them in the plan. Exits with 1 when an upstream failed."));
  if ((status = parse ("refresh", context, &argc, &argv)) >= 0)
    return status;
  if (concurrency < 1 || concurrency > 16)
    return trib_cli_usage_error ("refresh", _("--concurrency expects a number from 1 to 16"));
  if (timeout < 1 || timeout > 600)
    return trib_cli_usage_error ("refresh", _("--timeout expects a number of seconds from 1 to 600"));
  if ((github_api != NULL && !trib_forge_url_is_allowed (github_api, &error)) ||
      (gitlab_api != NULL && !trib_forge_url_is_allowed (gitlab_api, &error)))
    return trib_cli_usage_error ("refresh", error->message);

  /* An address given here wins over the environment's. */
  if (github_api != NULL)
    g_unsetenv ("TRIBUTARY_GITHUB_API");
  if (gitlab_api != NULL)
    g_unsetenv ("TRIBUTARY_GITLAB_API");

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_DEFAULT, &error);
  if (plan == NULL)
    return trib_cli_fail (error);

  service = trib_forge_service_new (NULL);
  if (github_api != NULL)
    trib_forge_service_set_api_url (service, TRIB_FORGE_GITHUB, github_api);
  if (gitlab_api != NULL)
    trib_forge_service_set_api_url (service, TRIB_FORGE_GITLAB, gitlab_api);
  trib_forge_service_use_environment (service);
  trib_forge_service_set_summary_func (service, summarize, NULL);
  trib_forge_http_set_max_per_host (trib_forge_service_get_http (service), (guint) concurrency);
  trib_forge_http_set_timeout (trib_forge_service_get_http (service), (guint) timeout);
  trib_forge_http_set_stop_on_rate_limit (trib_forge_service_get_http (service), stop);

  if (only != NULL)
    {
      GListModel *upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);

      chosen = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
        {
          g_autoptr(TribUpstream) upstream = g_list_model_get_item (upstreams, i);

          if (g_strcmp0 (trib_upstream_get_name (upstream), only) == 0)
            g_ptr_array_add (chosen, g_steal_pointer (&upstream));
        }
      if (chosen->len == 0)
        {
          g_set_error (&error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND,
                       _("The plan has no upstream named “%s”."), only);
          return trib_cli_fail (error);
        }
    }

  refresh = trib_forge_refresh_new (service, plan, chosen);
  if (trib_forge_refresh_get_total (refresh) == 0)
    {
      g_print (_("No upstream has a GitHub or GitLab repository address to refresh.\n"));
      return 0;
    }

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  g_signal_connect (refresh, "upstream-finished", G_CALLBACK (on_upstream_finished_cb), &run);
  g_signal_connect (refresh, "notify::waiting-until", G_CALLBACK (on_waiting_cb), &run);
  sigint = g_unix_signal_add (SIGINT, on_interrupt_cb, cancellable);
  trib_forge_refresh_run_async (refresh, cancellable, on_refreshed_cb, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint);

  /* Translators: the three counts of a refresh */
  g_print (_("%u updated, %u not modified, %u failed.\n"), run.updated, run.not_modified, run.failed);
  if (!run.ok)
    {
      int code = trib_cli_fail (run.error);

      g_clear_error (&run.error);
      return code;
    }
  return 0;
}

static char *
format_points (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
write_factor_json (TribJsonWriter         *writer,
                   const TribHealthFactor *factor)
{
  trib_json_writer_begin_object (writer);
  trib_json_writer_key (writer, "explanation");
  trib_json_writer_string (writer, factor->explanation);
  trib_json_writer_key (writer, "label");
  trib_json_writer_string (writer, trib_health_factor_get_label (factor->id));
  trib_json_writer_key (writer, "max");
  trib_json_writer_double (writer, factor->max);
  trib_json_writer_key (writer, "name");
  trib_json_writer_string (writer, trib_health_factor_get_key (factor->id));
  trib_json_writer_key (writer, "points");
  trib_json_writer_double (writer, factor->points);
  trib_json_writer_end_object (writer);
}

/**
 * trib_cli_health:
 *
 * `tributary-cli health PLAN [--json]`.
 *
 * Returns: the exit status
 */
int
trib_cli_health (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the scores as a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribJsonWriter) writer = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *out = NULL;
  GListModel *upstreams;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show each upstream’s health score, its trend and the points "
                                           "of every factor, from its latest statistics."));
  if ((status = parse ("health", context, &argc, &argv)) >= 0)
    return status;

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    return trib_cli_fail (error);

  writer = trib_json_writer_new (NULL, NULL);
  trib_json_writer_begin_array (writer);
  upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);
  for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
    {
      g_autoptr(TribUpstream) upstream = g_list_model_get_item (upstreams, i);
      g_autoptr(TribHealth) health = NULL;
      g_autoptr(GError) read_error = NULL;
      TribStatsSnapshot *latest;
      const char *last_error = trib_upstream_get_last_error (upstream);
      gboolean has_trend;
      int trend;

      health = trib_health_of_upstream (plan, upstream, &trend, &has_trend, &read_error);
      if (read_error != NULL)
        return trib_cli_fail (read_error);
      latest = health != NULL ? trib_plan_get_latest_snapshot (plan, upstream, NULL) : NULL;

      trib_json_writer_begin_object (writer);
      trib_json_writer_key (writer, "cap");
      if (health != NULL && health->capped)
        trib_json_writer_string (writer, health->cap_reason);
      else
        trib_json_writer_null (writer);
      trib_json_writer_key (writer, "factors");
      trib_json_writer_begin_array (writer);
      for (guint f = 0; health != NULL && f < TRIB_HEALTH_N_FACTORS; f++)
        write_factor_json (writer, &health->factors[f]);
      trib_json_writer_end_array (writer);
      trib_json_writer_key (writer, "last_error");
      if (last_error != NULL && *last_error != '\0')
        trib_json_writer_string (writer, last_error);
      else
        trib_json_writer_null (writer);
      trib_json_writer_key (writer, "name");
      trib_json_writer_string (writer, trib_upstream_get_name (upstream));
      trib_json_writer_key (writer, "rating");
      if (health != NULL)
        trib_json_writer_string (writer, (const char *[]) { "failing", "at-risk", "healthy" }[trib_health_rate (health->score)]);
      else
        trib_json_writer_null (writer);
      trib_json_writer_key (writer, "refreshed");
      if (latest != NULL)
        trib_json_writer_string (writer, trib_stats_snapshot_get_taken_at (latest));
      else
        trib_json_writer_null (writer);
      trib_json_writer_key (writer, "score");
      if (health != NULL)
        trib_json_writer_int (writer, health->score);
      else
        trib_json_writer_null (writer);
      trib_json_writer_key (writer, "trend");
      if (has_trend)
        trib_json_writer_int (writer, trend);
      else
        trib_json_writer_null (writer);
      trib_json_writer_end_object (writer);

      if (health == NULL)
        {
          /* Translators: an upstream's name */
          g_string_append_printf (text, _("%s: no statistics yet; run “tributary-cli refresh”\n"),
                                  trib_upstream_get_name (upstream));
          continue;
        }
      if (has_trend)
        /* Translators: name, score, change since the previous snapshot, rating */
        g_string_append_printf (text, _("%s: %d (%+d) %s\n"), trib_upstream_get_name (upstream),
                                health->score, trend, trib_health_rating_get_label (trib_health_rate (health->score)));
      else
        /* Translators: name, score, rating */
        g_string_append_printf (text, _("%s: %d %s\n"), trib_upstream_get_name (upstream),
                                health->score, trib_health_rating_get_label (trib_health_rate (health->score)));
      for (guint f = 0; f < TRIB_HEALTH_N_FACTORS; f++)
        {
          g_autofree char *points = format_points (health->factors[f].points);
          g_autofree char *max = format_points (health->factors[f].max);

          /* Translators: factor, its points, its maximum, the explanation */
          g_string_append_printf (text, _("  %s %s/%s: %s\n"), trib_health_factor_get_label (f),
                                  points, max, health->factors[f].explanation);
        }
      if (health->capped)
        g_string_append_printf (text, "  %s\n", health->cap_reason);
      if (last_error != NULL && *last_error != '\0')
        /* Translators: why the last refresh failed */
        g_string_append_printf (text, _("  Last refresh failed: %s\n"), last_error);
    }
  trib_json_writer_end_array (writer);

  if (json)
    {
      out = trib_json_writer_finish (writer, NULL, &error);
      if (out == NULL)
        return trib_cli_fail (error);
    }
  else
    out = g_strdup (text->str);
  if (fputs (out, stdout) == EOF || (json && fputc ('\n', stdout) == EOF) || fflush (stdout) != 0)
    {
      g_autoptr(GError) write_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                           _("Could not write to the standard output."));
      return trib_cli_fail (write_error);
    }
  return 0;
}
