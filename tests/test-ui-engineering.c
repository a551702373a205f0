/* test-ui-engineering.c: the investment grid, the certification matrix and
 * the patches, edited from the keyboard in a real window and found in the
 * plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-entity-form.h"
#include "trib-finding.h"
#include "trib-findings-list.h"
#include "trib-investment-page.h"
#include "trib-patches-page.h"
#include "trib-product-page.h"
#include "trib-plan.h"
#include "trib-sample.h"
#include "trib-enums.h"
#include "trib-window.h"
#include "trib-test-input.h"

static TribApplication *app;

typedef struct
{
  char      *path;
  TribPlan  *plan;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

static void
pump (void)
{
  trib_test_input_settle (60);
}

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

/* One value from the plan file, read with SQLite as another program would. */
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
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  f->path = g_build_filename (dir, "engineering.tributary", NULL);
  g_unlink (f->path);
  f->plan = trib_sample_write (f->path, FALSE, &error);
  g_assert_no_error (error);
}

static void
close_plan (Fixture *f)
{
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  if (f->plan)
    {
      trib_plan_close (f->plan);
      g_assert_finalize_object (f->plan);
      f->plan = NULL;
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_plan (f);
  g_unlink (f->path);
  g_free (f->path);
}

static void
show_page (Fixture    *f,
           const char *name)
{
  f->window = GTK_WIDGET (trib_window_new (app, f->plan));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  trib_window_show_page (TRIB_WINDOW (f->window), name);
  pump ();
  f->page = gtk_stack_get_visible_child (GTK_STACK (find_by_id (f->window, "stack")));
  g_assert_true (gtk_widget_get_mapped (f->page));
}

static TribUpstream *
upstream_named (TribPlan   *plan,
                const char *name)
{
  GListModel *upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);

  for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      if (g_str_equal (trib_upstream_get_name (u), name))
        return u; /* the plan keeps it */
    }
  g_error ("no upstream %s", name);
}

static char *
stored_fte (Fixture    *f,
            const char *upstream,
            const char *quarter)
{
  g_autofree char *sql = g_strdup_printf ("SELECT fte FROM investment JOIN upstream ON upstream.id = upstream_id "
                                          "WHERE upstream.name = '%s' AND quarter = '%s'", upstream, quarter);
  return query (f->path, sql);
}

static void
assert_cell (TribInvestmentPage *page,
             int                 row,
             guint               q,
             const char         *expected)
{
  g_autofree char *text = trib_investment_page_get_cell_text (page, (guint) row, q);
  g_assert_cmpstr (text, ==, expected);
}

/* Arrows move, typing a number starts an edit, Enter commits and moves
 * down, Escape cancels, Delete clears, a refused value leaves the stored
 * one; each edit is one undo step and is in the file. */
