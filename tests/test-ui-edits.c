/* test-ui-edits.c: no silent edits, driven with real pointer and key events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs a real window under Xvfb and sends it input the way a
 * person does: the X server's XTEST extension moves the pointer, turns the
 * wheel (buttons 4 and 5), clicks and types, and the events come through
 * GDK and GTK's controllers like any other. The cases then read the plan
 * file back after the window closed, to see what was really stored.
 * Run under Xvfb: meson test --setup=headless ui-edits
 */
#define G_LOG_DOMAIN "test-ui-edits"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-greeter.h"
#include "trib-overview-page.h"
#include "trib-plan-json.h"
#include "trib-sample.h"
#include "trib-window.h"
#include "trib-test-pointer.h"

static TribApplication *app;

static void
begin_test (int width)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GtkRecentManager) manager = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  manager = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", path, NULL);
  trib_application_set_recent_manager (app, manager);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_string (settings, "last-page", "overview");
}

static TribWindow *
open_sample (int width)
{
  TribWindow *window;

  begin_test (width);
  trib_application_open_sample (app, NULL);
  wait_for (has_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_WINDOW), "the sample plan's window");
  window = find_toplevel (TRIB_TYPE_WINDOW);
  wait_for (is_mapped, window, "the window to be mapped");
  /* Let the pages lay out and the text views measure their text. */
  spin (300);
  return window;
}

/* Closes @window as a person does (its close-request runs) and opens what
 * it left in @path, read-only. */
static TribPlan *
close_and_read_back (TribWindow *window,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  TribPlan *plan;

  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_no_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_WINDOW), "the window to close");
  plan = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return plan;
}

static GtkWidget *
overview_of (TribWindow *window)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), TRIB_TYPE_OVERVIEW_PAGE, NULL);

  g_assert_nonnull (page);
  return page;
}

static GtkAdjustment *
page_adjustment (GtkWidget *page)
{
  GtkWidget *scrolled = find_descendant (page, GTK_TYPE_SCROLLED_WINDOW, NULL);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* Scrolls the page (as setup, not as the test) so that @widget is in the
 * middle of the view. */
static void
scroll_into_view (GtkWidget *page,
                  GtkWidget *widget)
{
  GtkWidget *scrolled = find_descendant (page, GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = page_adjustment (page);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y -
                            gtk_widget_get_height (scrolled) / 2.0);
  spin (100);
}

static char *
sample_path (void)
{
  return trib_application_get_sample_path ();
}

/* Cases -------------------------------------------------------------------- */

static void
test_wheel (void)
{
  TribWindow *window = open_sample (1100);
  g_autofree char *path = sample_path ();
  TribPlan *plan = trib_window_get_plan (window);
  GtkWidget *page = overview_of (window);
  GtkAdjustment *adjustment = page_adjustment (page);
  GtkWidget *quarters = find_descendant (find_row (page, "Number of quarters"),
                                         GTK_TYPE_SPIN_BUTTON, NULL);
  GtkWidget *cost = find_descendant (find_row (page, "Cost of an engineer-year"),
                                     GTK_TYPE_SPIN_BUTTON, NULL);
  GtkWidget *description = find_descendant (page, GTK_TYPE_TEXT_VIEW, NULL);
  int n_quarters = trib_plan_info_get_quarters (trib_plan_get_info (plan));
  double year_cost = trib_plan_info_get_engineer_year_cost (trib_plan_get_info (plan));
  g_autoptr(TribPlan) stored = NULL;
  double before;

  g_assert_nonnull (quarters);
  g_assert_nonnull (cost);
  g_assert_nonnull (description);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment) + 100);
  g_assert_false (gtk_widget_get_state_flags (quarters) & GTK_STATE_FLAG_FOCUS_WITHIN);

  /* Over the number of quarters, the wheel scrolls the page. */
  scroll_into_view (page, quarters);
  before = gtk_adjustment_get_value (adjustment);
  pointer_to_center (quarters);
  wheel (-2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before - 20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (quarters)), ==, n_quarters);
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (plan)), ==, n_quarters);

  /* Over the cost, both ways. */
  scroll_into_view (page, cost);
  before = gtk_adjustment_get_value (adjustment);
  pointer_to_center (cost);
  wheel (-1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before - 20);
  /* The page moved under the pointer: find the cost again. */
  before = gtk_adjustment_get_value (adjustment);
  pointer_to_center (cost);
  wheel (1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before + 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (cost)), ==, year_cost);
  g_assert_cmpfloat (trib_plan_info_get_engineer_year_cost (trib_plan_get_info (plan)), ==,
                     year_cost);

  /* The description's text does not keep the wheel from the page either. */
  scroll_into_view (page, description);
  before = gtk_adjustment_get_value (adjustment);
  pointer_to (description, 40, 20);
  wheel (1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before + 20);
  g_assert_false (trib_plan_can_undo (plan));

  /* Clicked into, the number of quarters is the user's to turn. */
  scroll_into_view (page, quarters);
  click_text (quarters);
  g_assert_true (gtk_widget_get_state_flags (quarters) & GTK_STATE_FLAG_FOCUS_WITHIN);
  pointer_to_center (quarters);
  wheel (-1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (quarters)), ==,
                   n_quarters + 1);

  stored = close_and_read_back (window, path);
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (stored)), ==, n_quarters + 1);
  g_assert_cmpfloat (trib_plan_info_get_engineer_year_cost (trib_plan_get_info (stored)), ==,
                     year_cost);
  trib_plan_close (stored);
  close_everything ();
}

