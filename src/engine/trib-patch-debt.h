/* trib-patch-debt.h: what carried patches will cost, quarter by quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan.h"

G_BEGIN_DECLS

/* Releases a year assumed for an upstream whose cadence nobody knows: the
 * scenario model's default number of rebases a year (SCENARIOS.md). */
#define TRIB_PATCH_DEBT_DEFAULT_CADENCE 4.0

/* Quarters a patch takes from proposal to merge when the plan has no merged
 * patch with both dates to learn it from. */
#define TRIB_PATCH_DEBT_DEFAULT_MERGE_QUARTERS 2.0

typedef enum
{
  TRIB_DEBT_CARRY_FORWARD, /* the plan as written */
  TRIB_DEBT_UPSTREAM_FIRST, /* every carried patch proposed now */
  TRIB_DEBT_N_CURVES
} TribDebtCurve;

/* Where an upstream's release cadence came from. */
typedef enum
{
  TRIB_CADENCE_SET,        /* the user set it on the upstream */
  TRIB_CADENCE_STATISTICS, /* releases in the year before the latest snapshot */
  TRIB_CADENCE_DEFAULT,    /* nobody knows: TRIB_PATCH_DEBT_DEFAULT_CADENCE */
} TribCadenceSource;

typedef struct _TribPatchDebt TribPatchDebt;

double          trib_upstream_cadence             (TribUpstream      *upstream,
                                                   TribStatsSnapshot *latest,
                                                   TribCadenceSource *source);

TribPatchDebt  *trib_patch_debt_compute           (TribPlan          *plan);
void            trib_patch_debt_free              (TribPatchDebt     *self);

guint           trib_patch_debt_get_n_quarters    (TribPatchDebt     *self);
const char     *trib_patch_debt_get_quarter       (TribPatchDebt     *self,
                                                   guint              index);
double          trib_patch_debt_get_hours         (TribPatchDebt     *self,
                                                   TribDebtCurve      curve,
                                                   guint              index);
double          trib_patch_debt_get_stock         (TribPatchDebt     *self,
                                                   TribDebtCurve      curve,
                                                   guint              index);
double          trib_patch_debt_get_total_hours   (TribPatchDebt     *self,
                                                   TribDebtCurve      curve);
double          trib_patch_debt_get_merge_quarters (TribPatchDebt    *self);
double          trib_patch_debt_get_upstream_hours (TribPatchDebt    *self,
                                                   gint64             upstream_id,
                                                   guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribPatchDebt, trib_patch_debt_free)

G_END_DECLS
