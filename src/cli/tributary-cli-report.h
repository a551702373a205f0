/* tributary-cli-report.h: the roadmap and report commands of tributary-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int trib_cli_roadmap (int    argc,
                      char **argv);
int trib_cli_report  (int    argc,
                      char **argv);

G_END_DECLS
