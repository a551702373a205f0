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

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-json-reader.h"

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

static TribJsonToken
fail_at (TribJsonReader *self,
         const char     *where,
         const char     *what)
{
  guint line = 1;

  for (const char *q = self->data; q < where;)
    {
      q = memchr (q, '\n', where - q);
      if (q == NULL)
        break;
      line++;
      q++;
    }
  if (self->error == NULL)
    self->error = g_strdup_printf (_("not valid JSON: %s (line %u)"), what, line);
  self->state = FAILED;
  return TRIB_JSON_TOKEN_ERROR;
}

static TribJsonToken
fail_unexpected (TribJsonReader *self)
{
  g_autofree char *what = NULL;

  if (self->p >= self->end)
    return fail_at (self, self->p, _("unexpected end of the document"));
  if (g_ascii_isprint (*self->p))
    what = g_strdup_printf (_("unexpected character “%c”"), *self->p);
  else
    what = g_strdup_printf (_("unexpected byte 0x%02x"), (guchar) *self->p);
  return fail_at (self, self->p, what);
}

static inline void
skip_space (TribJsonReader *self)
{
  const char *p = self->p;

  while (p < self->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  self->p = p;
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads \uXXXX at @p (after the backslash and u); -1 if malformed. */
static gint32
read_hex4 (const char *p,
           const char *end)
{
  gint32 value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);
      if (h < 0)
        return -1;
      value = value * 16 + h;
    }
  return value;
}

/* Length of the valid UTF-8 sequence at @p, or 0. Overlong forms,
 * surrogates and code points above U+10FFFF are refused. */
