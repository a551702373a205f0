/* trib-store-lock.c: who may change a plan file while it is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite's own locks last one transaction: between two edits anyone may
 * read the file, which is what lets `tributary-cli info` or `export-json`
 * read a plan while the window shows it. What must not happen is a change
 * behind the window's back. So a plan open for editing in the application
 * also holds an advisory lock of its own: an open-file-description lock on
 * one byte far beyond any data (SQLite's lock bytes sit at 1 GiB; this one
 * is just past them, in the same page that SQLite never uses for data).
 *
 * - The application takes the byte for writing, for as long as the plan is
 *   open. A second window, or another instance, finds it taken and refuses
 *   at once: the plan is open in Tributary.
 * - A command-line process that changes a plan takes the byte for reading
 *   for the length of its command. Several may hold it together (SQLite's
 *   busy wait orders their transactions), and none can while the
 *   application holds it. An application opening the plan meanwhile waits
 *   a few seconds for them to finish.
 * - Reading takes no lock beyond SQLite's own.
 *
 * Open-file-description locks belong to the descriptor, not the process:
 * they conflict between two stores of one process, and closing another
 * descriptor of the file does not drop them.
 */
#define G_LOG_DOMAIN "trib-store"
/* F_OFD_SETLK */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-plan.h"
#include "trib-store-private.h"

#define EDIT_LOCK_OFFSET ((off_t) 0x40000000 + 1024)

#ifdef F_OFD_SETLK
# define LOCK_SET F_OFD_SETLK
# define LOCK_GET F_OFD_GETLK
#else
/* Process-associated locks: close enough where the others do not exist. */
# define LOCK_SET F_SETLK
# define LOCK_GET F_GETLK
#endif

static gboolean command_line = FALSE;

/**
 * trib_store_set_command_line:
 *
 * Says that this process opens plans for one short command at a time
 * (tributary-cli) rather than for editing in a window: writing waits a
 * few seconds for other commands instead of failing, reading keeps one
 * consistent view of the file for the command, the whole file is checked
 * when it opens, and a plan open in the application is refused for writing
 * only. Call once, before opening any plan.
 */
void
trib_store_set_command_line (gboolean value)
{
  command_line = value;
}

gboolean
_trib_store_is_command_line (void)
{
  return command_line;
}

static int
set_lock (int   fd,
          short type,
          int   cmd)
{
  struct flock fl = { 0 };

  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = EDIT_LOCK_OFFSET;
  fl.l_len = 1;
  if (fcntl (fd, cmd, &fl) != 0)
    return -1;
  return cmd == LOCK_GET ? fl.l_type : 0;
}

void
_trib_store_set_open_in_tributary_error (const char *path,
                                         GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
               _("“%s” is open in Tributary. Close it there and try again; reading it "
                 "(info, export-json) works while it is open."), name);
}

/* Reads what the byte is held for by someone else: F_UNLCK, F_RDLCK or F_WRLCK. */
static int
holder (int fd)
{
  int type = set_lock (fd, F_WRLCK, LOCK_GET);
  return type < 0 ? F_UNLCK : type;
}

/**
 * _trib_store_lock:
 *
 * Takes the plan's editing lock for @self (see the top of this file) and
 * remembers which file it is, so that a file replaced behind our back is
 * noticed before anything is written to it.
 */
gboolean
_trib_store_lock (TribStore *self,
                  GError   **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  gint64 deadline = g_get_monotonic_time () + TRIB_STORE_WAIT_MS * 1000;
  struct stat st;
  int fd;

  g_assert (self->lock_fd < 0);

  fd = g_open (self->path, (command_line ? O_RDONLY : O_RDWR) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TRIB_PLAN_ERROR,
                   saved == EACCES || saved == EROFS ? TRIB_PLAN_ERROR_READ_ONLY
                                                     : TRIB_PLAN_ERROR_IO,
                   _("“%s” cannot be opened for changes: %s."), name, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
                   _("“%s” is not a file."), name);
      return FALSE;
    }

  for (;;)
    {
      if (set_lock (fd, command_line ? F_RDLCK : F_WRLCK, LOCK_SET) == 0)
        break;
      if (errno != EAGAIN && errno != EACCES)
        {
          /* A file system without locks: SQLite's own locks remain. */
          g_debug ("no editing lock on %s: %s", self->path, g_strerror (errno));
          break;
        }
      /* Held for writing: the application has it, and keeps it. */
      if (command_line || holder (fd) == F_WRLCK)
        {
          close (fd);
          _trib_store_set_open_in_tributary_error (self->path, error);
          return FALSE;
        }
      /* Held for reading: commands at work, soon done. */
      if (g_get_monotonic_time () >= deadline)
        {
          close (fd);
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
                       _("“%s” is being changed by another program. Try again in a moment."),
                       name);
          return FALSE;
        }
      g_usleep (20 * 1000);
    }

  self->lock_fd = fd;
  self->dev = st.st_dev;
  self->ino = st.st_ino;
  return TRUE;
}

/* Lets go of the editing lock; after SQLite has closed the file. */
void
_trib_store_unlock (TribStore *self)
{
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->lock_fd = -1;
}

/**
 * _trib_store_check_unchanged:
 *
 * Called inside a write transaction, before anything is written: fails if
 * the file at the plan's path is no longer the file opened (another program
 * replaced it: writing would go to a file nobody sees) or, for a plan open
 * in the application, if another program changed it since (the window
 * would write over changes it never showed).
 */
gboolean
_trib_store_check_unchanged (TribStore *self,
                             GError   **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  GStatBuf st;

  if (self->ino != 0 &&
      (g_stat (self->path, &st) != 0 || st.st_dev != self->dev || st.st_ino != self->ino))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
                   _("“%s” was replaced by another program after it was opened here, so "
                     "nothing was written. Open it again."), name);
      return FALSE;
    }
  if (!command_line && self->data_version != 0 &&
      _trib_store_data_version (self) != self->data_version)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
                   _("“%s” was changed by another program while it was open here, so nothing "
                     "was written. Close it and open it again to see those changes."), name);
      return FALSE;
    }
  return TRUE;
}

/* PRAGMA data_version: changes when another connection commits. */
gint64
_trib_store_data_version (TribStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}
