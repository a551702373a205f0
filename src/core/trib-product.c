/* trib-product.c: the product entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-product"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-product.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribProduct
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribProduct, trib_product, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "name", .kind = TRIB_FIELD_STRING, .label = N_("Name"), .flags = TRIB_FIELD_REQUIRED, .max = 200 },
  { .name = "trademark_registered", .kind = TRIB_FIELD_BOOL, .label = N_("Trademark registered") },
  { .name = "description", .kind = TRIB_FIELD_TEXT, .label = N_("Description") },
  { .name = "homepage", .kind = TRIB_FIELD_URL, .label = N_("Homepage") },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_PRODUCT_N_FIELDS);

static void
trib_product_class_init (TribProductClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "product", "products", N_("product"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_PRODUCT_FIELD_NAME;
}

static void
trib_product_init (TribProduct *self)
{
}

TribProduct *
trib_product_new (void)
{
  return g_object_new (TRIB_TYPE_PRODUCT, NULL);
}

const char *
trib_product_get_name (TribProduct *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_FIELD_NAME));
}

gboolean
trib_product_get_trademark_registered (TribProduct *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT (self), 0);

  return g_value_get_boolean (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_FIELD_TRADEMARK_REGISTERED));
}

const char *
trib_product_get_description (TribProduct *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_FIELD_DESCRIPTION));
}

const char *
trib_product_get_homepage (TribProduct *self)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PRODUCT_FIELD_HOMEPAGE));
}
