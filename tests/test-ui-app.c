/* test-ui-app.c: the application shell, driven in-process on a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One TribApplication serves every test (an application id can be
 * registered once per process); each test starts and ends with no window.
 * Run under Xvfb: meson test --setup=headless --suite ui
 */
#define G_LOG_DOMAIN "test-ui-app"

#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "trib-application.h"
#include "trib-greeter.h"
#include "trib-sample.h"
#include "trib-window.h"

#define TIMEOUT_USEC (20 * G_USEC_PER_SEC)

static TribApplication *app;

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* Lets pending idles, timeouts and frames run for @msec. */
static void
spin (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static guint
count_windows (GType type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      n++;
  return n;
}

static gpointer
find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_plan_window (gpointer data)
{
  return count_windows (TRIB_TYPE_WINDOW) > 0;
}

static gboolean
has_greeter (gpointer data)
{
  return count_windows (TRIB_TYPE_GREETER) > 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
no_toplevels (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  return g_list_model_get_n_items (toplevels) == 0;
}

static void
close_everything (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* One at a time from the live list: destroying a window also destroys
   * the windows it owns, such as its shortcuts window. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, 0);
      g_object_unref (window);
      gtk_window_destroy (window);
    }
  wait_for (no_toplevels, NULL, "every window to close");
  /* Let the recent-files list write itself while its folder exists. */
  spin (400);
}

/* Each case has its own folders (G_TEST_OPTION_ISOLATE_DIRS), removed when
 * it ends: give it a recent files list of its own in them. */
static void
begin_test (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GtkRecentManager) manager = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  manager = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", path, NULL);
  trib_application_set_recent_manager (app, manager);
}

static TribWindow *
open_sample (void)
{
  TribWindow *window;

  begin_test ();
  trib_application_open_sample (app, NULL);
  wait_for (has_plan_window, NULL, "the sample plan's window");
  window = find_window (TRIB_TYPE_WINDOW);
  wait_for (is_mapped, window, "the window to be mapped");
  return window;
}

static char *
sample_plan_name (void)
{
  g_autoptr(GBytes) document = trib_sample_get_document ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *plan;

  json_parser_load_from_data (parser, g_bytes_get_data (document, NULL),
                              g_bytes_get_size (document), &error);
  g_assert_no_error (error);
  plan = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                        "plan");
  g_assert_nonnull (plan);
  return g_strdup (json_object_get_string_member (plan, "name"));
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwPreferencesRow *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_PREFERENCES_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row_titled (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_greeter (void)
{
  GtkWindow *greeter;

  begin_test ();

  g_application_activate (G_APPLICATION (app));
  wait_for (has_greeter, NULL, "the greeter");

  greeter = find_window (TRIB_TYPE_GREETER);
  wait_for (is_mapped, greeter, "the greeter to be mapped");
  g_assert_cmpuint (count_windows (TRIB_TYPE_WINDOW), ==, 0);
  /* A fresh home has no recent plans: the empty state shows. */
  g_assert_cmpuint (trib_greeter_get_n_recent (TRIB_GREETER (greeter)), ==, 0);
  g_assert_nonnull (find_descendant (GTK_WIDGET (greeter), ADW_TYPE_STATUS_PAGE, NULL));

  /* Activating again presents the same greeter. */
  g_application_activate (G_APPLICATION (app));
  spin (50);
  g_assert_cmpuint (count_windows (TRIB_TYPE_GREETER), ==, 1);

  close_everything ();
}

static void
test_open_sample (void)
{
  GtkWindow *greeter;
  TribWindow *window;
  g_autofree char *name = sample_plan_name ();

  begin_test ();

  g_application_activate (G_APPLICATION (app));
  wait_for (has_greeter, NULL, "the greeter");
  greeter = find_window (TRIB_TYPE_GREETER);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (greeter), "app.open-sample", NULL));
  wait_for (has_plan_window, NULL, "the sample plan's window");
  window = find_window (TRIB_TYPE_WINDOW);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, name);
  g_assert_cmpstr (trib_plan_get_title (trib_window_get_plan (window)), ==, name);
  /* The greeter makes way for the plan. */
  g_assert_cmpuint (count_windows (TRIB_TYPE_GREETER), ==, 0);

  /* The pages find the window's toast overlay and its undo action. */
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL));
  g_assert_false (trib_plan_can_undo (trib_window_get_plan (window)));

  close_everything ();

  /* The greeter now lists the plan, under its name. */
  g_application_activate (G_APPLICATION (app));
  wait_for (has_greeter, NULL, "the greeter");
  greeter = find_window (TRIB_TYPE_GREETER);
  g_assert_cmpuint (trib_greeter_get_n_recent (TRIB_GREETER (greeter)), ==, 1);
  g_assert_nonnull (find_row_titled (GTK_WIDGET (greeter), name));

  close_everything ();
}

