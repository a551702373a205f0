/* test-ui-upstreams.c: the upstreams page, its form and the window's page
 * shortcuts, and the overview page, driven in real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test builds a plan file in the isolated test home, shows the page in
 * a plan window (or, for the overview, a window with a toast overlay), works
 * it with real key presses sent through the X server (trib-test-input.h)
 * and its widgets, then closes the plan and reads the file back with
 * sqlite, so what the person did is proven to have reached the file.
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-entity-form.h"
#include "trib-overview-page.h"
#include "trib-plan.h"
#include "trib-sample.h"
#include "trib-table-page.h"
#include "trib-upstreams-page.h"
#include "trib-window.h"
#include "trib-test-input.h"

static TribApplication *app;

typedef struct
{
  char      *path;
  TribPlan  *plan;
  GtkWidget *window;
  GtkWidget *page;
  guint      n_undo;    /* times win.undo was activated (overview window) */
} Fixture;

/* Runs the main loop until nothing is left to do, with a bound in case an
 * animation keeps it busy. */
static void
pump (void)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        {
          /* Let timers of a few ms (incremental filtering) fire too. */
          g_usleep (2000);
          if (!g_main_context_pending (NULL))
            break;
        }
    }
}

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (GTK_IS_BUILDABLE (root) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
child (GtkWidget  *root,
       const char *id)
{
  GtkWidget *found = find_by_id (root, id);

  if (found == NULL)
    g_error ("no widget “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return found;
}

/* A visible label under @root whose text contains @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action);
      if (found)
        return found;
    }
  return NULL;
}

static TribEntityForm *
find_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (TRIB_IS_ENTITY_FORM (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRIB_ENTITY_FORM (window);
    }
  return NULL;
}

static TribUpstream *
add_upstream (TribPlan     *plan,
              const char   *name,
              const char   *repository,
              const char   *license,
              int           importance,
              TribDecision  decision)
{
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(GError) error = NULL;
  TribEntity *e = TRIB_ENTITY (upstream);

  g_assert_true (trib_entity_set_string (e, "name", name, &error));
  g_assert_true (trib_entity_set_string (e, "repository", repository, &error));
  g_assert_true (trib_entity_set_string (e, "license", license, &error));
  g_assert_true (trib_entity_set_int (e, "importance", importance, &error));
  g_assert_true (trib_entity_set_enum (e, "decision", decision, &error));
  g_assert_true (trib_plan_add (plan, e, &error));
  g_assert_no_error (error);
  return upstream; /* the plan holds it */
}

static void
add_dependents (TribPlan     *plan,
                TribUpstream *upstream,
                guint         n_investments,
                guint         n_patches)
{
  g_autoptr(GError) error = NULL;
  gint64 id = trib_entity_get_id (TRIB_ENTITY (upstream));

  for (guint i = 0; i < n_investments; i++)
    {
      g_autoptr(TribInvestment) investment = trib_investment_new ();
      g_autofree char *quarter = g_strdup_printf ("%u-Q%u", 2027 + i / 4, i % 4 + 1);

      g_assert_true (trib_entity_set_ref (TRIB_ENTITY (investment), "upstream_id", id, &error));
      g_assert_true (trib_entity_set_string (TRIB_ENTITY (investment), "quarter", quarter, &error));
      g_assert_true (trib_plan_add (plan, TRIB_ENTITY (investment), &error));
    }
  for (guint i = 0; i < n_patches; i++)
    {
      g_autoptr(TribPatch) patch = trib_patch_new ();
      g_autofree char *title = g_strdup_printf ("Fix %u", i);

      g_assert_true (trib_entity_set_ref (TRIB_ENTITY (patch), "upstream_id", id, &error));
      g_assert_true (trib_entity_set_string (TRIB_ENTITY (patch), "title", title, &error));
      g_assert_true (trib_plan_add (plan, TRIB_ENTITY (patch), &error));
    }
  g_assert_no_error (error);
}

/* The plan file, read as sqlite, after the plan is closed. */
static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

#define assert_query(path, sql, expected) \
  G_STMT_START { \
    g_autofree char *_r = query (path, sql); \
    g_assert_cmpstr (_r, ==, expected); \
  } G_STMT_END

static void
undo_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  f->n_undo++;
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
}

