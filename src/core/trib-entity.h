/* trib-entity.h: base class of every entity of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trib-field.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ENTITY (trib_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (TribEntity, trib_entity, TRIB, ENTITY, GObject)

typedef struct _TribPlan TribPlan;

struct _TribEntityClass
{
  GObjectClass parent_class;

  const char      *table;        /* SQL table */
  const char      *json_key;     /* key of the array holding these entities in JSON */
  const char      *label;        /* "upstream", for people, marked N_() */
  const TribField *fields;
  guint            n_fields;
  GParamSpec     **pspecs;       /* one per field */
  int              parent_field; /* index of the PARENT reference, or -1 */
  int              title_field;  /* the field that names an entity for people */
  gboolean         lazy;         /* loaded per parent on demand (large histories) */
  /* A rule across fields (a scenario's assumptions depend on its model),
   * checked when an entity is added or changed and when a document is
   * imported. @values holds one value per field; on failure @field names
   * the field or path ("assumptions.conversion") and @message says why. */
  gboolean       (*check)        (const GValue * const *values,
                                  char               **field,
                                  char               **message);
  const int       *unique;       /* fields, ending with -1, that no two entities share
                                  * all at once (an investment's upstream and quarter);
                                  * the first is a reference */

  gpointer padding[6];
};

void             trib_entity_class_install_fields (TribEntityClass *klass,
                                                   const char      *table,
                                                   const char      *json_key,
                                                   const char      *label,
                                                   const TribField *fields,
                                                   guint            n_fields);
int              trib_entity_class_find_field     (TribEntityClass *klass,
                                                   const char      *name);

gint64           trib_entity_get_id               (TribEntity      *self);
TribPlan        *trib_entity_get_plan             (TribEntity      *self);
const GValue    *trib_entity_peek_value           (TribEntity      *self,
                                                   guint            field);
gboolean         trib_entity_set_value            (TribEntity      *self,
                                                   guint            field,
                                                   const GValue    *value,
                                                   GError         **error);
gboolean         trib_entity_set_from_text        (TribEntity      *self,
                                                   const char      *name,
                                                   const char      *text,
                                                   GError         **error);
char            *trib_entity_get_title            (TribEntity      *self);

const char      *trib_entity_get_string           (TribEntity      *self,
                                                   const char      *name);
int              trib_entity_get_int              (TribEntity      *self,
                                                   const char      *name);
double           trib_entity_get_double           (TribEntity      *self,
                                                   const char      *name);
gboolean         trib_entity_get_bool             (TribEntity      *self,
                                                   const char      *name);
int              trib_entity_get_enum             (TribEntity      *self,
                                                   const char      *name);
gint64           trib_entity_get_ref              (TribEntity      *self,
                                                   const char      *name);

gboolean         trib_entity_set_string           (TribEntity      *self,
                                                   const char      *name,
                                                   const char      *value,
                                                   GError         **error);
gboolean         trib_entity_set_int              (TribEntity      *self,
                                                   const char      *name,
                                                   int              value,
                                                   GError         **error);
gboolean         trib_entity_set_double           (TribEntity      *self,
                                                   const char      *name,
                                                   double           value,
                                                   GError         **error);
gboolean         trib_entity_set_bool             (TribEntity      *self,
                                                   const char      *name,
                                                   gboolean         value,
                                                   GError         **error);
gboolean         trib_entity_set_enum             (TribEntity      *self,
                                                   const char      *name,
                                                   int              value,
                                                   GError         **error);
gboolean         trib_entity_set_ref              (TribEntity      *self,
                                                   const char      *name,
                                                   gint64           value,
                                                   GError         **error);

G_END_DECLS

#ifdef TRIB_CORE_COMPILATION
#include "trib-entity-private.h"
#endif
