/* tributary-cli-common.c: what every tributary-cli command says the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tributary-cli-common.h"

/**
 * trib_cli_fail:
 * @error: why the command failed
 *
 * Prints @error on one line of standard error, always one line whatever
 * the message holds.
 *
 * Returns: the exit status of a failed command
 */
int
trib_cli_fail (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  g_strdelimit (line, "\n", ' ');
  g_printerr ("tributary-cli: %s\n", line);
  return TRIB_CLI_EXIT_FAILED;
}

/**
 * trib_cli_usage_error:
 * @command: the command that was misused
 * @message: what was wrong with its arguments
 *
 * Says what was wrong and where the command's help is.
 *
 * Returns: the exit status of bad usage
 */
int
trib_cli_usage_error (const char *command,
                      const char *message)
{
  g_printerr ("tributary-cli %s: %s\n", command, message);
  g_printerr (_("Try “tributary-cli %s --help” for more information.\n"), command);
  return TRIB_CLI_EXIT_USAGE;
}