static void
undo_change_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  if (g_strcmp0 (trib_plan_get_undo_label (f->plan), g_variant_get_string (parameter, NULL)) == 0)
    undo_cb (action, NULL, user_data);
}

/* A page alone in a window that provides what the plan window does to a
 * page: a toast overlay, win.undo and win.undo-change. */
static void
show_page (Fixture   *f,
           GtkWidget *page)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) undo = g_simple_action_new ("undo", NULL);
  g_autoptr(GSimpleAction) undo_change = g_simple_action_new ("undo-change", G_VARIANT_TYPE_STRING);
  GtkWidget *overlay = adw_toast_overlay_new ();

  g_signal_connect (undo, "activate", G_CALLBACK (undo_cb), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (undo));
  g_signal_connect (undo_change, "activate", G_CALLBACK (undo_change_cb), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (undo_change));

  f->page = page;
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  pump ();
  g_assert_true (gtk_widget_get_mapped (page));
}

/* The plan's window, showing @page_name. */
static void
show_window (Fixture    *f,
             const char *page_name,
             int         width)
{
  f->window = GTK_WIDGET (trib_window_new (app, f->plan));
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  pump ();
  /* As Alt+n does: shows the page, and the page rather than the sidebar
   * when the window is narrow. */
  g_assert_true (gtk_widget_activate_action (f->window, "win.show-page", "s", page_name));
  pump ();
  f->page = gtk_stack_get_visible_child (GTK_STACK (child (f->window, "stack")));
  g_assert_true (gtk_widget_get_mapped (f->page));
}

static void
show_upstreams (Fixture *f)
{
  show_window (f, "upstreams", 1000);
  g_assert_true (TRIB_IS_TABLE_PAGE (f->page));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  f->path = g_build_filename (dir, "test.tributary", NULL);
  g_unlink (f->path);
  /* Each case has its own folders, removed when it ends: a recent files
   * list of its own in them, written before teardown (fixture_teardown). */
  {
    g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
    g_autoptr(GtkRecentManager) manager = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", recent, NULL);

    trib_application_set_recent_manager (app, manager);
  }
  f->plan = trib_plan_create (f->path, "Test Plan", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  TribEntityForm *form;

  while ((form = find_form ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (form));
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pump ();
  /* Let the recent files list write itself while its folder exists. */
  trib_test_input_settle (300);
  trib_plan_close (f->plan);
  g_assert_finalize_object (f->plan);
  g_unlink (f->path);
  g_free (f->path);
}

static TribTablePage *
table (Fixture *f)
{
  return TRIB_TABLE_PAGE (f->page);
}

static const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f->page, "stack")));
}

static guint
n_rows (Fixture *f)
{
  pump ();
  return g_list_model_get_n_items (trib_table_page_get_model (table (f)));
}

static TribUpstream *
row (Fixture *f,
     guint    position)
{
  g_autoptr(TribUpstream) upstream = g_list_model_get_item (trib_table_page_get_model (table (f)),
                                                            position);
  return upstream;
}

static gboolean
focus_within (GtkWidget *window,
              GtkWidget *widget)
{
  GtkWidget *focused = gtk_root_get_focus (GTK_ROOT (window));

  return focused != NULL && (focused == widget || gtk_widget_is_ancestor (focused, widget));
}

static GtkWidget *
form_row (TribEntityForm *form,
          const char     *field)
{
  GtkWidget *widget = trib_entity_form_get_row (form, field);

  g_assert_nonnull (widget);
  return widget;
}

/* Focuses the row of @field and types @text over what it holds. */
static void
type_into (TribEntityForm *form,
           const char     *field,
           const char     *text)
{
  GtkWidget *row = form_row (form, field);

  /* A text of several lines sits in a frame. */
  if (GTK_IS_FRAME (row))
    row = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_frame_get_child (GTK_FRAME (row))));
  gtk_widget_grab_focus (row);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_a, GDK_CONTROL_MASK);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_BackSpace, 0);
  trib_test_type (GTK_WIDGET (form), text);
}