static void
test_investment_keys (Fixture       *f,
                      gconstpointer  data)
{
  TribInvestmentPage *page;
  int etcd;
  guint row, q;
  g_autofree char *total_before = NULL, *total_after = NULL;

  if (!trib_test_input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_page (f, "investment");
  g_assert_true (TRIB_IS_INVESTMENT_PAGE (f->page));
  page = TRIB_INVESTMENT_PAGE (f->page);
  g_assert_cmpuint (trib_investment_page_get_n_rows (page), ==, 13);
  etcd = trib_investment_page_find_row (page, upstream_named (f->plan, "etcd"));
  g_assert_cmpint (etcd, >, 0);

  /* From the row above etcd, 2027-Q1: Down and Right land on etcd 2027-Q2. */
  trib_investment_page_set_cursor (page, (guint) etcd - 1, 0);
  gtk_widget_grab_focus (trib_investment_page_get_grid (page));
  trib_test_key (f->window, GDK_KEY_Down, 0);
  trib_test_key (f->window, GDK_KEY_Right, 0);
  trib_investment_page_get_cursor (page, &row, &q);
  g_assert_cmpuint (row, ==, (guint) etcd);
  g_assert_cmpuint (q, ==, 1);
  assert_cell (page, etcd, 1, "1");
  total_before = trib_investment_page_get_total_text (page, 1);
  g_assert_cmpstr (total_before, ==, "9");

  /* Typing starts an edit; Enter commits it and moves down. */
  trib_test_type (f->window, "2.5");
  g_assert_true (trib_investment_page_is_editing (page));
  trib_test_key (f->window, GDK_KEY_Return, 0);
  g_assert_false (trib_investment_page_is_editing (page));
  assert_cell (page, etcd, 1, "2.5");
  total_after = trib_investment_page_get_total_text (page, 1);
  g_assert_cmpstr (total_after, ==, "10.5");
  trib_investment_page_get_cursor (page, &row, &q);
  g_assert_cmpuint (row, ==, (guint) etcd + 1);
  {
    g_autofree char *fte = stored_fte (f, "etcd", "2027-Q2");
    g_assert_cmpstr (fte, ==, "2.5");
  }

  /* Escape drops what was typed. */
  trib_test_key (f->window, GDK_KEY_Up, 0);
  trib_test_type (f->window, "7");
  trib_test_key (f->window, GDK_KEY_Escape, 0);
  g_assert_false (trib_investment_page_is_editing (page));
  assert_cell (page, etcd, 1, "2.5");

  /* A value the plan refuses is said, and the cell keeps the stored one. */
  trib_test_type (f->window, "5000");
  trib_test_key (f->window, GDK_KEY_Return, 0);
  assert_cell (page, etcd, 1, "2.5");
  {
    g_autofree char *fte = stored_fte (f, "etcd", "2027-Q2");
    g_assert_cmpstr (fte, ==, "2.5");
  }

  /* M makes it a maintainer's quarter. */
  trib_investment_page_set_cursor (page, (guint) etcd, 1);
  trib_test_key (f->window, GDK_KEY_m, 0);
  {
    g_autofree char *role = query (f->path, "SELECT role FROM investment JOIN upstream ON upstream.id = upstream_id "
                                            "WHERE upstream.name = 'etcd' AND quarter = '2027-Q2'");
    g_assert_cmpstr (role, ==, "maintainer");
  }

  /* Delete clears it: the investment is gone from the file. */
  trib_test_key (f->window, GDK_KEY_Delete, 0);
  assert_cell (page, etcd, 1, "");
  {
    g_autofree char *fte = stored_fte (f, "etcd", "2027-Q2");
    g_assert_null (fte);
  }

  /* Each of those was one step: three undos bring back 1. */
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_cell (page, etcd, 1, "2.5");
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_cell (page, etcd, 1, "1");
  {
    g_autofree char *fte = stored_fte (f, "etcd", "2027-Q2");
    g_autofree char *total = trib_investment_page_get_total_text (page, 1);
    g_assert_cmpstr (fte, ==, "1.0");
    g_assert_cmpstr (total, ==, "9");
  }
}

/* Ctrl+D copies the cursor's quarter of every upstream into the next one,
 * and one undo takes all of it back. */
static void
test_investment_copy_forward (Fixture       *f,
                              gconstpointer  data)
{
  TribInvestmentPage *page;
  int kubevirt;

  if (!trib_test_input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_page (f, "investment");
  page = TRIB_INVESTMENT_PAGE (f->page);
  kubevirt = trib_investment_page_find_row (page, upstream_named (f->plan, "KubeVirt"));
  /* KubeVirt: 0.5 in 2027-Q2, 4 in 2027-Q3. */
  assert_cell (page, kubevirt, 2, "4");
  trib_investment_page_set_cursor (page, 0, 1);
  gtk_widget_grab_focus (trib_investment_page_get_grid (page));
  trib_test_key (f->window, GDK_KEY_d, GDK_CONTROL_MASK);
  assert_cell (page, kubevirt, 2, "0.5");
  {
    g_autofree char *fte = stored_fte (f, "KubeVirt", "2027-Q3");
    g_autofree char *total = trib_investment_page_get_total_text (page, 2);
    g_assert_cmpstr (fte, ==, "0.5");
    /* 2027-Q3 now holds 2027-Q2's 9 engineers. */
    g_assert_cmpstr (total, ==, "9");
  }
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_cell (page, kubevirt, 2, "4");
  {
    g_autofree char *total = trib_investment_page_get_total_text (page, 2);
    g_assert_cmpstr (total, ==, "13.5");
  }
}

static TribEntityForm *
find_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (TRIB_IS_ENTITY_FORM (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRIB_ENTITY_FORM (window);
    }
  return NULL;
}

static char *
stored_status (Fixture *f)
{
  return query (f->path, "SELECT status FROM certification JOIN release ON release.id = release_id "
                         "WHERE target = 'Google Cloud' AND version = '3.0'");
}

/* A cell of the certification matrix, changed from the keyboard: Space
 * opens its list (the keyboard starts on its first item in GTK 4.8), Down
 * three times and Enter choose "Certified". The change is in
 * the file; the keyboard is back on the cell; Ctrl+Z takes it back. */
static void
test_certification_matrix (Fixture       *f,
                           gconstpointer  data)
{
  TribProductPage *page;
  GtkWidget *cell;

  if (!trib_test_input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_page (f, "product");
  g_assert_true (TRIB_IS_PRODUCT_PAGE (f->page));
  page = TRIB_PRODUCT_PAGE (f->page);
  trib_product_page_show (page, "certification");
  pump ();
  {
    g_autofree char *status = stored_status (f);
    g_assert_cmpstr (status, ==, "in-progress");
  }
  cell = trib_product_page_get_matrix_cell (page, "Google Cloud", 0);
  g_assert_nonnull (cell);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cell)), ==, 2);
  gtk_widget_grab_focus (cell);
  trib_test_key (f->window, GDK_KEY_space, 0);
  pump ();
  for (guint i = 0; i < 3; i++)
    trib_test_key (f->window, GDK_KEY_Down, 0);
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  {
    g_autofree char *status = stored_status (f);
    g_assert_cmpstr (status, ==, "certified");
  }
  /* Rebuilt, the grid shows it and gave the keyboard back to the cell. */
  cell = trib_product_page_get_matrix_cell (page, "Google Cloud", 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cell)), ==, 3);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), cell)
                 || gtk_root_get_focus (GTK_ROOT (f->window)) == cell);

  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  {
    g_autofree char *status = stored_status (f);
    g_assert_cmpstr (status, ==, "in-progress");
  }
  cell = trib_product_page_get_matrix_cell (page, "Google Cloud", 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cell)), ==, 2);
}

