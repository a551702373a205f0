/* trib-scroll-guard.h: the mouse wheel scrolls pages, not values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trib_scroll_guard_attach (GtkWidget *widget);

G_END_DECLS
