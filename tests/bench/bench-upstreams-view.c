/* bench-upstreams-view.c: how the upstreams page copes with thousands of rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a plan of N upstreams (5,000 by default), shows the upstreams page
 * in a window and measures: loading the page up to its first frame, sorting
 * by each column (the sort itself, and up to the next frame), searching,
 * and deleting one row. Run under a display, e.g.
 *   xvfb-run -a build/tests/bench-upstreams-view [N]
 * with GSK_RENDERER=cairo GDK_DEBUG=gl-disable on machines without a GPU.
 * For profilers, BENCH_SORT_LOOP=1 only sorts (42 times, through every
 * column) and BENCH_SEARCH_LOOP=1 only searches; BENCH_REVERSE=1 sorts the
 * columns right to left, to tell a slow column from a slow moment.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trib-plan.h"
#include "trib-upstreams-page.h"

static const char *licenses[] = { "Apache-2.0", "MIT", "GPL-2.0-only", "BSD-3-Clause", "MPL-2.0", "LGPL-2.1-or-later" };
static const char *words[] = { "lib", "kube", "etcd", "flux", "nova", "core", "grpc", "open", "rust", "ssl", "http", "yaml" };

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  painted = TRUE;
}

/* Runs the main loop until the window painted a frame after now. */
static void
wait_for_frame (GtkWidget *widget)
{
  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
fill_plan (TribPlan *plan,
           guint     n)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  /* One transaction for all: the bench measures the view, not the disk. */
  trib_plan_begin (plan, "fill");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribUpstream) upstream = trib_upstream_new ();
      TribEntity *e = TRIB_ENTITY (upstream);
      g_autofree char *name = g_strdup_printf ("%s%s-%u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      g_autofree char *repository = g_strdup_printf ("https://github.com/org%u/%s", i % 97, name);

      trib_entity_set_string (e, "name", name, &error);
      trib_entity_set_string (e, "repository", repository, &error);
      trib_entity_set_enum (e, "forge", g_rand_int_range (rand, 0, 3), &error);
      trib_entity_set_string (e, "license", licenses[g_rand_int_range (rand, 0, G_N_ELEMENTS (licenses))], &error);
      trib_entity_set_enum (e, "layer", g_rand_int_range (rand, 0, 3), &error);
      trib_entity_set_int (e, "importance", g_rand_int_range (rand, 1, 6), &error);
      trib_entity_set_enum (e, "decision", g_rand_int_range (rand, 0, 6), &error);
      trib_plan_add (plan, e, &error);
      g_assert_no_error (error);
    }
  trib_plan_commit (plan, &error);
  g_assert_no_error (error);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-upstreams-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.tributary", NULL);
  g_autoptr(TribPlan) plan = NULL;
  GtkWidget *window, *page, *view = NULL, *search = NULL;
  TribPageContext *context;
  GListModel *columns;
  gint64 start, sorted, framed;
  double worst = 0;

  gtk_init ();
  adw_init ();

  plan = trib_plan_create (path, "Bench", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  fill_plan (plan, n);
  g_print ("fill plan with %u upstreams: %.1f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  context = trib_page_context_new (plan, NULL);
  page = trib_upstreams_page_new (context);
  gtk_window_set_child (GTK_WINDOW (window), adw_toast_overlay_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (gtk_window_get_child (GTK_WINDOW (window))), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (window);
  g_print ("page: construct, sort by name and first frame: %.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  /* Widgets of the template, found by their ids. */
  for (GtkWidget *w = page; w != NULL;)
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;
      if (g_strcmp0 (id, "column_view") == 0)
        view = w;
      else if (g_strcmp0 (id, "search_entry") == 0)
        search = w;
      /* depth-first walk */
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != page && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == page ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (view);
  g_assert_nonnull (search);

  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  if (g_getenv ("BENCH_SEARCH_LOOP"))
    {
      /* For profilers: searching only, again and again. */
      start = g_get_monotonic_time ();
      for (guint i = 0; i < 20; i++)
        {
          gtk_editable_set_text (GTK_EDITABLE (search), i % 2 ? "" : "k");
          g_signal_emit_by_name (search, "search-changed");
        }
      g_print ("20 searches: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      goto out;
    }
  if (g_getenv ("BENCH_SORT_LOOP"))
    {
      /* For profilers: sorting only, again and again. */
      start = g_get_monotonic_time ();
      for (guint i = 0; i < 42; i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i % 6);
          gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column,
                                          i / 6 % 2 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        }
      g_print ("42 sorts over every column: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      goto out;
    }
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        /* BENCH_REVERSE: the other way round, to tell a slow column from a slow moment. */
        guint c = g_getenv ("BENCH_REVERSE") ? g_list_model_get_n_items (columns) - 1 - i : i;
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
        GtkSortType order = round == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;

        start = g_get_monotonic_time ();
        gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column, order);
        sorted = g_get_monotonic_time ();
        wait_for_frame (window);
        framed = g_get_monotonic_time ();
        g_print ("sort by %-10s %-4s: sort %6.1f ms, to next frame %6.1f ms\n",
                 gtk_column_view_column_get_title (column),
                 round == 0 ? "asc" : "desc", (sorted - start) / 1000.0, (framed - start) / 1000.0);
        worst = MAX (worst, (framed - start) / 1000.0);
      }
  g_print ("worst sort up to the next frame: %.1f ms\n", worst);

  {
    const char *queries[] = { "k", "ku", "kub", "apache", "" };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        GtkFilterListModel *filter_model = NULL;
        GListModel *model = trib_table_page_get_model (TRIB_TABLE_PAGE (page));

        start = g_get_monotonic_time ();
        gtk_editable_set_text (GTK_EDITABLE (search), queries[q]);
        g_signal_emit_by_name (search, "search-changed");
        /* In case filtering is made incremental: wait until every row was checked. */
        filter_model = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));
        while (gtk_filter_list_model_get_pending (filter_model) > 0)
          g_main_context_iteration (NULL, TRUE);
        wait_for_frame (window);
        g_print ("search “%s”: %u rows, %.1f ms to the last row and frame\n", queries[q],
                 g_list_model_get_n_items (model), (g_get_monotonic_time () - start) / 1000.0);
      }
  }

  {
    GListModel *model = trib_table_page_get_model (TRIB_TABLE_PAGE (page));

    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 100);
    start = g_get_monotonic_time ();
    gtk_widget_activate_action (page, "page.delete", NULL);
    wait_for_frame (window);
    g_print ("delete one upstream with the toast: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    start = g_get_monotonic_time ();
    trib_plan_undo (plan, &error);
    g_assert_no_error (error);
    wait_for_frame (window);
    g_print ("undo the deletion: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  }

out:
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (context);
  trib_plan_close (plan);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
