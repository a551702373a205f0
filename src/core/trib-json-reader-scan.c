/* trib-json-reader-scan.c: the tokens of JSON text, checked byte by byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strings (UTF-8 and escapes checked, decoded only when asked for),
 * numbers and literals, and where in the text a mistake is. The grammar
 * around them is in trib-json-reader.c.
 */
#define G_LOG_DOMAIN "trib-json-reader"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-json-reader-private.h"

TribJsonToken
_trib_json_reader_fail_at (TribJsonReader *self,
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

TribJsonToken
_trib_json_reader_fail_unexpected (TribJsonReader *self)
{
  g_autofree char *what = NULL;

  if (self->p >= self->end)
    return _trib_json_reader_fail_at (self, self->p, _("unexpected end of the document"));
  if (g_ascii_isprint (*self->p))
    what = g_strdup_printf (_("unexpected character “%c”"), *self->p);
  else
    what = g_strdup_printf (_("unexpected byte 0x%02x"), (guchar) *self->p);
  return _trib_json_reader_fail_at (self, self->p, what);
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
gboolean
_trib_json_reader_scan_string (TribJsonReader *self)
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
          _trib_json_reader_fail_at (self, (const char *) p, _("unterminated string"));
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
              _trib_json_reader_fail_at (self, (const char *) p, _("unterminated string"));
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
                  _trib_json_reader_fail_at (self, (const char *) p,
                           u == 0 ? _("a string holds \\u0000")
                                  : _("invalid \\u escape in a string"));
                  return FALSE;
                }
              p += 6;
              continue;
            default:
              _trib_json_reader_fail_at (self, (const char *) p, _("invalid escape in a string"));
              return FALSE;
            }
        }
      if (c < 0x20)
        {
          _trib_json_reader_fail_at (self, (const char *) p, _("control character in a string"));
          return FALSE;
        }
      {
        guint n = utf8_sequence (p, end);
        if (n == 0)
          {
            _trib_json_reader_fail_at (self, (const char *) p, _("invalid UTF-8 in a string"));
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
gboolean
_trib_json_reader_scan_number (TribJsonReader *self,
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
      _trib_json_reader_fail_at (self, p, _("invalid number"));
      return FALSE;
    }
  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        {
          _trib_json_reader_fail_at (self, p, _("invalid number"));
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
          _trib_json_reader_fail_at (self, p, _("invalid number"));
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

gboolean
_trib_json_reader_scan_literal (TribJsonReader *self,
                                const char     *word)
{
  gsize n = strlen (word);

  if ((gsize) (self->end - self->p) < n || memcmp (self->p, word, n) != 0)
    {
      _trib_json_reader_fail_unexpected (self);
      return FALSE;
    }
  self->p += n;
  return TRUE;
}

void
_trib_json_reader_decode_string (TribJsonReader *self)
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
