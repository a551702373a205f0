/* trib-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/types.h>

#include "trib-store.h"

G_BEGIN_DECLS

/* How long one process waits for another before it says a plan is busy. */
#define TRIB_STORE_WAIT_MS 5000

struct _TribStore
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements; /* SQL → sqlite3_stmt */
  GHashTable *inserts;    /* entity GType → its INSERT, owned by statements */
  int         schema_version;
  gboolean    read_only;
  gboolean    in_transaction;
  gboolean    reading;        /* a command's read transaction is open */
  gboolean    replaced;       /* the name belongs to another file now */
  int         lock_fd;        /* holds the editing lock, or -1 */
  dev_t       dev;            /* the file opened, 0 when not checked */
  ino_t       ino;
  gint64      data_version;   /* PRAGMA data_version when opened, 0 when not checked */
};

gboolean      _trib_store_set_sqlite_error (TribStore   *self,
                                            int          rc,
                                            GError     **error);
sqlite3_stmt *_trib_store_prepare          (TribStore   *self,
                                            const char  *sql,
                                            GError     **error);
gboolean      _trib_store_exec             (TribStore   *self,
                                            const char  *sql,
                                            GError     **error);
gboolean      _trib_store_check_header     (const char  *path,
                                            int         *version,
                                            GError     **error);
gboolean      _trib_store_quick_check      (TribStore   *self,
                                            GError     **error);
gboolean      _trib_store_connect          (TribStore   *self,
                                            gboolean     create,
                                            GError     **error);
void          _trib_store_free_handles     (TribStore   *self);

gboolean      _trib_store_is_command_line  (void);
gboolean      _trib_store_lock             (TribStore   *self,
                                            GError     **error);
void          _trib_store_unlock           (TribStore   *self);
gboolean      _trib_store_check_unchanged  (TribStore   *self,
                                            GError     **error);
gint64        _trib_store_data_version     (TribStore   *self);
void          _trib_store_set_open_in_tributary_error (const char *path,
                                            GError     **error);

G_END_DECLS
