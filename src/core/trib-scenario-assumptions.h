/* trib-scenario-assumptions.h: the assumptions of a business-model scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue of SCENARIOS.md: every assumption's key, unit, group,
 * default per model, range and the note that says where its default comes
 * from. It lives in core because the plan refuses an out-of-range value
 * (from the window and from a JSON document alike); the engine computes on
 * it.
 */
#pragma once

#include <glib-object.h>

#include "trib-types.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_ASSUMPTION_USERS0,
  TRIB_ASSUMPTION_USER_GROWTH,
  TRIB_ASSUMPTION_CONVERSION,
  TRIB_ASSUMPTION_LOGO_RETENTION,
  TRIB_ASSUMPTION_ARPC,
  TRIB_ASSUMPTION_NET_RETENTION,
  TRIB_ASSUMPTION_SERVICES_SHARE,
  TRIB_ASSUMPTION_CONSULTANTS0,
  TRIB_ASSUMPTION_UTILIZATION,
  TRIB_ASSUMPTION_BILL_RATE,
  TRIB_ASSUMPTION_CONSULTANT_GROWTH,
  TRIB_ASSUMPTION_GM_SUBSCRIPTION,
  TRIB_ASSUMPTION_GM_SERVICES,
  TRIB_ASSUMPTION_ENGINEER_COST,
  TRIB_ASSUMPTION_CAC_PAYBACK,
  TRIB_ASSUMPTION_GA_SHARE,
  TRIB_ASSUMPTION_PLATFORM_FTE,
  TRIB_ASSUMPTION_PLATFORM_GROWTH,
  TRIB_ASSUMPTION_OWN_ONLY_FTE,
  TRIB_ASSUMPTION_EXTERNAL_SHARE,
  TRIB_ASSUMPTION_HOURS_PER_YEAR,
  TRIB_ASSUMPTION_UPSTREAMED_SHARE,
  TRIB_ASSUMPTION_CHANGES_PER_FTE,
  TRIB_ASSUMPTION_REBASES_PER_YEAR,
  TRIB_ASSUMPTION_HOURS_PER_PATCH,
  TRIB_ASSUMPTION_PATCH_DRIFT,
  TRIB_N_ASSUMPTIONS
} TribAssumption;

typedef enum
{
  TRIB_ASSUMPTION_GROUP_MARKET,
  TRIB_ASSUMPTION_GROUP_REVENUE,
  TRIB_ASSUMPTION_GROUP_COSTS,
  TRIB_ASSUMPTION_GROUP_ENGINEERING,
  TRIB_ASSUMPTION_GROUP_PATCHES,
  TRIB_N_ASSUMPTION_GROUPS
} TribAssumptionGroup;

typedef enum
{
  TRIB_ASSUMPTION_UNIT_COUNT,    /* a number of things (#) */
  TRIB_ASSUMPTION_UNIT_PERCENT,  /* stored as a fraction, shown as % */
  TRIB_ASSUMPTION_UNIT_CURRENCY, /* the plan's currency */
  TRIB_ASSUMPTION_UNIT_FTE,
  TRIB_ASSUMPTION_UNIT_HOURS,
  TRIB_ASSUMPTION_UNIT_MONTHS,
  TRIB_ASSUMPTION_UNIT_PER_YEAR, /* a number of things per year */
} TribAssumptionUnit;

typedef enum
{
  TRIB_ASSUMPTION_ESTIMATE      = 1 << 0, /* no public benchmark: calibrate it */
  TRIB_ASSUMPTION_STATED_RANGE  = 1 << 1, /* SCENARIOS.md states a plausible range */
  TRIB_ASSUMPTION_SERVICES_ONLY = 1 << 2, /* only the services model computes with it */
  TRIB_ASSUMPTION_PLAN_SETTING  = 1 << 3, /* defaults to a setting of the plan */
} TribAssumptionFlags;

/* How far sensitivity moves an assumption that has no stated range:
 * this fraction of its value down and up (within its limits). */
#define TRIB_ASSUMPTION_UNSTATED_SWING 0.2

typedef struct
{
  const char          *key;         /* JSON key, as in SCENARIOS.md */
  const char          *label;       /* N_() */
  const char          *description; /* N_() */
  TribAssumptionGroup  group;
  TribAssumptionUnit   unit;
  guint                flags;
  double               defaults[TRIB_BUSINESS_MODEL_CUSTOM]; /* per model but custom */
  double               min, max;    /* the range of every model, see trib_assumption_get_range() */
  const char          *source;      /* N_(): where the default comes from */
} TribAssumptionInfo;

const TribAssumptionInfo *trib_assumption_get_info    (TribAssumption      assumption);
int                       trib_assumption_from_key    (const char         *key);
double                    trib_assumption_get_default (TribAssumption      assumption,
                                                       TribBusinessModel   formulas);
void                      trib_assumption_get_range   (TribAssumption      assumption,
                                                       TribBusinessModel   formulas,
                                                       double             *min,
                                                       double             *max);
gboolean                  trib_assumption_is_used     (TribAssumption      assumption,
                                                       TribBusinessModel   formulas);
gboolean                  trib_assumption_check       (TribAssumption      assumption,
                                                       TribBusinessModel   formulas,
                                                       double              value,
                                                       char              **message);
char                     *trib_assumption_format      (TribAssumption      assumption,
                                                       double              value);
const char               *trib_assumption_unit_label  (TribAssumptionUnit  unit);
const char               *trib_assumption_group_label (TribAssumptionGroup group);
gboolean                  trib_assumptions_check      (GVariant           *assumptions,
                                                       TribBusinessModel   formulas,
                                                       char              **key,
                                                       char              **message);

G_END_DECLS
