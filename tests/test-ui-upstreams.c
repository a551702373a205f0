/* test-ui-upstreams.c: the upstreams page, the upstream editor and the
 * overview page, driven in real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test builds a plan file in the isolated test home, shows the page in
 * a window with a toast overlay, works it through its actions and widgets,
 * then closes the plan and reads the file back with sqlite, so what the
 * person did is proven to have reached the file.
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "trib-plan.h"
#include "trib-overview-page.h"
#include "trib-sample.h"
#include <glib/gstdio.h>
#include "trib-upstream-editor.h"
#include "trib-upstreams-page.h"

typedef struct
{
  char      *path;
  TribPlan  *plan;
  GtkWidget *window;
  GtkWidget *page;
  guint      n_undo;    /* times win.undo was activated */
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

/* A label under @root whose text contains @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
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

static TribUpstreamEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (TRIB_IS_UPSTREAM_EDITOR (window))
        return TRIB_UPSTREAM_EDITOR (window);
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
      g_autofree char *quarter = g_strdup_printf ("2027-Q%u", i % 4 + 1);

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

/* As the window does: undo only when the step is still the last one. */
static void
undo_change_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  if (g_strcmp0 (trib_plan_get_undo_label (f->plan), g_variant_get_string (parameter, NULL)) == 0)
    undo_cb (action, NULL, user_data);
}

static void
show_page (Fixture   *f,
           GtkWidget *page)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) undo = g_simple_action_new ("undo", NULL);
  g_autoptr(GSimpleAction) undo_change = g_simple_action_new ("undo-change", G_VARIANT_TYPE_STRING);
  GtkWidget *overlay = adw_toast_overlay_new ();

  /* What the plan window provides: a toast overlay, win.undo and
   * win.undo-change. */
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  f->path = g_build_filename (dir, "test.tributary", NULL);
  f->plan = trib_plan_create (f->path, "Test Plan", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  TribUpstreamEditor *editor;

  while ((editor = find_editor ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (editor));
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  pump ();
  trib_plan_close (f->plan);
  g_assert_finalize_object (f->plan);
  g_free (f->path);
}

static void
show_upstreams (Fixture *f)
{
  show_page (f, trib_upstreams_page_new (f->plan));
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
  return g_list_model_get_n_items (trib_upstreams_page_get_model (TRIB_UPSTREAMS_PAGE (f->page)));
}

static TribUpstream *
row (Fixture *f,
     guint    position)
{
  g_autoptr(TribUpstream) upstream =
    g_list_model_get_item (trib_upstreams_page_get_model (TRIB_UPSTREAMS_PAGE (f->page)), position);
  return upstream;
}

static void
set_text (TribUpstreamEditor *editor,
          const char         *id,
          const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (GTK_WIDGET (editor), id)), text);
}

static gboolean
save_enabled (TribUpstreamEditor *editor)
{
  return gtk_widget_get_sensitive (child (GTK_WIDGET (editor), "save_button"));
}