static void
test_pages (void)
{
  TribWindow *window = open_sample ();
  GtkListBox *sidebar = GTK_LIST_BOX (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                                       "navigation-sidebar"));
  const char *expected[] = {
    "overview", "upstreams", "product", "investment", "patches", "business-models", "roadmap",
    "report",
  };
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (find_descendant (GTK_WIDGET (window),
                                                                  ADW_TYPE_TOAST_OVERLAY, NULL));
  GtkStack *stack = GTK_STACK (adw_toast_overlay_get_child (overlay));
  guint n = 0;

  g_assert_nonnull (sidebar);
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (sidebar, n)) != NULL; n++)
    {
      gtk_list_box_select_row (sidebar, row);
      spin (20);
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, expected[n]);
      g_assert_cmpstr (trib_window_get_visible_page (window), ==, expected[n]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, expected[n]);
      g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (stack)));
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  /* Alt+1 … Alt+8 go through the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "upstreams"));
  g_assert_cmpstr (trib_window_get_visible_page (window), ==, "upstreams");
  g_assert_true (gtk_list_box_row_is_selected (gtk_list_box_get_row_at_index (sidebar, 1)));

  /* The page's search (what Ctrl+F calls on the visible page; the keys
   * themselves are tested in test-ui-upstreams). */
  g_assert_true (gtk_widget_activate_action (gtk_stack_get_visible_child (stack), "page.search", NULL));
  spin (20);
  g_assert_cmpstr (trib_window_get_visible_page (window), ==, "upstreams");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  }

  close_everything ();
}

static void
test_open_twice (void)
{
  TribWindow *window = open_sample ();
  const char *path = trib_plan_get_path (trib_window_get_plan (window));
  g_autofree char *link = g_build_filename (g_get_user_data_dir (), "link.tributary", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (link);
  GFile *files[] = { other };

  g_assert_true (trib_application_open_file (app, file, NULL) == GTK_WINDOW (window));

  /* The file manager's way in, under another name for the same file. */
  g_assert_cmpint (symlink (path, link), ==, 0);
  g_application_open (G_APPLICATION (app), files, 1, "");
  spin (100);
  g_assert_cmpuint (count_windows (TRIB_TYPE_WINDOW), ==, 1);
  g_assert_null (find_message_dialog ());

  close_everything ();
}

static void
test_not_a_plan (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "notes.tributary", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char contents[] = "These are notes, not a plan.\n";
  g_autofree char *after = NULL;
  gsize after_len = 0;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  begin_test ();

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, contents, sizeof contents - 1, &error);
  g_assert_no_error (error);

  g_assert_null (trib_application_open_file (app, file, NULL));
  spin (50);

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), !=, NULL);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "notes.tributary") != NULL);
  g_assert_cmpuint (count_windows (TRIB_TYPE_WINDOW), ==, 0);
  /* With nothing else open, the greeter is there behind the dialog. */
  g_assert_cmpuint (count_windows (TRIB_TYPE_GREETER), ==, 1);

  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_len, contents, sizeof contents - 1);

  close_everything ();
}

