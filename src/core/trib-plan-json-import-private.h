/* trib-plan-json-import-private.h: what the import's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan-json-private.h"
#include "trib-store.h"

G_BEGIN_DECLS

/* An entity read from the document with what nests in it: its values
 * only, as a TribEntity for each of a hundred thousand snapshots (an
 * object, its locks and type checks) would cost more than writing it. */
typedef struct _Node Node;
struct _Node
{
  const TypeInfo *type;
  gint64          id;
  GPtrArray      *children; /* of Node, or NULL */
  GValue          values[]; /* one for each field of the type */
};

Node    *_trib_import_node_new      (const TypeInfo *type);
void     _trib_import_node_free     (Node           *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, _trib_import_node_free)

/* Writes entities into a new plan file in a thread of its own. */
typedef struct _Writer Writer;

Writer  *_trib_import_writer_start  (TribStore      *store,
                                     GError        **error);
void     _trib_import_writer_take   (Writer         *writer,
                                     Node           *node);
gboolean _trib_import_writer_failed (Writer         *writer);
GError  *_trib_import_writer_finish (Writer         *writer);

G_END_DECLS
