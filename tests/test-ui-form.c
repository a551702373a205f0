/* test-ui-form.c: the entity form on every entity type, driven with real keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a patch, a product, a release, an upstream base, a certification, a
 * milestone and an acknowledgement: open the form, type into it with key
 * presses sent through the X server, choose references among the plan's
 * items, press Return, close the plan and read the file back.
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "trib-entity-form.h"
#include "trib-page-context.h"
#include "trib-table-page.h"
#include "trib-plan.h"
#include "trib-test-input.h"

typedef struct
{
  char            *path;
  TribPlan        *plan;
  TribPageContext *context;
  GtkWidget       *window;
  gint64           upstream;
  gint64           product;
  gint64           release;
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

static gint64
add (TribPlan   *plan,
     GType       type,
     const char *first_field,
     ...)
{
  g_autoptr(TribEntity) entity = g_object_new (type, NULL);
  g_autoptr(GError) error = NULL;
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  for (; field != NULL; field = va_arg (args, const char *))
    g_assert_true (trib_entity_set_from_text (entity, field, va_arg (args, const char *), &error));
  va_end (args);
  g_assert_true (trib_plan_add (plan, entity, &error));
  g_assert_no_error (error);
  return trib_entity_get_id (entity);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  f->path = g_build_filename (dir, "form.tributary", NULL);
  g_unlink (f->path);
  f->plan = trib_plan_create (f->path, "Form Plan", &error);
  g_assert_no_error (error);
  f->context = trib_page_context_new (f->plan, NULL);
  f->window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->window));

  if (data == NULL)
    {
      f->upstream = add (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", "repository",
                         "https://github.com/etcd-io/etcd", NULL);
      add (f->plan, TRIB_TYPE_UPSTREAM, "name", "containerd", NULL);
      f->product = add (f->plan, TRIB_TYPE_PRODUCT, "name", "Tessellate", NULL);
      f->release = add (f->plan, TRIB_TYPE_PRODUCT_RELEASE, "product_id", "1", "version", "1.0",
                        NULL);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pump ();
  g_clear_object (&f->context);
  trib_plan_close (f->plan);
  g_assert_finalize_object (f->plan);
  g_unlink (f->path);
  g_free (f->path);
}

static TribEntityForm *
open_form (Fixture *f,
           GType    type)
{
  GtkWidget *form = trib_entity_form_new (f->context, type, NULL, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (form));
  pump ();
  return TRIB_ENTITY_FORM (form);
}

static void
type_into (TribEntityForm *form,
           const char     *field,
           const char     *text)
{
  GtkWidget *row = trib_entity_form_get_row (form, field);

  g_assert_nonnull (row);
  if (GTK_IS_FRAME (row))
    gtk_widget_grab_focus (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_frame_get_child (GTK_FRAME (row)))));
  else
    gtk_widget_grab_focus (row);
  trib_test_type (GTK_WIDGET (form), text);
}

/* Chooses the item called @title in the reference or enumeration row of
 * @field, as a click in its list would. */
static void
choose (TribEntityForm *form,
        const char     *field,
        const char     *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (trib_entity_form_get_row (form, field));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), title) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no “%s” to choose in %s", title, field);
}

/* Return in an entry row: the form saves and closes. */
static void
submit (TribEntityForm *form,
        const char     *from_field)
{
  gboolean destroyed = FALSE;

  g_signal_connect_swapped (form, "destroy", G_CALLBACK (g_nullify_pointer), &form);
  gtk_widget_grab_focus (trib_entity_form_get_row (form, from_field));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  destroyed = form == NULL;
  g_assert_true (destroyed);
}

static void
close_plan (Fixture *f)
{
  trib_plan_close (f->plan);
}

static void
test_patch (Fixture       *f,
            gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_PATCH);

  /* A required reference asks for a choice instead of making one. */
  type_into (form, "title", "Backport the lease fix");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_nonnull (find_label (GTK_WIDGET (form), "Upstream: choose one"));
  g_assert_true (gtk_widget_has_css_class (trib_entity_form_get_row (form, "upstream_id"), "error"));

  choose (form, "upstream_id", "etcd");
  choose (form, "state", "Proposed upstream");
  type_into (form, "lines", "120");
  type_into (form, "hours_per_release", "2.5");
  type_into (form, "created", "2027-01-15");
  type_into (form, "url", "github.com/etcd-io/etcd/pull/17");
  type_into (form, "notes", "Until 3.6 ships.");
  submit (form, "url");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add patch “Backport the lease fix”");

  close_plan (f);
  assert_query (f->path, "SELECT title || '|' || upstream_id || '|' || state || '|' || lines || '|' || "
                         "hours_per_release || '|' || created || '|' || url || '|' || notes FROM patch",
                "Backport the lease fix|1|proposed|120|2.5|2027-01-15|"
                "https://github.com/etcd-io/etcd/pull/17|Until 3.6 ships.");
}

