/* trib-window.h: the window of one open plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-application.h"
#include "trib-page-context.h"
#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_WINDOW (trib_window_get_type ())

G_DECLARE_FINAL_TYPE (TribWindow, trib_window, TRIB, WINDOW, AdwApplicationWindow)

TribWindow *trib_window_new              (TribApplication *application,
                                          TribPlan        *plan);
TribPlan   *trib_window_get_plan         (TribWindow      *self);
TribPageContext *trib_window_get_context (TribWindow      *self);
const char *trib_window_get_visible_page (TribWindow      *self);
void        trib_window_show_page        (TribWindow      *self,
                                          const char      *name);
gboolean    trib_window_save_as          (TribWindow      *self,
                                          const char      *path);
void        trib_window_export_json      (TribWindow      *self,
                                          const char      *path);
void        trib_window_import_json      (TribWindow      *self,
                                          const char      *json_path,
                                          const char      *plan_path);
void        trib_window_add_toast        (TribWindow      *self,
                                          AdwToast        *toast);

G_END_DECLS
