/* trib-product-page-private.h: what the product page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-chart-view.h"
#include "trib-product-page.h"

G_BEGIN_DECLS

struct _TribProductPage
{
  GtkBox           parent_instance;

  TribPageContext *context;
  TribPlan        *plan;
  GtkStack        *stack;
  TribChartView   *lifecycle;

  /* trib-product-page-matrix.c */
  GtkGrid         *matrix;
  GtkStack        *matrix_stack;
  GtkEntry        *target_entry;
  GtkDropDown     *kind_dropdown;
  GPtrArray       *targets;
  guint            matrix_idle;
  gboolean         matrix_updating;
  int              matrix_focus_row;
  int              matrix_focus_col;
};

GtkWidget *_trib_product_page_build_matrix (TribProductPage *self);
void       _trib_product_page_queue_matrix (TribProductPage *self);
void       _trib_product_page_stop_matrix  (TribProductPage *self);

G_END_DECLS
