/* test-ui-keys.c: the plan window's keys, on whatever page is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+F, Ctrl+Shift+A, Enter and Delete from the sidebar, the search and
 * a row; the delete toast and its Undo; Ctrl+Z in a field before and after
 * it is committed; the columns a narrow window keeps. Real key presses
 * through the X server (trib-test-input.h), and the plan file read back.
 */
#include "config.h"

#include "trib-test-ui.h"

/* Ctrl+F, Ctrl+Shift+A, Enter and Delete act on the visible page with
 * the focus in the sidebar, in the search entry or on a row; Ctrl+Z in the
 * search undoes the plan, not the search text. */
static void
test_page_keys (Fixture       *f,
                gconstpointer  data)
{
  TribUpstream *etcd = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                     "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  GtkWidget *sidebar, *search;
  TribEntityForm *form;

  add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes", "Apache-2.0",
                5, TRIB_DECISION_INVEST);
  show_upstreams (f);
  sidebar = child (f->window, "sidebar_list");
  search = child (f->page, "search_entry");

  /* From the sidebar. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  form = open_form_with_key (f);
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity_type (form) == TRIB_TYPE_UPSTREAM);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Escape, 0);
  pump ();
  g_assert_null (find_form ());
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_within (f->window, search));

  /* From the search entry, where Ctrl+F put it. */
  form = open_form_with_key (f);
  g_assert_nonnull (form);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Escape, 0);
  pump ();

  /* Enter in the sidebar goes into the page, on the selected row. */
  trib_table_page_select (table (f), TRIB_ENTITY (etcd));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  g_assert_true (focus_within (f->window, child (f->page, "column_view")));
  g_assert_null (find_form ());

  /* Delete in the sidebar deletes the page's selected row. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Delete upstream “etcd”");

  /* In the search, Ctrl+Z undoes the plan's last change, and the text stays. */
  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  trib_test_type (f->window, "kub");
  trib_test_input_settle (300);                       /* the search entry's delay */
  g_assert_cmpuint (n_rows (f), ==, 1);
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "kub");
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);

  /* Delete in the search edits the text while there is text after the
   * cursor; at its end, it deletes the selected match. */
  trib_test_key (f->window, GDK_KEY_Home, 0);
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "ub");
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
  trib_test_key (f->window, GDK_KEY_Return, 0);   /* to the first match */
  pump ();
  g_assert_cmpstr (trib_upstream_get_name (TRIB_UPSTREAM (trib_table_page_get_selected (table (f)))),
                   ==, "Kubernetes");
  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  trib_test_key (f->window, GDK_KEY_End, 0);
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Delete upstream “Kubernetes”");

  /* On another page, the keys are that page's: the Overview adds nothing,
   * and the Upstreams page is not brought forward. */
  trib_window_show_page (TRIB_WINDOW (f->window), "overview");
  pump ();
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));
  trib_test_key (f->window, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  pump ();
  g_assert_null (find_form ());
  g_assert_cmpstr (trib_window_get_visible_page (TRIB_WINDOW (f->window)), ==, "overview");
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT group_concat(name) FROM upstream", "etcd");
}

static GtkWidget *
undo_button (Fixture *f)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (f->page, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *button = find_action_button (overlay, "win.undo-change");

  return button != NULL && gtk_widget_get_mapped (button) ? button : NULL;
}

static gboolean
wait_for_no_undo_button (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (undo_button (f) != NULL && g_get_monotonic_time () < deadline)
    trib_test_input_settle (20);
  return undo_button (f) == NULL;
}

/* Deleting with the Delete key on a row: the toast counts what went with
 * the upstream; its Undo brings it all back (via_toast) — or, when Ctrl+Z
 * undid the deletion first, the toast's Undo is withdrawn. */
