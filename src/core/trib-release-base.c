/* trib-release-base.c: the release base entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-release-base"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-release-base.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribReleaseBase
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribReleaseBase, trib_release_base, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "release_id", .kind = TRIB_FIELD_REF, .label = N_("Release"), .flags = TRIB_FIELD_REQUIRED | TRIB_FIELD_PARENT, .ref_type = trib_product_release_get_type },
  { .name = "upstream_id", .kind = TRIB_FIELD_REF, .label = N_("Upstream"), .flags = TRIB_FIELD_REQUIRED, .ref_type = trib_upstream_get_type },
  { .name = "upstream_version", .kind = TRIB_FIELD_STRING, .label = N_("Upstream version"), .flags = TRIB_FIELD_REQUIRED, .max = 50 },
  { .name = "upstream_eol", .kind = TRIB_FIELD_DATE, .label = N_("Upstream end of life") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_RELEASE_BASE_N_FIELDS);

static void
trib_release_base_class_init (TribReleaseBaseClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "release_base", "bases", N_("upstream base"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_RELEASE_BASE_FIELD_UPSTREAM_VERSION;
}

static void
trib_release_base_init (TribReleaseBase *self)
{
}

TribReleaseBase *
trib_release_base_new (void)
{
  return g_object_new (TRIB_TYPE_RELEASE_BASE, NULL);
}

gint64
trib_release_base_get_release_id (TribReleaseBase *self)
{
  g_return_val_if_fail (TRIB_IS_RELEASE_BASE (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_RELEASE_BASE_FIELD_RELEASE_ID));
}

gint64
trib_release_base_get_upstream_id (TribReleaseBase *self)
{
  g_return_val_if_fail (TRIB_IS_RELEASE_BASE (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_RELEASE_BASE_FIELD_UPSTREAM_ID));
}

const char *
trib_release_base_get_upstream_version (TribReleaseBase *self)
{
  g_return_val_if_fail (TRIB_IS_RELEASE_BASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_RELEASE_BASE_FIELD_UPSTREAM_VERSION));
}

const char *
trib_release_base_get_upstream_eol (TribReleaseBase *self)
{
  g_return_val_if_fail (TRIB_IS_RELEASE_BASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_RELEASE_BASE_FIELD_UPSTREAM_EOL));
}