/* A patch's state: Enter on its row opens the form, the form saves it,
 * the file has it, Ctrl+Z takes it back. */
static void
test_patch_state (Fixture       *f,
                  gconstpointer  data)
{
  TribTablePage *table;
  TribEntityForm *form;
  TribPatch *patch = NULL;
  GListModel *patches = trib_plan_get_items (f->plan, TRIB_TYPE_PATCH);
  g_auto(GValue) state = G_VALUE_INIT;
  const char *sql = "SELECT state FROM patch WHERE title LIKE 'kubelet: cgroup driver%'";

  if (!trib_test_input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (patches) && patch == NULL; i++)
    {
      g_autoptr(TribPatch) p = g_list_model_get_item (patches, i);
      if (g_str_has_prefix (trib_patch_get_title (p), "kubelet: cgroup driver"))
        patch = p;
    }
  g_assert_nonnull (patch);
  show_page (f, "patches");
  g_assert_true (TRIB_IS_PATCHES_PAGE (f->page));
  table = trib_patches_page_get_table (TRIB_PATCHES_PAGE (f->page));
  g_assert_true (trib_table_page_focus_entity (table, TRIB_ENTITY (patch)));
  pump ();
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity (form) == TRIB_ENTITY (patch));
  g_value_init (&state, TRIB_TYPE_PATCH_STATE);
  g_value_set_enum (&state, TRIB_PATCH_STATE_PROPOSED);
  trib_entity_form_set_value (form, "state", &state);
  g_assert_true (trib_entity_form_save (form));
  pump ();
  {
    g_autofree char *stored = query (f->path, sql);
    g_assert_cmpstr (stored, ==, "proposed");
  }
  g_assert_cmpint (trib_patch_get_state (patch), ==, TRIB_PATCH_STATE_PROPOSED);

  gtk_widget_grab_focus (GTK_WIDGET (table));
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  {
    g_autofree char *stored = query (f->path, sql);
    g_assert_cmpstr (stored, ==, "carried");
  }
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

/* The row of the finding whose message holds @part. */
static GtkListBoxRow *
finding_row (GtkListBox *list,
             const char *part)
{
  for (guint i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      TribFinding *finding;

      if (row == NULL)
        return NULL;
      finding = g_object_get_data (G_OBJECT (row), "finding");
      if (finding && strstr (trib_finding_get_message (finding), part) != NULL)
        return row;
    }
}

/* On the Overview: Enter on a finding goes to its entity (the KubeVirt row
 * of the investment grid); its button acknowledges it with a typed reason
 * (in the file; the sidebar counts one fewer); Ctrl+Z takes that back. */
