/* trib-field.c: conversion and validation of entity fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-field"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-field.h"
#include "trib-field-private.h"
#include "trib-rules.h"

#define DEFAULT_STRING_MAX 500
#define DEFAULT_TEXT_MAX 20000
#define URL_MAX 2000
#define LIST_MAX 1000

static guint
text_max (const TribField *field)
{
  if (field->max > 0)
    return (guint) field->max;
  switch (field->kind)
    {
    case TRIB_FIELD_TEXT:
      return DEFAULT_TEXT_MAX;
    case TRIB_FIELD_URL:
      return URL_MAX;
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
    case TRIB_FIELD_INT:
    case TRIB_FIELD_DOUBLE:
    case TRIB_FIELD_BOOL:
    case TRIB_FIELD_ENUM:
    case TRIB_FIELD_REF:
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
    default:
      return DEFAULT_STRING_MAX;
    }
}

/* Enum classes live as long as the program: keep one reference for good. */
GEnumClass *
_trib_field_enum_class (const TribField *field)
{
  GType type = field->enum_type ();
  GEnumClass *klass = g_type_class_peek (type);

  return klass ? klass : g_type_class_ref (type);
}

static gboolean
is_text_kind (TribFieldKind kind)
{
  return kind == TRIB_FIELD_STRING || kind == TRIB_FIELD_TEXT || kind == TRIB_FIELD_URL ||
         kind == TRIB_FIELD_DATE || kind == TRIB_FIELD_DATETIME || kind == TRIB_FIELD_QUARTER;
}

GType
trib_field_value_type (const TribField *field)
{
  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      return G_TYPE_STRING;
    case TRIB_FIELD_INT:
      return G_TYPE_INT;
    case TRIB_FIELD_DOUBLE:
      return G_TYPE_DOUBLE;
    case TRIB_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case TRIB_FIELD_ENUM:
      return field->enum_type ();
    case TRIB_FIELD_REF:
      return G_TYPE_INT64;
    case TRIB_FIELD_STRV:
      return G_TYPE_STRV;
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      return G_TYPE_VARIANT;
    default:
      g_assert_not_reached ();
    }
}

static const GVariantType *
variant_type (const TribField *field)
{
  return field->kind == TRIB_FIELD_INTV ? G_VARIANT_TYPE ("ax") : G_VARIANT_TYPE ("a{sd}");
}

void
trib_field_init_default (const TribField *field,
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
      if (field->def_string != NULL && field->def_string[0] != '\0')
        g_value_set_string (value, field->def_string);
      break;
    case TRIB_FIELD_INT:
      g_value_set_int (value, (int) field->def);
      break;
    case TRIB_FIELD_DOUBLE:
      g_value_set_double (value, field->def);
      break;
    case TRIB_FIELD_BOOL:
      g_value_set_boolean (value, field->def != 0);
      break;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev = field->def_string ? g_enum_get_value_by_nick (klass, field->def_string) : NULL;
        g_value_set_enum (value, ev ? ev->value : klass->minimum);
      }
      break;
    case TRIB_FIELD_REF:
      g_value_set_int64 (value, 0);
      break;
    case TRIB_FIELD_STRV:
      break;
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      g_value_set_variant (value, g_variant_new_array (g_variant_type_element (variant_type (field)), NULL, 0));
      break;
    default:
      g_assert_not_reached ();
    }
}

