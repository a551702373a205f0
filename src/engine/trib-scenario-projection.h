/* trib-scenario-projection.h: a business-model scenario, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The projection of SCENARIOS.md: pure arithmetic on a filled-in
 * TribScenarioInputs, no I/O, the same figures on every machine.
 */
#pragma once

#include <glib.h>

#include "trib-plan.h"
#include "trib-scenario-assumptions.h"

G_BEGIN_DECLS

#define TRIB_SCENARIO_MIN_YEARS 3
#define TRIB_SCENARIO_MAX_YEARS 10

/**
 * TribScenarioInputs:
 * @formulas: the model whose formulas apply (a custom scenario's base
 *   model); never %TRIB_BUSINESS_MODEL_CUSTOM
 * @years: the horizon H, 3–10
 * @p0: the starting patch stock
 * @values: every assumption, indexed by #TribAssumption, percentages as
 *   fractions
 *
 * Everything a projection computes from.
 */
typedef struct
{
  TribBusinessModel formulas;
  int               years;
  double            p0;
  double            values[TRIB_N_ASSUMPTIONS];
} TribScenarioInputs;

/**
 * TribScenarioYear:
 *
 * One year t of a projection. Money is in the plan's currency, engineering
 * in FTE. @own_fte and @community_fte split the platform's need K_t;
 * @paid_fte is all engineering the company pays for (own platform share,
 * own-only engineering and patch upkeep; for the services model, own-only
 * engineering, as its consultants carry the patches in billable time).
 * @upkeep_share is patch upkeep as a share of that paid engineering (for
 * the services model: of consultant time, at most 1).
 */
typedef struct
{
  int    year;
  double users;
  double new_customers;
  double customers;
  double arr;
  double services_revenue;
  double revenue;
  double cogs;
  double gross_margin;
  double rd;
  double sm;
  double ga;
  double operating_result;
  double cash;
  double consultants;
  double patch_stock;
  double maintenance_fte;
  double own_fte;
  double community_fte;
  double paid_fte;
  double upkeep_share;
} TribScenarioYear;

/**
 * TribProjection:
 * @n_years: how many of @years are filled in
 * @break_even_year: the first year t whose operating result is 0 or more
 *   (to the cent), or 0 if none within the horizon
 * @total_revenue: revenue summed over the horizon
 * @total_operating_result: operating result summed over the horizon (the
 *   year-H cumulative cash)
 */
typedef struct
{
  int              n_years;
  int              break_even_year;
  double           total_revenue;
  double           total_operating_result;
  TribScenarioYear years[TRIB_SCENARIO_MAX_YEARS];
} TribProjection;

/**
 * TribSensitivity:
 *
 * What year-H cumulative cash does when one assumption moves to the low
 * and the high end of its range (or, without a stated range, by
 * %TRIB_ASSUMPTION_UNSTATED_SWING of its value).
 */
typedef struct
{
  TribAssumption assumption;
  double         value;
  double         low_value;
  double         high_value;
  double         low_delta;  /* year-H cash at low_value minus the scenario's */
  double         high_delta;
} TribSensitivity;

void     trib_scenario_inputs_init_defaults (TribScenarioInputs       *inputs,
                                             TribBusinessModel         formulas,
                                             int                       years);
gboolean trib_scenario_inputs_check         (const TribScenarioInputs *inputs,
                                             GError                  **error);
gboolean trib_scenario_inputs_from_scenario (TribScenarioInputs       *inputs,
                                             TribScenario             *scenario,
                                             TribPlan                 *plan,
                                             GError                  **error);
double   trib_scenario_plan_patch_stock     (TribPlan                 *plan);

void     trib_scenario_project              (const TribScenarioInputs *inputs,
                                             TribProjection           *projection);
guint    trib_scenario_sensitivity          (const TribScenarioInputs *inputs,
                                             TribSensitivity          *items);

G_END_DECLS