/* Adding through the editor puts the upstream into the plan and the file. */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  TribUpstreamEditor *editor;
  TribUpstream *upstream;
  GtkWidget *forge;

  show_upstreams (f);
  g_assert_cmpstr (stack_page (f), ==, "empty");

  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.add", NULL));
  pump ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_null (trib_upstream_editor_get_upstream (editor));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  /* A new upstream has no name yet: nothing to save. */
  g_assert_false (save_enabled (editor));

  set_text (editor, "name_row", "etcd");
  set_text (editor, "repository_row", "https://github.com/etcd-io/etcd");
  forge = child (GTK_WIDGET (editor), "forge_row");
  /* The forge follows the address until someone picks one. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (forge)), ==, TRIB_FORGE_GITHUB);
  set_text (editor, "repository_row", "https://gitlab.example.org/etcd/etcd");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (forge)), ==, TRIB_FORGE_GITLAB);
  set_text (editor, "repository_row", "https://github.com/etcd-io/etcd");
  set_text (editor, "license_row", "Apache-2.0");
  set_text (editor, "purls_row", "pkg:golang/go.etcd.io/etcd, pkg:deb/debian/etcd");
  set_text (editor, "importance_spin", "4");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (GTK_WIDGET (editor), "decision_row")),
                              TRIB_DECISION_INVEST);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (GTK_WIDGET (editor), "layer_row")),
                              TRIB_LAYER_BELOW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (GTK_WIDGET (editor), "notes_view"))),
                            "Key-value store.\nWe run it in every cluster.", -1);
  g_assert_true (save_enabled (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  pump ();
  g_assert_null (find_editor ());

  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
  upstream = row (f, 0);
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpint (trib_upstream_get_forge (upstream), ==, TRIB_FORGE_GITHUB);
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 4);
  g_assert_cmpint (trib_upstream_get_decision (upstream), ==, TRIB_DECISION_INVEST);
  g_assert_cmpint (trib_upstream_get_layer (upstream), ==, TRIB_LAYER_BELOW);
  g_assert_cmpuint (g_strv_length ((char **) trib_upstream_get_purls (upstream)), ==, 2);
  g_assert_true (trib_upstreams_page_get_selected (TRIB_UPSTREAMS_PAGE (f->page)) == upstream);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");

  trib_plan_close (f->plan);
  assert_query (f->path, "SELECT count(*) FROM upstream", "1");
  assert_query (f->path, "SELECT name || '|' || forge || '|' || importance || '|' || decision "
                         "|| '|' || layer || '|' || license FROM upstream",
                "etcd|github|4|invest|below|Apache-2.0");
  assert_query (f->path, "SELECT notes FROM upstream", "Key-value store.\nWe run it in every cluster.");
}

/* Saving an edit changes every edited field as one undo step. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  TribUpstream *upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                         "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  g_autoptr(GError) error = NULL;
  TribUpstreamEditor *editor;
  gint64 id = trib_entity_get_id (TRIB_ENTITY (upstream));

  show_upstreams (f);
  trib_upstreams_page_select (TRIB_UPSTREAMS_PAGE (f->page), upstream);
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.edit", NULL));
  pump ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (trib_upstream_editor_get_upstream (editor) == upstream);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (GTK_WIDGET (editor), "name_row"))), ==, "etcd");
  g_assert_true (save_enabled (editor));

  set_text (editor, "name_row", "etcd-io");
  set_text (editor, "importance_spin", "5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (GTK_WIDGET (editor), "layer_row")),
                              TRIB_LAYER_BELOW);
  set_text (editor, "intermediary_row", "Debian");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  pump ();
  g_assert_null (find_editor ());

  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 5);
  g_assert_cmpint (trib_upstream_get_layer (upstream), ==, TRIB_LAYER_BELOW);
  g_assert_cmpstr (trib_upstream_get_intermediary (upstream), ==, "Debian");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");

  /* One undo takes back all four changes. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 3);
  g_assert_cmpint (trib_upstream_get_layer (upstream), ==, TRIB_LAYER_PLATFORM);
  g_assert_null (trib_upstream_get_intermediary (upstream));
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");

  /* Editing without changing anything records nothing. */
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.edit", NULL));
  pump ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_editor ()), "editor.save", NULL));
  pump ();
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");

  /* Enter or a double click on a row (the column view's activate) edits it. */
  g_signal_emit_by_name (child (f->page, "column_view"), "activate", 0);
  pump ();
  g_assert_nonnull (find_editor ());
  g_assert_true (trib_upstream_editor_get_upstream (find_editor ()) == upstream);
  gtk_window_destroy (GTK_WINDOW (find_editor ()));
  pump ();

  /* Escape closes without saving. */
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.edit", NULL));
  pump ();
  set_text (find_editor (), "name_row", "something else");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_editor ()), "window.close", NULL));
  pump ();
  g_assert_null (find_editor ());
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");

  trib_plan_close (f->plan);
  assert_query (f->path, "SELECT count(*) FROM upstream", "1");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name || '|' || importance || '|' || layer || '|' "
                                            "|| intermediary FROM upstream WHERE id = %" G_GINT64_FORMAT, id);
    assert_query (f->path, sql, "etcd-io|5|below|Debian");
  }
}

