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
  { .name = "base_model", .kind = TRIB_FIELD_ENUM, .label = N_("Base model"), .def_string = "certified-platform", .enum_type = trib_business_model_get_type, .since = 2 },
  { .name = "p0_from_plan", .kind = TRIB_FIELD_BOOL, .label = N_("Patch stock from the plan"), .def = 1, .since = 2 },
  { .name = "p0", .kind = TRIB_FIELD_DOUBLE, .label = N_("Starting patch stock"), .min = 0, .max = 1000000, .def = 0, .since = 2 },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_SCENARIO_N_FIELDS);

/* The model whose formulas, defaults and ranges apply. */
static TribBusinessModel
formulas_of (TribBusinessModel model,
             TribBusinessModel base_model)
{
  return model == TRIB_BUSINESS_MODEL_CUSTOM ? base_model : model;
}

/* The assumptions' ranges depend on the model (freemium converts 1–10%,
 * open source 0.05–1%), so they are checked across fields. */
static gboolean
check_scenario (const GValue * const *values,
                char               **field,
                char               **message)
{
  TribBusinessModel model = g_value_get_enum (values[TRIB_SCENARIO_FIELD_MODEL]);
  TribBusinessModel base = g_value_get_enum (values[TRIB_SCENARIO_FIELD_BASE_MODEL]);
  g_autofree char *key = NULL;

  if (base == TRIB_BUSINESS_MODEL_CUSTOM)
    {
      *field = g_strdup (fields[TRIB_SCENARIO_FIELD_BASE_MODEL].name);
      *message = g_strdup (_("a custom scenario starts from one of the five models, not from "
                             "“custom”"));
      return FALSE;
    }
  if (!trib_assumptions_check (g_value_get_variant (values[TRIB_SCENARIO_FIELD_ASSUMPTIONS]),
                               formulas_of (model, base), &key, message))
    {
      *field = g_strdup_printf ("%s.%s", fields[TRIB_SCENARIO_FIELD_ASSUMPTIONS].name, key);
      return FALSE;
    }
  return TRUE;
}

static void
trib_scenario_class_init (TribScenarioClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "scenario", "scenarios", N_("scenario"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_SCENARIO_FIELD_NAME;
  entity_class->check = check_scenario;
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

TribBusinessModel
trib_scenario_get_base_model (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return (TribBusinessModel) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_BASE_MODEL));
}

/**
 * trib_scenario_get_p0_from_plan:
 * @self: a scenario
 *
 * Returns: whether the starting patch stock P0 is the plan's carried
 *   patches (the default), rather than trib_scenario_get_p0()
 */
gboolean
trib_scenario_get_p0_from_plan (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), FALSE);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_P0_FROM_PLAN));
}

/**
 * trib_scenario_get_p0:
 * @self: a scenario
 *
 * Returns: the starting patch stock the user entered, used when
 *   trib_scenario_get_p0_from_plan() is %FALSE
 */
double
trib_scenario_get_p0 (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_SCENARIO_FIELD_P0));
}

/**
 * trib_scenario_get_formulas:
 * @self: a scenario
 *
 * Returns: the model whose formulas, defaults and ranges the scenario
 *   uses: its model, or for a custom scenario its base model
 */
TribBusinessModel
trib_scenario_get_formulas (TribScenario *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);

  return formulas_of (trib_scenario_get_model (self), trib_scenario_get_base_model (self));
}

/**
 * trib_scenario_get_assumption:
 * @self: a scenario
 * @assumption: an assumption
 * @is_set: (out) (optional): whether the scenario stores a value for it
 *
 * Returns: the stored value, or the model's default when none is stored
 *   (for engineer_cost the caller puts the plan's setting first)
 */
double
trib_scenario_get_assumption (TribScenario  *self,
                              TribAssumption assumption,
                              gboolean      *is_set)
{
  GVariant *dict;
  double value;

  g_return_val_if_fail (TRIB_IS_SCENARIO (self), 0);
  g_return_val_if_fail (assumption < TRIB_N_ASSUMPTIONS, 0);

  dict = trib_scenario_get_assumptions (self);
  if (dict != NULL &&
      g_variant_lookup (dict, trib_assumption_get_info (assumption)->key, "d", &value))
    {
      if (is_set)
        *is_set = TRUE;
      return value;
    }
  if (is_set)
    *is_set = FALSE;
  return trib_assumption_get_default (assumption, trib_scenario_get_formulas (self));
}
