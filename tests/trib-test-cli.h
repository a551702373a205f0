/* trib-test-cli.h: running tributary-cli as a user would, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "trib-test-util.h"

/* The program under test, given by the build as the first argument. */
static const char *cli;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static inline void
become_nobody (gpointer user_data)
{
  if (user_data != NULL && geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (77);
}

/* Runs tributary-cli in @dir; as nobody when @nobody and root. */
static inline void
run_as (Run        *r,
        const char *dir,
        gboolean    nobody,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               become_nobody, nobody ? GINT_TO_POINTER (1) : NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

#define run(r, dir, ...) run_as (r, dir, FALSE, __VA_ARGS__)

static inline void
assert_ok (Run *r)
{
  if (r->status != 0)
    g_error ("exit %d: %s", r->status, r->err);
}

/* Refused in one line that says @fragment, and never names a temporary file. */
static inline void
assert_refused (Run        *r,
                const char *fragment)
{
  if (r->status != 1 || strstr (r->err, fragment) == NULL)
    g_error ("expected a failure saying “%s”, got exit %d: %s", fragment, r->status, r->err);
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  g_assert_null (strstr (r->err, ".new"));
  g_assert_null (strstr (r->err, "import-"));
}

static inline char *
path_in (const char *dir,
         const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static inline void
make_sample (const char *dir,
             const char *name)
{
  g_auto(Run) r = { 0 };

  run (&r, dir, "sample", name, NULL);
  assert_ok (&r);
}

static inline void
make_document (const char *dir,
               const char *plan,
               const char *name)
{
  g_auto(Run) r = { 0 };

  run (&r, dir, "export-json", plan, "-o", name, NULL);
  assert_ok (&r);
}

static inline void
sql (const char *path,
     const char *statements)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, statements, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", statements, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static inline guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

