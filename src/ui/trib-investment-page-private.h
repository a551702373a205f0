/* trib-investment-page-private.h: what the investment page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-chart-investment.h"
#include "trib-chart-view.h"
#include "trib-investment-page.h"
#include "trib-investment-page-row.h"
#include "trib-investment-table.h"

G_BEGIN_DECLS

#define NAME_WIDTH 220
#define CELL_WIDTH 92
#define TOTAL_WIDTH 84
#define SHARE_WIDTH 96

/* Columns beyond the quarters. */
#define COLUMN_NAME  -1
#define COLUMN_TOTAL(self) ((int) (self)->n_quarters)
#define COLUMN_SHARE(self) ((int) (self)->n_quarters + 1)

struct _TribInvestmentPage
{
  AdwBin               parent_instance;

  TribPageContext     *context;
  TribPlan            *plan;
  TribInvestmentTable *table;
  GListStore          *rows;         /* TribInvestmentRow, one per upstream */
  GListStore          *totals;       /* the total and the cost rows */
  guint                n_quarters;
  char               **quarters;

  GtkStack            *stack;
  GtkOverlay          *overlay;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *view;
  GtkColumnView       *totals_view;
  GtkEntry            *editor;
  GtkLabel            *cell_label;   /* what the cursor is on, in words */
  GtkDropDown         *role_dropdown;
  TribChartView       *chart;
  GtkWidget           *cursor_cell;  /* the bound cell widget under the cursor, if shown */

  guint                cursor_row;
  guint                cursor_col;
  gboolean             editing;
  gboolean             updating_role;
  gint64               editing_upstream; /* the one upstream an edit of this page is changing */
  gulong               changed_id;
};

/* trib-investment-page-edit.c */
void     _trib_investment_page_install_keys   (TribInvestmentPage *self,
                                               GtkWidget          *target);
void     _trib_investment_page_start_edit     (TribInvestmentPage *self,
                                               const char         *initial);
void     _trib_investment_page_commit_edit    (TribInvestmentPage *self);
void     _trib_investment_page_cancel_edit    (TribInvestmentPage *self);
gboolean _trib_investment_page_set_text       (TribInvestmentPage *self,
                                               guint               row,
                                               guint               q,
                                               const char         *text);
void     _trib_investment_page_set_role       (TribInvestmentPage *self,
                                               TribRole            role);
void     _trib_investment_page_copy_forward   (TribInvestmentPage *self);
void     _trib_investment_page_fill_row       (TribInvestmentPage *self);
void     _trib_investment_page_move_cursor    (TribInvestmentPage *self,
                                               int                 d_row,
                                               int                 d_col);

/* trib-investment-page-cells.c */
void     _trib_investment_page_ensure_css     (void);
void     _trib_investment_page_build_columns  (TribInvestmentPage *self);

/* trib-investment-page.c */
TribInvestmentRow *_trib_investment_page_get_row (TribInvestmentPage *self,
                                                  guint               row);
void     _trib_investment_page_show_message   (TribInvestmentPage *self,
                                               const char         *message);
char    *_trib_investment_page_format_fte     (double              fte);

G_END_DECLS
