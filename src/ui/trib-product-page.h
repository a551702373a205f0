/* trib-product-page.h: products, releases, their bases, certification and life cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-page-context.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PRODUCT_PAGE (trib_product_page_get_type ())

G_DECLARE_FINAL_TYPE (TribProductPage, trib_product_page, TRIB, PRODUCT_PAGE, GtkBox)

GtkWidget *trib_product_page_new             (TribPageContext *context);
void       trib_product_page_show            (TribProductPage *self,
                                              const char      *view);
gboolean   trib_product_page_focus_entity    (TribProductPage *self,
                                              TribEntity      *entity);
GtkWidget *trib_product_page_get_matrix_cell (TribProductPage *self,
                                              const char      *target,
                                              guint            release);

G_END_DECLS
