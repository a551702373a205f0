/* trib-product.h: the product entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PRODUCT (trib_product_get_type ())

G_DECLARE_FINAL_TYPE (TribProduct, trib_product, TRIB, PRODUCT, TribEntity)

typedef enum
{
  TRIB_PRODUCT_FIELD_NAME,
  TRIB_PRODUCT_FIELD_TRADEMARK_REGISTERED,
  TRIB_PRODUCT_FIELD_DESCRIPTION,
  TRIB_PRODUCT_FIELD_HOMEPAGE,
  TRIB_PRODUCT_N_FIELDS
} TribProductField;

TribProduct *trib_product_new (void);
const char *trib_product_get_name (TribProduct *self);
gboolean trib_product_get_trademark_registered (TribProduct *self);
const char *trib_product_get_description (TribProduct *self);
const char *trib_product_get_homepage (TribProduct *self);

G_END_DECLS
