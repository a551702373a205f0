/* trib-page-context.h: what every page of a plan window is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PAGE_CONTEXT (trib_page_context_get_type ())

G_DECLARE_FINAL_TYPE (TribPageContext, trib_page_context, TRIB, PAGE_CONTEXT, GObject)

TribPageContext *trib_page_context_new               (TribPlan        *plan,
                                                      GCancellable    *cancellable);
TribPlan        *trib_page_context_get_plan          (TribPageContext *self);
GCancellable    *trib_page_context_get_cancellable   (TribPageContext *self);
GObject         *trib_page_context_get_forge_service (TribPageContext *self);
void             trib_page_context_set_forge_service (TribPageContext *self,
                                                      GObject         *service);
void             trib_page_context_add_toast         (TribPageContext *self,
                                                      GtkWidget       *page,
                                                      AdwToast        *toast);
void             trib_page_context_show_undo_toast   (TribPageContext *self,
                                                      GtkWidget       *page,
                                                      const char      *title);

void             trib_editable_set_uncommitted       (GtkWidget       *widget,
                                                      gboolean         uncommitted);
gboolean         trib_editable_get_uncommitted       (GtkWidget       *widget);

G_END_DECLS
