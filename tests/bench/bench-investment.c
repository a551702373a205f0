/* bench-investment.c: the investment grid and the strategy checks on a large plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a plan of N upstreams (5,000 by default) with an investment in
 * each of 8 quarters, shows the Investment page in a window and measures,
 * each up to the next painted frame: opening the page, 100 cursor moves
 * across cells (arrows, sent to the grid's key handler as key events are), one edit
 * typed and committed (the totals and the chart follow), and its undo.
 * Then it runs the strategy checks over the plan, and again once every
 * upstream has two statistics snapshots (what the rules that read
 * statistics cost). Targets: moving and editing 50 ms, the checks 100 ms. Run under a display:
 *   xvfb-run -a build/tests/bench-investment [N]
 * with GSK_RENDERER=cairo GDK_DEBUG=gl-disable on machines without a GPU.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trib-checks.h"
#include "trib-dates.h"
#include "trib-investment-page.h"
#include "trib-investment-table.h"
#include "trib-plan.h"

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

  const char *first = trib_plan_info_get_first_quarter (trib_plan_get_info (plan));

  trib_plan_begin (plan, "fill");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribUpstream) upstream = trib_upstream_new ();
      TribEntity *e = TRIB_ENTITY (upstream);
      g_autofree char *name = g_strdup_printf ("%s%s-%u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);

      trib_entity_set_string (e, "name", name, &error);
      trib_entity_set_int (e, "importance", g_rand_int_range (rand, 1, 6), &error);
      trib_plan_add (plan, e, &error);
      g_assert_no_error (error);
      for (guint q = 0; q < 8; q++)
        {
          g_autoptr(TribInvestment) inv = trib_investment_new ();
          g_autofree char *quarter = trib_quarter_add (first, (int) q);

          trib_entity_set_ref (TRIB_ENTITY (inv), "upstream_id", trib_entity_get_id (e), &error);
          trib_entity_set_string (TRIB_ENTITY (inv), "quarter", quarter, &error);
          trib_entity_set_double (TRIB_ENTITY (inv), "fte", g_rand_int_range (rand, 0, 9) / 4.0, &error);
          trib_entity_set_enum (TRIB_ENTITY (inv), "role", g_rand_int_range (rand, 0, 4), &error);
          trib_plan_add (plan, TRIB_ENTITY (inv), &error);
          g_assert_no_error (error);
        }
    }
  trib_plan_commit (plan, &error);
  g_assert_no_error (error);
  g_rand_free (rand);
}

/* A key press delivered to the grid the way GTK delivers one: through the
 * widget's key controllers. */
