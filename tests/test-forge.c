/* test-forge.c: the forge clients and their HTTP session against a local forge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "forge-test-fixture.h"
#include "trib-test-util.h"

static void
assert_github_stats (TribForgeStats *stats,
                     const char     *base)
{
  g_autofree char *source = g_strconcat (base, "/repos/tributary-test/libexample", NULL);
  static const int last13[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
  TribForgeContributor *c;

  g_assert_cmpstr (stats->source, ==, source);
  g_assert_cmpstr (stats->web_url, ==, GITHUB_REPO);
  g_assert_cmpint (stats->stars, ==, 1234);
  g_assert_cmpint (stats->forks, ==, 56);
  g_assert_cmpint (stats->watchers, ==, 78);       /* subscribers_count, not watchers_count */
  g_assert_cmpint (stats->open_issues, ==, 9);
  g_assert_cmpstr (stats->created, ==, "2019-03-14");
  g_assert_cmpstr (stats->last_push, ==, "2025-12-28T17:02:11Z");
  g_assert_false (stats->archived);
  g_assert_cmpstr (stats->license, ==, "Apache-2.0");
  g_assert_cmpstr (stats->default_branch, ==, "main");
  /* Two pages by the Link header. */
  g_assert_cmpuint (stats->contributors->len, ==, 5);
  c = &g_array_index (stats->contributors, TribForgeContributor, 0);
  g_assert_cmpstr (c->handle, ==, "alice");
  g_assert_cmpint (c->contributions, ==, 60);
  c = &g_array_index (stats->contributors, TribForgeContributor, 4);
  g_assert_cmpstr (c->handle, ==, "erin");
  g_assert_cmpint (c->contributions, ==, 4);
  g_assert_false (stats->contributors_capped);
  /* A draft is not a release; an unpublished one counts by its creation;
   * the 2024 one is older than a year. */
  g_assert_cmpint (stats->releases_last_year, ==, 2);
  g_assert_cmpstr (stats->last_release, ==, "2025-11-03");
  g_assert_nonnull (stats->weekly_commits);
  g_assert_cmpuint (stats->weekly_commits->len, ==, 52);
  for (guint i = 0; i < 39; i++)
    g_assert_cmpint (g_array_index (stats->weekly_commits, int, i), ==, 0);
  for (guint i = 0; i < 13; i++)
    g_assert_cmpint (g_array_index (stats->weekly_commits, int, 39 + i), ==, last13[i]);
  g_assert_null (stats->commits_note);
}

static void
test_github_fields (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = fetch_ok (f->github, GITHUB_REPO ".git");

  assert_github_stats (stats, f->forge->github);
  g_assert_false (stats->not_modified);
  g_assert_cmpuint (f->forge->requests, ==, 5);
  g_assert_null (f->forge->last_authorization);
}

static void
test_gitlab_fields (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = fetch_ok (f->gitlab, GITLAB_REPO "/-/tree/master");
  g_autofree char *source = g_strconcat (f->forge->gitlab, "/projects/278964", NULL);
  TribForgeContributor *c;
  int *weeks;

  g_assert_cmpstr (stats->source, ==, source);
  g_assert_cmpstr (stats->web_url, ==, GITLAB_REPO);
  g_assert_cmpint (stats->stars, ==, 321);
  g_assert_cmpint (stats->forks, ==, 45);
  g_assert_cmpint (stats->watchers, ==, 0);
  g_assert_cmpint (stats->open_issues, ==, 12);
  g_assert_cmpstr (stats->created, ==, "2016-07-01");
  g_assert_cmpstr (stats->last_push, ==, "2025-12-15T13:45:10Z");
  g_assert_cmpstr (stats->license, ==, "MIT");
  g_assert_cmpstr (stats->default_branch, ==, "master");
  /* Two pages by x-next-page; the last page's is empty. */
  g_assert_cmpuint (stats->contributors->len, ==, 3);
  c = &g_array_index (stats->contributors, TribForgeContributor, 0);
  g_assert_cmpstr (c->handle, ==, "Alice Example");
  g_assert_cmpstr (c->email, ==, "alice@example.org");
  g_assert_cmpint (c->contributions, ==, 40);
  g_assert_cmpint (stats->releases_last_year, ==, 1);
  g_assert_cmpstr (stats->last_release, ==, "2025-10-01");
  /* Six commits over two pages: three this week, two the week before, one
   * in week 12 (time zones honoured). */
  g_assert_nonnull (stats->weekly_commits);
  weeks = (int *) (gpointer) stats->weekly_commits->data;
  g_assert_cmpint (weeks[51], ==, 3);
  g_assert_cmpint (weeks[50], ==, 2);
  g_assert_cmpint (weeks[12], ==, 1);
  g_assert_cmpint (weeks[0] + weeks[11] + weeks[13] + weeks[49], ==, 0);
}

