/* bench-refresh.c: refreshing 500 upstreams from a slow local forge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/tests/bench/bench-refresh [--upstreams N] [--latency MS] [--concurrency N]
 *   dbus-run-session -- xvfb-run -a build/tests/bench/bench-refresh --window
 *
 * A SoupServer on its own thread answers like GitHub, 20 ms after each
 * request (every answer, a 304 included). The refresh runs as the
 * application runs it: on the main loop, recording into a plan file.
 * Reported: the cold refresh against its floor (requests × latency ÷
 * concurrency), a second refresh in which every repository answers 304,
 * the longest main-loop stall during each (a 5 ms timer's lateness), and
 * the peak RSS. Exits 1 when a target is missed: cold within 1.25 × the
 * floor, the second at least 4 × faster, no stall over 50 ms.
 *
 * With --window the refresh is the application's: a plan window, its
 * Ctrl+R action, the Upstreams page redrawing its badges as results come.
 */
#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/resource.h>

#include "trib-forge-refresh.h"
#include "trib-forge-service.h"
#include "trib-health-plan.h"
#include "trib-application.h"
#include "trib-health-tracker.h"
#include "trib-window.h"

typedef struct
{
  GMainContext *context;
  SoupServer   *server;
  char         *base;
  guint         latency;
  volatile gint requests;
  volatile gint not_modified;
  char         *repo, *contributors, *releases, *participation;
  GMutex        lock;
  GCond         ready;
  gboolean      started;
  GMainLoop    *loop;
} Forge;

static char *
load (const char *name)
{
  g_autofree char *path = g_build_filename (SOURCE_DIR, "tests", "data", "forge", "github", name, NULL);
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  return contents;
}

static volatile gint in_flight, max_in_flight;

