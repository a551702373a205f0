/* forge-test-server.h: a local forge for the tests: SoupServer on 127.0.0.1
 * serving tests/data/forge, with faults a test injects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>

typedef struct _TestForge TestForge;

/* Called for every request; returns TRUE when it answered. */
typedef gboolean (*TestForgeHook) (TestForge         *forge,
                                   SoupServerMessage *msg,
                                   const char        *path,
                                   const char        *page,
                                   gpointer           data);

struct _TestForge
{
  SoupServer    *server;
  char          *base;          /* http://127.0.0.1:PORT */
  char          *github;        /* BASE/gh */
  char          *gitlab;        /* BASE/gl/api/v4 */
  TestForgeHook  hook;
  gpointer       hook_data;
  guint          requests;
  guint          in_flight;
  guint          max_in_flight;
  guint          delay_ms;      /* added to every answer */
  gboolean       etags;         /* answer If-None-Match with 304 */
  guint          not_modified;
  char          *last_authorization;
  GHashTable    *hits;          /* path → count */
};

static inline char *
test_forge_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "forge", name, NULL);
}

static inline void
test_forge_reply (SoupServerMessage *msg,
                  guint              status,
                  const char        *body,
                  gssize             length)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                      body, length < 0 ? strlen (body) : (gsize) length);
}

static inline gboolean
test_forge_reply_file (TestForge         *forge,
                       SoupServerMessage *msg,
                       const char        *name)
{
  g_autofree char *path = test_forge_data_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  gsize length;
  const char *match;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  etag = g_strdup_printf ("W/\"%s\"", g_compute_checksum_for_string (G_CHECKSUM_MD5, contents, length));
  match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "If-None-Match");
  if (forge->etags && match != NULL && strcmp (match, etag) == 0)
    {
      forge->not_modified++;
      soup_server_message_set_status (msg, 304, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
      return TRUE;
    }
  if (forge->etags)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
  test_forge_reply (msg, 200, contents, length);
  return TRUE;
}

static inline void
test_forge_link_next (TestForge         *forge,
                      SoupServerMessage *msg,
                      const char        *path,
                      int                page)
{
  g_autofree char *link = g_strdup_printf ("<%s%s?per_page=100&page=%d>; rel=\"next\", "
                                           "<%s%s?per_page=100&page=%d>; rel=\"last\"",
                                           forge->base, path, page, forge->base, path, page);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Link", link);
}

/* The default routes: one GitHub repository and one GitLab project. */
static inline gboolean
test_forge_route (TestForge         *forge,
                  SoupServerMessage *msg,
                  const char        *path,
                  const char        *page)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gboolean second = page != NULL && strcmp (page, "2") == 0;

  if (strcmp (path, "/gh/repos/tributary-test/libexample") == 0)
    return test_forge_reply_file (forge, msg, "github/repo.json");
  if (strcmp (path, "/gh/repos/tributary-test/libexample/contributors") == 0)
    {
      if (!second)
        test_forge_link_next (forge, msg, path, 2);
      return test_forge_reply_file (forge, msg, second ? "github/contributors-2.json" : "github/contributors-1.json");
    }
  if (strcmp (path, "/gh/repos/tributary-test/libexample/releases") == 0)
    return test_forge_reply_file (forge, msg, "github/releases.json");
  if (strcmp (path, "/gh/repos/tributary-test/libexample/stats/participation") == 0)
    return test_forge_reply_file (forge, msg, "github/participation.json");

  if (strcmp (path, "/gl/api/v4/projects/tributary-test/example") == 0 ||
      strcmp (path, "/gl/api/v4/projects/278964") == 0)
    return test_forge_reply_file (forge, msg, "gitlab/project.json");
  if (strcmp (path, "/gl/api/v4/projects/278964/repository/contributors") == 0)
    {
      if (!second)
        soup_message_headers_replace (headers, "x-next-page", "2");
      else
        soup_message_headers_replace (headers, "x-next-page", "");
      return test_forge_reply_file (forge, msg, second ? "gitlab/contributors-2.json" : "gitlab/contributors-1.json");
    }
  if (strcmp (path, "/gl/api/v4/projects/278964/releases") == 0)
    return test_forge_reply_file (forge, msg, "gitlab/releases.json");
  if (strcmp (path, "/gl/api/v4/projects/278964/repository/commits") == 0)
    {
      if (!second)
        soup_message_headers_replace (headers, "x-next-page", "2");
      return test_forge_reply_file (forge, msg, second ? "gitlab/commits-2.json" : "gitlab/commits-1.json");
    }
  return FALSE;
}

