/* trib-json-reader.c: a strict, streaming JSON tokenizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan import reads documents of tens of megabytes that may come from
 * anywhere. JsonParser builds a tree of the whole document (hundreds of
 * megabytes for a large plan, several seconds) and recurses once per level
 * of nesting, so a hostile document of a million brackets overflows the
 * stack. This reader hands out one token at a time, keeps its nesting on a
 * fixed stack of TRIB_JSON_MAX_DEPTH levels, follows RFC 8259 strictly
 * (UTF-8 checked, no trailing commas, no comments) and copies a string only
 * when it is asked for, and never one longer than LONG_STRING bytes: a
 * 100 MB string is scanned, never copied.
 */
#define G_LOG_DOMAIN "trib-json-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-json-reader-private.h"

static void
after_value (TribJsonReader *self)
{
  self->state = self->depth == 0 ? EXPECT_NOTHING : EXPECT_COMMA_OR_END;
}

static TribJsonToken
push (TribJsonReader *self,
      gboolean        object)
{
  if (self->depth >= TRIB_JSON_MAX_DEPTH)
    {
      if (self->error == NULL)
        self->error = g_strdup_printf (_("nested deeper than %d levels"), TRIB_JSON_MAX_DEPTH);
      self->state = FAILED;
      return TRIB_JSON_TOKEN_ERROR;
    }
  self->stack[self->depth++] = object;
  self->p++;
  self->state = object ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
  return object ? TRIB_JSON_TOKEN_BEGIN_OBJECT : TRIB_JSON_TOKEN_BEGIN_ARRAY;
}

static TribJsonToken
pop (TribJsonReader *self)
{
  gboolean object = self->stack[--self->depth];

  self->p++;
  after_value (self);
  return object ? TRIB_JSON_TOKEN_END_OBJECT : TRIB_JSON_TOKEN_END_ARRAY;
}

static TribJsonToken
next_value (TribJsonReader *self)
{
  switch (*self->p)
    {
    case '{':
      return push (self, TRUE);
    case '[':
      return push (self, FALSE);
    case '"':
      if (!_trib_json_reader_scan_string (self))
        return TRIB_JSON_TOKEN_ERROR;
      after_value (self);
      return TRIB_JSON_TOKEN_STRING;
    case 't':
    case 'f':
      self->boolean_value = *self->p == 't';
      if (!_trib_json_reader_scan_literal (self, self->boolean_value ? "true" : "false"))
        return TRIB_JSON_TOKEN_ERROR;
      after_value (self);
      return TRIB_JSON_TOKEN_BOOLEAN;
    case 'n':
      if (!_trib_json_reader_scan_literal (self, "null"))
        return TRIB_JSON_TOKEN_ERROR;
      after_value (self);
      return TRIB_JSON_TOKEN_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        gboolean integer;

        if (!_trib_json_reader_scan_number (self, &integer))
          return TRIB_JSON_TOKEN_ERROR;
        after_value (self);
        return integer ? TRIB_JSON_TOKEN_INT : TRIB_JSON_TOKEN_DOUBLE;
      }
    default:
      return _trib_json_reader_fail_unexpected (self);
    }
}

static TribJsonReader *
reader_new (const char *data,
            gsize       length,
            gsize       offset,
            gboolean    whole)
{
  TribJsonReader *self = g_new0 (TribJsonReader, 1);

  g_return_val_if_fail (offset <= length, self);

  self->data = data;
  self->end = data + length;
  self->p = data + offset;
  self->whole = whole;
  self->state = EXPECT_VALUE;
  self->string = g_string_new (NULL);
  return self;
}

/**
 * trib_json_reader_new:
 *
 * Reads the document @data, which must hold exactly one value.
 */
