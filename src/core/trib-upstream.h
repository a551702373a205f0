/* trib-upstream.h: the upstream entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_UPSTREAM (trib_upstream_get_type ())

G_DECLARE_FINAL_TYPE (TribUpstream, trib_upstream, TRIB, UPSTREAM, TribEntity)

typedef enum
{
  TRIB_UPSTREAM_FIELD_NAME,
  TRIB_UPSTREAM_FIELD_FORGE,
  TRIB_UPSTREAM_FIELD_REPOSITORY,
  TRIB_UPSTREAM_FIELD_HOMEPAGE,
  TRIB_UPSTREAM_FIELD_LICENSE,
  TRIB_UPSTREAM_FIELD_PURLS,
  TRIB_UPSTREAM_FIELD_LAYER,
  TRIB_UPSTREAM_FIELD_IMPORTANCE,
  TRIB_UPSTREAM_FIELD_DECISION,
  TRIB_UPSTREAM_FIELD_INTERMEDIARY,
  TRIB_UPSTREAM_FIELD_NOTES,
  TRIB_UPSTREAM_FIELD_LAST_ERROR,
  TRIB_UPSTREAM_FIELD_RELEASE_CADENCE,
  TRIB_UPSTREAM_N_FIELDS
} TribUpstreamField;

TribUpstream *trib_upstream_new (void);
const char *trib_upstream_get_name (TribUpstream *self);
TribForge trib_upstream_get_forge (TribUpstream *self);
const char *trib_upstream_get_repository (TribUpstream *self);
const char *trib_upstream_get_homepage (TribUpstream *self);
const char *trib_upstream_get_license (TribUpstream *self);
const char * const *trib_upstream_get_purls (TribUpstream *self);
TribLayer trib_upstream_get_layer (TribUpstream *self);
int trib_upstream_get_importance (TribUpstream *self);
TribDecision trib_upstream_get_decision (TribUpstream *self);
const char *trib_upstream_get_intermediary (TribUpstream *self);
const char *trib_upstream_get_notes (TribUpstream *self);
const char *trib_upstream_get_last_error (TribUpstream *self);

G_END_DECLS
