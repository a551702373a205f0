/* test-ui-health.c: refreshing from the window against a local forge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real plan window, Ctrl+R's action, a SoupServer on 127.0.0.1: the
 * progress shows while the answers come, the badges show the scores after,
 * the failed upstream says so, sorting by health sorts by score, and the
 * detail window explains a score. With TRIB_TEST_SHOT_DIR set, the window
 * is saved as PNG there, light and dark.
 */
#include "config.h"

#include <adwaita.h>

#include "forge-test-server.h"
#include "trib-application.h"
#include "trib-health-tracker.h"
#include "trib-plan.h"
#include "trib-preferences-window.h"
#include "trib-window.h"
#include "trib-test-util.h"

static TribApplication *app;
static TestForge *forge;

static void
pump_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static void
collect (GtkWidget  *root,
         const char *css_class,
         GPtrArray  *out)
{
  if (gtk_widget_has_css_class (root, css_class) && gtk_widget_get_mapped (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect (c, css_class, out);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
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
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
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

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("TRIB_TEST_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static TribUpstream *
add_upstream (TribPlan   *plan,
              const char *name,
              const char *repository)
{
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_entity_set_string (TRIB_ENTITY (upstream), "name", name, &error));
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (upstream), "repository", repository, &error));
  g_assert_true (trib_plan_add (plan, TRIB_ENTITY (upstream), &error));
  return g_steal_pointer (&upstream);
}

static void
test_refresh_from_window (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "p.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Health", &error);
  g_autoptr(TribUpstream) a = NULL, b = NULL, c = NULL;
  g_autoptr(GPtrArray) badges = g_ptr_array_new ();
  TribWindow *window;
  TribHealthTracker *tracker;
  GtkWidget *revealer, *progress;
  guint scored = 0, shown_progress = 0;
  double max_fraction_while_running = 0;

  g_assert_no_error (error);
  a = add_upstream (plan, "libexample", "https://github.com/tributary-test/libexample");
  b = add_upstream (plan, "example", "https://gitlab.com/tributary-test/example");
  c = add_upstream (plan, "missing", "https://github.com/nobody/nothing");

  window = trib_window_new (app, plan);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 600);
  gtk_window_present (GTK_WINDOW (window));
  pump_for (200);

  /* Slow answers, so that the progress can be seen. */
  forge->delay_ms = 40;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  tracker = g_object_get_data (G_OBJECT (trib_window_get_context (window)), "trib-health-tracker");
  g_assert_nonnull (tracker);
  /* The tokens are read from the secret store first. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (trib_health_tracker_get_refresh (tracker) == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_nonnull (trib_health_tracker_get_refresh (tracker));
  g_assert_true (trib_forge_refresh_get_running (trib_health_tracker_get_refresh (tracker)));

  while (trib_forge_refresh_get_running (trib_health_tracker_get_refresh (tracker)))
    {
      g_main_context_iteration (NULL, TRUE);
      revealer = find_type (GTK_WIDGET (window), GTK_TYPE_REVEALER);
      progress = find_type (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);
      if (revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) && progress != NULL)
        {
          shown_progress++;
          max_fraction_while_running = MAX (max_fraction_while_running,
                                            gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)));
          if (shown_progress == 1)
            g_assert_nonnull (find_label (GTK_WIDGET (window), "Refreshing "));
        }
    }
  pump_for (300);
  g_assert_cmpuint (shown_progress, >, 0);
  g_assert_cmpfloat (max_fraction_while_running, <, 1.0);
  g_assert_cmpfloat (max_fraction_while_running, >, 0.0);

  /* The badges show scores; the failure is listed and marked. */
  collect (GTK_WIDGET (window), "trib-health-badge", badges);
  g_assert_cmpuint (badges->len, ==, 3);
  for (guint i = 0; i < badges->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (badges, i)), "—") != 0)
      {
        scored++;
        g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (badges, i), "trib-health-healthy") ||
                       gtk_widget_has_css_class (g_ptr_array_index (badges, i), "trib-health-at-risk") ||
                       gtk_widget_has_css_class (g_ptr_array_index (badges, i), "trib-health-failing"));
      }
  g_assert_cmpuint (scored, ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "1 upstream could not be refreshed"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "missing: "));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Failed"));
  shoot (GTK_WIDGET (window), "upstreams-health.png");

  /* Sorting by health sorts by score, the upstream without one first. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
    int last = -2;

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Health") == 0)
          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      }
    pump_for (200);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(TribUpstream) upstream = g_list_model_get_item (rows, i);
        const TribHealthEntry *entry = trib_health_tracker_lookup (tracker, upstream);
        int score = entry->health != NULL ? entry->health->score : -1;

        g_assert_cmpint (score, >=, last);
        last = score;
      }
    g_assert_cmpint (last, >=, 0);
    {
      g_autoptr(TribUpstream) first = g_list_model_get_item (rows, 0);
      g_assert_cmpstr (trib_upstream_get_name (first), ==, "missing");
    }
  }

  /* The detail window explains the score factor by factor. */
  for (guint i = 0; i < badges->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (badges, i)), "—") != 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (badges, i), "clicked");
        break;
      }
  pump_for (300);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWidget *detail = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
        if (w != GTK_WIDGET (window) && ADW_IS_WINDOW (w) && gtk_widget_get_visible (w))
          detail = w;
      }
    g_assert_nonnull (detail);
    g_assert_nonnull (find_label (detail, "Contributor diversity"));
    g_assert_nonnull (find_label (detail, "Half of the contributions come from"));
    shoot (detail, "health-detail.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    pump_for (300);
    shoot (detail, "health-detail-dark.png");
    shoot (GTK_WIDGET (window), "upstreams-health-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    gtk_window_destroy (GTK_WINDOW (detail));
  }

  /* Sorting by health sorts by score, the upstream without one first. */
  {
    guint ratings[3], without;

    trib_health_tracker_count (tracker, ratings, &without);
    g_assert_cmpuint (ratings[0] + ratings[1] + ratings[2], ==, 2);
    g_assert_cmpuint (without, ==, 1);
  }

  /* The Overview counts the upstreams by health. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  pump_for (400);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Upstream Health"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Without statistics"));
  shoot (GTK_WIDGET (window), "overview-health.png");

  /* Preferences: tokens and API addresses on a Forges page. */
  {
    GtkWidget *prefs = trib_preferences_window_new ();

    gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (prefs));
    pump_for (200);
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "forges");
    pump_for (300);
    g_assert_nonnull (find_label (prefs, "GitHub Token"));
    g_assert_nonnull (find_label (prefs, "Requests at Once"));
    shoot (prefs, "preferences.png");
    gtk_window_destroy (GTK_WINDOW (prefs));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pump_for (100);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static gboolean
