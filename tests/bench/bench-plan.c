/* bench-plan.c: speed and memory of plan documents with a fixed workload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a plan of 5,000 upstreams with 20 statistics snapshots each,
 * 20,000 investments and 2,000 patches, and measures creating it, opening it
 * until every list is ready for display, exporting and importing JSON, and
 * the peak memory of each step. Every step runs in its own process so that
 * its peak RSS is its own; an empty process gives the baseline.
 *
 *   build/tests/bench/bench-plan [--runs N]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trib-plan.h"
#include "trib-plan-json.h"

#define N_UPSTREAMS 5000
#define N_SNAPSHOTS 20
#define N_INVESTMENTS 20000
#define N_PATCHES 2000

static const char *layers[] = { "above", "platform", "below" };
static const char *decisions[] = { "adopt", "invest", "maintain", "watch", "replace", "build-in-house" };

static void
check (gboolean    ok,
       GError     *error)
{
  if (!ok)
    {
      g_printerr ("bench: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

static void
set (TribEntity *entity,
     const char *name,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  check (trib_entity_set_from_text (entity, name, text, &error), error);
}

static void
step_create (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Benchmark plan", &error);
  g_autoptr(GPtrArray) upstreams = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (42);

  check (plan != NULL, error);
  trib_plan_begin (plan, "Create");
  for (int i = 0; i < N_UPSTREAMS; i++)
    {
      TribEntity *u;

      /* One change per hundred upstreams with their histories, as a
       * refresh or an import of a list would make them. */
      if (i > 0 && i % 100 == 0)
        {
          check (trib_plan_commit (plan, &error), error);
          trib_plan_begin (plan, "Create");
        }
      u = TRIB_ENTITY (trib_upstream_new ());
      g_autofree char *name = g_strdup_printf ("project-%05d", i);
      g_autofree char *repo = g_strdup_printf ("https://github.com/org%03d/project-%05d", i % 500, i);
      g_autofree char *importance = g_strdup_printf ("%d", 1 + i % 5);

      set (u, "name", name);
      set (u, "repository", repo);
      set (u, "forge", "github");
      set (u, "license", "Apache-2.0");
      set (u, "layer", layers[i % 3]);
      set (u, "importance", importance);
      set (u, "decision", decisions[i % 6]);
      set (u, "notes", "Benchmark upstream with a short note.");
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
          set (snap, "forks", "1200");
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
      TribEntity *u = g_ptr_array_index (upstreams, i % N_UPSTREAMS);
      /* Each upstream gets one investment in each of four quarters. */
      g_autofree char *quarter = g_strdup_printf ("2027-Q%d", 1 + (i / N_UPSTREAMS) % 4);
      g_autofree char *fte = g_strdup_printf ("%.1f", 0.5 * (1 + i % 6));

      trib_entity_set_ref (inv, "upstream_id", trib_entity_get_id (u), NULL);
      set (inv, "quarter", quarter);
      set (inv, "fte", fte);
      set (inv, "role", "contributor");
      check (trib_plan_add (plan, inv, &error), error);
      g_object_unref (inv);
    }
  for (int i = 0; i < N_PATCHES; i++)
    {
      TribEntity *patch = TRIB_ENTITY (trib_patch_new ());
      TribEntity *u = g_ptr_array_index (upstreams, (i * 7) % N_UPSTREAMS);
      g_autofree char *title = g_strdup_printf ("Fix number %d", i);

      trib_entity_set_ref (patch, "upstream_id", trib_entity_get_id (u), NULL);
      set (patch, "title", title);
      set (patch, "state", i % 3 ? "carried" : "proposed");
      set (patch, "lines", "120");
      check (trib_plan_add (plan, patch, &error), error);
      g_object_unref (patch);
    }
  check (trib_plan_commit (plan, &error), error);
  g_rand_free (rand);
}

static void
step_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_open (path, 0, &error);

  check (plan != NULL, error);
  /* Every list the views show is loaded by now. */
  if (trib_plan_count (plan, TRIB_TYPE_UPSTREAM) != N_UPSTREAMS ||
      trib_plan_count (plan, TRIB_TYPE_INVESTMENT) != N_INVESTMENTS ||
      trib_plan_count (plan, TRIB_TYPE_PATCH) != N_PATCHES)
    check (FALSE, NULL);
}

static void
step_export (const char *path,
             const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_open (path, 0, &error);

  check (plan != NULL, error);
  check (trib_plan_export_json (plan, json, &error), error);
}

static void
step_import (const char *json,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;

  /* As the application does: the document is mapped, not copied. */
  plan = trib_plan_import_json (json, NULL, path, TRUE, &error);
  check (plan != NULL, error);
}

typedef struct
{
  double seconds; /* the step itself, without process start-up */
  double rss_mib;
} Result;