static gboolean
hook_202 (TestForge         *forge,
          SoupServerMessage *msg,
          const char        *path,
          const char        *page,
          gpointer           data)
{
  if (g_str_has_suffix (path, "/stats/participation") && test_forge_hits (forge, path) <= 2)
    {
      test_forge_reply (msg, 202, "{}", -1);
      return TRUE;
    }
  return FALSE;
}

static void
test_github_202 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;

  f->forge->hook = hook_202;
  stats = fetch_ok (f->github, GITHUB_REPO);
  assert_github_stats (stats, f->forge->github);
  g_assert_cmpuint (test_forge_hits (f->forge, "/gh/repos/tributary-test/libexample/stats/participation"), ==, 3);
}

static gboolean
hook_always_202 (TestForge         *forge,
                 SoupServerMessage *msg,
                 const char        *path,
                 const char        *page,
                 gpointer           data)
{
  if (g_str_has_suffix (path, "/stats/participation"))
    {
      test_forge_reply (msg, 202, "{}", -1);
      return TRUE;
    }
  return FALSE;
}

static void
test_github_202_forever (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;

  f->forge->hook = hook_always_202;
  trib_forge_http_set_retry_delay (f->http, 1);
  stats = fetch_ok (f->github, GITHUB_REPO);
  /* Everything else is there; the weekly counts are missing, and why. */
  g_assert_cmpint (stats->stars, ==, 1234);
  g_assert_null (stats->weekly_commits);
  g_assert_cmpstr (stats->commits_note, ==, "GitHub was still counting the weekly commits; refresh later.");
}

static gboolean
hook_starred (TestForge         *forge,
              SoupServerMessage *msg,
              const char        *path,
              const char        *page,
              gpointer           data)
{
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) body = NULL;

  if (strcmp (path, "/gh/repos/tributary-test/libexample") != 0)
    return FALSE;
  file = test_forge_data_path ("github/repo.json");
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  body = g_string_new (contents);
  g_string_replace (body, "\"stargazers_count\": 1234", "\"stargazers_count\": 1235", 1);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"starred\"");
  test_forge_reply (msg, 200, body->str, -1);
  return TRUE;
}

static void
test_etag (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TribForgeStats) first = NULL;
  g_autoptr(TribForgeStats) second = NULL;
  g_autoptr(TribForgeStats) third = NULL;

  f->forge->etags = TRUE;
  first = fetch_ok (f->github, GITHUB_REPO);
  g_assert_false (first->not_modified);
  g_assert_cmpuint (f->forge->not_modified, ==, 0);

  second = fetch_ok (f->github, GITHUB_REPO);
  /* The repository answered 304: the rest came from the cache unasked. */
  g_assert_cmpuint (f->forge->not_modified, ==, 1);
  g_assert_cmpuint (f->forge->requests, ==, 5 + 1);
  g_assert_true (second->not_modified);
  assert_github_stats (second, f->forge->github);
  /* The cache is in the user's cache folder. */
  g_assert_true (g_file_test (f->cache, G_FILE_TEST_IS_DIR));

  /* A changed repository: everything is asked again, conditionally. */
  f->forge->hook = hook_starred;
  third = fetch_ok (f->github, GITHUB_REPO);
  g_assert_false (third->not_modified);
  g_assert_cmpint (third->stars, ==, 1235);
  g_assert_cmpuint (f->forge->requests, ==, 5 + 1 + 5);
  g_assert_cmpuint (f->forge->not_modified, ==, 1 + 4);
  g_assert_cmpuint (third->contributors->len, ==, 5);
}

