/* trib-forge-refresh.c: one refresh of a plan's upstreams, with its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refresh fetches its upstreams through the service's clients, a few at
 * a time (the session's per-host limit keeps the hosts' load in check; the
 * number of upstreams in flight only keeps the progress even), and records
 * the outcomes on the main thread that owns the plan, through the core's
 * path for fetched data: a new snapshot, or the error on the upstream with
 * its previous snapshot left in place, and the new address of a repository
 * the forge now names differently. Outcomes are written in batches, at
 * most four times a second (one transaction each, one change signal each:
 * a window redraws once per batch, not once per upstream), and the whole
 * refresh is one undo step. Cancelling stops what is in flight; what had
 * arrived is recorded, each upstream whole.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trib-forge-error.h"
#include "trib-forge-refresh.h"
#include "trib-rules.h"

struct _TribForgeRefresh
{
  GObject           parent_instance;

  TribForgeService *service;
  TribPlan         *plan;
  GPtrArray        *upstreams;   /* TribUpstream, those with a forge */
  GTask            *task;
  guint             next;
  guint             in_flight;
  guint             done;
  guint             failed;
  char             *current;
  gint64            waiting_until;
  gulong            rate_limited_id;
  GArray           *queue;       /* Pending, arrived but not yet recorded */
  guint             flush_id;
};

/* Outcomes are recorded this often, or sooner when this many wait. */
#define FLUSH_INTERVAL_MS 250
#define FLUSH_MAX         64

typedef struct
{
  TribUpstream      *upstream;
  TribStatsSnapshot *snapshot;
  char              *error_message;
  char              *repository;
  TribForgeOutcome   outcome;
} Pending;

enum
{
  PROP_0,
  PROP_TOTAL,
  PROP_DONE,
  PROP_FAILED,
  PROP_CURRENT,
  PROP_WAITING_UNTIL,
  PROP_RUNNING,
  N_PROPS
};

enum { UPSTREAM_FINISHED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TribForgeRefresh, trib_forge_refresh, G_TYPE_OBJECT)

typedef struct
{
  TribForgeRefresh *refresh;
  TribUpstream     *upstream;
  TribForge         forge;
} Job;

static void start_next (TribForgeRefresh *self);

static TribForge
forge_of (TribUpstream *upstream)
{
  TribForge forge = trib_upstream_get_forge (upstream);

  if (forge == TRIB_FORGE_NONE && trib_upstream_get_repository (upstream) != NULL)
    forge = trib_forge_from_url (trib_upstream_get_repository (upstream));
  return forge;
}

static GVariant *
weeks_variant (GArray *weeks)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("ax"));

  for (guint i = 0; i < weeks->len; i++)
    g_variant_builder_add (builder, "x", (gint64) g_array_index (weeks, int, i));
  return g_variant_builder_end (builder);
}

static gboolean
set_if (TribEntity *entity,
        const char *name,
        const char *value,
        GError    **error)
{
  return value == NULL || trib_entity_set_string (entity, name, value, error);
}

