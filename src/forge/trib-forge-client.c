/* trib-forge-client.c: what a forge says about one repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TribForgeClient is the one interface the refresh uses; TribGithubClient
 * (REST v3) and TribGitlabClient (REST v4) fill in how each forge's
 * answers read. A fetch is a chain of requests through the shared
 * TribForgeHttp: each step gets one answer and asks for the next.
 *
 * The repository's own answer comes first. When it is 304 (no push, no
 * new star, nothing changed), the contributor, release and commit answers
 * are read from the cache without asking: they change only with the
 * repository. A second refresh of unchanged upstreams then costs one
 * request each.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trib-forge-client-private.h"
#include "trib-forge-error.h"

typedef struct
{
  TribForgeHttp *http;
  char          *base_url;
  gint64         now;
} TribForgeClientPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TribForgeClient, trib_forge_client, G_TYPE_OBJECT)

static void
contributor_clear (gpointer data)
{
  TribForgeContributor *c = data;

  g_free (c->handle);
  g_free (c->email);
}

/**
 * trib_forge_stats_free:
 * @stats: (nullable): statistics
 *
 * Frees @stats.
 */
void
trib_forge_stats_free (TribForgeStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->source);
  g_free (stats->web_url);
  g_free (stats->created);
  g_free (stats->last_push);
  g_free (stats->license);
  g_free (stats->default_branch);
  g_clear_pointer (&stats->contributors, g_array_unref);
  g_free (stats->contributors_note);
  g_free (stats->last_release);
  g_clear_pointer (&stats->weekly_commits, g_array_unref);
  g_free (stats->commits_note);
  g_free (stats);
}

static void
fetch_free (TribForgeFetch *fetch)
{
  g_clear_object (&fetch->client);
  g_clear_pointer (&fetch->stats, trib_forge_stats_free);
  g_free (fetch->repo_api);
  g_free (fetch);
}

void
_trib_forge_fetch_fail (TribForgeFetch *fetch,
                        GError         *error)
{
  GTask *task = fetch->task;

  g_task_return_error (task, error);
  g_object_unref (task);
}

void
_trib_forge_fetch_done (TribForgeFetch *fetch)
{
  GTask *task = fetch->task;

  fetch->stats->not_modified = fetch->all_cached;
  g_task_return_pointer (task, g_steal_pointer (&fetch->stats), (GDestroyNotify) trib_forge_stats_free);
  g_object_unref (task);
}

GError *
_trib_forge_bad_field (TribForgeFetch *fetch,
                       const char     *url,
                       const char     *field,
                       const char     *expected)
{
  return g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE,
                      _("The answer from %s is not what %s documents: “%s” should be %s."),
                      url, trib_forge_client_get_name (fetch->client), field, expected);
}

static void
on_response_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  TribForgeFetch *fetch = data;
  g_autoptr(TribForgeResponse) response = NULL;
  GError *error = NULL;

  response = trib_forge_http_get_finish (TRIB_FORGE_HTTP (source), result, &error);
  if (response == NULL)
    {
      _trib_forge_fetch_fail (fetch, error);
      return;
    }
  fetch->all_cached &= response->not_modified;
  fetch->step (fetch, response);
}

void
_trib_forge_fetch_get (TribForgeFetch        *fetch,
                       const char            *url,
                       TribForgeRequestFlags  flags,
                       TribForgeStep          step)
{
  TribForgeClientPrivate *priv = trib_forge_client_get_instance_private (fetch->client);

  fetch->step = step;
  if (fetch->unchanged)
    flags |= TRIB_FORGE_REQUEST_CACHE_ONLY;
  trib_forge_http_get_async (priv->http, url, flags, g_task_get_cancellable (fetch->task),
                             on_response_cb, fetch);
}

gboolean
_trib_json_int (JsonObject *object,
                const char *name,
                gint64     *value,
                gboolean   *present)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = 0;
  if (present != NULL)
    *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  if (present != NULL)
    *present = TRUE;
  return *value >= 0;
}

