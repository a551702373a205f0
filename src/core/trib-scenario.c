/* trib-scenario.c: the scenario entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-scenario"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-scenario.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribScenario
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribScenario, trib_scenario, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "name", .kind = TRIB_FIELD_STRING, .label = N_("Name"), .flags = TRIB_FIELD_REQUIRED, .max = 200 },
  { .name = "model", .kind = TRIB_FIELD_ENUM, .label = N_("Business model"), .def_string = "certified-platform", .enum_type = trib_business_model_get_type },
  { .name = "years", .kind = TRIB_FIELD_INT, .label = N_("Years projected"), .min = 3, .max = 10, .def = 5 },
  { .name = "withholds_platform_features", .kind = TRIB_FIELD_BOOL, .label = N_("Withholds platform features") },
  { .name = "requires_copyright_assignment", .kind = TRIB_FIELD_BOOL, .label = N_("Requires copyright assignment") },
  { .name = "own_trademark", .kind = TRIB_FIELD_BOOL, .label = N_("Sold under its own trademark"), .def = 1 },
  { .name = "assumptions", .kind = TRIB_FIELD_DICT, .label = N_("Assumptions") },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_SCENARIO_N_FIELDS);

static void
trib_scenario_class_init (TribScenarioClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "scenario", "scenarios", N_("scenario"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_SCENARIO_FIELD_NAME;
}

static void
trib_scenario_init (TribScenario *self)
{
}

TribScenario *
trib_scenario_new (void)
{
  return g_object_new (TRIB_TYPE_SCENARIO, NULL);
}

const char *
trib_scenario_get_name (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_NAME));
}

TribBusinessModel
trib_scenario_get_model (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return (TribBusinessModel) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_MODEL));
}

int
trib_scenario_get_years (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_YEARS));
}

gboolean
trib_scenario_get_withholds_platform_features (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_WITHHOLDS_PLATFORM_FEATURES));
}

gboolean
trib_scenario_get_requires_copyright_assignment (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_REQUIRES_COPYRIGHT_ASSIGNMENT));
}

gboolean
trib_scenario_get_own_trademark (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_OWN_TRADEMARK));
}

GVariant *
trib_scenario_get_assumptions (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_variant (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_ASSUMPTIONS));
}

const char *
trib_scenario_get_notes (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_NOTES));
}
