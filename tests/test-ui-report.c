/* test-ui-report.c: the Report page in a real plan window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Previews appear, an export writes a PDF in a worker thread while the
 * main loop keeps running, a cancelled export writes nothing, and the
 * options chosen come back for the same plan.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-plan.h"
#include "trib-report-page.h"
#include "trib-sample.h"
#include "trib-window.h"

static TribApplication *app;

typedef struct
{
  char      *path;
  TribPlan  *plan;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (GTK_IS_BUILDABLE (root) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_id (c, id);
      if (found)
        return found;
    }
  return NULL;
}

/* Runs the main loop until @done says so, at most @seconds; returns the
 * longest time one iteration of the loop took meanwhile, in ms. */
static double
run_until (gboolean (*done) (Fixture *f),
           Fixture  *f,
           int       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  gint64 longest = 0;

  while (!done (f))
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_cmpint (start, <, deadline);
      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - start);
      g_usleep (1000);
    }
  return longest / 1000.0;
}

static gboolean
idle (Fixture *f)
{
  return !trib_report_page_is_busy (TRIB_REPORT_PAGE (f->page));
}

static gboolean
previewed (Fixture *f)
{
  GtkWidget *stack = find_by_id (f->page, "preview_stack");

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "error") == 0)
    g_error ("no preview: %s",
             adw_status_page_get_description (ADW_STATUS_PAGE (find_by_id (f->page, "error_page"))));
  return idle (f) && trib_report_page_get_n_previews (TRIB_REPORT_PAGE (f->page)) > 0;
}

static void
show_report (Fixture *f)
{
  f->window = GTK_WIDGET (trib_window_new (app, f->plan));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  trib_window_show_page (TRIB_WINDOW (f->window), "report");
  f->page = gtk_stack_get_visible_child (GTK_STACK (find_by_id (f->window, "stack")));
  g_assert_true (TRIB_IS_REPORT_PAGE (f->page));
  /* The first preview starts once the page is shown. */
  run_until (previewed, f, 60);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  f->path = g_build_filename (dir, "report.tributary", NULL);
  g_unlink (f->path);
  f->plan = trib_sample_write (f->path, FALSE, &error);
  g_assert_no_error (error);
}

static void
close_window (Fixture *f)
{
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  f->page = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_window (f);
  trib_plan_close (f->plan);
  g_assert_finalize_object (f->plan);
  g_unlink (f->path);
  g_free (f->path);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "plans", "report.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  double longest;

  show_report (f);
  g_assert_cmpuint (trib_report_page_get_n_previews (TRIB_REPORT_PAGE (f->page)), >=, 11);

  trib_report_page_export (TRIB_REPORT_PAGE (f->page), pdf);
  g_assert_true (trib_report_page_is_busy (TRIB_REPORT_PAGE (f->page)));
  g_assert_true (gtk_widget_get_visible (find_by_id (f->page, "progress_box")));
  longest = run_until (idle, f, 60);
  g_test_message ("longest main loop iteration during the export: %.1f ms", longest);
  g_assert_false (gtk_widget_get_visible (find_by_id (f->page, "progress_box")));

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
  g_unlink (pdf);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "plans", "cancelled.pdf", NULL);

  show_report (f);
  trib_report_page_export (TRIB_REPORT_PAGE (f->page), pdf);
  g_assert_true (gtk_widget_activate_action (f->page, "page.cancel", NULL));
  run_until (idle, f, 60);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_options_remembered (Fixture       *f,
                         gconstpointer  data)
{
  const TribReportOptions *options;
  g_autoptr(GError) error = NULL;

  show_report (f);
  options = trib_report_page_get_options (TRIB_REPORT_PAGE (f->page));
  g_assert_cmpint (options->paper, ==, TRIB_PAPER_A4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (f->page, "paper_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (f->page, "from_row")), "2027-04-01");
  g_assert_cmpint (options->paper, ==, TRIB_PAPER_LETTER);
  g_assert_cmpstr (options->from, ==, "2027-04-01");
  /* A date that is not one is refused, and the last good one kept. */
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (f->page, "to_row")), "2027-13-01");
  g_assert_true (gtk_widget_has_css_class (find_by_id (f->page, "to_row"), "error"));
  g_assert_null (options->to);
  /* Closing the window closes the plan: open it again, as from the greeter. */
  close_window (f);
  trib_plan_close (f->plan);
  g_assert_finalize_object (f->plan);
  f->plan = trib_plan_open (f->path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  show_report (f);
  options = trib_report_page_get_options (TRIB_REPORT_PAGE (f->page));
  g_assert_cmpint (options->paper, ==, TRIB_PAPER_LETTER);
  g_assert_cmpstr (options->from, ==, "2027-04-01");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_by_id (f->page, "paper_row"))), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = trib_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/report/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/ui/report/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/ui/report/options-remembered", Fixture, NULL, fixture_setup, test_options_remembered,
              fixture_teardown);
  return g_test_run ();
}
