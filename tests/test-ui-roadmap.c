/* test-ui-roadmap.c: the Roadmap page in a real plan window, with real keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A milestone added from the page appears on the timeline and, once the
 * plan is closed, in the file; undo takes it away again. The keyboard
 * moves the selection, zooms, moves, edits and deletes milestones.
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-chart-roadmap.h"
#include "trib-dates.h"
#include "trib-entity-form.h"
#include "trib-enums.h"
#include "trib-plan.h"
#include "trib-roadmap-page.h"
#include "trib-sample.h"
#include "trib-window.h"
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

static TribApplication *app;

/* --- real input through the X server's XTEST extension --- */

static void
settle (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
input_available (void)
{
  int event, error, major, minor;
  GdkDisplay *display = gdk_display_get_default ();

  return GDK_IS_X11_DISPLAY (display) &&
         XTestQueryExtension (gdk_x11_display_get_xdisplay (display), &event, &error, &major, &minor);
}

/* Gives the keyboard to @window: there is no window manager to do it. */
static Display *
focus (GtkWidget *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *x = gdk_x11_display_get_xdisplay (display);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && !gtk_widget_get_mapped (window); i++)
    settle (5);
  g_assert_true (gtk_widget_get_mapped (window));
  gdk_x11_display_error_trap_push (display);
  XSetInputFocus (x, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  XSync (x, False);
  gdk_x11_display_error_trap_pop_ignored (display);
  settle (30);
  return x;
}

/* Presses and releases @keyval with @modifiers (Control, Shift, Alt). */
static void
key (GtkWidget       *window,
     guint            keyval,
     GdkModifierType  modifiers)
{
  Display *x = focus (window);
  KeyCode code = XKeysymToKeycode (x, keyval);
  const struct { GdkModifierType mask; KeySym sym; } mods[] = {
    { GDK_CONTROL_MASK, XK_Control_L }, { GDK_SHIFT_MASK, XK_Shift_L }, { GDK_ALT_MASK, XK_Alt_L },
  };

  g_assert_cmpuint (code, !=, 0);
  if (XkbKeycodeToKeysym (x, code, 0, 0) != keyval && XkbKeycodeToKeysym (x, code, 0, 1) == keyval)
    modifiers |= GDK_SHIFT_MASK;
  for (guint i = 0; i < G_N_ELEMENTS (mods); i++)
    if (modifiers & mods[i].mask)
      XTestFakeKeyEvent (x, XKeysymToKeycode (x, mods[i].sym), True, CurrentTime);
  XTestFakeKeyEvent (x, code, True, CurrentTime);
  XTestFakeKeyEvent (x, code, False, CurrentTime);
  for (guint i = G_N_ELEMENTS (mods); i-- > 0;)
    if (modifiers & mods[i].mask)
      XTestFakeKeyEvent (x, XKeysymToKeycode (x, mods[i].sym), False, CurrentTime);
  XSync (x, False);
  settle (40);
}


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
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        {
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
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_id (c, id);
      if (found)
        return found;
    }
  return NULL;
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

/* Drags with the first button from @x0,@y0 in @widget by @dx pixels. */
static void
drag (GtkWidget *widget,
      double     x0,
      double     y0,
      double     dx)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  Display *x = focus (window);
  Window child;
  graphene_point_t p;
  double sx, sy;
  int rx, ry;

  /* Window coordinates, then the surface's (past the client-side shadow),
   * then the screen's. */
  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (x0, y0), &p));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  XTranslateCoordinates (x, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                         DefaultRootWindow (x), (int) (p.x + sx), (int) (p.y + sy), &rx, &ry, &child);
  XTestFakeMotionEvent (x, -1, rx, ry, CurrentTime);
  XSync (x, False);
  settle (50);
  XTestFakeButtonEvent (x, 1, True, CurrentTime);
  XSync (x, False);
  settle (50);
  for (int i = 1; i <= 10; i++)
    {
      XTestFakeMotionEvent (x, -1, rx + (int) (dx * i / 10), ry, CurrentTime);
      XSync (x, False);
      settle (15);
    }
  XTestFakeButtonEvent (x, 1, False, CurrentTime);
  XSync (x, False);
  settle (80);
}

static int
find_title (TribRoadmap *roadmap,
            const char  *title)
{
  for (guint i = 0; i < trib_roadmap_get_n_items (roadmap); i++)
    if (g_str_equal (trib_roadmap_get_item (roadmap, i)->title, title))
      return (int) i;
  return -1;
}

