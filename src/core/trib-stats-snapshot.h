/* trib-stats-snapshot.h: the stats snapshot entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_STATS_SNAPSHOT (trib_stats_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (TribStatsSnapshot, trib_stats_snapshot, TRIB, STATS_SNAPSHOT, TribEntity)

typedef enum
{
  TRIB_STATS_SNAPSHOT_FIELD_UPSTREAM_ID,
  TRIB_STATS_SNAPSHOT_FIELD_TAKEN_AT,
  TRIB_STATS_SNAPSHOT_FIELD_STARS,
  TRIB_STATS_SNAPSHOT_FIELD_FORKS,
  TRIB_STATS_SNAPSHOT_FIELD_WATCHERS,
  TRIB_STATS_SNAPSHOT_FIELD_OPEN_ISSUES,
  TRIB_STATS_SNAPSHOT_FIELD_CREATED,
  TRIB_STATS_SNAPSHOT_FIELD_LAST_PUSH,
  TRIB_STATS_SNAPSHOT_FIELD_ARCHIVED,
  TRIB_STATS_SNAPSHOT_FIELD_LICENSE,
  TRIB_STATS_SNAPSHOT_FIELD_CONTRIBUTORS,
  TRIB_STATS_SNAPSHOT_FIELD_WEEKLY_COMMITS,
  TRIB_STATS_SNAPSHOT_FIELD_RELEASES_LAST_YEAR,
  TRIB_STATS_SNAPSHOT_FIELD_LAST_RELEASE,
  TRIB_STATS_SNAPSHOT_FIELD_TOP_SHARE,
  TRIB_STATS_SNAPSHOT_FIELD_TOP5_SHARE,
  TRIB_STATS_SNAPSHOT_FIELD_OUR_SHARE,
  TRIB_STATS_SNAPSHOT_FIELD_ABSENCE_FACTOR,
  TRIB_STATS_SNAPSHOT_FIELD_SOURCE,
  TRIB_STATS_SNAPSHOT_FIELD_DEFAULT_BRANCH,
  TRIB_STATS_SNAPSHOT_FIELD_CONTRIBUTORS_NOTE,
  TRIB_STATS_SNAPSHOT_FIELD_COMMITS_NOTE,
  TRIB_STATS_SNAPSHOT_N_FIELDS
} TribStatsSnapshotField;

TribStatsSnapshot *trib_stats_snapshot_new (void);
gint64 trib_stats_snapshot_get_upstream_id (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_taken_at (TribStatsSnapshot *self);
int trib_stats_snapshot_get_stars (TribStatsSnapshot *self);
int trib_stats_snapshot_get_forks (TribStatsSnapshot *self);
int trib_stats_snapshot_get_watchers (TribStatsSnapshot *self);
int trib_stats_snapshot_get_open_issues (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_created (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_last_push (TribStatsSnapshot *self);
gboolean trib_stats_snapshot_get_archived (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_license (TribStatsSnapshot *self);
int trib_stats_snapshot_get_contributors (TribStatsSnapshot *self);
GVariant *trib_stats_snapshot_get_weekly_commits (TribStatsSnapshot *self);
int trib_stats_snapshot_get_releases_last_year (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_last_release (TribStatsSnapshot *self);
double trib_stats_snapshot_get_top_share (TribStatsSnapshot *self);
double trib_stats_snapshot_get_top5_share (TribStatsSnapshot *self);
double trib_stats_snapshot_get_our_share (TribStatsSnapshot *self);
int trib_stats_snapshot_get_absence_factor (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_source (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_default_branch (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_contributors_note (TribStatsSnapshot *self);
const char *trib_stats_snapshot_get_commits_note (TribStatsSnapshot *self);

G_END_DECLS
