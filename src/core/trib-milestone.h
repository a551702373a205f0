/* trib-milestone.h: the milestone entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_MILESTONE (trib_milestone_get_type ())

G_DECLARE_FINAL_TYPE (TribMilestone, trib_milestone, TRIB, MILESTONE, TribEntity)

typedef enum
{
  TRIB_MILESTONE_FIELD_TITLE,
  TRIB_MILESTONE_FIELD_DATE,
  TRIB_MILESTONE_FIELD_LANE,
  TRIB_MILESTONE_FIELD_STEP,
  TRIB_MILESTONE_FIELD_UPSTREAM_ID,
  TRIB_MILESTONE_FIELD_RELEASE_ID,
  TRIB_MILESTONE_FIELD_SCENARIO_ID,
  TRIB_MILESTONE_FIELD_DONE,
  TRIB_MILESTONE_FIELD_NOTES,
  TRIB_MILESTONE_N_FIELDS
} TribMilestoneField;

TribMilestone *trib_milestone_new (void);
const char *trib_milestone_get_title (TribMilestone *self);
const char *trib_milestone_get_date (TribMilestone *self);
TribLane trib_milestone_get_lane (TribMilestone *self);
TribStep trib_milestone_get_step (TribMilestone *self);
gint64 trib_milestone_get_upstream_id (TribMilestone *self);
gint64 trib_milestone_get_release_id (TribMilestone *self);
gint64 trib_milestone_get_scenario_id (TribMilestone *self);
gboolean trib_milestone_get_done (TribMilestone *self);
const char *trib_milestone_get_notes (TribMilestone *self);

G_END_DECLS