static void
press (GtkWidget *grid,
       guint      keyval)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
  GListModel *controllers = gtk_widget_observe_controllers (scroller);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-investment-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.tributary", NULL);
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  /* Across 100 cells: down the rows and along the quarters. */
  const guint keys[] = { GDK_KEY_Down, GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Left };
  GtkWidget *window, *page, *grid;
  TribPageContext *context;
  gint64 start;
  double worst_move = 0, edit, undo, checks[5];
  g_autofree char *before = NULL, *after = NULL;

  gtk_init ();
  adw_init ();

  plan = trib_plan_create (path, "Bench", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  fill_plan (plan, n);
  g_print ("fill plan with %u upstreams × 8 quarters: %.1f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  context = trib_page_context_new (plan, NULL);
  page = trib_investment_page_new (context);
  gtk_window_set_child (GTK_WINDOW (window), adw_toast_overlay_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (gtk_window_get_child (GTK_WINDOW (window))), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (window);
  g_print ("open the page up to its first frame: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (trib_investment_page_get_n_rows (TRIB_INVESTMENT_PAGE (page)), ==, n);

  grid = trib_investment_page_get_grid (TRIB_INVESTMENT_PAGE (page));
  gtk_widget_grab_focus (grid);
  for (guint i = 0; i < 100; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      press (grid, keys[i % G_N_ELEMENTS (keys)]);
      wait_for_frame (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (moves, ms);
      worst_move = MAX (worst_move, ms);
    }
  g_array_sort (moves, compare_doubles);
  g_print ("100 cursor moves, to the next frame: median %.1f ms, 95th percentile %.1f ms, worst %.1f ms\n",
           g_array_index (moves, double, 50), g_array_index (moves, double, 95), worst_move);

  {
    guint row, q;
    trib_investment_page_get_cursor (TRIB_INVESTMENT_PAGE (page), &row, &q);
    before = trib_investment_page_get_total_text (TRIB_INVESTMENT_PAGE (page), q);
    start = g_get_monotonic_time ();
    press (grid, GDK_KEY_7);
    {
      /* The editor has the keyboard now: Enter commits. */
      GtkWidget *focus = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_ENTRY);
      GListModel *controllers = gtk_widget_observe_controllers (focus);
      gboolean handled = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
          if (GTK_IS_EVENT_CONTROLLER_KEY (c))
            g_signal_emit_by_name (c, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
        }
      g_object_unref (controllers);
    }
    wait_for_frame (window);
    edit = (g_get_monotonic_time () - start) / 1000.0;
    after = trib_investment_page_get_total_text (TRIB_INVESTMENT_PAGE (page), q);
    g_print ("edit one cell (type 7, Enter), totals and chart updated, to the next frame: %.1f ms "
             "(quarter total %s → %s)\n", edit, before, after);
    g_assert_cmpstr (before, !=, after);
  }

  start = g_get_monotonic_time ();
  trib_plan_undo (plan, &error);
  g_assert_no_error (error);
  wait_for_frame (window);
  undo = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("undo it, to the next frame: %.1f ms\n", undo);

  {
    double best_table = G_MAXDOUBLE;

    /* What every edit recomputes: one reading of all the investments. */
    for (guint i = 0; i < 5; i++)
      {
        TribInvestmentTable *table;

        start = g_get_monotonic_time ();
        table = trib_investment_table_new (plan);
        best_table = MIN (best_table, (g_get_monotonic_time () - start) / 1000.0);
        trib_investment_table_free (table);
      }
    g_print ("read every investment into the grid's table: best %.1f ms of 5\n", best_table);
  }

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      start = g_get_monotonic_time ();
      findings = trib_checks_run (plan, "2027-02-01");
      checks[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        g_print ("strategy checks: %u findings\n", findings->len);
    }
  qsort (checks, G_N_ELEMENTS (checks), sizeof (double), compare_doubles);
  g_print ("strategy checks over the plan: median %.1f ms of %u runs (target 100 ms)\n",
           checks[G_N_ELEMENTS (checks) / 2], (guint) G_N_ELEMENTS (checks));
  {
    GListModel *upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);
    double with_stats[5];

    start = g_get_monotonic_time ();
    trib_plan_begin (plan, "statistics");
    for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
      {
        g_autoptr(TribEntity) u = g_list_model_get_item (upstreams, i);
        for (guint k = 0; k < 2; k++)
          {
            g_autoptr(TribStatsSnapshot) snap = trib_stats_snapshot_new ();
            TribEntity *e = TRIB_ENTITY (snap);

            trib_entity_set_ref (e, "upstream_id", trib_entity_get_id (u), &error);
            trib_entity_set_string (e, "taken_at", k ? "2027-01-20T00:00:00Z" : "2027-01-10T00:00:00Z", &error);
            trib_entity_set_string (e, "last_push", "2027-01-05T00:00:00Z", &error);
            trib_entity_set_int (e, "stars", (int) (i % 5000), &error);
            trib_entity_set_int (e, "releases_last_year", (int) (i + k) % 6, &error);
            trib_plan_add (plan, e, &error);
            g_assert_no_error (error);
          }
      }
    trib_plan_commit (plan, &error);
    g_assert_no_error (error);
    g_print ("add two snapshots to each upstream: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    for (guint i = 0; i < G_N_ELEMENTS (with_stats); i++)
      {
        g_autoptr(GPtrArray) findings = NULL;

        start = g_get_monotonic_time ();
        findings = trib_checks_run (plan, "2027-02-01");
        with_stats[i] = (g_get_monotonic_time () - start) / 1000.0;
        if (i == 0)
          g_print ("strategy checks with statistics: %u findings, first run %.1f ms\n", findings->len,
                   with_stats[0]);
      }
    qsort (with_stats, G_N_ELEMENTS (with_stats), sizeof (double), compare_doubles);
    g_print ("strategy checks with statistics: median %.1f ms of %u runs\n",
             with_stats[G_N_ELEMENTS (with_stats) / 2], (guint) G_N_ELEMENTS (with_stats));
  }

  g_print ("targets: moving %s, editing %s, checks %s\n",
           g_array_index (moves, double, 95) <= 50 ? "met" : "MISSED",
           edit <= 50 ? "met" : "MISSED",
           checks[G_N_ELEMENTS (checks) / 2] <= 100 ? "met" : "MISSED");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (context);
  trib_plan_close (plan);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
