/* tributary-cli-check.h: `tributary-cli check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int trib_cli_check (int    argc,
                    char **argv);

G_END_DECLS