static gboolean
save_enabled (TribEntityForm *form)
{
  return gtk_widget_get_sensitive (child (GTK_WIDGET (form), "save_button"));
}

static TribEntityForm *
open_form_with_key (Fixture *f)
{
  trib_test_key (f->window, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  pump ();
  return find_form ();
}
/* Adding with the keyboard alone: Ctrl+Shift+A from a row, the rows typed
 * into, Return from the importance row; the new row then has the focus, so
 * Enter edits it and not the row focused before. */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  TribEntityForm *form;
  TribUpstream *upstream;
  GtkWidget *forge;

  show_upstreams (f);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes", "Apache-2.0", 5,
                TRIB_DECISION_INVEST);
  pump ();
  g_assert_cmpstr (stack_page (f), ==, "list");
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (row (f, 0)));
  pump ();
  g_assert_true (focus_within (f->window, child (f->page, "column_view")));

  form = open_form_with_key (f);
  g_assert_nonnull (form);
  g_assert_null (trib_entity_form_get_entity (form));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "Add Upstream");
  /* A new upstream has no name yet: nothing to save, and no scolding. */
  g_assert_false (save_enabled (form));
  g_assert_false (gtk_widget_has_css_class (form_row (form, "name"), "error"));
  /* The form opens in its first row. */
  g_assert_true (focus_within (GTK_WIDGET (form), form_row (form, "name")));

  trib_test_type (GTK_WIDGET (form), "etcd");
  /* One Tab to the next row. */
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Tab, 0);
  g_assert_true (focus_within (GTK_WIDGET (form), form_row (form, "repository")));
  /* Without https://: its forge is recognised, so is the address. */
  trib_test_type (GTK_WIDGET (form), "github.com/etcd-io/etcd");
  forge = form_row (form, "forge");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (forge)), ==, TRIB_FORGE_GITHUB);
  g_assert_false (gtk_widget_has_css_class (form_row (form, "repository"), "error"));
  type_into (form, "license", "Apache-2.0");
  type_into (form, "purls", "pkg:golang/go.etcd.io/etcd, pkg:deb/debian/etcd");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "layer")), TRIB_LAYER_BELOW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "decision")), TRIB_DECISION_INVEST);
  type_into (form, "notes", "Key-value store.");
  /* Return in the notes is a new line, not a save. */
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  trib_test_type (GTK_WIDGET (form), "We run it in every cluster.");
  g_assert_true (find_form () == form);

  /* Importance is typed like any row, and Return submits from it. */
  type_into (form, "importance", "4");
  g_assert_true (save_enabled (form));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
  upstream = TRIB_UPSTREAM (trib_table_page_get_selected (table (f)));
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");

  /* The keyboard is on the new row: Enter edits etcd, not Kubernetes. */
  g_assert_true (focus_within (f->window, child (f->page, "column_view")));
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity (form) == TRIB_ENTITY (upstream));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Escape, 0);
  pump ();
  g_assert_null (find_form ());

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT count(*) FROM upstream", "2");
  assert_query (f->path, "SELECT name || '|' || forge || '|' || importance || '|' || decision "
                         "|| '|' || layer || '|' || license || '|' || repository FROM upstream "
                         "WHERE name = 'etcd'",
                "etcd|github|4|invest|below|Apache-2.0|https://github.com/etcd-io/etcd");
  assert_query (f->path, "SELECT notes FROM upstream WHERE name = 'etcd'",
                "Key-value store.\nWe run it in every cluster.");
  assert_query (f->path, "SELECT purls FROM upstream WHERE name = 'etcd'",
                "[\"pkg:golang/go.etcd.io/etcd\",\"pkg:deb/debian/etcd\"]");
}

