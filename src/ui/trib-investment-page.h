/* trib-investment-page.h: engineers per upstream and quarter, edited like a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-page-context.h"

G_BEGIN_DECLS

#define TRIB_TYPE_INVESTMENT_PAGE (trib_investment_page_get_type ())

G_DECLARE_FINAL_TYPE (TribInvestmentPage, trib_investment_page, TRIB, INVESTMENT_PAGE, AdwBin)

GtkWidget  *trib_investment_page_new          (TribPageContext    *context);
void        trib_investment_page_get_cursor   (TribInvestmentPage *self,
                                               guint              *row,
                                               guint              *quarter);
void        trib_investment_page_set_cursor   (TribInvestmentPage *self,
                                               guint               row,
                                               guint               quarter);
guint       trib_investment_page_get_n_rows   (TribInvestmentPage *self);
int         trib_investment_page_find_row     (TribInvestmentPage *self,
                                               TribUpstream       *upstream);
GtkWidget  *trib_investment_page_get_grid     (TribInvestmentPage *self);
char       *trib_investment_page_get_cell_text (TribInvestmentPage *self,
                                               guint               row,
                                               guint               quarter);
char       *trib_investment_page_get_total_text (TribInvestmentPage *self,
                                               guint               quarter);
gboolean    trib_investment_page_is_editing   (TribInvestmentPage *self);

G_END_DECLS
