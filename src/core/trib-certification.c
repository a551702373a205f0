/* trib-certification.c: the certification entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-certification"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-certification.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribCertification
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribCertification, trib_certification, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "release_id", .kind = TRIB_FIELD_REF, .label = N_("Release"), .flags = TRIB_FIELD_REQUIRED | TRIB_FIELD_PARENT, .ref_type = trib_product_release_get_type },
  { .name = "target", .kind = TRIB_FIELD_STRING, .label = N_("Target"), .flags = TRIB_FIELD_REQUIRED, .max = 200 },
  { .name = "kind", .kind = TRIB_FIELD_ENUM, .label = N_("Kind"), .def_string = "software", .enum_type = trib_target_kind_get_type },
  { .name = "status", .kind = TRIB_FIELD_ENUM, .label = N_("Status"), .def_string = "planned", .enum_type = trib_cert_status_get_type },
  { .name = "promised", .kind = TRIB_FIELD_BOOL, .label = N_("Promised to customers"), .def = 1 },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_CERTIFICATION_N_FIELDS);

static void
trib_certification_class_init (TribCertificationClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "certification", "certifications", N_("certification"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_CERTIFICATION_FIELD_TARGET;
}

static void
trib_certification_init (TribCertification *self)
{
}

TribCertification *
trib_certification_new (void)
{
  return g_object_new (TRIB_TYPE_CERTIFICATION, NULL);
}

gint64
trib_certification_get_release_id (TribCertification *self)
{
  g_return_val_if_fail (TRIB_IS_CERTIFICATION (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_CERTIFICATION_FIELD_RELEASE_ID));
}

const char *
trib_certification_get_target (TribCertification *self)
{
  g_return_val_if_fail (TRIB_IS_CERTIFICATION (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_CERTIFICATION_FIELD_TARGET));
}

TribTargetKind
trib_certification_get_kind (TribCertification *self)
{
  g_return_val_if_fail (TRIB_IS_CERTIFICATION (self), 0);

  return (TribTargetKind) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_CERTIFICATION_FIELD_KIND));
}

TribCertStatus
trib_certification_get_status (TribCertification *self)
{
  g_return_val_if_fail (TRIB_IS_CERTIFICATION (self), 0);

  return (TribCertStatus) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_CERTIFICATION_FIELD_STATUS));
}

gboolean
trib_certification_get_promised (TribCertification *self)
{
  g_return_val_if_fail (TRIB_IS_CERTIFICATION (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_CERTIFICATION_FIELD_PROMISED));
}

const char *
trib_certification_get_notes (TribCertification *self)
{
  g_return_val_if_fail (TRIB_IS_CERTIFICATION (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_CERTIFICATION_FIELD_NOTES));
}
