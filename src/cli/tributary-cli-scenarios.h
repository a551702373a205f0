/* tributary-cli-scenarios.h: `tributary-cli scenarios`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int trib_cli_scenarios (int    argc,
                        char **argv);

G_END_DECLS
