/* trib-forge-service.c: the application's one way to the forges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application (or the command line) owns one TribForgeService: one
 * HTTP session, one cache, the API addresses and the tokens. A refresh
 * (TribForgeRefresh) borrows it.
 *
 * API addresses: the public ones unless set, and TRIBUTARY_GITHUB_API /
 * TRIBUTARY_GITLAB_API in the environment override what was set.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <string.h>

#include "trib-forge-service.h"

struct _TribForgeService
{
  GObject               parent_instance;

  TribForgeHttp        *http;
  char                 *api[3];
  char                 *env_api[3];
  char                 *token[3];
  TribForgeClient      *clients[3];
  gint64                now;
  TribForgeSummaryFunc  summary;
  gpointer              summary_data;
};

G_DEFINE_FINAL_TYPE (TribForgeService, trib_forge_service, G_TYPE_OBJECT)

static void
trib_forge_service_finalize (GObject *object)
{
  TribForgeService *self = TRIB_FORGE_SERVICE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->api); i++)
    {
      g_free (self->api[i]);
      g_free (self->env_api[i]);
      if (self->token[i] != NULL)
        memset (self->token[i], 0, strlen (self->token[i]));
      g_free (self->token[i]);
      g_clear_object (&self->clients[i]);
    }
  g_clear_object (&self->http);

  G_OBJECT_CLASS (trib_forge_service_parent_class)->finalize (object);
}

static void
trib_forge_service_class_init (TribForgeServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_forge_service_finalize;
}

static void
trib_forge_service_init (TribForgeService *self)
{
  self->env_api[TRIB_FORGE_GITHUB] = g_strdup (g_getenv ("TRIBUTARY_GITHUB_API"));
  self->env_api[TRIB_FORGE_GITLAB] = g_strdup (g_getenv ("TRIBUTARY_GITLAB_API"));
}

/**
 * trib_forge_service_new:
 * @cache_dir: (nullable): where HTTP answers are cached; %NULL for
 *   "tributary/http" in the user's cache folder
 *
 * Returns: (transfer full): a service
 */
TribForgeService *
trib_forge_service_new (const char *cache_dir)
{
  TribForgeService *self = g_object_new (TRIB_TYPE_FORGE_SERVICE, NULL);
  g_autofree char *dir = cache_dir != NULL ? g_strdup (cache_dir)
                                           : g_build_filename (g_get_user_cache_dir (), "tributary", "http", NULL);

  self->http = trib_forge_http_new (dir);
  return self;
}

/** trib_forge_service_get_http: Returns: (transfer none): the one HTTP session */
TribForgeHttp *
trib_forge_service_get_http (TribForgeService *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_SERVICE (self), NULL);
  return self->http;
}

/**
 * trib_forge_service_get_api_url:
 * @self: a service
 * @forge: GitHub or GitLab
 *
 * Returns: (nullable): the API address used for @forge: the environment's,
 *   else the one set, else the public one
 */
const char *
trib_forge_service_get_api_url (TribForgeService *self,
                                TribForge         forge)
{
  g_return_val_if_fail (TRIB_IS_FORGE_SERVICE (self), NULL);

  if (forge != TRIB_FORGE_GITHUB && forge != TRIB_FORGE_GITLAB)
    return NULL;
  if (self->env_api[forge] != NULL && *self->env_api[forge] != '\0')
    return self->env_api[forge];
  if (self->api[forge] != NULL && *self->api[forge] != '\0')
    return self->api[forge];
  return trib_forge_default_api_url (forge);
}

/**
 * trib_forge_service_set_api_url:
 * @self: a service
 * @forge: GitHub or GitLab
 * @url: (nullable): the API address (a setting, or --github-api); %NULL for
 *   the public one
 *
 * Sets the API address of @forge. An address given on the command line
 * goes through here too and wins over the environment.
 */
void
trib_forge_service_set_api_url (TribForgeService *self,
                                TribForge         forge,
                                const char       *url)
{
  g_return_if_fail (TRIB_IS_FORGE_SERVICE (self));
  g_return_if_fail (forge == TRIB_FORGE_GITHUB || forge == TRIB_FORGE_GITLAB);

  /* The token follows the forge to its new host. */
  trib_forge_http_set_token (self->http, trib_forge_service_get_api_url (self, forge), NULL);
  g_free (self->api[forge]);
  self->api[forge] = g_strdup (url);
  g_clear_object (&self->clients[forge]);
  trib_forge_http_set_token (self->http, trib_forge_service_get_api_url (self, forge), self->token[forge]);
}

