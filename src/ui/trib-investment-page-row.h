/* trib-investment-page-row.h: one upstream's line of the investment grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-investment-table.h"
#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_INVESTMENT_ROW (trib_investment_row_get_type ())

G_DECLARE_FINAL_TYPE (TribInvestmentRow, trib_investment_row, TRIB, INVESTMENT_ROW, GObject)

/* A row is an upstream's, or one of the totals under the grid. */
typedef enum
{
  TRIB_INVESTMENT_ROW_UPSTREAM,
  TRIB_INVESTMENT_ROW_TOTAL,
  TRIB_INVESTMENT_ROW_COST,
} TribInvestmentRowKind;

TribInvestmentRow     *trib_investment_row_new         (TribInvestmentRowKind  kind,
                                                        TribUpstream          *upstream,
                                                        guint                  n_quarters);
TribInvestmentRowKind  trib_investment_row_get_kind    (TribInvestmentRow     *self);
TribUpstream          *trib_investment_row_get_upstream (TribInvestmentRow    *self);
gboolean               trib_investment_row_update      (TribInvestmentRow     *self,
                                                        TribInvestmentTable   *table);
double                 trib_investment_row_get_value   (TribInvestmentRow     *self,
                                                        guint                  q);
gboolean               trib_investment_row_has_value   (TribInvestmentRow     *self,
                                                        guint                  q);
TribRole               trib_investment_row_get_role    (TribInvestmentRow     *self,
                                                        guint                  q);
double                 trib_investment_row_get_total   (TribInvestmentRow     *self);
int                    trib_investment_row_get_cursor  (TribInvestmentRow     *self);
void                   trib_investment_row_set_cursor  (TribInvestmentRow     *self,
                                                        int                    column);

G_END_DECLS