static void
test_product (Fixture       *f,
              gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_PRODUCT);
  GtkWidget *trademark;

  type_into (form, "name", "Tessellate Edge");
  /* A yes/no is one row: Space on it flips it. */
  trademark = trib_entity_form_get_row (form, "trademark_registered");
  gtk_widget_grab_focus (trademark);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_space, 0);
  type_into (form, "homepage", "https://tessellate.example/edge");
  submit (form, "homepage");

  close_plan (f);
  assert_query (f->path, "SELECT name || '|' || trademark_registered || '|' || homepage FROM product "
                         "WHERE name = 'Tessellate Edge'",
                "Tessellate Edge|1|https://tessellate.example/edge");
}

static void
test_release (Fixture       *f,
              gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_PRODUCT_RELEASE);

  choose (form, "product_id", "Tessellate");
  type_into (form, "version", "2.0");
  type_into (form, "ga", "2027-09-01");
  /* A date the calendar does not have is refused, with the rule. */
  type_into (form, "end_of_life", "2031-02-30");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_nonnull (find_label (GTK_WIDGET (form), "End of life: expected"));
  gtk_widget_grab_focus (trib_entity_form_get_row (form, "end_of_life"));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_a, GDK_CONTROL_MASK);
  trib_test_type (GTK_WIDGET (form), "2031-02-28");
  submit (form, "end_of_life");

  close_plan (f);
  assert_query (f->path, "SELECT product_id || '|' || version || '|' || ga || '|' || end_of_life "
                         "FROM release WHERE version = '2.0'",
                "1|2.0|2027-09-01|2031-02-28");
}

static void
test_base (Fixture       *f,
           gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_RELEASE_BASE);

  choose (form, "release_id", "1.0");
  choose (form, "upstream_id", "containerd");
  type_into (form, "upstream_version", "1.7");
  type_into (form, "upstream_eol", "2026-03-10");
  submit (form, "upstream_version");

  close_plan (f);
  assert_query (f->path, "SELECT release_id || '|' || upstream_id || '|' || upstream_version || '|' || "
                         "upstream_eol FROM release_base",
                "1|2|1.7|2026-03-10");
}

static void
test_certification (Fixture       *f,
                    gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_CERTIFICATION);

  choose (form, "release_id", "1.0");
  type_into (form, "target", "Red Hat Enterprise Linux 9");
  choose (form, "kind", "Operating system");
  choose (form, "status", "In progress");
  /* Return on a choice submits too (Space opens it). */
  submit (form, "status");

  close_plan (f);
  assert_query (f->path, "SELECT release_id || '|' || target || '|' || kind || '|' || status || '|' || "
                         "promised FROM certification",
                "1|Red Hat Enterprise Linux 9|operating-system|in-progress|1");
}

static void
test_milestone (Fixture       *f,
                gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_MILESTONE);

  type_into (form, "title", "Tessellate 2.0 GA");
  type_into (form, "date", "2027-09-01");
  choose (form, "lane", "Product");
  choose (form, "step", "Product roadmap");
  /* An optional reference can stay empty; this one names the release. */
  choose (form, "release_id", "1.0");
  /* Return on a yes/no row submits; Space would flip it. */
  submit (form, "done");

  close_plan (f);
  assert_query (f->path, "SELECT title || '|' || date || '|' || lane || '|' || step || '|' || "
                         "release_id || '|' || coalesce (upstream_id, 'none') || '|' || done "
                         "FROM milestone",
                "Tessellate 2.0 GA|2027-09-01|product|product-roadmap|1|none|0");
}

static void
test_acknowledgement (Fixture       *f,
                      gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_ACKNOWLEDGEMENT);

  type_into (form, "check_id", "only-a-user");
  type_into (form, "subject", "upstream:1");
  type_into (form, "reason", "We buy support for it from a distribution.");
  /* Return in a text of several lines is a new line; Ctrl+Return submits. */
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  g_assert_nonnull (form);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_BackSpace, 0);
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, GDK_CONTROL_MASK);
  pump ();
  g_assert_null (form);

  close_plan (f);
  assert_query (f->path, "SELECT check_id || '|' || subject || '|' || reason FROM acknowledgement",
                "only-a-user|upstream:1|We buy support for it from a distribution.");
}

