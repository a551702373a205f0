/* trib-product-release.c: the product release entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-product-release"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-product-release.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribProductRelease
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribProductRelease, trib_product_release, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "product_id", .kind = TRIB_FIELD_REF, .label = N_("Product"), .flags = TRIB_FIELD_REQUIRED | TRIB_FIELD_PARENT, .ref_type = trib_product_get_type },
  { .name = "version", .kind = TRIB_FIELD_STRING, .label = N_("Version"), .flags = TRIB_FIELD_REQUIRED, .max = 50 },
  { .name = "ga", .kind = TRIB_FIELD_DATE, .label = N_("General availability") },
  { .name = "end_of_maintenance", .kind = TRIB_FIELD_DATE, .label = N_("End of maintenance") },
  { .name = "end_of_life", .kind = TRIB_FIELD_DATE, .label = N_("End of life") },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_PRODUCT_RELEASE_N_FIELDS);

static void
trib_product_release_class_init (TribProductReleaseClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "release", "releases", N_("product release"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_PRODUCT_RELEASE_FIELD_VERSION;
}

static void
trib_product_release_init (TribProductRelease *self)
{
}

TribProductRelease *
trib_product_release_new (void)
{
  return g_object_new (TRIB_TYPE_PRODUCT_RELEASE, NULL);
}

gint64
trib_product_release_get_product_id (TribProductRelease *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_RELEASE (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_RELEASE_FIELD_PRODUCT_ID));
}

const char *
trib_product_release_get_version (TribProductRelease *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_RELEASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_RELEASE_FIELD_VERSION));
}

const char *
trib_product_release_get_ga (TribProductRelease *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_RELEASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_RELEASE_FIELD_GA));
}

const char *
trib_product_release_get_end_of_maintenance (TribProductRelease *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_RELEASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_RELEASE_FIELD_END_OF_MAINTENANCE));
}

const char *
trib_product_release_get_end_of_life (TribProductRelease *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_RELEASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_RELEASE_FIELD_END_OF_LIFE));
}

const char *
trib_product_release_get_notes (TribProductRelease *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_RELEASE (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_RELEASE_FIELD_NOTES));
}