static TribStatsSnapshot *
snapshot_from_stats (TribForgeRefresh *self,
                     TribForgeStats   *stats,
                     TribForge         forge,
                     GError          **error)
{
  g_autoptr(TribStatsSnapshot) snapshot = trib_stats_snapshot_new ();
  TribEntity *e = TRIB_ENTITY (snapshot);
  TribForgeClient *client = trib_forge_service_get_client (self->service, forge);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (trib_forge_client_get_now (client));
  g_autofree char *taken_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  TribPlanInfo *info = trib_plan_get_info (self->plan);

  if (!trib_entity_set_string (e, "taken_at", taken_at, error) ||
      !trib_entity_set_int (e, "stars", stats->stars, error) ||
      !trib_entity_set_int (e, "forks", stats->forks, error) ||
      !trib_entity_set_int (e, "watchers", stats->watchers, error) ||
      !trib_entity_set_int (e, "open_issues", stats->open_issues, error) ||
      !set_if (e, "created", stats->created, error) ||
      !set_if (e, "last_push", stats->last_push, error) ||
      !trib_entity_set_bool (e, "archived", stats->archived, error) ||
      !set_if (e, "license", stats->license, error) ||
      !trib_entity_set_int (e, "releases_last_year", stats->releases_last_year, error) ||
      !set_if (e, "last_release", stats->last_release, error) ||
      !set_if (e, "source", stats->source, error) ||
      !set_if (e, "default_branch", stats->default_branch, error) ||
      !set_if (e, "contributors_note", stats->contributors_note, error) ||
      !set_if (e, "commits_note", stats->commits_note, error))
    return NULL;
  if (stats->weekly_commits != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_VARIANT);
      g_value_take_variant (&value, g_variant_ref_sink (weeks_variant (stats->weekly_commits)));
      if (!trib_entity_set_value (e, TRIB_STATS_SNAPSHOT_FIELD_WEEKLY_COMMITS, &value, error))
        return NULL;
    }
  _trib_forge_service_summarize (self->service, stats, forge,
                                 info != NULL ? trib_plan_info_get_team_handles (info) : NULL,
                                 snapshot);
  return g_steal_pointer (&snapshot);
}

static char *
normalize_url (const char *url)
{
  g_autofree char *text = g_ascii_strdown (url != NULL ? url : "", -1);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '/')
    text[--len] = '\0';
  if (g_str_has_suffix (text, ".git"))
    text[len - 4] = '\0';
  return g_steal_pointer (&text);
}

/* The forge's address for @upstream's repository when it differs from
 * the recorded one (a rename), else %NULL. */
static const char *
renamed_to (TribUpstream *upstream,
            const char   *web_url)
{
  g_autofree char *old = normalize_url (trib_upstream_get_repository (upstream));
  g_autofree char *new = normalize_url (web_url);

  if (web_url == NULL || strcmp (old, new) == 0 || !trib_forge_url_is_allowed (web_url, NULL))
    return NULL;
  return web_url;
}

/* The progress counts an upstream done when its answer arrived; it is
 * finished once its outcome is recorded. */
static void
count_done (TribForgeRefresh *self)
{
  self->done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

static void
finish_upstream (TribForgeRefresh *self,
                 TribUpstream     *upstream,
                 TribForgeOutcome  outcome,
                 const char       *message)
{
  if (outcome == TRIB_FORGE_OUTCOME_FAILED)
    {
      self->failed++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
    }
  g_signal_emit (self, signals[UPSTREAM_FINISHED], 0, upstream, outcome, message);
}

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->upstream);
  g_clear_object (&pending->snapshot);
  g_clear_pointer (&pending->error_message, g_free);
  g_clear_pointer (&pending->repository, g_free);
}

/* Records every outcome waiting, in one transaction, then tells each. */
static void
flush (TribForgeRefresh *self)
{
  g_autoptr(GArray) queue = NULL;
  g_autofree TribFetchOutcome *outcomes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->queue->len == 0)
    return;
  queue = g_steal_pointer (&self->queue);
  self->queue = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->queue, pending_clear);

  outcomes = g_new0 (TribFetchOutcome, queue->len);
  for (guint i = 0; i < queue->len; i++)
    {
      Pending *pending = &g_array_index (queue, Pending, i);

      outcomes[i].upstream = pending->upstream;
      outcomes[i].snapshot = pending->snapshot;
      outcomes[i].error_message = pending->error_message;
      outcomes[i].repository = pending->repository;
    }
  written = trib_plan_record_fetches (self->plan, outcomes, queue->len, &error);
  if (!written)
    g_debug ("Could not record the statistics of %u upstreams: %s", queue->len, error->message);

  for (guint i = 0; i < queue->len; i++)
    {
      Pending *pending = &g_array_index (queue, Pending, i);
      g_autofree char *message = NULL;
      TribForgeOutcome outcome = pending->outcome;

      if (!written)
        {
          outcome = TRIB_FORGE_OUTCOME_FAILED;
          /* Translators: the reason follows */
          message = g_strdup_printf (_("The statistics could not be recorded: %s"), error->message);
        }
      else if (outcomes[i].error != NULL)
        {
          outcome = TRIB_FORGE_OUTCOME_FAILED;
          message = g_strdup (trib_upstream_get_last_error (pending->upstream));
          if (message == NULL || trib_entity_get_plan (TRIB_ENTITY (pending->upstream)) != self->plan)
            {
              g_free (message);
              message = g_strdup (outcomes[i].error->message);
            }
        }
      else
        message = g_strdup (pending->error_message);
      g_clear_error (&outcomes[i].error);
      finish_upstream (self, pending->upstream, outcome, message);
    }
}

