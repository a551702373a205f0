/* trib-plan-json-versions.c: what each version of the JSON document changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import reads every version of the document from 1 up to
 * TRIB_PLAN_JSON_VERSION and refuses newer ones. A document is read with
 * the rules of its own version, then brought up to the current one:
 *
 * - A field added in version N says so in its table (.since = N). In an
 *   older document its key is unknown, and a missing value takes the
 *   field's default even when the field is required.
 * - A rule made stricter in version N is listed in loosened[] with the
 *   field as older documents had it, and an upgrade step below turns the
 *   old value into one the new rule accepts, without losing what it said.
 *
 * Adding a version: bump TRIB_PLAN_JSON_VERSION, add a line to steps[],
 * set .since on the new fields, keep a document of the old version in
 * tests/data/ (HACKING.md, "The model can grow").
 */
#define G_LOG_DOMAIN "trib-plan-json"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-plan-json-private.h"
#include "trib-rules.h"

/* Version 2: acknowledgement subjects are written type:id. A version 1
 * subject in another form ("Hybrid") is kept in the reason, and the
 * acknowledgement is about the whole plan. */
static void
upgrade_subject (const TypeInfo *type,
                 GValue         *values)
{
  GValue *subject = &values[TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT];
  GValue *reason = &values[TRIB_ACKNOWLEDGEMENT_FIELD_REASON];
  const char *text = g_value_get_string (subject);
  g_autofree char *kept = NULL;

  if (type->type != TRIB_TYPE_ACKNOWLEDGEMENT || text == NULL ||
      trib_acknowledgement_subject_is_valid (text))
    return;
  /* Translators: the subject of an acknowledgement written in an old
   * format, kept at the end of its reason */
  kept = g_strdup_printf (_("%s\n\nSubject: %s"),
                          g_value_get_string (reason) ? g_value_get_string (reason) : "", text);
  g_value_take_string (reason, g_steal_pointer (&kept));
  g_value_set_string (subject, NULL);
}

/* Version 2: the currency is an ISO 4217 code in capitals. "eur" becomes
 * "EUR"; what is no code at all ("eu") is refused by the current rule. */
static void
upgrade_currency (const TypeInfo *type,
                  GValue         *values)
{
  GValue *currency = &values[TRIB_PLAN_INFO_FIELD_CURRENCY];
  char *code;

  if (type->type != TRIB_TYPE_PLAN_INFO)
    return;
  code = trib_currency_normalize (g_value_get_string (currency));
  if (code != NULL)
    g_value_take_string (currency, code);
}

static void
upgrade_2 (const TypeInfo *type,
           GValue         *values)
{
  upgrade_subject (type, values);
  upgrade_currency (type, values);
}

typedef struct
{
  int          version;
  const char  *summary;
  /* Brings the values of an entity of an older document up to this
   * version, in place; NULL when the version only added fields. */
  void       (*upgrade) (const TypeInfo *type,
                         GValue         *values);
} Step;

static const Step steps[] = {
  { 2, "acknowledgement subjects written type:id; currencies are ISO 4217 codes; "
       "one investment per upstream and quarter; a custom scenario's base model, a scenario's "
       "own starting patch stock; a snapshot's absence factor, source, default branch and notes, "
       "the health weights; an upstream's release cadence, a patch's dropped date and target "
       "quarter, the patch drift and the strategy checks' thresholds", upgrade_2 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == TRIB_PLAN_JSON_VERSION - 1);

/* Fields whose rule was made stricter in @version, as they were before. */
static const struct
{
  int              version;
  GType          (*get_type) (void);
  guint            field;
  const TribField  before;
} loosened[] = {
  { 2, trib_acknowledgement_get_type, TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT,
    { .name = "subject", .kind = TRIB_FIELD_STRING, .label = N_("Subject"), .max = 200 } },
  { 2, trib_plan_info_get_type, TRIB_PLAN_INFO_FIELD_CURRENCY,
    { .name = "currency", .kind = TRIB_FIELD_STRING, .label = N_("Currency"),
      .flags = TRIB_FIELD_REQUIRED, .max = 3 } },
};

/**
 * _trib_plan_json_field_as_read:
 *
 * Returns: the field @field of @klass as a document of @version has it:
 *   the field itself, or how it was before a later version made its rule
 *   stricter
 */
const TribField *
_trib_plan_json_field_as_read (int              version,
                               TribEntityClass *klass,
                               guint            field)
{
  const TribField *found = &klass->fields[field];
  int best = G_MAXINT;

  for (guint i = 0; i < G_N_ELEMENTS (loosened); i++)
    if (version < loosened[i].version && loosened[i].version < best &&
        loosened[i].field == field && loosened[i].get_type () == G_TYPE_FROM_CLASS (klass))
      {
        found = &loosened[i].before;
        best = loosened[i].version;
      }
  return found;
}

/**
 * _trib_plan_json_needs_upgrade:
 *
 * Returns: whether entities of @type read from a document of @version may
 *   have values to upgrade (they are then kept while reading)
 */
gboolean
_trib_plan_json_needs_upgrade (int             version,
                               const TypeInfo *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (loosened); i++)
    if (version < loosened[i].version && loosened[i].get_type () == type->type)
      return TRUE;
  return FALSE;
}

