/* trib-certification.h: the certification entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_CERTIFICATION (trib_certification_get_type ())

G_DECLARE_FINAL_TYPE (TribCertification, trib_certification, TRIB, CERTIFICATION, TribEntity)

typedef enum
{
  TRIB_CERTIFICATION_FIELD_RELEASE_ID,
  TRIB_CERTIFICATION_FIELD_TARGET,
  TRIB_CERTIFICATION_FIELD_KIND,
  TRIB_CERTIFICATION_FIELD_STATUS,
  TRIB_CERTIFICATION_FIELD_PROMISED,
  TRIB_CERTIFICATION_FIELD_NOTES,
  TRIB_CERTIFICATION_N_FIELDS
} TribCertificationField;

TribCertification *trib_certification_new (void);
gint64 trib_certification_get_release_id (TribCertification *self);
const char *trib_certification_get_target (TribCertification *self);
TribTargetKind trib_certification_get_kind (TribCertification *self);
TribCertStatus trib_certification_get_status (TribCertification *self);
gboolean trib_certification_get_promised (TribCertification *self);
const char *trib_certification_get_notes (TribCertification *self);

G_END_DECLS