static gboolean
flush_cb (gpointer data)
{
  TribForgeRefresh *self = data;

  self->flush_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

/* Keeps an outcome for the next batch. */
static void
enqueue (TribForgeRefresh  *self,
         TribUpstream      *upstream,
         TribForgeOutcome   outcome,
         TribStatsSnapshot *snapshot,
         const char        *error_message,
         const char        *repository)
{
  Pending pending = {
    g_object_ref (upstream),
    snapshot != NULL ? g_object_ref (snapshot) : NULL,
    g_strdup (error_message),
    g_strdup (repository),
    outcome,
  };

  g_array_append_val (self->queue, pending);
  if (self->queue->len >= FLUSH_MAX)
    flush (self);
  else if (self->flush_id == 0)
    self->flush_id = g_timeout_add (FLUSH_INTERVAL_MS, flush_cb, self);
}

static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Job *job = data;
  TribForgeRefresh *self = job->refresh;
  g_autoptr(TribForgeStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = trib_forge_client_fetch_finish (TRIB_FORGE_CLIENT (source), result, &error);
  self->in_flight--;
  count_done (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Nothing is written for an upstream cut short. */
    finish_upstream (self, job->upstream, TRIB_FORGE_OUTCOME_FAILED, _("Cancelled"));
  else if (trib_entity_get_plan (TRIB_ENTITY (job->upstream)) != self->plan)
    finish_upstream (self, job->upstream, TRIB_FORGE_OUTCOME_FAILED,
                     _("The upstream was removed during the refresh."));
  else if (stats == NULL)
    enqueue (self, job->upstream, TRIB_FORGE_OUTCOME_FAILED, NULL, error->message, NULL);
  else if (stats->not_modified)
    enqueue (self, job->upstream, TRIB_FORGE_OUTCOME_NOT_MODIFIED, NULL, NULL, NULL);
  else
    {
      g_autoptr(GError) refused = NULL;
      g_autoptr(TribStatsSnapshot) snapshot = snapshot_from_stats (self, stats, job->forge, &refused);

      if (snapshot == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The statistics could not be recorded: %s"),
                                                      refused->message);
          enqueue (self, job->upstream, TRIB_FORGE_OUTCOME_FAILED, NULL, message, NULL);
        }
      else
        enqueue (self, job->upstream, TRIB_FORGE_OUTCOME_UPDATED, snapshot, NULL,
                 renamed_to (job->upstream, stats->web_url));
    }

  g_object_unref (job->upstream);
  g_free (job);
  start_next (self);
  g_object_unref (self);
}

static void
complete (TribForgeRefresh *self)
{
  GTask *task;

  /* What arrived is recorded, a cancelled refresh's too. */
  flush (self);
  trib_plan_end_fetches (self->plan);
  task = g_steal_pointer (&self->task);
  if (self->rate_limited_id != 0)
    {
      g_signal_handler_disconnect (trib_forge_service_get_http (self->service), self->rate_limited_id);
      self->rate_limited_id = 0;
    }
  self->waiting_until = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_UNTIL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The refresh was cancelled."));
  else if (self->failed > 0)
    g_task_return_new_error (task, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
                             g_dngettext (GETTEXT_PACKAGE, "%u upstream could not be refreshed.",
                                          "%u upstreams could not be refreshed.", self->failed),
                             self->failed);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
start_next (TribForgeRefresh *self)
{
  guint width = 2 * trib_forge_http_get_max_per_host (trib_forge_service_get_http (self->service)) + 2;
  GCancellable *cancellable = g_task_get_cancellable (self->task);

  while (self->in_flight < width && self->next < self->upstreams->len &&
         !g_cancellable_is_cancelled (cancellable))
    {
      TribUpstream *upstream = g_ptr_array_index (self->upstreams, self->next++);
      Job *job = g_new0 (Job, 1);

      job->refresh = self;
      job->upstream = g_object_ref (upstream);
      job->forge = forge_of (upstream);
      self->in_flight++;
      g_free (self->current);
      self->current = g_strdup (trib_upstream_get_name (upstream));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
      trib_forge_client_fetch_async (trib_forge_service_get_client (self->service, job->forge),
                                     trib_upstream_get_repository (upstream), cancellable,
                                     on_fetched_cb, job);
      g_object_ref (self);   /* dropped in on_fetched_cb */
    }

  if (self->in_flight == 0 && self->task != NULL)
    {
      /* Cancelled before their turn: they were not fetched. */
      while (self->next < self->upstreams->len)
        {
          count_done (self);
          finish_upstream (self, g_ptr_array_index (self->upstreams, self->next++),
                           TRIB_FORGE_OUTCOME_FAILED, _("Cancelled"));
        }
      complete (self);
    }
}

static void
on_rate_limited_cb (TribForgeHttp    *http,
                    const char       *origin,
                    gint64            until,
                    TribForgeRefresh *self)
{
  self->waiting_until = MAX (self->waiting_until, until);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_UNTIL]);
}

