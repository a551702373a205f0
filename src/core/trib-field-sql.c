/* trib-field-sql.c: field values in SQLite columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts, numbers and booleans are stored as themselves, enumerations by
 * their nick, lists and maps as compact JSON.
 */
#define G_LOG_DOMAIN "trib-field"

#include "config.h"

#include <string.h>

#include "trib-field.h"
#include "trib-field-private.h"

/* SQL ------------------------------------------------------------------ */

/* Lists of integers are most of a plan file (52 weeks in every snapshot):
 * they are written and read here directly, in the compact JSON that
 * json_to_string() writes, rather than through a JsonNode per integer. */
static char *
intv_to_sql (GVariant *v)
{
  gsize n = 0;
  const gint64 *items = g_variant_get_fixed_array (v, &n, sizeof (gint64));
  /* At most 20 characters and a comma each: written in place, a GString
   * call per character and per number would be a good part of an import. */
  char *text = g_malloc (n * 21 + 3);
  char *out = text;

  *out++ = '[';
  for (gsize i = 0; i < n; i++)
    {
      char buf[24];
      char *p = buf + sizeof buf;
      guint64 u = items[i] < 0 ? -(guint64) items[i] : (guint64) items[i];

      if (i > 0)
        *out++ = ',';
      /* Weekly commits are mostly below 100. */
      if (items[i] >= 0 && u < 100)
        {
          if (u >= 10)
            *out++ = '0' + (char) (u / 10);
          *out++ = '0' + (char) (u % 10);
          continue;
        }
      do
        *--p = '0' + (char) (u % 10);
      while ((u /= 10) != 0);
      if (items[i] < 0)
        *--p = '-';
      memcpy (out, p, buf + sizeof buf - p);
      out += buf + sizeof buf - p;
    }
  *out++ = ']';
  *out = '\0';
  return text;
}

/* Reads what intv_to_sql() writes; FALSE for anything else, which then goes
 * through the JSON parser. */
static gboolean
intv_from_sql (const char *text,
               GValue     *value)
{
  g_autoptr(GArray) items = NULL;
  const char *p = text;
  guint n = 0, max = 1;

  if (*p++ != '[')
    return FALSE;
  for (const char *q = p; *q; q++)
    max += *q == ',';
  items = g_array_sized_new (FALSE, FALSE, sizeof (gint64), max);
  g_array_set_size (items, max);
  if (*p != ']')
    for (;;)
      {
        gboolean negative = *p == '-';
        gint64 i = 0;
        guint digits = 0;

        if (negative)
          p++;
        /* Up to 18 digits: no overflow; longer ones go the slow way. */
        for (; g_ascii_isdigit (*p) && digits < 18; p++, digits++)
          i = i * 10 + (*p - '0');
        if (digits == 0 || g_ascii_isdigit (*p) || n >= max)
          return FALSE;
        g_array_index (items, gint64, n++) = negative ? -i : i;
        if (*p == ']')
          break;
        if (*p++ != ',')
          return FALSE;
      }
  if (p[1] != '\0')
    return FALSE;
  g_value_init (value, G_TYPE_VARIANT);
  g_value_set_variant (value, g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, items->data,
                                                         n, sizeof (gint64)));
  return TRUE;
}

static char *
variant_to_sql (const TribField *field,
                GVariant        *v)
{
  g_autoptr(JsonNode) node = NULL;

  if (field->kind == TRIB_FIELD_INTV)
    return intv_to_sql (v);
  node = _trib_field_variant_to_json (field, v);
  return json_to_string (node, FALSE);
}

void
trib_field_bind (const TribField *field,
                 const GValue    *value,
                 sqlite3_stmt    *stmt,
                 int              index)
{
  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      {
        const char *s = g_value_get_string (value);
        if (s == NULL || s[0] == '\0')
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
      }
      break;
    case TRIB_FIELD_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;
    case TRIB_FIELD_DOUBLE:
      sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;
    case TRIB_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
        sqlite3_bind_text (stmt, index, ev ? ev->value_nick : "", -1, SQLITE_STATIC);
      }
      break;
    case TRIB_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case TRIB_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        if (v == NULL || v[0] == NULL)
          sqlite3_bind_null (stmt, index);
        else
          {
            GValue copy = G_VALUE_INIT;
            g_autoptr(JsonNode) node = NULL;
            g_value_init (&copy, G_TYPE_STRV);
            g_value_copy (value, &copy);
            node = trib_field_to_json (field, &copy);
            g_value_unset (&copy);
            sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
          }
      }
      break;
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      {
        GVariant *v = g_value_get_variant (value);
        if (v == NULL || g_variant_n_children (v) == 0)
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, variant_to_sql (field, v), -1, g_free);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
trib_field_from_column (const TribField *field,
                        sqlite3_stmt    *stmt,
                        int              column,
                        GValue          *value,
                        char           **message)
{
  int type = sqlite3_column_type (stmt, column);

  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      g_value_init (value, G_TYPE_STRING);
      if (type != SQLITE_NULL)
        g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
      return TRUE;
    case TRIB_FIELD_INT:
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, sqlite3_column_int (stmt, column));
      return TRUE;
    case TRIB_FIELD_DOUBLE:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, sqlite3_column_double (stmt, column));
      return TRUE;
    case TRIB_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
      return TRUE;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        const char *nick = (const char *) sqlite3_column_text (stmt, column);
        GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;
        if (ev == NULL)
          {
            trib_field_init_default (field, value);
            if (message)
              *message = g_strdup_printf ("unknown value “%s”", nick ? nick : "");
            return FALSE;
          }
        g_value_init (value, field->enum_type ());
        g_value_set_enum (value, ev->value);
        return TRUE;
      }
    case TRIB_FIELD_REF:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      return TRUE;
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      if (type == SQLITE_NULL)
        {
          trib_field_init_default (field, value);
          return TRUE;
        }
      else if (field->kind == TRIB_FIELD_INTV &&
               intv_from_sql ((const char *) sqlite3_column_text (stmt, column), value))
        {
          if (!trib_field_validate (field, value, message))
            {
              g_value_unset (value);
              trib_field_init_default (field, value);
              return FALSE;
            }
          return TRUE;
        }
      else
        {
          g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, column), NULL);
          if (node == NULL)
            {
              trib_field_init_default (field, value);
              if (message)
                *message = g_strdup ("malformed list");
              return FALSE;
            }
          if (!trib_field_from_json (field, node, value, message))
            {
              g_value_unset (value);
              trib_field_init_default (field, value);
              return FALSE;
            }
          return TRUE;
        }
    default:
      g_assert_not_reached ();
    }
}

