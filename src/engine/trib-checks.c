/* trib-checks.c: running the strategy checks and acknowledging findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule (trib-checks-rules.c, trib-checks-stats.c) is a small function
 * over a context that this file prepares once per run: the plan's
 * investments per upstream and quarter, its release bases per upstream, the
 * patch-debt projection and a cache of latest snapshots, so that no rule
 * scans a list another rule has already scanned.
 */
#define G_LOG_DOMAIN "trib-checks"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-checks-private.h"

typedef struct
{
  TribCheckRule rule;
  TribCheckFunc run;
} RuleEntry;

static const RuleEntry rules[] = {
  { { "product-name-contains-upstream", TRIB_SEVERITY_WARNING, FALSE,
      N_("A product is named after an upstream") }, _trib_check_product_name },
  { { "trademark-not-registered", TRIB_SEVERITY_WARNING, FALSE,
      N_("A product’s trademark is not registered") }, _trib_check_trademark },
  { { "withholds-platform-features", TRIB_SEVERITY_WARNING, FALSE,
      N_("A business model withholds platform features") }, _trib_check_withheld_features },
  { { "copyright-assignment", TRIB_SEVERITY_WARNING, FALSE,
      N_("A business model requires copyright assignment") }, _trib_check_copyright_assignment },
  { { "carried-patches-growing", TRIB_SEVERITY_WARNING, FALSE,
      N_("Carried patches grow from quarter to quarter") }, _trib_check_patches_growing },
  { { "patch-cost-threshold", TRIB_SEVERITY_WARNING, FALSE,
      N_("Carrying patches costs more than the threshold") }, _trib_check_patch_cost },
  { { "only-a-user", TRIB_SEVERITY_WARNING, FALSE,
      N_("An important upstream gets no investment") }, _trib_check_only_a_user },
  { { "health-falling", TRIB_SEVERITY_WARNING, TRUE,
      N_("An important upstream’s health is falling") }, _trib_check_health_falling },
  { { "not-invented-here", TRIB_SEVERITY_WARNING, TRUE,
      N_("A component is built in-house while a healthy upstream covers it") }, _trib_check_not_invented_here },
  { { "investment-jump", TRIB_SEVERITY_WARNING, FALSE,
      N_("Investment jumps instead of being turned up gradually") }, _trib_check_investment_jump },
  { { "base-past-end-of-life", TRIB_SEVERITY_ERROR, FALSE,
      N_("A release is based on an upstream version past its end of life") }, _trib_check_base_past_eol },
  { { "release-outlives-base", TRIB_SEVERITY_WARNING, FALSE,
      N_("A release is maintained longer than the upstream version it is based on") }, _trib_check_release_outlives_base },
  { { "promised-target-uncertified", TRIB_SEVERITY_ERROR, FALSE,
      N_("A release promises a target it has not certified") }, _trib_check_uncertified_promise },
  { { "archived-upstream-in-release", TRIB_SEVERITY_ERROR, TRUE,
      N_("A release depends on an archived upstream") }, _trib_check_archived_in_release },
  { { "inactive-upstream-in-release", TRIB_SEVERITY_WARNING, TRUE,
      N_("A release depends on an inactive upstream") }, _trib_check_inactive_in_release },
};

static TribCheckRule rule_table[G_N_ELEMENTS (rules)];

/**
 * trib_check_rules:
 * @n_rules: (out): how many rules there are
 *
 * Returns: (array length=n_rules): every rule, in the order they run
 */
const TribCheckRule *
trib_check_rules (guint *n_rules)
{
  if (rule_table[0].id == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      rule_table[i] = rules[i].rule;
  *n_rules = G_N_ELEMENTS (rules);
  return rule_table;
}

static guint
rule_position (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].rule.id, id))
      return i;
  return G_N_ELEMENTS (rules);
}

/* The latest snapshot of @upstream and, in @previous, the one before it:
 * statistics are read once per run, and only for the upstreams a rule asks
 * about. */
TribStatsSnapshot *
_trib_checks_latest_snapshot (TribCheckContext   *ctx,
                              TribUpstream       *upstream,
                              TribStatsSnapshot **previous)
{
  GListModel *snapshots = trib_plan_get_children (ctx->plan, TRIB_ENTITY (upstream),
                                                  TRIB_TYPE_STATS_SNAPSHOT);
  TribStatsSnapshot *latest = NULL, *before = NULL;
  guint n = g_list_model_get_n_items (snapshots);

  for (guint i = 0; i < n; i++)
    {
      TribStatsSnapshot *s = g_list_model_get_item (snapshots, i);
      const char *taken = trib_stats_snapshot_get_taken_at (s);

      g_object_unref (s); /* the list keeps it */
      if (latest == NULL || g_strcmp0 (taken, trib_stats_snapshot_get_taken_at (latest)) > 0)
        {
          before = latest;
          latest = s;
        }
      else if (before == NULL || g_strcmp0 (taken, trib_stats_snapshot_get_taken_at (before)) > 0)
        before = s;
    }
  if (previous)
    *previous = before;
  return latest;
}

