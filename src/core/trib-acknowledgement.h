/* trib-acknowledgement.h: the acknowledgement entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ACKNOWLEDGEMENT (trib_acknowledgement_get_type ())

G_DECLARE_FINAL_TYPE (TribAcknowledgement, trib_acknowledgement, TRIB, ACKNOWLEDGEMENT, TribEntity)

typedef enum
{
  TRIB_ACKNOWLEDGEMENT_FIELD_CHECK_ID,
  TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT,
  TRIB_ACKNOWLEDGEMENT_FIELD_REASON,
  TRIB_ACKNOWLEDGEMENT_FIELD_DATE,
  TRIB_ACKNOWLEDGEMENT_N_FIELDS
} TribAcknowledgementField;

TribAcknowledgement *trib_acknowledgement_new (void);
const char *trib_acknowledgement_get_check_id (TribAcknowledgement *self);
const char *trib_acknowledgement_get_subject (TribAcknowledgement *self);
const char *trib_acknowledgement_get_reason (TribAcknowledgement *self);
const char *trib_acknowledgement_get_date (TribAcknowledgement *self);

gboolean trib_acknowledgement_parse_subject (const char *subject,
                                             GType      *type,
                                             gint64     *id);
gboolean trib_acknowledgement_subject_is_valid (const char *subject);
char    *trib_acknowledgement_subject_for (TribEntity *entity);

G_END_DECLS
