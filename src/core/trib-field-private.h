/* trib-field-private.h: what the field's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-field.h"

G_BEGIN_DECLS

#define DEFAULT_STRING_MAX 500
#define DEFAULT_TEXT_MAX 20000
#define URL_MAX 2000
#define LIST_MAX 1000

GEnumClass *_trib_field_enum_class      (const TribField *field);
guint       _trib_field_text_max        (const TribField *field);
gboolean    _trib_field_fail_expected   (const TribField *field,
                                         char           **message);
JsonNode   *_trib_field_variant_to_json (const TribField *field,
                                         GVariant        *value);

G_END_DECLS
