/* trib-field.h: declarative description of one field of a domain entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entity type describes its fields once, in a table of TribField. The
 * same table gives the GObject properties, the SQL columns, the JSON keys and
 * the validation rules, so the store, the JSON exchange and the editors can
 * never disagree about what a field is.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#ifdef TRIB_CORE_COMPILATION
#include <sqlite3.h>
#endif

#include "trib-dates.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_FIELD_STRING,   /* one line of text */
  TRIB_FIELD_TEXT,     /* several lines of text */
  TRIB_FIELD_URL,      /* http(s) address or empty */
  TRIB_FIELD_DATE,     /* YYYY-MM-DD or empty */
  TRIB_FIELD_DATETIME, /* ISO 8601 in UTC (YYYY-MM-DDTHH:MM:SSZ) or empty */
  TRIB_FIELD_QUARTER,  /* YYYY-Qn or empty */
  TRIB_FIELD_INT,
  TRIB_FIELD_DOUBLE,
  TRIB_FIELD_BOOL,
  TRIB_FIELD_ENUM,     /* stored and exchanged as the value's nick */
  TRIB_FIELD_REF,      /* id of another entity, 0 for none */
  TRIB_FIELD_STRV,     /* list of strings */
  TRIB_FIELD_INTV,     /* list of integers (GVariant "ax") */
  TRIB_FIELD_DICT,     /* map of names to numbers (GVariant "a{sd}") */
} TribFieldKind;

typedef enum
{
  TRIB_FIELD_REQUIRED = 1 << 0, /* must be present in JSON; strings must not be empty */
  TRIB_FIELD_PARENT   = 1 << 1, /* REF to the owner: the entity nests in it in JSON */
  TRIB_FIELD_INTERNAL = 1 << 2, /* kept in the plan file, never exported */
} TribFieldFlags;

typedef enum
{
  TRIB_REF_CASCADE,  /* removing the target removes this entity */
  TRIB_REF_SET_NULL, /* removing the target clears this reference */
} TribRefAction;

typedef struct
{
  const char    *name;       /* SQL column and JSON key, snake_case */
  TribFieldKind  kind;
  const char    *label;      /* for people, marked with N_() */
  guint          flags;
  double         min;        /* numeric range; for text kinds, min is unused */
  double         max;        /* numeric range; for text kinds, maximum length in characters */
  double         def;        /* numeric and boolean default */
  const char    *def_string; /* default of text kinds, nick of the default enum value */
  GType        (*enum_type) (void);
  GType        (*ref_type) (void);
  TribRefAction  on_delete;
  /* An extra rule for a text kind: a value must pass check(), rule says
   * what it wants in the words of an error message ("a three-letter
   * currency code such as EUR", marked N_()), and normalize() turns what a
   * person typed into the stored form (or returns NULL). */
  gboolean     (*check)     (const char *text);
  const char    *rule;
  char        *(*normalize) (const char *text);
  /* The version of the JSON document that added the field (see
   * trib-plan-json-versions.c); 0 for fields of version 1. Older documents
   * do not have it: it takes its default there. */
  int            since;
} TribField;

GType     trib_field_value_type     (const TribField *field);
void      trib_field_init_default   (const TribField *field,
                                     GValue          *value);
GParamSpec *trib_field_param_spec   (const TribField *field);
gboolean  trib_field_validate       (const TribField *field,
                                     const GValue    *value,
                                     char           **message);
gboolean  trib_field_values_equal   (const TribField *field,
                                     const GValue    *a,
                                     const GValue    *b);
char     *trib_field_describe_range (const TribField *field);

JsonNode *trib_field_to_json        (const TribField *field,
                                     const GValue    *value);
gboolean  trib_field_from_json      (const TribField *field,
                                     JsonNode        *node,
                                     GValue          *value,
                                     char           **message);

#ifdef TRIB_CORE_COMPILATION
/* The store's (trib-field-sql.c): only core sees SQLite. */
void      trib_field_bind           (const TribField *field,
                                     const GValue    *value,
                                     sqlite3_stmt    *stmt,
                                     int              index);
gboolean  trib_field_from_column    (const TribField *field,
                                     sqlite3_stmt    *stmt,
                                     int              column,
                                     GValue          *value,
                                     char           **message);
#endif

char     *trib_field_to_display     (const TribField *field,
                                     const GValue    *value);
gboolean  trib_field_parse_text     (const TribField *field,
                                     const char      *text,
                                     GValue          *value,
                                     char           **message);


G_END_DECLS
