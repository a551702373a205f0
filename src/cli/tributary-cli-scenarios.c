/* tributary-cli-scenarios.c: `tributary-cli scenarios`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Projects every business-model scenario of a plan (SCENARIOS.md) and
 * writes the figures as a table, as JSON or as CSV. A reading command: it
 * opens the plan read-only, so it also works while the window holds it.
 */
#define G_LOG_DOMAIN "tributary-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "tributary-cli-common.h"
#include "tributary-cli-scenarios.h"
#include "trib-enums.h"
#include "trib-json-writer.h"
#include "trib-labels.h"
#include "trib-plan.h"
#include "trib-scenario-projection.h"
#include "trib-scenario-table.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2
#define COMMAND "scenarios"

typedef struct
{
  TribScenario       *scenario;
  TribScenarioInputs  inputs;
  TribProjection      projection;
} Result;

static int
write_stdout (const char *text,
              gsize       length)
{
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                     _("Could not write to the standard output."));
      return trib_cli_fail (error);
    }
  return 0;
}

static const char *
model_nick (TribBusinessModel model)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TRIB_TYPE_BUSINESS_MODEL);
  GEnumValue *value = g_enum_get_value (klass, model);

  return value ? value->value_nick : "";
}

static char *
to_json (const Result *results,
         guint         n)
{
  g_autoptr(TribJsonWriter) writer = trib_json_writer_new (NULL, NULL);
  guint n_columns;
  const TribScenarioColumn *columns = trib_scenario_columns (&n_columns);

  trib_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      const Result *r = &results[i];

      trib_json_writer_begin_object (writer);
      trib_json_writer_key (writer, "name");
      trib_json_writer_string (writer, trib_scenario_get_name (r->scenario));
      trib_json_writer_key (writer, "model");
      trib_json_writer_string (writer, model_nick (trib_scenario_get_model (r->scenario)));
      trib_json_writer_key (writer, "formulas");
      trib_json_writer_string (writer, model_nick (r->inputs.formulas));
      trib_json_writer_key (writer, "p0");
      trib_json_writer_double (writer, r->inputs.p0);
      trib_json_writer_key (writer, "p0_from_plan");
      trib_json_writer_bool (writer, trib_scenario_get_p0_from_plan (r->scenario));
      trib_json_writer_key (writer, "assumptions");
      trib_json_writer_begin_object (writer);
      for (guint a = 0; a < TRIB_N_ASSUMPTIONS; a++)
        {
          trib_json_writer_key (writer, trib_assumption_get_info (a)->key);
          trib_json_writer_double (writer, r->inputs.values[a]);
        }
      trib_json_writer_end_object (writer);
      trib_json_writer_key (writer, "break_even_year");
      if (r->projection.break_even_year > 0)
        trib_json_writer_int (writer, r->projection.break_even_year);
      else
        trib_json_writer_null (writer);
      /* Over the whole horizon: what the years add up to. */
      trib_json_writer_key (writer, "totals");
      trib_json_writer_begin_object (writer);
      trib_json_writer_key (writer, "revenue");
      trib_json_writer_double (writer, trib_scenario_round (TRIB_SCENARIO_VALUE_MONEY,
                                                            r->projection.total_revenue));
      trib_json_writer_key (writer, "operating_result");
      trib_json_writer_double (writer,
                               trib_scenario_round (TRIB_SCENARIO_VALUE_MONEY,
                                                    r->projection.total_operating_result));
      trib_json_writer_end_object (writer);
      trib_json_writer_key (writer, "years");
      trib_json_writer_begin_array (writer);
      for (int t = 0; t < r->projection.n_years; t++)
        {
          trib_json_writer_begin_object (writer);
          for (guint c = 0; c < n_columns; c++)
            {
              double value = trib_scenario_column_value (&columns[c], &r->projection.years[t]);

              trib_json_writer_key (writer, columns[c].key);
              if (columns[c].kind == TRIB_SCENARIO_VALUE_YEAR)
                trib_json_writer_int (writer, (gint64) value);
              else
                trib_json_writer_double (writer, value);
            }
          trib_json_writer_end_object (writer);
        }
      trib_json_writer_end_array (writer);
      trib_json_writer_end_object (writer);
    }
  trib_json_writer_end_array (writer);
  return trib_json_writer_finish (writer, NULL, NULL);
}

static char *
to_csv (const Result *results,
        guint         n)
{
  GString *out = g_string_new ("name,model,p0,break_even_year");
  guint n_columns;
  const TribScenarioColumn *columns = trib_scenario_columns (&n_columns);

  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, ",%s", columns[c].key);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < n; i++)
    for (int t = 0; t < results[i].projection.n_years; t++)
      {
        const Result *r = &results[i];

        trib_csv_append_field (out, trib_scenario_get_name (r->scenario));
        g_string_append_printf (out, ",%s,", model_nick (trib_scenario_get_model (r->scenario)));
        trib_csv_append_number (out, r->inputs.p0);
        g_string_append_c (out, ',');
        if (r->projection.break_even_year > 0)
          g_string_append_printf (out, "%d", r->projection.break_even_year);
        for (guint c = 0; c < n_columns; c++)
          {
            g_string_append_c (out, ',');
            trib_csv_append_number (out, trib_scenario_column_value (&columns[c],
                                                                     &r->projection.years[t]));
          }
        g_string_append (out, "\r\n");
      }
  return g_string_free (out, FALSE);
}