/* Runs one step in a child process: wall time and peak RSS. */
static Result
run_step (const char *self,
          const char *step,
          const char *a,
          const char *b)
{
  const char *argv[] = { self, "--step", step, a, b, NULL };
  struct rusage usage;
  int status;
  int fds[2];
  char line[64] = { 0 };
  pid_t pid;
  Result r;

  if (pipe (fds) != 0)
    exit (1);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], 2);
      close (fds[0]);
      execv (self, (char **) argv);
      _exit (127);
    }
  close (fds[1]);
  if (read (fds[0], line, sizeof line - 1) < 0)
    line[0] = 0;
  close (fds[0]);
  wait4 (pid, &status, 0, &usage);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench: step %s failed\n", step);
      exit (1);
    }
  r.seconds = g_ascii_strtod (line, NULL);
  r.rss_mib = usage.ru_maxrss / 1024.0;
  return r;
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
  qsort (v, n, sizeof *v, (int (*)(const void *, const void *)) compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *plan = NULL, *json = NULL, *imported = NULL;
  g_autofree char *self = NULL;
  int runs = 3;

  setlocale (LC_ALL, "");
  if (argc >= 3 && g_strcmp0 (argv[1], "--step") == 0)
    {
      const char *step = argv[2];
      gint64 start = g_get_monotonic_time ();

      if (g_strcmp0 (step, "empty") == 0)
        g_type_ensure (TRIB_TYPE_PLAN);
      else if (g_strcmp0 (step, "create") == 0)
        step_create (argv[3]);
      else if (g_strcmp0 (step, "open") == 0)
        step_open (argv[3]);
      else if (g_strcmp0 (step, "export") == 0)
        step_export (argv[3], argv[4]);
      else if (g_strcmp0 (step, "import") == 0)
        step_import (argv[3], argv[4]);
      /* The step's own time, without process start-up. */
      g_printerr ("%.6f\n", (g_get_monotonic_time () - start) / 1e6);
      return 0;
    }
  if (argc >= 3 && g_strcmp0 (argv[1], "--runs") == 0)
    runs = CLAMP (atoi (argv[2]), 1, 20);

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_dir_make_tmp ("tributary-bench-XXXXXX", NULL);
  plan = g_build_filename (dir, "bench.tributary", NULL);
  json = g_build_filename (dir, "bench.json", NULL);
  imported = g_build_filename (dir, "imported.tributary", NULL);

  {
    Result empty = run_step (self, "empty", "", "");
    Result create = run_step (self, "create", plan, "");
    double open_s[20], export_s[20], import_s[20];
    double open_rss = 0, export_rss = 0, import_rss = 0;
    struct stat st;

    for (int i = 0; i < runs; i++)
      {
        Result o = run_step (self, "open", plan, "");
        Result e = run_step (self, "export", plan, json);
        Result m = run_step (self, "import", json, imported);
        open_s[i] = o.seconds;
        export_s[i] = e.seconds;
        import_s[i] = m.seconds;
        open_rss = MAX (open_rss, o.rss_mib);
        export_rss = MAX (export_rss, e.rss_mib);
        import_rss = MAX (import_rss, m.rss_mib);
      }

    g_print ("Workload: %d upstreams × %d snapshots, %d investments, %d patches\n",
             N_UPSTREAMS, N_SNAPSHOTS, N_INVESTMENTS, N_PATCHES);
    if (stat (plan, &st) == 0)
      g_print ("Plan file: %.1f MiB", st.st_size / 1048576.0);
    if (stat (json, &st) == 0)
      g_print (", JSON: %.1f MiB", st.st_size / 1048576.0);
    g_print ("\nMedian of %d runs of each step, timed inside its process:\n\n", runs);
    g_print ("%-12s %10s %14s %18s\n", "step", "time", "peak RSS", "RSS above empty");
    g_print ("%-12s %9.3fs %11.1f MiB %15.1f MiB\n", "empty", empty.seconds, empty.rss_mib, 0.0);
    g_print ("%-12s %9.3fs %11.1f MiB %15.1f MiB\n", "create", create.seconds, create.rss_mib, create.rss_mib - empty.rss_mib);
    g_print ("%-12s %9.3fs %11.1f MiB %15.1f MiB\n", "open", median (open_s, runs), open_rss, open_rss - empty.rss_mib);
    g_print ("%-12s %9.3fs %11.1f MiB %15.1f MiB\n", "export-json", median (export_s, runs), export_rss, export_rss - empty.rss_mib);
    g_print ("%-12s %9.3fs %11.1f MiB %15.1f MiB\n", "import-json", median (import_s, runs), import_rss, import_rss - empty.rss_mib);
    g_print ("\nTargets: open ≤ 0.150 s, export and import ≤ 1 s each, RSS ≤ 100 MiB above empty.\n");
  }

  g_unlink (plan);
  g_unlink (json);
  g_unlink (imported);
  g_rmdir (dir);
  return 0;
}
