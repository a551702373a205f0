/* trib-scenario.h: the scenario entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"
#include "trib-scenario-assumptions.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCENARIO (trib_scenario_get_type ())

G_DECLARE_FINAL_TYPE (TribScenario, trib_scenario, TRIB, SCENARIO, TribEntity)

typedef enum
{
  TRIB_SCENARIO_FIELD_NAME,
  TRIB_SCENARIO_FIELD_MODEL,
  TRIB_SCENARIO_FIELD_YEARS,
  TRIB_SCENARIO_FIELD_WITHHOLDS_PLATFORM_FEATURES,
  TRIB_SCENARIO_FIELD_REQUIRES_COPYRIGHT_ASSIGNMENT,
  TRIB_SCENARIO_FIELD_OWN_TRADEMARK,
  TRIB_SCENARIO_FIELD_ASSUMPTIONS,
  TRIB_SCENARIO_FIELD_NOTES,
  TRIB_SCENARIO_FIELD_BASE_MODEL,
  TRIB_SCENARIO_FIELD_P0_FROM_PLAN,
  TRIB_SCENARIO_FIELD_P0,
  TRIB_SCENARIO_N_FIELDS
} TribScenarioField;

TribScenario *trib_scenario_new (void);
const char *trib_scenario_get_name (TribScenario *self);
TribBusinessModel trib_scenario_get_model (TribScenario *self);
int trib_scenario_get_years (TribScenario *self);
gboolean trib_scenario_get_withholds_platform_features (TribScenario *self);
gboolean trib_scenario_get_requires_copyright_assignment (TribScenario *self);
gboolean trib_scenario_get_own_trademark (TribScenario *self);
GVariant *trib_scenario_get_assumptions (TribScenario *self);
const char *trib_scenario_get_notes (TribScenario *self);
TribBusinessModel trib_scenario_get_base_model (TribScenario *self);
gboolean trib_scenario_get_p0_from_plan (TribScenario *self);
double trib_scenario_get_p0 (TribScenario *self);
TribBusinessModel trib_scenario_get_formulas (TribScenario *self);
double trib_scenario_get_assumption (TribScenario *self,
                                     TribAssumption assumption,
                                     gboolean *is_set);

G_END_DECLS
