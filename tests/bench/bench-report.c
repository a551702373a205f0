/* bench-report.c: the PDF report of the sample and of a 5,000-upstream plan,
 * against a bare cairo/pango program writing as many pages of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/tests/bench/bench-report [--runs N] [--large PLAN]
 *
 * --large keeps the 5,000-upstream plan at PLAN (and reuses it when there).
 *
 * For each plan: the median time of trib_report_write(), its page count,
 * the median time of a program that only lays out and writes the same
 * number of A4 pages of running text with pango on a cairo PDF surface
 * (what any report of that length costs at least), and their ratio. Then
 * the export as the application runs it — the plan's file opened for
 * reading and the report written in a worker thread, while the main loop
 * holds the plan open — with a 1 ms timer on the main loop recording the
 * longest gap between ticks.
 */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "trib-report.h"
#include "trib-sample.h"

#define N_UPSTREAMS 5000
#define N_SNAPSHOTS 20
#define N_INVESTMENTS 20000
#define N_PATCHES 2000

static void
check (gboolean      ok,
       const GError *error)
{
  if (!ok)
    {
      g_printerr ("bench-report: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

static void
set (TribEntity *entity,
     const char *name,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  check (trib_entity_set_from_text (entity, name, value, &error), error);
}

/* The workload of bench-plan: 5,000 upstreams with 20 snapshots each,
 * 20,000 investments, 2,000 patches. */
static void
create_large (const char *path)
{
  static const char *layers[] = { "above", "platform", "below" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Benchmark plan", &error);
  g_autoptr(GPtrArray) upstreams = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  check (plan != NULL, error);
  trib_plan_begin (plan, "Create");
  for (int i = 0; i < N_UPSTREAMS; i++)
    {
      TribEntity *u = TRIB_ENTITY (trib_upstream_new ());
      g_autofree char *name = g_strdup_printf ("project-%05d", i);
      g_autofree char *importance = g_strdup_printf ("%d", 1 + i % 5);

      if (i > 0 && i % 100 == 0)
        {
          check (trib_plan_commit (plan, &error), error);
          trib_plan_begin (plan, "Create");
        }
      set (u, "name", name);
      set (u, "license", "Apache-2.0");
      set (u, "layer", layers[i % 3]);
      set (u, "importance", importance);
      check (trib_plan_add (plan, u, &error), error);
      g_ptr_array_add (upstreams, u);
      for (int s = 0; s < N_SNAPSHOTS; s++)
        {
          TribEntity *snap = TRIB_ENTITY (trib_stats_snapshot_new ());
          g_autofree char *taken = g_strdup_printf ("2026-%02d-%02dT12:00:00Z", 1 + s % 12, 1 + s);
          g_autofree char *stars = g_strdup_printf ("%u", g_rand_int_range (rand, 0, 100000));
          g_autoptr(GString) weeks = g_string_new ("[");

          for (int w = 0; w < 52; w++)
            g_string_append_printf (weeks, "%s%d", w ? "," : "", g_rand_int_range (rand, 0, 60));
          g_string_append_c (weeks, ']');
          trib_entity_set_ref (snap, "upstream_id", trib_entity_get_id (u), NULL);
          set (snap, "taken_at", taken);
          set (snap, "stars", stars);
          set (snap, "contributors", "340");
          set (snap, "weekly_commits", weeks->str);
          set (snap, "top_share", "0.21");
          set (snap, "our_share", "0.04");
          check (trib_plan_add (plan, snap, &error), error);
          g_object_unref (snap);
        }
    }
  for (int i = 0; i < N_INVESTMENTS; i++)
    {
      TribEntity *inv = TRIB_ENTITY (trib_investment_new ());
      g_autofree char *quarter = g_strdup_printf ("2027-Q%d", 1 + (i / N_UPSTREAMS) % 4);
      g_autofree char *fte = g_strdup_printf ("%.1f", 0.5 * (1 + i % 6));

      trib_entity_set_ref (inv, "upstream_id",
                           trib_entity_get_id (g_ptr_array_index (upstreams, i % N_UPSTREAMS)), NULL);
      set (inv, "quarter", quarter);
      set (inv, "fte", fte);
      check (trib_plan_add (plan, inv, &error), error);
      g_object_unref (inv);
    }
  for (int i = 0; i < N_PATCHES; i++)
    {
      TribEntity *patch = TRIB_ENTITY (trib_patch_new ());
      g_autofree char *title = g_strdup_printf ("Fix number %d", i);

      trib_entity_set_ref (patch, "upstream_id",
                           trib_entity_get_id (g_ptr_array_index (upstreams, (i * 7) % N_UPSTREAMS)), NULL);
      set (patch, "title", title);
      set (patch, "state", i % 3 ? "carried" : "proposed");
      set (patch, "lines", "120");
      check (trib_plan_add (plan, patch, &error), error);
      g_object_unref (patch);
    }
  check (trib_plan_commit (plan, &error), error);
  trib_plan_close (plan);
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;

  check (g_file_get_contents (pdf, &data, &length, NULL), NULL);
  for (const char *p = data; (p = memmem (p, length - (p - data), "/Type /Page", 11)) != NULL; p += 11)
    if (p[11] != 's')
      n++;
  return n;
}

static double
time_report (TribPlan   *plan,
             const char *pdf)
{
  g_autoptr(GError) error = NULL;
  TribReportOptions options;
  gint64 start = g_get_monotonic_time ();

  trib_report_options_init (&options);
  check (trib_report_write (plan, &options, pdf, NULL, NULL, NULL, &error), error);
  trib_report_options_clear (&options);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The floor: @n_pages A4 pages of running text, a heading and about 55
 * wrapped lines each, laid out by pango and written by cairo. */
static double
time_bare (guint       n_pages,
           const char *pdf)
{
  static const char *words[] = { "upstream", "release", "platform", "patch", "engineer", "quarter",
                                 "Kubernetes", "certified", "roadmap", "health", "investment", "the",
                                 "of", "and", "to", "carry", "product", "community" };
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *body = pango_font_description_from_string ("Cantarell, DejaVu Sans 8");
  PangoFontDescription *head = pango_font_description_from_string ("Cantarell, DejaVu Sans Bold 17");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  pango_layout_set_width (layout, (int) (495 * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *heading = g_strdup_printf ("Page %u", page + 1);

      for (int w = 0; w < 55 * 14; w++)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      pango_layout_set_font_description (layout, head);
      pango_layout_set_text (layout, heading, -1);
      cairo_move_to (cr, 50, 56);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_font_description (layout, body);
      pango_layout_set_text (layout, text->str, -1);
      cairo_move_to (cr, 50, 90);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }
  g_object_unref (layout);
  pango_font_description_free (body);
  pango_font_description_free (head);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[n / 2];
}

/* --- the export as the application runs it --- */

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     max_gap;
  char      *plan_path;
  char      *pdf;
} Stall;

static gboolean
tick_cb (gpointer data)
{
  Stall *s = data;
  gint64 now = g_get_monotonic_time ();

  s->max_gap = MAX (s->max_gap, now - s->last_tick);
  s->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Stall *s = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) copy = trib_plan_open (s->plan_path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  TribReportOptions options;

  check (copy != NULL, error);
  trib_report_options_init (&options);
  check (trib_report_write (copy, &options, s->pdf, NULL, NULL, NULL, &error), error);
  trib_report_options_clear (&options);
  trib_plan_close (copy);
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_main_loop_quit (((Stall *) data)->loop);
}

static gboolean
start_export_cb (gpointer data)
{
  Stall *s = data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done_cb, s);

  g_task_set_task_data (task, s, NULL);
  g_task_run_in_thread (task, export_thread);
  return G_SOURCE_REMOVE;
}

static void
measure_stall (TribPlan   *plan,
               const char *dir,
               double     *max_gap_ms)
{
  Stall s = { 0 };
  guint tick;

  s.loop = g_main_loop_new (NULL, FALSE);
  s.plan_path = g_strdup (trib_plan_get_path (plan));
  s.pdf = g_build_filename (dir, "stall.pdf", NULL);
  tick = g_timeout_add (1, tick_cb, &s);

  s.last_tick = g_get_monotonic_time ();
  g_idle_add (start_export_cb, &s);
  g_main_loop_run (s.loop);
  g_source_remove (tick);
  *max_gap_ms = s.max_gap / 1000.0;

  g_unlink (s.pdf);
  g_free (s.plan_path);
  g_free (s.pdf);
  g_main_loop_unref (s.loop);
}

static void
run (const char *label,
     TribPlan   *plan,
     const char *dir,
     int         runs)
{
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.pdf", NULL);
  g_autofree double *report_ms = g_new (double, runs);
  g_autofree double *bare_ms = g_new (double, runs);
  double gap_ms, r, b;
  guint pages = 0;

  for (int i = 0; i < runs; i++)
    {
      report_ms[i] = time_report (plan, pdf);
      pages = count_pages (pdf);
      bare_ms[i] = time_bare (pages, bare);
      g_assert_cmpuint (count_pages (bare), ==, pages);
    }
  r = median (report_ms, runs);
  b = median (bare_ms, runs);
  measure_stall (plan, dir, &gap_ms);
  g_print ("%-22s %5u pages  report %8.1f ms  bare cairo/pango %8.1f ms  ratio %5.2fx  "
           "| app export: longest main-loop gap %6.1f ms\n",
           label, pages, r, b, r / b, gap_ms);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_autofree char *sample_path = NULL;
  g_autofree char *large_path = NULL;
  const char *keep = NULL;
  int runs = 3;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      {
        runs = atoi (argv[++i]);
        runs = MAX (runs, 1);
      }
    else if (g_str_equal (argv[i], "--large") && i + 1 < argc)
      keep = argv[++i];

  check (dir != NULL, error);
  sample_path = g_build_filename (dir, "sample.tributary", NULL);
  large_path = keep ? g_strdup (keep) : g_build_filename (dir, "large.tributary", NULL);

  {
    g_autoptr(TribPlan) plan = trib_sample_write (sample_path, FALSE, &error);

    check (plan != NULL, error);
    run ("sample plan", plan, dir, runs);
    trib_plan_close (plan);
  }
  {
    g_autoptr(TribPlan) plan = NULL;
    gint64 start = g_get_monotonic_time ();

    if (!g_file_test (large_path, G_FILE_TEST_EXISTS))
      {
        create_large (large_path);
        g_print ("(5,000-upstream plan built in %.1f s: %d upstreams x %d snapshots, %d investments, %d patches)\n",
                 (g_get_monotonic_time () - start) / 1e6, N_UPSTREAMS, N_SNAPSHOTS, N_INVESTMENTS, N_PATCHES);
      }
    else
      g_print ("(5,000-upstream plan reused from %s)\n", large_path);
    plan = trib_plan_open (large_path, TRIB_PLAN_OPEN_READ_ONLY, &error);
    check (plan != NULL, error);
    run ("5,000-upstream plan", plan, dir, runs);
    trib_plan_close (plan);
  }

  g_unlink (sample_path);
  if (keep == NULL)
    g_unlink (large_path);
  {
    g_autofree char *a = g_build_filename (dir, "report.pdf", NULL);
    g_autofree char *b = g_build_filename (dir, "bare.pdf", NULL);
    g_unlink (a);
    g_unlink (b);
  }
  g_rmdir (dir);
  return 0;
}
