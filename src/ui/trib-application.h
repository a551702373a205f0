/* trib-application.h: the Tributary application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_PLAN_MIME_TYPE "application/x-tributary-plan"

#define TRIB_TYPE_APPLICATION (trib_application_get_type ())

G_DECLARE_FINAL_TYPE (TribApplication, trib_application, TRIB, APPLICATION, AdwApplication)

TribApplication *trib_application_new             (void);

GSettings       *trib_application_get_settings    (TribApplication *self);
const char      *trib_application_get_icon_name   (TribApplication *self);
GtkRecentManager *trib_application_get_recent_manager (TribApplication  *self);
void             trib_application_set_recent_manager (TribApplication  *self,
                                                      GtkRecentManager *manager);
char            *trib_application_get_sample_path (void);

GtkWindow       *trib_application_open_file       (TribApplication *self,
                                                   GFile           *file,
                                                   GtkWindow       *parent);
void             trib_application_open_sample     (TribApplication *self,
                                                   GtkWindow       *parent);
GtkWindow       *trib_application_show_plan       (TribApplication *self,
                                                   TribPlan        *plan);
GtkWindow       *trib_application_find_window     (TribApplication *self,
                                                   const char      *path);
void             trib_application_new_plan        (TribApplication *self,
                                                   GtkWindow       *parent);
GtkWindow       *trib_application_create_plan     (TribApplication *self,
                                                   const char      *path,
                                                   GtkWindow       *parent);
void             trib_application_choose_plan     (TribApplication *self,
                                                   GtkWindow       *parent);
void             trib_application_import_async    (TribApplication     *self,
                                                   const char          *json_path,
                                                   GBytes              *data,
                                                   const char          *plan_path,
                                                   gboolean             replace,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char            *trib_application_import_finish   (TribApplication     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             trib_application_add_recent      (TribApplication *self,
                                                   TribPlan        *plan);
void             trib_application_show_error      (TribApplication *self,
                                                   GtkWindow       *parent,
                                                   const char      *heading,
                                                   const GError    *error);

char            *trib_canonical_path              (const char      *path);
char            *trib_ensure_extension            (const char      *path,
                                                   const char      *extension);

G_END_DECLS
