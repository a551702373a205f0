/* trib-patches-page.h: the patches we carry or send upstream, and what carrying them costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-page-context.h"
#include "trib-table-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PATCHES_PAGE (trib_patches_page_get_type ())

G_DECLARE_FINAL_TYPE (TribPatchesPage, trib_patches_page, TRIB, PATCHES_PAGE, GtkBox)

GtkWidget     *trib_patches_page_new        (TribPageContext *context);
TribTablePage *trib_patches_page_get_table  (TribPatchesPage *self);
void           trib_patches_page_set_filter (TribPatchesPage *self,
                                             guint            upstream_position,
                                             int              state);

G_END_DECLS
