/* trib-types.h: shared enumerations of the Tributary domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The forge hosting an upstream's repository. */
typedef enum
{
  TRIB_FORGE_NONE,
  TRIB_FORGE_GITHUB,
  TRIB_FORGE_GITLAB,
} TribForge;

/* Where an upstream sits in the platform (the guide's figure 1). */
typedef enum
{
  TRIB_LAYER_ABOVE,
  TRIB_LAYER_PLATFORM,
  TRIB_LAYER_BELOW,
} TribLayer;

typedef enum
{
  TRIB_DECISION_ADOPT,
  TRIB_DECISION_INVEST,
  TRIB_DECISION_MAINTAIN,
  TRIB_DECISION_WATCH,
  TRIB_DECISION_REPLACE,
  TRIB_DECISION_BUILD_IN_HOUSE,
} TribDecision;

/* The role we aim for in an upstream community: the engineering dial. */
typedef enum
{
  TRIB_ROLE_USER,
  TRIB_ROLE_CONTRIBUTOR,
  TRIB_ROLE_MAINTAINER,
  TRIB_ROLE_LEADER,
} TribRole;

typedef enum
{
  TRIB_PATCH_STATE_CARRIED,
  TRIB_PATCH_STATE_PROPOSED,
  TRIB_PATCH_STATE_MERGED,
  TRIB_PATCH_STATE_DROPPED,
} TribPatchState;

typedef enum
{
  TRIB_TARGET_KIND_HARDWARE,
  TRIB_TARGET_KIND_OPERATING_SYSTEM,
  TRIB_TARGET_KIND_CLOUD,
  TRIB_TARGET_KIND_SOFTWARE,
} TribTargetKind;

typedef enum
{
  TRIB_CERT_STATUS_PLANNED,
  TRIB_CERT_STATUS_IN_PROGRESS,
  TRIB_CERT_STATUS_CERTIFIED,
  TRIB_CERT_STATUS_FAILED,
} TribCertStatus;

typedef enum
{
  TRIB_BUSINESS_MODEL_OPEN_CORE,
  TRIB_BUSINESS_MODEL_HYBRID,
  TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM,
  TRIB_BUSINESS_MODEL_SERVICES,
  TRIB_BUSINESS_MODEL_FREEMIUM,
  TRIB_BUSINESS_MODEL_CUSTOM,
} TribBusinessModel;

typedef enum
{
  TRIB_LANE_UPSTREAM,
  TRIB_LANE_PRODUCT,
  TRIB_LANE_INVESTMENT,
  TRIB_LANE_BUSINESS,
} TribLane;

/* The three upstream-first steps of the guide, for milestones. */
typedef enum
{
  TRIB_STEP_NONE,
  TRIB_STEP_FIND_GAPS,
  TRIB_STEP_TURN_UP_DIAL,
  TRIB_STEP_PRODUCT_ROADMAP,
} TribStep;

G_END_DECLS