static char *
to_text (TribPlan     *plan,
         const Result *results,
         guint         n)
{
  static const char * const shown[] = { "revenue", "operating_result", "cash", "own_fte",
                                        "community_fte", "patch_stock" };
  GString *out = g_string_new (NULL);
  const char *currency = trib_plan_info_get_currency (trib_plan_get_info (plan));

  if (n == 0)
    g_string_append_printf (out, "%s\n", _("The plan has no business-model scenarios."));
  for (guint i = 0; i < n; i++)
    {
      const Result *r = &results[i];
      g_autofree char *be = r->projection.break_even_year > 0
        ? g_strdup_printf (_("year %d"), r->projection.break_even_year)
        : g_strdup (_("not within the horizon"));

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s — %s\n", trib_scenario_get_name (r->scenario),
                              trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL,
                                                   trib_scenario_get_model (r->scenario)));
      /* Translators: "Starting patch stock: 42 · Break-even: year 3 · Money in EUR" */
      g_string_append_printf (out, _("Starting patch stock: %g · Break-even: %s · Money in %s\n"),
                              r->inputs.p0, be, currency);
      g_string_append_printf (out, "%-6s", _("Year"));
      for (guint c = 0; c < G_N_ELEMENTS (shown); c++)
        g_string_append_printf (out, "  %*s", (int) MAX (strlen (shown[c]), 14), shown[c]);
      g_string_append_c (out, '\n');
      for (int t = 0; t < r->projection.n_years; t++)
        {
          g_string_append_printf (out, "%-6d", t + 1);
          for (guint c = 0; c < G_N_ELEMENTS (shown); c++)
            {
              const TribScenarioColumn *column = trib_scenario_column_lookup (shown[c]);
              g_autofree char *text = trib_scenario_format_value (
                column->kind, trib_scenario_column_value (column, &r->projection.years[t]));
              int width = (int) MAX (strlen (column->key), 14);

              /* Pad by characters, not bytes: grouped digits hold thin spaces. */
              g_string_append (out, "  ");
              for (glong pad = width - g_utf8_strlen (text, -1); pad > 0; pad--)
                g_string_append_c (out, ' ');
              g_string_append (out, text);
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * trib_cli_scenarios:
 * @argc: the number of arguments after the command name, plus one
 * @argv: the command name and its arguments
 *
 * `tributary-cli scenarios PLAN [--json|--csv] [--years N]`
 *
 * Returns: the exit status
 */
int
trib_cli_scenarios (int    argc,
                    char **argv)
{
  gboolean json = FALSE, csv = FALSE;
  int years = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV, one row per scenario and year"), NULL },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Project N years (3–10) instead of each scenario’s own"), N_("N") },
    { NULL }
  };
  g_autofree char *parameter = g_strdup_printf ("%s %s", COMMAND, _("PLAN"));
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autofree Result *results = NULL;
  g_autofree char *text = NULL;
  GListModel *scenarios;
  guint n;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Project each business-model scenario of a plan year "
                                           "by year, with its break-even year."));
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
  if (json && csv)
    return trib_cli_usage_error (COMMAND, _("--json and --csv cannot be used together"));
  if (years != 0 && (years < TRIB_SCENARIO_MIN_YEARS || years > TRIB_SCENARIO_MAX_YEARS))
    {
      g_autofree char *message = g_strdup_printf (_("--years must be %d to %d"),
                                                  TRIB_SCENARIO_MIN_YEARS,
                                                  TRIB_SCENARIO_MAX_YEARS);
      return trib_cli_usage_error (COMMAND, message);
    }

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    return trib_cli_fail (error);

  scenarios = trib_plan_get_items (plan, TRIB_TYPE_SCENARIO);
  n = g_list_model_get_n_items (scenarios);
  results = g_new0 (Result, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      Result *r = &results[i];

      r->scenario = g_list_model_get_item (scenarios, i);
      if (!trib_scenario_inputs_from_scenario (&r->inputs, r->scenario, plan, &error))
        {
          g_autoptr(GError) named = g_error_new (error->domain, error->code,
                                                 /* Translators: scenario name, then the problem */
                                                 _("Scenario “%s”: %s"),
                                                 trib_scenario_get_name (r->scenario),
                                                 error->message);
          for (guint j = 0; j <= i; j++)
            g_clear_object (&results[j].scenario);
          return trib_cli_fail (named);
        }
      if (years != 0)
        r->inputs.years = years;
      trib_scenario_project (&r->inputs, &r->projection);
    }

  if (json)
    text = to_json (results, n);
  else if (csv)
    text = to_csv (results, n);
  else
    text = to_text (plan, results, n);
  for (guint i = 0; i < n; i++)
    g_clear_object (&results[i].scenario);
  return write_stdout (text, strlen (text));
}
