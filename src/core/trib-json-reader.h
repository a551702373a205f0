/* trib-json-reader.h: a strict, streaming JSON tokenizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_JSON_MAX_DEPTH 64

typedef enum
{
  TRIB_JSON_TOKEN_ERROR,
  TRIB_JSON_TOKEN_END,          /* the document (or the value read) is complete */
  TRIB_JSON_TOKEN_BEGIN_OBJECT,
  TRIB_JSON_TOKEN_END_OBJECT,
  TRIB_JSON_TOKEN_BEGIN_ARRAY,
  TRIB_JSON_TOKEN_END_ARRAY,
  TRIB_JSON_TOKEN_KEY,          /* a member name; its value comes next */
  TRIB_JSON_TOKEN_STRING,
  TRIB_JSON_TOKEN_INT,          /* a number without fraction or exponent that fits 64 bits */
  TRIB_JSON_TOKEN_DOUBLE,
  TRIB_JSON_TOKEN_BOOLEAN,
  TRIB_JSON_TOKEN_NULL,
} TribJsonToken;

typedef struct _TribJsonReader TribJsonReader;

TribJsonReader *trib_json_reader_new            (const char     *data,
                                                 gsize           length);
TribJsonReader *trib_json_reader_new_at         (const char     *data,
                                                 gsize           length,
                                                 gsize           offset);
void            trib_json_reader_free           (TribJsonReader *self);

TribJsonToken   trib_json_reader_next           (TribJsonReader *self);
gboolean        trib_json_reader_skip           (TribJsonReader *self);
gboolean        trib_json_reader_skip_to_depth  (TribJsonReader *self,
                                                 guint           depth);
gboolean        trib_json_reader_read_integers  (TribJsonReader *self,
                                                 gint64         *items,
                                                 guint           max,
                                                 guint          *n_items);

guint           trib_json_reader_get_depth      (TribJsonReader *self);
gsize           trib_json_reader_get_position   (TribJsonReader *self);
const char     *trib_json_reader_get_string     (TribJsonReader *self);
const char     *trib_json_reader_get_raw_string (TribJsonReader *self,
                                                 gsize          *length);
gboolean        trib_json_reader_string_is_long (TribJsonReader *self);
gint64          trib_json_reader_get_int        (TribJsonReader *self);
double          trib_json_reader_get_double     (TribJsonReader *self);
gboolean        trib_json_reader_get_boolean    (TribJsonReader *self);

const char     *trib_json_reader_get_error      (TribJsonReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribJsonReader, trib_json_reader_free)

G_END_DECLS