static void
trib_forge_refresh_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribForgeRefresh *self = TRIB_FORGE_REFRESH (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_uint (value, self->upstreams->len);
      break;
    case PROP_DONE:
      g_value_set_uint (value, self->done);
      break;
    case PROP_FAILED:
      g_value_set_uint (value, self->failed);
      break;
    case PROP_CURRENT:
      g_value_set_string (value, self->current);
      break;
    case PROP_WAITING_UNTIL:
      g_value_set_int64 (value, self->waiting_until);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_forge_refresh_finalize (GObject *object)
{
  TribForgeRefresh *self = TRIB_FORGE_REFRESH (object);

  g_assert (self->task == NULL);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_object (&self->service);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->upstreams, g_ptr_array_unref);
  g_free (self->current);

  G_OBJECT_CLASS (trib_forge_refresh_parent_class)->finalize (object);
}

static void
trib_forge_refresh_class_init (TribForgeRefreshClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = trib_forge_refresh_get_property;
  object_class->finalize = trib_forge_refresh_finalize;

  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] = g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FAILED] = g_param_spec_uint ("failed", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT] = g_param_spec_string ("current", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WAITING_UNTIL] = g_param_spec_int64 ("waiting-until", NULL, NULL, 0, G_MAXINT64, 0,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribForgeRefresh::upstream-finished:
   * @upstream: the upstream
   * @outcome: a #TribForgeOutcome
   * @message: (nullable): why it failed
   *
   * One upstream is done, and its outcome recorded in the plan (outcomes
   * are recorded in batches: this comes for each one of a batch once it
   * is written).
   */
  signals[UPSTREAM_FINISHED] = g_signal_new ("upstream-finished", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                             TRIB_TYPE_UPSTREAM, G_TYPE_INT, G_TYPE_STRING);
}

static void
trib_forge_refresh_init (TribForgeRefresh *self)
{
  self->queue = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (self->queue, pending_clear);
}

/**
 * trib_forge_refresh_new:
 * @service: the forge service
 * @plan: the plan, open for writing
 * @upstreams: (nullable) (element-type TribUpstream): the upstreams to
 *   refresh; %NULL for all of the plan's
 *
 * Upstreams without a forge or a repository address are left out.
 *
 * Returns: (transfer full): a refresh, not started
 */
