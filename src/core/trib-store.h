/* trib-store.h: the SQLite plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "trib-entity.h"

G_BEGIN_DECLS

typedef struct _TribStore TribStore;

void        trib_store_set_command_line (gboolean     command_line);

TribStore  *trib_store_create          (const char   *path,
                                        const char   *name,
                                        GError      **error);
TribStore  *trib_store_create_scratch  (const char   *path,
                                        GError      **error);
TribStore  *trib_store_open            (const char   *path,
                                        gboolean      read_only,
                                        GError      **error);
void        trib_store_close           (TribStore    *self);
const char *trib_store_get_path        (TribStore    *self);
gboolean    trib_store_is_read_only    (TribStore    *self);
int         trib_store_get_schema_version (TribStore *self);
sqlite3    *trib_store_get_db          (TribStore    *self);

gboolean    trib_store_check_references (TribStore   *self,
                                        GError      **error);
gboolean    trib_store_begin           (TribStore    *self,
                                        GError      **error);
gboolean    trib_store_commit          (TribStore    *self,
                                        GError      **error);
void        trib_store_rollback        (TribStore    *self);
gboolean    trib_store_in_transaction  (TribStore    *self);

gboolean    trib_store_insert          (TribStore    *self,
                                        TribEntity   *entity,
                                        GError      **error);
gboolean    trib_store_insert_values   (TribStore    *self,
                                        TribEntityClass *klass,
                                        gint64        id,
                                        const GValue *values,
                                        GError      **error);
gboolean    trib_store_update          (TribStore    *self,
                                        TribEntity   *entity,
                                        guint         field,
                                        const GValue *value,
                                        GError      **error);
gboolean    trib_store_delete          (TribStore    *self,
                                        TribEntity   *entity,
                                        GError      **error);
gboolean    trib_store_load            (TribStore    *self,
                                        GType         type,
                                        const char   *parent_column,
                                        gint64        parent_id,
                                        GPtrArray    *out,
                                        GError      **error);
gint64      trib_store_count           (TribStore    *self,
                                        GType         type);
gboolean    trib_store_backup_to       (TribStore    *self,
                                        const char   *path,
                                        GError      **error);
gboolean    trib_store_move_to         (TribStore    *self,
                                        const char   *path,
                                        GError      **error);

TribStore  *trib_store_hold_for_replace (const char  *path,
                                        GError     **error);
void        trib_store_release_replaced (TribStore   *held);

/* The SQL of each schema version, for tests that write old files. */
const char *trib_store_migration_sql   (int           version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribStore, trib_store_close)

G_END_DECLS