static void
test_commit_on_leave (void)
{
  TribWindow *window = open_sample (1100);
  g_autofree char *path = sample_path ();
  TribPlan *plan = trib_window_get_plan (window);
  GtkWidget *page = overview_of (window);
  GtkWidget *name = find_row (page, "Name");
  GtkWidget *organisation = find_row (page, "Organisation");
  g_autoptr(TribPlan) stored = NULL;

  g_assert_nonnull (name);
  g_assert_nonnull (organisation);

  /* Typed, then Tab: the plan has it, without Enter. */
  replace_text (name, "edge platform plan");
  g_assert_cmpstr (trib_plan_get_title (plan), !=, "edge platform plan");
  press_key (XK_Tab);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "edge platform plan");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "edge platform plan");

  /* Typed, then the window closes: the plan file has it. */
  replace_text (organisation, "vantmoor labs");
  stored = close_and_read_back (window, path);
  g_assert_cmpstr (trib_plan_get_title (stored), ==, "edge platform plan");
  g_assert_cmpstr (trib_plan_info_get_organisation (trib_plan_get_info (stored)), ==,
                   "vantmoor labs");
  trib_plan_close (stored);
  close_everything ();
}

static void
test_refused (void)
{
  TribWindow *window = open_sample (1100);
  g_autofree char *path = sample_path ();
  TribPlan *plan = trib_window_get_plan (window);
  GtkWidget *page = overview_of (window);
  GtkWidget *quarters_row = find_row (page, "Number of quarters");
  GtkWidget *quarters = find_descendant (quarters_row, GTK_TYPE_SPIN_BUTTON, NULL);
  GtkWidget *cost_row = find_row (page, "Cost of an engineer-year");
  GtkWidget *cost = find_descendant (cost_row, GTK_TYPE_SPIN_BUTTON, NULL);
  GtkWidget *currency = find_row (page, "Currency");
  int n_quarters = trib_plan_info_get_quarters (trib_plan_get_info (plan));
  double year_cost = trib_plan_info_get_engineer_year_cost (trib_plan_get_info (plan));
  g_autofree char *currency_code = g_strdup (trib_plan_info_get_currency (trib_plan_get_info (plan)));
  g_autofree char *shown = g_strdup_printf ("%d", n_quarters);
  g_autoptr(TribPlan) stored = NULL;

  /* Out of range: said, and the stored value is back, not 40. */
  scroll_into_view (page, quarters);
  replace_text (quarters, "99");
  press_key (XK_Tab);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Number of quarters: expected"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quarters)), ==, shown);
  g_assert_false (gtk_widget_has_css_class (quarters_row, "error"));
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (plan)), ==, n_quarters);

  /* A decimal amount is not guessed at. */
  scroll_into_view (page, cost);
  replace_text (cost, "165.5");
  press_key (XK_Return);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Cost of an engineer-year: expected"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (cost)), ==, year_cost);
  g_assert_false (gtk_widget_has_css_class (cost_row, "error"));

  /* Enter on a refused code keeps the text marked for correcting; leaving
   * the field brings the stored code back. */
  scroll_into_view (page, currency);
  replace_text (currency, "euro");
  press_key (XK_Return);
  g_assert_true (gtk_widget_has_css_class (currency, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, "euro");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Currency: expected"));
  press_key (XK_Tab);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, currency_code);
  g_assert_false (gtk_widget_has_css_class (currency, "error"));
  g_assert_false (trib_plan_can_undo (plan));

  stored = close_and_read_back (window, path);
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (stored)), ==, n_quarters);
  g_assert_cmpfloat (trib_plan_info_get_engineer_year_cost (trib_plan_get_info (stored)), ==,
                     year_cost);
  g_assert_cmpstr (trib_plan_info_get_currency (trib_plan_get_info (stored)), ==, currency_code);
  trib_plan_close (stored);
  close_everything ();
}

