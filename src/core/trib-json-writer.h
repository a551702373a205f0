/* trib-json-writer.h: canonical JSON text, written incrementally
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _TribJsonWriter TribJsonWriter;

/* Receives the text written so far; the writer then empties its buffer. */
typedef gboolean (*TribJsonFlushFunc) (const char *text,
                                       gsize       length,
                                       gpointer    user_data,
                                       GError    **error);

TribJsonWriter *trib_json_writer_new          (TribJsonFlushFunc  flush,
                                               gpointer           user_data);
void            trib_json_writer_free         (TribJsonWriter    *self);

void            trib_json_writer_begin_object (TribJsonWriter    *self);
void            trib_json_writer_end_object   (TribJsonWriter    *self);
void            trib_json_writer_begin_array  (TribJsonWriter    *self);
void            trib_json_writer_end_array    (TribJsonWriter    *self);
void            trib_json_writer_key          (TribJsonWriter    *self,
                                               const char        *key);

void            trib_json_writer_string       (TribJsonWriter    *self,
                                               const char        *value);
void            trib_json_writer_int          (TribJsonWriter    *self,
                                               gint64             value);
void            trib_json_writer_double       (TribJsonWriter    *self,
                                               double             value);
void            trib_json_writer_bool         (TribJsonWriter    *self,
                                               gboolean           value);
void            trib_json_writer_null         (TribJsonWriter    *self);
void            trib_json_writer_int_array    (TribJsonWriter    *self,
                                               const gint64      *values,
                                               gsize              n_values);
void            trib_json_writer_node         (TribJsonWriter    *self,
                                               JsonNode          *node);

gboolean        trib_json_writer_maybe_flush  (TribJsonWriter    *self,
                                               GError           **error);
char           *trib_json_writer_finish       (TribJsonWriter    *self,
                                               gsize             *length,
                                               GError           **error);

void            trib_json_append_string       (GString           *out,
                                               const char        *value);
void            trib_json_append_double       (GString           *out,
                                               double             value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribJsonWriter, trib_json_writer_free)

G_END_DECLS
