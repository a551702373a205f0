/* trib-investment-table.h: engineers per upstream and quarter, with totals and cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan.h"

G_BEGIN_DECLS

typedef struct _TribInvestmentTable TribInvestmentTable;

TribInvestmentTable *trib_investment_table_new            (TribPlan            *plan);
void                 trib_investment_table_free           (TribInvestmentTable *self);
void                 trib_investment_table_reload_upstream (TribInvestmentTable *self,
                                                            TribPlan            *plan,
                                                            gint64               upstream_id);

guint           trib_investment_table_get_n_quarters      (TribInvestmentTable *self);
const char     *trib_investment_table_get_quarter         (TribInvestmentTable *self,
                                                           guint                q);
int             trib_investment_table_quarter_index       (TribInvestmentTable *self,
                                                           const char          *quarter);
TribInvestment *trib_investment_table_lookup              (TribInvestmentTable *self,
                                                           gint64               upstream_id,
                                                           guint                q);
double          trib_investment_table_get_fte             (TribInvestmentTable *self,
                                                           gint64               upstream_id,
                                                           guint                q);
double          trib_investment_table_get_upstream_total  (TribInvestmentTable *self,
                                                           gint64               upstream_id);
double          trib_investment_table_get_quarter_total   (TribInvestmentTable *self,
                                                           guint                q);
double          trib_investment_table_get_quarter_cost    (TribInvestmentTable *self,
                                                           guint                q);
double          trib_investment_table_get_total_cost      (TribInvestmentTable *self);
double          trib_investment_table_get_engineer_year_cost (TribInvestmentTable *self);
GArray         *trib_investment_table_top_upstreams       (TribInvestmentTable *self,
                                                           guint                max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribInvestmentTable, trib_investment_table_free)

G_END_DECLS
