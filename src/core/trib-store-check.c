/* trib-store-check.c: what is checked when a plan file opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before SQLite sees a file, its header is read (without blocking, and only
 * from a regular file): a file that is not a plan, a plan of a newer
 * format, or one cut short is refused untouched. Once SQLite has it,
 * PRAGMA quick_check verifies the structure of the tables read at open —
 * every table for a command (tributary-cli), every table but the
 * statistics history for the application (see _trib_store_quick_check()).
 */
#define G_LOG_DOMAIN "trib-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-file-policy.h"
#include "trib-plan.h"
#include "trib-store-private.h"

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file's header without SQLite, so that nothing is written to a
 * file that is not ours (SQLite would happily treat an empty file as an empty
 * database, and recovery could write to a stranger's file). */
gboolean
_trib_store_check_header (const char *path,
                          int        *version,
                          GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  guint8 header[100];
  GStatBuf st;
  ssize_t n;
  int fd;
  guint32 page_size, page_count;

  /* Only a regular file, and never a blocking open (a pipe). */
  fd = trib_file_open_input (path, error);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0)
    st.st_size = 0;
  n = read (fd, header, sizeof header);
  close (fd);

  if (st.st_size == 0)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is empty, so it is not a Tributary plan."), name);
      return FALSE;
    }
  if (n < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is not a Tributary plan."), name);
      return FALSE;
    }
  if (read_be32 (header + 68) != TRIB_PLAN_APPLICATION_ID)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is a database of another program, not a Tributary plan."), name);
      return FALSE;
    }

  *version = (int) read_be32 (header + 60);
  if (*version > TRIB_PLAN_SCHEMA_VERSION)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NEWER_FORMAT,
                   _("“%s” was saved by a newer version of Tributary (plan format %d; this "
                     "version reads format %d and older). Update Tributary to open it."),
                   name, *version, TRIB_PLAN_SCHEMA_VERSION);
      return FALSE;
    }

  /* A file cut short (a copy that stopped half-way) is damaged: the header
   * says how many pages there should be when it is up to date. */
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (read_be32 (header + 24) == read_be32 (header + 92) && page_count > 0 &&
      (guint64) st.st_size < (guint64) page_size * page_count)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is shorter than it should be. Restore it from a "
                     "backup or from an exported JSON copy."), name);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no plan format version."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_one (TribStore  *self,
           const char *sql,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  gboolean ok;

  if (rc != SQLITE_OK)
    return _trib_store_set_sqlite_error (self, rc, error);
  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _trib_store_set_sqlite_error (self, rc, error);
  if (!ok)
    return _trib_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
  return TRUE;
}

/* Checks the structure of every table read when the plan opens. In the
 * application the statistics history, most of a large file, is left out:
 * it is read per upstream later and checked by SQLite as it is read, and
 * checking it here would cost more than the rest of opening together. A
 * command (tributary-cli) checks it too, so that `info` and `add-upstream`
 * notice a damaged history as `export-json` does. */
gboolean
_trib_store_quick_check (TribStore *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           _trib_store_is_command_line ()
                           ? "SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite_%';"
                           : "SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite_%' AND name != 'snapshot';",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _trib_store_set_sqlite_error (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _trib_store_set_sqlite_error (self, rc, error);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA quick_check(\"%s\");",
                                              (char *) g_ptr_array_index (tables, i));
      if (!check_one (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * trib_store_check_references:
 *
 * Fails if any row refers to a row that does not exist: a last safety net
 * for a file made with trib_store_create_scratch().
 */
gboolean
trib_store_check_references (TribStore *self,
                             GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check;", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return _trib_store_set_sqlite_error (self, rc, error);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                   _("The change breaks a rule of the plan (%s)."),
                   sqlite3_errstr (SQLITE_CONSTRAINT_FOREIGNKEY));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _trib_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