static void
test_horizon (void)
{
  TribWindow *window = open_sample (1100);
  g_autofree char *path = sample_path ();
  TribPlan *plan = trib_window_get_plan (window);
  GtkWidget *page = overview_of (window);
  GtkWidget *quarters = find_descendant (find_row (page, "Number of quarters"),
                                         GTK_TYPE_SPIN_BUTTON, NULL);
  int n_quarters = trib_plan_info_get_quarters (trib_plan_get_info (plan));
  guint n_investments = trib_plan_count (plan, TRIB_TYPE_INVESTMENT);
  g_autofree char *keep = g_strdup_printf ("_Keep %d Quarters", n_quarters);
  g_autofree char *shown = g_strdup_printf ("%d", n_quarters);
  AdwMessageDialog *dialog;
  GtkWidget *first_quarter;
  g_autofree char *first = NULL;
  g_autofree char *keep_first = NULL;
  g_autoptr(TribPlan) stored = NULL;

  g_assert_cmpint (n_quarters, ==, 8);
  g_assert_cmpuint (n_investments, >, 0);

  /* Fewer quarters than the investments need: asked, and kept. */
  scroll_into_view (page, quarters);
  replace_text (quarters, "4");
  press_key (XK_Return);
  dialog = wait_for_dialog ("the question");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "investments"));
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (plan)), ==, n_quarters);
  click (find_button (GTK_WIDGET (dialog), keep));
  wait_for (has_no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the answer");
  spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quarters)), ==, shown);
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (plan)), ==, n_quarters);
  g_assert_false (trib_plan_can_undo (plan));

  /* Asked again, and shortened. */
  replace_text (quarters, "4");
  press_key (XK_Return);
  dialog = wait_for_dialog ("the question");
  click (find_button (GTK_WIDGET (dialog), "_Shorten to 4 Quarters"));
  wait_for (has_no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the answer");
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (plan)), ==, 4);

  /* A later first quarter leaves investments before it: asked too. */
  first_quarter = find_row (page, "First quarter");
  first = g_strdup (trib_plan_info_get_first_quarter (trib_plan_get_info (plan)));
  scroll_into_view (page, first_quarter);
  replace_text (first_quarter, "2027-Q3");
  press_key (XK_Return);
  dialog = wait_for_dialog ("the question");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2027-Q3"));
  keep_first = g_strdup_printf ("_Keep %s", first);
  click (find_button (GTK_WIDGET (dialog), keep_first));
  wait_for (has_no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the answer");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first_quarter)), ==, first);
  g_assert_cmpstr (trib_plan_info_get_first_quarter (trib_plan_get_info (plan)), ==, first);

  stored = close_and_read_back (window, path);
  g_assert_cmpint (trib_plan_info_get_quarters (trib_plan_get_info (stored)), ==, 4);
  g_assert_cmpstr (trib_plan_info_get_first_quarter (trib_plan_get_info (stored)), ==, first);
  /* Nothing was removed with the quarters. */
  g_assert_cmpuint (trib_plan_count (stored, TRIB_TYPE_INVESTMENT), ==, n_investments);
  trib_plan_close (stored);
  close_everything ();
}