static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *button;
  TribInvestmentPage *investment;
  guint cursor_row;
  const char *jump = "Investment in “KubeVirt” jumps";

  if (!trib_test_input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_page (f, "overview");
  list = trib_findings_list_get_list (TRIB_FINDINGS_LIST (find_type (f->page, TRIB_TYPE_FINDINGS_LIST)));
  row = finding_row (list, jump);
  g_assert_nonnull (row);

  gtk_widget_grab_focus (GTK_WIDGET (row));
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  g_assert_cmpstr (trib_window_get_visible_page (TRIB_WINDOW (f->window)), ==, "investment");
  investment = TRIB_INVESTMENT_PAGE (gtk_stack_get_visible_child (GTK_STACK (find_by_id (f->window, "stack"))));
  trib_investment_page_get_cursor (investment, &cursor_row, NULL);
  g_assert_cmpint ((int) cursor_row, ==, trib_investment_page_find_row (investment, upstream_named (f->plan, "KubeVirt")));

  trib_window_show_page (TRIB_WINDOW (f->window), "overview");
  pump ();
  row = finding_row (list, jump);
  button = find_button (GTK_WIDGET (row), "Acknowledge…");
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  trib_test_key (f->window, GDK_KEY_space, 0);
  pump ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWidget *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
          dialog = GTK_WIDGET (w);
      }
    g_assert_nonnull (dialog);
    trib_test_type (dialog, "Two committers hired");
    trib_test_key (dialog, GDK_KEY_Return, 0);
    pump ();
  }
  {
    g_autofree char *reason = query (f->path, "SELECT reason FROM acknowledgement WHERE subject = "
                                              "(SELECT 'upstream:' || id FROM upstream WHERE name = 'KubeVirt')");
    g_assert_cmpstr (reason, ==, "Two committers hired");
  }
  /* Acknowledged, it moved down among the dimmed ones. */
  row = finding_row (list, jump);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "dim-label"));

  gtk_widget_grab_focus (GTK_WIDGET (row));
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  {
    g_autofree char *reason = query (f->path, "SELECT reason FROM acknowledgement WHERE subject = "
                                              "(SELECT 'upstream:' || id FROM upstream WHERE name = 'KubeVirt')");
    g_assert_null (reason);
  }
  row = finding_row (list, jump);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "dim-label"));

  /* A promised target goes to its cell of the certification matrix (the
   * message says "promises" or, after the GA, "has shipped promising"). */
  row = finding_row (list, "“Google Cloud”");
  g_assert_nonnull (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  g_assert_cmpstr (trib_window_get_visible_page (TRIB_WINDOW (f->window)), ==, "product");
  {
    TribProductPage *product = TRIB_PRODUCT_PAGE (gtk_stack_get_visible_child (GTK_STACK (find_by_id (f->window, "stack"))));
    GtkWidget *cell = trib_product_page_get_matrix_cell (product, "Google Cloud", 0);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    g_assert_true (focus == cell || gtk_widget_is_ancestor (focus, cell));
  }
}

/* The checks' thresholds are plan settings: the Thresholds button opens the
 * plan's form; a larger gradual step saved there silences the KubeVirt jump
 * and is in the file; Ctrl+Z brings both back. */
static void
test_thresholds (Fixture       *f,
                 gconstpointer  data)
{
  GtkListBox *list;
  GtkWidget *button;
  TribEntityForm *form;
  const char *jump = "Investment in “KubeVirt” jumps";

  if (!trib_test_input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_page (f, "overview");
  list = trib_findings_list_get_list (TRIB_FINDINGS_LIST (find_type (f->page, TRIB_TYPE_FINDINGS_LIST)));
  g_assert_nonnull (finding_row (list, jump));
  button = find_button (f->page, "_Thresholds…");
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  trib_test_key (f->window, GDK_KEY_space, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  trib_entity_form_set_text (form, "check_dial_step", "5");
  g_assert_true (trib_entity_form_save (form));
  trib_test_input_settle (300);
  {
    g_autofree char *step = query (f->path, "SELECT check_dial_step FROM plan");
    g_assert_cmpstr (step, ==, "5.0");
  }
  g_assert_null (finding_row (list, jump));

  gtk_widget_grab_focus (GTK_WIDGET (list));
  trib_test_key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  trib_test_input_settle (300);
  {
    g_autofree char *step = query (f->path, "SELECT check_dial_step FROM plan");
    g_assert_cmpstr (step, ==, "1.5");
  }
  g_assert_nonnull (finding_row (list, jump));
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

  g_test_add ("/ui/engineering/investment/keys", Fixture, NULL, fixture_setup,
              test_investment_keys, fixture_teardown);
  g_test_add ("/ui/engineering/investment/copy-forward", Fixture, NULL, fixture_setup,
              test_investment_copy_forward, fixture_teardown);
  g_test_add ("/ui/engineering/certification-matrix", Fixture, NULL, fixture_setup,
              test_certification_matrix, fixture_teardown);
  g_test_add ("/ui/engineering/patch-state", Fixture, NULL, fixture_setup,
              test_patch_state, fixture_teardown);
  g_test_add ("/ui/engineering/findings", Fixture, NULL, fixture_setup,
              test_findings, fixture_teardown);
  g_test_add ("/ui/engineering/thresholds", Fixture, NULL, fixture_setup,
              test_thresholds, fixture_teardown);
  return g_test_run ();
}
