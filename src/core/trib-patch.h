/* trib-patch.h: the patch entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PATCH (trib_patch_get_type ())

G_DECLARE_FINAL_TYPE (TribPatch, trib_patch, TRIB, PATCH, TribEntity)

typedef enum
{
  TRIB_PATCH_FIELD_UPSTREAM_ID,
  TRIB_PATCH_FIELD_TITLE,
  TRIB_PATCH_FIELD_STATE,
  TRIB_PATCH_FIELD_LINES,
  TRIB_PATCH_FIELD_HOURS_PER_RELEASE,
  TRIB_PATCH_FIELD_CREATED,
  TRIB_PATCH_FIELD_MERGED,
  TRIB_PATCH_FIELD_URL,
  TRIB_PATCH_FIELD_NOTES,
  TRIB_PATCH_FIELD_DROPPED,
  TRIB_PATCH_FIELD_TARGET_QUARTER,
  TRIB_PATCH_N_FIELDS
} TribPatchField;

TribPatch *trib_patch_new (void);
gint64 trib_patch_get_upstream_id (TribPatch *self);
const char *trib_patch_get_title (TribPatch *self);
TribPatchState trib_patch_get_state (TribPatch *self);
int trib_patch_get_lines (TribPatch *self);
double trib_patch_get_hours_per_release (TribPatch *self);
const char *trib_patch_get_created (TribPatch *self);
const char *trib_patch_get_merged (TribPatch *self);
const char *trib_patch_get_url (TribPatch *self);
const char *trib_patch_get_notes (TribPatch *self);

G_END_DECLS
