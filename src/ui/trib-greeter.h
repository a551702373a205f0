/* trib-greeter.h: the window shown when no plan is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-application.h"

G_BEGIN_DECLS

#define TRIB_TYPE_GREETER (trib_greeter_get_type ())

G_DECLARE_FINAL_TYPE (TribGreeter, trib_greeter, TRIB, GREETER, AdwApplicationWindow)

TribGreeter *trib_greeter_new            (TribApplication *application);
guint        trib_greeter_get_n_recent   (TribGreeter     *self);

G_END_DECLS