static gboolean
has_drawn (gpointer data)
{
  GtkWidget *widget = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  return clock != NULL && gdk_frame_clock_get_frame_counter (clock) > 2;
}

static void
test_screenshot (void)
{
  TribWindow *window = open_sample ();
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GHashTable) colours = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint32 first = 0;
  guint64 same = 0, total = 0;
  int width, height, stride;
  const guchar *data;

  wait_for (has_drawn, widget, "the window to draw");
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 300);
  g_assert_cmpint (height, >, 200);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (g_getenv ("TRIB_TEST_SCREENSHOT") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("TRIB_TEST_SCREENSHOT"));

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        if (total == 0)
          first = pixel;
        same += pixel == first;
        total++;
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  cairo_surface_destroy (surface);

  g_test_message ("%u distinct colours, %.1f%% like the first pixel",
                  g_hash_table_size (colours), 100.0 * same / total);
  /* Text, icons and a sidebar make hundreds of colours; a blank or broken
   * window has a handful. */
  g_assert_cmpuint (g_hash_table_size (colours), >, 64);
  g_assert_cmpfloat ((double) same / total, <, 0.9);

  close_everything ();
}

static void
test_close_closes_plan (void)
{
  TribWindow *window = open_sample ();
  g_autoptr(TribPlan) plan = g_object_ref (trib_window_get_plan (window));

  g_assert_nonnull (trib_plan_get_path (plan));
  gtk_window_close (GTK_WINDOW (window));
  wait_for (no_toplevels, NULL, "the window to close");
  g_assert_null (trib_plan_get_path (plan));
  spin (400);
}


static AdwWindowTitle *
find_window_title (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_WINDOW_TITLE (widget) &&
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

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_new_plan_replaces (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);
  g_autofree char *path = g_build_filename (dir, "Edge Platform.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *head = NULL;
  GtkWindow *window;
  const char *name;
  guint n_files = 0;

  begin_test ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* An older plan the user chose to replace (a file that is not a plan is
   * never replaced: see tests/test-safety.c). */
  {
    g_autoptr(TribPlan) old = trib_plan_create (path, "Older plan", &error);
    g_assert_no_error (error);
  }

  window = trib_application_create_plan (app, path, NULL);
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Edge Platform");
  g_assert_null (find_message_dialog ());

  /* The file is now the new plan, and nothing else was left beside it. */
  g_file_get_contents (path, &head, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (head, "SQLite format 3"));
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "Edge Platform.tributary");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  close_everything ();
}

static void
test_undo (void)
{
  TribWindow *window = open_sample ();
  TribPlan *plan = trib_window_get_plan (window);
  g_autofree char *name = g_strdup (trib_plan_get_title (plan));
  GtkWidget *undo = find_action_button (GTK_WIDGET (window), "win.undo");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (undo);
  spin (20);
  g_assert_false (gtk_widget_get_sensitive (undo));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed plan");
  trib_plan_update (plan, TRIB_ENTITY (trib_plan_get_info (plan)), TRIB_PLAN_INFO_FIELD_NAME,
                    &value, &error);
  g_assert_no_error (error);
  spin (20);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Renamed plan");
  g_assert_nonnull (find_window_title (GTK_WIDGET (window), "Renamed plan"));
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (undo), "Undo “"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  spin (20);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, name);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (window),
                                                               "win.redo")));

  /* A toast's Undo names its step: it undoes that step, and nothing when
   * the plan has changed since. */
  trib_plan_update (plan, TRIB_ENTITY (trib_plan_get_info (plan)), TRIB_PLAN_INFO_FIELD_NAME,
                    &value, &error);
  g_assert_no_error (error);
  {
    g_autofree char *label = g_strdup (trib_plan_get_undo_label (plan));
    TribEntity *info = TRIB_ENTITY (trib_plan_get_info (plan));

    g_assert_true (trib_entity_set_string (info, "organisation", "Elsewhere", &error));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-change", "s", label));
    spin (20);
    g_assert_cmpstr (trib_plan_info_get_organisation (trib_plan_get_info (plan)), ==, "Elsewhere");
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Renamed plan");

    g_assert_true (trib_plan_undo (plan, &error));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-change", "s", label));
    spin (20);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, name);
  }

  close_everything ();
}

