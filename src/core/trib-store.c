/* trib-store.c: the SQLite plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan is one SQLite database (SQLite as an application file format). The
 * file is checked before SQLite touches it, so a file that is not a plan, or
 * a plan of a newer format, is refused and left exactly as it was. An open
 * plan holds an exclusive lock: a second program cannot change it behind the
 * back of the window showing it. The rollback journal (not WAL) keeps every
 * commit atomic and leaves a single file behind once the plan is closed.
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

#include "trib-plan.h"
#include "trib-store.h"

#include "trib-store-private.h"

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

gboolean
_trib_store_set_sqlite_error (TribStore  *self,
                  int         rc,
                  GError    **error)
{
  g_autofree char *name = display_name (self->path);
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
                   _("“%s” is open in another program. Close it there and try again."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read. Restore it from a backup or from an "
                     "exported JSON copy."), name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: the file or its folder is read-only. Save a copy "
                     "elsewhere with Save As."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                   _("The disk holding “%s” is full. Free some space and try again."), name);
      break;
    case SQLITE_IOERR:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                   _("The disk refused to write “%s” (%s)."), name, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                   _("The change breaks a rule of the plan (%s)."), detail);
      break;
    default:
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_FAILED,
                   _("Could not use “%s”: %s."), name, detail);
      break;
    }
  return FALSE;
}

static gboolean
exec (TribStore  *self,
      const char *sql,
      GError    **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _trib_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

sqlite3_stmt *
_trib_store_prepare (TribStore  *self,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _trib_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file's header without SQLite, so that nothing is written to a
 * file that is not ours (SQLite would happily treat an empty file as an empty
 * database, and recovery could write to a stranger's file). */
static gboolean
check_header (const char *path,
              int        *version,
              GError    **error)
{
  g_autofree char *name = display_name (path);
  guint8 header[100];
  GStatBuf st;
  ssize_t n;
  int fd;
  guint32 page_size, page_count;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), name);
      else
        g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                     _("“%s” cannot be read: %s."), name, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is not a file."), name);
      return FALSE;
    }
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

static TribStore *
store_new (const char *path)
{
  TribStore *self = g_new0 (TribStore, 1);

  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->inserts = g_hash_table_new (g_direct_hash, g_direct_equal);
  return self;
}

/* A program killed between transactions can leave a journal whose header is
 * zeroed: not hot, so SQLite ignores it, but it would stay beside the plan
 * for good. Only such a journal is removed, and only by the program that
 * held the plan's exclusive lock until just now. */
