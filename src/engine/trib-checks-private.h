/* trib-checks-private.h: what the rules of the strategy checks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-checks.h"
#include "trib-patch-debt.h"

G_BEGIN_DECLS

typedef struct
{
  TribPlan      *plan;
  TribPlanInfo  *info;
  const char    *today;       /* YYYY-MM-DD */
  const char    *first;       /* the horizon's first quarter, "" without one */
  guint          n_quarters;  /* 0 without a horizon */
  GHashTable    *fte;         /* upstream id → double[n_quarters + 1]: the quarters' engineers,
                               * then the highest TribRole + 1 invested with engineers */
  GHashTable    *latest;      /* upstream id → TribStatsSnapshot or NULL (cache) */
  GHashTable    *bases;       /* upstream id → GPtrArray of TribReleaseBase */
  TribPatchDebt *debt;
  gboolean       has_statistics; /* any snapshot at all: else the statistics rules rest */
  GPtrArray     *findings;
} TribCheckContext;

typedef void (*TribCheckFunc) (TribCheckContext *ctx);

TribStatsSnapshot *_trib_checks_latest_snapshot (TribCheckContext *ctx,
                                                 TribUpstream     *upstream,
                                                 TribStatsSnapshot **previous);
TribFinding       *_trib_checks_add             (TribCheckContext *ctx,
                                                 const char       *rule,
                                                 TribSeverity      severity,
                                                 const char       *argument,
                                                 char             *message);

void _trib_check_product_name          (TribCheckContext *ctx);
void _trib_check_trademark             (TribCheckContext *ctx);
void _trib_check_withheld_features     (TribCheckContext *ctx);
void _trib_check_copyright_assignment  (TribCheckContext *ctx);
void _trib_check_patches_growing       (TribCheckContext *ctx);
void _trib_check_patch_cost            (TribCheckContext *ctx);
void _trib_check_only_a_user           (TribCheckContext *ctx);
void _trib_check_health_falling        (TribCheckContext *ctx);
void _trib_check_not_invented_here     (TribCheckContext *ctx);
void _trib_check_investment_jump       (TribCheckContext *ctx);
void _trib_check_base_past_eol         (TribCheckContext *ctx);
void _trib_check_release_outlives_base (TribCheckContext *ctx);
void _trib_check_uncertified_promise   (TribCheckContext *ctx);
void _trib_check_archived_in_release   (TribCheckContext *ctx);
void _trib_check_inactive_in_release   (TribCheckContext *ctx);

G_END_DECLS