static gboolean
hook_primary (TestForge         *forge,
              SoupServerMessage *msg,
              const char        *path,
              const char        *page,
              gpointer           data)
{
  if (strcmp (path, "/gh/repos/tributary-test/libexample") == 0 && test_forge_hits (forge, path) == 1)
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC + 1);

      soup_message_headers_replace (headers, "X-RateLimit-Limit", "60");
      soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
      soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
      test_forge_reply (msg, 403, "{\"message\": \"API rate limit exceeded for 203.0.113.7. (But here's the good news: "
                        "Authenticated requests get a higher rate limit.)\", \"documentation_url\": "
                        "\"https://docs.github.com/rest/overview/rate-limits\"}", -1);
      return TRUE;
    }
  return FALSE;
}

static void
on_rate_limited_cb (TribForgeHttp *http,
                    const char    *origin,
                    gint64         until,
                    gint64        *out)
{
  *out = until;
}

static void
test_rate_limit_primary (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until = 0, before = g_get_real_time ();

  f->forge->hook = hook_primary;
  g_signal_connect (f->http, "rate-limited", G_CALLBACK (on_rate_limited_cb), &until);
  stats = fetch_ok (f->github, GITHUB_REPO);
  assert_github_stats (stats, f->forge->github);
  /* It said until when, and waited that long. */
  g_assert_cmpint (until, >=, before / G_USEC_PER_SEC + 1);
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, >=, until);

  /* Told to stop, it fails saying until when. */
  g_hash_table_remove_all (f->forge->hits);
  trib_forge_http_set_stop_on_rate_limit (f->http, TRUE);
  g_assert_null (fetch (f->github, GITHUB_REPO, NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "127.0.0.1 refused the request: rate limit reached until "));
}

static gboolean
hook_secondary (TestForge         *forge,
                SoupServerMessage *msg,
                const char        *path,
                const char        *page,
                gpointer           data)
{
  gboolean with_retry_after = GPOINTER_TO_INT (data);

  if (strcmp (path, "/gh/repos/tributary-test/libexample/releases") == 0 && test_forge_hits (forge, path) <= 2)
    {
      if (with_retry_after)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
      test_forge_reply (msg, 403, "{\"documentation_url\": \"https://docs.github.com/rest/overview/"
                        "rate-limits-for-the-rest-api#about-secondary-rate-limits\", \"message\": \"You have "
                        "exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}", -1);
      return TRUE;
    }
  return FALSE;
}

static void
test_rate_limit_secondary (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;
  gint64 start = g_get_monotonic_time ();

  f->forge->hook = hook_secondary;
  f->forge->hook_data = GINT_TO_POINTER (data != NULL);
  stats = fetch_ok (f->github, GITHUB_REPO);
  assert_github_stats (stats, f->forge->github);
  g_assert_cmpuint (test_forge_hits (f->forge, "/gh/repos/tributary-test/libexample/releases"), ==, 3);
  if (data != NULL)
    /* Retry-After: 1, twice */
    g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
}

