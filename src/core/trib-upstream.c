/* trib-upstream.c: the upstream entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-upstream"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-upstream.h"
#include "trib-enums.h"
#include "trib-entities.h"

struct _TribUpstream
{
  TribEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (TribUpstream, trib_upstream, TRIB_TYPE_ENTITY)

static const TribField fields[] = {
  { .name = "name", .kind = TRIB_FIELD_STRING, .label = N_("Name"), .flags = TRIB_FIELD_REQUIRED, .max = 200 },
  { .name = "forge", .kind = TRIB_FIELD_ENUM, .label = N_("Forge"), .def_string = "none", .enum_type = trib_forge_get_type },
  { .name = "repository", .kind = TRIB_FIELD_URL, .label = N_("Repository") },
  { .name = "homepage", .kind = TRIB_FIELD_URL, .label = N_("Homepage") },
  { .name = "license", .kind = TRIB_FIELD_STRING, .label = N_("Licence"), .max = 200 },
  { .name = "purls", .kind = TRIB_FIELD_STRV, .label = N_("Package URLs") },
  { .name = "layer", .kind = TRIB_FIELD_ENUM, .label = N_("Layer"), .def_string = "platform", .enum_type = trib_layer_get_type },
  { .name = "importance", .kind = TRIB_FIELD_INT, .label = N_("Importance"), .min = 1, .max = 5, .def = 3 },
  { .name = "decision", .kind = TRIB_FIELD_ENUM, .label = N_("Decision"), .def_string = "adopt", .enum_type = trib_decision_get_type },
  { .name = "intermediary", .kind = TRIB_FIELD_STRING, .label = N_("Intermediary"), .max = 200 },
  { .name = "notes", .kind = TRIB_FIELD_TEXT, .label = N_("Notes") },
  { .name = "last_error", .kind = TRIB_FIELD_STRING, .label = N_("Last refresh error"), .flags = TRIB_FIELD_INTERNAL, .max = 1000 },
  /* Releases per year as the user knows them; 0 takes the latest statistics. */
  { .name = "release_cadence", .kind = TRIB_FIELD_DOUBLE, .label = N_("Releases per year"), .min = 0, .max = 365, .since = 2 },
};

/* The table and the header's enum of fields must not drift apart. */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == TRIB_UPSTREAM_N_FIELDS);

static void
trib_upstream_class_init (TribUpstreamClass *klass)
{
  TribEntityClass *entity_class = TRIB_ENTITY_CLASS (klass);

  trib_entity_class_install_fields (entity_class, "upstream", "upstreams", N_("upstream"),
                                    fields, G_N_ELEMENTS (fields));
  entity_class->title_field = TRIB_UPSTREAM_FIELD_NAME;
}

static void
trib_upstream_init (TribUpstream *self)
{
}

TribUpstream *
trib_upstream_new (void)
{
  return g_object_new (TRIB_TYPE_UPSTREAM, NULL);
}

const char *
trib_upstream_get_name (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_NAME));
}

TribForge
trib_upstream_get_forge (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return (TribForge) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_FORGE));
}

const char *
trib_upstream_get_repository (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_REPOSITORY));
}

const char *
trib_upstream_get_homepage (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_HOMEPAGE));
}

const char *
trib_upstream_get_license (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_LICENSE));
}

const char * const *
trib_upstream_get_purls (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return (const char * const *) g_value_get_boxed (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_PURLS));
}

TribLayer
trib_upstream_get_layer (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return (TribLayer) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_LAYER));
}

int
trib_upstream_get_importance (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_int (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_IMPORTANCE));
}

TribDecision
trib_upstream_get_decision (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return (TribDecision) g_value_get_enum (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_DECISION));
}

const char *
trib_upstream_get_intermediary (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_INTERMEDIARY));
}

const char *
trib_upstream_get_notes (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_NOTES));
}

const char *
trib_upstream_get_last_error (TribUpstream *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM (self), 0);

  return g_value_get_string (trib_entity_peek_value (TRIB_ENTITY (self), TRIB_UPSTREAM_FIELD_LAST_ERROR));
}
