/* test-crash.c: a plan survives its program being killed at any moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process edits a plan as fast as it can and reports each edit once
 * trib_plan_commit() has returned. The parent kills it with SIGKILL at a
 * random moment, twenty times. After each kill the plan must pass
 * PRAGMA integrity_check and hold every edit the child reported, and every
 * change must be whole: an upstream always comes with its two investments.
 */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trib-plan.h"
#include "trib-test-util.h"

#define ROUNDS 20

static G_NORETURN void
child_main (const char *path,
            int         round,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  TribPlan *plan = trib_plan_open (path, 0, &error);

  if (plan == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      _exit (3);
    }

  for (int i = 1;; i++)
    {
      g_autofree char *name = g_strdup_printf ("r%02d-u%06d", round, i);
      g_autofree char *line = g_strdup_printf ("%s\n", name);
      TribEntity *upstream = TRIB_ENTITY (trib_upstream_new ());

      trib_plan_begin (plan, "edit");
      trib_entity_set_string (upstream, "name", name, NULL);
      trib_plan_add (plan, upstream, NULL);
      for (int q = 1; q <= 2; q++)
        {
          TribEntity *inv = TRIB_ENTITY (trib_investment_new ());
          trib_entity_set_string (inv, "quarter", q == 1 ? "2027-Q1" : "2027-Q2", NULL);
          trib_entity_set_ref (inv, "upstream_id", trib_entity_get_id (upstream), NULL);
          trib_plan_add (plan, inv, NULL);
          g_object_unref (inv);
        }
      /* Every few edits, change a field of an older upstream too. */
      if (i % 3 == 0)
        trib_entity_set_int (upstream, "importance", 1 + i % 5, NULL);
      if (!trib_plan_commit (plan, &error))
        {
          g_printerr ("child: %s\n", error->message);
          _exit (4);
        }
      g_object_unref (upstream);
      if (write (fd, line, strlen (line)) < 0)
        _exit (5);
    }
}

static void
test_crash_sigkill (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  guint total_reported = 0;

  {
    g_autoptr(TribPlan) plan = trib_plan_create (path, "Crash", &error);
    g_assert_no_error (error);
  }

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GString) buffer = g_string_new (NULL);
      int fds[2];
      pid_t pid;
      gint64 deadline;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (path, round, fds[1]);
        }
      close (fds[1]);

      /* Let it run 20–400 ms, reading what it reports. */
      deadline = g_get_monotonic_time () + g_random_int_range (20, 400) * 1000;
      while (g_get_monotonic_time () < deadline)
        {
          struct pollfd pfd = { fds[0], POLLIN, 0 };
          char chunk[4096];
          int timeout = (int) ((deadline - g_get_monotonic_time ()) / 1000);
          ssize_t n;

          if (poll (&pfd, 1, MAX (timeout, 0)) <= 0)
            continue;
          n = read (fds[0], chunk, sizeof chunk);
          if (n <= 0)
            break;
          g_string_append_len (buffer, chunk, n);
        }
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* Whatever was written before the kill was reported before the kill. */
      for (;;)
        {
          char chunk[4096];
          ssize_t n = read (fds[0], chunk, sizeof chunk);
          if (n <= 0)
            break;
          g_string_append_len (buffer, chunk, n);
        }
      close (fds[0]);

      {
        g_auto(GStrv) lines = g_strsplit (buffer->str, "\n", -1);
        for (guint i = 0; lines[i]; i++)
          if (strlen (lines[i]) == 11) /* a partly written last line is not a report */
            g_ptr_array_add (reported, g_strdup (lines[i]));
      }

      /* The file is sound and holds every reported edit. */
      {
        sqlite3 *db;
        sqlite3_stmt *stmt;
        g_autoptr(TribPlan) plan = NULL;
        GListModel *upstreams;
        g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GHashTable) per_upstream = g_hash_table_new (NULL, NULL);
        GListModel *investments;

        plan = trib_plan_open (path, 0, &error);
        g_assert_no_error (error);
        g_clear_object (&plan);

        g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
        sqlite3_finalize (stmt);
        sqlite3_close (db);

        plan = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
        g_assert_no_error (error);
        upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);
        for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
          {
            g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
            g_hash_table_add (names, (gpointer) trib_upstream_get_name (u));
          }
        for (guint i = 0; i < reported->len; i++)
          if (!g_hash_table_contains (names, g_ptr_array_index (reported, i)))
            g_error ("round %d: reported edit %s is missing", round,
                     (char *) g_ptr_array_index (reported, i));

        /* Changes are whole: each upstream has both its investments. */
        investments = trib_plan_get_items (plan, TRIB_TYPE_INVESTMENT);
        for (guint i = 0; i < g_list_model_get_n_items (investments); i++)
          {
            g_autoptr(TribInvestment) inv = g_list_model_get_item (investments, i);
            gpointer key = GSIZE_TO_POINTER (trib_investment_get_upstream_id (inv));
            g_hash_table_insert (per_upstream, key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_upstream, key)) + 1));
          }
        for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
          {
            g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
            gpointer key = GSIZE_TO_POINTER (trib_entity_get_id (TRIB_ENTITY (u)));
            g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_upstream, key)), ==, 2);
          }
        g_test_message ("round %d: %u edits reported in all, %u upstreams in the file", round,
                        reported->len, g_list_model_get_n_items (upstreams));
        total_reported = reported->len;
      }
    }

  g_assert_cmpuint (total_reported, >, 0);
  {
    g_autofree char *files = trib_test_list_dir (dir);
    g_assert_cmpstr (files, ==, "crash.tributary");
  }
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/sigkill", test_crash_sigkill);

  return g_test_run ();
}
