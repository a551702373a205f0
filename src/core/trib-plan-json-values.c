/* trib-plan-json-values.c: field values read from a JSON document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns the JSON value under a TribJsonReader into the GValue of a field,
 * with the type rules of trib_field_from_json() and then the field's own
 * trib_field_validate(). Plain values and lists of integers, which make up
 * nearly all of a large plan, are converted directly; lists of texts and
 * maps go through a JsonNode and trib_field_from_json() itself.
 */
#define G_LOG_DOMAIN "trib-plan-json"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-field-private.h"
#include "trib-plan-json-private.h"

/* Turns the value whose first token is @token into a JsonNode, or NULL when
 * no field could accept it (nested containers, huge lists, huge strings). */
static JsonNode *
read_node (TribJsonReader *reader,
           TribJsonToken   token)
{
  g_autoptr(JsonNode) node = NULL;

  switch (token)
    {
    case TRIB_JSON_TOKEN_STRING:
      if (trib_json_reader_string_is_long (reader))
        return NULL;
      return json_node_init_string (json_node_alloc (), trib_json_reader_get_string (reader));
    case TRIB_JSON_TOKEN_INT:
      return json_node_init_int (json_node_alloc (), trib_json_reader_get_int (reader));
    case TRIB_JSON_TOKEN_DOUBLE:
      return json_node_init_double (json_node_alloc (), trib_json_reader_get_double (reader));
    case TRIB_JSON_TOKEN_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), trib_json_reader_get_boolean (reader));
    case TRIB_JSON_TOKEN_NULL:
      return json_node_init_null (json_node_alloc ());
    case TRIB_JSON_TOKEN_BEGIN_ARRAY:
      {
        JsonArray *array = json_array_new ();
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        while ((token = trib_json_reader_next (reader)) != TRIB_JSON_TOKEN_END_ARRAY)
          {
            JsonNode *element;
            if (token == TRIB_JSON_TOKEN_BEGIN_OBJECT || token == TRIB_JSON_TOKEN_BEGIN_ARRAY ||
                token == TRIB_JSON_TOKEN_ERROR || json_array_get_length (array) >= TRIB_PLAN_JSON_MAX_LIST ||
                (element = read_node (reader, token)) == NULL)
              return NULL;
            json_array_add_element (array, element);
          }
        return g_steal_pointer (&node);
      }
    case TRIB_JSON_TOKEN_BEGIN_OBJECT:
      {
        JsonObject *object = json_object_new ();
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        while ((token = trib_json_reader_next (reader)) == TRIB_JSON_TOKEN_KEY)
          {
            g_autofree char *key = NULL;
            JsonNode *member;
            const char *k = trib_json_reader_get_string (reader);

            if (k == NULL || json_object_has_member (object, k) ||
                json_object_get_size (object) >= TRIB_PLAN_JSON_MAX_LIST)
              return NULL;
            key = g_strdup (k);
            token = trib_json_reader_next (reader);
            if (token == TRIB_JSON_TOKEN_BEGIN_OBJECT || token == TRIB_JSON_TOKEN_BEGIN_ARRAY ||
                token == TRIB_JSON_TOKEN_ERROR || (member = read_node (reader, token)) == NULL)
              return NULL;
            json_object_set_member (object, key, member);
          }
        return token == TRIB_JSON_TOKEN_END_OBJECT ? g_steal_pointer (&node) : NULL;
      }
    case TRIB_JSON_TOKEN_ERROR:
    case TRIB_JSON_TOKEN_END:
    case TRIB_JSON_TOKEN_END_OBJECT:
    case TRIB_JSON_TOKEN_END_ARRAY:
    case TRIB_JSON_TOKEN_KEY:
    default:
      return NULL;
    }
}

/* A list of integers straight into its GVariant: a JsonNode for each of
 * the weekly commits of every snapshot would cost seconds. */
static gboolean
read_integers (TribJsonReader *reader,
               TribJsonToken   token,
               gint64         *items,
               GValue         *value)
{
  gboolean ok = token == TRIB_JSON_TOKEN_BEGIN_ARRAY;
  guint n = 0;

  if (ok && !trib_json_reader_read_integers (reader, items, TRIB_PLAN_JSON_MAX_LIST, &n))
    while ((token = trib_json_reader_next (reader)) != TRIB_JSON_TOKEN_END_ARRAY)
      {
        if (token != TRIB_JSON_TOKEN_INT || n >= TRIB_PLAN_JSON_MAX_LIST)
          {
            ok = FALSE;
            break;
          }
        items[n++] = trib_json_reader_get_int (reader);
      }
  g_value_init (value, G_TYPE_VARIANT);
  if (ok && n > 0)
    {
      /* What g_variant_new_fixed_array() does, at half the cost: it looks
       * the type up twice, building the array type each time. */
      gpointer data = g_memdup2 (items, n * sizeof (gint64));

      g_value_take_variant (value, g_variant_new_from_data (G_VARIANT_TYPE ("ax"), data,
                                                            n * sizeof (gint64), TRUE,
                                                            g_free, data));
    }
  else if (ok)
    g_value_take_variant (value, g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, NULL, 0,
                                                            sizeof (gint64)));
  return ok;
}

