/* tributary-cli.c: plans from the command line, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 on success, 1 on failure (one line on stderr says why),
 * 2 on bad usage.
 */
#define G_LOG_DOMAIN "tributary-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>

#include "tributary-cli-common.h"
#include "trib-enums.h"
#include "trib-plan.h"
#include "trib-plan-json.h"
#include "trib-rules.h"
#include "trib-sample.h"
#include "tributary-cli-check.h"
#include "tributary-cli-forge.h"
#include "trib-store.h"
#include "tributary-cli-report.h"
#include "tributary-cli-scenarios.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *parameters;
  const char  *summary;
  CommandFunc  func;
} Command;

static const Command *current;

/* Parses the options of one command; @n_args is the number of positional
 * arguments it takes. Returns -1 to go on, or an exit status. */
static int
parse (GOptionContext *context,
       int            *argc,
       char         ***argv,
       int             n_args)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(current->summary));
  g_option_context_set_help_enabled (context, TRUE);
  /* GOption prints help to stdout and exits 0 by itself. */
  if (!g_option_context_parse (context, argc, argv, &error))
    return trib_cli_usage_error (current->name, error->message);
  if (*argc - 1 != n_args)
    {
      g_autofree char *message = NULL;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %d argument, got %d",
                                              "expected %d arguments, got %d", n_args),
                                 n_args, *argc - 1);
      return trib_cli_usage_error (current->name, message);
    }
  return -1;
}

static GOptionContext *
context_new (void)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", current->name, current->parameters);
  return g_option_context_new (parameter);
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = context_new ();
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("Name of the plan"), N_("NAME") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse (context, &argc, &argv, 1)) >= 0)
    return status;

  plan = trib_plan_create (argv[1], name, &error);
  /* A name the plan's rules refuse is a bad option, said as the window says it. */
  if (plan == NULL && g_error_matches (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID))
    return trib_cli_usage_error (current->name, error->message);
  if (plan == NULL)
    return trib_cli_fail (error);
  g_print (_("Created plan “%s” in %s\n"), trib_plan_get_title (plan), argv[1]);
  return 0;
}

static int
cmd_sample (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = context_new ();
  gboolean replace = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Overwrite an existing file"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse (context, &argc, &argv, 1)) >= 0)
    return status;

  plan = trib_sample_write (argv[1], replace, &error);
  if (plan == NULL)
    return trib_cli_fail (error);
  g_print (_("Wrote the sample plan “%s” to %s\n"), trib_plan_get_title (plan), argv[1]);
  return 0;
}

static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  TribPlanInfo *info;
  guint n_types;
  GType *types;
  int status;

  if ((status = parse (context, &argc, &argv, 1)) >= 0)
    return status;

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    return trib_cli_fail (error);

  info = trib_plan_get_info (plan);
  g_print ("%-26s %s\n", _("Name:"), trib_plan_info_get_name (info));
  if (trib_plan_info_get_organisation (info))
    g_print ("%-26s %s\n", _("Organisation:"), trib_plan_info_get_organisation (info));
  g_print ("%-26s %d\n", _("Schema version:"), trib_plan_get_schema_version (plan));
  g_print ("%-26s %s, %d %s\n", _("Horizon:"),
           trib_plan_info_get_first_quarter (info) ? trib_plan_info_get_first_quarter (info) : "—",
           trib_plan_info_get_quarters (info), _("quarters"));

  types = trib_plan_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);
      g_autofree char *label = g_strdup_printf ("%s:", klass->json_key);
      g_print ("%-26s %u\n", label, trib_plan_count (plan, types[t]));
    }
  return 0;
}

static int
cmd_add_upstream (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribUpstream) upstream = NULL;
  g_autofree char *importance = NULL;
  g_autofree char *layer = NULL;
  const GOptionEntry entries[] = {
    { "importance", 'i', 0, G_OPTION_ARG_STRING, &importance, N_("Strategic importance, 1 to 5 (default 3)"), "1-5" },
    { "layer", 'l', 0, G_OPTION_ARG_STRING, &layer, N_("Layer in the platform (default platform)"), "above|platform|below" },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse (context, &argc, &argv, 3)) >= 0)
    return status;

  /* Every value goes through the field's own rules, as in the window and
   * the import: a bad option is a usage error that says what is expected. */
  upstream = trib_upstream_new ();
  if ((importance != NULL &&
       !trib_entity_set_from_text (TRIB_ENTITY (upstream), "importance", importance, &error)) ||
      (layer != NULL && !trib_entity_set_from_text (TRIB_ENTITY (upstream), "layer", layer, &error)))
    return trib_cli_usage_error (current->name, error->message);
  if (!trib_entity_set_string (TRIB_ENTITY (upstream), "name", argv[2], &error) ||
      !trib_entity_set_string (TRIB_ENTITY (upstream), "repository", argv[3], &error) ||
      !trib_entity_set_enum (TRIB_ENTITY (upstream), "forge", trib_forge_from_url (argv[3]), &error))
    return trib_cli_fail (error);

  plan = trib_plan_open (argv[1], 0, &error);
  if (plan == NULL || !trib_plan_add (plan, TRIB_ENTITY (upstream), &error))
    return trib_cli_fail (error);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, trib_entity_get_id (TRIB_ENTITY (upstream)));
    g_print (_("Added upstream “%s” (id %s)\n"), argv[2], id);
  }
  return 0;
}

