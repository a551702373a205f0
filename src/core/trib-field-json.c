/* trib-field-json.c: entity fields as JSON, as shown and as typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-field"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-field.h"
#include "trib-field-private.h"
#include "trib-rules.h"

/* JSON ----------------------------------------------------------------- */

JsonNode *
_trib_field_variant_to_json (const TribField *field,
                 GVariant        *v)
{
  JsonNode *node;

  if (field->kind == TRIB_FIELD_INTV)
    {
      JsonArray *array = json_array_new ();
      gsize n = 0;
      const gint64 *items = v ? g_variant_get_fixed_array (v, &n, sizeof (gint64)) : NULL;
      for (gsize i = 0; i < n; i++)
        json_array_add_int_element (array, items[i]);
      /* json_node_init_array() takes a reference of its own. */
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  else
    {
      JsonObject *object = json_object_new ();
      GVariantIter iter;
      const char *key;
      double d;
      if (v != NULL)
        {
          g_variant_iter_init (&iter, v);
          while (g_variant_iter_next (&iter, "{&sd}", &key, &d))
            json_object_set_double_member (object, key, d);
        }
      node = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      return node;
    }
}

JsonNode *
trib_field_to_json (const TribField *field,
                    const GValue    *value)
{
  JsonNode *node = json_node_alloc ();

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
        return json_node_init_string (node, s ? s : "");
      }
    case TRIB_FIELD_INT:
      return json_node_init_int (node, g_value_get_int (value));
    case TRIB_FIELD_DOUBLE:
      return json_node_init_double (node, g_value_get_double (value));
    case TRIB_FIELD_BOOL:
      return json_node_init_boolean (node, g_value_get_boolean (value));
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
        return json_node_init_string (node, ev ? ev->value_nick : "");
      }
    case TRIB_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        return json_node_init_null (node);
      return json_node_init_int (node, g_value_get_int64 (value));
    case TRIB_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        JsonArray *array = json_array_new ();
        for (guint i = 0; v && v[i]; i++)
          json_array_add_string_element (array, v[i]);
        json_node_init_array (node, array);
        json_array_unref (array);
        return node;
      }
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      json_node_unref (node);
      return _trib_field_variant_to_json (field, g_value_get_variant (value));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
node_is_integer (JsonNode *node,
                 gint64   *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  return FALSE;
}

static gboolean
node_is_number (JsonNode *node,
                double   *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

gboolean
trib_field_from_json (const TribField *field,
                      JsonNode        *node,
                      GValue          *value,
                      char           **message)
{
  g_value_init (value, trib_field_value_type (field));

  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return _trib_field_fail_expected (field, message);
      {
        const char *s = json_node_get_string (node);
        /* A 100 MB string is refused before it is copied. */
        if (strlen (s) > 4 * (gsize) _trib_field_text_max (field))
          return _trib_field_fail_expected (field, message);
        g_value_set_string (value, s[0] ? s : NULL);
      }
      break;
    case TRIB_FIELD_INT:
      {
        gint64 i;
        if (!node_is_integer (node, &i) || i < G_MININT || i > G_MAXINT)
          return _trib_field_fail_expected (field, message);
        g_value_set_int (value, (int) i);
      }
      break;
    case TRIB_FIELD_DOUBLE:
      {
        double d;
        if (!node_is_number (node, &d))
          return _trib_field_fail_expected (field, message);
        g_value_set_double (value, d);
      }
      break;
    case TRIB_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return _trib_field_fail_expected (field, message);
      g_value_set_boolean (value, json_node_get_boolean (node));
      break;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev;
        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
          return _trib_field_fail_expected (field, message);
        ev = g_enum_get_value_by_nick (klass, json_node_get_string (node));
        if (ev == NULL)
          return _trib_field_fail_expected (field, message);
        g_value_set_enum (value, ev->value);
      }
      break;
    case TRIB_FIELD_REF:
      {
        gint64 i;
        if (JSON_NODE_HOLDS_NULL (node))
          g_value_set_int64 (value, 0);
        else if (node_is_integer (node, &i) && i > 0)
          g_value_set_int64 (value, i);
        else
          return _trib_field_fail_expected (field, message);
      }
      break;
    case TRIB_FIELD_STRV:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) strv = g_ptr_array_new ();
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return _trib_field_fail_expected (field, message);
        array = json_node_get_array (node);
        if (json_array_get_length (array) > LIST_MAX)
          return _trib_field_fail_expected (field, message);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
                strlen (json_node_get_string (item)) > 4 * DEFAULT_STRING_MAX)
              return _trib_field_fail_expected (field, message);
            g_ptr_array_add (strv, (gpointer) json_node_get_string (item));
          }
        g_ptr_array_add (strv, NULL);
        g_value_set_boxed (value, strv->pdata);
      }
      break;
    case TRIB_FIELD_INTV:
      {
        JsonArray *array;
        g_autofree gint64 *items = NULL;
        guint n;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return _trib_field_fail_expected (field, message);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        if (n > LIST_MAX)
          return _trib_field_fail_expected (field, message);
        items = g_new0 (gint64, MAX (n, 1));
        for (guint i = 0; i < n; i++)
          if (!node_is_integer (json_array_get_element (array, i), &items[i]))
            return _trib_field_fail_expected (field, message);
        g_value_set_variant (value, g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, items, n,
                                                               sizeof (gint64)));
      }
      break;
    case TRIB_FIELD_DICT:
      {
        JsonObject *object;
        GVariantBuilder builder;
        g_autoptr(GList) members = NULL;
        if (!JSON_NODE_HOLDS_OBJECT (node))
          return _trib_field_fail_expected (field, message);
        object = json_node_get_object (node);
        if (json_object_get_size (object) > LIST_MAX)
          return _trib_field_fail_expected (field, message);
        members = json_object_get_members (object);
        members = g_list_sort (members, (GCompareFunc) g_strcmp0);
        g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
        for (GList *l = members; l; l = l->next)
          {
            double d;
            if (strlen (l->data) > 100 ||
                !node_is_number (json_object_get_member (object, l->data), &d))
              {
                g_variant_builder_clear (&builder);
                return _trib_field_fail_expected (field, message);
              }
            g_variant_builder_add (&builder, "{sd}", (const char *) l->data, d);
          }
        g_value_set_variant (value, g_variant_builder_end (&builder));
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return trib_field_validate (field, value, message);
}

