/* trib-stats-snapshot.c: the stats snapshot entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-stats-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-stats-snapshot.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribStatsSnapshot
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribStatsSnapshot, trib_stats_snapshot, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "upstream_id", .kind = TRIB_FIELD_REF, .label = N_("Upstream"), .flags = TRIB_FIELD_REQUIRED | TRIB_FIELD_PARENT, .ref_type = trib_upstream_get_type },
  { .name = "taken_at", .kind = TRIB_FIELD_DATETIME, .label = N_("Taken at"), .flags = TRIB_FIELD_REQUIRED },
  { .name = "stars", .kind = TRIB_FIELD_INT, .label = N_("Stars"), .min = 0, .max = G_MAXINT },
  { .name = "forks", .kind = TRIB_FIELD_INT, .label = N_("Forks"), .min = 0, .max = G_MAXINT },
  { .name = "watchers", .kind = TRIB_FIELD_INT, .label = N_("Watchers"), .min = 0, .max = G_MAXINT },
  { .name = "open_issues", .kind = TRIB_FIELD_INT, .label = N_("Open issues"), .min = 0, .max = G_MAXINT },
  { .name = "created", .kind = TRIB_FIELD_DATE, .label = N_("Created") },
  { .name = "last_push", .kind = TRIB_FIELD_DATETIME, .label = N_("Last push") },
  { .name = "archived", .kind = TRIB_FIELD_BOOL, .label = N_("Archived") },
  { .name = "license", .kind = TRIB_FIELD_STRING, .label = N_("Licence"), .max = 200 },
  { .name = "contributors", .kind = TRIB_FIELD_INT, .label = N_("Contributors"), .min = 0, .max = G_MAXINT },
  { .name = "weekly_commits", .kind = TRIB_FIELD_INTV, .label = N_("Commits per week") },
  { .name = "releases_last_year", .kind = TRIB_FIELD_INT, .label = N_("Releases in the last year"), .min = 0, .max = G_MAXINT },
  { .name = "last_release", .kind = TRIB_FIELD_DATE, .label = N_("Last release") },
  { .name = "top_share", .kind = TRIB_FIELD_DOUBLE, .label = N_("Top contributor share"), .min = 0, .max = 1 },
  { .name = "top5_share", .kind = TRIB_FIELD_DOUBLE, .label = N_("Top five contributors share"), .min = 0, .max = 1 },
  { .name = "our_share", .kind = TRIB_FIELD_DOUBLE, .label = N_("Our share of commits"), .min = 0, .max = 1 },
  /* The fewest contributors who together made half of the contributions (CHAOSS). */
  { .name = "absence_factor", .kind = TRIB_FIELD_INT, .label = N_("Contributor absence factor"), .min = 0, .max = G_MAXINT, .since = 2 },
  { .name = "source", .kind = TRIB_FIELD_STRING, .label = N_("Source"), .max = 1000, .since = 2 },
  { .name = "default_branch", .kind = TRIB_FIELD_STRING, .label = N_("Default branch"), .max = 200, .since = 2 },
  { .name = "contributors_note", .kind = TRIB_FIELD_STRING, .label = N_("Why the contributor list is incomplete"), .max = 1000, .since = 2 },
  { .name = "commits_note", .kind = TRIB_FIELD_STRING, .label = N_("Why the weekly commits are missing"), .max = 1000, .since = 2 },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_STATS_SNAPSHOT_N_FIELDS);

static void
trib_stats_snapshot_class_init (TribStatsSnapshotClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "snapshot", "snapshots", N_("statistics snapshot"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_STATS_SNAPSHOT_FIELD_TAKEN_AT;
  entity_class->lazy = TRUE;
}

static void
trib_stats_snapshot_init (TribStatsSnapshot *self)
{
}

TribStatsSnapshot *
trib_stats_snapshot_new (void)
{
  return g_object_new (TRIB_TYPE_STATS_SNAPSHOT, NULL);
}

gint64
trib_stats_snapshot_get_upstream_id (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_UPSTREAM_ID));
}

const char *
trib_stats_snapshot_get_taken_at (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_TAKEN_AT));
}

int
trib_stats_snapshot_get_stars (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_STARS));
}

int
trib_stats_snapshot_get_forks (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_FORKS));
}

int
trib_stats_snapshot_get_watchers (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_WATCHERS));
}

int
trib_stats_snapshot_get_open_issues (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_OPEN_ISSUES));
}

const char *
trib_stats_snapshot_get_created (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_CREATED));
}

const char *
trib_stats_snapshot_get_last_push (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_LAST_PUSH));
}

gboolean
trib_stats_snapshot_get_archived (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_ARCHIVED));
}

const char *
trib_stats_snapshot_get_license (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_LICENSE));
}

int
trib_stats_snapshot_get_contributors (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_CONTRIBUTORS));
}

GVariant *
trib_stats_snapshot_get_weekly_commits (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_variant (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_WEEKLY_COMMITS));
}

int
trib_stats_snapshot_get_releases_last_year (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_RELEASES_LAST_YEAR));
}

const char *
trib_stats_snapshot_get_last_release (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_LAST_RELEASE));
}

double
trib_stats_snapshot_get_top_share (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_TOP_SHARE));
}

double
trib_stats_snapshot_get_top5_share (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_TOP5_SHARE));
}

double
trib_stats_snapshot_get_our_share (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_OUR_SHARE));
}

int
trib_stats_snapshot_get_absence_factor (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_ABSENCE_FACTOR));
}

const char *
trib_stats_snapshot_get_source (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), NULL);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_SOURCE));
}

const char *
trib_stats_snapshot_get_default_branch (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), NULL);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_DEFAULT_BRANCH));
}

const char *
trib_stats_snapshot_get_contributors_note (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), NULL);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_CONTRIBUTORS_NOTE));
}

const char *
trib_stats_snapshot_get_commits_note (TribStatsSnapshot *self)
{
  g_return_val_if_fail (TRIB_IS_STATS_SNAPSHOT (self), NULL);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_STATS_SNAPSHOT_FIELD_COMMITS_NOTE));
}
