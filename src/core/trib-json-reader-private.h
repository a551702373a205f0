/* trib-json-reader-private.h: what the reader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-json-reader.h"

G_BEGIN_DECLS

/* Longer than any text a plan may hold, even at four bytes a character. */
#define LONG_STRING (1 << 20)

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END,  /* just after [ */
  EXPECT_KEY,           /* after , in an object */
  EXPECT_KEY_OR_END,    /* just after { */
  EXPECT_COMMA_OR_END,
  EXPECT_NOTHING,       /* the value is complete */
  FAILED,
} State;

struct _TribJsonReader
{
  const char *data;
  const char *end;
  const char *p;
  gboolean    whole;      /* text after the value is an error */
  State       state;
  guint       depth;
  gboolean    stack[TRIB_JSON_MAX_DEPTH]; /* TRUE for an object */

  const char *string_start; /* raw text of the last string or key, without quotes */
  const char *string_end;
  gboolean    string_escaped;
  GString    *string;
  gboolean    string_decoded;
  gint64      int_value;
  double      double_value;
  gboolean    boolean_value;

  char       *error;
};

static inline void
skip_space (TribJsonReader *self)
{
  const char *p = self->p;

  while (p < self->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  self->p = p;
}

TribJsonToken _trib_json_reader_fail_at         (TribJsonReader *self,
                                                 const char     *where,
                                                 const char     *what);
TribJsonToken _trib_json_reader_fail_unexpected (TribJsonReader *self);
gboolean      _trib_json_reader_scan_string     (TribJsonReader *self);
gboolean      _trib_json_reader_scan_number     (TribJsonReader *self,
                                                 gboolean       *integer_out);
gboolean      _trib_json_reader_scan_literal    (TribJsonReader *self,
                                                 const char     *word);
void          _trib_json_reader_decode_string   (TribJsonReader *self);

G_END_DECLS
