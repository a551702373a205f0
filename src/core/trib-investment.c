/* trib-investment.c: the investment entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-investment"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-investment.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribInvestment
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribInvestment, trib_investment, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "upstream_id", .kind = TRIB_FIELD_REF, .label = N_("Upstream"), .flags = TRIB_FIELD_REQUIRED, .ref_type = trib_upstream_get_type },
  { .name = "quarter", .kind = TRIB_FIELD_QUARTER, .label = N_("Quarter"), .flags = TRIB_FIELD_REQUIRED },
  { .name = "fte", .kind = TRIB_FIELD_DOUBLE, .label = N_("Engineers (FTE)"), .min = 0, .max = 1000, .def = 1 },
  { .name = "role", .kind = TRIB_FIELD_ENUM, .label = N_("Role"), .def_string = "contributor", .enum_type = trib_role_get_type },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_INVESTMENT_N_FIELDS);

static void
trib_investment_class_init (TribInvestmentClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "investment", "investments", N_("investment"),
                                    fields, G_N_ELEMENTS (fields));
  static const int unique[] = { TRIB_INVESTMENT_FIELD_UPSTREAM_ID, TRIB_INVESTMENT_FIELD_QUARTER, -1 };
  entity_class->title_field = TRIB_INVESTMENT_FIELD_QUARTER;
  /* One dial per upstream and quarter: two would be added up by nobody. */
  entity_class->unique = unique;
}

static void
trib_investment_init (TribInvestment *self)
{
}

TribInvestment *
trib_investment_new (void)
{
  return g_object_new (TRIB_TYPE_INVESTMENT, NULL);
}

gint64
trib_investment_get_upstream_id (TribInvestment *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_INVESTMENT_FIELD_UPSTREAM_ID));
}

const char *
trib_investment_get_quarter (TribInvestment *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_INVESTMENT_FIELD_QUARTER));
}

double
trib_investment_get_fte (TribInvestment *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_INVESTMENT_FIELD_FTE));
}

TribRole
trib_investment_get_role (TribInvestment *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT (self), 0);

  return (TribRole) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_INVESTMENT_FIELD_ROLE));
}

const char *
trib_investment_get_notes (TribInvestment *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_INVESTMENT_FIELD_NOTES));
}
