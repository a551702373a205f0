/* tributary-cli-check.c: `tributary-cli check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the strategy checks over a plan and prints the findings, one a
 * line, or as JSON. Exit status 0 when no finding that is not acknowledged
 * is an error, 1 otherwise (or when the plan cannot be read), 2 on bad
 * usage. A reading command: it opens the plan read-only, so it also works
 * while the window holds it.
 */
#define G_LOG_DOMAIN "tributary-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "tributary-cli-common.h"
#include "tributary-cli-check.h"
#include "trib-checks.h"
#include "trib-dates.h"
#include "trib-json-writer.h"
#include "trib-plan.h"

#define EXIT_FINDINGS 1
#define EXIT_FAILED 1
#define EXIT_USAGE 2
#define COMMAND "check"

static char *
to_json (GPtrArray  *findings,
         GError    **error)
{
  g_autoptr(TribJsonWriter) writer = trib_json_writer_new (NULL, NULL);

  /* Keys in sorted order, as every JSON Tributary writes. */
  trib_json_writer_begin_array (writer);
  for (guint i = 0; i < findings->len; i++)
    {
      TribFinding *f = g_ptr_array_index (findings, i);
      TribAcknowledgement *ack = trib_finding_get_acknowledgement (f);
      GPtrArray *subjects = trib_finding_get_subjects (f);

      trib_json_writer_begin_object (writer);
      trib_json_writer_key (writer, "acknowledged");
      trib_json_writer_bool (writer, ack != NULL);
      trib_json_writer_key (writer, "argument");
      trib_json_writer_string (writer, trib_finding_get_argument (f));
      trib_json_writer_key (writer, "message");
      trib_json_writer_string (writer, trib_finding_get_message (f));
      if (ack != NULL)
        {
          trib_json_writer_key (writer, "reason");
          trib_json_writer_string (writer, trib_acknowledgement_get_reason (ack));
        }
      trib_json_writer_key (writer, "rule");
      trib_json_writer_string (writer, trib_finding_get_rule (f));
      trib_json_writer_key (writer, "severity");
      trib_json_writer_string (writer, trib_severity_get_nick (trib_finding_get_severity (f)));
      trib_json_writer_key (writer, "subject");
      trib_json_writer_string (writer, trib_finding_get_subject_key (f));
      trib_json_writer_key (writer, "subjects");
      trib_json_writer_begin_array (writer);
      for (guint s = 0; s < subjects->len; s++)
        {
          g_autofree char *name = trib_finding_get_subject_name (f, s);
          trib_json_writer_string (writer, name);
        }
      trib_json_writer_end_array (writer);
      trib_json_writer_end_object (writer);
    }
  trib_json_writer_end_array (writer);
  return trib_json_writer_finish (writer, NULL, error);
}

static char *
to_text (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);
  guint acknowledged = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      TribFinding *f = g_ptr_array_index (findings, i);
      TribAcknowledgement *ack = trib_finding_get_acknowledgement (f);

      if (ack != NULL)
        {
          acknowledged++;
          /* Translators: severity, rule id, message, then the reason */
          g_string_append_printf (out, _("%s (acknowledged) [%s] %s Reason: %s\n"),
                                  trib_severity_get_label (trib_finding_get_severity (f)),
                                  trib_finding_get_rule (f), trib_finding_get_message (f),
                                  trib_acknowledgement_get_reason (ack));
        }
      else
        /* Translators: severity, rule id, then the message */
        g_string_append_printf (out, _("%s [%s] %s\n"),
                                trib_severity_get_label (trib_finding_get_severity (f)),
                                trib_finding_get_rule (f), trib_finding_get_message (f));
    }
  {
    guint errors = trib_checks_count (findings, TRIB_SEVERITY_ERROR);
    guint warnings = trib_checks_count (findings, TRIB_SEVERITY_WARNING);
    g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
    g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u acknowledged", "%u acknowledged", acknowledged), acknowledged);
    /* Translators: the three counts above */
    g_string_append_printf (out, _("%s, %s, %s.\n"), e, w, a);
  }
  return g_string_free (out, FALSE);
}

/**
 * trib_cli_check:
 *
 * `tributary-cli check PLAN [--json]`.
 *
 * Returns: the exit status
 */
int
trib_cli_check (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *today = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the findings as a JSON array"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Judge dates as of DATE instead of today"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Check a plan against the guide’s strategy rules. Exits "
                                           "with 1 when a finding that nobody acknowledged is an "
                                           "error."));
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return trib_cli_usage_error (COMMAND, error->message);
  if (argc != 2)
    {
      g_autofree char *message = NULL;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %d argument, got %d",
                                              "expected %d arguments, got %d", 1),
                                 1, argc - 1);
      return trib_cli_usage_error (COMMAND, message);
    }
  if (today != NULL && !trib_date_is_valid (today))
    return trib_cli_usage_error (COMMAND, _("--today expects a date written YYYY-MM-DD"));

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    return trib_cli_fail (error);

  findings = trib_checks_run (plan, today);
  if (json)
    {
      text = to_json (findings, &error);
      if (text == NULL)
        return trib_cli_fail (error);
    }
  else
    text = to_text (findings);
  if (fputs (text, stdout) == EOF || (json && fputc ('\n', stdout) == EOF) || fflush (stdout) != 0)
    {
      g_autoptr(GError) write_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                           _("Could not write to the standard output."));
      return trib_cli_fail (write_error);
    }
  return trib_checks_have_errors (findings) ? EXIT_FINDINGS : 0;
}