/* Invalid values keep Save insensitive and the plan untouched. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  TribUpstream *upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                         "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  TribUpstreamEditor *editor;
  GtkWidget *name_row, *importance_row, *repository_row;
  const char *undo_label = trib_plan_get_undo_label (f->plan);

  show_upstreams (f);
  trib_upstreams_page_select (TRIB_UPSTREAMS_PAGE (f->page), upstream);
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.edit", NULL));
  pump ();
  editor = find_editor ();
  name_row = child (GTK_WIDGET (editor), "name_row");
  importance_row = child (GTK_WIDGET (editor), "importance_row");
  repository_row = child (GTK_WIDGET (editor), "repository_row");

  set_text (editor, "importance_spin", "9");
  g_assert_false (save_enabled (editor));
  g_assert_false (trib_upstream_editor_is_valid (editor));
  g_assert_true (gtk_widget_has_css_class (importance_row, "error"));
  g_assert_nonnull (find_label (child (GTK_WIDGET (editor), "strategy_errors"),
                                "Importance: expected an integer from 1 to 5"));
  set_text (editor, "importance_spin", "2");
  g_assert_true (save_enabled (editor));
  g_assert_false (gtk_widget_has_css_class (importance_row, "error"));

  set_text (editor, "name_row", "   ");
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (GTK_WIDGET (editor), "project_errors"))),
                   ==, "Name: must not be empty");
  set_text (editor, "name_row", "etcd");

  set_text (editor, "repository_row", "not a url");
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_has_css_class (repository_row, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (repository_row), ==,
                   "Repository: expected an http:// or https:// address");

  /* Save does nothing while anything is wrong, even when forced. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  pump ();
  g_assert_true (find_editor () == editor);
  g_assert_cmpstr (trib_upstream_get_repository (upstream), ==, "https://github.com/etcd-io/etcd");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 3);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, undo_label);

  gtk_window_destroy (GTK_WINDOW (editor));
  trib_plan_close (f->plan);
  assert_query (f->path, "SELECT repository || '|' || importance FROM upstream",
                "https://github.com/etcd-io/etcd|3");
}

/* Names are shown as typed, markup characters and all, and a delete
 * toast's Undo undoes that deletion or nothing, never a later edit. */
static void
test_delete_toast_markup_and_later_edit (Fixture       *f,
                                         gconstpointer  data)
{
  TribUpstream *odd = add_upstream (f->plan, "AT&T <tools>", "https://github.com/att/tools",
                                    "MIT", 2, TRIB_DECISION_WATCH);
  GtkWidget *overlay, *undo_button;
  g_autoptr(GError) error = NULL;

  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4,
                TRIB_DECISION_MAINTAIN);
  show_upstreams (f);
  trib_upstreams_page_select (TRIB_UPSTREAMS_PAGE (f->page), odd);
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.delete", NULL));
  pump ();

  overlay = gtk_widget_get_ancestor (f->page, ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (find_label (overlay, "Deleted “AT&T <tools>”"));
  undo_button = find_action_button (overlay, "win.undo-change");
  g_assert_nonnull (undo_button);

  /* Another edit: the toast's Undo must not take it back. */
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (f->plan)), "name", "Renamed", &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (undo_button, "clicked");
  pump ();
  g_assert_cmpuint (f->n_undo, ==, 0);
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Renamed");
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  TribUpstream *keep = add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes",
                                     "Apache-2.0", 5, TRIB_DECISION_INVEST);
  TribUpstream *etcd = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                     "Apache-2.0", 4, TRIB_DECISION_MAINTAIN);
  gint64 id = trib_entity_get_id (TRIB_ENTITY (etcd));
  GtkWidget *overlay, *undo_button;
  gboolean via_toast = GPOINTER_TO_INT (data);

  add_dependents (f->plan, etcd, 12, 3);
  add_dependents (f->plan, keep, 1, 0);
  show_upstreams (f);

  g_object_ref (etcd);
  trib_upstreams_page_select (TRIB_UPSTREAMS_PAGE (f->page), etcd);
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.delete", NULL));
  pump ();

  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 1);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_INVESTMENT), ==, 1);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_PATCH), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 1);
  /* The row that took its place is selected, ready for the next key. */
  g_assert_true (trib_upstreams_page_get_selected (TRIB_UPSTREAMS_PAGE (f->page)) == keep);

  overlay = gtk_widget_get_ancestor (f->page, ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (find_label (overlay, "Deleted “etcd” with 12 investments and 3 patches"));
  undo_button = find_action_button (overlay, "win.undo-change");
  g_assert_nonnull (undo_button);

  if (via_toast)
    {
      /* The toast's button goes through the window's undo action. */
      g_signal_emit_by_name (undo_button, "clicked");
      pump ();
      g_assert_cmpuint (f->n_undo, ==, 1);
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
      g_assert_true (trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, id) == TRIB_ENTITY (etcd));
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_INVESTMENT), ==, 13);
      g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_PATCH), ==, 3);
      g_assert_cmpuint (n_rows (f), ==, 2);
    }
  g_object_unref (etcd);

  trib_plan_close (f->plan);
  if (via_toast)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM investment WHERE upstream_id = %"
                                              G_GINT64_FORMAT, id);
      g_autofree char *name = g_strdup_printf ("SELECT name FROM upstream WHERE id = %" G_GINT64_FORMAT, id);

      assert_query (f->path, "SELECT count(*) FROM upstream", "2");
      assert_query (f->path, name, "etcd");
      assert_query (f->path, sql, "12");
      assert_query (f->path, "SELECT count(*) FROM patch", "3");
    }
  else
    {
      assert_query (f->path, "SELECT count(*) FROM upstream", "1");
      assert_query (f->path, "SELECT name FROM upstream", "Kubernetes");
      assert_query (f->path, "SELECT count(*) FROM investment", "1");
      assert_query (f->path, "SELECT count(*) FROM patch", "0");
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *search;
  GtkWidget *focus;

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

  /* Ctrl+F goes to the search. */
  g_assert_true (gtk_widget_activate_action (f->page, "upstreams.search", NULL));
  search = child (f->page, "search_entry");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));

  gtk_editable_set_text (GTK_EDITABLE (search), "CONT");        /* name, any case */
  g_signal_emit_by_name (search, "search-changed");
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

  gtk_editable_set_text (GTK_EDITABLE (search), "build in house");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 1);

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

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f->page, "count_label"))), ==, "5 upstreams");
}

