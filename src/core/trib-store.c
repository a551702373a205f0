/* trib-store.c: the SQLite plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan is one SQLite database (SQLite as an application file format). The
 * file is checked before SQLite touches it, so a file that is not a plan, or
 * a plan of a newer format, is refused and left exactly as it was. SQLite
 * locks the file for each transaction only, so others may read a plan
 * between edits; who may change it is decided by the editing lock
 * (trib-store-lock.c). The rollback journal (not WAL) keeps every commit
 * atomic and leaves a single file behind once the plan is closed.
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

  if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("“%s” was left half-changed by a program that stopped, and only someone "
                     "allowed to change it can finish the repair: open it once with "
                     "permission to write to it and its folder."), name);
      return FALSE;
    }
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

gboolean
_trib_store_exec (TribStore  *self,
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

static TribStore *
store_new (const char *path)
{
  TribStore *self = g_new0 (TribStore, 1);

  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->inserts = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->lock_fd = -1;
  return self;
}

/* A program killed between transactions in SQLite's exclusive locking mode
 * (Tributary before 0.2 kept it) can leave a journal whose header is
 * zeroed: not hot, so SQLite ignores it, but it would stay beside the plan
 * for good. Only such a journal is removed, and only under SQLite's
 * exclusive lock, when no other program can be writing its own. */
static void
remove_stale_journal (TribStore *self)
{
  const char *path = self->path;
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
  if (n >= (ssize_t) sizeof header && memcmp (header, magic, sizeof magic) == 0)
    return;
  sqlite3_busy_timeout (self->db, 0);
  if (sqlite3_exec (self->db, "BEGIN EXCLUSIVE;", NULL, NULL, NULL) == SQLITE_OK)
    {
      g_unlink (journal);
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
    }
}

void
_trib_store_free_handles (TribStore *self)
{
  g_hash_table_remove_all (self->inserts);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      if (self->reading)
        sqlite3_exec (self->db, "COMMIT;", NULL, NULL, NULL);
      self->reading = FALSE;
      if (!self->read_only && !self->replaced)
        remove_stale_journal (self);
      if (sqlite3_close (self->db) != SQLITE_OK)
        sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  /* Only once SQLite has let go of the file. */
  _trib_store_unlock (self);
  self->dev = 0;
  self->ino = 0;
  self->data_version = 0;
}

static gboolean
migrate (TribStore *self,
         int        from,
         GError   **error)
{
  for (int v = from + 1; v <= TRIB_PLAN_SCHEMA_VERSION; v++)
    if (!_trib_store_exec (self, trib_store_migration_sql (v), error))
      return FALSE;

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", TRIB_PLAN_SCHEMA_VERSION);
    if (!_trib_store_exec (self, sql, error))
      return FALSE;
  }
  self->schema_version = TRIB_PLAN_SCHEMA_VERSION;
  return TRUE;
}

/* SQLite's own busy wait sleeps whole seconds where it was built without
 * usleep(): a few milliseconds at a time instead, up to TRIB_STORE_WAIT_MS. */
static int
on_busy_cb (gpointer user_data,
            int      count)
{
  /* 2, 4, … 20 ms, then 20 ms at a time: ms already waited before this call. */
  int delay = count < 10 ? 2 + count * 2 : 20;
  int waited = count < 10 ? count * (count + 1) : 110 + (count - 10) * 20;

  if (waited >= TRIB_STORE_WAIT_MS)
    return 0;
  g_usleep (delay * 1000);
  return 1;
}

gboolean
_trib_store_connect (TribStore *self,
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
  /* Another program's transaction is waited for, a few seconds at most. */
  sqlite3_busy_handler (self->db, on_busy_cb, NULL);

  if (!_trib_store_exec (self, "PRAGMA foreign_keys = ON;", error))
    return FALSE;
  if (!self->read_only &&
      !_trib_store_exec (self, "PRAGMA journal_mode = DELETE;", error))
    return FALSE;
  return TRUE;
}