gboolean
_trib_json_string (JsonObject  *object,
                   const char  *name,
                   const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
_trib_json_bool (JsonObject *object,
                 const char *name,
                 gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Unix time of an ISO 8601 time as the forges write them, 0 if it is none. */
gint64
_trib_forge_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return 0;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static char *
format_time (const char *text,
             const char *format)
{
  gint64 unix_time = _trib_forge_parse_time (text);
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return NULL;
  time = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_format (time, format);
}

char *
_trib_forge_date (const char *text)
{
  return format_time (text, "%Y-%m-%d");
}

char *
_trib_forge_datetime (const char *text)
{
  return format_time (text, "%Y-%m-%dT%H:%M:%SZ");
}

void
_trib_forge_add_contributor (TribForgeStats *stats,
                             const char     *handle,
                             const char     *email,
                             gint64          contributions)
{
  TribForgeContributor c = { g_strdup (handle), g_strdup (email), contributions };

  g_array_append_val (stats->contributors, c);
}

/* Counts a release published at @published if it is of the last 365 days. */
void
_trib_forge_count_release (TribForgeFetch *fetch,
                           const char     *published)
{
  gint64 when = _trib_forge_parse_time (published);
  g_autofree char *date = NULL;

  if (when == 0 || when > fetch->now)
    return;
  date = _trib_forge_date (published);
  if (fetch->stats->last_release == NULL || strcmp (date, fetch->stats->last_release) > 0)
    {
      g_free (fetch->stats->last_release);
      fetch->stats->last_release = g_strdup (date);
    }
  if (fetch->now - when <= 365 * 24 * 3600)
    fetch->stats->releases_last_year++;
}

static void
trib_forge_client_finalize (GObject *object)
{
  TribForgeClientPrivate *priv = trib_forge_client_get_instance_private (TRIB_FORGE_CLIENT (object));

  g_clear_object (&priv->http);
  g_free (priv->base_url);

  G_OBJECT_CLASS (trib_forge_client_parent_class)->finalize (object);
}

static void
trib_forge_client_class_init (TribForgeClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_forge_client_finalize;
}

static void
trib_forge_client_init (TribForgeClient *self)
{
}

/**
 * trib_forge_default_api_url:
 * @forge: a forge
 *
 * Returns: (nullable): the public API address of @forge
 */
const char *
trib_forge_default_api_url (TribForge forge)
{
  switch (forge)
    {
    case TRIB_FORGE_GITHUB:
      return "https://api.github.com";
    case TRIB_FORGE_GITLAB:
      return "https://gitlab.com/api/v4";
    case TRIB_FORGE_NONE:
    default:
      return NULL;
    }
}

/**
 * trib_forge_client_new:
 * @forge: GitHub or GitLab
 * @http: the session to fetch through
 * @base_url: (nullable): the API address ("https://api.github.com",
 *   "https://gitlab.example.org/api/v4"); %NULL for the public one
 *
 * Returns: (transfer full) (nullable): a client, or %NULL for a forge
 *   without one
 */
TribForgeClient *
trib_forge_client_new (TribForge      forge,
                       TribForgeHttp *http,
                       const char    *base_url)
{
  TribForgeClient *self;
  TribForgeClientPrivate *priv;
  GType type;

  g_return_val_if_fail (TRIB_IS_FORGE_HTTP (http), NULL);

  if (forge == TRIB_FORGE_GITHUB)
    type = _trib_github_client_get_type ();
  else if (forge == TRIB_FORGE_GITLAB)
    type = _trib_gitlab_client_get_type ();
  else
    return NULL;

  self = g_object_new (type, NULL);
  priv = trib_forge_client_get_instance_private (self);
  priv->http = g_object_ref (http);
  priv->base_url = g_strdup (base_url != NULL && *base_url != '\0' ? base_url
                                                                   : trib_forge_default_api_url (forge));
  while (g_str_has_suffix (priv->base_url, "/"))
    priv->base_url[strlen (priv->base_url) - 1] = '\0';
  return self;
}

/** trib_forge_client_get_http: Returns: (transfer none): the session the client fetches through */
TribForgeHttp *
trib_forge_client_get_http (TribForgeClient *self)
{
  TribForgeClientPrivate *priv = trib_forge_client_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_FORGE_CLIENT (self), NULL);
  return priv->http;
}

/** trib_forge_client_get_base_url: Returns: the API address, without a trailing slash */
const char *
trib_forge_client_get_base_url (TribForgeClient *self)
{
  TribForgeClientPrivate *priv = trib_forge_client_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_FORGE_CLIENT (self), NULL);
  return priv->base_url;
}

/** trib_forge_client_get_name: Returns: "GitHub" or "GitLab" */
const char *
trib_forge_client_get_name (TribForgeClient *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_CLIENT (self), NULL);
  return G_TYPE_FROM_INSTANCE (self) == _trib_github_client_get_type () ? "GitHub" : "GitLab";
}

/**
 * trib_forge_client_set_now:
 * @self: a client
 * @now: Unix time that "the last 365 days" end at; 0 for the clock
 *
 * Fixes the time a fetch measures from, for reproducible results.
 */
void
trib_forge_client_set_now (TribForgeClient *self,
                           gint64           now)
{
  TribForgeClientPrivate *priv = trib_forge_client_get_instance_private (self);

  g_return_if_fail (TRIB_IS_FORGE_CLIENT (self));
  priv->now = now;
}

/** trib_forge_client_get_now: Returns: the time fetches measure from (the clock's if not fixed) */
gint64
trib_forge_client_get_now (TribForgeClient *self)
{
  TribForgeClientPrivate *priv = trib_forge_client_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_FORGE_CLIENT (self), 0);
  return priv->now != 0 ? priv->now : g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * trib_forge_client_fetch_async:
 * @self: a client
 * @repository: the repository's web address ("https://github.com/owner/name")
 * @cancellable: (nullable): stops the fetch
 * @callback: called with the statistics
 * @user_data: for @callback
 *
 * Fetches the repository's metadata, every contributor page, the releases
 * of the last 365 days and the weekly commit counts of 52 weeks.
 */
void
trib_forge_client_fetch_async (TribForgeClient     *self,
                               const char          *repository,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TribForgeFetch *fetch;
  GError *error = NULL;
  char *api;

  g_return_if_fail (TRIB_IS_FORGE_CLIENT (self));
  g_return_if_fail (repository != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_forge_client_fetch_async);

  api = TRIB_FORGE_CLIENT_GET_CLASS (self)->api_url (self, repository, &error);
  if (api == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  fetch = g_new0 (TribForgeFetch, 1);
  fetch->client = g_object_ref (self);
  fetch->task = g_object_ref (task);
  fetch->repo_api = api;
  fetch->all_cached = TRUE;
  fetch->now = trib_forge_client_get_now (self);
  fetch->stats = g_new0 (TribForgeStats, 1);
  fetch->stats->contributors = g_array_new (FALSE, TRUE, sizeof (TribForgeContributor));
  g_array_set_clear_func (fetch->stats->contributors, contributor_clear);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  TRIB_FORGE_CLIENT_GET_CLASS (self)->start (self, fetch);
}

/**
 * trib_forge_client_fetch_finish:
 * @self: a client
 * @result: the result
 * @error: a #TRIB_FORGE_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the statistics
 */
TribForgeStats *
trib_forge_client_fetch_finish (TribForgeClient  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