/* Display -------------------------------------------------------------- */

char *
trib_field_to_display (const TribField *field,
                       const GValue    *value)
{
  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
    case TRIB_FIELD_INT:
      return g_strdup_printf ("%d", g_value_get_int (value));
    case TRIB_FIELD_DOUBLE:
      return g_strdup_printf ("%g", g_value_get_double (value));
    case TRIB_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
        return g_strdup (ev ? ev->value_nick : "");
      }
    case TRIB_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case TRIB_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        return v ? g_strjoinv (", ", (char **) v) : g_strdup ("");
      }
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      {
        g_autoptr(JsonNode) node = trib_field_to_json (field, value);
        return json_to_string (node, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * trib_field_parse_text:
 *
 * Reads a value of @field typed by a person (an entry in an editor) and
 * validates it. Lists are separated by commas.
 */
gboolean
trib_field_parse_text (const TribField *field,
                       const char      *text,
                       GValue          *value,
                       char           **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      g_value_init (value, G_TYPE_STRING);
      if (stripped[0] != '\0' && field->normalize != NULL)
        {
          char *normal = field->normalize (stripped);

          /* What cannot be normalised is kept, and refused below. */
          if (normal != NULL)
            g_value_take_string (value, normal);
          else
            g_value_set_string (value, stripped);
        }
      else if (stripped[0] != '\0' && field->kind == TRIB_FIELD_URL)
        g_value_take_string (value, trib_url_complete (stripped));
      else
        g_value_set_string (value, stripped[0] ? (field->kind == TRIB_FIELD_TEXT ? text : stripped) : NULL);
      break;
    case TRIB_FIELD_INT:
      {
        gint64 i;
        g_value_init (value, G_TYPE_INT);
        if (!g_ascii_string_to_signed (stripped, 10, G_MININT, G_MAXINT, &i, NULL))
          return _trib_field_fail_expected (field, message);
        g_value_set_int (value, (int) i);
      }
      break;
    case TRIB_FIELD_DOUBLE:
      {
        char *end = NULL;
        double d;
        g_value_init (value, G_TYPE_DOUBLE);
        g_strdelimit (stripped, ",", '.');
        d = g_ascii_strtod (stripped, &end);
        if (stripped[0] == '\0' || end == NULL || *end != '\0')
          return _trib_field_fail_expected (field, message);
        g_value_set_double (value, d);
      }
      break;
    case TRIB_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, g_strcmp0 (stripped, "true") == 0 || g_strcmp0 (stripped, "1") == 0);
      break;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev = g_enum_get_value_by_nick (klass, stripped);
        g_value_init (value, field->enum_type ());
        if (ev == NULL)
          return _trib_field_fail_expected (field, message);
        g_value_set_enum (value, ev->value);
      }
      break;
    case TRIB_FIELD_REF:
      {
        guint64 i = 0;
        g_value_init (value, G_TYPE_INT64);
        if (stripped[0] && !g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT64, &i, NULL))
          return _trib_field_fail_expected (field, message);
        g_value_set_int64 (value, (gint64) i);
      }
      break;
    case TRIB_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_strsplit (stripped, ",", -1);
        g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
        for (guint i = 0; parts[i]; i++)
          {
            char *p = g_strstrip (parts[i]);
            if (*p)
              g_ptr_array_add (out, g_strdup (p));
          }
        g_ptr_array_add (out, NULL);
        g_value_init (value, G_TYPE_STRV);
        g_value_set_boxed (value, out->pdata);
      }
      break;
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      {
        g_autoptr(JsonNode) node = json_from_string (stripped[0] ? stripped : (field->kind == TRIB_FIELD_INTV ? "[]" : "{}"), NULL);
        if (node == NULL)
          {
            g_value_init (value, G_TYPE_VARIANT);
            return _trib_field_fail_expected (field, message);
          }
        return trib_field_from_json (field, node, value, message);
      }
    default:
      g_assert_not_reached ();
    }

  return trib_field_validate (field, value, message);
}