/* Saving an edit changes every edited field as one undo step; Escape
 * closes without saving. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  TribUpstream *upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                         "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  g_autoptr(GError) error = NULL;
  TribEntityForm *form;

  show_upstreams (f);
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (upstream));
  pump ();
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity (form) == TRIB_ENTITY (upstream));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_row (form, "name"))), ==, "etcd");
  g_assert_true (save_enabled (form));

  type_into (form, "name", "etcd-io");
  type_into (form, "importance", "5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "layer")), TRIB_LAYER_BELOW);
  type_into (form, "intermediary", "Debian");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 5);
  g_assert_cmpint (trib_upstream_get_layer (upstream), ==, TRIB_LAYER_BELOW);
  g_assert_cmpstr (trib_upstream_get_intermediary (upstream), ==, "Debian");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");

  /* One undo takes back all four changes. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 3);
  g_assert_null (trib_upstream_get_intermediary (upstream));
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_no_error (error);

  /* Editing without changing anything records nothing. */
  trib_table_page_open_form (table (f), TRIB_ENTITY (upstream));
  pump ();
  trib_test_key (GTK_WIDGET (find_form ()), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");

  /* Escape closes without saving. */
  form = trib_table_page_open_form (table (f), TRIB_ENTITY (upstream));
  pump ();
  type_into (form, "name", "something else");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Escape, 0);
  pump ();
  g_assert_null (find_form ());
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT name || '|' || importance || '|' || layer || '|' || intermediary "
                         "FROM upstream", "etcd-io|5|below|Debian");
}

/* A refused importance says why and is never clamped; "abc" is refused
 * too; the importance row is one Tab stop. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  TribUpstream *upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                         "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  const char *wrong[] = { "9", "-3", "abc", "2.5" };
  TribEntityForm *form;
  GtkWidget *importance;

  show_upstreams (f);
  form = trib_table_page_open_form (table (f), TRIB_ENTITY (upstream));
  pump ();
  importance = form_row (form, "importance");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      type_into (form, "importance", wrong[i]);
      g_assert_false (save_enabled (form));
      g_assert_true (gtk_widget_has_css_class (importance, "error"));
      g_assert_nonnull (find_label (GTK_WIDGET (form), "Importance: expected an integer from 1 to 5"));
      /* Return tries, says why, and keeps the form and the typed text. */
      trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
      pump ();
      g_assert_true (find_form () == form);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (importance)), ==, wrong[i]);
      g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 3);
    }

  /* From the importance row, one Tab reaches the next row. */
  type_into (form, "importance", "2");
  g_assert_false (gtk_widget_has_css_class (importance, "error"));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Tab, 0);
  g_assert_true (focus_within (GTK_WIDGET (form), form_row (form, "decision")));

  type_into (form, "name", "   ");
  g_assert_false (save_enabled (form));
  g_assert_true (gtk_widget_has_css_class (form_row (form, "name"), "error"));
  g_assert_nonnull (find_label (GTK_WIDGET (form), "Name: must not be empty"));
  type_into (form, "name", "etcd");

  type_into (form, "repository", "not a url");
  g_assert_false (save_enabled (form));
  g_assert_true (gtk_widget_has_css_class (form_row (form, "repository"), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (form_row (form, "repository")), ==,
                   "Repository: expected an http:// or https:// address");

  /* Save does nothing while anything is wrong, even when forced. */
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  pump ();
  g_assert_true (find_form () == form);
  g_assert_cmpstr (trib_upstream_get_repository (upstream), ==, "https://github.com/etcd-io/etcd");

  type_into (form, "repository", "https://github.com/etcd-io/etcd");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT repository || '|' || importance FROM upstream",
                "https://github.com/etcd-io/etcd|2");
}

/* A second upstream with the same repository: a warning, and the person
 * decides (here: to save it). */