/* A plan of an older format opened read-only (a file without write
 * permission, or `tributary-cli info`) is read into memory and upgraded
 * there: readable as any plan, and the file is not touched. A command
 * (tributary-cli) reads every plan that way, current ones included. */
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
          int count = 0;

          /* Another program's commit holds the file a moment: wait for it. */
          while ((rc = sqlite3_backup_step (backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
            if (!on_busy_cb (NULL, count++))
              break;
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
  if (!_trib_store_exec (self, "PRAGMA foreign_keys = ON; BEGIN;", error))
    return FALSE;
  if (!migrate (self, self->schema_version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  return _trib_store_exec (self, "COMMIT;", error);
}

/* The schema version as SQLite sees it, inside the open transaction: a
 * program that waited for another may find the file migrated meanwhile. */
static int
read_user_version (TribStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* A program that stopped in the middle of a change leaves a journal beside
 * the plan that the next writer rolls back. A read-only connection cannot:
 * when the file may be written, roll it back as any writer would, so that
 * reading a writable plan never says it is read-only. */
static gboolean
roll_back_hot_journal (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  int rc;

  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    return FALSE;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_handler (db, on_busy_cb, NULL);
      rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema;", NULL, NULL, NULL);
    }
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK;
}

static gboolean
open_read_only (TribStore *self,
                GError   **error)
{
  g_autoptr(GError) local = NULL;

  for (int attempt = 0; ; attempt++)
    {
      int version, rc;

      if (!_trib_store_connect (self, FALSE, error))
        return FALSE;
      if (_trib_store_exec (self, "BEGIN;", &local) && _trib_store_quick_check (self, &local))
        {
          version = read_user_version (self);
          if (version > 0 && version <= TRIB_PLAN_SCHEMA_VERSION)
            self->schema_version = version;
          /* A command reads a copy taken in one go: one state of the plan
           * even while the window writes, and no lock held on the file
           * while the command works (the window's edits would wait). */
          if (self->schema_version < TRIB_PLAN_SCHEMA_VERSION || _trib_store_is_command_line ())
            return _trib_store_exec (self, "COMMIT;", error) && migrate_in_memory (self, error);
          return _trib_store_exec (self, "COMMIT;", error);
        }
      rc = sqlite3_extended_errcode (self->db);
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      if (attempt == 0 && (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY))
        {
          _trib_store_free_handles (self);
          if (roll_back_hot_journal (self->path))
            {
              g_clear_error (&local);
              continue;
            }
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
}

static gboolean
open_writable (TribStore *self,
               GError   **error)
{
  int version;

  /* Who else has it for editing, before SQLite is asked. */
  if (!_trib_store_lock (self, error) || !_trib_store_connect (self, FALSE, error))
    return FALSE;

  /* Checked and migrated under SQLite's exclusive lock, waiting for other
   * programs' transactions. */
  if (!_trib_store_exec (self, "BEGIN EXCLUSIVE;", error))
    return FALSE;
  if (!_trib_store_quick_check (self, error))
    goto fail;
  version = read_user_version (self);
  if (version < 1 || version > TRIB_PLAN_SCHEMA_VERSION)
    {
      _trib_store_set_sqlite_error (self, SQLITE_CORRUPT, error);
      goto fail;
    }
  self->schema_version = version;
  if (version < TRIB_PLAN_SCHEMA_VERSION && !migrate (self, version, error))
    goto fail;
  if (!_trib_store_exec (self, "COMMIT;", error))
    goto fail;
  if (!_trib_store_is_command_line ())
    self->data_version = _trib_store_data_version (self);
  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

/**
 * trib_store_open:
 *
 * Opens an existing plan file, migrating an older format in one transaction.
 * Anything that is not a plan this version can read is refused untouched.
 * A plan open for editing elsewhere can still be opened read-only.
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

  if (!_trib_store_check_header (path, &version, error))
    return NULL;

  if (!read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_access (path, W_OK) != 0)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                       _("“%s” is read-only: you do not have permission to change it. Open "
                         "it read-only or save a copy elsewhere."), name);
          return NULL;
        }
      if (g_access (dir, W_OK | X_OK) != 0)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                       _("The folder holding “%s” is read-only, and a plan is changed by "
                         "writing beside it. Open it read-only or save a copy elsewhere."),
                       name);
          return NULL;
        }
    }

  self = store_new (path);
  self->read_only = read_only;
  self->schema_version = version;

  if (read_only ? !open_read_only (self, error) : !open_writable (self, error))
    {
      trib_store_close (self);
      return NULL;
    }
  return self;
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

  /* The name obeys the same rule as one typed in the window or imported. */
  if (!scratch && name != NULL && name[0] != '\0')
    {
      g_autoptr(TribEntity) probe = g_object_new (TRIB_TYPE_PLAN_INFO, NULL);

      if (!trib_entity_set_string (probe, "name", name, error))
        return NULL;
    }

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
  if ((!scratch && !_trib_store_lock (self, error)) || !_trib_store_connect (self, TRUE, error))
    goto fail;
  if (scratch && !_trib_store_exec (self,
                        "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; "
                        "PRAGMA foreign_keys = OFF;", error))
    goto fail;
  sql = g_strdup_printf ("PRAGMA application_id = %d;", TRIB_PLAN_APPLICATION_ID);
  if (!_trib_store_exec (self, sql, error) || !_trib_store_exec (self, "BEGIN EXCLUSIVE;", error))
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
  if (!_trib_store_exec (self, "COMMIT;", error))
    goto fail_rollback;
  if (!scratch && !_trib_store_is_command_line ())
    self->data_version = _trib_store_data_version (self);
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
  _trib_store_free_handles (self);
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
  if (!_trib_store_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (!_trib_store_check_unchanged (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
trib_store_commit (TribStore *self,
                   GError   **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!_trib_store_exec (self, "COMMIT;", error))
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

