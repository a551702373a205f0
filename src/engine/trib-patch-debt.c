/* trib-patch-debt.c: what carried patches will cost, quarter by quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The projection (also in the user guide, README "Patches"):
 *
 * Quarters q = 0 … N−1 are the plan's horizon, from its first quarter; e_q
 * is the last day of quarter q. Each patch p sits on an upstream u that
 * releases r_u times a year: the cadence set on the upstream, else the
 * releases in the year before its latest statistics snapshot, else 4 (the
 * scenario model's default). Every release costs h_p hours to carry p
 * through it, and that cost grows by the plan's patch drift d a year as the
 * projection goes on:
 *
 *   hours_q = Σ_p  w_p,q · (r_u / 4) · h_p · (1 + d)^(a_p,q / 4)
 *
 * where a_p,q = q − s_p quarters, and s_p = max (0, o_p) is the quarter the
 * patch enters the projection (o_p: the quarter it was opened, relative to
 * the first quarter; a patch without a date is there from the start).
 *
 * w_p,q says how much of p is still carried at the end of quarter q:
 *
 * - Carry forward (the plan as written): 1 while p is open, 0 once it is
 *   closed. A merged patch closes on its merged date, a dropped one on its
 *   dropped date (without a date, before the horizon); a carried or
 *   proposed patch closes at the end of the quarter it should go upstream,
 *   or never. Open means opened on or before e_q and not closed by e_q.
 * - Upstream first: every carried or proposed patch is proposed the
 *   quarter it enters the projection and merged at the pace this plan's own
 *   merged patches show: T = the mean days from opened to merged over the
 *   merged patches with both dates, in quarters of 91.3125 days (2 when
 *   there are none, never less than 1), so a share m = 1/T of what is left
 *   is merged every quarter: w_p,q = (1 − m)^(q − s_p), times the carry
 *   forward weight (what the plan already closes stays closed).
 *
 * The stock of a curve is Σ_p w_p,q: patches still carried.
 */
#define G_LOG_DOMAIN "trib-patch-debt"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trib-patch-debt.h"
#include "trib-dates.h"

#define DAYS_PER_QUARTER (365.25 / 4.0)

struct _TribPatchDebt
{
  guint       n_quarters;
  char      **quarters;          /* YYYY-Qn, n_quarters of them */
  double     *hours[TRIB_DEBT_N_CURVES];
  double     *stock[TRIB_DEBT_N_CURVES];
  GHashTable *upstream_hours;    /* upstream id → double[n_quarters], carry forward */
  double      merge_quarters;
};

static TribStatsSnapshot *
latest_snapshot (TribPlan     *plan,
                 TribUpstream *upstream)
{
  GListModel *snapshots = trib_plan_get_children (plan, TRIB_ENTITY (upstream),
                                                  TRIB_TYPE_STATS_SNAPSHOT);
  TribStatsSnapshot *latest = NULL;
  guint n = g_list_model_get_n_items (snapshots);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribStatsSnapshot) s = g_list_model_get_item (snapshots, i);
      if (latest == NULL || g_strcmp0 (trib_stats_snapshot_get_taken_at (s),
                                       trib_stats_snapshot_get_taken_at (latest)) > 0)
        latest = s;
    }
  return latest;
}

/**
 * trib_upstream_cadence:
 * @upstream: an upstream
 * @latest: (nullable): its latest statistics snapshot
 * @source: (out) (optional): where the figure came from
 *
 * Returns: how many releases a year @upstream makes, as the patch-debt
 *   projection counts them
 */
double
trib_upstream_cadence (TribUpstream      *upstream,
                       TribStatsSnapshot *latest,
                       TribCadenceSource *source)
{
  double set;

  g_return_val_if_fail (TRIB_IS_UPSTREAM (upstream), TRIB_PATCH_DEBT_DEFAULT_CADENCE);

  set = trib_entity_get_double (TRIB_ENTITY (upstream), "release_cadence");
  if (set > 0)
    {
      if (source)
        *source = TRIB_CADENCE_SET;
      return set;
    }
  /* A forge that says 0 releases usually means the project tags instead of
   * publishing releases, not that it never releases. */
  if (latest != NULL && trib_stats_snapshot_get_releases_last_year (latest) > 0)
    {
      if (source)
        *source = TRIB_CADENCE_STATISTICS;
      return trib_stats_snapshot_get_releases_last_year (latest);
    }
  if (source)
    *source = TRIB_CADENCE_DEFAULT;
  return TRIB_PATCH_DEBT_DEFAULT_CADENCE;
}

/* The quarter of @date relative to @first, or @fallback without a date. */
static int
quarter_offset (const char *first,
                const char *date,
                int         fallback)
{
  g_autofree char *quarter = NULL;
  int n;

  if (date == NULL || *date == '\0')
    return fallback;
  quarter = trib_quarter_from_date (date);
  if (quarter == NULL || !trib_quarter_diff (first, quarter, &n))
    return fallback;
  return n;
}