static gboolean
hook_5xx (TestForge         *forge,
          SoupServerMessage *msg,
          const char        *path,
          const char        *page,
          gpointer           data)
{
  guint failures = GPOINTER_TO_UINT (data);
  guint hits = test_forge_hits (forge, path);

  if (strcmp (path, "/gh/repos/tributary-test/libexample/contributors") == 0 && hits <= failures)
    {
      test_forge_reply (msg, hits % 2 ? 500 : 503, "<html>Unicorn!</html>", -1);
      return TRUE;
    }
  return FALSE;
}

static void
test_retry_5xx (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  /* 500, 503, 500, then the answer: three retries are enough. */
  f->forge->hook = hook_5xx;
  f->forge->hook_data = GUINT_TO_POINTER (3);
  stats = fetch_ok (f->github, GITHUB_REPO);
  assert_github_stats (stats, f->forge->github);

  /* Four failures are one too many. */
  g_hash_table_remove_all (f->forge->hits);
  f->forge->hook_data = GUINT_TO_POINTER (4);
  g_assert_null (fetch (f->github, GITHUB_REPO, NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "failed with 503 Service Unavailable after 3 retries"));
  g_assert_cmpuint (test_forge_hits (f->forge, "/gh/repos/tributary-test/libexample/contributors"), ==, 4);
}

static gboolean
hook_too_large (TestForge         *forge,
                SoupServerMessage *msg,
                const char        *path,
                const char        *page,
                gpointer           data)
{
  if (g_str_has_suffix (path, "/contributors"))
    {
      test_forge_reply (msg, 403, "{\"message\": \"The history or contributor list is too large to list "
                        "contributors for this repository via the API.\", \"documentation_url\": "
                        "\"https://docs.github.com/rest/repos/repos#list-repository-contributors\"}", -1);
      return TRUE;
    }
  return FALSE;
}

/* GitHub refuses the contributor list of a huge repository: the rest is
 * still fetched, and the snapshot says why its contributors are missing. */
static void
test_github_contributors_refused (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;

  f->forge->hook = hook_too_large;
  stats = fetch_ok (f->github, GITHUB_REPO);
  g_assert_cmpint (stats->stars, ==, 1234);
  g_assert_cmpuint (stats->contributors->len, ==, 0);
  g_assert_true (stats->contributors_capped);
  g_assert_cmpstr (stats->contributors_note, ==, "GitHub refused to list the contributors: the list is too large.");
  g_assert_cmpint (stats->releases_last_year, ==, 2);
}

static void
test_github_rename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TribForgeStats) stats = NULL;

  f->forge->hook = test_forge_hook_rename;
  stats = fetch_ok (f->github, "https://github.com/old-owner/oldname");
  /* The new address is known, and the rest was asked by the new name. */
  g_assert_cmpstr (stats->web_url, ==, GITHUB_REPO);
  assert_github_stats (stats, f->forge->github);
  g_assert_cmpuint (test_forge_hits (f->forge, "/gh/repos/old-owner/oldname"), ==, 1);
}

static gboolean
hook_elsewhere (TestForge         *forge,
                SoupServerMessage *msg,
                const char        *path,
                const char        *page,
                gpointer           data)
{
  TestForge *other = data;

  if (strcmp (path, "/gh/repos/tributary-test/libexample") == 0)
    {
      g_autofree char *location = g_strconcat (other->base, path, NULL);

      soup_server_message_set_redirect (msg, 302, location);
      return TRUE;
    }
  return FALSE;
}

static void
test_redirect_other_host (Fixture       *f,
                          gconstpointer  data)
{
  TestForge *other = test_forge_new ();
  g_autoptr(TribForgeStats) stats = NULL;

  trib_forge_http_set_token (f->http, f->forge->github, "ghp_secretTOKEN1234567890");
  f->forge->hook = hook_elsewhere;
  f->forge->hook_data = other;
  stats = fetch_ok (f->github, GITHUB_REPO);
  g_assert_cmpint (stats->stars, ==, 1234);
  /* Our host saw the token; the other host never did. */
  g_assert_cmpstr (f->forge->last_authorization, ==, "Bearer ghp_secretTOKEN1234567890");
  g_assert_cmpuint (other->requests, ==, 1);
  g_assert_null (other->last_authorization);
  test_forge_free (other);
}

