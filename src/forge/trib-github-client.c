/* trib-github-client.c: GitHub REST v3 (api.github.com or an Enterprise server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four requests, each possibly of several pages:
 *   GET /repos/OWNER/NAME                     metadata (a 301 here is a rename)
 *   GET /repos/OWNER/NAME/contributors        every page, by the Link header
 *   GET /repos/OWNER/NAME/releases            until the pages leave the last year
 *   GET /repos/OWNER/NAME/stats/participation 52 weekly counts; 202 while computing
 * After the first answer the repository's current full_name is used, so a
 * renamed repository is asked for by its new name.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trib-forge-client-private.h"
#include "trib-forge-error.h"

typedef struct
{
  TribForgeClient parent_instance;
} TribGithubClient;

typedef struct
{
  TribForgeClientClass parent_class;
} TribGithubClientClass;

G_DEFINE_FINAL_TYPE (TribGithubClient, _trib_github_client, TRIB_TYPE_FORGE_CLIENT)

static void releases_step (TribForgeFetch *fetch, TribForgeResponse *response);
static void participation_step (TribForgeFetch *fetch, TribForgeResponse *response);

static char *
github_api_url (TribForgeClient *self,
                const char      *repository,
                GError         **error)
{
  g_autoptr(GUri) uri = g_uri_parse (repository, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *name = NULL;
  const char *path;

  path = uri != NULL ? g_uri_get_path (uri) : NULL;
  if (path != NULL)
    parts = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  if (parts == NULL || g_strv_length (parts) < 2 || *parts[0] == '\0' || *parts[1] == '\0')
    {
      g_set_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
                   _("“%s” does not name a GitHub repository; use an address such as "
                     "https://github.com/OWNER/NAME."), repository);
      return NULL;
    }
  name = g_str_has_suffix (parts[1], ".git") ? g_strndup (parts[1], strlen (parts[1]) - 4)
                                             : g_strdup (parts[1]);
  return g_strdup_printf ("%s/repos/%s/%s", trib_forge_client_get_base_url (self), parts[0], name);
}

static JsonArray *
expect_array (TribForgeFetch    *fetch,
              TribForgeResponse *response)
{
  if (response->json == NULL || !JSON_NODE_HOLDS_ARRAY (response->json))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "(body)", _("a list")));
      return NULL;
    }
  return json_node_get_array (response->json);
}

static void
start_participation (TribForgeFetch *fetch)
{
  g_autofree char *url = g_strconcat (fetch->repo_api, "/stats/participation", NULL);

  _trib_forge_fetch_get (fetch, url, TRIB_FORGE_REQUEST_RETRY_202, participation_step);
}

static void
participation_step (TribForgeFetch    *fetch,
                    TribForgeResponse *response)
{
  JsonNode *all = NULL;
  JsonArray *weeks;

  if (response->status == 202)
    {
      fetch->stats->commits_note = g_strdup (_("GitHub was still counting the weekly commits; refresh later."));
      _trib_forge_fetch_done (fetch);
      return;
    }
  if (response->status == 204 || response->json == NULL)
    {
      fetch->stats->commits_note = g_strdup (_("GitHub has no commit counts: the repository is empty."));
      _trib_forge_fetch_done (fetch);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (response->json))
    all = json_object_get_member (json_node_get_object (response->json), "all");
  if (all == NULL || !JSON_NODE_HOLDS_ARRAY (all))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "all", _("a list of 52 numbers")));
      return;
    }
  weeks = json_node_get_array (all);
  fetch->stats->weekly_commits = g_array_sized_new (FALSE, TRUE, sizeof (int), TRIB_FORGE_WEEKS);
  for (guint i = 0; i < json_array_get_length (weeks); i++)
    {
      JsonNode *node = json_array_get_element (weeks, i);
      int n;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0)
        {
          g_clear_pointer (&fetch->stats->weekly_commits, g_array_unref);
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "all", _("a list of 52 numbers")));
          return;
        }
      n = (int) MIN (json_node_get_int (node), G_MAXINT);
      g_array_append_val (fetch->stats->weekly_commits, n);
    }
  /* Keep the last 52 weeks, oldest first; pad a short list at the start. */
  if (fetch->stats->weekly_commits->len > TRIB_FORGE_WEEKS)
    g_array_remove_range (fetch->stats->weekly_commits, 0, fetch->stats->weekly_commits->len - TRIB_FORGE_WEEKS);
  while (fetch->stats->weekly_commits->len < TRIB_FORGE_WEEKS)
    {
      int zero = 0;
      g_array_prepend_val (fetch->stats->weekly_commits, zero);
    }
  _trib_forge_fetch_done (fetch);
}

static void
releases_step (TribForgeFetch    *fetch,
               TribForgeResponse *response)
{
  JsonArray *releases = expect_array (fetch, response);
  gboolean older_seen = FALSE;

  if (releases == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (releases); i++)
    {
      JsonNode *node = json_array_get_element (releases, i);
      const char *published = NULL, *created = NULL;
      gboolean draft = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !_trib_json_string (json_node_get_object (node), "published_at", &published) ||
          !_trib_json_string (json_node_get_object (node), "created_at", &created) ||
          !_trib_json_bool (json_node_get_object (node), "draft", &draft))
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "published_at", _("a date")));
          return;
        }
      if (draft)
        continue;
      _trib_forge_count_release (fetch, published ? published : created);
      if (fetch->now - _trib_forge_parse_time (published ? published : created) > 365 * 24 * 3600)
        older_seen = TRUE;
    }

  /* Releases come newest first: a page reaching past the year is the last
   * one needed. */
  if (response->next_url != NULL && !older_seen && ++fetch->pages < 5)
    {
      _trib_forge_fetch_get (fetch, response->next_url, 0, releases_step);
      return;
    }
  start_participation (fetch);
}

