/* bench-startup.c: how long `tributary --sample` takes to show its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs `tributary --sample` and a minimal libadwaita window (minimal-window.c)
 * RUNS times each (BENCH_RUNS=n overrides), alternately, and compares the
 * medians of the time from spawning each program to its first frame. Both print
 * g_get_monotonic_time() at their first frame (the application through
 * first-frame-probe.c, preloaded; the minimal window itself); CLOCK_MONOTONIC is shared
 * between processes, so the difference from the time taken just before the
 * spawn is the startup time, exec and dynamic linking included.
 *
 * Needs a display and a session bus; not part of `meson test`:
 *
 *   dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
 *     BUILD/tests/bench/bench-startup [TRIBUTARY [MINIMAL-WINDOW]]
 */
#define G_LOG_DOMAIN "bench-startup"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#define RUNS 5
#define MAX_RUNS 51
#define TARGET_RATIO 1.3
#define TIMEOUT_MSEC 30000

typedef struct
{
  const char *name;
  char      **argv;
  char      **envp;
  double      msec[MAX_RUNS];
  double      cpu[MAX_RUNS];
} Subject;

/* Spawns @argv and returns the milliseconds until it reported its first
 * frame, or a negative number on failure. @cpu_msec is the processor time
 * the program used in all (it quits at its first frame): steadier than the
 * wall-clock time on a busy machine. */
static double
run_once (char  **argv,
          char  **envp,
          double *cpu_msec,
          GError **error)
{
  struct rusage usage = { 0 };
  GPid pid;
  int out_fd = -1;
  int status = 0;
  gint64 start, frame = -1;
  g_autoptr(GString) output = g_string_new (NULL);
  gint64 deadline;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                 NULL, &out_fd, NULL, error))
    return -1;

  deadline = start + (gint64) TIMEOUT_MSEC * 1000;
  for (;;)
    {
      struct pollfd pfd = { .fd = out_fd, .events = POLLIN };
      char buffer[512];
      ssize_t n;
      int timeout = (int) ((deadline - g_get_monotonic_time ()) / 1000);

      if (timeout <= 0 || poll (&pfd, 1, timeout) <= 0)
        {
          kill (pid, SIGKILL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "%s showed no frame within %d s", argv[0], TIMEOUT_MSEC / 1000);
          break;
        }
      n = read (out_fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (output, buffer, n);
    }
  close (out_fd);
  wait4 (pid, &status, 0, &usage);
  *cpu_msec = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  g_spawn_close_pid (pid);

  {
    const char *line = strstr (output->str, "first-frame ");
    if (line != NULL)
      frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  }
  if (frame < 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "%s exited (status %d) without reporting a frame", argv[0], status);
      return -1;
    }
  return (frame - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (const double *values,
        guint         n)
{
  double sorted[MAX_RUNS];

  memcpy (sorted, values, n * sizeof sorted[0]);
  qsort (sorted, n, sizeof sorted[0], compare_double);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static char *
make_home (char ***envp)
{
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  const char *dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_DATA_HOME", "data" },
  };

  if (home == NULL)
    g_error ("%s", error->message);
  *envp = g_environ_setenv (*envp, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);
      g_mkdir_with_parents (dir, 0700);
      *envp = g_environ_setenv (*envp, dirs[i][0], dir, TRUE);
    }
  return home;
}

int
main (int   argc,
      char *argv[])
{
  const char *tributary = argc > 1 ? argv[1] : TRIBUTARY_BIN;
  const char *minimal = argc > 2 ? argv[2] : MINIMAL_BIN;
  char *tributary_argv[] = { (char *) tributary, (char *) "--sample", NULL };
  char *minimal_argv[] = { (char *) minimal, NULL };
  Subject subjects[] = {
    { "tributary --sample", tributary_argv, NULL, { 0 } },
    { "minimal window", minimal_argv, NULL, { 0 } },
  };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *home = NULL;
  double app_median, minimal_median, ratio;
  guint runs = RUNS;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it under xvfb-run (see the source).\n");
      return 1;
    }

  /* BENCH_RUNS=n for steadier figures on a busy machine. */
  if (g_getenv ("BENCH_RUNS") != NULL)
    runs = CLAMP (atoi (g_getenv ("BENCH_RUNS")), 1, MAX_RUNS);

  /* The same conditions for both programs; a private home keeps the sample
   * plan and any settings out of the user's. */
  home = make_home (&envp);
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
  envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, TRUE);
  envp = g_environ_setenv (envp, "ADW_DISABLE_PORTAL", "1", TRUE);

  /* The application reports its first frame through a preloaded probe
   * (first-frame-probe.c); the minimal window reports its own. */
  subjects[0].envp = g_environ_setenv (g_strdupv (envp), "LD_PRELOAD", PROBE_LIB, TRUE);
  subjects[1].envp = g_strdupv (envp);

  /* Warm-up, not counted: fills the page cache and writes the sample plan
   * (a first start does that once, in a worker thread). */
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_autoptr(GError) error = NULL;
      double cpu;
      if (run_once (subjects[s].argv, subjects[s].envp, &cpu, &error) < 0)
        {
          g_printerr ("%s: %s\n", subjects[s].name, error->message);
          return 1;
        }
    }

  for (guint run = 0; run < runs; run++)
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      {
        g_autoptr(GError) error = NULL;
        double cpu = 0;
        double msec = run_once (subjects[s].argv, subjects[s].envp, &cpu, &error);
        if (msec < 0)
          {
            g_printerr ("%s: %s\n", subjects[s].name, error->message);
            return 1;
          }
        subjects[s].msec[run] = msec;
        subjects[s].cpu[run] = cpu;
      }

  g_print ("Time from spawn to first frame, and processor time used (ms);\n"
           "GSK_RENDERER=cairo GDK_DEBUG=gl-disable, %u runs each, alternately\n\n", runs);
  g_print ("%-7s %22s %22s\n", "", subjects[0].name, subjects[1].name);
  g_print ("%-7s %10s %11s %10s %11s\n", "run", "frame", "cpu", "frame", "cpu");
  for (guint run = 0; run < runs; run++)
    g_print ("%-7u %10.1f %11.1f %10.1f %11.1f\n", run + 1, subjects[0].msec[run],
             subjects[0].cpu[run], subjects[1].msec[run], subjects[1].cpu[run]);
  app_median = median (subjects[0].msec, runs);
  minimal_median = median (subjects[1].msec, runs);
  ratio = app_median / minimal_median;
  g_print ("%-7s %10.1f %11.1f %10.1f %11.1f\n\n", "median", app_median,
           median (subjects[0].cpu, runs), minimal_median, median (subjects[1].cpu, runs));
  g_print ("ratio of median times to first frame: %.2f (target <= %.1f): %s\n", ratio,
           TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "NOT met");
  g_print ("ratio of median processor times:      %.2f\n",
           median (subjects[0].cpu, runs) / median (subjects[1].cpu, runs));

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", home);
    if (system (command) != 0)
      g_printerr ("Could not remove %s\n", home);
  }
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    g_strfreev (subjects[s].envp);
  return 0;
}
