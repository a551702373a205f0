/* tributary-cli-common.h: what every tributary-cli command says the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_CLI_EXIT_FAILED 1
#define TRIB_CLI_EXIT_USAGE 2

int trib_cli_fail        (const GError *error);
int trib_cli_usage_error (const char   *command,
                          const char   *message);

G_END_DECLS