static void
test_duplicate_repository (Fixture       *f,
                           gconstpointer  data)
{
  TribEntityForm *form;

  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 3,
                TRIB_DECISION_ADOPT);
  show_upstreams (f);
  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  form = open_form_with_key (f);
  g_assert_nonnull (form);
  trib_test_type (GTK_WIDGET (form), "etcd fork");
  type_into (form, "repository", "GitHub.com/etcd-io/etcd/");
  g_assert_nonnull (find_label (GTK_WIDGET (form), "“etcd” has this repository too"));
  g_assert_true (save_enabled (form));
  type_into (form, "repository", "github.com/etcd-io/etcd-fork");
  g_assert_null (find_label (GTK_WIDGET (form), "has this repository too"));
  type_into (form, "repository", "https://github.com/etcd-io/etcd.git");
  g_assert_nonnull (find_label (GTK_WIDGET (form), "“etcd” has this repository too"));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT count(*) FROM upstream WHERE repository LIKE '%etcd-io/etcd%'", "2");
}

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

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *search;

  show_upstreams (f);
  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4, TRIB_DECISION_MAINTAIN);
  add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes", "Apache-2.0", 5,
                TRIB_DECISION_INVEST);
  add_upstream (f->plan, "containerd", "https://github.com/containerd/containerd", "Apache-2.0", 4,
                TRIB_DECISION_ADOPT);
  add_upstream (f->plan, "curl", "https://github.com/curl/curl", "curl", 3, TRIB_DECISION_WATCH);
  add_upstream (f->plan, "In-house scheduler", "https://gitlab.com/acme/scheduler", "MIT", 2,
                TRIB_DECISION_BUILD_IN_HOUSE);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (stack_page (f), ==, "list");

  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  search = child (f->page, "search_entry");
  g_assert_true (focus_within (f->window, search));

  trib_test_type (f->window, "CONT");                /* name, any case */
  trib_test_input_settle (300);                       /* the search entry's delay */
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (trib_upstream_get_name (row (f, 0)), ==, "containerd");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f->page, "count_label"))), ==, "1 of 5");

  gtk_editable_set_text (GTK_EDITABLE (search), "gitlab.com");  /* repository */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (trib_upstream_get_name (row (f, 0)), ==, "In-house scheduler");

  gtk_editable_set_text (GTK_EDITABLE (search), "apache");      /* licence */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (search), "invest");      /* decision, by its label */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (trib_upstream_get_name (row (f, 0)), ==, "Kubernetes");

  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "no-results");

  /* An edit that makes an upstream match shows it. */
  {
    g_autoptr(GError) error = NULL;
    TribEntity *curl = trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, 4);

    g_assert_true (trib_entity_set_string (curl, "name", "zzz-curl", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_rows (f), ==, 1);
    g_assert_cmpstr (stack_page (f), ==, "list");
  }

  /* Escape clears the search. */
  trib_test_key (f->window, GDK_KEY_Escape, 0);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f->page, "count_label"))), ==, "5 upstreams");
}

static void
sort_by (Fixture      *f,
         const char   *title,
         GtkSortType   order)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (child (f->page, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (c), title) == 0)
        {
          gtk_column_view_sort_by_column (view, c, order);
          pump ();
          return;
        }
    }
  g_error ("no column “%s”", title);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  const int importances[] = { 3, 5, 1, 4, 2 };
  const char *names[] = { "delta", "Alpha", "echo", "charlie", "Bravo" };
  TribUpstream *upstreams[G_N_ELEMENTS (names)];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    upstreams[i] = add_upstream (f->plan, names[i], "https://example.org/x", "MIT", importances[i],
                                 (TribDecision) (i % 6));
  show_upstreams (f);

  /* By name, ignoring case, from the start. */
  for (guint i = 0; i < 5; i++)
    {
      const char *expected[] = { "Alpha", "Bravo", "charlie", "delta", "echo" };
      g_assert_cmpstr (trib_upstream_get_name (row (f, i)), ==, expected[i]);
    }

  sort_by (f, "Importance", GTK_SORT_ASCENDING);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_importance (row (f, i)), ==, i + 1);
  sort_by (f, "Importance", GTK_SORT_DESCENDING);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_importance (row (f, i)), ==, 5 - i);

  /* An edit re-sorts the rows in place. */
  g_assert_true (trib_entity_set_int (TRIB_ENTITY (upstreams[2]), "importance", 5, &error));
  g_assert_no_error (error);
  pump ();
  g_assert_cmpint (trib_upstream_get_importance (row (f, 0)), ==, 5);
  g_assert_cmpint (trib_upstream_get_importance (row (f, 1)), ==, 5);
  g_assert_cmpint (trib_upstream_get_importance (row (f, 4)), ==, 2);

  sort_by (f, "Decision", GTK_SORT_ASCENDING); /* in its natural order */
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_decision (row (f, i - 1)), <=, trib_upstream_get_decision (row (f, i)));
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

