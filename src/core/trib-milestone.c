/* trib-milestone.c: the milestone entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-milestone"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-milestone.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribMilestone
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribMilestone, trib_milestone, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "title", .kind = TRIB_FIELD_STRING, .label = N_("Title"), .flags = TRIB_FIELD_REQUIRED, .max = 300 },
  { .name = "date", .kind = TRIB_FIELD_DATE, .label = N_("Date"), .flags = TRIB_FIELD_REQUIRED },
  { .name = "lane", .kind = TRIB_FIELD_ENUM, .label = N_("Lane"), .def_string = "product", .enum_type = trib_lane_get_type },
  { .name = "step", .kind = TRIB_FIELD_ENUM, .label = N_("Upstream-first step"), .def_string = "none", .enum_type = trib_step_get_type },
  { .name = "upstream_id", .kind = TRIB_FIELD_REF, .label = N_("Upstream"), .ref_type = trib_upstream_get_type, .on_delete = TRIB_REF_SET_NULL },
  { .name = "release_id", .kind = TRIB_FIELD_REF, .label = N_("Release"), .ref_type = trib_product_release_get_type, .on_delete = TRIB_REF_SET_NULL },
  { .name = "scenario_id", .kind = TRIB_FIELD_REF, .label = N_("Scenario"), .ref_type = trib_scenario_get_type, .on_delete = TRIB_REF_SET_NULL },
  { .name = "done", .kind = TRIB_FIELD_BOOL, .label = N_("Done") },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_MILESTONE_N_FIELDS);

static void
trib_milestone_class_init (TribMilestoneClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "milestone", "milestones", N_("milestone"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_MILESTONE_FIELD_TITLE;
}

static void
trib_milestone_init (TribMilestone *self)
{
}

TribMilestone *
trib_milestone_new (void)
{
  return g_object_new (TRIB_TYPE_MILESTONE, NULL);
}

const char *
trib_milestone_get_title (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_TITLE));
}

const char *
trib_milestone_get_date (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_DATE));
}

TribLane
trib_milestone_get_lane (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return (TribLane) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_LANE));
}

TribStep
trib_milestone_get_step (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return (TribStep) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_STEP));
}

gint64
trib_milestone_get_upstream_id (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_UPSTREAM_ID));
}

gint64
trib_milestone_get_release_id (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_RELEASE_ID));
}

gint64
trib_milestone_get_scenario_id (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_SCENARIO_ID));
}

gboolean
trib_milestone_get_done (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_DONE));
}

const char *
trib_milestone_get_notes (TribMilestone *self)
{
  g_return_val_if_fail (TRIB_IS_MILESTONE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_MILESTONE_FIELD_NOTES));
}
