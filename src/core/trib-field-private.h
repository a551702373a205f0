/* trib-field-private.h: what the field's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-field.h"

G_BEGIN_DECLS

GEnumClass *_trib_field_enum_class      (const TribField *field);
JsonNode   *_trib_field_variant_to_json (const TribField *field,
                                         GVariant        *value);

G_END_DECLS