static void
start_releases (TribForgeFetch *fetch)
{
  g_autofree char *url = g_strconcat (fetch->repo_api, "/releases?per_page=100", NULL);

  fetch->pages = 0;
  _trib_forge_fetch_get (fetch, url, 0, releases_step);
}

static void
contributors_step (TribForgeFetch    *fetch,
                   TribForgeResponse *response)
{
  JsonArray *list;

  if (response->status == 204)
    {
      start_releases (fetch);
      return;
    }
  if (response->status == 403)
    {
      /* "The history or contributor list is too large to list contributors
       * for this repository via the API." */
      fetch->stats->contributors_capped = TRUE;
      fetch->stats->contributors_note = g_strdup (_("GitHub refused to list the contributors: the list is too large."));
      g_array_set_size (fetch->stats->contributors, 0);
      start_releases (fetch);
      return;
    }
  if ((list = expect_array (fetch, response)) == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *object;
      const char *login = NULL, *name = NULL, *email = NULL;
      gint64 contributions;
      gboolean present;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "(entry)", _("an object")));
          return;
        }
      object = json_node_get_object (node);
      if (!_trib_json_string (object, "login", &login) || !_trib_json_string (object, "name", &name) ||
          !_trib_json_string (object, "email", &email))
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "login", _("text")));
          return;
        }
      if (!_trib_json_int (object, "contributions", &contributions, &present) || !present)
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "contributions", _("a whole number")));
          return;
        }
      _trib_forge_add_contributor (fetch->stats, login ? login : name, email, contributions);
    }

  if (response->next_url != NULL)
    {
      if (++fetch->pages < TRIB_FORGE_MAX_CONTRIBUTOR_PAGES)
        {
          _trib_forge_fetch_get (fetch, response->next_url, TRIB_FORGE_REQUEST_ALLOW_403, contributors_step);
          return;
        }
      fetch->stats->contributors_capped = TRUE;
      fetch->stats->contributors_note = g_strdup_printf (_("Only the first %d contributors were read."),
                                                         TRIB_FORGE_MAX_CONTRIBUTOR_PAGES * 100);
    }
  start_releases (fetch);
}

static void
repository_step (TribForgeFetch    *fetch,
                 TribForgeResponse *response)
{
  TribForgeStats *stats = fetch->stats;
  JsonObject *object;
  JsonNode *license;
  const char *full_name = NULL, *html_url = NULL, *created = NULL, *pushed = NULL, *branch = NULL;
  gint64 stars, forks, watchers, issues;
  g_autofree char *url = NULL;
  static const char * const counts[] = { "stargazers_count", "forks_count", "subscribers_count", "open_issues_count" };
  gint64 *values[] = { &stars, &forks, &watchers, &issues };

  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "(body)", _("an object")));
      return;
    }
  object = json_node_get_object (response->json);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!_trib_json_int (object, counts[i], values[i], NULL))
      {
        _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, counts[i], _("a whole number")));
        return;
      }
  if (!_trib_json_string (object, "full_name", &full_name) || full_name == NULL ||
      strchr (full_name, '/') == NULL)
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "full_name", _("OWNER/NAME")));
      return;
    }
  if (!_trib_json_string (object, "html_url", &html_url) ||
      !_trib_json_string (object, "created_at", &created) ||
      !_trib_json_string (object, "pushed_at", &pushed) ||
      !_trib_json_string (object, "default_branch", &branch) ||
      !_trib_json_bool (object, "archived", &stats->archived))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "created_at", _("text")));
      return;
    }

  stats->stars = (int) MIN (stars, G_MAXINT);
  stats->forks = (int) MIN (forks, G_MAXINT);
  stats->watchers = (int) MIN (watchers, G_MAXINT);
  stats->open_issues = (int) MIN (issues, G_MAXINT);
  stats->created = _trib_forge_date (created);
  stats->last_push = _trib_forge_datetime (pushed);
  stats->default_branch = g_strdup (branch);
  stats->web_url = g_strdup (html_url);
  license = json_object_get_member (object, "license");
  if (license != NULL && JSON_NODE_HOLDS_OBJECT (license))
    {
      const char *spdx = NULL;

      if (_trib_json_string (json_node_get_object (license), "spdx_id", &spdx) &&
          spdx != NULL && strcmp (spdx, "NOASSERTION") != 0)
        stats->license = g_strdup (spdx);
    }

  fetch->unchanged = response->not_modified;
  /* Ask by the current name from here on: a renamed repository answered
   * through a redirect. */
  g_free (fetch->repo_api);
  fetch->repo_api = g_strdup_printf ("%s/repos/%s", trib_forge_client_get_base_url (fetch->client), full_name);
  stats->source = g_strdup (fetch->repo_api);

  url = g_strconcat (fetch->repo_api, "/contributors?per_page=100", NULL);
  fetch->pages = 0;
  _trib_forge_fetch_get (fetch, url, TRIB_FORGE_REQUEST_ALLOW_403, contributors_step);
}

static void
github_start (TribForgeClient *self,
              TribForgeFetch  *fetch)
{
  g_autofree char *url = g_strdup (fetch->repo_api);

  _trib_forge_fetch_get (fetch, url, 0, repository_step);
}

static void
_trib_github_client_class_init (TribGithubClientClass *klass)
{
  TribForgeClientClass *client_class = TRIB_FORGE_CLIENT_CLASS (klass);

  client_class->api_url = github_api_url;
  client_class->start = github_start;
}

static void
_trib_github_client_init (TribGithubClient *self)
{
}
