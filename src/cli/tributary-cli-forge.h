/* tributary-cli-forge.h: `tributary-cli refresh` and `tributary-cli health`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int trib_cli_refresh (int    argc,
                      char **argv);
int trib_cli_health  (int    argc,
                      char **argv);

G_END_DECLS