static void
show_roadmap (Fixture *f)
{
  f->window = GTK_WIDGET (trib_window_new (app, f->plan));
  /* Widgets where they end up, not where an animation has them now. */
  g_object_set (gtk_widget_get_settings (f->window), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  trib_window_show_page (TRIB_WINDOW (f->window), "roadmap");
  pump ();
  f->page = gtk_stack_get_visible_child (GTK_STACK (find_by_id (f->window, "stack")));
  g_assert_true (TRIB_IS_ROADMAP_PAGE (f->page));
  g_assert_true (gtk_widget_get_mapped (f->page));
  gtk_widget_grab_focus (trib_roadmap_page_get_view (TRIB_ROADMAP_PAGE (f->page)));
  pump ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plans", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  f->path = g_build_filename (dir, "roadmap.tributary", NULL);
  g_unlink (f->path);
  if (GPOINTER_TO_INT (data))
    f->plan = trib_sample_write (f->path, FALSE, &error);
  else
    f->plan = trib_plan_create (f->path, "Roadmap Test", &error);
  g_assert_no_error (error);
}

static void
close_plan (Fixture *f)
{
  TribEntityForm *form;

  while ((form = find_form ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (form));
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

/* Ctrl+Shift+A opens the milestone form; saved, the milestone is on the
 * timeline where the chart draws it; Ctrl+Z takes it away, Ctrl+Shift+Z
 * brings it back, and the file holds it. */
static void
test_add_undo (Fixture       *f,
               gconstpointer  data)
{
  TribRoadmapPage *page;
  TribEntityForm *form;
  TribRoadmap *roadmap;
  TribRoadmapChart *chart;
  TribChartRect rect;
  int index;

  if (!input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_roadmap (f);
  page = TRIB_ROADMAP_PAGE (f->page);
  g_assert_cmpint (find_title (trib_roadmap_page_get_roadmap (page), "Ship 1.0"), ==, -1);

  key (f->window, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  trib_entity_form_set_text (form, "title", "Ship 1.0");
  {
    g_auto(GValue) lane = G_VALUE_INIT;

    g_value_init (&lane, TRIB_TYPE_LANE);
    g_value_set_enum (&lane, TRIB_LANE_BUSINESS);
    trib_entity_form_set_value (form, "lane", &lane);
  }
  g_assert_true (trib_entity_form_save (form));
  pump ();
  g_assert_null (find_form ());

  roadmap = trib_roadmap_page_get_roadmap (page);
  index = find_title (roadmap, "Ship 1.0");
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (trib_roadmap_get_item (roadmap, index)->lane, ==, TRIB_LANE_BUSINESS);
  /* On the timeline: the chart has a place for it, and a click there finds it. */
  chart = trib_roadmap_chart_new (roadmap, TRIB_ROADMAP_ZOOM_QUARTERS, 10);
  g_assert_true (trib_roadmap_chart_get_item_rect (chart, index, &rect));
  g_assert_cmpint (trib_roadmap_chart_hit (chart, rect.x + rect.width / 2, rect.y + rect.height / 2), ==,
                   find_title (roadmap, "Ship 1.0"));
  trib_roadmap_chart_free (chart);

  gtk_widget_grab_focus (trib_roadmap_page_get_view (page));
  key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  g_assert_cmpint (find_title (trib_roadmap_page_get_roadmap (page), "Ship 1.0"), ==, -1);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_MILESTONE), ==, 0);

  key (f->window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  pump ();
  g_assert_cmpint (find_title (trib_roadmap_page_get_roadmap (page), "Ship 1.0"), >=, 0);

  close_plan (f);
  {
    g_autofree char *title = query (f->path, "SELECT title FROM milestone");
    g_autofree char *lane = query (f->path, "SELECT lane FROM milestone");

    g_assert_cmpstr (title, ==, "Ship 1.0");
    g_assert_cmpstr (lane, ==, "business");
  }
}

/* Arrows select, +/− zoom, Shift+Right moves a milestone by a week, Enter
 * edits it, Delete deletes it with an undo. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  TribRoadmapPage *page;
  const TribRoadmapItem *item;
  g_autofree char *title = NULL;
  g_autofree char *date_before = NULL;
  TribMilestone *milestone;
  TribEntityForm *form;
  guint n_milestones = trib_plan_count (f->plan, TRIB_TYPE_MILESTONE);
  int first, zoom;

  if (!input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_roadmap (f);
  page = TRIB_ROADMAP_PAGE (f->page);
  g_assert_cmpint (trib_roadmap_page_get_selected (page), ==, -1);

  key (f->window, GDK_KEY_Right, 0);
  first = trib_roadmap_page_get_selected (page);
  g_assert_cmpint (first, ==, 0);
  key (f->window, GDK_KEY_Right, 0);
  g_assert_cmpint (trib_roadmap_page_get_selected (page), ==, 1);
  key (f->window, GDK_KEY_Left, 0);
  g_assert_cmpint (trib_roadmap_page_get_selected (page), ==, 0);
  key (f->window, GDK_KEY_Down, 0);
  item = trib_roadmap_get_item (trib_roadmap_page_get_roadmap (page), trib_roadmap_page_get_selected (page));
  g_assert_cmpint (item->row, ==, 1);

  g_object_get (page, "zoom", &zoom, NULL);
  g_assert_cmpint (zoom, ==, TRIB_ROADMAP_ZOOM_QUARTERS);
  key (f->window, GDK_KEY_minus, 0);
  g_object_get (page, "zoom", &zoom, NULL);
  g_assert_cmpint (zoom, ==, TRIB_ROADMAP_ZOOM_YEARS);
  key (f->window, GDK_KEY_plus, GDK_SHIFT_MASK);
  key (f->window, GDK_KEY_plus, GDK_SHIFT_MASK);
  g_object_get (page, "zoom", &zoom, NULL);
  g_assert_cmpint (zoom, ==, TRIB_ROADMAP_ZOOM_MONTHS);

  /* The first item of the upstream lane is the sample's gap analysis. */
  trib_roadmap_page_select (page, 0);
  item = trib_roadmap_get_item (trib_roadmap_page_get_roadmap (page), 0);
  g_assert_cmpint (item->kind, ==, TRIB_ROADMAP_KIND_MILESTONE);
  milestone = TRIB_MILESTONE (trib_plan_lookup (f->plan, TRIB_TYPE_MILESTONE, item->entity_id));
  title = g_strdup (trib_milestone_get_title (milestone));
  date_before = g_strdup (trib_milestone_get_date (milestone));
  g_assert_cmpstr (date_before, ==, "2027-01-29");

  key (f->window, GDK_KEY_Right, GDK_SHIFT_MASK);
  pump ();
  g_assert_cmpstr (trib_milestone_get_date (milestone), ==, "2027-02-05");
  /* Still selected after the roadmap was rebuilt. */
  item = trib_roadmap_get_item (trib_roadmap_page_get_roadmap (page), trib_roadmap_page_get_selected (page));
  g_assert_cmpstr (item->title, ==, title);
  key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  g_assert_cmpstr (trib_milestone_get_date (milestone), ==, "2027-01-29");

  key (f->window, GDK_KEY_Return, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity (form) == TRIB_ENTITY (milestone));
  gtk_window_destroy (GTK_WINDOW (form));
  pump ();

  gtk_widget_grab_focus (trib_roadmap_page_get_view (page));
  key (f->window, GDK_KEY_Delete, 0);
  pump ();
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_MILESTONE), ==, n_milestones - 1);
  g_assert_cmpint (find_title (trib_roadmap_page_get_roadmap (page), title), ==, -1);
  key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  pump ();
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_MILESTONE), ==, n_milestones);
  g_assert_cmpint (find_title (trib_roadmap_page_get_roadmap (page), title), >=, 0);
}

