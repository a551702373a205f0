/* trib-window-private.h: what the files of TribWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-window.h"

G_BEGIN_DECLS

struct _TribWindow
{
  AdwApplicationWindow  parent_instance;

  TribPlan             *plan;
  TribPageContext      *context;
  GSettings            *settings;
  /* Cancelled when the window closes: nothing started from it outlives it. */
  GCancellable         *cancellable;
  AdwToast             *import_toast;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *sidebar_title;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
};

TribApplication *_trib_window_get_application     (TribWindow   *self);
gboolean         _trib_window_is_closed           (TribWindow   *self);
void             _trib_window_show_toast          (TribWindow   *self,
                                                   const char   *text);
void             _trib_window_show_error          (TribWindow   *self,
                                                   const char   *heading,
                                                   const GError *error);

GtkWidget       *_trib_window_get_visible_page_widget (TribWindow *self);
void             _trib_window_add_page_shortcuts  (TribWindow   *self);

void             _trib_window_save_as_action      (GtkWidget    *widget,
                                                   const char   *action_name,
                                                   GVariant     *parameter);
void             _trib_window_export_json_action  (GtkWidget    *widget,
                                                   const char   *action_name,
                                                   GVariant     *parameter);
void             _trib_window_import_json_action  (GtkWidget    *widget,
                                                   const char   *action_name,
                                                   GVariant     *parameter);

G_END_DECLS
