/* trib-plan-json-private.h: shared by the JSON export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-json-reader.h"
#include "trib-plan-json.h"

G_BEGIN_DECLS

/* Longer lists than any field accepts are refused without being copied. */
#define TRIB_PLAN_JSON_MAX_LIST 10000

typedef enum
{
  MEMBER_ID,
  MEMBER_FIELD,
  MEMBER_CHILDREN, /* an array of the entity type index */
  MEMBER_FORMAT,   /* the members of the document itself */
  MEMBER_VERSION,
  MEMBER_PLAN,
} MemberKind;

typedef struct
{
  const char *name;
  gsize       length; /* of the name */
  MemberKind  kind;
  guint       index; /* of the field, or of the entity type */
} Member;

typedef struct
{
  GType            type;
  TribEntityClass *klass;
  int              parent; /* index of the type this one nests in, or -1 */
  Member          *members; /* sorted by name in byte order */
  guint            n_members;
} TypeInfo;

typedef struct
{
  TypeInfo *types;      /* in trib_plan_entity_types() order */
  guint     n_types;
  TypeInfo  info;       /* the plan's own properties: fields only */
  Member   *root;
  guint     n_root;
} Schema;

const Schema  *_trib_plan_json_get_schema  (void);
const Member  *_trib_plan_json_find_member (const Member *members,
                                            guint         n_members,
                                            const char   *name);
int            _trib_plan_json_type_index  (const Schema *schema,
                                            GType         type);

gboolean       _trib_plan_json_read_value  (TribJsonReader   *reader,
                                            const TribField  *field,
                                            gint64           *items,
                                            GValue           *value,
                                            char            **message);

/* trib-plan-json-versions.c */
int              _trib_plan_json_peek_version  (const char       *data,
                                                gsize             length);
const TribField *_trib_plan_json_field_as_read (int               version,
                                                TribEntityClass  *klass,
                                                guint             field);
gboolean         _trib_plan_json_needs_upgrade (int               version,
                                                const TypeInfo   *type);
gboolean         _trib_plan_json_upgrade       (int               version,
                                                const TypeInfo   *type,
                                                GValue           *values,
                                                const char      **field,
                                                char            **message);

typedef struct _TribJsonImport TribJsonImport;

TribJsonImport *_trib_json_import_new   (const char      *data,
                                         gsize            length);
void            _trib_json_import_free  (TribJsonImport  *self);
void            _trib_json_import_set_mapped (TribJsonImport *self,
                                         gboolean         mapped);
gboolean        _trib_json_import_check (TribJsonImport  *self,
                                         GError         **error);
gboolean        _trib_json_import_write (TribJsonImport  *self,
                                         const char      *path,
                                         gboolean        *created,
                                         GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribJsonImport, _trib_json_import_free)

G_END_DECLS
