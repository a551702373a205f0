/* trib-file-policy.c: where Tributary may write, and what it may read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Tributary writes — a plan made by Save As, an import or the
 * sample, a JSON document, a report — goes through one TribOutput, which
 * decides before anything is written:
 *
 * - never onto a file being read by the same command (the input);
 * - a plan replaces only a plan, and only when asked to (--replace, or a
 *   file chooser that asked); a file that is not a plan is never replaced;
 * - a document (JSON, a report) never replaces a plan;
 * - never through anything but a regular file: folders, devices, pipes and
 *   sockets are refused;
 * - a symbolic link is followed: the file it names is replaced and the link
 *   stays;
 * - a read-only file is not replaced, and a replaced file keeps its
 *   permissions (and, where the system allows it, its owner).
 *
 * The new content is written to a hidden file beside the target and renamed
 * over it once complete, so a failure leaves the old file as it was. Error
 * messages name the file the user named, never the temporary one.
 *
 * What is read as input must be a regular file, checked before it is opened
 * and opened without blocking, so that a pipe with no writer cannot hang a
 * command.
 */
#define G_LOG_DOMAIN "trib-file-policy"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-plan.h"
#include "trib-file-policy.h"

struct _TribOutput
{
  char        *path;    /* what the user named, for messages */
  char        *target;  /* the file written: @path, or what a link names */
  gboolean     exists;
  struct stat  st;      /* of the existing target */
  mode_t       mode;    /* for the new file */
};

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static gboolean
header_is_plan (const guint8 *header,
                gssize        n)
{
  return n >= 100 && memcmp (header, "SQLite format 3", 16) == 0 &&
         (((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
          ((guint32) header[70] << 8) | header[71]) == TRIB_PLAN_APPLICATION_ID;
}

/* Reads the first bytes of a regular file without blocking; -1 with errno
 * when it cannot be read. */
static gssize
read_header (const char *path,
             guint8     *header,
             gsize       size)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  struct stat st;
  gssize n;
  int saved;

  if (fd < 0)
    return -1;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      errno = EINVAL;
      return -1;
    }
  n = read (fd, header, size);
  saved = errno;
  close (fd);
  errno = saved;
  return n;
}

/**
 * trib_file_is_plan:
 *
 * Returns: whether @path is a regular file that starts like a Tributary plan
 * (SQLite with Tributary's application id), of any format version, damaged
 * or not.
 */
gboolean
trib_file_is_plan (const char *path)
{
  guint8 header[100];

  return header_is_plan (header, read_header (path, header, sizeof header));
}

