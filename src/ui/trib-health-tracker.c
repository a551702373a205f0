/* trib-health-tracker.c: a window's health scores and its refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per window, kept on its page context: the Upstreams page, the
 * Overview and the window's Refresh action share it. It computes scores
 * lazily and forgets them when snapshots, upstreams or the plan's weights
 * change; it runs one refresh at a time through the application's one
 * forge service (created here on first use, configured from the settings
 * and the secret store), and it remembers which upstreams failed.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trib-forge-tokens.h"
#include "trib-health-tracker.h"

struct _TribHealthTracker
{
  GObject            parent_instance;

  TribPageContext   *context;   /* weak: it owns us */
  TribPlan          *plan;
  TribForgeService  *service;
  GHashTable        *entries;   /* upstream id → TribHealthEntry */
  TribForgeRefresh  *refresh;
  GCancellable      *cancellable;
  GPtrArray         *failures;  /* "name: reason" */
  GPtrArray         *pending;   /* upstreams of a refresh waiting for the tokens */
  gboolean           waiting;
  guint              invalidate_id;
};

enum { PROP_0, PROP_REFRESH, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TribHealthTracker, trib_health_tracker, G_TYPE_OBJECT)

/* The engine's contributor list and the forge's are the same records. */
G_STATIC_ASSERT (sizeof (TribForgeContributor) == sizeof (TribContributor));

static void
entry_free (gpointer data)
{
  TribHealthEntry *entry = data;

  trib_health_free (entry->health);
  g_free (entry->taken_at);
  g_free (entry);
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

static void
apply_settings (GSettings        *settings,
                const char       *key,
                TribForgeService *service)
{
  g_autofree char *github = g_settings_get_string (settings, "github-api");
  g_autofree char *gitlab = g_settings_get_string (settings, "gitlab-api");

  if (*github == '\0' || trib_forge_url_is_allowed (github, NULL))
    trib_forge_service_set_api_url (service, TRIB_FORGE_GITHUB, *github ? github : NULL);
  if (*gitlab == '\0' || trib_forge_url_is_allowed (gitlab, NULL))
    trib_forge_service_set_api_url (service, TRIB_FORGE_GITLAB, *gitlab ? gitlab : NULL);
  trib_forge_http_set_max_per_host (trib_forge_service_get_http (service),
                                    (guint) g_settings_get_int (settings, "forge-concurrency"));
  trib_forge_http_set_timeout (trib_forge_service_get_http (service),
                               (guint) g_settings_get_int (settings, "forge-timeout"));
  trib_forge_http_set_stop_on_rate_limit (trib_forge_service_get_http (service),
                                          g_settings_get_boolean (settings, "stop-on-rate-limit"));
}

/* The application's one service, made on first use. */
static TribForgeService *
application_service (void)
{
  GApplication *app = g_application_get_default ();
  TribForgeService *service;
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchema *schema;

  service = app != NULL ? g_object_get_data (G_OBJECT (app), "trib-forge-service") : NULL;
  if (service != NULL)
    return g_object_ref (service);

  service = trib_forge_service_new (NULL);
  trib_forge_service_set_summary_func (service, summarize, NULL);
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), BASE_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "github-api"))
    {
      settings = g_settings_new (BASE_ID);
      apply_settings (settings, NULL, service);
      /* Changed in Preferences: applied to the next request. */
      g_signal_connect_object (settings, "changed", G_CALLBACK (apply_settings), service, G_CONNECT_DEFAULT);
      g_object_set_data_full (G_OBJECT (service), "trib-settings", g_object_ref (settings), g_object_unref);
    }
  g_clear_pointer (&schema, g_settings_schema_unref);

  if (app != NULL)
    g_object_set_data_full (G_OBJECT (app), "trib-forge-service", g_object_ref (service), g_object_unref);
  return service;
}

static void
invalidate (TribHealthTracker *self)
{
  g_hash_table_remove_all (self->entries);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
invalidate_cb (gpointer data)
{
  TribHealthTracker *self = data;

  self->invalidate_id = 0;
  invalidate (self);
  return G_SOURCE_REMOVE;
}

/* A refresh records an upstream at a time: the scores are recomputed (and
 * the table re-sorted) at most four times a second, not after each. */
static void
on_plan_changes_cb (TribPlan          *plan,
                    guint              changes,
                    TribHealthTracker *self)
{
  if ((changes & (TRIB_PLAN_CHANGE_INFO | TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_STATS_SNAPSHOT)) &&
      self->invalidate_id == 0)
    self->invalidate_id = g_timeout_add (250, invalidate_cb, self);
}

static void
trib_health_tracker_dispose (GObject *object)
{
  TribHealthTracker *self = TRIB_HEALTH_TRACKER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->invalidate_id, g_source_remove);
  g_clear_object (&self->refresh);
  g_clear_object (&self->cancellable);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (trib_health_tracker_parent_class)->dispose (object);
}

