/* trib-preferences-window.h: the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_PREFERENCES_WINDOW (trib_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TribPreferencesWindow, trib_preferences_window, TRIB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *trib_preferences_window_new (void);

G_END_DECLS
