/* trib-scenario-table.h: the columns of a scenario's yearly projection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list of columns for the command line's JSON and CSV, the window's
 * table and its "Copy as CSV", so that they all show the same figures,
 * rounded the same way.
 */
#pragma once

#include <glib.h>

#include "trib-scenario-projection.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_SCENARIO_VALUE_YEAR,  /* the year t, 1…H */
  TRIB_SCENARIO_VALUE_MONEY, /* the plan's currency, rounded to the cent */
  TRIB_SCENARIO_VALUE_COUNT, /* users, customers, patches: four decimals */
  TRIB_SCENARIO_VALUE_FTE,   /* four decimals */
  TRIB_SCENARIO_VALUE_SHARE, /* a fraction, four decimals */
} TribScenarioValueKind;

typedef struct
{
  const char            *key;    /* JSON key and CSV header */
  const char            *label;  /* N_(): column title for people */
  TribScenarioValueKind  kind;
  gsize                  offset; /* of the double (or int, for the year) in TribScenarioYear */
} TribScenarioColumn;

const TribScenarioColumn *trib_scenario_columns       (guint                     *n_columns);
const TribScenarioColumn *trib_scenario_column_lookup (const char                *key);
double                    trib_scenario_column_value  (const TribScenarioColumn  *column,
                                                       const TribScenarioYear    *year);
double                    trib_scenario_round         (TribScenarioValueKind      kind,
                                                       double                     value);
char                     *trib_scenario_format_value  (TribScenarioValueKind      kind,
                                                       double                     value);
void                      trib_csv_append_field       (GString                   *out,
                                                       const char                *text);
void                      trib_csv_append_number      (GString                   *out,
                                                       double                     value);

G_END_DECLS