hook_rate_limit (TestForge         *f,
                 SoupServerMessage *msg,
                 const char        *path,
                 const char        *page,
                 gpointer           data)
{
  gboolean *sent = data;

  if (!*sent && strcmp (path, "/gh/repos/tributary-test/libexample") == 0)
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC + 2);

      *sent = TRUE;
      soup_message_headers_replace (headers, "X-RateLimit-Remaining", "0");
      soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
      test_forge_reply (msg, 403, "{\"message\": \"API rate limit exceeded for 203.0.113.7.\"}", -1);
      return TRUE;
    }
  return FALSE;
}

/* A primary rate limit: the bar says until when it waits, then goes on. */
static void
test_rate_limit_wait (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "p.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Waiting", &error);
  g_autoptr(TribUpstream) a = NULL;
  TribWindow *window;
  TribHealthTracker *tracker;
  gboolean sent = FALSE, told = FALSE;
  gint64 deadline;

  a = add_upstream (plan, "libexample", "https://github.com/tributary-test/libexample");
  window = trib_window_new (app, plan);
  gtk_window_present (GTK_WINDOW (window));
  pump_for (200);

  forge->delay_ms = 0;
  forge->hook = hook_rate_limit;
  forge->hook_data = &sent;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  tracker = trib_health_tracker_get (trib_window_get_context (window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((trib_health_tracker_get_refresh (tracker) == NULL ||
          trib_forge_refresh_get_running (trib_health_tracker_get_refresh (tracker))) &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (find_label (GTK_WIDGET (window), "A forge asked to slow down: waiting until ") != NULL)
        told = TRUE;
    }
  pump_for (200);
  forge->hook = NULL;
  g_assert_true (sent);
  g_assert_true (told);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "1 upstream refreshed"));
  g_assert_null (trib_upstream_get_last_error (a));

  gtk_window_destroy (GTK_WINDOW (window));
  pump_for (100);
  trib_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_content_type_set_mime_dirs (NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  forge = test_forge_new ();
  g_setenv ("TRIBUTARY_GITHUB_API", forge->github, TRUE);
  g_setenv ("TRIBUTARY_GITLAB_API", forge->gitlab, TRUE);

  app = trib_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/health/refresh-from-window", test_refresh_from_window);
  g_test_add_func ("/ui/health/rate-limit-wait", test_rate_limit_wait);
  status = g_test_run ();
  test_forge_free (forge);
  return status;
}