GParamSpec *
trib_field_param_spec (const TribField *field)
{
  g_autofree char *prop = g_strdelimit (g_strdup (field->name), "_", '-');
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB |
                      G_PARAM_EXPLICIT_NOTIFY;
  const char *nick = field->label;
  const char *blurb = field->label;

  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      return g_param_spec_string (g_intern_string (prop), nick, blurb, field->def_string, flags);
    case TRIB_FIELD_INT:
      return g_param_spec_int (g_intern_string (prop), nick, blurb,
                               field->min < field->max ? (int) field->min : G_MININT,
                               field->min < field->max ? (int) field->max : G_MAXINT,
                               (int) field->def, flags);
    case TRIB_FIELD_DOUBLE:
      return g_param_spec_double (g_intern_string (prop), nick, blurb,
                                  field->min < field->max ? field->min : -G_MAXDOUBLE,
                                  field->min < field->max ? field->max : G_MAXDOUBLE,
                                  field->def, flags);
    case TRIB_FIELD_BOOL:
      return g_param_spec_boolean (g_intern_string (prop), nick, blurb, field->def != 0, flags);
    case TRIB_FIELD_ENUM:
      {
        g_auto(GValue) def = G_VALUE_INIT;
        trib_field_init_default (field, &def);
        return g_param_spec_enum (g_intern_string (prop), nick, blurb, field->enum_type (),
                                  g_value_get_enum (&def), flags);
      }
    case TRIB_FIELD_REF:
      return g_param_spec_int64 (g_intern_string (prop), nick, blurb, 0, G_MAXINT64, 0, flags);
    case TRIB_FIELD_STRV:
      return g_param_spec_boxed (g_intern_string (prop), nick, blurb, G_TYPE_STRV, flags);
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      return g_param_spec_variant (g_intern_string (prop), nick, blurb, variant_type (field), NULL,
                                   flags);
    default:
      g_assert_not_reached ();
    }
}

/* Two digits at @p as a number, or -1. */
static inline int
two_digits (const char *p)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Whether @text is a UTC time exactly as g_date_time_format() writes it
 * with "%Y-%m-%dT%H:%M:%SZ" (a four-digit year from 1000, as %Y does not
 * pad). Checked by hand rather than parsed and formatted again: an import
 * checks a timestamp in each of a hundred thousand snapshots. */
static gboolean
datetime_is_canonical (const char *text)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, day, hour, minute, second;

  if (strlen (text) != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return FALSE;
  if (text[0] < '1' || text[0] > '9' || two_digits (text) < 0 || two_digits (text + 2) < 0)
    return FALSE;
  year = two_digits (text) * 100 + two_digits (text + 2);
  month = two_digits (text + 5);
  day = two_digits (text + 8);
  hour = two_digits (text + 11);
  minute = two_digits (text + 14);
  second = two_digits (text + 17);
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;
  if (month == 2 && day == 29)
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1];
}

static char *
enum_choices (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == klass->n_values ? " or " : ", ");
      g_string_append (s, klass->values[i].value_nick);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * trib_field_describe_range:
 *
 * Returns: what a valid value of @field looks like, in the words of an error
 * message ("an integer from 1 to 5").
 */