/* A milestone linked to an upstream leads to that upstream's page. */
static void
test_follow_link (Fixture       *f,
                  gconstpointer  data)
{
  TribRoadmapPage *page;

  show_roadmap (f);
  page = TRIB_ROADMAP_PAGE (f->page);
  trib_roadmap_page_select (page, 0);   /* the gap analysis, linked to KubeVirt */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.follow-link", NULL));
  pump ();
  g_assert_cmpstr (trib_window_get_visible_page (TRIB_WINDOW (f->window)), ==, "upstreams");
}


/* Dragging a milestone along the timeline moves its date, one undo step. */
static void
test_drag (Fixture       *f,
           gconstpointer  data)
{
  TribRoadmapPage *page;
  TribRoadmapChart *chart;
  TribMilestone *milestone;
  TribChartRect rect;
  const TribRoadmapItem *item;
  GDate before, after;
  double ppd;
  int moved;

  if (!input_available ())
    {
      g_test_skip ("no XTEST extension on this display");
      return;
    }
  show_roadmap (f);
  settle (300);   /* the window's layout settles */
  page = TRIB_ROADMAP_PAGE (f->page);
  item = trib_roadmap_get_item (trib_roadmap_page_get_roadmap (page), 0);
  milestone = TRIB_MILESTONE (trib_plan_lookup (f->plan, TRIB_TYPE_MILESTONE, item->entity_id));
  g_assert_true (trib_date_parse (trib_milestone_get_date (milestone), &before));

  /* The page draws at quarters with 10-unit labels: the same chart finds
   * where the milestone's diamond is. */
  chart = trib_roadmap_chart_new (trib_roadmap_page_get_roadmap (page), TRIB_ROADMAP_ZOOM_QUARTERS, 10);
  g_assert_true (trib_roadmap_chart_get_item_rect (chart, 0, &rect));
  ppd = trib_roadmap_chart_get_px_per_day (chart);
  trib_roadmap_chart_free (chart);
  drag (trib_roadmap_page_get_view (page), rect.x + 5, rect.y + rect.height / 2, 60);

  g_assert_true (trib_date_parse (trib_milestone_get_date (milestone), &after));
  moved = g_date_days_between (&before, &after);
  g_assert_cmpint (moved, >=, (int) (50 / ppd));
  g_assert_cmpint (moved, <=, (int) (70 / ppd) + 1);

  key (f->window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (trib_milestone_get_date (milestone), ==, "2027-01-29");
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

  g_test_add ("/ui/roadmap/add-undo", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_add_undo,
              fixture_teardown);
  g_test_add ("/ui/roadmap/keys", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_keys,
              fixture_teardown);
  g_test_add ("/ui/roadmap/drag", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_drag,
              fixture_teardown);
  g_test_add ("/ui/roadmap/follow-link", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_follow_link, fixture_teardown);
  return g_test_run ();
}
