/* trib-health-plan.h: health scores and contributor figures of a plan's upstreams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-contributors.h"
#include "trib-health.h"
#include "trib-plan.h"

G_BEGIN_DECLS

void        trib_health_input_from_snapshot (TribHealthInput        *input,
                                             TribStatsSnapshot      *snapshot,
                                             int                    *weeks,
                                             guint                   n_weeks);
void        trib_health_weights_from_plan   (TribHealthWeights      *weights,
                                             TribPlan               *plan);
TribHealth *trib_health_of_snapshot         (TribPlan               *plan,
                                             TribStatsSnapshot      *snapshot);
TribHealth *trib_health_of_upstream         (TribPlan               *plan,
                                             TribUpstream           *upstream,
                                             int                    *trend,
                                             gboolean               *has_trend,
                                             GError                **error);
void        trib_contributors_to_snapshot   (const TribContributor  *contributors,
                                             guint                   n_contributors,
                                             TribForge               forge,
                                             const char * const     *team_handles,
                                             TribStatsSnapshot      *snapshot);

G_END_DECLS