static AdwWindowTitle *
find_window_title (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_WINDOW_TITLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), title) == 0)
    return ADW_WINDOW_TITLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwWindowTitle *found = find_window_title (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_narrow (void)
{
  TribWindow *window = open_sample (400);
  g_autofree char *name = g_strdup (trib_plan_get_title (trib_window_get_plan (window)));
  AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET,
                                                      NULL));
  GtkWidget *sidebar = find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                        "navigation-sidebar");
  GtkWidget *page, *layers, *decisions;
  graphene_rect_t layer_bounds, decision_bounds;
  int minimum;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 420);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  /* The folded sidebar names the plan, not the application. */
  g_assert_nonnull (find_window_title (GTK_WIDGET (window), name));
  g_assert_null (find_window_title (GTK_WIDGET (window), "Tributary"));

  /* A click on Overview goes to the page. */
  click (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0)));
  spin (400);
  page = overview_of (window);
  g_assert_true (gtk_widget_get_mapped (page));

  /* The two “Upstreams by …” groups stand one above the other, each whole. */
  layers = find_group (page, "Upstreams by Layer");
  decisions = find_group (page, "Upstreams by Decision");
  g_assert_true (gtk_widget_compute_bounds (layers, page, &layer_bounds));
  g_assert_true (gtk_widget_compute_bounds (decisions, page, &decision_bounds));
  g_assert_cmpfloat (fabs (layer_bounds.origin.x - decision_bounds.origin.x), <, 1);
  g_assert_cmpfloat (decision_bounds.origin.y, >=,
                     layer_bounds.origin.y + layer_bounds.size.height);
  gtk_widget_measure (layers, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpfloat (layer_bounds.size.width, >=, minimum);
  g_assert_cmpfloat (layer_bounds.origin.x, >=, 0);
  g_assert_cmpfloat (layer_bounds.origin.x + layer_bounds.size.width, <=,
                     gtk_widget_get_width (page));

  close_everything ();

  /* Wide, they stand side by side. */
  window = open_sample (1100);
  page = overview_of (window);
  layers = find_group (page, "Upstreams by Layer");
  decisions = find_group (page, "Upstreams by Decision");
  g_assert_true (gtk_widget_compute_bounds (layers, page, &layer_bounds));
  g_assert_true (gtk_widget_compute_bounds (decisions, page, &decision_bounds));
  g_assert_cmpfloat (fabs (layer_bounds.origin.y - decision_bounds.origin.y), <, 1);
  g_assert_cmpfloat (decision_bounds.origin.x, >=,
                     layer_bounds.origin.x + layer_bounds.size.width);
  g_assert_nonnull (find_window_title (GTK_WIDGET (window), "Tributary"));
  close_everything ();
}

/* Writes the sample plan at @path and registers it as recently opened. */
static void
add_recent_copy (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(TribPlan) plan = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  plan = trib_sample_write (path, FALSE, &error);
  g_assert_no_error (error);
  trib_application_add_recent (app, plan);
  trib_plan_close (plan);
}