static void
trib_health_tracker_finalize (GObject *object)
{
  TribHealthTracker *self = TRIB_HEALTH_TRACKER (object);

  g_hash_table_unref (self->entries);
  g_ptr_array_unref (self->failures);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (trib_health_tracker_parent_class)->finalize (object);
}

static void
trib_health_tracker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribHealthTracker *self = TRIB_HEALTH_TRACKER (object);

  switch (prop_id)
    {
    case PROP_REFRESH:
      g_value_set_object (value, self->refresh);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_health_tracker_class_init (TribHealthTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_health_tracker_dispose;
  object_class->finalize = trib_health_tracker_finalize;
  object_class->get_property = trib_health_tracker_get_property;

  /**
   * TribHealthTracker:refresh:
   *
   * The refresh under way or last run, %NULL before the first.
   */
  properties[PROP_REFRESH] = g_param_spec_object ("refresh", NULL, NULL, TRIB_TYPE_FORGE_REFRESH,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribHealthTracker::changed:
   *
   * Scores may have changed: look them up again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trib_health_tracker_init (TribHealthTracker *self)
{
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, entry_free);
  self->failures = g_ptr_array_new_with_free_func (g_free);
}

/**
 * trib_health_tracker_get:
 * @context: a window's page context
 *
 * Returns: (transfer none): the window's tracker, made on first use
 */
TribHealthTracker *
trib_health_tracker_get (TribPageContext *context)
{
  TribHealthTracker *self;

  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);

  self = g_object_get_data (G_OBJECT (context), "trib-health-tracker");
  if (self != NULL)
    return self;

  self = g_object_new (TRIB_TYPE_HEALTH_TRACKER, NULL);
  self->context = context;
  self->plan = g_object_ref (trib_page_context_get_plan (context));
  if (TRIB_IS_FORGE_SERVICE (trib_page_context_get_forge_service (context)))
    self->service = g_object_ref (TRIB_FORGE_SERVICE (trib_page_context_get_forge_service (context)));
  else
    {
      self->service = application_service ();
      trib_page_context_set_forge_service (context, G_OBJECT (self->service));
    }
  g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changes_cb), self);
  g_object_set_data_full (G_OBJECT (context), "trib-health-tracker", self, g_object_unref);
  return self;
}

/** trib_health_tracker_get_service: Returns: (transfer none): the forge service the tracker refreshes through */
TribForgeService *
trib_health_tracker_get_service (TribHealthTracker *self)
{
  g_return_val_if_fail (TRIB_IS_HEALTH_TRACKER (self), NULL);
  return self->service;
}

/**
 * trib_health_tracker_lookup:
 * @self: a tracker
 * @upstream: an upstream of the plan
 *
 * Returns: (transfer none): the upstream's health, valid until
 *   #TribHealthTracker::changed
 */
const TribHealthEntry *
trib_health_tracker_lookup (TribHealthTracker *self,
                            TribUpstream      *upstream)
{
  gint64 id = trib_entity_get_id (TRIB_ENTITY (upstream));
  TribHealthEntry *entry = g_hash_table_lookup (self->entries, &id);
  g_autoptr(GError) error = NULL;

  if (entry != NULL)
    return entry;

  entry = g_new0 (TribHealthEntry, 1);
  entry->health = trib_health_of_upstream (self->plan, upstream, &entry->trend, &entry->has_trend, &error);
  if (error != NULL)
    g_debug ("Could not read the snapshots of %s: %s", trib_upstream_get_name (upstream), error->message);
  if (entry->health != NULL)
    {
      TribStatsSnapshot *latest = trib_plan_get_latest_snapshot (self->plan, upstream, NULL);
      TribHealthInput input;

      if (latest != NULL)
        {
          trib_health_input_from_snapshot (&input, latest, entry->weeks, G_N_ELEMENTS (entry->weeks));
          entry->n_weeks = input.n_weekly_commits;
          entry->taken_at = g_strdup (trib_stats_snapshot_get_taken_at (latest));
        }
    }
  g_hash_table_insert (self->entries, g_memdup2 (&id, sizeof id), entry);
  return entry;
}

/**
 * trib_health_tracker_count:
 * @self: a tracker
 * @ratings: (out caller-allocates): upstreams failing, at risk and healthy
 * @without: (out): upstreams without statistics
 *
 * Counts the plan's upstreams by rating, for the Overview.
 */
void
trib_health_tracker_count (TribHealthTracker *self,
                           guint              ratings[3],
                           guint             *without)
{
  GListModel *upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);

  ratings[0] = ratings[1] = ratings[2] = 0;
  *without = 0;
  for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
    {
      g_autoptr(TribUpstream) upstream = g_list_model_get_item (upstreams, i);
      const TribHealthEntry *entry = trib_health_tracker_lookup (self, upstream);

      if (entry->health == NULL)
        (*without)++;
      else
        ratings[trib_health_rate (entry->health->score)]++;
    }
}