static const char *
describe_type (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/**
 * trib_output_new:
 * @path: the file to write, as the user named it
 * @kind: what will be written
 * @flags: whether an existing file of the same kind may be replaced
 * @inputs: (nullable) (array zero-terminated=1): files the same command reads
 *
 * Decides whether @path may be written (see the top of this file) and
 * remembers what is there, so that trib_output_commit() replaces exactly
 * that file and keeps its permissions.
 *
 * Returns: (transfer full) (nullable): the output, or %NULL with @error
 * saying what was refused and what to do.
 */
TribOutput *
trib_output_new (const char          *path,
                 TribFileKind         kind,
                 TribOutputFlags      flags,
                 const char * const  *inputs,
                 GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  struct stat lst, st;
  mode_t mask;
  TribOutput *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND,
                           _("No file name was given. Name the file to write."));
      return NULL;
    }
  name = display_name (path);
  /* SQLite keeps these beside a plan while it changes: a file written
   * there would be taken for the plan's own and could damage it. */
  if (g_str_has_suffix (path, "-journal") || g_str_has_suffix (path, "-wal") ||
      g_str_has_suffix (path, "-shm"))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                   _("“%s” is named like a file that SQLite keeps beside a plan while it "
                     "changes it; writing there could damage that plan. Choose another name."),
                   name);
      return NULL;
    }
  if (g_lstat (path, (GStatBuf *) &lst) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                       _("Could not write “%s”: %s."), name, g_strerror (saved));
          return NULL;
        }
      target = g_strdup (path);
    }
  else if (S_ISLNK (lst.st_mode))
    {
      char resolved[PATH_MAX];

      /* Write through the link to the file it names, and keep the link. */
      if (realpath (path, resolved) == NULL)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND,
                       _("“%s” is a symbolic link to a file that does not exist, so nothing "
                         "was written. Name the file itself."), name);
          return NULL;
        }
      target = g_strdup (resolved);
    }
  else
    target = g_strdup (path);

  self = g_new0 (TribOutput, 1);
  self->path = g_strdup (path);
  self->target = g_steal_pointer (&target);
  dir = g_path_get_dirname (self->target);

  if (g_stat (self->target, (GStatBuf *) &st) == 0)
    {
      guint8 header[100];
      gssize n;

      self->exists = TRUE;
      self->st = st;
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                       _("“%s” is %s, not a regular file, so nothing was written to it. Name a "
                         "file."), name, describe_type (st.st_mode));
          goto fail;
        }
      for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
        {
          struct stat in;

          if (g_stat (inputs[i], (GStatBuf *) &in) == 0 && same_file (&in, &st))
            {
              g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("“%s” is the file being read: writing there would destroy it. "
                             "Choose another name."), name);
              goto fail;
            }
        }

      n = read_header (self->target, header, sizeof header);
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                       _("“%s” cannot be read (%s), so it is not replaced. Choose another "
                         "name."), name, g_strerror (saved));
          goto fail;
        }
      if (kind == TRIB_FILE_KIND_DOCUMENT && header_is_plan (header, n))
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS,
                       _("“%s” is a Tributary plan, and a document never replaces a plan. "
                         "Choose another name."), name);
          goto fail;
        }
      if (kind == TRIB_FILE_KIND_PLAN && st.st_size > 0 && !header_is_plan (header, n))
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
                       _("“%s” is not a Tributary plan, so it is not replaced: only plans are. "
                         "Choose another name, or move the file away first."), name);
          goto fail;
        }
      if (kind == TRIB_FILE_KIND_PLAN && !(flags & TRIB_OUTPUT_REPLACE))
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS,
                       _("“%s” already exists."), name);
          goto fail;
        }
      if (g_access (self->target, W_OK) != 0)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                       _("“%s” is read-only, so it was not replaced. Make it writable, or "
                         "choose another name."), name);
          goto fail;
        }
      self->mode = st.st_mode & 07777 & ~(S_ISUID | S_ISGID);
    }
  else
    {
      int saved = errno;
      struct stat dst;

      if (saved != ENOENT)
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                       _("Could not write “%s”: %s."), name, g_strerror (saved));
          goto fail;
        }
      if (g_stat (dir, (GStatBuf *) &dst) != 0 || !S_ISDIR (dst.st_mode))
        {
          g_autofree char *dir_name = g_filename_display_name (dir);
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                       _("Could not write “%s”: the folder “%s” does not exist."), name,
                       dir_name);
          goto fail;
        }
      mask = umask (0);
      umask (mask);
      self->mode = 0666 & ~mask;
    }

  if (g_access (dir, W_OK | X_OK) != 0)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY,
                   _("The folder holding “%s” is read-only, so nothing could be written "
                     "there. Choose another folder."), name);
      goto fail;
    }
  return self;

fail:
  trib_output_free (self);
  return NULL;
}

/**
 * trib_output_free:
 *
 * Frees the output; a temporary file not committed is the caller's.
 */
void
trib_output_free (TribOutput *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->target);
  g_free (self);
}

/**
 * trib_output_get_path:
 *
 * Returns: the file that will be replaced or created: the path given, or
 * the file a symbolic link there names.
 */
const char *
trib_output_get_path (TribOutput *self)
{
  return self->target;
}

/**
 * trib_output_get_exists:
 *
 * Returns: whether a file will be replaced.
 */
gboolean
trib_output_get_exists (TribOutput *self)
{
  return self->exists;
}

/**
 * trib_output_temp_path:
 *
 * Returns: (transfer full): a hidden name beside the target, on the same
 * file system so that the rename is atomic; not created (callers that
 * create the file themselves use O_EXCL and try again on a clash).
 */
char *
trib_output_temp_path (TribOutput *self)
{
  g_autofree char *dir = g_path_get_dirname (self->target);
  g_autofree char *base = g_path_get_basename (self->target);
  g_autofree char *tmp = g_strdup_printf (".%s.%08x.new", base, g_random_int ());

  return g_build_filename (dir, tmp, NULL);
}

static void
apply_permissions (TribOutput *self,
                   int         fd)
{
  /* A replaced file keeps its owner where the system lets us (root, or a
   * group we belong to); its mode is kept in any case. */
  if (self->exists && (self->st.st_uid != geteuid () || self->st.st_gid != getegid ()))
    {
      if (fchown (fd, self->st.st_uid, self->st.st_gid) != 0 &&
          fchown (fd, (uid_t) -1, self->st.st_gid) != 0)
        {
          /* Not ours to give away: the file becomes ours, mode kept. */
        }
    }
  fchmod (fd, self->mode);
}

