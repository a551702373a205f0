/* forge-test-fixture.h: a local forge, a session and both clients, for the forge tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "forge-test-server.h"
#include "trib-forge-client.h"
#include "trib-forge-error.h"
#include "trib-forge-http.h"

/* 2026-01-01T00:00:00Z */
#define NOW G_GINT64_CONSTANT (1767225600)
#define GITHUB_REPO "https://github.com/tributary-test/libexample"
#define GITLAB_REPO "https://gitlab.com/tributary-test/example"

typedef struct
{
  TestForge       *forge;
  TribForgeHttp   *http;
  TribForgeClient *github;
  TribForgeClient *gitlab;
  char            *cache;
} Fixture;

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->forge = test_forge_new ();
  f->cache = g_build_filename (g_get_user_cache_dir (), "tributary", "http", NULL);
  f->http = trib_forge_http_new (f->cache);
  trib_forge_http_set_retry_delay (f->http, 10);
  trib_forge_http_set_timeout (f->http, 2);
  f->github = trib_forge_client_new (TRIB_FORGE_GITHUB, f->http, f->forge->github);
  f->gitlab = trib_forge_client_new (TRIB_FORGE_GITLAB, f->http, f->forge->gitlab);
  trib_forge_client_set_now (f->github, NOW);
  trib_forge_client_set_now (f->gitlab, NOW);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  /* A worker thread of a finished GTask may hold its source object a
   * moment after the callback ran. */
  while (G_OBJECT (f->http)->ref_count > 3 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (f->github);
  g_assert_finalize_object (f->gitlab);
  g_assert_finalize_object (f->http);
  test_forge_free (f->forge);
  g_free (f->cache);
}

static inline void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static inline TribForgeStats *
fetch (TribForgeClient *client,
       const char      *repository,
       GCancellable    *cancellable,
       GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_forge_client_fetch_async (client, repository, cancellable, on_fetched_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return trib_forge_client_fetch_finish (client, result, error);
}

static inline TribForgeStats *
fetch_ok (TribForgeClient *client,
          const char      *repository)
{
  g_autoptr(GError) error = NULL;
  TribForgeStats *stats = fetch (client, repository, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