TribForgeRefresh *
trib_forge_refresh_new (TribForgeService *service,
                        TribPlan         *plan,
                        GPtrArray        *upstreams)
{
  TribForgeRefresh *self;
  GListModel *all;

  g_return_val_if_fail (TRIB_IS_FORGE_SERVICE (service), NULL);
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  self = g_object_new (TRIB_TYPE_FORGE_REFRESH, NULL);
  self->service = g_object_ref (service);
  self->plan = g_object_ref (plan);
  self->upstreams = g_ptr_array_new_with_free_func (g_object_unref);

  all = upstreams == NULL ? trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM) : NULL;
  for (guint i = 0; i < (upstreams != NULL ? upstreams->len : g_list_model_get_n_items (all)); i++)
    {
      g_autoptr(TribUpstream) upstream = upstreams != NULL ? g_object_ref (g_ptr_array_index (upstreams, i))
                                                           : g_list_model_get_item (all, i);
      const char *repository = trib_upstream_get_repository (upstream);

      if (repository != NULL && *repository != '\0' && forge_of (upstream) != TRIB_FORGE_NONE)
        g_ptr_array_add (self->upstreams, g_steal_pointer (&upstream));
    }
  return self;
}

/** trib_forge_refresh_get_total: Returns: how many upstreams the refresh fetches */
guint
trib_forge_refresh_get_total (TribForgeRefresh *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_REFRESH (self), 0);
  return self->upstreams->len;
}

/** trib_forge_refresh_get_done: Returns: how many have their answer, failed ones included */
guint
trib_forge_refresh_get_done (TribForgeRefresh *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_REFRESH (self), 0);
  return self->done;
}

/** trib_forge_refresh_get_failed: Returns: how many failed */
guint
trib_forge_refresh_get_failed (TribForgeRefresh *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_REFRESH (self), 0);
  return self->failed;
}

/** trib_forge_refresh_get_current: Returns: (nullable): the name of the upstream started last */
const char *
trib_forge_refresh_get_current (TribForgeRefresh *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_REFRESH (self), NULL);
  return self->current;
}

/** trib_forge_refresh_get_waiting_until: Returns: Unix time a rate limit ends, or 0 */
gint64
trib_forge_refresh_get_waiting_until (TribForgeRefresh *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_REFRESH (self), 0);
  return self->waiting_until > g_get_real_time () / G_USEC_PER_SEC ? self->waiting_until : 0;
}

/** trib_forge_refresh_get_running: Returns: whether the refresh is under way */
gboolean
trib_forge_refresh_get_running (TribForgeRefresh *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_REFRESH (self), FALSE);
  return self->task != NULL;
}

/**
 * trib_forge_refresh_run_async:
 * @self: a refresh, not started before
 * @cancellable: (nullable): stops it; what was recorded stays
 * @callback: called when every upstream is done
 * @user_data: for @callback
 *
 * Runs the refresh on the main loop; progress shows in the properties and
 * in #TribForgeRefresh::upstream-finished.
 */
void
trib_forge_refresh_run_async (TribForgeRefresh    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_FORGE_REFRESH (self));
  g_return_if_fail (self->task == NULL && self->done == 0);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, trib_forge_refresh_run_async);
  self->rate_limited_id = g_signal_connect (trib_forge_service_get_http (self->service), "rate-limited",
                                            G_CALLBACK (on_rate_limited_cb), self);
  if (self->upstreams->len == 1)
    {
      /* Translators: the name of an upstream */
      g_autofree char *label = g_strdup_printf (_("Refresh Statistics of “%s”"),
                                                trib_upstream_get_name (g_ptr_array_index (self->upstreams, 0)));
      trib_plan_begin_fetches (self->plan, label);
    }
  else
    trib_plan_begin_fetches (self->plan, _("Refresh Statistics"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  start_next (self);
}

/**
 * trib_forge_refresh_run_finish:
 * @self: a refresh
 * @result: the result
 * @error: %G_IO_ERROR_CANCELLED, or a #TRIB_FORGE_ERROR saying how many
 *   upstreams failed (each one's reason is on the upstream)
 *
 * Returns: whether every upstream was refreshed
 */
gboolean
trib_forge_refresh_run_finish (TribForgeRefresh  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
