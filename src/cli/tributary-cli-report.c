/* tributary-cli-report.c: `tributary-cli roadmap` and `tributary-cli report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tributary-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tributary-cli-common.h"
#include "tributary-cli-report.h"
#include "trib-plan.h"
#include "trib-file-policy.h"
#include "trib-chart-roadmap.h"
#include "trib-report.h"
#include "trib-roadmap.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

/* Returns -1 to go on, or an exit status. */
static int
parse (GOptionContext *context,
       const char     *command,
       const char     *summary,
       int            *argc,
       char         ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return trib_cli_usage_error (command, error->message);
  if (*argc != 2)
    {
      g_autofree char *message = NULL;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %d argument, got %d",
                                              "expected %d arguments, got %d", 1),
                                 1, *argc - 1);
      return trib_cli_usage_error (command, message);
    }
  return -1;
}

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

static char *
roadmap_to_json (TribRoadmap *roadmap)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = trib_roadmap_get_n_items (roadmap);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lanes");
  json_builder_begin_array (builder);
  for (int lane = 0; lane < TRIB_ROADMAP_N_LANES; lane++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, trib_roadmap_lane_to_string (lane));
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          const TribRoadmapItem *item = trib_roadmap_get_item (roadmap, i);
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;

          if ((int) item->lane != lane)
            continue;
          start = trib_roadmap_format_day (item->start);
          end = trib_roadmap_format_day (item->end);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, item->title);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, trib_roadmap_kind_to_string (item->kind));
          json_builder_set_member_name (builder, "start");
          json_builder_add_string_value (builder, start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_string_value (builder, end);
          json_builder_set_member_name (builder, "row");
          json_builder_add_int_value (builder, item->row);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static const char *
lane_label (TribLane lane)
{
  switch (lane)
    {
    case TRIB_LANE_UPSTREAM: return _("Upstream");
    case TRIB_LANE_PRODUCT: return _("Product");
    case TRIB_LANE_INVESTMENT: return _("Investment");
    case TRIB_LANE_BUSINESS: return _("Business");
    default: return "";
    }
}

/**
 * trib_cli_roadmap:
 * @argc: arguments after the command name, the command included
 * @argv: those arguments
 *
 * `tributary-cli roadmap PLAN [--json]`: the roadmap with the rows the
 * report's timeline draws it in, as text or as `{"lanes": [{"name",
 * "items": [{"title", "kind", "start", "end", "row"}]}]}`.
 *
 * Returns: the exit status
 */
int
trib_cli_roadmap (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("roadmap PLAN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribRoadmap) roadmap = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the lanes and items as JSON"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = parse (context, "roadmap", _("Show a plan’s roadmap: its lanes, items and rows."),
                       &argc, &argv)) >= 0)
    return status;

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    return trib_cli_fail (error);
  roadmap = trib_roadmap_new_for_plan (plan);
  /* The rows of the report's timeline: laid out with its labels as they
   * are measured in its font, at the quarter zoom. */
  trib_roadmap_chart_free (trib_roadmap_chart_new (roadmap, TRIB_ROADMAP_ZOOM_QUARTERS, 7.5));

  if (json)
    {
      g_autofree char *text = roadmap_to_json (roadmap);
      g_autofree char *line = g_strconcat (text, "\n", NULL);

      return write_stdout (line, strlen (line));
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (int lane = 0; lane < TRIB_ROADMAP_N_LANES; lane++)
        {
          g_string_append_printf (out, "%s\n", lane_label (lane));
          for (guint i = 0; i < trib_roadmap_get_n_items (roadmap); i++)
            {
              const TribRoadmapItem *item = trib_roadmap_get_item (roadmap, i);
              g_autofree char *start = NULL;
              g_autofree char *end = NULL;

              if ((int) item->lane != lane)
                continue;
              start = trib_roadmap_format_day (item->start);
              end = trib_roadmap_format_day (item->end);
              g_string_append_printf (out, "  %3d  %s  %s  %s\n", item->row, start,
                                      item->start == item->end ? "          " : end, item->title);
            }
        }
      return write_stdout (out->str, out->len);
    }
}

/**
 * trib_cli_report:
 * @argc: arguments after the command name, the command included
 * @argv: those arguments
 *
 * `tributary-cli report PLAN -o OUT.pdf [--paper a4|letter] [--sections
 * LIST] [--from DATE] [--to DATE]`: writes the PDF report through the
 * output rules of the file policy (never over the plan, never half
 * written).
 *
 * Returns: the exit status
 */
int
trib_cli_report (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("report PLAN -o OUT.pdf"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribOutput) out = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *section_list = NULL;
  g_autofree char *temp = NULL;
  TribReportOptions options;
  const char *inputs[2] = { NULL, NULL };
  int fd, status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE (required)"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size: a4 (default) or letter"), "a4|letter" },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &section_list,
      N_("Sections, separated by commas: summary, business, roadmap, health, investment, patches, products, platform, checks, assumptions (default all)"),
      N_("LIST") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from, N_("First day of the roadmap, YYYY-MM-DD (default: the plan’s horizon)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to, N_("Last day of the roadmap, YYYY-MM-DD"), N_("DATE") },
    { NULL }
  };

  trib_report_options_init (&options);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, "report", _("Write a plan’s executive report as a PDF."), &argc, &argv);
  if (status >= 0)
    goto out;
  status = EXIT_USAGE;
  if (output == NULL)
    {
      trib_cli_usage_error ("report", _("name the PDF to write with -o FILE"));
      goto out;
    }
  if (paper != NULL && !trib_paper_parse (paper, &options.paper))
    {
      trib_cli_usage_error ("report", _("--paper must be a4 or letter"));
      goto out;
    }
  if (section_list != NULL && !trib_report_sections_parse (section_list, &options.sections, &error))
    {
      trib_cli_usage_error ("report", error->message);
      goto out;
    }
  status = EXIT_FAILED;
  if (!trib_report_options_check (&options, &error))
    {
      trib_cli_fail (error);
      goto out;
    }

  plan = trib_plan_open (argv[1], TRIB_PLAN_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    {
      trib_cli_fail (error);
      goto out;
    }
  inputs[0] = argv[1];
  out = trib_output_new (output, TRIB_FILE_KIND_DOCUMENT, TRIB_OUTPUT_DEFAULT, inputs, &error);
  if (out == NULL || (fd = trib_output_open_temp (out, &temp, &error)) < 0)
    {
      trib_cli_fail (error);
      goto out;
    }
  close (fd);
  ok = trib_report_write (plan, &options, temp, NULL, NULL, NULL, &error)
       && trib_output_commit (out, temp, &error);
  if (!ok)
    {
      g_unlink (temp);
      trib_cli_fail (error);
      goto out;
    }
  status = 0;

out:
  trib_report_options_clear (&options);
  return status;
}
