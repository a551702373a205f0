/* trib-investment.h: the investment entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_INVESTMENT (trib_investment_get_type ())

G_DECLARE_FINAL_TYPE (TribInvestment, trib_investment, TRIB, INVESTMENT, TribEntity)

typedef enum
{
  TRIB_INVESTMENT_FIELD_UPSTREAM_ID,
  TRIB_INVESTMENT_FIELD_QUARTER,
  TRIB_INVESTMENT_FIELD_FTE,
  TRIB_INVESTMENT_FIELD_ROLE,
  TRIB_INVESTMENT_FIELD_NOTES,
  TRIB_INVESTMENT_N_FIELDS
} TribInvestmentField;

TribInvestment *trib_investment_new (void);
gint64 trib_investment_get_upstream_id (TribInvestment *self);
const char *trib_investment_get_quarter (TribInvestment *self);
double trib_investment_get_fte (TribInvestment *self);
TribRole trib_investment_get_role (TribInvestment *self);
const char *trib_investment_get_notes (TribInvestment *self);

G_END_DECLS