static void
on_upstream_finished_cb (TribForgeRefresh  *refresh,
                         TribUpstream      *upstream,
                         int                outcome,
                         const char        *message,
                         TribHealthTracker *self)
{
  if (outcome == TRIB_FORGE_OUTCOME_FAILED && message != NULL)
    /* Translators: an upstream's name, then why its refresh failed */
    g_ptr_array_add (self->failures, g_strdup_printf (_("%s: %s"), trib_upstream_get_name (upstream), message));
}

static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(TribHealthTracker) self = data;
  g_autoptr(GError) error = NULL;

  if (!trib_forge_refresh_run_finish (TRIB_FORGE_REFRESH (source), result, &error))
    g_debug ("Refresh: %s", error->message);
  g_clear_object (&self->cancellable);
  invalidate (self);
}

static void start_refresh (TribHealthTracker *self,
                           GPtrArray         *upstreams);

/* The tokens are read from the secret store before the first refresh
 * (not before: a window that never refreshes never wakes the store),
 * GitHub's then GitLab's. */
static void
on_token_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(TribHealthTracker) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = trib_forge_token_lookup_finish (result, &error);
  TribForge forge = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->service), "trib-token-forge"));

  if (error != NULL)
    g_debug ("No token from the secret store: %s", error->message);
  if (token != NULL && !trib_forge_service_has_token (self->service, forge))
    trib_forge_service_set_token (self->service, forge, token);
  if (token != NULL)
    memset (token, 0, strlen (token));
  if (forge == TRIB_FORGE_GITHUB)
    {
      g_object_set_data (G_OBJECT (self->service), "trib-token-forge", GINT_TO_POINTER (TRIB_FORGE_GITLAB));
      trib_forge_token_lookup_async (TRIB_FORGE_GITLAB, NULL, on_token_cb, g_object_ref (self));
      return;
    }
  g_object_set_data (G_OBJECT (self->service), "trib-tokens-read", GINT_TO_POINTER (TRUE));
  self->waiting = FALSE;
  if (self->plan != NULL)
    {
      g_autoptr(GPtrArray) upstreams = g_steal_pointer (&self->pending);
      start_refresh (self, upstreams);
    }
}

static void
start_refresh (TribHealthTracker *self,
               GPtrArray         *upstreams)
{
  g_clear_object (&self->refresh);
  g_ptr_array_set_size (self->failures, 0);
  self->refresh = trib_forge_refresh_new (self->service, self->plan, upstreams);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->refresh, "upstream-finished", G_CALLBACK (on_upstream_finished_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH]);
  trib_forge_refresh_run_async (self->refresh, self->cancellable, on_refreshed_cb, g_object_ref (self));
}

/**
 * trib_health_tracker_refresh:
 * @self: a tracker
 * @upstreams: (nullable) (element-type TribUpstream): the upstreams; %NULL
 *   for all
 *
 * Starts a refresh unless one is under way (after reading the tokens from
 * the secret store, the first time).
 *
 * Returns: whether one was started
 */
gboolean
trib_health_tracker_refresh (TribHealthTracker *self,
                             GPtrArray         *upstreams)
{
  g_return_val_if_fail (TRIB_IS_HEALTH_TRACKER (self), FALSE);

  if ((self->refresh != NULL && trib_forge_refresh_get_running (self->refresh)) || self->waiting)
    return FALSE;
  if (trib_plan_is_read_only (self->plan))
    return FALSE;

  if (g_object_get_data (G_OBJECT (self->service), "trib-tokens-read") == NULL &&
      g_getenv ("TRIBUTARY_NO_SECRETS") == NULL)
    {
      self->waiting = TRUE;
      self->pending = upstreams != NULL ? g_ptr_array_ref (upstreams) : NULL;
      g_object_set_data (G_OBJECT (self->service), "trib-token-forge", GINT_TO_POINTER (TRIB_FORGE_GITHUB));
      trib_forge_token_lookup_async (TRIB_FORGE_GITHUB, NULL, on_token_cb, g_object_ref (self));
      return TRUE;
    }
  start_refresh (self, upstreams);
  return TRUE;
}

/** trib_health_tracker_cancel: stops the refresh under way, if any; what was recorded stays */
void
trib_health_tracker_cancel (TribHealthTracker *self)
{
  g_return_if_fail (TRIB_IS_HEALTH_TRACKER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/** trib_health_tracker_get_refresh: Returns: (transfer none) (nullable): the refresh under way or last run */
TribForgeRefresh *
trib_health_tracker_get_refresh (TribHealthTracker *self)
{
  g_return_val_if_fail (TRIB_IS_HEALTH_TRACKER (self), NULL);
  return self->refresh;
}

/** trib_health_tracker_get_failures: Returns: (transfer none) (element-type utf8): the failures of the last refresh */
GPtrArray *
trib_health_tracker_get_failures (TribHealthTracker *self)
{
  g_return_val_if_fail (TRIB_IS_HEALTH_TRACKER (self), NULL);
  return self->failures;
}
