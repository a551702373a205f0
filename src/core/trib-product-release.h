/* trib-product-release.h: the product release entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PRODUCT_RELEASE (trib_product_release_get_type ())

G_DECLARE_FINAL_TYPE (TribProductRelease, trib_product_release, TRIB, PRODUCT_RELEASE, TribEntity)

typedef enum
{
  TRIB_PRODUCT_RELEASE_FIELD_PRODUCT_ID,
  TRIB_PRODUCT_RELEASE_FIELD_VERSION,
  TRIB_PRODUCT_RELEASE_FIELD_GA,
  TRIB_PRODUCT_RELEASE_FIELD_END_OF_MAINTENANCE,
  TRIB_PRODUCT_RELEASE_FIELD_END_OF_LIFE,
  TRIB_PRODUCT_RELEASE_FIELD_NOTES,
  TRIB_PRODUCT_RELEASE_N_FIELDS
} TribProductReleaseField;

TribProductRelease *trib_product_release_new (void);
gint64 trib_product_release_get_product_id (TribProductRelease *self);
const char *trib_product_release_get_version (TribProductRelease *self);
const char *trib_product_release_get_ga (TribProductRelease *self);
const char *trib_product_release_get_end_of_maintenance (TribProductRelease *self);
const char *trib_product_release_get_end_of_life (TribProductRelease *self);
const char *trib_product_release_get_notes (TribProductRelease *self);

G_END_DECLS