static void
test_save_as (void)
{
  TribWindow *window = open_sample ();
  TribPlan *plan = trib_window_get_plan (window);
  g_autofree char *old_path = g_strdup (trib_plan_get_path (plan));
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "Copy.tributary", NULL);
  AdwWindowTitle *title = find_window_title (GTK_WIDGET (window), trib_plan_get_title (plan));

  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Sample Plan.tributary");

  g_assert_true (trib_window_save_as (window, path));
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Copy.tributary");
  g_assert_true (trib_application_find_window (app, path) == GTK_WINDOW (window));
  g_assert_null (trib_application_find_window (app, old_path));
  g_assert_true (g_file_test (old_path, G_FILE_TEST_IS_REGULAR));

  close_everything ();
}

static gboolean
has_n_plan_windows (gpointer data)
{
  return count_windows (TRIB_TYPE_WINDOW) == GPOINTER_TO_UINT (data);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
test_export_import (void)
{
  TribWindow *window = open_sample ();
  g_autofree char *name = g_strdup (trib_plan_get_title (trib_window_get_plan (window)));
  g_autofree char *json = g_build_filename (g_get_user_data_dir (), "plan.json", NULL);
  g_autofree char *imported = g_build_filename (g_get_user_data_dir (), "Imported.tributary",
                                                NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TribWindow *second = NULL;

  trib_window_export_json (window, json);
  wait_for (file_exists, json, "the exported JSON");
  spin (50);
  g_file_get_contents (json, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (text, name) != NULL);

  trib_window_import_json (window, json, imported);
  wait_for (has_n_plan_windows, GUINT_TO_POINTER (2), "the imported plan's window");
  g_assert_null (find_message_dialog ());
  second = TRIB_WINDOW (trib_application_find_window (app, imported));
  g_assert_nonnull (second);
  g_assert_true (second != window);
  g_assert_cmpstr (trib_plan_get_title (trib_window_get_plan (second)), ==, name);

  close_everything ();
}


static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_import_error (void)
{
  TribWindow *window = open_sample ();
  g_autofree char *json = g_build_filename (g_get_user_data_dir (), "broken.json", NULL);
  g_autofree char *plan = g_build_filename (g_get_user_data_dir (), "Broken.tributary", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_file_set_contents (json, "{ \"format\": \"tributary-plan\", \"version\": 1, \"plan\": ", -1,
                       &error);
  g_assert_no_error (error);

  trib_window_import_json (window, json, plan);
  wait_for (has_message_dialog, NULL, "the import error");
  dialog = find_message_dialog ();
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import “broken.json”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_cmpuint (count_windows (TRIB_TYPE_WINDOW), ==, 1);
  g_assert_false (g_file_test (plan, G_FILE_TEST_EXISTS));

  close_everything ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The isolated data folders have no MIME database, without which
   * gdk-pixbuf cannot tell an SVG icon (the application's) from noise. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = trib_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_test_add_func ("/ui/app/greeter", test_greeter);
  g_test_add_func ("/ui/app/open-sample", test_open_sample);
  g_test_add_func ("/ui/app/pages", test_pages);
  g_test_add_func ("/ui/app/open-twice", test_open_twice);
  g_test_add_func ("/ui/app/not-a-plan", test_not_a_plan);
  g_test_add_func ("/ui/app/screenshot", test_screenshot);
  g_test_add_func ("/ui/app/close-closes-plan", test_close_closes_plan);
  g_test_add_func ("/ui/app/new-plan-replaces", test_new_plan_replaces);
  g_test_add_func ("/ui/window/undo", test_undo);
  g_test_add_func ("/ui/window/save-as", test_save_as);
  g_test_add_func ("/ui/window/export-import", test_export_import);
  g_test_add_func ("/ui/window/import-error", test_import_error);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
