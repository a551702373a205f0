/* trib-release-base.h: the release base entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity.h"
#include "trib-types.h"

G_BEGIN_DECLS

#define TRIB_TYPE_RELEASE_BASE (trib_release_base_get_type ())

G_DECLARE_FINAL_TYPE (TribReleaseBase, trib_release_base, TRIB, RELEASE_BASE, TribEntity)

typedef enum
{
  TRIB_RELEASE_BASE_FIELD_RELEASE_ID,
  TRIB_RELEASE_BASE_FIELD_UPSTREAM_ID,
  TRIB_RELEASE_BASE_FIELD_UPSTREAM_VERSION,
  TRIB_RELEASE_BASE_FIELD_UPSTREAM_EOL,
  TRIB_RELEASE_BASE_N_FIELDS
} TribReleaseBaseField;

TribReleaseBase *trib_release_base_new (void);
gint64 trib_release_base_get_release_id (TribReleaseBase *self);
gint64 trib_release_base_get_upstream_id (TribReleaseBase *self);
const char *trib_release_base_get_upstream_version (TribReleaseBase *self);
const char *trib_release_base_get_upstream_eol (TribReleaseBase *self);

G_END_DECLS