static GtkWidget *
count_value (Fixture *f,
             guint    index)
{
  GtkWidget *box = child (f->page, "counts_box");
  GtkWidget *card = gtk_widget_get_first_child (box);

  for (guint i = 0; i < index; i++)
    card = gtk_widget_get_next_sibling (card);
  /* flow box child → card → value label */
  return gtk_widget_get_first_child (gtk_widget_get_first_child (card));
}

/* Each count card shows the count of the entity type its caption names,
 * on a plan that has a different number of each (the sample). */
static void
test_overview_counts_match_captions (Fixture       *f,
                                     gconstpointer  data)
{
  static const struct { const char *caption; GType (*type) (void); } cards[] = {
    { "Upstreams", trib_upstream_get_type },
    { "Statistics Snapshots", trib_stats_snapshot_get_type },
    { "Investments", trib_investment_get_type },
    { "Patches", trib_patch_get_type },
    { "Products", trib_product_get_type },
    { "Product Releases", trib_product_release_get_type },
    { "Upstream Bases", trib_release_base_get_type },
    { "Certifications", trib_certification_get_type },
    { "Scenarios", trib_scenario_get_type },
    { "Milestones", trib_milestone_get_type },
    { "Acknowledgements", trib_acknowledgement_get_type },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = g_strconcat (f->path, ".sample.tributary", NULL);
  TribPlan *sample = trib_sample_write (sample_path, FALSE, &error);
  guint n_types, seen = 0;

  g_assert_no_error (error);
  /* The fixture's plan is replaced by the sample for this test. */
  trib_plan_close (f->plan);
  g_object_unref (f->plan);
  f->plan = sample;
  trib_plan_entity_types (&n_types);
  g_assert_cmpuint (G_N_ELEMENTS (cards), ==, n_types);

  show_page (f, trib_overview_page_new (f->plan));
  for (GtkWidget *box_child = gtk_widget_get_first_child (child (f->page, "counts_box"));
       box_child != NULL; box_child = gtk_widget_get_next_sibling (box_child))
    {
      GtkWidget *card = gtk_widget_get_first_child (box_child);
      GtkWidget *value = gtk_widget_get_first_child (card);
      GtkWidget *caption = gtk_widget_get_next_sibling (value);
      guint i;

      for (i = 0; i < G_N_ELEMENTS (cards); i++)
        if (g_strcmp0 (cards[i].caption, gtk_label_get_text (GTK_LABEL (caption))) == 0)
          break;
      g_assert_cmpuint (i, <, G_N_ELEMENTS (cards));
      {
        g_autofree char *expected = g_strdup_printf ("%u", trib_plan_count (f->plan, cards[i].type ()));
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, expected);
      }
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (cards));
  g_unlink (sample_path);
}

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribPlanInfo *info = trib_plan_get_info (f->plan);
  GtkWidget *name_row, *currency_row, *quarters;
  g_autofree char *first_quarter = NULL;
  TribUpstream *upstream;

  show_page (f, trib_overview_page_new (f->plan));
  name_row = child (f->page, "name_row");
  currency_row = child (f->page, "currency_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Test Plan");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 0))), ==, "0");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Cloud Platform 2027");
  g_signal_emit_by_name (name_row, "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_name (info), ==, "Cloud Platform 2027");

  /* Refused: the row says why and the plan keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "E1");
  g_assert_true (gtk_widget_has_css_class (currency_row, "error"));
  g_signal_emit_by_name (currency_row, "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "EUR");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (currency_row), ==,
                   "Currency: expected a three-letter code such as EUR");
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "usd");
  g_assert_false (gtk_widget_has_css_class (currency_row, "error"));
  g_signal_emit_by_name (currency_row, "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "USD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency_row)), ==, "USD");

  first_quarter = g_strdup (trib_plan_info_get_first_quarter (info));
  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "first_quarter_row")), "2027-Q5");
  g_signal_emit_by_name (child (f->page, "first_quarter_row"), "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_first_quarter (info), ==, first_quarter);
  g_assert_true (gtk_widget_has_css_class (child (f->page, "first_quarter_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "first_quarter_row")), "2027-Q1");
  g_signal_emit_by_name (child (f->page, "first_quarter_row"), "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_first_quarter (info), ==, "2027-Q1");

  quarters = child (f->page, "quarters_spin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (quarters), 12);
  g_assert_cmpint (trib_plan_info_get_quarters (info), ==, 12);

  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "handles_row")), "alice, bob,");
  g_signal_emit_by_name (child (f->page, "handles_row"), "entry-activated");
  g_assert_cmpuint (g_strv_length ((char **) trib_plan_info_get_team_handles (info)), ==, 2);

  /* The description is applied when the focus leaves it. */
  {
    GtkWidget *view = child (f->page, "description_view");

    gtk_widget_grab_focus (view);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Line one\nLine two", -1);
    gtk_widget_grab_focus (name_row);
    pump ();
    g_assert_cmpstr (trib_plan_info_get_description (info), ==, "Line one\nLine two");
    g_assert_true (trib_plan_undo (f->plan, &error));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 0))), ==, "0");
    g_assert_null (trib_plan_info_get_description (info));
  }

  /* Undo reaches the rows. */
  g_assert_true (trib_plan_undo (f->plan, &error));  /* handles */
  g_assert_true (trib_plan_undo (f->plan, &error));  /* quarters */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (quarters)), ==, 8);
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (quarters)), ==, 12);
  g_assert_no_error (error);

  /* Counts follow the plan. */
  upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4,
                           TRIB_DECISION_INVEST);
  add_dependents (f->plan, upstream, 2, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 0))), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 2))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 3))), ==, "1");
  g_assert_true (trib_plan_undo (f->plan, &error));  /* the patch */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 3))), ==, "0");

  trib_plan_close (f->plan);
  assert_query (f->path, "SELECT name || '|' || currency || '|' || first_quarter || '|' || quarters FROM plan",
                "Cloud Platform 2027|USD|2027-Q1|12");
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

  g_test_add ("/ui/upstreams/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/ui/upstreams/edit", Fixture, NULL, fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/ui/upstreams/invalid", Fixture, NULL, fixture_setup, test_invalid, fixture_teardown);
  g_test_add ("/ui/upstreams/duplicate-repository", Fixture, NULL, fixture_setup,
              test_duplicate_repository, fixture_teardown);
  g_test_add ("/ui/upstreams/page-keys", Fixture, NULL, fixture_setup, test_page_keys,
              fixture_teardown);
  g_test_add ("/ui/upstreams/delete-undo-withdrawn", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/upstreams/delete-undo-toast", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/upstreams/delete-toast-markup", Fixture, NULL, fixture_setup,
              test_delete_toast_markup, fixture_teardown);
  g_test_add ("/ui/upstreams/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/ui/upstreams/sort", Fixture, NULL, fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/ui/upstreams/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/ui/window/undo-keys", Fixture, NULL, fixture_setup, test_undo_keys, fixture_teardown);
  g_test_add ("/ui/window/keys-on-another-page", Fixture, NULL, fixture_setup,
              test_keys_on_another_page, fixture_teardown);
  g_test_add ("/ui/overview/counts-match-captions", Fixture, NULL, fixture_setup,
              test_overview_counts_match_captions, fixture_teardown);
  g_test_add ("/ui/overview/edit-and-count", Fixture, NULL, fixture_setup, test_overview,
              fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
