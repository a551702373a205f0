/* trib-plan-info.c: the plan info entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-plan-info"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-plan-info.h"
#include "trib-enums.h"
#include "trib-entities.h"
#include "trib-dates.h"
#include "trib-rules.h"

struct _TribPlanInfo
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribPlanInfo, trib_plan_info, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "name", .kind = TRIB_FIELD_STRING, .label = N_("Name"), .flags = TRIB_FIELD_REQUIRED, .max = 200, .def_string = "Untitled Plan" },
  { .name = "description", .kind = TRIB_FIELD_TEXT, .label = N_("Description") },
  { .name = "organisation", .kind = TRIB_FIELD_STRING, .label = N_("Organisation"), .max = 200 },
  { .name = "currency", .kind = TRIB_FIELD_STRING, .label = N_("Currency"), .flags = TRIB_FIELD_REQUIRED, .max = 3, .def_string = "EUR",
    .check = trib_currency_is_valid, .rule = N_("a three-letter currency code such as EUR"),
    .normalize = trib_currency_normalize },
  { .name = "first_quarter", .kind = TRIB_FIELD_QUARTER, .label = N_("First quarter") },
  { .name = "quarters", .kind = TRIB_FIELD_INT, .label = N_("Number of quarters"), .min = 1, .max = 40, .def = 8 },
  { .name = "engineer_year_cost", .kind = TRIB_FIELD_DOUBLE, .label = N_("Cost of an engineer-year"), .min = 0, .max = 10000000, .def = 200000 },
  { .name = "team_handles", .kind = TRIB_FIELD_STRV, .label = N_("Team forge handles") },
  /* The patch-debt projection and the strategy checks read these. */
  { .name = "patch_drift", .kind = TRIB_FIELD_DOUBLE, .label = N_("Yearly growth of a patch’s carrying cost"), .min = 0, .max = 1, .def = 0.15, .since = 2 },
  { .name = "check_patch_hours", .kind = TRIB_FIELD_DOUBLE, .label = N_("Carrying cost that warns (hours a quarter)"), .min = 0, .max = 1000000, .def = 450, .since = 2 },
  { .name = "check_dial_step", .kind = TRIB_FIELD_DOUBLE, .label = N_("Largest gradual investment step (FTE)"), .min = 0, .max = 1000, .def = 2, .since = 2 },
  { .name = "check_importance", .kind = TRIB_FIELD_INT, .label = N_("Importance that needs investment"), .min = 1, .max = 5, .def = 4, .since = 2 },
  { .name = "check_inactive_days", .kind = TRIB_FIELD_INT, .label = N_("Days without a push that make an upstream inactive"), .min = 1, .max = 3650, .def = 365, .since = 2 },
  { .name = "check_health_drop", .kind = TRIB_FIELD_INT, .label = N_("Fall of the health score that warns (points)"), .min = 1, .max = 100, .def = 10, .since = 2 },
  { .name = "check_healthy_score", .kind = TRIB_FIELD_INT, .label = N_("Health score of a healthy upstream"), .min = 0, .max = 100, .def = 70, .since = 2 },
  /* The health score's weights, in the engine's order of factors (trib-health.h). */
  { .name = "health_weight_longevity", .kind = TRIB_FIELD_INT, .label = N_("Health weight: Longevity"), .min = 0, .max = 100, .def = 10, .since = 2 },
  { .name = "health_weight_activity", .kind = TRIB_FIELD_INT, .label = N_("Health weight: Activity"), .min = 0, .max = 100, .def = 25, .since = 2 },
  { .name = "health_weight_releases", .kind = TRIB_FIELD_INT, .label = N_("Health weight: Release cadence"), .min = 0, .max = 100, .def = 15, .since = 2 },
  { .name = "health_weight_users", .kind = TRIB_FIELD_INT, .label = N_("Health weight: Users"), .min = 0, .max = 100, .def = 15, .since = 2 },
  { .name = "health_weight_diversity", .kind = TRIB_FIELD_INT, .label = N_("Health weight: Contributor diversity"), .min = 0, .max = 100, .def = 25, .since = 2 },
  { .name = "health_weight_involvement", .kind = TRIB_FIELD_INT, .label = N_("Health weight: Our involvement"), .min = 0, .max = 100, .def = 10, .since = 2 },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_PLAN_INFO_N_FIELDS);

static void
trib_plan_info_class_init (TribPlanInfoClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "plan", "plan", N_("plan"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_PLAN_INFO_FIELD_NAME;
}

static void
trib_plan_info_init (TribPlanInfo *self)
{
}

TribPlanInfo *
trib_plan_info_new (void)
{
  return g_object_new (TRIB_TYPE_PLAN_INFO, NULL);
}

const char *
trib_plan_info_get_name (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_NAME));
}

const char *
trib_plan_info_get_description (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_DESCRIPTION));
}

const char *
trib_plan_info_get_organisation (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_ORGANISATION));
}

const char *
trib_plan_info_get_currency (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_CURRENCY));
}

const char *
trib_plan_info_get_first_quarter (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_FIRST_QUARTER));
}

int
trib_plan_info_get_quarters (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_QUARTERS));
}

double
trib_plan_info_get_engineer_year_cost (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST));
}

const char * const *
trib_plan_info_get_team_handles (TribPlanInfo *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);

  return (const char * const *) g_value_get_boxed (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PLAN_INFO_FIELD_TEAM_HANDLES));
}

/**
 * trib_plan_info_get_health_weight:
 * @self: the plan's settings
 * @factor: a health factor, 0–5, in the order of TribHealthFactorId:
 *   longevity, activity, release cadence, users, contributor diversity,
 *   our involvement
 *
 * Returns: the factor's weight, 0–100
 */
int
trib_plan_info_get_health_weight (TribPlanInfo *self,
                                  guint         factor)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), 0);
  g_return_val_if_fail (factor < 6, 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self),
                                                  TRIB_PLAN_INFO_FIELD_HEALTH_WEIGHT_LONGEVITY + factor));
}

/**
 * trib_plan_info_quarter_index:
 * @self: the plan's settings
 * @quarter: a quarter written YYYY-Qn
 *
 * Returns: the position of @quarter within the plan's horizon, from 0 for
 *   its first quarter to trib_plan_info_get_quarters() - 1, or -1 if it lies
 *   outside (or the plan has no first quarter yet)
 */
int
trib_plan_info_quarter_index (TribPlanInfo *self,
                              const char   *quarter)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), -1);

  return trib_quarter_index (trib_plan_info_get_first_quarter (self),
                             trib_plan_info_get_quarters (self), quarter);
}

/**
 * trib_plan_info_quarter_at:
 * @self: the plan's settings
 * @index: a position within the plan's horizon
 *
 * Returns: (transfer full) (nullable): the quarter at @index ("2027-Q3"),
 *   or %NULL outside the horizon or when the plan has no first quarter
 */
char *
trib_plan_info_quarter_at (TribPlanInfo *self,
                           int           index)
{
  g_return_val_if_fail (TRIB_IS_PLAN_INFO (self), NULL);

  if (index < 0 || index >= trib_plan_info_get_quarters (self))
    return NULL;
  return trib_quarter_add (trib_plan_info_get_first_quarter (self), index);
}