static inline guint
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  guint n;
  guchar lo = 0x80, hi = 0xbf;

  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c >= 0xe0 && c <= 0xef)
    {
      n = 3;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      n = 4;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;
  if ((gsize) (end - p) < n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return n;
}

/* Checks the string starting at the quote under self->p and steps over it. */
static gboolean
scan_string (TribJsonReader *self)
{
  const guchar *p = (const guchar *) self->p + 1;
  const guchar *end = (const guchar *) self->end;

  self->string_start = (const char *) p;
  self->string_escaped = FALSE;
  self->string_decoded = FALSE;

  for (;;)
    {
      guchar c;

      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (p >= end)
        {
          fail_at (self, (const char *) p, _("unterminated string"));
          return FALSE;
        }
      c = *p;
      if (c == '"')
        break;
      if (c == '\\')
        {
          gint32 u;

          self->string_escaped = TRUE;
          if (p + 1 >= end)
            {
              fail_at (self, (const char *) p, _("unterminated string"));
              return FALSE;
            }
          switch (p[1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              continue;
            case 'u':
              u = read_hex4 ((const char *) p + 2, (const char *) end);
              if (u >= 0xd800 && u <= 0xdbff)
                {
                  gint32 low = -1;
                  if (end - p >= 12 && p[6] == '\\' && p[7] == 'u')
                    low = read_hex4 ((const char *) p + 8, (const char *) end);
                  if (low < 0xdc00 || low > 0xdfff)
                    u = -1;
                  else
                    p += 6;
                }
              else if (u >= 0xdc00 && u <= 0xdfff)
                u = -1;
              if (u <= 0)
                {
                  fail_at (self, (const char *) p,
                           u == 0 ? _("a string holds \\u0000")
                                  : _("invalid \\u escape in a string"));
                  return FALSE;
                }
              p += 6;
              continue;
            default:
              fail_at (self, (const char *) p, _("invalid escape in a string"));
              return FALSE;
            }
        }
      if (c < 0x20)
        {
          fail_at (self, (const char *) p, _("control character in a string"));
          return FALSE;
        }
      {
        guint n = utf8_sequence (p, end);
        if (n == 0)
          {
            fail_at (self, (const char *) p, _("invalid UTF-8 in a string"));
            return FALSE;
          }
        p += n;
      }
    }
  self->string_end = (const char *) p;
  self->p = (const char *) p + 1;
  return TRUE;
}

/* Steps over a number; *integer tells whether it is read as an integer:
 * no fraction, no exponent, within 64 bits. */
static gboolean
scan_number (TribJsonReader *self,
             gboolean       *integer_out)
{
  const char *start = self->p;
  const char *p = start;
  const char *end = self->end;
  gboolean integer = TRUE, exponent = FALSE;
  guint digits = 0, fraction = 0;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    {
      p++;
      digits = 1;
    }
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      {
        p++;
        digits++;
      }
  else
    {
      fail_at (self, p, _("invalid number"));
      return FALSE;
    }
  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        {
          fail_at (self, p, _("invalid number"));
          return FALSE;
        }
      while (p < end && g_ascii_isdigit (*p))
        {
          p++;
          fraction++;
        }
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      exponent = TRUE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          fail_at (self, p, _("invalid number"));
          return FALSE;
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  self->p = p;
  *integer_out = integer;

  if (integer && digits <= 18)
    {
      gint64 value = 0;
      for (const char *q = *start == '-' ? start + 1 : start; q < p; q++)
        value = value * 10 + (*q - '0');
      self->int_value = *start == '-' ? -value : value;
      self->double_value = (double) self->int_value;
      return TRUE;
    }
  else if (!integer && !exponent && digits + fraction <= 15)
    {
      /* Up to 15 digits make an integer that a double holds exactly, as
       * it does powers of ten up to 10^22: their quotient, correctly
       * rounded, is then the very double that strtod() would find
       * (Clinger's fast path), without copying the number. */
      static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                       1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
      gint64 mantissa = 0;
      double value;

      for (const char *q = *start == '-' ? start + 1 : start; q < p; q++)
        if (*q != '.')
          mantissa = mantissa * 10 + (*q - '0');
      value = (double) mantissa / powers[fraction];
      self->double_value = *start == '-' ? -value : value;
      return TRUE;
    }
  else
    {
      g_autofree char *text = g_strndup (start, p - start);

      self->double_value = g_ascii_strtod (text, NULL);
      if (integer)
        {
          char *tail = NULL;
          gint64 value;

          errno = 0;
          value = g_ascii_strtoll (text, &tail, 10);
          if (errno == 0 && tail != NULL && *tail == '\0')
            {
              self->int_value = value;
              return TRUE;
            }
        }
      *integer_out = FALSE;
      return TRUE;
    }
}

static gboolean
scan_literal (TribJsonReader *self,
              const char     *word)
{
  gsize n = strlen (word);

  if ((gsize) (self->end - self->p) < n || memcmp (self->p, word, n) != 0)
    {
      fail_unexpected (self);
      return FALSE;
    }
  self->p += n;
  return TRUE;
}

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
      if (!scan_string (self))
        return TRIB_JSON_TOKEN_ERROR;
      after_value (self);
      return TRIB_JSON_TOKEN_STRING;
    case 't':
    case 'f':
      self->boolean_value = *self->p == 't';
      if (!scan_literal (self, self->boolean_value ? "true" : "false"))
        return TRIB_JSON_TOKEN_ERROR;
      after_value (self);
      return TRIB_JSON_TOKEN_BOOLEAN;
    case 'n':
      if (!scan_literal (self, "null"))
        return TRIB_JSON_TOKEN_ERROR;
      after_value (self);
      return TRIB_JSON_TOKEN_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        gboolean integer;

        if (!scan_number (self, &integer))
          return TRIB_JSON_TOKEN_ERROR;
        after_value (self);
        return integer ? TRIB_JSON_TOKEN_INT : TRIB_JSON_TOKEN_DOUBLE;
      }
    default:
      return fail_unexpected (self);
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
            return fail_unexpected (self);
          return TRIB_JSON_TOKEN_END;

        case EXPECT_VALUE_OR_END:
          if (self->p < self->end && *self->p == ']')
            return pop (self);
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (self->p >= self->end)
            {
              if (self->whole && self->depth == 0)
                return fail_at (self, self->p, _("the document is empty"));
              return fail_unexpected (self);
            }
          return next_value (self);

        case EXPECT_KEY_OR_END:
          if (self->p < self->end && *self->p == '}')
            return pop (self);
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          if (self->p >= self->end || *self->p != '"')
            return fail_unexpected (self);
          if (!scan_string (self))
            return TRIB_JSON_TOKEN_ERROR;
          skip_space (self);
          if (self->p >= self->end || *self->p != ':')
            return fail_unexpected (self);
          self->p++;
          self->state = EXPECT_VALUE;
          return TRIB_JSON_TOKEN_KEY;

        case EXPECT_COMMA_OR_END:
          if (self->p >= self->end)
            return fail_unexpected (self);
          if (*self->p == (self->stack[self->depth - 1] ? '}' : ']'))
            return pop (self);
          if (*self->p != ',')
            return fail_unexpected (self);
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

static void
decode_string (TribJsonReader *self)
{
  const char *p = self->string_start;
  const char *end = self->string_end;
  GString *s = self->string;

  g_string_truncate (s, 0);
  if (!self->string_escaped)
    {
      g_string_set_size (s, end - p);
      memcpy (s->str, p, end - p);
      return;
    }
  while (p < end)
    {
      const char *run = p;
      gunichar u;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (s, run, p - run);
      if (p >= end)
        break;
      switch (p[1])
        {
        case 'b': g_string_append_c (s, '\b'); p += 2; break;
        case 'f': g_string_append_c (s, '\f'); p += 2; break;
        case 'n': g_string_append_c (s, '\n'); p += 2; break;
        case 'r': g_string_append_c (s, '\r'); p += 2; break;
        case 't': g_string_append_c (s, '\t'); p += 2; break;
        case 'u':
          /* scan_string() checked the escape and its pair. */
          u = read_hex4 (p + 2, end);
          p += 6;
          if (u >= 0xd800 && u <= 0xdbff)
            {
              u = 0x10000 + ((u - 0xd800) << 10) + (read_hex4 (p + 2, end) - 0xdc00);
              p += 6;
            }
          g_string_append_unichar (s, u);
          break;
        default:
          g_string_append_c (s, p[1]);
          p += 2;
          break;
        }
    }
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
      decode_string (self);
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
