/* trib-health-plan.c: health scores and contributor figures of a plan's upstreams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The glue between the plan's snapshots and settings and the pure
 * computations of trib-health.c and trib-contributors.c.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <string.h>

#include "trib-health-plan.h"

static gint64
unix_time (const char *text,
           gboolean    date_only)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *full = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  utc = g_time_zone_new_utc ();
  full = date_only ? g_strconcat (text, "T00:00:00Z", NULL) : g_strdup (text);
  time = g_date_time_new_from_iso8601 (full, utc);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/**
 * trib_health_input_from_snapshot:
 * @input: (out caller-allocates): the figures to fill
 * @snapshot: a snapshot
 * @weeks: (array length=n_weeks): room for the weekly commit counts
 * @n_weeks: its length (52 is enough)
 *
 * Fills @input from @snapshot; @input points into @weeks.
 */
void
trib_health_input_from_snapshot (TribHealthInput   *input,
                                 TribStatsSnapshot *snapshot,
                                 int               *weeks,
                                 guint              n_weeks)
{
  GVariant *commits;

  g_return_if_fail (input != NULL);
  g_return_if_fail (TRIB_IS_STATS_SNAPSHOT (snapshot));

  memset (input, 0, sizeof *input);
  input->taken_at = unix_time (trib_stats_snapshot_get_taken_at (snapshot), FALSE);
  input->created = unix_time (trib_stats_snapshot_get_created (snapshot), TRUE);
  input->last_push = unix_time (trib_stats_snapshot_get_last_push (snapshot), FALSE);
  input->archived = trib_stats_snapshot_get_archived (snapshot);
  input->stars = trib_stats_snapshot_get_stars (snapshot);
  input->forks = trib_stats_snapshot_get_forks (snapshot);
  input->watchers = trib_stats_snapshot_get_watchers (snapshot);
  input->releases_last_year = trib_stats_snapshot_get_releases_last_year (snapshot);
  input->contributors = trib_stats_snapshot_get_contributors (snapshot);
  input->absence_factor = trib_stats_snapshot_get_absence_factor (snapshot);
  input->top_share = trib_stats_snapshot_get_top_share (snapshot);
  input->our_share = trib_stats_snapshot_get_our_share (snapshot);

  commits = trib_stats_snapshot_get_weekly_commits (snapshot);
  if (commits != NULL && weeks != NULL)
    {
      gsize n = 0;
      const gint64 *values = g_variant_get_fixed_array (commits, &n, sizeof (gint64));
      gsize skip = n > n_weeks ? n - n_weeks : 0;

      for (gsize i = skip; i < n; i++)
        weeks[i - skip] = (int) CLAMP (values[i], 0, G_MAXINT);
      input->weekly_commits = n > 0 ? weeks : NULL;
      input->n_weekly_commits = (guint) (n - skip);
    }
}

/**
 * trib_health_weights_from_plan:
 * @weights: (out caller-allocates): the weights to fill
 * @plan: a plan
 *
 * Reads the health weights of @plan's settings.
 */
void
trib_health_weights_from_plan (TribHealthWeights *weights,
                               TribPlan          *plan)
{
  TribPlanInfo *info;

  g_return_if_fail (weights != NULL);
  g_return_if_fail (TRIB_IS_PLAN (plan));

  trib_health_weights_init (weights);
  info = trib_plan_get_info (plan);
  if (info == NULL)
    return;
  for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
    weights->weight[i] = trib_plan_info_get_health_weight (info, i);
}

/**
 * trib_health_of_snapshot:
 * @plan: the plan, for its weights
 * @snapshot: a snapshot
 *
 * Returns: (transfer full): the health of @snapshot
 */
TribHealth *
trib_health_of_snapshot (TribPlan          *plan,
                         TribStatsSnapshot *snapshot)
{
  TribHealthWeights weights;
  TribHealthInput input;
  int weeks[52];

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (snapshot), NULL);

  trib_health_weights_from_plan (&weights, plan);
  trib_health_input_from_snapshot (&input, snapshot, weeks, G_N_ELEMENTS (weeks));
  return trib_health_compute (&input, &weights);
}

/**
 * trib_health_of_upstream:
 * @plan: a plan
 * @upstream: one of its upstreams
 * @trend: (out) (optional): the latest score minus the previous one
 * @has_trend: (out) (optional): whether there was a previous snapshot
 * @error: why the snapshots could not be read
 *
 * Returns: (transfer full) (nullable): the health of @upstream's latest
 *   snapshot; %NULL without @error when it has none
 */
TribHealth *
trib_health_of_upstream (TribPlan      *plan,
                         TribUpstream  *upstream,
                         int           *trend,
                         gboolean      *has_trend,
                         GError       **error)
{
  GListModel *history;
  g_autoptr(TribStatsSnapshot) latest = NULL;
  g_autoptr(TribStatsSnapshot) previous = NULL;
  TribHealth *health;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  g_return_val_if_fail (TRIB_IS_UPSTREAM (upstream), NULL);

  if (trend != NULL)
    *trend = 0;
  if (has_trend != NULL)
    *has_trend = FALSE;

  history = trib_plan_get_snapshots (plan, upstream, error);
  if (history == NULL)
    return NULL;
  /* The latest two by time; of two at the same time, the one recorded last. */
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TribStatsSnapshot) item = g_list_model_get_item (history, i);

      if (latest == NULL || g_strcmp0 (trib_stats_snapshot_get_taken_at (item),
                                       trib_stats_snapshot_get_taken_at (latest)) >= 0)
        {
          g_clear_object (&previous);
          previous = g_steal_pointer (&latest);
          latest = g_steal_pointer (&item);
        }
      else if (previous == NULL || g_strcmp0 (trib_stats_snapshot_get_taken_at (item),
                                              trib_stats_snapshot_get_taken_at (previous)) >= 0)
        {
          g_clear_object (&previous);
          previous = g_steal_pointer (&item);
        }
    }
  if (latest == NULL)
    return NULL;

  health = trib_health_of_snapshot (plan, latest);
  if (previous != NULL)
    {
      g_autoptr(TribHealth) before = trib_health_of_snapshot (plan, previous);

      if (trend != NULL)
        *trend = health->score - before->score;
      if (has_trend != NULL)
        *has_trend = TRUE;
    }
  return health;
}

/**
 * trib_contributors_to_snapshot:
 * @contributors: (array length=n_contributors): a forge's contributor list
 * @n_contributors: its length
 * @forge: the forge it came from
 * @team_handles: (nullable): the plan's team handles
 * @snapshot: the snapshot to fill
 *
 * Sets the contributor count, the top contributor's and top five's shares,
 * the absence factor and our team's share of @snapshot.
 */
void
trib_contributors_to_snapshot (const TribContributor *contributors,
                               guint                  n_contributors,
                               TribForge              forge,
                               const char * const    *team_handles,
                               TribStatsSnapshot     *snapshot)
{
  TribEntity *e = TRIB_ENTITY (snapshot);
  TribContributorStats stats;

  g_return_if_fail (TRIB_IS_STATS_SNAPSHOT (snapshot));

  trib_contributor_stats_compute (contributors, n_contributors, forge, team_handles, &stats);
  trib_entity_set_int (e, "contributors", (int) MIN (stats.count, G_MAXINT), NULL);
  trib_entity_set_int (e, "absence_factor", (int) MIN (stats.absence_factor, G_MAXINT), NULL);
  trib_entity_set_double (e, "top_share", stats.top_share, NULL);
  trib_entity_set_double (e, "top5_share", stats.top5_share, NULL);
  trib_entity_set_double (e, "our_share", stats.team_share, NULL);
}