static void
remove_stale_journal (const char *path)
{
  static const guint8 magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint8 header[8] = { 0 };
  ssize_t n = 0;
  int fd;

  fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  n = read (fd, header, sizeof header);
  close (fd);
  if (n < (ssize_t) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    g_unlink (journal);
}

static void
store_free_handles (TribStore *self)
{
  g_hash_table_remove_all (self->inserts);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      gboolean exclusive = !self->read_only;

      if (sqlite3_close (self->db) == SQLITE_OK)
        {
          if (exclusive)
            remove_stale_journal (self->path);
        }
      else
        sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static gboolean
migrate (TribStore *self,
         int        from,
         GError   **error)
{
  for (int v = from + 1; v <= TRIB_PLAN_SCHEMA_VERSION; v++)
    if (!exec (self, trib_store_migration_sql (v), error))
      return FALSE;

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", TRIB_PLAN_SCHEMA_VERSION);
    if (!exec (self, sql, error))
      return FALSE;
  }
  self->schema_version = TRIB_PLAN_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
connect_db (TribStore *self,
            gboolean   create,
            GError   **error)
{
  /* No connection is used by two threads at once (a worker thread opens a
   * plan of its own; an import's writing thread has its file while the
   * thread that made it waits): SQLite need not take a mutex for every
   * call, a few million in a large import. */
  int flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  int rc;

  if (self->read_only)
    flags |= SQLITE_OPEN_READONLY;
  else
    flags |= SQLITE_OPEN_READWRITE;
  if (create)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    return _trib_store_set_sqlite_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 250);

  if (!exec (self, "PRAGMA foreign_keys = ON;", error))
    return FALSE;
  if (!self->read_only &&
      !exec (self, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE;", error))
    return FALSE;
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

/* Checks the structure of every table read when the plan opens. The
 * statistics history, most of a large file, is read per upstream later and
 * checked by SQLite as it is read: checking it here would cost more than
 * the rest of opening together. */
static gboolean
quick_check (TribStore *self,
             GError   **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' "
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

/* A plan of an older format opened read-only (a file without write
 * permission, or `tributary-cli info`) is read into memory and upgraded
 * there: readable as any plan, and the file is not touched. */
static gboolean
migrate_in_memory (TribStore *self,
                   GError   **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (memory, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
      else
        rc = sqlite3_errcode (memory);
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_close (memory);
      return _trib_store_set_sqlite_error (self, rc, error);
    }

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = memory;
  if (!exec (self, "PRAGMA foreign_keys = ON; BEGIN;", error))
    return FALSE;
  if (!migrate (self, self->schema_version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  return exec (self, "COMMIT;", error);
}

/**
 * trib_store_open:
 *
 * Opens an existing plan file, migrating an older format in one transaction.
 * Anything that is not a plan this version can read is refused untouched.
 */
TribStore *
trib_store_open (const char *path,
                 gboolean    read_only,
                 GError    **error)
{
  g_autofree char *name = display_name (path);
  TribStore *self;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &version, error))
    return NULL;

  if (!read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                       _("“%s” is read-only: you do not have permission to change it or its "
                         "folder. Open it read-only or save a copy elsewhere."), name);
          return NULL;
        }
    }

  self = store_new (path);
  self->read_only = read_only;
  self->schema_version = version;

  if (!connect_db (self, FALSE, error))
    goto fail;

  /* Take the lock now: a plan open in another window or program is refused
   * at once rather than at the first edit. */
  if (!exec (self, read_only ? "BEGIN;" : "BEGIN EXCLUSIVE;", error))
    goto fail;
  if (!quick_check (self, error))
    goto fail_rollback;
  if (version < TRIB_PLAN_SCHEMA_VERSION)
    {
      if (read_only)
        {
          if (!exec (self, "COMMIT;", error) || !migrate_in_memory (self, error))
            goto fail;
          return self;
        }
      if (!migrate (self, version, error))
        goto fail_rollback;
    }
  if (!exec (self, "COMMIT;", error))
    goto fail_rollback;

  return self;

fail_rollback:
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
fail:
  trib_store_close (self);
  return NULL;
}

static TribStore *
store_create (const char *path,
              const char *name,
              gboolean    scratch,
              GError    **error)
{
  g_autofree char *display = display_name (path);
  g_autofree char *sql = NULL;
  TribStore *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_EXCL: never truncate an existing file, even in a race. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS,
                     _("“%s” already exists."), display);
      else
        g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                     _("Could not create “%s”: %s."), display, g_strerror (saved));
      return NULL;
    }
  close (fd);

  self = store_new (path);
  if (!connect_db (self, TRUE, error))
    goto fail;
  if (scratch && !exec (self,
                        "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; "
                        "PRAGMA foreign_keys = OFF;", error))
    goto fail;
  sql = g_strdup_printf ("PRAGMA application_id = %d;", TRIB_PLAN_APPLICATION_ID);
  if (!exec (self, sql, error) || !exec (self, "BEGIN EXCLUSIVE;", error))
    goto fail;
  if (!migrate (self, 0, error))
    goto fail_rollback;
  {
    sqlite3_stmt *stmt = _trib_store_prepare (self, "INSERT INTO plan (id, name) VALUES (1, ?);", error);
    int rc;
    if (stmt == NULL)
      goto fail_rollback;
    sqlite3_bind_text (stmt, 1, name && *name ? name : _("Untitled Plan"), -1, SQLITE_TRANSIENT);
    rc = sqlite3_step (stmt);
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        _trib_store_set_sqlite_error (self, rc, error);
        goto fail_rollback;
      }
  }
  if (!exec (self, "COMMIT;", error))
    goto fail_rollback;
  return self;

fail_rollback:
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
fail:
  trib_store_close (self);
  g_unlink (path);
  return NULL;
}

/**
 * trib_store_create:
 *
 * Creates a new plan file at @path, which must not exist yet.
 */
TribStore *
trib_store_create (const char *path,
                   const char *name,
                   GError    **error)
{
  return store_create (path, name, FALSE, error);
}

/**
 * trib_store_create_scratch:
 *
 * Creates a new plan file at @path, as trib_store_create() does, for a
 * writer that throws it away unless it is complete (an import, renamed into
 * place once committed and closed): durability on the way does not matter,
 * so nothing is synced to disk and the rollback journal stays in memory.
 * Foreign keys are not enforced row by row either, so that rows may refer
 * to rows written after them: the writer checks them all with
 * trib_store_check_references() before committing.
 */
TribStore *
trib_store_create_scratch (const char *path,
                           GError    **error)
{
  return store_create (path, NULL, TRUE, error);
}

void
trib_store_close (TribStore *self)
{
  if (self == NULL)
    return;
  if (self->in_transaction)
    trib_store_rollback (self);
  store_free_handles (self);
  g_hash_table_unref (self->inserts);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_free (self);
}

const char *
trib_store_get_path (TribStore *self)
{
  return self->path;
}