char *
trib_field_describe_range (const TribField *field)
{
  if (field->rule != NULL)
    return g_strdup (_(field->rule));

  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
      if (field->flags & TRIB_FIELD_REQUIRED)
        return g_strdup_printf (_("a text of 1 to %u characters"), text_max (field));
      return g_strdup_printf (_("a text of at most %u characters"), text_max (field));
    case TRIB_FIELD_URL:
      return g_strdup (_("an http:// or https:// address"));
    case TRIB_FIELD_DATE:
      return g_strdup (_("a date written YYYY-MM-DD"));
    case TRIB_FIELD_DATETIME:
      return g_strdup (_("a UTC time written YYYY-MM-DDTHH:MM:SSZ"));
    case TRIB_FIELD_QUARTER:
      return g_strdup (_("a quarter written YYYY-Qn, such as 2027-Q1"));
    case TRIB_FIELD_INT:
      if (field->min < field->max)
        return g_strdup_printf (_("an integer from %.0f to %.0f"), field->min, field->max);
      return g_strdup (_("an integer"));
    case TRIB_FIELD_DOUBLE:
      if (field->min < field->max)
        return g_strdup_printf (_("a number from %g to %g"), field->min, field->max);
      return g_strdup (_("a number"));
    case TRIB_FIELD_BOOL:
      return g_strdup (_("true or false"));
    case TRIB_FIELD_ENUM:
      {
        g_autofree char *choices = enum_choices (field->enum_type ());
        return g_strdup_printf (_("one of %s"), choices);
      }
    case TRIB_FIELD_REF:
      if (field->flags & TRIB_FIELD_REQUIRED)
        return g_strdup (_("the id of an existing entry"));
      return g_strdup (_("the id of an existing entry, or null"));
    case TRIB_FIELD_STRV:
      return g_strdup_printf (_("a list of at most %u texts"), LIST_MAX);
    case TRIB_FIELD_INTV:
      return g_strdup_printf (_("a list of at most %u integers of 0 or more"), LIST_MAX);
    case TRIB_FIELD_DICT:
      return g_strdup (_("an object whose values are numbers"));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
fail_expected (const TribField *field,
               char           **message)
{
  if (message)
    {
      g_autofree char *range = trib_field_describe_range (field);
      *message = g_strdup_printf (_("expected %s"), range);
    }
  return FALSE;
}

gboolean
trib_field_validate (const TribField *field,
                     const GValue    *value,
                     char           **message)
{
  g_return_val_if_fail (G_VALUE_HOLDS (value, trib_field_value_type (field)), FALSE);

  if (is_text_kind (field->kind))
    {
      const char *s = g_value_get_string (value);
      gboolean empty = s == NULL || s[0] == '\0';

      if (empty)
        {
          if (field->flags & TRIB_FIELD_REQUIRED)
            {
              if (message)
                *message = g_strdup (_("must not be empty"));
              return FALSE;
            }
          return TRUE;
        }
      {
        gsize bytes = strlen (s);

        /* No more characters than bytes: most texts need not be counted. */
        if (!g_utf8_validate_len (s, bytes, NULL) ||
            (bytes > text_max (field) && g_utf8_strlen (s, bytes) > text_max (field)))
          return fail_expected (field, message);
      }
      if (field->check != NULL && !field->check (s))
        return fail_expected (field, message);
      switch (field->kind)
        {
        case TRIB_FIELD_STRING:
          if (strchr (s, '\n') != NULL)
            return fail_expected (field, message);
          return TRUE;
        case TRIB_FIELD_TEXT:
          return TRUE;
        case TRIB_FIELD_URL:
          {
            g_autoptr(GUri) uri = g_uri_parse (s, G_URI_FLAGS_NONE, NULL);
            const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
            const char *host = uri ? g_uri_get_host (uri) : NULL;

            if (uri == NULL || host == NULL || host[0] == '\0' ||
                (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
              return fail_expected (field, message);
            return TRUE;
          }
        case TRIB_FIELD_DATE:
          return trib_date_is_valid (s) ? TRUE : fail_expected (field, message);
        case TRIB_FIELD_DATETIME:
          return datetime_is_canonical (s) ? TRUE : fail_expected (field, message);
        case TRIB_FIELD_QUARTER:
          return trib_quarter_parse (s, NULL, NULL) ? TRUE : fail_expected (field, message);
        case TRIB_FIELD_INT:
        case TRIB_FIELD_DOUBLE:
        case TRIB_FIELD_BOOL:
        case TRIB_FIELD_ENUM:
        case TRIB_FIELD_REF:
        case TRIB_FIELD_STRV:
        case TRIB_FIELD_INTV:
        case TRIB_FIELD_DICT:
        default:
          g_assert_not_reached ();
        }
    }

  switch (field->kind)
    {
    case TRIB_FIELD_INT:
      {
        int v = g_value_get_int (value);
        if (field->min < field->max && (v < field->min || v > field->max))
          return fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_DOUBLE:
      {
        double v = g_value_get_double (value);
        if (!isfinite (v) || (field->min < field->max && (v < field->min || v > field->max)))
          return fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_BOOL:
      return TRUE;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        if (g_enum_get_value (klass, g_value_get_enum (value)) == NULL)
          return fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_REF:
      if (g_value_get_int64 (value) < 0 ||
          ((field->flags & TRIB_FIELD_REQUIRED) && g_value_get_int64 (value) == 0))
        return fail_expected (field, message);
      return TRUE;
    case TRIB_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        guint n = v ? g_strv_length ((char **) v) : 0;
        if (n > LIST_MAX)
          return fail_expected (field, message);
        for (guint i = 0; i < n; i++)
          if (!g_utf8_validate (v[i], -1, NULL) || g_utf8_strlen (v[i], -1) > DEFAULT_STRING_MAX ||
              v[i][0] == '\0')
            return fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_INTV:
      {
        GVariant *v = g_value_get_variant (value);
        gsize n = 0;
        const gint64 *items;
        if (v == NULL)
          return TRUE;
        items = g_variant_get_fixed_array (v, &n, sizeof (gint64));
        if (n > LIST_MAX)
          return fail_expected (field, message);
        for (gsize i = 0; i < n; i++)
          if (items[i] < 0)
            return fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_DICT:
      {
        GVariant *v = g_value_get_variant (value);
        GVariantIter iter;
        const char *key;
        double d;
        if (v == NULL)
          return TRUE;
        if (g_variant_n_children (v) > LIST_MAX)
          return fail_expected (field, message);
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "{&sd}", &key, &d))
          if (!isfinite (d) || key[0] == '\0' || strlen (key) > 100)
            return fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
    default:
      g_assert_not_reached ();
    }
}

gboolean
trib_field_values_equal (const TribField *field,
                         const GValue    *a,
                         const GValue    *b)
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
        const char *x = g_value_get_string (a), *y = g_value_get_string (b);
        return g_strcmp0 (x ? x : "", y ? y : "") == 0;
      }
    case TRIB_FIELD_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case TRIB_FIELD_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    case TRIB_FIELD_BOOL:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case TRIB_FIELD_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case TRIB_FIELD_REF:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case TRIB_FIELD_STRV:
      {
        const char * const *x = g_value_get_boxed (a), * const *y = g_value_get_boxed (b);
        static const char * const empty[] = { NULL };
        return g_strv_equal (x ? x : empty, y ? y : empty);
      }
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
      {
        GVariant *x = g_value_get_variant (a), *y = g_value_get_variant (b);
        if (x == NULL || y == NULL)
          return (x == NULL || g_variant_n_children (x) == 0) &&
                 (y == NULL || g_variant_n_children (y) == 0);
        return g_variant_equal (x, y);
      }
    default:
      g_assert_not_reached ();
    }
}

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
        return fail_expected (field, message);
      {
        const char *s = json_node_get_string (node);
        /* A 100 MB string is refused before it is copied. */
        if (strlen (s) > 4 * (gsize) text_max (field))
          return fail_expected (field, message);
        g_value_set_string (value, s[0] ? s : NULL);
      }
      break;
    case TRIB_FIELD_INT:
      {
        gint64 i;
        if (!node_is_integer (node, &i) || i < G_MININT || i > G_MAXINT)
          return fail_expected (field, message);
        g_value_set_int (value, (int) i);
      }
      break;
    case TRIB_FIELD_DOUBLE:
      {
        double d;
        if (!node_is_number (node, &d))
          return fail_expected (field, message);
        g_value_set_double (value, d);
      }
      break;
    case TRIB_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail_expected (field, message);
      g_value_set_boolean (value, json_node_get_boolean (node));
      break;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        GEnumValue *ev;
        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
          return fail_expected (field, message);
        ev = g_enum_get_value_by_nick (klass, json_node_get_string (node));
        if (ev == NULL)
          return fail_expected (field, message);
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
          return fail_expected (field, message);
      }
      break;
    case TRIB_FIELD_STRV:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) strv = g_ptr_array_new ();
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail_expected (field, message);
        array = json_node_get_array (node);
        if (json_array_get_length (array) > LIST_MAX)
          return fail_expected (field, message);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
                strlen (json_node_get_string (item)) > 4 * DEFAULT_STRING_MAX)
              return fail_expected (field, message);
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
          return fail_expected (field, message);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        if (n > LIST_MAX)
          return fail_expected (field, message);
        items = g_new0 (gint64, MAX (n, 1));
        for (guint i = 0; i < n; i++)
          if (!node_is_integer (json_array_get_element (array, i), &items[i]))
            return fail_expected (field, message);
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
          return fail_expected (field, message);
        object = json_node_get_object (node);
        if (json_object_get_size (object) > LIST_MAX)
          return fail_expected (field, message);
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
                return fail_expected (field, message);
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
          return fail_expected (field, message);
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
          return fail_expected (field, message);
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
          return fail_expected (field, message);
        g_value_set_enum (value, ev->value);
      }
      break;
    case TRIB_FIELD_REF:
      {
        guint64 i = 0;
        g_value_init (value, G_TYPE_INT64);
        if (stripped[0] && !g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT64, &i, NULL))
          return fail_expected (field, message);
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
            return fail_expected (field, message);
          }
        return trib_field_from_json (field, node, value, message);
      }
    default:
      g_assert_not_reached ();
    }

  return trib_field_validate (field, value, message);
}
