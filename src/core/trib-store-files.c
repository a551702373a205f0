/* trib-store-files.c: copying a plan file and replacing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a copy may go is decided by trib-file-policy.c: only over a plan,
 * never over the plan being copied, never through anything but a regular
 * file, keeping the permissions of the plan it replaces.
 */
#define G_LOG_DOMAIN "trib-store"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-file-policy.h"
#include "trib-plan.h"
#include "trib-store-private.h"

/**
 * trib_store_hold_for_replace:
 * @path: a file about to be replaced by another one
 *
 * A plan open in another program would go on writing to the file that is no
 * longer there, and every edit made there would be lost. So the plan's
 * editing lock is taken first, and SQLite's exclusive lock is kept until
 * trib_store_release_replaced(): a command that was waiting to write finds
 * the plan replaced and says so instead of writing to the old file.
 *
 * Returns: (nullable): a store holding the plan at @path until
 * trib_store_release_replaced(), or %NULL when there is no plan to hold
 * there (no file, or not a plan that opens) or, with @error set to
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
  if (held == NULL)
    {
      if (g_error_matches (local, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED))
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!_trib_store_exec (held, "BEGIN EXCLUSIVE;", &local))
    {
      trib_store_close (held);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  held->reading = TRUE;
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
  held->replaced = TRUE;
  trib_store_close (held);
}

/**
 * trib_store_backup_to:
 *
 * Writes a consistent copy of the plan to @path with SQLite's backup API,
 * replacing @path only once the copy is complete. An existing file there is
 * replaced only if it is a plan that no program has open for editing; a
 * symbolic link is written through, and a replaced plan keeps its
 * permissions.
 */
gboolean
trib_store_backup_to (TribStore  *self,
                      const char *path,
                      GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *tmp = NULL;
  g_autoptr(TribOutput) output = NULL;
  g_autoptr(GError) local = NULL;
  const char *inputs[] = { self->path, NULL };
  TribStore *held;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok;
  int fd, rc;

  output = trib_output_new (path, TRIB_FILE_KIND_PLAN, TRIB_OUTPUT_REPLACE, inputs, error);
  if (output == NULL)
    return FALSE;
  fd = trib_output_open_temp (output, &tmp, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      gint64 deadline = g_get_monotonic_time () + TRIB_STORE_WAIT_MS * 1000;

      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          /* Another program's write holds the plan a moment: wait for it. */
          while ((rc = sqlite3_backup_step (backup, -1)) == SQLITE_OK ||
                 ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
                  g_get_monotonic_time () < deadline))
            sqlite3_sleep (20);
          rc = sqlite3_backup_finish (backup);
        }
      else
        rc = sqlite3_errcode (dest);
    }
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp);
      g_set_error (error, TRIB_PLAN_ERROR,
                   (rc & 0xff) == SQLITE_BUSY ? TRIB_PLAN_ERROR_LOCKED : TRIB_PLAN_ERROR_IO,
                   _("Could not write “%s”: %s."), name, sqlite3_errstr (rc));
      return FALSE;
    }
  held = trib_store_hold_for_replace (trib_output_get_path (output), &local);
  if (local != NULL)
    {
      g_unlink (tmp);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ok = trib_output_commit (output, tmp, error);
  trib_store_release_replaced (held);
  return ok;
}

static gboolean
reopen (TribStore *self,
        GError   **error)
{
  int version;

  self->read_only = FALSE;
  if (!_trib_store_check_header (self->path, &version, error) ||
      !_trib_store_lock (self, error) ||
      !_trib_store_connect (self, FALSE, error) ||
      !_trib_store_exec (self, "BEGIN EXCLUSIVE; COMMIT;", error))
    return FALSE;
  if (!_trib_store_is_command_line ())
    self->data_version = _trib_store_data_version (self);
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
  gboolean old_read_only = self->read_only;

  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!trib_store_backup_to (self, path, error))
    return FALSE;

  _trib_store_free_handles (self);
  old_path = g_steal_pointer (&self->path);
  self->path = g_strdup (path);
  if (reopen (self, error))
    return TRUE;

  /* Go back to the original so that nothing is lost. */
  _trib_store_free_handles (self);
  g_free (self->path);
  self->path = g_steal_pointer (&old_path);
  if (old_read_only)
    {
      self->read_only = TRUE;
      _trib_store_connect (self, FALSE, NULL);
    }
  else
    reopen (self, NULL);
  return FALSE;
}