gboolean
trib_store_is_read_only (TribStore *self)
{
  return self->read_only;
}

int
trib_store_get_schema_version (TribStore *self)
{
  return self->schema_version;
}

sqlite3 *
trib_store_get_db (TribStore *self)
{
  return self->db;
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

gboolean
trib_store_begin (TribStore *self,
                  GError   **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->read_only)
    {
      g_autofree char *name = display_name (self->path);
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                   _("“%s” is open read-only. Save a copy with Save As to change it."), name);
      return FALSE;
    }
  if (!exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
trib_store_commit (TribStore *self,
                   GError   **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec (self, "COMMIT;", error))
    {
      trib_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
trib_store_rollback (TribStore *self)
{
  if (!self->in_transaction)
    return;
  /* Statements still stepping would keep the transaction open. */
  {
    GHashTableIter iter;
    gpointer stmt;
    g_hash_table_iter_init (&iter, self->statements);
    while (g_hash_table_iter_next (&iter, NULL, &stmt))
      sqlite3_reset (stmt);
  }
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
trib_store_in_transaction (TribStore *self)
{
  return self->in_transaction;
}

/**
 * trib_store_hold_for_replace:
 * @path: a file about to be replaced by another one
 *
 * A plan open in another program would go on writing to the file that is no
 * longer there, and every edit made there would be lost. So the plan's lock
 * is taken first.
 *
 * Returns: (nullable): a store holding the lock of the plan at @path until
 * trib_store_release_replaced(), or %NULL when there is no plan to lock
 * there (no file, or not a plan) or, with @error set to
 * %TRIB_PLAN_ERROR_LOCKED, when the plan is in use.
 */
TribStore *
trib_store_hold_for_replace (const char *path,
                             GError    **error)
{
  g_autoptr(GError) local = NULL;
  TribStore *held;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  held = trib_store_open (path, FALSE, &local);
  if (held == NULL && g_error_matches (local, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED))
    g_propagate_error (error, g_steal_pointer (&local));
  return held;
}

/**
 * trib_store_release_replaced:
 *
 * Lets go of a plan held by trib_store_hold_for_replace() once its name
 * belongs to the new file.
 */
void
trib_store_release_replaced (TribStore *held)
{
  if (held == NULL)
    return;
  /* What is beside the name now belongs to the new file: leave it alone. */
  held->read_only = TRUE;
  trib_store_close (held);
}

/**
 * trib_store_backup_to:
 *
 * Writes a consistent copy of the plan to @path with SQLite's backup API,
 * replacing @path only once the copy is complete.
 */
gboolean
trib_store_backup_to (TribStore  *self,
                      const char *path,
                      GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmpl = g_build_filename (dir, ".tributary-XXXXXX", NULL);
  g_autofree char *name = display_name (path);
  g_autoptr(GError) local = NULL;
  TribStore *held;
  int saved;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;
  mode_t mask;

  fd = g_mkstemp (tmpl);
  if (fd < 0)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                   _("Could not write “%s”: %s."), name, g_strerror (errno));
      return FALSE;
    }
  /* A copy is a plan like any other: readable as the user's files are
   * (mkstemp makes it private), so it can go into a shared folder. */
  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
      else
        rc = sqlite3_errcode (dest);
    }
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmpl);
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                   _("Could not write “%s”: %s."), name, sqlite3_errstr (rc));
      return FALSE;
    }
  held = trib_store_hold_for_replace (path, &local);
  if (local != NULL)
    {
      g_unlink (tmpl);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  saved = g_rename (tmpl, path) == 0 ? 0 : errno;
  trib_store_release_replaced (held);
  if (saved != 0)
    {
      g_unlink (tmpl);
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                   _("Could not write “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * trib_store_move_to:
 *
 * Save As: copies the plan to @path and goes on editing the copy. On failure
 * the store keeps editing the original.
 */
gboolean
trib_store_move_to (TribStore  *self,
                    const char *path,
                    GError    **error)
{
  g_autofree char *old_path = NULL;
  int version;

  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!trib_store_backup_to (self, path, error))
    return FALSE;

  store_free_handles (self);
  old_path = g_steal_pointer (&self->path);
  self->path = g_strdup (path);
  self->read_only = FALSE;
  if (check_header (path, &version, error) && connect_db (self, FALSE, error) &&
      exec (self, "BEGIN EXCLUSIVE; COMMIT;", error))
    return TRUE;

  /* Go back to the original so that nothing is lost. */
  store_free_handles (self);
  g_free (self->path);
  self->path = g_steal_pointer (&old_path);
  connect_db (self, FALSE, NULL);
  exec (self, "BEGIN EXCLUSIVE; COMMIT;", NULL);
  return FALSE;
}
