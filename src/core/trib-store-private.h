/* trib-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-store.h"

G_BEGIN_DECLS

struct _TribStore
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements; /* SQL → sqlite3_stmt */
  GHashTable *inserts;    /* entity GType → its INSERT, owned by statements */
  int         schema_version;
  gboolean    read_only;
  gboolean    in_transaction;
};

gboolean      _trib_store_set_sqlite_error (TribStore   *self,
                                            int          rc,
                                            GError     **error);
sqlite3_stmt *_trib_store_prepare          (TribStore   *self,
                                            const char  *sql,
                                            GError     **error);

G_END_DECLS
