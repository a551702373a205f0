/* trib-acknowledgement.c: the acknowledgement entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-acknowledgement"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-acknowledgement.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribAcknowledgement
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribAcknowledgement, trib_acknowledgement, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "check_id", .kind = TRIB_FIELD_STRING, .label = N_("Strategy check"), .flags = TRIB_FIELD_REQUIRED, .max = 100 },
  { .name = "subject", .kind = TRIB_FIELD_STRING, .label = N_("Subject"), .max = 200 },
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