TribJsonReader *
trib_json_reader_new (const char *data,
                      gsize       length)
{
  TribJsonReader *self = reader_new (data, length, 0, TRUE);

  /* A byte order mark is not JSON, but editors write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->p += 3;
  return self;
}

/**
 * trib_json_reader_new_at:
 *
 * Reads the one value that starts at @offset of @data (found by an earlier
 * reading of the whole document) and stops after it.
 */
TribJsonReader *
trib_json_reader_new_at (const char *data,
                         gsize       length,
                         gsize       offset)
{
  return reader_new (data, length, offset, FALSE);
}

void
trib_json_reader_free (TribJsonReader *self)
{
  if (self == NULL)
    return;
  g_string_free (self->string, TRUE);
  g_free (self->error);
  g_free (self);
}

/**
 * trib_json_reader_next:
 *
 * Returns: the next token. After %TRIB_JSON_TOKEN_ERROR or
 * %TRIB_JSON_TOKEN_END, every call returns the same.
 */
TribJsonToken
trib_json_reader_next (TribJsonReader *self)
{
  for (;;)
    {
      skip_space (self);

      switch (self->state)
        {
        case FAILED:
          return TRIB_JSON_TOKEN_ERROR;

        case EXPECT_NOTHING:
          if (self->whole && self->p < self->end)
            return _trib_json_reader_fail_unexpected (self);
          return TRIB_JSON_TOKEN_END;

        case EXPECT_VALUE_OR_END:
          if (self->p < self->end && *self->p == ']')
            return pop (self);
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (self->p >= self->end)
            {
              if (self->whole && self->depth == 0)
                return _trib_json_reader_fail_at (self, self->p, _("the document is empty"));
              return _trib_json_reader_fail_unexpected (self);
            }
          return next_value (self);

        case EXPECT_KEY_OR_END:
          if (self->p < self->end && *self->p == '}')
            return pop (self);
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          if (self->p >= self->end || *self->p != '"')
            return _trib_json_reader_fail_unexpected (self);
          if (!_trib_json_reader_scan_string (self))
            return TRIB_JSON_TOKEN_ERROR;
          skip_space (self);
          if (self->p >= self->end || *self->p != ':')
            return _trib_json_reader_fail_unexpected (self);
          self->p++;
          self->state = EXPECT_VALUE;
          return TRIB_JSON_TOKEN_KEY;

        case EXPECT_COMMA_OR_END:
          if (self->p >= self->end)
            return _trib_json_reader_fail_unexpected (self);
          if (*self->p == (self->stack[self->depth - 1] ? '}' : ']'))
            return pop (self);
          if (*self->p != ',')
            return _trib_json_reader_fail_unexpected (self);
          self->p++;
          self->state = self->stack[self->depth - 1] ? EXPECT_KEY : EXPECT_VALUE;
          continue;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * trib_json_reader_read_integers:
 * @items: (array length=max): where the integers go
 * @max: how many to take at most
 * @n_items: (inout): how many are in @items
 *
 * Called just after the start of an array: reads it to its end when it
 * holds nothing but integers (at most @max), much faster than token by
 * token. Otherwise stops before the first value it does not take, and
 * returns %FALSE; reading then goes on with trib_json_reader_next().
 */
gboolean
trib_json_reader_read_integers (TribJsonReader *self,
                                gint64         *items,
                                guint           max,
                                guint          *n_items)
{
  g_return_val_if_fail (self->state == EXPECT_VALUE_OR_END || self->state == EXPECT_VALUE, FALSE);

  for (;;)
    {
      const char *q, *first;
      gboolean negative;
      gint64 value = 0;
      guint digits = 0;

      skip_space (self);
      q = self->p;
      if (q < self->end && *q == ']' && self->state == EXPECT_VALUE_OR_END)
        {
          pop (self);
          return TRUE;
        }
      negative = q < self->end && *q == '-';
      if (negative)
        q++;
      first = q;
      for (; q < self->end && g_ascii_isdigit (*q) && digits < 18; q++, digits++)
        value = value * 10 + (*q - '0');
      /* Anything unusual (leading zeros, fractions, big numbers, the end of
       * the data) is left to the tokenizer, which knows the rules. */
      if (digits == 0 || *n_items >= max || (digits > 1 && *first == '0') ||
          (q < self->end && (g_ascii_isdigit (*q) || *q == '.' || *q == 'e' || *q == 'E')))
        return FALSE;
      items[(*n_items)++] = negative ? -value : value;
      self->p = q;
      self->state = EXPECT_COMMA_OR_END;

      skip_space (self);
      if (self->p < self->end && *self->p == ']')
        {
          pop (self);
          return TRUE;
        }
      if (self->p >= self->end || *self->p != ',')
        return FALSE;
      self->p++;
      self->state = EXPECT_VALUE;
    }
}

/**
 * trib_json_reader_skip_to_depth:
 *
 * Reads on until the reader is back at nesting @depth, that is until the
 * containers opened deeper are all closed.
 */
gboolean
trib_json_reader_skip_to_depth (TribJsonReader *self,
                                guint           depth)
{
  while (self->depth > depth)
    if (trib_json_reader_next (self) == TRIB_JSON_TOKEN_ERROR)
      return FALSE;
  return self->state != FAILED;
}

/**
 * trib_json_reader_skip:
 *
 * Called after the first token of a value: reads to the end of the value
 * (does nothing more for a plain value).
 */
gboolean
trib_json_reader_skip (TribJsonReader *self)
{
  if (self->state == FAILED)
    return FALSE;
  if (self->state == EXPECT_KEY_OR_END || self->state == EXPECT_VALUE_OR_END)
    return trib_json_reader_skip_to_depth (self, self->depth - 1);
  return TRUE;
}

guint
trib_json_reader_get_depth (TribJsonReader *self)
{
  return self->depth;
}

/* Where reading goes on, in bytes: after a key, where its value starts
 * (give or take white space), for trib_json_reader_new_at(). */
gsize
trib_json_reader_get_position (TribJsonReader *self)
{
  return self->p - self->data;
}

/* Whether the last string or key is too long to be asked for. */
gboolean
trib_json_reader_string_is_long (TribJsonReader *self)
{
  return self->string_end - self->string_start > LONG_STRING;
}

/**
 * trib_json_reader_get_raw_string:
 * @length: (out): its length in bytes
 *
 * Returns: the last key or string as it is in the data, without quotes and
 * not nul-terminated, or %NULL when it holds escapes (and must be decoded).
 */
const char *
trib_json_reader_get_raw_string (TribJsonReader *self,
                                 gsize          *length)
{
  if (self->string_escaped)
    return NULL;
  *length = self->string_end - self->string_start;
  return self->string_start;
}

/**
 * trib_json_reader_get_string:
 *
 * Returns: the last key or string, decoded, or %NULL if it is too long to
 * be copied (see trib_json_reader_string_is_long()). Valid until the next
 * call to trib_json_reader_next().
 */
const char *
trib_json_reader_get_string (TribJsonReader *self)
{
  if (trib_json_reader_string_is_long (self))
    return NULL;
  if (!self->string_decoded)
    {
      _trib_json_reader_decode_string (self);
      self->string_decoded = TRUE;
    }
  return self->string->str;
}

gint64
trib_json_reader_get_int (TribJsonReader *self)
{
  return self->int_value;
}

/* The last number, integer or not. */
double
trib_json_reader_get_double (TribJsonReader *self)
{
  return self->double_value;
}

gboolean
trib_json_reader_get_boolean (TribJsonReader *self)
{
  return self->boolean_value;
}

/* Why the document was refused, for people; %NULL if it was not. */
const char *
trib_json_reader_get_error (TribJsonReader *self)
{
  return self->error;
}
