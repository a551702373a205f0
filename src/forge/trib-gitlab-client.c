/* trib-gitlab-client.c: GitLab REST v4 (gitlab.com or a self-managed server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   GET /projects/PATH?license=true                 metadata
 *   GET /projects/ID/repository/contributors        every page, by x-next-page
 *   GET /projects/ID/releases                       until the pages leave the last year
 *   GET /projects/ID/repository/commits?since=…     bucketed into 52 weeks
 * GitLab has no weekly statistics, so the commits of the last 52 weeks are
 * counted from the commit list; past TRIB_FORGE_MAX_COMMIT_PAGES pages the
 * counts are left empty, with the reason, rather than cut short.
 * GitLab lists contributors by name and e-mail address, and has no
 * watchers.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trib-forge-client-private.h"
#include "trib-forge-error.h"

#define WEEK (7 * 24 * 3600)

typedef struct
{
  TribForgeClient parent_instance;
} TribGitlabClient;

typedef struct
{
  TribForgeClientClass parent_class;
} TribGitlabClientClass;

G_DEFINE_FINAL_TYPE (TribGitlabClient, _trib_gitlab_client, TRIB_TYPE_FORGE_CLIENT)

static char *
gitlab_api_url (TribForgeClient *self,
                const char      *repository,
                GError         **error)
{
  g_autoptr(GUri) uri = g_uri_parse (repository, G_URI_FLAGS_NONE, NULL);
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  char *dash;

  if (uri != NULL)
    path = g_strdup (g_uri_get_path (uri) + (g_uri_get_path (uri)[0] == '/' ? 1 : 0));
  if (path != NULL && (dash = strstr (path, "/-/")) != NULL)
    *dash = '\0';
  if (path != NULL && g_str_has_suffix (path, ".git"))
    path[strlen (path) - 4] = '\0';
  while (path != NULL && g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  if (path == NULL || strchr (path, '/') == NULL)
    {
      g_set_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
                   _("“%s” does not name a GitLab project; use an address such as "
                     "https://gitlab.com/GROUP/PROJECT."), repository);
      return NULL;
    }
  escaped = g_uri_escape_string (path, NULL, FALSE);
  return g_strdup_printf ("%s/projects/%s", trib_forge_client_get_base_url (self), escaped);
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

static char *
page_url (const char *base,
          const char *page)
{
  return g_strdup_printf ("%s%spage=%s", base, strchr (base, '?') ? "&" : "?", page);
}

static char *
commits_base (TribForgeFetch *fetch)
{
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc (fetch->now - (gint64) TRIB_FORGE_WEEKS * WEEK);
  g_autofree char *text = g_date_time_format (since, "%Y-%m-%dT%H:%M:%SZ");

  return g_strdup_printf ("%s/repository/commits?since=%s&per_page=100", fetch->repo_api, text);
}

static void
commits_step (TribForgeFetch    *fetch,
              TribForgeResponse *response)
{
  JsonArray *list = expect_array (fetch, response);
  int *weeks;

  if (list == NULL)
    return;
  if (fetch->stats->weekly_commits == NULL)
    {
      fetch->stats->weekly_commits = g_array_sized_new (FALSE, TRUE, sizeof (int), TRIB_FORGE_WEEKS);
      g_array_set_size (fetch->stats->weekly_commits, TRIB_FORGE_WEEKS);
    }
  weeks = (int *) (gpointer) fetch->stats->weekly_commits->data;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      const char *date = NULL;
      gint64 when, age;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !_trib_json_string (json_node_get_object (node), "committed_date", &date) ||
          (when = _trib_forge_parse_time (date)) == 0)
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "committed_date", _("a date")));
          return;
        }
      age = fetch->now - when;
      if (age >= 0 && age < (gint64) TRIB_FORGE_WEEKS * WEEK)
        weeks[TRIB_FORGE_WEEKS - 1 - age / WEEK]++;
    }

  if (response->next_page != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *url = NULL;

      if (++fetch->pages >= TRIB_FORGE_MAX_COMMIT_PAGES)
        {
          g_clear_pointer (&fetch->stats->weekly_commits, g_array_unref);
          fetch->stats->commits_note =
            g_strdup_printf (_("More than %d commits in the last year: too many to count from GitLab’s commit list."),
                             TRIB_FORGE_MAX_COMMIT_PAGES * 100);
          _trib_forge_fetch_done (fetch);
          return;
        }
      base = commits_base (fetch);
      url = page_url (base, response->next_page);
      _trib_forge_fetch_get (fetch, url, 0, commits_step);
      return;
    }
  _trib_forge_fetch_done (fetch);
}

static void
releases_step (TribForgeFetch    *fetch,
               TribForgeResponse *response)
{
  JsonArray *list = expect_array (fetch, response);
  gboolean older_seen = FALSE;
  g_autofree char *url = NULL;

  if (list == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      const char *released = NULL, *created = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !_trib_json_string (json_node_get_object (node), "released_at", &released) ||
          !_trib_json_string (json_node_get_object (node), "created_at", &created))
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "released_at", _("a date")));
          return;
        }
      _trib_forge_count_release (fetch, released ? released : created);
      if (fetch->now - _trib_forge_parse_time (released ? released : created) > 365 * 24 * 3600)
        older_seen = TRUE;
    }

  if (response->next_page != NULL && !older_seen && ++fetch->pages < 5)
    {
      g_autofree char *base = g_strconcat (fetch->repo_api, "/releases?per_page=100", NULL);

      url = page_url (base, response->next_page);
      _trib_forge_fetch_get (fetch, url, 0, releases_step);
      return;
    }
  fetch->pages = 0;
  url = commits_base (fetch);
  _trib_forge_fetch_get (fetch, url, 0, commits_step);
}

static void
contributors_step (TribForgeFetch    *fetch,
                   TribForgeResponse *response)
{
  JsonArray *list = expect_array (fetch, response);
  g_autofree char *url = NULL;

  if (list == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *object;
      const char *name = NULL, *email = NULL;
      gint64 commits;
      gboolean present;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "(entry)", _("an object")));
          return;
        }
      object = json_node_get_object (node);
      if (!_trib_json_string (object, "name", &name) || !_trib_json_string (object, "email", &email))
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "name", _("text")));
          return;
        }
      if (!_trib_json_int (object, "commits", &commits, &present) || !present)
        {
          _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "commits", _("a whole number")));
          return;
        }
      _trib_forge_add_contributor (fetch->stats, name, email, commits);
    }

  if (response->next_page != NULL)
    {
      if (++fetch->pages < TRIB_FORGE_MAX_CONTRIBUTOR_PAGES)
        {
          g_autofree char *base = g_strconcat (fetch->repo_api, "/repository/contributors?per_page=100", NULL);

          url = page_url (base, response->next_page);
          _trib_forge_fetch_get (fetch, url, 0, contributors_step);
          return;
        }
      fetch->stats->contributors_capped = TRUE;
      fetch->stats->contributors_note = g_strdup_printf (_("Only the first %d contributors were read."),
                                                         TRIB_FORGE_MAX_CONTRIBUTOR_PAGES * 100);
    }

  fetch->pages = 0;
  url = g_strconcat (fetch->repo_api, "/releases?per_page=100", NULL);
  _trib_forge_fetch_get (fetch, url, 0, releases_step);
}

static const char *
spdx_of (const char *key)
{
  static const struct { const char *key, *spdx; } known[] = {
    { "agpl-3.0", "AGPL-3.0" }, { "apache-2.0", "Apache-2.0" }, { "bsd-2-clause", "BSD-2-Clause" },
    { "bsd-3-clause", "BSD-3-Clause" }, { "epl-2.0", "EPL-2.0" }, { "gpl-2.0", "GPL-2.0" },
    { "gpl-3.0", "GPL-3.0" }, { "lgpl-2.1", "LGPL-2.1" }, { "lgpl-3.0", "LGPL-3.0" },
    { "mit", "MIT" }, { "mpl-2.0", "MPL-2.0" }, { "unlicense", "Unlicense" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (key, known[i].key) == 0)
      return known[i].spdx;
  return key;
}

static void
project_step (TribForgeFetch    *fetch,
              TribForgeResponse *response)
{
  TribForgeStats *stats = fetch->stats;
  JsonObject *object;
  JsonNode *license;
  const char *web_url = NULL, *created = NULL, *activity = NULL, *branch = NULL;
  gint64 id, stars, forks, issues;
  gboolean has_id;
  g_autofree char *url = NULL;

  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "(body)", _("an object")));
      return;
    }
  object = json_node_get_object (response->json);
  if (!_trib_json_int (object, "id", &id, &has_id) || !has_id)
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "id", _("a whole number")));
      return;
    }
  if (!_trib_json_int (object, "star_count", &stars, NULL) ||
      !_trib_json_int (object, "forks_count", &forks, NULL) ||
      !_trib_json_int (object, "open_issues_count", &issues, NULL))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "star_count", _("a whole number")));
      return;
    }
  if (!_trib_json_string (object, "web_url", &web_url) ||
      !_trib_json_string (object, "created_at", &created) ||
      !_trib_json_string (object, "last_activity_at", &activity) ||
      !_trib_json_string (object, "default_branch", &branch) ||
      !_trib_json_bool (object, "archived", &stats->archived))
    {
      _trib_forge_fetch_fail (fetch, _trib_forge_bad_field (fetch, response->url, "created_at", _("text")));
      return;
    }

  stats->stars = (int) MIN (stars, G_MAXINT);
  stats->forks = (int) MIN (forks, G_MAXINT);
  stats->open_issues = (int) MIN (issues, G_MAXINT);
  stats->created = _trib_forge_date (created);
  stats->last_push = _trib_forge_datetime (activity);
  stats->default_branch = g_strdup (branch);
  stats->web_url = g_strdup (web_url);
  license = json_object_get_member (object, "license");
  if (license != NULL && JSON_NODE_HOLDS_OBJECT (license))
    {
      const char *key = NULL;

      if (_trib_json_string (json_node_get_object (license), "key", &key) && key != NULL)
        stats->license = g_strdup (spdx_of (key));
    }

  fetch->unchanged = response->not_modified;
  /* By id from here on: it survives a rename or a move to another group. */
  g_free (fetch->repo_api);
  fetch->repo_api = g_strdup_printf ("%s/projects/%" G_GINT64_FORMAT,
                                     trib_forge_client_get_base_url (fetch->client), id);
  stats->source = g_strdup (fetch->repo_api);

  url = g_strconcat (fetch->repo_api, "/repository/contributors?per_page=100", NULL);
  fetch->pages = 0;
  _trib_forge_fetch_get (fetch, url, 0, contributors_step);
}

static void
gitlab_start (TribForgeClient *self,
              TribForgeFetch  *fetch)
{
  g_autofree char *url = g_strconcat (fetch->repo_api, "?license=true", NULL);

  _trib_forge_fetch_get (fetch, url, 0, project_step);
}

static void
_trib_gitlab_client_class_init (TribGitlabClientClass *klass)
{
  TribForgeClientClass *client_class = TRIB_FORGE_CLIENT_CLASS (klass);

  client_class->api_url = gitlab_api_url;
  client_class->start = gitlab_start;
}

static void
_trib_gitlab_client_init (TribGitlabClient *self)
{
}
