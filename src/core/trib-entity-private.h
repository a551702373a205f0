/* trib-entity-private.h: what the plan, the store and the import do to entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seen only inside core (TRIB_CORE_COMPILATION): everything else changes
 * an entity through its plan, which validates, commits and records undo.
 */
#pragma once

#include "trib-entity.h"

G_BEGIN_DECLS

void             _trib_entity_set_id              (TribEntity      *self,
                                                   gint64           id);
void             _trib_entity_set_plan            (TribEntity      *self,
                                                   TribPlan        *plan);
void             _trib_entity_store_value         (TribEntity      *self,
                                                   guint            field,
                                                   const GValue    *value);
void             _trib_entity_take_value          (TribEntity      *self,
                                                   guint            field,
                                                   GValue          *value);

G_END_DECLS