/* Adds a finding and takes @message. */
TribFinding *
_trib_checks_add (TribCheckContext *ctx,
                  const char       *rule,
                  TribSeverity      severity,
                  const char       *argument,
                  char             *message)
{
  TribFinding *finding = trib_finding_new (rule, severity, message, argument);

  g_free (message);
  g_ptr_array_add (ctx->findings, finding);
  return finding;
}

/* Every investment of the horizon, summed per upstream and quarter: one
 * pass, one parse of each quarter, one look-up per investment. A row holds
 * the quarters' engineers and, after them, the highest role invested with
 * engineers (plus one; 0 for none). */
static void
index_investments (TribCheckContext *ctx)
{
  GListModel *investments = trib_plan_get_items (ctx->plan, TRIB_TYPE_INVESTMENT);
  guint n = ctx->n_quarters ? g_list_model_get_n_items (investments) : 0;
  int first_year = 0, first_q = 0;
  gint64 last_id = -1;
  double *row = NULL;

  if (n == 0 || !trib_quarter_parse (ctx->first, &first_year, &first_q))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribInvestment) inv = g_list_model_get_item (investments, i);
      gint64 upstream_id = trib_investment_get_upstream_id (inv);
      double fte = trib_investment_get_fte (inv);
      int year, quarter, q;

      if (!trib_quarter_parse (trib_investment_get_quarter (inv), &year, &quarter))
        continue;
      q = (year - first_year) * 4 + (quarter - first_q);
      if (q < 0 || q >= (int) ctx->n_quarters)
        continue;
      /* Investments of one upstream tend to come together. */
      if (row == NULL || upstream_id != last_id)
        {
          row = g_hash_table_lookup (ctx->fte, &upstream_id);
          if (row == NULL)
            {
              row = g_new0 (double, ctx->n_quarters + 1);
              g_hash_table_insert (ctx->fte, g_memdup2 (&upstream_id, sizeof upstream_id), row);
            }
          last_id = upstream_id;
        }
      row[q] += fte;
      if (fte > 0)
        row[ctx->n_quarters] = MAX (row[ctx->n_quarters], (double) trib_investment_get_role (inv) + 1);
    }
}

static void
index_bases (TribCheckContext *ctx)
{
  GListModel *bases = trib_plan_get_items (ctx->plan, TRIB_TYPE_RELEASE_BASE);
  guint n = g_list_model_get_n_items (bases);

  for (guint i = 0; i < n; i++)
    {
      TribReleaseBase *base = g_list_model_get_item (bases, i);
      gint64 upstream_id = trib_release_base_get_upstream_id (base);
      GPtrArray *list = g_hash_table_lookup (ctx->bases, &upstream_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (ctx->bases, g_memdup2 (&upstream_id, sizeof upstream_id), list);
        }
      g_ptr_array_add (list, base);
    }
}

static char *
acknowledgement_key (const char *rule,
                     const char *subject)
{
  return g_strconcat (rule, "\x1f", subject ? subject : "", NULL);
}

static void
match_acknowledgements (TribCheckContext *ctx)
{
  GListModel *acks = trib_plan_get_items (ctx->plan, TRIB_TYPE_ACKNOWLEDGEMENT);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (acks);

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribAcknowledgement) ack = g_list_model_get_item (acks, i);
      g_hash_table_insert (by_key,
                           acknowledgement_key (trib_acknowledgement_get_check_id (ack),
                                                trib_acknowledgement_get_subject (ack)),
                           ack);
    }
  for (guint i = 0; i < ctx->findings->len; i++)
    {
      TribFinding *finding = g_ptr_array_index (ctx->findings, i);
      g_autofree char *key = acknowledgement_key (trib_finding_get_rule (finding),
                                                  trib_finding_get_subject_key (finding));
      trib_finding_set_acknowledgement (finding, g_hash_table_lookup (by_key, key));
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  TribFinding *fa = *(TribFinding **) a, *fb = *(TribFinding **) b;
  int d;

  /* What still counts first, the most serious first; acknowledged last. */
  d = (int) trib_finding_is_acknowledged (fa) - (int) trib_finding_is_acknowledged (fb);
  if (d != 0)
    return d;
  d = (int) trib_finding_get_severity (fb) - (int) trib_finding_get_severity (fa);
  if (d != 0)
    return d;
  d = (int) rule_position (trib_finding_get_rule (fa))
      - (int) rule_position (trib_finding_get_rule (fb));
  if (d != 0)
    return d;
  return g_utf8_collate (trib_finding_get_message (fa), trib_finding_get_message (fb));
}

