/* trib-patch.c: the patch entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-patch"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-patch.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribPatch
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribPatch, trib_patch, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "upstream_id", .kind = TRIB_FIELD_REF, .label = N_("Upstream"), .flags = TRIB_FIELD_REQUIRED, .ref_type = trib_upstream_get_type },
  { .name = "title", .kind = TRIB_FIELD_STRING, .label = N_("Title"), .flags = TRIB_FIELD_REQUIRED, .max = 300 },
  { .name = "state", .kind = TRIB_FIELD_ENUM, .label = N_("State"), .def_string = "carried", .enum_type = trib_patch_state_get_type },
  { .name = "lines", .kind = TRIB_FIELD_INT, .label = N_("Lines changed"), .min = 0, .max = 10000000 },
  { .name = "hours_per_release", .kind = TRIB_FIELD_DOUBLE, .label = N_("Hours to carry per release"), .min = 0, .max = 10000, .def = 4 },
  { .name = "created", .kind = TRIB_FIELD_DATE, .label = N_("Created") },
  { .name = "merged", .kind = TRIB_FIELD_DATE, .label = N_("Merged upstream") },
  { .name = "url", .kind = TRIB_FIELD_URL, .label = N_("Address") },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
  { .name = "dropped", .kind = TRIB_FIELD_DATE, .label = N_("Dropped"), .since = 2 },
  { .name = "target_quarter", .kind = TRIB_FIELD_QUARTER, .label = N_("Upstream by"), .since = 2 },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_PATCH_N_FIELDS);

static void
trib_patch_class_init (TribPatchClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "patch", "patches", N_("patch"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_PATCH_FIELD_TITLE;
}

static void
trib_patch_init (TribPatch *self)
{
}

TribPatch *
trib_patch_new (void)
{
  return g_object_new (TRIB_TYPE_PATCH, NULL);
}

gint64
trib_patch_get_upstream_id (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_int64 (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_UPSTREAM_ID));
}

const char *
trib_patch_get_title (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_TITLE));
}

TribPatchState
trib_patch_get_state (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return (TribPatchState) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_STATE));
}

int
trib_patch_get_lines (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_LINES));
}

double
trib_patch_get_hours_per_release (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_double (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_HOURS_PER_RELEASE));
}

const char *
trib_patch_get_created (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_CREATED));
}

const char *
trib_patch_get_merged (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_MERGED));
}

const char *
trib_patch_get_url (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_URL));
}

const char *
trib_patch_get_notes (TribPatch *self)
{
  g_return_val_if_fail (TRIB_IS_PATCH (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_PATCH_FIELD_NOTES));
}
