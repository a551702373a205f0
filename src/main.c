/* main.c: the tributary program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tributary"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "trib-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribApplication) application = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Tributary"));

  /* GSettings aborts on a missing schema; say what to do instead. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("The settings schema “%s” is not installed. Install Tributary, or point "
                    "GSETTINGS_SCHEMA_DIR at the “data” folder of its build.\n"), BASE_ID);
      return 1;
    }

  application = trib_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
