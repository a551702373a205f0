/* trib-acknowledgement.c: the acknowledgement entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-acknowledgement"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-acknowledgement.h"
#include "trib-enums.h"
#include "trib-entities.h"
#include "trib-plan.h"

struct _TribAcknowledgement
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribAcknowledgement, trib_acknowledgement, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "check_id", .kind = TRIB_FIELD_STRING, .label = N_("Strategy check"), .flags = TRIB_FIELD_REQUIRED, .max = 100 },
  { .name = "subject", .kind = TRIB_FIELD_STRING, .label = N_("Subject"), .max = 200,
    .check = trib_acknowledgement_subject_is_valid,
    .rule = N_("the entry a finding is about, written type:id (such as upstream:5), or nothing for the whole plan") },
  { .name = "reason", .kind = TRIB_FIELD_TEXT, .label = N_("Reason"), .flags = TRIB_FIELD_REQUIRED },
  { .name = "date", .kind = TRIB_FIELD_DATE, .label = N_("Date") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_ACKNOWLEDGEMENT_N_FIELDS);

static void
trib_acknowledgement_class_init (TribAcknowledgementClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "acknowledgement", "acknowledgements", N_("acknowledgement"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_ACKNOWLEDGEMENT_FIELD_CHECK_ID;
}

static void
trib_acknowledgement_init (TribAcknowledgement *self)
{
}

TribAcknowledgement *
trib_acknowledgement_new (void)
{
  return g_object_new (TRIB_TYPE_ACKNOWLEDGEMENT, NULL);
}

const char *
trib_acknowledgement_get_check_id (TribAcknowledgement *self)
{
  g_return_val_if_fail (TRIB_IS_ACKNOWLEDGEMENT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_ACKNOWLEDGEMENT_FIELD_CHECK_ID));
}

const char *
trib_acknowledgement_get_subject (TribAcknowledgement *self)
{
  g_return_val_if_fail (TRIB_IS_ACKNOWLEDGEMENT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT));
}

const char *
trib_acknowledgement_get_reason (TribAcknowledgement *self)
{
  g_return_val_if_fail (TRIB_IS_ACKNOWLEDGEMENT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_ACKNOWLEDGEMENT_FIELD_REASON));
}

const char *
trib_acknowledgement_get_date (TribAcknowledgement *self)
{
  g_return_val_if_fail (TRIB_IS_ACKNOWLEDGEMENT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_ACKNOWLEDGEMENT_FIELD_DATE));
}

/**
 * trib_acknowledgement_parse_subject:
 * @subject: (nullable): the subject of an acknowledgement
 * @type: (out) (optional): the entity type it names
 * @id: (out) (optional): the id it names
 *
 * A subject names the entry a strategy finding is about as the entity's
 * table and id, "upstream:5" or "release:2"; an empty subject is the whole
 * plan (@type is then %G_TYPE_INVALID and @id 0).
 *
 * Returns: whether @subject is written that way with a known entity type
 */
gboolean
trib_acknowledgement_parse_subject (const char *subject,
                                    GType      *type,
                                    gint64     *id)
{
  const char *colon;
  guint64 number;
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  if (type)
    *type = G_TYPE_INVALID;
  if (id)
    *id = 0;
  if (subject == NULL || subject[0] == '\0')
    return TRUE;
  colon = strchr (subject, ':');
  if (colon == NULL || colon[1] == '0' ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);

      if (strlen (klass->table) == (gsize) (colon - subject) &&
          strncmp (klass->table, subject, colon - subject) == 0)
        {
          if (type)
            *type = types[t];
          if (id)
            *id = (gint64) number;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * trib_acknowledgement_subject_is_valid:
 * @subject: (nullable): a subject
 *
 * Returns: whether @subject is written as trib_acknowledgement_parse_subject()
 *   reads it (the field's rule; that it names an entry of the plan is
 *   checked by the plan and the import)
 */
gboolean
trib_acknowledgement_subject_is_valid (const char *subject)
{
  return trib_acknowledgement_parse_subject (subject, NULL, NULL);
}

/**
 * trib_acknowledgement_subject_for:
 * @entity: (nullable): the entry a finding is about, or %NULL for the plan
 *
 * Returns: (transfer full): the subject that names @entity ("upstream:5")
 */
char *
trib_acknowledgement_subject_for (TribEntity *entity)
{
  if (entity == NULL || TRIB_IS_PLAN_INFO (entity))
    return g_strdup ("");
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, TRIB_ENTITY_GET_CLASS (entity)->table,
                          trib_entity_get_id (entity));
}
