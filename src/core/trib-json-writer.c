/* trib-json-writer.c: canonical JSON text, written incrementally
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan exchange format is meant to live in git, so its text must depend
 * on nothing but the data: two-space indentation, one member per line, keys
 * sorted by bytes (the caller writes them in order; JsonNode objects are
 * sorted here), arrays of plain values on one line, minimal string escapes
 * and the shortest decimal form of each number that reads back the same.
 * JsonGenerator's layout is not specified, so it is not used.
 *
 * Text goes into a buffer that a flush function may empty now and then, so
 * a large plan can be written to a file without being held in memory.
 */
#define G_LOG_DOMAIN "trib-json-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trib-json-writer.h"

#define FLUSH_THRESHOLD (1 << 20)

typedef struct
{
  gboolean object;
  guint    count;
} Level;

struct _TribJsonWriter
{
  GString           *out;
  TribJsonFlushFunc  flush;
  gpointer           user_data;
  GArray            *levels;
  gboolean           after_key;
  GError            *error;
};

/* g_string_append_len() without its general case: most of the output goes
 * through here. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       length)
{
  if (G_LIKELY (out->len + length < out->allocated_len))
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, length);
}

static inline void
append_c (GString *out,
          char     c)
{
  append_len (out, &c, 1);
}

static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = '0' + (char) (u % 10);
      u /= 10;
    }
  while (u != 0);
  if (value < 0)
    *--p = '-';
  append_len (out, p, buf + sizeof buf - p);
}

/**
 * trib_json_append_string:
 *
 * Appends @value as a JSON string: quotes, backslashes and control
 * characters escaped, everything else (UTF-8 included) as it is.
 */
void
trib_json_append_string (GString    *out,
                         const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = value;
  const char *p;

  append_c (out, '"');
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char unicode[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        default:
          unicode[0] = '\\';
          unicode[1] = 'u';
          unicode[2] = '0';
          unicode[3] = '0';
          unicode[4] = hex[c >> 4];
          unicode[5] = hex[c & 0xf];
          unicode[6] = '\0';
          escape = unicode;
          break;
        }
      append_len (out, run, p - run);
      append_len (out, escape, strlen (escape));
      run = p + 1;
    }
  append_len (out, run, p - run);
  append_c (out, '"');
}

/**
 * trib_json_append_double:
 *
 * Appends the shortest of the 15, 16 and 17 significant digit forms of
 * @value that reads back as the same double. A whole number is written
 * without a fraction (200000), as JSON does not tell integers from reals.
 */
void
trib_json_append_double (GString *out,
                         double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* Validation keeps these out of a plan; JSON cannot express them. */
      g_string_append (out, "null");
      return;
    }
  if (value == 0)
    {
      /* Also -0, which would otherwise read back as the integer 0. */
      g_string_append_c (out, '0');
      return;
    }
  if (value > -1e15 && value < 1e15 && value == (double) (gint64) value)
    {
      /* Whole numbers below 10^15 print the same as %.15g would. */
      append_int (out, (gint64) value);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  append_len (out, buf, strlen (buf));
}

static void
indent (GString *out,
        guint    depth)
{
  static const char spaces[] = "                                                                ";

  for (guint n = depth * 2; n > 0;)
    {
      guint chunk = MIN (n, sizeof spaces - 1);
      append_len (out, spaces, chunk);
      n -= chunk;
    }
}

/* What comes before a value: a separator and a new line inside an array,
 * nothing after a key or at the top. */
static void
begin_value (TribJsonWriter *self)
{
  Level *level;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->levels->len == 0)
    return;
  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_assert (!level->object);
  if (level->count++ > 0)
    g_string_append_c (self->out, ',');
  g_string_append_c (self->out, '\n');
  indent (self->out, self->levels->len);
}

static void
push (TribJsonWriter *self,
      gboolean        object)
{
  Level level = { object, 0 };

  begin_value (self);
  g_string_append_c (self->out, object ? '{' : '[');
  g_array_append_val (self->levels, level);
}

static void
pop (TribJsonWriter *self,
     gboolean        object)
{
  Level level;

  g_return_if_fail (self->levels->len > 0);

  level = g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (level.object == object);
  g_array_set_size (self->levels, self->levels->len - 1);
  if (level.count > 0)
    {
      g_string_append_c (self->out, '\n');
      indent (self->out, self->levels->len);
    }
  g_string_append_c (self->out, object ? '}' : ']');
}

TribJsonWriter *
trib_json_writer_new (TribJsonFlushFunc flush,
                      gpointer          user_data)
{
  TribJsonWriter *self = g_new0 (TribJsonWriter, 1);

  self->out = g_string_sized_new (flush ? FLUSH_THRESHOLD + 4096 : 4096);
  self->flush = flush;
  self->user_data = user_data;
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return self;
}

void
trib_json_writer_free (TribJsonWriter *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->levels);
  g_clear_error (&self->error);
  g_free (self);
}

void
trib_json_writer_begin_object (TribJsonWriter *self)
{
  push (self, TRUE);
}

