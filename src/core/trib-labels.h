/* trib-labels.h: the words people read for the values of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window, the command line and the report name an enumeration's values
 * and count entities with these, so that they all speak the same words.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *trib_enum_get_label        (GType       enum_type,
                                        int         value);
char       *trib_entity_type_count     (GType       entity_type,
                                        guint       n);
const char *trib_entity_type_get_plural (GType      entity_type);

G_END_DECLS