/**
 * trib_output_open_temp:
 * @temp_path: (out): the hidden file created beside the target
 *
 * Creates the file the new content is written to, with the permissions the
 * target will have.
 *
 * Returns: a file descriptor open for writing, or -1 with @error set.
 */
int
trib_output_open_temp (TribOutput  *self,
                       char       **temp_path,
                       GError     **error)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp = trib_output_temp_path (self);
      int fd = g_open (tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          apply_permissions (self, fd);
          *temp_path = g_steal_pointer (&tmp);
          return fd;
        }
      if (errno != EEXIST)
        {
          int saved = errno;
          g_autofree char *name = display_name (self->path);
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                       _("Could not write “%s”: %s."), name, g_strerror (saved));
          return -1;
        }
    }
  {
    g_autofree char *name = display_name (self->path);
    g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                 _("Could not write “%s”: %s."), name, g_strerror (EEXIST));
  }
  return -1;
}

/**
 * trib_output_commit:
 * @temp_path: the complete new content, beside the target
 *
 * Gives @temp_path the target's permissions, flushes it to the disk and
 * renames it over the target — only if the target is still the file
 * trib_output_new() looked at. On failure @temp_path is removed and the
 * target is left as it was.
 */
gboolean
trib_output_commit (TribOutput  *self,
                    const char  *temp_path,
                    GError     **error)
{
  g_autofree char *name = display_name (self->path);
  struct stat now;
  gboolean present;
  int fd, saved = 0;

  fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || (apply_permissions (self, fd), g_fsync (fd) != 0))
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved != 0)
    goto fail;

  present = g_lstat (self->target, (GStatBuf *) &now) == 0;
  if (present != self->exists || (present && !same_file (&now, &self->st)))
    {
      g_unlink (temp_path);
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS,
                   _("“%s” was changed by another program while it was being written, so it "
                     "was not replaced. Try again."), name);
      return FALSE;
    }
  if (g_rename (temp_path, self->target) != 0)
    {
      saved = errno;
      goto fail;
    }
  return TRUE;

fail:
  g_unlink (temp_path);
  g_set_error (error, TRIB_PLAN_ERROR,
               saved == EROFS || saved == EACCES || saved == EPERM
               ? TRIB_PLAN_ERROR_READ_ONLY : TRIB_PLAN_ERROR_IO,
               _("Could not write “%s”: %s."), name, g_strerror (saved));
  return FALSE;
}

/**
 * trib_file_open_input:
 *
 * Opens @path for reading if it is a regular file (a symbolic link to one
 * included). Anything else — a folder, a pipe, a device, a socket — is
 * refused before it is opened, and the file is opened without blocking, so
 * that a pipe put in its place meanwhile cannot hang the caller.
 *
 * Returns: a file descriptor, or -1 with @error set.
 */
int
trib_file_open_input (const char  *path,
                      GError     **error)
{
  g_autofree char *name = display_name (path);
  struct stat st;
  int fd, flags;

  if (g_stat (path, (GStatBuf *) &st) != 0 ||
      (S_ISREG (st.st_mode) &&
       (fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0)) < 0))
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), name);
      else
        g_set_error (error, TRIB_PLAN_ERROR,
                     saved == EACCES ? TRIB_PLAN_ERROR_READ_ONLY : TRIB_PLAN_ERROR_IO,
                     _("“%s” cannot be read: %s."), name, g_strerror (saved));
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    goto not_a_file;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      goto not_a_file;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;

not_a_file:
  g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN,
               _("“%s” is %s, not a file, so it was not read. Name a file."), name,
               describe_type (st.st_mode));
  return -1;
}

/**
 * trib_output_hide_temp:
 * @temp_path: the hidden file the content was being written to
 * @error: (nullable): an error raised while writing it
 *
 * An error from code that wrote @temp_path (SQLite's, for one) names that
 * file, which the user never asked for: it is renamed in the message to the
 * file the user named.
 */
void
trib_output_hide_temp (TribOutput *self,
                       const char *temp_path,
                       GError     *error)
{
  g_autofree char *temp_name = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) parts = NULL;

  if (error == NULL || temp_path == NULL)
    return;
  temp_name = g_filename_display_basename (temp_path);
  if (strstr (error->message, temp_name) == NULL)
    return;
  name = display_name (self->path);
  parts = g_strsplit (error->message, temp_name, -1);
  g_free (error->message);
  error->message = g_strjoinv (name, parts);
}