static double
mean_merge_quarters (GListModel *patches)
{
  guint n = g_list_model_get_n_items (patches);
  double days = 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribPatch) p = g_list_model_get_item (patches, i);
      GDate created, merged;

      if (trib_patch_get_state (p) != TRIB_PATCH_STATE_MERGED
          || !trib_date_parse (trib_patch_get_created (p), &created)
          || !trib_date_parse (trib_patch_get_merged (p), &merged)
          || g_date_compare (&merged, &created) < 0)
        continue;
      days += g_date_days_between (&created, &merged);
      count++;
    }
  if (count == 0)
    return TRIB_PATCH_DEBT_DEFAULT_MERGE_QUARTERS;
  return MAX (1.0, days / count / DAYS_PER_QUARTER);
}

/* The date by which @p no longer needs carrying in the plan as written:
 * "" for closed before the horizon, NULL for never. */
static const char *
close_date (TribPatch  *p,
            char      **owned)
{
  const char *date;

  switch (trib_patch_get_state (p))
    {
    case TRIB_PATCH_STATE_MERGED:
      date = trib_patch_get_merged (p);
      return date ? date : "";
    case TRIB_PATCH_STATE_DROPPED:
      date = trib_entity_get_string (TRIB_ENTITY (p), "dropped");
      return date ? date : "";
    case TRIB_PATCH_STATE_CARRIED:
    case TRIB_PATCH_STATE_PROPOSED:
    default:
      {
        const char *target = trib_entity_get_string (TRIB_ENTITY (p), "target_quarter");
        GDate last;

        if (target == NULL || *target == '\0' || !trib_quarter_get_bounds (target, NULL, &last))
          return NULL;
        *owned = trib_date_format (&last);
        return *owned;
      }
    }
}

/**
 * trib_patch_debt_compute:
 * @plan: a plan
 *
 * Projects the hours that carrying the plan's patches costs in each quarter
 * of its horizon, carried forward as written and upstream first (see the
 * formula at the top of trib-patch-debt.c). A plan without a first quarter
 * has no horizon: the projection then has no quarters.
 *
 * Returns: (transfer full): the projection
 */
TribPatchDebt *
trib_patch_debt_compute (TribPlan *plan)
{
  TribPatchDebt *self;
  TribPlanInfo *info;
  GListModel *patches;
  g_autoptr(GHashTable) cadence = NULL; /* upstream id → double* */
  g_auto(GStrv) ends = NULL;
  const char *first;
  double drift, m;
  guint n, n_patches;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  info = trib_plan_get_info (plan);
  first = trib_plan_info_get_first_quarter (info);
  n = (first && *first) ? (guint) trib_plan_info_get_quarters (info) : 0;
  drift = trib_entity_get_double (TRIB_ENTITY (info), "patch_drift");

  self = g_new0 (TribPatchDebt, 1);
  self->n_quarters = n;
  self->quarters = g_new0 (char *, n + 1);
  ends = g_new0 (char *, n + 1);
  for (guint c = 0; c < TRIB_DEBT_N_CURVES; c++)
    {
      self->hours[c] = g_new0 (double, MAX (n, 1));
      self->stock[c] = g_new0 (double, MAX (n, 1));
    }
  self->upstream_hours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  patches = trib_plan_get_items (plan, TRIB_TYPE_PATCH);
  self->merge_quarters = mean_merge_quarters (patches);
  if (n == 0)
    return self;

  for (guint q = 0; q < n; q++)
    {
      GDate last;
      self->quarters[q] = trib_quarter_add (first, (int) q);
      trib_quarter_get_bounds (self->quarters[q], NULL, &last);
      ends[q] = trib_date_format (&last);
    }
  m = 1.0 / self->merge_quarters;

  cadence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  n_patches = g_list_model_get_n_items (patches);
  for (guint i = 0; i < n_patches; i++)
    {
      g_autoptr(TribPatch) p = g_list_model_get_item (patches, i);
      g_autofree char *owned = NULL;
      gint64 upstream_id = trib_patch_get_upstream_id (p);
      const char *created = trib_patch_get_created (p);
      const char *closed = close_date (p, &owned);
      gboolean goes_upstream;
      double *rate, *per_upstream, h;
      int start;

      if (closed != NULL && *closed == '\0')
        continue;

      rate = g_hash_table_lookup (cadence, &upstream_id);
      if (rate == NULL)
        {
          TribUpstream *u = TRIB_UPSTREAM (trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM, upstream_id));
          gint64 *key = g_new (gint64, 1);

          *key = upstream_id;
          rate = g_new (double, 1);
          *rate = u ? trib_upstream_cadence (u, latest_snapshot (plan, u), NULL)
                    : TRIB_PATCH_DEBT_DEFAULT_CADENCE;
          g_hash_table_insert (cadence, key, rate);
        }
      per_upstream = g_hash_table_lookup (self->upstream_hours, &upstream_id);
      if (per_upstream == NULL)
        {
          gint64 *key = g_new (gint64, 1);
          *key = upstream_id;
          per_upstream = g_new0 (double, n);
          g_hash_table_insert (self->upstream_hours, key, per_upstream);
        }

      start = MAX (0, quarter_offset (first, created, 0));
      goes_upstream = trib_patch_get_state (p) == TRIB_PATCH_STATE_CARRIED
                      || trib_patch_get_state (p) == TRIB_PATCH_STATE_PROPOSED;
      h = trib_patch_get_hours_per_release (p);

      for (guint q = (guint) MIN ((guint) start, n); q < n; q++)
        {
          double cost, w_first;

          if (created && *created && strcmp (created, ends[q]) > 0)
            continue;
          if (closed != NULL && strcmp (closed, ends[q]) <= 0)
            break;
          cost = (*rate / 4.0) * h * pow (1.0 + drift, (q - start) / 4.0);
          w_first = goes_upstream ? pow (1.0 - m, q - start) : 1.0;

          self->stock[TRIB_DEBT_CARRY_FORWARD][q] += 1.0;
          self->hours[TRIB_DEBT_CARRY_FORWARD][q] += cost;
          self->stock[TRIB_DEBT_UPSTREAM_FIRST][q] += w_first;
          self->hours[TRIB_DEBT_UPSTREAM_FIRST][q] += w_first * cost;
          per_upstream[q] += cost;
        }
    }
  return self;
}

