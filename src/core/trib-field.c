/* trib-field.c: the types, defaults and rules of entity fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON, display and typed text are in trib-field-json.c, SQL in
 * trib-field-sql.c.
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

guint
_trib_field_text_max (const TribField *field)
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
        return g_strdup_printf (_("a text of 1 to %u characters"), _trib_field_text_max (field));
      return g_strdup_printf (_("a text of at most %u characters"), _trib_field_text_max (field));
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

gboolean
_trib_field_fail_expected (const TribField *field,
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
            (bytes > _trib_field_text_max (field) && g_utf8_strlen (s, bytes) > _trib_field_text_max (field)))
          return _trib_field_fail_expected (field, message);
      }
      if (field->check != NULL && !field->check (s))
        return _trib_field_fail_expected (field, message);
      switch (field->kind)
        {
        case TRIB_FIELD_STRING:
          if (strchr (s, '\n') != NULL)
            return _trib_field_fail_expected (field, message);
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
              return _trib_field_fail_expected (field, message);
            return TRUE;
          }
        case TRIB_FIELD_DATE:
          return trib_date_is_valid (s) ? TRUE : _trib_field_fail_expected (field, message);
        case TRIB_FIELD_DATETIME:
          return datetime_is_canonical (s) ? TRUE : _trib_field_fail_expected (field, message);
        case TRIB_FIELD_QUARTER:
          return trib_quarter_parse (s, NULL, NULL) ? TRUE : _trib_field_fail_expected (field, message);
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
          return _trib_field_fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_DOUBLE:
      {
        double v = g_value_get_double (value);
        if (!isfinite (v) || (field->min < field->max && (v < field->min || v > field->max)))
          return _trib_field_fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_BOOL:
      return TRUE;
    case TRIB_FIELD_ENUM:
      {
        GEnumClass *klass = _trib_field_enum_class (field);
        if (g_enum_get_value (klass, g_value_get_enum (value)) == NULL)
          return _trib_field_fail_expected (field, message);
        return TRUE;
      }
    case TRIB_FIELD_REF:
      if (g_value_get_int64 (value) < 0 ||
          ((field->flags & TRIB_FIELD_REQUIRED) && g_value_get_int64 (value) == 0))
        return _trib_field_fail_expected (field, message);
      return TRUE;
    case TRIB_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        guint n = v ? g_strv_length ((char **) v) : 0;
        if (n > LIST_MAX)
          return _trib_field_fail_expected (field, message);
        for (guint i = 0; i < n; i++)
          if (!g_utf8_validate (v[i], -1, NULL) || g_utf8_strlen (v[i], -1) > DEFAULT_STRING_MAX ||
              v[i][0] == '\0')
            return _trib_field_fail_expected (field, message);
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
          return _trib_field_fail_expected (field, message);
        for (gsize i = 0; i < n; i++)
          if (items[i] < 0)
            return _trib_field_fail_expected (field, message);
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
          return _trib_field_fail_expected (field, message);
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "{&sd}", &key, &d))
          if (!isfinite (d) || key[0] == '\0' || strlen (key) > 100)
            return _trib_field_fail_expected (field, message);
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