static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  gboolean via_toast = GPOINTER_TO_INT (data);
  TribUpstream *keep = add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes",
                                     "Apache-2.0", 5, TRIB_DECISION_INVEST);
  TribUpstream *etcd = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                     "Apache-2.0", 4, TRIB_DECISION_MAINTAIN);
  GtkWidget *overlay;
  GtkWidget *button;
  gint64 id = trib_entity_get_id (TRIB_ENTITY (etcd));

  add_dependents (f->plan, etcd, 12, 3);
  add_dependents (f->plan, keep, 1, 0);
  show_upstreams (f);
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (etcd));
  pump ();
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  pump ();

  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
  g_assert_cmpuint (n_rows (f), ==, 1);
  /* The row that took its place has the selection and the keyboard. */
  g_assert_true (trib_table_page_get_selected (table (f)) == TRIB_ENTITY (keep));
  g_assert_true (focus_within (f->window, child (f->page, "column_view")));
  overlay = gtk_widget_get_ancestor (f->page, ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (find_label (overlay, "Deleted “etcd” with 12 investments and 3 patches"));
  button = undo_button (f);
  g_assert_nonnull (button);

  if (via_toast)
    {
      g_signal_emit_by_name (button, "clicked");
      pump ();
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_PATCH), ==, 3);
    }
  else
    {
      /* Ctrl+Z on the row undoes the deletion: the toast's Undo would now
       * undo something else, and goes. */
      trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
      g_assert_true (wait_for_no_undo_button (f));
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
      /* Deleted again, and then something else changed: withdrawn too. */
      trib_table_page_focus_entity (table (f), TRIB_ENTITY (etcd));
      pump ();
      trib_test_key (f->window, GDK_KEY_Delete, 0);
      g_assert_nonnull (undo_button (f));
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (f->plan)), "name",
                                               "Renamed", &error));
        g_assert_no_error (error);
      }
      g_assert_true (wait_for_no_undo_button (f));
      g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Renamed");
    }

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  if (via_toast)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM investment WHERE upstream_id = %"
                                              G_GINT64_FORMAT, id);

      assert_query (f->path, "SELECT count(*) FROM upstream", "2");
      assert_query (f->path, sql, "12");
      assert_query (f->path, "SELECT count(*) FROM patch", "3");
    }
  else
    {
      assert_query (f->path, "SELECT group_concat(name) FROM upstream", "Kubernetes");
      assert_query (f->path, "SELECT count(*) FROM investment", "1");
      assert_query (f->path, "SELECT name FROM plan", "Renamed");
    }
}

/* Names are shown as typed, markup characters and all. */
static void
test_delete_toast_markup (Fixture       *f,
                          gconstpointer  data)
{
  TribUpstream *odd = add_upstream (f->plan, "AT&T <tools>", "https://github.com/att/tools",
                                    "MIT", 2, TRIB_DECISION_WATCH);

  show_upstreams (f);
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (odd));
  pump ();
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  g_assert_nonnull (find_label (gtk_widget_get_ancestor (f->page, ADW_TYPE_TOAST_OVERLAY),
                                "Deleted “AT&T <tools>”"));
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT count(*) FROM upstream", "0");
}

static char *
visible_columns (Fixture *f)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (child (f->page, "column_view")));
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_string_append_printf (titles, "%s%s", titles->len ? "," : "",
                                gtk_column_view_column_get_title (column));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* At 400 px the table keeps the columns that matter on screen. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *narrow = NULL;
  g_autofree char *wide = NULL;

  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4,
                TRIB_DECISION_MAINTAIN);
  show_window (f, "upstreams", 400);
  pump ();
  g_assert_cmpint (gtk_widget_get_width (f->window), <=, 420);
  narrow = visible_columns (f);
  /* The name first; the least important columns give way (test-ui-form
   * checks exactly which columns a table keeps by their priorities). */
  g_assert_true (g_str_has_prefix (narrow, "Name"));
  g_assert_null (strstr (narrow, "Licence"));
  g_assert_null (strstr (narrow, "Layer"));
  g_assert_null (strstr (narrow, "Forge"));
  /* Everything a column shows is still within the page's width. */
  g_assert_cmpint (gtk_widget_get_width (child (f->page, "column_view")), <=, gtk_widget_get_width (f->page));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 700);
  /* The X server resizes the window in its own time on a busy machine. */
  for (guint i = 0; i < 300 && gtk_widget_get_width (f->page) < 1000; i++)
    trib_test_input_settle (10);
  pump ();
  wide = visible_columns (f);
  if (strstr (wide, "Forge,Layer,Importance,Decision,Licence") == NULL)
    g_error ("at 1400 px: %s (window %d, page %d)", wide, gtk_widget_get_width (f->window), gtk_widget_get_width (f->page));
  g_assert_cmpuint (strlen (wide), >, strlen (narrow));

  /* The keyboard still works on the folded window: Enter edits. */
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (row (f, 0)));
  pump ();
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  g_assert_nonnull (find_form ());
  trib_test_key (GTK_WIDGET (find_form ()), GDK_KEY_Escape, 0);
  pump ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT name FROM upstream", "etcd");
}