void
trib_json_writer_end_object (TribJsonWriter *self)
{
  pop (self, TRUE);
}

void
trib_json_writer_begin_array (TribJsonWriter *self)
{
  push (self, FALSE);
}

void
trib_json_writer_end_array (TribJsonWriter *self)
{
  pop (self, FALSE);
}

/**
 * trib_json_writer_key:
 *
 * Starts a member of the current object. Keys must come in byte order;
 * the writer does not sort what it is given.
 */
void
trib_json_writer_key (TribJsonWriter *self,
                      const char     *key)
{
  Level *level;

  g_return_if_fail (self->levels->len > 0 && !self->after_key);

  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (level->object);
  if (level->count++ > 0)
    g_string_append_c (self->out, ',');
  g_string_append_c (self->out, '\n');
  indent (self->out, self->levels->len);
  trib_json_append_string (self->out, key);
  append_len (self->out, ": ", 2);
  self->after_key = TRUE;
}

void
trib_json_writer_string (TribJsonWriter *self,
                         const char     *value)
{
  begin_value (self);
  trib_json_append_string (self->out, value ? value : "");
}

void
trib_json_writer_int (TribJsonWriter *self,
                      gint64          value)
{
  begin_value (self);
  append_int (self->out, value);
}

void
trib_json_writer_double (TribJsonWriter *self,
                         double          value)
{
  begin_value (self);
  trib_json_append_double (self->out, value);
}

void
trib_json_writer_bool (TribJsonWriter *self,
                       gboolean        value)
{
  begin_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
trib_json_writer_null (TribJsonWriter *self)
{
  begin_value (self);
  g_string_append (self->out, "null");
}

/**
 * trib_json_writer_int_array:
 *
 * Writes a list of integers on one line: `[1, 2, 3]`.
 */
void
trib_json_writer_int_array (TribJsonWriter *self,
                            const gint64   *values,
                            gsize           n_values)
{
  begin_value (self);
  g_string_append_c (self->out, '[');
  for (gsize i = 0; i < n_values; i++)
    {
      if (i > 0)
        append_len (self->out, ", ", 2);
      append_int (self->out, values[i]);
    }
  g_string_append_c (self->out, ']');
}

static void
append_scalar (GString  *out,
               JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      trib_json_append_string (out, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      append_int (out, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      trib_json_append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * trib_json_writer_node:
 *
 * Writes any JSON value: object members sorted by key, arrays of plain
 * values on one line, other arrays one element per line.
 */
void
trib_json_writer_node (TribJsonWriter *self,
                       JsonNode       *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add (keys, l->data);
      g_ptr_array_sort (keys, compare_strings);
      trib_json_writer_begin_object (self);
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);

          trib_json_writer_key (self, key);
          trib_json_writer_node (self, json_object_get_member (object, key));
        }
      trib_json_writer_end_object (self);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      gboolean plain = TRUE;

      for (guint i = 0; i < n && plain; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          plain = JSON_NODE_HOLDS_VALUE (element) || JSON_NODE_HOLDS_NULL (element);
        }
      if (plain)
        {
          begin_value (self);
          g_string_append_c (self->out, '[');
          for (guint i = 0; i < n; i++)
            {
              if (i > 0)
                append_len (self->out, ", ", 2);
              append_scalar (self->out, json_array_get_element (array, i));
            }
          g_string_append_c (self->out, ']');
          return;
        }
      trib_json_writer_begin_array (self);
      for (guint i = 0; i < n; i++)
        trib_json_writer_node (self, json_array_get_element (array, i));
      trib_json_writer_end_array (self);
    }
  else
    {
      begin_value (self);
      append_scalar (self->out, node);
    }
}

/**
 * trib_json_writer_maybe_flush:
 *
 * Hands the text written so far to the flush function once enough has
 * gathered. Returns %FALSE, with the flush function's error, if it failed.
 */
gboolean
trib_json_writer_maybe_flush (TribJsonWriter *self,
                              GError        **error)
{
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  if (self->flush == NULL || self->out->len < FLUSH_THRESHOLD)
    return TRUE;
  if (!self->flush (self->out->str, self->out->len, self->user_data, &self->error))
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  g_string_truncate (self->out, 0);
  return TRUE;
}

/**
 * trib_json_writer_finish:
 *
 * Ends the document with a new line. Without a flush function, returns the
 * whole text; with one, hands it the rest and returns an empty string.
 */
char *
trib_json_writer_finish (TribJsonWriter *self,
                         gsize          *length,
                         GError        **error)
{
  g_return_val_if_fail (self->out != NULL && self->levels->len == 0, NULL);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }
  g_string_append_c (self->out, '\n');
  if (self->flush != NULL)
    {
      if (!self->flush (self->out->str, self->out->len, self->user_data, error))
        return NULL;
      g_string_truncate (self->out, 0);
    }
  if (length)
    *length = self->out->len;
  /* The writer is spent: it gives its buffer away rather than copy it. */
  return g_string_free (g_steal_pointer (&self->out), FALSE);
}