/**
 * trib_forge_service_set_token:
 * @self: a service
 * @forge: GitHub or GitLab
 * @token: (nullable): the token; %NULL or "" for anonymous access
 *
 * Sends @token with requests to the API host of @forge, and nowhere else.
 * The service keeps it in memory only.
 */
void
trib_forge_service_set_token (TribForgeService *self,
                              TribForge         forge,
                              const char       *token)
{
  g_return_if_fail (TRIB_IS_FORGE_SERVICE (self));
  g_return_if_fail (forge == TRIB_FORGE_GITHUB || forge == TRIB_FORGE_GITLAB);

  trib_forge_http_set_token (self->http, trib_forge_service_get_api_url (self, forge), token);
  g_free (self->token[forge]);
  self->token[forge] = token != NULL && *token != '\0' ? g_strdup (token) : NULL;
}

/** trib_forge_service_has_token: Returns: whether a token is set for @forge */
gboolean
trib_forge_service_has_token (TribForgeService *self,
                              TribForge         forge)
{
  g_return_val_if_fail (TRIB_IS_FORGE_SERVICE (self), FALSE);
  return (forge == TRIB_FORGE_GITHUB || forge == TRIB_FORGE_GITLAB) && self->token[forge] != NULL;
}

/**
 * trib_forge_service_use_environment:
 * @self: a service
 *
 * Takes the tokens from GITHUB_TOKEN and GITLAB_TOKEN, as the command
 * line does. Call it after the API addresses are final: a token goes to
 * the host that is then set.
 */
void
trib_forge_service_use_environment (TribForgeService *self)
{
  const char *github = g_getenv ("GITHUB_TOKEN");
  const char *gitlab = g_getenv ("GITLAB_TOKEN");

  g_return_if_fail (TRIB_IS_FORGE_SERVICE (self));

  if (github != NULL && *github != '\0')
    trib_forge_service_set_token (self, TRIB_FORGE_GITHUB, github);
  if (gitlab != NULL && *gitlab != '\0')
    trib_forge_service_set_token (self, TRIB_FORGE_GITLAB, gitlab);
}

/**
 * trib_forge_service_set_summary_func:
 * @self: a service
 * @func: turns a contributor list into a snapshot's figures
 * @user_data: for @func
 *
 * Sets how contributor lists are summarised (the engine's
 * trib_contributor_stats_compute(), given by the owner of the service).
 */
void
trib_forge_service_set_summary_func (TribForgeService     *self,
                                     TribForgeSummaryFunc  func,
                                     gpointer              user_data)
{
  g_return_if_fail (TRIB_IS_FORGE_SERVICE (self));
  self->summary = func;
  self->summary_data = user_data;
}

/**
 * trib_forge_service_set_now:
 * @self: a service
 * @now: Unix time fetches measure "the last year" from, and snapshots are
 *   taken at; 0 for the clock
 *
 * For reproducible tests and benchmarks.
 */
void
trib_forge_service_set_now (TribForgeService *self,
                            gint64            now)
{
  g_return_if_fail (TRIB_IS_FORGE_SERVICE (self));
  self->now = now;
  for (guint i = 0; i < G_N_ELEMENTS (self->clients); i++)
    if (self->clients[i] != NULL)
      trib_forge_client_set_now (self->clients[i], now);
}

/**
 * trib_forge_service_get_client:
 * @self: a service
 * @forge: a forge
 *
 * Returns: (transfer none) (nullable): the client of @forge, on the
 *   service's session and address; %NULL for a forge without one
 */
TribForgeClient *
trib_forge_service_get_client (TribForgeService *self,
                               TribForge         forge)
{
  g_return_val_if_fail (TRIB_IS_FORGE_SERVICE (self), NULL);

  if (forge != TRIB_FORGE_GITHUB && forge != TRIB_FORGE_GITLAB)
    return NULL;
  if (self->clients[forge] == NULL)
    {
      self->clients[forge] = trib_forge_client_new (forge, self->http,
                                                    trib_forge_service_get_api_url (self, forge));
      trib_forge_client_set_now (self->clients[forge], self->now);
    }
  return self->clients[forge];
}

/* Fills the contributor figures of @snapshot from @stats. */
void
_trib_forge_service_summarize (TribForgeService   *self,
                               TribForgeStats     *stats,
                               TribForge           forge,
                               const char * const *team_handles,
                               TribStatsSnapshot  *snapshot)
{
  if (self->summary != NULL)
    self->summary ((const TribForgeContributor *) (gpointer) stats->contributors->data,
                   stats->contributors->len, forge, team_handles, snapshot, self->summary_data);
  else
    trib_entity_set_int (TRIB_ENTITY (snapshot), "contributors", (int) stats->contributors->len, NULL);
}
