/* trib-health-preferences.h: the Forges page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *trib_health_preferences_page_new (GSettings *settings);

G_END_DECLS