static inline void
test_forge_disconnected_cb (SoupServerMessage *msg,
                            gpointer           data)
{
  g_object_set_data (G_OBJECT (msg), "gone", GINT_TO_POINTER (1));
}

static inline gboolean
test_forge_unpause_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  if (g_object_get_data (G_OBJECT (msg), "gone") == NULL)
    soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static inline void
test_forge_finished_cb (SoupServerMessage *msg,
                        TestForge         *forge)
{
  forge->in_flight--;
}

static inline void
test_forge_handler (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           data)
{
  TestForge *forge = data;
  const char *page = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  guint hits;

  forge->requests++;
  hits = GPOINTER_TO_UINT (g_hash_table_lookup (forge->hits, path)) + 1;
  g_hash_table_insert (forge->hits, g_strdup (path), GUINT_TO_POINTER (hits));
  g_free (forge->last_authorization);
  forge->last_authorization = g_strdup (auth);
  forge->in_flight++;
  forge->max_in_flight = MAX (forge->max_in_flight, forge->in_flight);
  g_signal_connect (msg, "finished", G_CALLBACK (test_forge_finished_cb), forge);

  if (!(forge->hook != NULL && forge->hook (forge, msg, path, page, forge->hook_data)) &&
      !test_forge_route (forge, msg, path, page))
    test_forge_reply (msg, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.example/rest\",\"status\":\"404\"}", -1);

  if (forge->delay_ms > 0)
    {
      g_signal_connect (msg, "disconnected", G_CALLBACK (test_forge_disconnected_cb), NULL);
      soup_server_message_pause (msg);
      g_timeout_add (forge->delay_ms, test_forge_unpause_cb, g_object_ref (msg));
    }
}

/* A hook: github.com/old-owner/oldname was renamed to
 * tributary-test/libexample, and says so with a 301. */
static inline gboolean
test_forge_hook_rename (TestForge         *forge,
                        SoupServerMessage *msg,
                        const char        *path,
                        const char        *page,
                        gpointer           data)
{
  if (strcmp (path, "/gh/repos/old-owner/oldname") == 0)
    {
      g_autofree char *location = g_strconcat (forge->base, "/gh/repos/tributary-test/libexample", NULL);

      soup_server_message_set_redirect (msg, 301, location);
      return TRUE;
    }
  return FALSE;
}

static inline guint
test_forge_hits (TestForge  *forge,
                 const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (forge->hits, path));
}

static inline TestForge *
test_forge_new (void)
{
  TestForge *forge = g_new0 (TestForge, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  forge->server = soup_server_new (NULL, NULL);
  forge->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  soup_server_add_handler (forge->server, NULL, test_forge_handler, forge, NULL);
  soup_server_listen_local (forge->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (forge->server);
  forge->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  forge->github = g_strconcat (forge->base, "/gh", NULL);
  forge->gitlab = g_strconcat (forge->base, "/gl/api/v4", NULL);
  return forge;
}

static inline void
test_forge_free (TestForge *forge)
{
  soup_server_disconnect (forge->server);
  g_object_unref (forge->server);
  g_hash_table_unref (forge->hits);
  g_free (forge->base);
  g_free (forge->github);
  g_free (forge->gitlab);
  g_free (forge->last_authorization);
  g_free (forge);
}