static void
sort_by (Fixture      *f,
         guint         column,
         GtkSortType   order)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (child (f->page, "column_view"));
  g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (view), column);

  gtk_column_view_sort_by_column (view, c, order);
  pump ();
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

  sort_by (f, 3, GTK_SORT_ASCENDING); /* importance */
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_importance (row (f, i)), ==, i + 1);
  sort_by (f, 3, GTK_SORT_DESCENDING);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_importance (row (f, i)), ==, 5 - i);

  /* An edit re-sorts the rows in place. */
  g_assert_true (trib_entity_set_int (TRIB_ENTITY (upstreams[2]), "importance", 5, &error));
  g_assert_no_error (error);
  pump ();
  g_assert_cmpint (trib_upstream_get_importance (row (f, 0)), ==, 5);
  g_assert_cmpint (trib_upstream_get_importance (row (f, 1)), ==, 5);
  g_assert_cmpint (trib_upstream_get_importance (row (f, 4)), ==, 2);

  sort_by (f, 4, GTK_SORT_ASCENDING); /* decision, in its natural order */
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_decision (row (f, i - 1)), <=, trib_upstream_get_decision (row (f, i)));
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
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (trib_plan_info_get_name (info), ==, "Cloud Platform 2027");

  /* Refused: the row says why and the plan keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "E1");
  g_assert_true (gtk_widget_has_css_class (currency_row, "error"));
  g_signal_emit_by_name (currency_row, "apply");
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "EUR");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (currency_row), ==,
                   "Currency: expected a three-letter code such as EUR");
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "usd");
  g_assert_false (gtk_widget_has_css_class (currency_row, "error"));
  g_signal_emit_by_name (currency_row, "apply");
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "USD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency_row)), ==, "USD");

  first_quarter = g_strdup (trib_plan_info_get_first_quarter (info));
  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "first_quarter_row")), "2027-Q5");
  g_signal_emit_by_name (child (f->page, "first_quarter_row"), "apply");
  g_assert_cmpstr (trib_plan_info_get_first_quarter (info), ==, first_quarter);
  g_assert_true (gtk_widget_has_css_class (child (f->page, "first_quarter_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "first_quarter_row")), "2027-Q1");
  g_signal_emit_by_name (child (f->page, "first_quarter_row"), "apply");
  g_assert_cmpstr (trib_plan_info_get_first_quarter (info), ==, "2027-Q1");

  quarters = child (f->page, "quarters_spin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (quarters), 12);
  g_assert_cmpint (trib_plan_info_get_quarters (info), ==, 12);

  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "handles_row")), "alice, bob,");
  g_signal_emit_by_name (child (f->page, "handles_row"), "apply");
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
  /* The isolated XDG_DATA_DIRS hide the MIME database, without which the
   * icon loader cannot recognise the theme's SVG icons: load the system's
   * before isolating (as GLib documents). */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/upstreams/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/ui/upstreams/edit", Fixture, NULL, fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/ui/upstreams/invalid", Fixture, NULL, fixture_setup, test_invalid, fixture_teardown);
  g_test_add ("/ui/upstreams/delete", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/upstreams/delete-undo", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/upstreams/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/ui/upstreams/sort", Fixture, NULL, fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/ui/upstreams/delete-toast-markup", Fixture, NULL, fixture_setup,
              test_delete_toast_markup_and_later_edit, fixture_teardown);
  g_test_add ("/ui/overview/counts-match-captions", Fixture, NULL, fixture_setup,
              test_overview_counts_match_captions, fixture_teardown);
  g_test_add ("/ui/overview/edit-and-count", Fixture, NULL, fixture_setup, test_overview,
              fixture_teardown);

  return g_test_run ();
}