/**
 * trib_checks_run:
 * @plan: a plan
 * @today: (nullable): the date the checks judge by, YYYY-MM-DD; %NULL for
 *   today's local date
 *
 * Runs every rule over @plan. Findings that someone acknowledged carry
 * their acknowledgement. Rules that need statistics say nothing about an
 * upstream without snapshots.
 *
 * Returns: (transfer full) (element-type TribFinding): the findings, those
 *   that count first, errors before warnings before notes
 */
GPtrArray *
trib_checks_run (TribPlan   *plan,
                 const char *today)
{
  TribCheckContext ctx = { 0 };
  g_autofree char *today_owned = NULL;
  const char *first;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = today_owned = g_date_time_format (now, "%Y-%m-%d");
    }
  ctx.plan = plan;
  ctx.info = trib_plan_get_info (plan);
  ctx.today = today;
  first = trib_plan_info_get_first_quarter (ctx.info);
  ctx.first = first ? first : "";
  ctx.n_quarters = *ctx.first ? (guint) trib_plan_info_get_quarters (ctx.info) : 0;
  ctx.fte = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ctx.bases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  ctx.debt = trib_patch_debt_compute (plan);
  ctx.findings = g_ptr_array_new_with_free_func (g_object_unref);
  /* One count instead of reading each upstream's history to find none. */
  ctx.has_statistics = trib_plan_count (plan, TRIB_TYPE_STATS_SNAPSHOT) > 0;

  index_investments (&ctx);
  index_bases (&ctx);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (ctx.has_statistics || !rules[i].rule.needs_statistics)
      rules[i].run (&ctx);
  match_acknowledgements (&ctx);
  g_ptr_array_sort (ctx.findings, compare_findings);

  g_hash_table_unref (ctx.fte);
  g_hash_table_unref (ctx.bases);
  trib_patch_debt_free (ctx.debt);
  return ctx.findings;
}

/**
 * trib_checks_count:
 * @findings: (element-type TribFinding): findings
 * @severity: a severity
 *
 * Returns: how many findings of @severity are not acknowledged
 */
guint
trib_checks_count (GPtrArray    *findings,
                   TribSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      TribFinding *f = g_ptr_array_index (findings, i);
      if (!trib_finding_is_acknowledged (f) && trib_finding_get_severity (f) == severity)
        n++;
    }
  return n;
}

/**
 * trib_checks_have_errors:
 * @findings: (element-type TribFinding): findings
 *
 * Returns: whether any finding that is not acknowledged is an error
 */
gboolean
trib_checks_have_errors (GPtrArray *findings)
{
  return trib_checks_count (findings, TRIB_SEVERITY_ERROR) > 0;
}

/**
 * trib_checks_acknowledge:
 * @plan: the plan @finding was found in
 * @finding: a finding
 * @reason: why the plan stays as it is
 * @today: (nullable): the date to record, YYYY-MM-DD; %NULL for today
 * @error: return location for an error
 *
 * Acknowledges @finding with @reason: one step the user can undo. The
 * acknowledgement names the rule and the finding's subject, so it holds
 * for as long as the rule finds the same thing about the same entity.
 *
 * Returns: whether the acknowledgement was recorded
 */
gboolean
trib_checks_acknowledge (TribPlan     *plan,
                         TribFinding  *finding,
                         const char   *reason,
                         const char   *today,
                         GError      **error)
{
  g_autoptr(TribAcknowledgement) ack = trib_acknowledgement_new ();
  g_autofree char *today_owned = NULL, *stripped = NULL;
  TribEntity *entity = TRIB_ENTITY (ack);

  g_return_val_if_fail (TRIB_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (TRIB_IS_FINDING (finding), FALSE);

  stripped = g_strstrip (g_strdup (reason ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("Say why the plan stays as it is: an acknowledgement needs a reason."));
      return FALSE;
    }
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = today_owned = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!trib_entity_set_string (entity, "check_id", trib_finding_get_rule (finding), error)
      || !trib_entity_set_string (entity, "subject", trib_finding_get_subject_key (finding), error)
      || !trib_entity_set_string (entity, "reason", stripped, error)
      || !trib_entity_set_string (entity, "date", today, error))
    return FALSE;
  if (!trib_plan_add (plan, entity, error))
    return FALSE;
  trib_finding_set_acknowledgement (finding, ack);
  return TRUE;
}

/**
 * trib_checks_withdraw_acknowledgement:
 *
 * Removes the acknowledgement of @finding (one step the user can undo): the
 * finding counts again.
 *
 * Returns: whether it was removed
 */
gboolean
trib_checks_withdraw_acknowledgement (TribPlan     *plan,
                                      TribFinding  *finding,
                                      GError      **error)
{
  TribAcknowledgement *ack;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (TRIB_IS_FINDING (finding), FALSE);

  ack = trib_finding_get_acknowledgement (finding);
  if (ack == NULL)
    return TRUE;
  if (!trib_plan_remove (plan, TRIB_ENTITY (ack), error))
    return FALSE;
  trib_finding_set_acknowledgement (finding, NULL);
  return TRUE;
}