/* A required reference over an empty list says what to add first. */
static void
test_nothing_to_refer_to (Fixture       *f,
                          gconstpointer  data)
{
  TribEntityForm *form = open_form (f, TRIB_TYPE_PATCH);

  type_into (form, "title", "A fix");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_nonnull (find_label (GTK_WIDGET (form), "Upstream: the plan has no upstreams yet"));
  g_assert_false (trib_entity_form_is_valid (form));
  gtk_window_destroy (GTK_WINDOW (form));
  pump ();

  close_plan (f);
  assert_query (f->path, "SELECT count(*) FROM patch", "0");
}

static char *
upstream_name (TribEntity *entity,
               gpointer    user_data)
{
  return g_strdup (trib_upstream_get_name (TRIB_UPSTREAM (entity)));
}

static GtkWidget *
find_column_view (GtkWidget *root)
{
  if (GTK_IS_COLUMN_VIEW (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_column_view (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
shown_columns (GtkWidget *page)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (find_column_view (page)));
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

static void
resize (GtkWidget *window,
        int        width)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, 500);
  /* The X server resizes the window in its own time on a busy machine. */
  for (guint i = 0; i < 300 && gtk_widget_get_width (window) != width; i++)
    trib_test_input_settle (10);
  pump ();
  trib_test_input_settle (100);
}

/* A table keeps its columns by priority when narrow, the page's own
 * columns too, and each column sorts by its field's value. */
static void
test_table_columns (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *page = trib_table_page_new (f->context, TRIB_TYPE_UPSTREAM);
  TribTablePage *table = TRIB_TABLE_PAGE (page);
  GtkColumnViewColumn *own = gtk_column_view_column_new ("Own", NULL);
  g_autofree char *narrow = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *wide = NULL;

  trib_table_page_add_custom_column (table, "name", "Name", 150, 0, upstream_name, NULL, NULL);
  trib_table_page_add_column (table, "forge", NULL, 90, 4);
  trib_table_page_add_column (table, "layer", NULL, 170, 3);
  trib_table_page_add_column (table, "importance", NULL, 90, 2);
  trib_table_page_add_column (table, "decision", NULL, 110, 1);
  gtk_column_view_column_set_fixed_width (own, 60);
  trib_table_page_add_view_column (table, own, 1, 1);
  g_object_unref (own);
  gtk_window_set_child (GTK_WINDOW (f->window), page);

  resize (f->window, 400);
  narrow = shown_columns (page);
  g_assert_cmpstr (narrow, ==, "Name,Own,Decision");
  resize (f->window, 560);
  middle = shown_columns (page);
  g_assert_cmpstr (middle, ==, "Name,Own,Importance,Decision");
  resize (f->window, 1000);
  wide = shown_columns (page);
  g_assert_cmpstr (wide, ==, "Name,Own,Forge,Layer,Importance,Decision");

  /* The keyboard, in a page alone (its own bindings): Ctrl+F searches,
   * Enter in the search goes to the match. */
  gtk_widget_grab_focus (page);
  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  trib_test_type (f->window, "contai");
  trib_test_input_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (trib_table_page_get_model (table)), ==, 1);
  trib_test_key (f->window, GDK_KEY_Return, 0);
  g_assert_cmpstr (trib_upstream_get_name (TRIB_UPSTREAM (trib_table_page_get_selected (table))), ==,
                   "containerd");

  close_plan (f);
  assert_query (f->path, "SELECT count(*) FROM upstream", "2");
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/form/patch", Fixture, NULL, fixture_setup, test_patch, fixture_teardown);
  g_test_add ("/ui/form/product", Fixture, NULL, fixture_setup, test_product, fixture_teardown);
  g_test_add ("/ui/form/release", Fixture, NULL, fixture_setup, test_release, fixture_teardown);
  g_test_add ("/ui/form/base", Fixture, NULL, fixture_setup, test_base, fixture_teardown);
  g_test_add ("/ui/form/certification", Fixture, NULL, fixture_setup, test_certification,
              fixture_teardown);
  g_test_add ("/ui/form/milestone", Fixture, NULL, fixture_setup, test_milestone, fixture_teardown);
  g_test_add ("/ui/form/acknowledgement", Fixture, NULL, fixture_setup, test_acknowledgement,
              fixture_teardown);
  g_test_add ("/ui/table/columns", Fixture, NULL, fixture_setup, test_table_columns,
              fixture_teardown);
  g_test_add ("/ui/form/nothing-to-refer-to", Fixture, GINT_TO_POINTER (1), fixture_setup,
              test_nothing_to_refer_to, fixture_teardown);

  return g_test_run ();
}