/* The keys act on the page shown: on Patches, Ctrl+Shift+A from the
 * sidebar adds a patch, Delete on its row deletes it, and the Upstreams
 * page is never brought forward. */
static void
test_keys_on_another_page (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *sidebar;
  TribEntityForm *form;

  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4,
                TRIB_DECISION_MAINTAIN);
  show_window (f, "patches", 1200);
  sidebar = child (f->window, "sidebar_list");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar))));

  form = open_form_with_key (f);
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity_type (form) == TRIB_TYPE_PATCH);
  g_assert_cmpstr (trib_window_get_visible_page (TRIB_WINDOW (f->window)), ==, "patches");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "upstream_id")), 1);
  type_into (form, "title", "Backport the lease fix");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_PATCH), ==, 1);

  /* The new row has the keyboard: Delete deletes it, Ctrl+Z brings it back. */
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_PATCH), ==, 0);
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_PATCH), ==, 1);
  g_assert_cmpstr (trib_window_get_visible_page (TRIB_WINDOW (f->window)), ==, "patches");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT title || '|' || upstream_id FROM patch", "Backport the lease fix|1");
}

/* Ctrl+Z in a field undoes its typing while that typing is not in the
 * plan yet; once committed, Ctrl+Z undoes the plan, so the field and the
 * plan never disagree about what was undone. */
static void
test_undo_keys (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *name;
  gboolean could_undo = trib_plan_can_undo (f->plan);

  show_window (f, "overview", 1000);
  name = child (f->page, "name_row");

  gtk_widget_grab_focus (name);
  trib_test_key (f->window, GDK_KEY_End, 0);
  trib_test_type (f->window, " draft");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Test Plan draft");
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  /* The typing went; the plan did not move. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Test Plan");
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Test Plan");
  g_assert_true (trib_plan_can_undo (f->plan) == could_undo);

  trib_test_key (f->window, GDK_KEY_a, GDK_CONTROL_MASK);
  trib_test_type (f->window, "Renamed");
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Renamed");
  /* Committed: Ctrl+Z in the same field is the plan's undo. */
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Test Plan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Test Plan");
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  pump ();
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Renamed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Renamed");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT name FROM plan", "Renamed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The isolated XDG_DATA_DIRS hide the MIME database, without which the
   * icon loader cannot recognise the theme's SVG icons: load the system's
   * before isolating (as GLib documents). */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = trib_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/keys/page-keys", Fixture, NULL, fixture_setup, test_page_keys,
              fixture_teardown);
  g_test_add ("/ui/keys/delete-undo-withdrawn", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/keys/delete-undo-toast", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/keys/delete-toast-markup", Fixture, NULL, fixture_setup,
              test_delete_toast_markup, fixture_teardown);
  g_test_add ("/ui/keys/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/ui/keys/undo-keys", Fixture, NULL, fixture_setup, test_undo_keys, fixture_teardown);
  g_test_add ("/ui/keys/keys-on-another-page", Fixture, NULL, fixture_setup,
              test_keys_on_another_page, fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
