/* trib-test-ui.h: what the UI tests of the plan window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fixture with a plan file in the isolated test home, the plan's window
 * or a page alone in a window, helpers to find widgets and forms, and a
 * reading of the plan file with sqlite once the window has closed it.
 * The test program registers `app` (a TribApplication) in its main().
 */
#pragma once

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-entity-form.h"
#include "trib-plan.h"
#include "trib-table-page.h"
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
static inline void
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

static inline GtkWidget *
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

static inline GtkWidget *
child (GtkWidget  *root,
       const char *id)
{
  GtkWidget *found = find_by_id (root, id);

  if (found == NULL)
    g_error ("no widget “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return found;
}

/* A visible label under @root whose text contains @text. */
static inline GtkWidget *
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

static inline GtkWidget *
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

static inline TribEntityForm *
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

static inline TribUpstream *
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

static inline void
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
static inline char *
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

static inline void
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

static inline void
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
static inline void
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
static inline void
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

static inline void
show_upstreams (Fixture *f)
{
  show_window (f, "upstreams", 1000);
  g_assert_true (TRIB_IS_TABLE_PAGE (f->page));
}

static inline void
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

static inline void
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

static inline TribTablePage *
table (Fixture *f)
{
  return TRIB_TABLE_PAGE (f->page);
}

static inline const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f->page, "stack")));
}

static inline guint
n_rows (Fixture *f)
{
  pump ();
  return g_list_model_get_n_items (trib_table_page_get_model (table (f)));
}

static inline TribUpstream *
row (Fixture *f,
     guint    position)
{
  g_autoptr(TribUpstream) upstream = g_list_model_get_item (trib_table_page_get_model (table (f)),
                                                            position);
  return upstream;
}

static inline gboolean
focus_within (GtkWidget *window,
              GtkWidget *widget)
{
  GtkWidget *focused = gtk_root_get_focus (GTK_ROOT (window));

  return focused != NULL && (focused == widget || gtk_widget_is_ancestor (focused, widget));
}

static inline GtkWidget *
form_row (TribEntityForm *form,
          const char     *field)
{
  GtkWidget *widget = trib_entity_form_get_row (form, field);

  g_assert_nonnull (widget);
  return widget;
}

/* Focuses the row of @field and types @text over what it holds. */
static inline void
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

static inline gboolean
save_enabled (TribEntityForm *form)
{
  return gtk_widget_get_sensitive (child (GTK_WIDGET (form), "save_button"));
}

static inline TribEntityForm *
open_form_with_key (Fixture *f)
{
  trib_test_key (f->window, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  pump ();
  return find_form ();
}