/**
 * trib_patch_debt_free:
 *
 * Frees a projection.
 */
void
trib_patch_debt_free (TribPatchDebt *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->quarters);
  for (guint c = 0; c < TRIB_DEBT_N_CURVES; c++)
    {
      g_free (self->hours[c]);
      g_free (self->stock[c]);
    }
  g_hash_table_unref (self->upstream_hours);
  g_free (self);
}

/**
 * trib_patch_debt_get_n_quarters:
 *
 * Returns: the quarters of the projection: the plan's horizon
 */
guint
trib_patch_debt_get_n_quarters (TribPatchDebt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_quarters;
}

/**
 * trib_patch_debt_get_quarter:
 *
 * Returns: the quarter at @index, as YYYY-Qn
 */
const char *
trib_patch_debt_get_quarter (TribPatchDebt *self,
                             guint          index)
{
  g_return_val_if_fail (self != NULL && index < self->n_quarters, NULL);
  return self->quarters[index];
}

/**
 * trib_patch_debt_get_hours:
 *
 * Returns: the hours carrying patches costs in the quarter at @index
 */
double
trib_patch_debt_get_hours (TribPatchDebt *self,
                           TribDebtCurve  curve,
                           guint          index)
{
  g_return_val_if_fail (self != NULL && index < self->n_quarters, 0);
  g_return_val_if_fail (curve < TRIB_DEBT_N_CURVES, 0);
  return self->hours[curve][index];
}

/**
 * trib_patch_debt_get_stock:
 *
 * Returns: the patches still carried at the end of the quarter at @index
 *   (fractional on the upstream-first curve: an expected number)
 */
double
trib_patch_debt_get_stock (TribPatchDebt *self,
                           TribDebtCurve  curve,
                           guint          index)
{
  g_return_val_if_fail (self != NULL && index < self->n_quarters, 0);
  g_return_val_if_fail (curve < TRIB_DEBT_N_CURVES, 0);
  return self->stock[curve][index];
}

/**
 * trib_patch_debt_get_total_hours:
 *
 * Returns: the hours of @curve over the whole horizon
 */
double
trib_patch_debt_get_total_hours (TribPatchDebt *self,
                                 TribDebtCurve  curve)
{
  double total = 0;

  g_return_val_if_fail (self != NULL && curve < TRIB_DEBT_N_CURVES, 0);
  for (guint q = 0; q < self->n_quarters; q++)
    total += self->hours[curve][q];
  return total;
}

/**
 * trib_patch_debt_get_merge_quarters:
 *
 * Returns: T, the quarters a proposed patch takes to merge in this plan
 */
double
trib_patch_debt_get_merge_quarters (TribPatchDebt *self)
{
  g_return_val_if_fail (self != NULL, TRIB_PATCH_DEBT_DEFAULT_MERGE_QUARTERS);
  return self->merge_quarters;
}

/**
 * trib_patch_debt_get_upstream_hours:
 *
 * Returns: the hours the patches on the upstream @upstream_id cost in the
 *   quarter at @index, carried forward as written
 */
double
trib_patch_debt_get_upstream_hours (TribPatchDebt *self,
                                    gint64         upstream_id,
                                    guint          index)
{
  double *hours;

  g_return_val_if_fail (self != NULL && index < self->n_quarters, 0);
  hours = g_hash_table_lookup (self->upstream_hours, &upstream_id);
  return hours ? hours[index] : 0;
}