static gboolean
unpause_cb (gpointer data)
{
  g_atomic_int_add (&in_flight, -1);
  soup_server_message_unpause (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
answer (Forge             *forge,
        SoupServerMessage *msg,
        const char        *body)
{
  g_autofree char *etag = g_strdup_printf ("\"%s\"", g_compute_checksum_for_string (G_CHECKSUM_MD5, body, -1));
  const char *match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "If-None-Match");

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
  if (match != NULL && strcmp (match, etag) == 0)
    {
      g_atomic_int_inc (&forge->not_modified);
      soup_server_message_set_status (msg, 304, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  Forge *forge = data;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);   /* "", "gh", "repos", owner, name, … */
  guint n = g_strv_length (parts);

  g_atomic_int_inc (&forge->requests);
  {
    gint now = g_atomic_int_add (&in_flight, 1) + 1;
    if (now > g_atomic_int_get (&max_in_flight))
      g_atomic_int_set (&max_in_flight, now);
  }
  if (n == 5)
    {
      g_autofree char *full = g_strdup_printf ("\"full_name\": \"%s/%s\"", parts[3], parts[4]);
      g_autoptr(GString) body = g_string_new (forge->repo);

      g_autofree char *web = g_strdup_printf ("\"html_url\": \"https://github.com/%s/%s\"", parts[3], parts[4]);

      g_string_replace (body, "\"full_name\": \"tributary-test/libexample\"", full, 1);
      g_string_replace (body, "\"html_url\": \"https://github.com/tributary-test/libexample\"", web, 1);
      answer (forge, msg, body->str);
    }
  else if (n == 6 && strcmp (parts[5], "contributors") == 0)
    answer (forge, msg, forge->contributors);
  else if (n == 6 && strcmp (parts[5], "releases") == 0)
    answer (forge, msg, forge->releases);
  else if (n == 7 && strcmp (parts[6], "participation") == 0)
    answer (forge, msg, forge->participation);
  else
    soup_server_message_set_status (msg, 404, NULL);

  soup_server_message_pause (msg);
  {
    GSource *source = g_timeout_source_new (forge->latency);

    g_source_set_callback (source, unpause_cb, g_object_ref (msg), NULL);
    g_source_attach (source, forge->context);
    g_source_unref (source);
  }
}

static gpointer
server_thread (gpointer data)
{
  Forge *forge = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  forge->context = g_main_context_new ();
  g_main_context_push_thread_default (forge->context);
  forge->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (forge->server, NULL, handler, forge, NULL);
  if (!soup_server_listen_local (forge->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (forge->server);
  forge->base = g_strdup_printf ("http://127.0.0.1:%d/gh", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  forge->loop = g_main_loop_new (forge->context, FALSE);

  g_mutex_lock (&forge->lock);
  forge->started = TRUE;
  g_cond_signal (&forge->ready);
  g_mutex_unlock (&forge->lock);

  g_main_loop_run (forge->loop);
  g_main_context_pop_thread_default (forge->context);
  return NULL;
}

typedef struct
{
  gint64 last;
  gint64 worst;
} Stall;

static gboolean
tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->worst = MAX (stall->worst, now - stall->last - 5000);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!trib_forge_refresh_run_finish (TRIB_FORGE_REFRESH (source), result, &error))
    g_printerr ("refresh: %s\n", error->message);
  *(gboolean *) data = TRUE;
}

static void
summarize (const TribForgeContributor *contributors,
           guint                       n,
           TribForge                   forge,
           const char * const         *team,
           TribStatsSnapshot          *snapshot,
           gpointer                    data)
{
  trib_contributors_to_snapshot ((const TribContributor *) (gconstpointer) contributors, n, forge, team, snapshot);
}

static double
run (TribForgeService *service,
     TribPlan         *plan,
     Forge            *forge,
     guint            *requests,
     double           *stall_ms,
     guint            *updated)
{
  g_autoptr(TribForgeRefresh) refresh = trib_forge_refresh_new (service, plan, NULL);
  gboolean done = FALSE;
  Stall stall = { 0 };
  guint before = (guint) g_atomic_int_get (&forge->requests);
  gint64 start = g_get_monotonic_time ();
  guint tick = g_timeout_add (5, tick_cb, &stall);

  trib_forge_refresh_run_async (refresh, NULL, on_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  *requests = (guint) g_atomic_int_get (&forge->requests) - before;
  *stall_ms = stall.worst / 1000.0;
  *updated = trib_forge_refresh_get_done (refresh) - trib_forge_refresh_get_failed (refresh);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The application's refresh: the window's action, its tracker, its page.
 * The window closes its plan when it goes: each run opens the file. */
static double
run_window (TribApplication *app,
            const char      *path,
            Forge           *forge,
            guint           *requests,
            double          *stall_ms,
            guint           *updated)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &open_error);
  TribWindow *window;
  TribHealthTracker *tracker;
  TribForgeRefresh *refresh;
  Stall stall = { 0 };
  guint before = (guint) g_atomic_int_get (&forge->requests);
  gint64 start, settle;
  guint tick;

  g_assert_no_error (open_error);
  window = trib_window_new (app, plan);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  settle = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < settle)
    g_main_context_iteration (NULL, FALSE);

  tick = g_timeout_add (5, tick_cb, &stall);
  start = g_get_monotonic_time ();
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL))
    g_error ("The window has no refresh action");
  tracker = trib_health_tracker_get (trib_window_get_context (window));
  if (trib_health_tracker_get_refresh (tracker) == NULL && trib_plan_is_read_only (plan))
    g_error ("The plan is read-only");
  while (trib_health_tracker_get_refresh (tracker) == NULL)
    g_main_context_iteration (NULL, TRUE);
  refresh = trib_health_tracker_get_refresh (tracker);
  while (trib_forge_refresh_get_running (refresh))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  *requests = (guint) g_atomic_int_get (&forge->requests) - before;
  *stall_ms = stall.worst / 1000.0;
  *updated = trib_forge_refresh_get_done (refresh) - trib_forge_refresh_get_failed (refresh);
  gtk_window_destroy (GTK_WINDOW (window));
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  int n_upstreams = 500, latency = 20, concurrency = 4;
  gboolean with_window = FALSE;
  g_autoptr(TribApplication) app = NULL;
  const GOptionEntry entries[] = {
    { "window", 0, 0, G_OPTION_ARG_NONE, &with_window, "Refresh from a plan window (needs a display)", NULL },
    { "upstreams", 0, 0, G_OPTION_ARG_INT, &n_upstreams, "Upstreams in the plan (500)", "N" },
    { "latency", 0, 0, G_OPTION_ARG_INT, &latency, "Milliseconds the server waits before each answer (20)", "MS" },
    { "concurrency", 0, 0, G_OPTION_ARG_INT, &concurrency, "Requests at once to the server (4)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *cache = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribForgeService) service = NULL;
  Forge forge = { 0 };
  GThread *thread;
  double cold, warm, floor_s, cold_stall, warm_stall;
  guint cold_requests, warm_requests, cold_updated, warm_updated;
  struct rusage usage;
  gboolean ok;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  forge.latency = (guint) latency;
  forge.repo = load ("repo.json");
  forge.contributors = load ("contributors-1.json");
  forge.releases = load ("releases.json");
  forge.participation = load ("participation.json");
  g_mutex_init (&forge.lock);
  g_cond_init (&forge.ready);
  thread = g_thread_new ("forge", server_thread, &forge);
  g_mutex_lock (&forge.lock);
  while (!forge.started)
    g_cond_wait (&forge.ready, &forge.lock);
  g_mutex_unlock (&forge.lock);

  dir = g_dir_make_tmp ("bench-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.tributary", NULL);
  cache = g_build_filename (dir, "cache", NULL);
  plan = trib_plan_create (path, "Refresh benchmark", &error);
  g_assert_no_error (error);
  trib_plan_begin (plan, "upstreams");
  for (int i = 0; i < n_upstreams; i++)
    {
      g_autoptr(TribUpstream) upstream = trib_upstream_new ();
      g_autofree char *name = g_strdup_printf ("lib%03d", i);
      g_autofree char *repository = g_strdup_printf ("https://github.com/bench/lib%03d", i);

      trib_entity_set_string (TRIB_ENTITY (upstream), "name", name, NULL);
      trib_entity_set_string (TRIB_ENTITY (upstream), "repository", repository, NULL);
      if (!trib_plan_add (plan, TRIB_ENTITY (upstream), &error))
        g_error ("%s", error->message);
    }
  if (!trib_plan_commit (plan, &error))
    g_error ("%s", error->message);

  service = trib_forge_service_new (cache);
  trib_forge_service_set_api_url (service, TRIB_FORGE_GITHUB, forge.base);
  trib_forge_service_set_summary_func (service, summarize, NULL);
  trib_forge_http_set_max_per_host (trib_forge_service_get_http (service), (guint) concurrency);

  if (with_window)
    {
      trib_plan_close (plan);
      /* The application's own service, pointed at the local forge. */
      g_setenv ("TRIBUTARY_GITHUB_API", forge.base, TRUE);
      g_setenv ("TRIBUTARY_NO_SECRETS", "1", TRUE);
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
      app = trib_application_new ();
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
      cold = run_window (app, path, &forge, &cold_requests, &cold_stall, &cold_updated);
      warm = run_window (app, path, &forge, &warm_requests, &warm_stall, &warm_updated);
      goto report;
    }
  cold = run (service, plan, &forge, &cold_requests, &cold_stall, &cold_updated);
  if (g_getenv ("BENCH_DEBUG"))
    {
      g_autoptr(GDir) d = g_dir_open (cache, 0, NULL);
      guint files = 0;
      while (d && g_dir_read_name (d))
        files++;
      g_print ("cache files after the cold run: %u\n", files);
    }
  warm = run (service, plan, &forge, &warm_requests, &warm_stall, &warm_updated);
report:
  floor_s = cold_requests * (latency / 1000.0) / concurrency;
  getrusage (RUSAGE_SELF, &usage);

  g_print ("upstreams %d, latency %d ms, concurrency %d%s\n", n_upstreams, latency, concurrency,
           with_window ? ", from a plan window" : "");
  g_print ("cold:   %.2f s for %u requests (%u upstreams updated); floor %.2f s; ratio %.3f (target ≤ 1.25)\n",
           cold, cold_requests, cold_updated, floor_s, cold / floor_s);
  g_print ("304:    %.2f s for %u requests, %d answered 304; %.1f× faster than cold (target ≥ 4)\n",
           warm, warm_requests, g_atomic_int_get (&forge.not_modified), cold / warm);
  g_print ("longest main-loop stall: cold %.1f ms, 304 %.1f ms (target ≤ 50)\n", cold_stall, warm_stall);
  g_print ("most requests in flight at the server: %d\n", g_atomic_int_get (&max_in_flight));
  g_print ("peak RSS: %.1f MiB\n", usage.ru_maxrss / 1024.0);

  ok = cold / floor_s <= 1.25 && cold / warm >= 4 && MAX (cold_stall, warm_stall) <= 50;
  trib_plan_close (plan);
  g_main_loop_quit (forge.loop);
  g_thread_join (thread);
  return ok ? 0 : 1;
}
