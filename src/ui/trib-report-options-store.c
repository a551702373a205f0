/* trib-report-options-store.c: the report's options, remembered per plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not in the plan: the paper and the sections someone prints are theirs,
 * not the plan's, and choosing them must not be an edit to undo. They are
 * kept in the user's configuration folder, one group per plan file.
 */
#define G_LOG_DOMAIN "trib-report-page"

#include "config.h"

#include <errno.h>

#include "trib-report-options-store.h"

static char *
options_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "tributary", "report-options.ini", NULL);
}

/**
 * trib_report_options_load:
 * @options: (out caller-allocates): options to fill in
 * @plan_path: (nullable): the plan file they were chosen for
 *
 * The options last saved for @plan_path, or the defaults (A4, every
 * section, the whole horizon) for a plan without any or with a value that
 * no longer makes sense.
 */
void
trib_report_options_load (TribReportOptions *options,
                          const char        *plan_path)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = options_file ();
  g_autofree char *paper = NULL;
  g_autofree char *sections = NULL;

  trib_report_options_init (options);
  if (plan_path == NULL || !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return;
  paper = g_key_file_get_string (file, plan_path, "paper", NULL);
  sections = g_key_file_get_string (file, plan_path, "sections", NULL);
  if (paper != NULL)
    trib_paper_parse (paper, &options->paper);
  if (sections != NULL)
    trib_report_sections_parse (sections, &options->sections, NULL);
  options->from = g_key_file_get_string (file, plan_path, "from", NULL);
  options->to = g_key_file_get_string (file, plan_path, "to", NULL);
  /* An empty date is no limit. */
  if (options->from != NULL && *options->from == '\0')
    g_clear_pointer (&options->from, g_free);
  if (options->to != NULL && *options->to == '\0')
    g_clear_pointer (&options->to, g_free);
  if (!trib_report_options_check (options, NULL))
    {
      g_clear_pointer (&options->from, g_free);
      g_clear_pointer (&options->to, g_free);
    }
}

/**
 * trib_report_options_save:
 * @options: options
 * @plan_path: (nullable): the plan file they were chosen for; nothing is
 *   saved without one
 *
 * Remembers @options for @plan_path. A failure only means the next
 * session starts from the defaults, so it is logged, not shown.
 */
void
trib_report_options_save (const TribReportOptions *options,
                          const char              *plan_path)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = options_file ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sections = trib_report_sections_to_string (options->sections);
  g_autoptr(GError) error = NULL;

  if (plan_path == NULL)
    return;
  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_string (file, plan_path, "paper", options->paper == TRIB_PAPER_LETTER ? "letter" : "a4");
  g_key_file_set_string (file, plan_path, "sections", sections);
  g_key_file_set_string (file, plan_path, "from", options->from ? options->from : "");
  g_key_file_set_string (file, plan_path, "to", options->to ? options->to : "");
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_debug ("Could not remember the report options: %s", error ? error->message : g_strerror (errno));
}