static int
cmd_export_json (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse (context, &argc, &argv, 1)) >= 0)
    return status;

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    return trib_cli_fail (error);

  if (output != NULL && g_strcmp0 (output, "-") != 0)
    {
      if (!trib_plan_export_json (plan, output, &error))
        return trib_cli_fail (error);
    }
  else
    {
      gsize length = 0;
      g_autofree char *text = NULL;
      struct stat out, in;

      /* `>> PLAN` would append the document to the plan being read. */
      if (fstat (STDOUT_FILENO, &out) == 0 && stat (argv[1], &in) == 0 &&
          out.st_dev == in.st_dev && out.st_ino == in.st_ino)
        {
          g_autofree char *name = g_filename_display_basename (argv[1]);
          g_set_error (&error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                       _("The standard output is “%s”, the plan being read: writing there "
                         "would destroy it. Write to another file."), name);
          return trib_cli_fail (error);
        }
      text = trib_plan_to_json (plan, &length, &error);
      if (text == NULL)
        return trib_cli_fail (error);
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to the standard output."));
          return trib_cli_fail (error);
        }
    }
  return 0;
}

static int
cmd_import_json (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Overwrite an existing plan file"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse (context, &argc, &argv, 2)) >= 0)
    return status;

  if (g_strcmp0 (argv[1], "-") == 0)
    {
      /* Read at most one byte more than a document may have, so that an
       * endless stream is refused instead of filling the memory. */
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GByteArray) data = g_byte_array_new ();
      guint8 chunk[65536];
      gssize n;

      while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, &error)) > 0)
        {
          g_byte_array_append (data, chunk, n);
          if (data->len > TRIB_PLAN_JSON_MAX_SIZE)
            break;
        }
      if (n < 0)
        return trib_cli_fail (error);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
      plan = trib_plan_import_json (NULL, bytes, argv[2], replace, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      g_autofree char *path = g_file_get_path (file);
      /* With a path, the import checks the size and maps the file itself. */
      plan = trib_plan_import_json (path ? path : argv[1], NULL, argv[2], replace, &error);
    }

  if (plan == NULL)
    return trib_cli_fail (error);
  g_print (_("Imported “%s” into %s\n"), trib_plan_get_title (plan), argv[2]);
  return 0;
}

static const Command commands[] = {
  { "new", N_("PLAN"), N_("Create a new, empty plan file."), cmd_new },
  { "sample", N_("PLAN"), N_("Write the sample plan to a new plan file."), cmd_sample },
  { "info", N_("PLAN"), N_("Show a plan’s name, schema version and how many of each entity it holds."), cmd_info },
  { "add-upstream", N_("PLAN NAME REPOSITORY_URL"), N_("Add an upstream project to a plan."), cmd_add_upstream },
  { "export-json", N_("PLAN"), N_("Write a plan as a canonical JSON document."), cmd_export_json },
  { "import-json", N_("FILE PLAN"), N_("Create a plan file from a JSON document (FILE may be - for the standard input)."), cmd_import_json },
  { "check", N_("PLAN"), N_("Check a plan against the strategy rules (--json for JSON); exit 1 on an unacknowledged error."), trib_cli_check },
  { "roadmap", N_("PLAN"), N_("Show a plan’s roadmap: its lanes, items and rows (--json for JSON)."), trib_cli_roadmap },
  { "report", N_("PLAN -o OUT.pdf"), N_("Write a plan’s executive report as a PDF (--paper a4|letter, --sections LIST)."), trib_cli_report },
  { "refresh", N_("PLAN"), N_("Fetch the upstreams’ statistics from their forges (--github-api URL, --gitlab-api URL, --concurrency N, --only NAME); exit 1 if one failed."), trib_cli_refresh },
  { "health", N_("PLAN"), N_("Show each upstream’s health score, trend and factors (--json for JSON)."), trib_cli_health },
  { "scenarios", N_("PLAN"), N_("Project each business-model scenario year by year (--json or --csv; --years N)."), trib_cli_scenarios },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: tributary-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (out, "%s\n\n", _("Plan how a product is built on open source, without a display."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].parameters));
      fprintf (out, "  %-40s %s\n", head, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Run “tributary-cli COMMAND --help” for the options of a command."));
}

static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  if ((level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG)) &&
      g_getenv ("G_MESSAGES_DEBUG") == NULL)
    return;
  g_log_default_handler (domain, level, message, user_data);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tributary-cli");
  /* One command at a time: wait for other commands, read one state. */
  trib_store_set_command_line (TRUE);
  /* A failure is one line: notes from the library are for debugging. */
  g_log_set_default_handler (log_handler, NULL);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
      g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("tributary-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        current = &commands[i];
        return commands[i].func (argc - 1, argv + 1);
      }

  g_printerr (_("tributary-cli: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
