/* tributary-cli-report.c: `tributary-cli roadmap` and `tributary-cli report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tributary-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tributary-cli-report.h"
#include "trib-plan.h"
#include "trib-roadmap.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

static int
fail (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  g_strdelimit (line, "\n", ' ');
  g_printerr ("tributary-cli: %s\n", line);
  return EXIT_FAILED;
}

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("tributary-cli %s: %s\n", command, message);
  g_printerr (_("Try “tributary-cli %s --help” for more information.\n"), command);
  return EXIT_USAGE;
}

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
    return usage_error (command, error->message);
  if (*argc != 2)
    {
      g_autofree char *message = NULL;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expected %d argument, got %d",
                                              "expected %d arguments, got %d", 1),
                                 1, *argc - 1);
      return usage_error (command, message);
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
      return fail (error);
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
 * `tributary-cli roadmap PLAN [--json]`: the laid-out roadmap as text, or
 * as `{"lanes": [{"name", "items": [{"title", "kind", "start", "end",
 * "row"}]}]}`.
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
    return fail (error);
  roadmap = trib_roadmap_new_for_plan (plan);
  trib_roadmap_layout (roadmap, NULL, NULL);

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