/* Converts a plain value to the GValue of @field, with the same rules of
 * type as trib_field_from_json(), without a JsonNode: a large plan has
 * millions of them. FALSE if the token is of the wrong type. */
static gboolean
convert_plain (TribJsonReader  *reader,
               const TribField *field,
               TribJsonToken    token,
               GValue          *value)
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
      {
        const char *s;
        if (token != TRIB_JSON_TOKEN_STRING || trib_json_reader_string_is_long (reader))
          return FALSE;
        s = trib_json_reader_get_string (reader);
        g_value_set_string (value, s[0] ? s : NULL);
        return TRUE;
      }
    case TRIB_FIELD_INT:
      {
        gint64 i = trib_json_reader_get_int (reader);
        if (token != TRIB_JSON_TOKEN_INT || i < G_MININT || i > G_MAXINT)
          return FALSE;
        g_value_set_int (value, (int) i);
        return TRUE;
      }
    case TRIB_FIELD_DOUBLE:
      if (token != TRIB_JSON_TOKEN_INT && token != TRIB_JSON_TOKEN_DOUBLE)
        return FALSE;
      g_value_set_double (value, trib_json_reader_get_double (reader));
      return TRUE;
    case TRIB_FIELD_BOOL:
      if (token != TRIB_JSON_TOKEN_BOOLEAN)
        return FALSE;
      g_value_set_boolean (value, trib_json_reader_get_boolean (reader));
      return TRUE;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = g_type_class_peek (field->enum_type ());
        GEnumValue *ev;
        if (token != TRIB_JSON_TOKEN_STRING || trib_json_reader_string_is_long (reader))
          return FALSE;
        /* Enum classes live as long as the program (as in trib-field.c). */
        if (klass == NULL)
          klass = g_type_class_ref (field->enum_type ());
        ev = g_enum_get_value_by_nick (klass, trib_json_reader_get_string (reader));
        if (ev == NULL)
          return FALSE;
        g_value_set_enum (value, ev->value);
        return TRUE;
      }
    case TRIB_FIELD_REF:
      if (token == TRIB_JSON_TOKEN_NULL)
        return TRUE;
      if (token != TRIB_JSON_TOKEN_INT || trib_json_reader_get_int (reader) <= 0)
        return FALSE;
      g_value_set_int64 (value, trib_json_reader_get_int (reader));
      return TRUE;
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
    default:
      g_assert_not_reached ();
    }
}

/**
 * _trib_plan_json_read_value:
 * @items: scratch space for %TRIB_PLAN_JSON_MAX_LIST integers
 * @value: (out caller-allocates): initialised even on failure
 * @message: (out): what is wrong with the value, for people; %NULL when the
 *   reader failed (the document is not JSON)
 *
 * Reads the next value of @reader as the value of @field, and checks it
 * with the field's rules.
 */
gboolean
_trib_plan_json_read_value (TribJsonReader   *reader,
                            const TribField  *field,
                            gint64           *items,
                            GValue           *value,
                            char            **message)
{
  TribJsonToken token = trib_json_reader_next (reader);
  g_autoptr(JsonNode) node = NULL;
  guint depth = trib_json_reader_get_depth (reader);
  gboolean ok;

  *message = NULL;
  if (token == TRIB_JSON_TOKEN_ERROR)
    {
      g_value_init (value, trib_field_value_type (field));
      return FALSE;
    }

  if (field->kind == TRIB_FIELD_INTV)
    ok = read_integers (reader, token, items, value);
  else if (field->kind != TRIB_FIELD_STRV && field->kind != TRIB_FIELD_DICT)
    ok = convert_plain (reader, field, token, value);
  else
    {
      /* Lists of texts and maps are rare: trib_field_from_json() reads them. */
      node = read_node (reader, token);
      if (node == NULL)
        {
          /* Step over whatever read_node() left of a refused value. */
          if (token == TRIB_JSON_TOKEN_BEGIN_ARRAY || token == TRIB_JSON_TOKEN_BEGIN_OBJECT)
            trib_json_reader_skip_to_depth (reader, depth - 1);
          g_value_init (value, trib_field_value_type (field));
          return _trib_field_fail_expected (field, message);
        }
      return trib_field_from_json (field, node, value, message);
    }

  if (!ok)
    {
      if (token == TRIB_JSON_TOKEN_BEGIN_ARRAY || token == TRIB_JSON_TOKEN_BEGIN_OBJECT)
        trib_json_reader_skip_to_depth (reader, depth - 1);
      return _trib_field_fail_expected (field, message);
    }
  return trib_field_validate (field, value, message);
}
