/* trib-health-tracker.h: a window's health scores and its refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-forge-refresh.h"
#include "trib-health-plan.h"
#include "trib-page-context.h"

G_BEGIN_DECLS

/**
 * TribHealthEntry:
 * @health: (nullable): the score of the latest snapshot; %NULL without one
 * @trend: the latest score minus the previous one
 * @has_trend: whether there was a previous snapshot
 * @weeks: the weekly commits of the latest snapshot
 * @n_weeks: how many (0 when unknown)
 * @taken_at: (nullable): when the latest snapshot was taken
 */
typedef struct
{
  TribHealth *health;
  int         trend;
  gboolean    has_trend;
  int         weeks[52];
  guint       n_weeks;
  char       *taken_at;
} TribHealthEntry;

#define TRIB_TYPE_HEALTH_TRACKER (trib_health_tracker_get_type ())

G_DECLARE_FINAL_TYPE (TribHealthTracker, trib_health_tracker, TRIB, HEALTH_TRACKER, GObject)

TribHealthTracker     *trib_health_tracker_get          (TribPageContext    *context);
TribForgeService      *trib_health_tracker_get_service  (TribHealthTracker  *self);
const TribHealthEntry *trib_health_tracker_lookup       (TribHealthTracker  *self,
                                                         TribUpstream       *upstream);
void                   trib_health_tracker_count        (TribHealthTracker  *self,
                                                         guint               ratings[3],
                                                         guint              *without);
gboolean               trib_health_tracker_refresh      (TribHealthTracker  *self,
                                                         GPtrArray          *upstreams);
void                   trib_health_tracker_cancel       (TribHealthTracker  *self);
TribForgeRefresh      *trib_health_tracker_get_refresh  (TribHealthTracker  *self);
GPtrArray             *trib_health_tracker_get_failures (TribHealthTracker  *self);

G_END_DECLS
