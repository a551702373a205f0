/* trib-plan-info.h: the plan info entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PLAN_INFO (trib_plan_info_get_type ())

G_DECLARE_FINAL_TYPE (TribPlanInfo, trib_plan_info, TRIB, PLAN_INFO, TribEntity)

typedef enum
{
  TRIB_PLAN_INFO_FIELD_NAME,
  TRIB_PLAN_INFO_FIELD_DESCRIPTION,
  TRIB_PLAN_INFO_FIELD_ORGANISATION,
  TRIB_PLAN_INFO_FIELD_CURRENCY,
  TRIB_PLAN_INFO_FIELD_FIRST_QUARTER,
  TRIB_PLAN_INFO_FIELD_QUARTERS,
  TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST,
  TRIB_PLAN_INFO_FIELD_TEAM_HANDLES,
  TRIB_PLAN_INFO_FIELD_PATCH_DRIFT,
  TRIB_PLAN_INFO_FIELD_CHECK_PATCH_HOURS,
  TRIB_PLAN_INFO_FIELD_CHECK_DIAL_STEP,
  TRIB_PLAN_INFO_FIELD_CHECK_IMPORTANCE,
  TRIB_PLAN_INFO_FIELD_CHECK_INACTIVE_DAYS,
  TRIB_PLAN_INFO_FIELD_CHECK_HEALTH_DROP,
  TRIB_PLAN_INFO_FIELD_CHECK_HEALTHY_SCORE,
  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_LONGEVITY,
  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_ACTIVITY,
  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_RELEASES,
  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_USERS,
  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_DIVERSITY,
  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_INVOLVEMENT,
  TRIB_PLAN_INFO_N_FIELDS
} TribPlanInfoField;

TribPlanInfo *trib_plan_info_new (void);
const char *trib_plan_info_get_name (TribPlanInfo *self);
const char *trib_plan_info_get_description (TribPlanInfo *self);
const char *trib_plan_info_get_organisation (TribPlanInfo *self);
const char *trib_plan_info_get_currency (TribPlanInfo *self);
const char *trib_plan_info_get_first_quarter (TribPlanInfo *self);
int trib_plan_info_get_quarters (TribPlanInfo *self);
double trib_plan_info_get_engineer_year_cost (TribPlanInfo *self);
const char * const *trib_plan_info_get_team_handles (TribPlanInfo *self);
int trib_plan_info_get_health_weight (TribPlanInfo *self,
                                      guint         factor);

int trib_plan_info_quarter_index (TribPlanInfo *self,
                                  const char   *quarter);
char *trib_plan_info_quarter_at (TribPlanInfo *self,
                                 int           index);

G_END_DECLS