/**
 * _trib_plan_json_upgrade:
 * @field: (out): on failure, the name of the field at fault
 * @message: (out): on failure, what is wrong with it
 *
 * Brings the values of an entity of @type read from a document of
 * @version up to the current version, step by step, and checks the fields
 * read with an older rule against the current one.
 *
 * Returns: whether the upgraded values pass the current rules
 */
gboolean
_trib_plan_json_upgrade (int              version,
                         const TypeInfo  *type,
                         GValue          *values,
                         const char     **field,
                         char           **message)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (version < steps[i].version && steps[i].upgrade != NULL)
      steps[i].upgrade (type, values);
  for (guint i = 0; i < G_N_ELEMENTS (loosened); i++)
    {
      const TribField *f;

      if (version >= loosened[i].version || loosened[i].get_type () != type->type)
        continue;
      f = &type->klass->fields[loosened[i].field];
      if (!trib_field_validate (f, &values[loosened[i].field], message))
        {
          *field = f->name;
          return FALSE;
        }
    }
  return TRUE;
}

/* The version of a canonical document is its last member: read it from
 * the end ("version": 2 }) without reading the rest. */
static int
version_at_end (const char *data,
                gsize       length)
{
  const char *p = data + length;
  int version = 0, scale = 1;

#define SKIP_SPACE() while (p > data && g_ascii_isspace (p[-1])) p--
  SKIP_SPACE ();
  if (p == data || *--p != '}')
    return 0;
  SKIP_SPACE ();
  while (p > data && g_ascii_isdigit (p[-1]) && scale <= 1000)
    {
      version += (*--p - '0') * scale;
      scale *= 10;
    }
  if (scale == 1 || scale > 1000)
    return 0;
  SKIP_SPACE ();
  if (p == data || *--p != ':')
    return 0;
  SKIP_SPACE ();
  if ((gsize) (p - data) < 9 || memcmp (p - 9, "\"version\"", 9) != 0)
    return 0;
  p -= 9;
  SKIP_SPACE ();
  if (p == data || (p[-1] != ',' && p[-1] != '{'))
    return 0;
#undef SKIP_SPACE
  return version;
}

/**
 * _trib_plan_json_peek_version:
 *
 * Finds the format version of a document before it is read, so that it is
 * read with the rules of its version: from the end of a canonical
 * document, else by skipping over the members of the document.
 *
 * Returns: the version, or 0 if the document has none that is an integer
 *   (reading it then says what is wrong)
 */
int
_trib_plan_json_peek_version (const char *data,
                              gsize       length)
{
  g_autoptr(TribJsonReader) reader = NULL;
  int version = version_at_end (data, length);

  if (version > 0)
    return version;

  reader = trib_json_reader_new (data, length);
  if (trib_json_reader_next (reader) != TRIB_JSON_TOKEN_BEGIN_OBJECT)
    return 0;
  while (trib_json_reader_next (reader) == TRIB_JSON_TOKEN_KEY)
    {
      if (g_strcmp0 (trib_json_reader_get_string (reader), "version") == 0)
        {
          gint64 v;

          if (trib_json_reader_next (reader) != TRIB_JSON_TOKEN_INT)
            return 0;
          v = trib_json_reader_get_int (reader);
          return v > 0 && v <= G_MAXINT ? (int) v : 0;
        }
      trib_json_reader_next (reader);
      if (!trib_json_reader_skip (reader))
        return 0;
    }
  return 0;
}