static GtkWidget *
find_row_with_subtitle (GtkWidget  *widget,
                        const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) ?: "", text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_with_subtitle (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_greeter (void)
{
  g_autofree char *first = g_build_filename (g_get_home_dir (), "Plans", "Copy A.tributary", NULL);
  g_autofree char *second = g_build_filename (g_get_home_dir (), "Archive", "Copy A.tributary",
                                              NULL);
  GtkWidget *greeter, *row_a, *row_b;
  TribWindow *window;

  begin_test (1100);
  add_recent_copy (first);
  spin (50);
  add_recent_copy (second);
  g_application_activate (G_APPLICATION (app));
  wait_for (has_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_GREETER), "the greeter");
  greeter = find_toplevel (TRIB_TYPE_GREETER);
  /* The recent files list writes itself and tells the greeter, which
   * lists again: let that settle before pointing at a row. */
  spin (1000);
  g_assert_cmpuint (trib_greeter_get_n_recent (TRIB_GREETER (greeter)), ==, 2);

  /* Same plan name, same file name: the folders tell them apart, and each
   * says when it was last opened. */
  row_a = find_row_with_subtitle (greeter, "Copy A.tributary in ~/Plans");
  row_b = find_row_with_subtitle (greeter, "Copy A.tributary in ~/Archive");
  g_assert_nonnull (row_a);
  g_assert_nonnull (row_b);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_a)), ==,
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_b)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_a)),
                            "Opened today at "));

  /* A click opens that one. */
  click (row_a);
  wait_for (has_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_WINDOW), "the plan's window");
  window = find_toplevel (TRIB_TYPE_WINDOW);
  g_assert_true (trib_application_find_window (app, first) == GTK_WINDOW (window));

  close_everything ();
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
test_json_offers_import (void)
{
  g_autofree char *json = g_build_filename (g_get_home_dir (), "plan.json", NULL);
  g_autofree char *imported = g_build_filename (g_get_home_dir (), "plan.tributary", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(TribPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  TribWindow *window = open_sample (1100);
  g_autofree char *name = g_strdup (trib_plan_get_title (trib_window_get_plan (window)));
  guint n_upstreams = trib_plan_count (trib_window_get_plan (window), TRIB_TYPE_UPSTREAM);
  AdwMessageDialog *dialog;
  GtkWidget *chooser;

  trib_plan_export_json (trib_window_get_plan (window), json, &error);
  g_assert_no_error (error);
  close_everything ();
  g_file_get_contents (json, &before, NULL, &error);
  g_assert_no_error (error);

  /* Opened as a plan: the dialog says what it is and offers Import. */
  g_assert_null (trib_application_open_file (app, file, NULL));
  dialog = wait_for_dialog ("the offer");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“plan.json” Is a JSON Document");
  click (find_button (GTK_WIDGET (dialog), "_Import…"));

  /* Import JSON's own question: where the plan goes, beside the document. */
  wait_for (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the chooser");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "plan.tributary");
  wait_for (has_drawn, chooser, "the chooser");
  spin (200);
  click (find_button (chooser, "_Import"));

  wait_for (has_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_WINDOW), "the imported plan's window");
  window = find_toplevel (TRIB_TYPE_WINDOW);
  g_assert_true (trib_application_find_window (app, imported) == GTK_WINDOW (window));
  stored = close_and_read_back (window, imported);
  g_assert_cmpstr (trib_plan_get_title (stored), ==, name);
  g_assert_cmpuint (trib_plan_count (stored, TRIB_TYPE_UPSTREAM), ==, n_upstreams);
  trib_plan_close (stored);

  /* The document itself is left as it was. */
  g_file_get_contents (json, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
  close_everything ();
}

static void
test_fresh_sample (void)
{
  TribWindow *window = open_sample (1100);
  g_autofree char *path = sample_path ();
  g_autofree char *fresh = g_strndup (path, strlen (path) - strlen (".tributary"));
  g_autofree char *fresh_path = g_strconcat (fresh, " 2.tributary", NULL);
  g_autofree char *organisation = g_strdup (trib_plan_info_get_organisation (
                                              trib_plan_get_info (trib_window_get_plan (window))));
  GtkWidget *row = find_row (overview_of (window), "Organisation");
  AdwMessageDialog *dialog;
  g_autoptr(TribPlan) stored = NULL;

  /* The user's copy gets a change of its own. */
  replace_text (row, "my own copy");
  press_key (XK_Return);
  gtk_window_close (GTK_WINDOW (window));
  wait_for (has_no_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_WINDOW), "the window to close");

  /* Open Sample Plan asks, and opens a fresh sample beside the copy. */
  g_application_activate (G_APPLICATION (app));
  wait_for (has_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_GREETER), "the greeter");
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
  dialog = wait_for_dialog ("the question");
  click (find_button (GTK_WIDGET (dialog), "Open a _Fresh Sample"));
  wait_for (has_toplevel, GSIZE_TO_POINTER (TRIB_TYPE_WINDOW), "the fresh sample's window");
  window = find_toplevel (TRIB_TYPE_WINDOW);
  g_assert_true (trib_application_find_window (app, fresh_path) == GTK_WINDOW (window));
  g_assert_cmpstr (trib_plan_info_get_organisation (trib_plan_get_info (trib_window_get_plan (window))),
                   ==, organisation);
  close_everything ();

  /* The copy kept its change. */
  stored = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (trib_plan_info_get_organisation (trib_plan_get_info (stored)), ==,
                   "my own copy");
  trib_plan_close (stored);
}

static gboolean
shows_exported (gpointer data)
{
  return find_label (GTK_WIDGET (data), "Exported to") != NULL;
}

static gboolean
shows_no_progress (gpointer data)
{
  return find_label (GTK_WIDGET (data), "Exporting") == NULL;
}

static void
test_export_toast (void)
{
  TribWindow *window = open_sample (1100);
  g_autofree char *dir = g_path_get_dirname (trib_plan_get_path (trib_window_get_plan (window)));
  g_autofree char *name = g_strconcat (trib_plan_get_title (trib_window_get_plan (window)),
                                       ".json", NULL);
  g_autofree char *json = g_build_filename (dir, name, NULL);
  GtkWidget *chooser;
  gint64 written;

  /* Ctrl+E, and Export in the chooser, which suggests the plan's name
   * beside the plan. */
  pointer_to_center (overview_of (window));
  press_ctrl (XK_e);
  wait_for (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the chooser");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  wait_for (has_drawn, chooser, "the chooser");
  spin (200);
  click (find_button (chooser, "_Export"));
  wait_for (file_exists, json, "the export");
  written = g_get_monotonic_time ();
  /* The result shows as soon as it is known, not after the progress
   * toast's own timeout (5 s). */
  wait_for (shows_exported, window, "“Exported to …”");
  g_assert_cmpint (g_get_monotonic_time () - written, <, 2 * G_USEC_PER_SEC);
  /* And the progress toast is on its way out (it fades). */
  wait_for (shows_no_progress, window, "the progress toast to go");
  g_assert_cmpint (g_get_monotonic_time () - written, <, 3 * G_USEC_PER_SEC);
  close_everything ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("Needs an X display with the XTEST extension (Xvfb has it)");
      return g_test_run ();
    }
  {
    int event, error_base, major, minor;

    if (!XTestQueryExtension (xdisplay (), &event, &error_base, &major, &minor))
      {
        g_test_skip ("The X server has no XTEST extension");
        return g_test_run ();
      }
  }

  /* File choosers add what they chose to the desktop's recent files, the
   * default list, made once per process: make it here, in folders that
   * last as long as the run, not in the first case that opens a chooser. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  gtk_recent_manager_get_default ();

  app = trib_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/edits/wheel", test_wheel);
  g_test_add_func ("/ui/edits/commit-on-leave", test_commit_on_leave);
  g_test_add_func ("/ui/edits/refused", test_refused);
  g_test_add_func ("/ui/edits/horizon", test_horizon);
  g_test_add_func ("/ui/edits/narrow", test_narrow);
  g_test_add_func ("/ui/edits/greeter", test_greeter);
  g_test_add_func ("/ui/edits/json-offers-import", test_json_offers_import);
  g_test_add_func ("/ui/edits/fresh-sample", test_fresh_sample);
  g_test_add_func ("/ui/edits/export-toast", test_export_toast);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