static gboolean
cancel_later_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  /* Cancel while the answers are slow: during the second or third request. */
  f->forge->delay_ms = 40;
  g_timeout_add (100, cancel_later_cb, cancellable);
  g_assert_null (fetch (f->github, GITHUB_REPO, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->forge->requests, >=, 1);
  g_assert_cmpuint (f->forge->requests, <, 5);
}

static void
on_many_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  guint *done = data;
  g_autoptr(TribForgeStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = trib_forge_client_fetch_finish (TRIB_FORGE_CLIENT (source), result, &error);
  g_assert_no_error (error);
  (*done)++;
}

static void
test_per_host_limit (Fixture       *f,
                     gconstpointer  data)
{
  guint done = 0;

  f->forge->delay_ms = 20;
  trib_forge_http_set_max_per_host (f->http, 3);
  for (guint i = 0; i < 8; i++)
    trib_forge_client_fetch_async (f->github, GITHUB_REPO, NULL, on_many_cb, &done);
  while (done < 8)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->forge->requests, ==, 40);
  g_assert_cmpuint (f->forge->max_in_flight, ==, 3);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static guint
scan_tree (const char *dir,
           const char *needle,
           guint      *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint found = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        found += scan_tree (path, needle, files);
      else
        {
          (*files)++;
          found += file_contains (path, needle);
        }
    }
  return found;
}

static void
test_token_never_written (Fixture       *f,
                          gconstpointer  data)
{
  const char *token = "glpat-TOKENBYTES-0123456789";
  g_autoptr(TribForgeStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  guint files = 0;

  trib_forge_http_set_token (f->http, f->forge->gitlab, token);
  trib_forge_http_set_token (f->http, f->forge->github, token);
  f->forge->etags = TRUE;
  stats = fetch_ok (f->gitlab, GITLAB_REPO);
  g_clear_pointer (&stats, trib_forge_stats_free);
  stats = fetch_ok (f->github, GITHUB_REPO);
  g_assert_nonnull (f->forge->last_authorization);
  /* An error message does not carry it either. */
  g_assert_null (fetch (f->github, "https://github.com/nobody/nothing", NULL, &error));
  g_assert_null (strstr (error->message, token));

  g_assert_cmpuint (scan_tree (g_get_home_dir (), token, &files), ==, 0);
  g_assert_cmpuint (scan_tree (g_get_user_cache_dir (), token, &files), ==, 0);
  g_assert_cmpuint (files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated test home has no desktop proxy settings to read. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/forge/github/fields", test_github_fields, NULL);
  ADD ("/forge/gitlab/fields", test_gitlab_fields, NULL);
  ADD ("/forge/github/202-then-200", test_github_202, NULL);
  ADD ("/forge/github/202-forever", test_github_202_forever, NULL);
  ADD ("/forge/http/etag-304", test_etag, NULL);
  ADD ("/forge/http/rate-limit/primary", test_rate_limit_primary, NULL);
  ADD ("/forge/http/rate-limit/secondary-retry-after", test_rate_limit_secondary, "retry-after");
  ADD ("/forge/http/rate-limit/secondary-message", test_rate_limit_secondary, NULL);
  ADD ("/forge/http/5xx-retried", test_retry_5xx, NULL);
  ADD ("/forge/github/rename", test_github_rename, NULL);
  ADD ("/forge/github/contributors-refused", test_github_contributors_refused, NULL);
  ADD ("/forge/http/redirect-other-host", test_redirect_other_host, NULL);
  ADD ("/forge/http/cancel", test_cancel, NULL);
  ADD ("/forge/http/per-host-limit", test_per_host_limit, NULL);
  ADD ("/forge/token-never-written", test_token_never_written, NULL);
#undef ADD

  return g_test_run ();
}
