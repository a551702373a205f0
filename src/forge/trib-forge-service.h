/* trib-forge-service.h: the application's one way to the forges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-forge-client.h"
#include "trib-forge-http.h"
#include "trib-plan.h"

G_BEGIN_DECLS

/**
 * TribForgeSummaryFunc:
 * @contributors: (array length=n): the contributor list
 * @n: its length
 * @forge: the forge it came from
 * @team_handles: (nullable): the plan's team handles
 * @snapshot: the snapshot to fill with the contributor figures
 * @user_data: data given with the function
 *
 * Turns a contributor list into the snapshot's contributor figures
 * (contributors, shares, absence factor). The forge layer sees no engine:
 * its owner gives it this.
 */
typedef void (*TribForgeSummaryFunc) (const TribForgeContributor *contributors,
                                      guint                       n,
                                      TribForge                   forge,
                                      const char * const         *team_handles,
                                      TribStatsSnapshot          *snapshot,
                                      gpointer                    user_data);

#define TRIB_TYPE_FORGE_SERVICE (trib_forge_service_get_type ())

G_DECLARE_FINAL_TYPE (TribForgeService, trib_forge_service, TRIB, FORGE_SERVICE, GObject)

TribForgeService *trib_forge_service_new           (const char           *cache_dir);
TribForgeHttp    *trib_forge_service_get_http      (TribForgeService     *self);
const char       *trib_forge_service_get_api_url   (TribForgeService     *self,
                                                    TribForge             forge);
void              trib_forge_service_set_api_url   (TribForgeService     *self,
                                                    TribForge             forge,
                                                    const char           *url);
void              trib_forge_service_set_token     (TribForgeService     *self,
                                                    TribForge             forge,
                                                    const char           *token);
gboolean          trib_forge_service_has_token     (TribForgeService     *self,
                                                    TribForge             forge);
void              trib_forge_service_use_environment (TribForgeService   *self);
void              trib_forge_service_set_summary_func (TribForgeService  *self,
                                                    TribForgeSummaryFunc  func,
                                                    gpointer              user_data);
void              trib_forge_service_set_now       (TribForgeService     *self,
                                                    gint64                now);
TribForgeClient  *trib_forge_service_get_client    (TribForgeService     *self,
                                                    TribForge             forge);
void              _trib_forge_service_summarize    (TribForgeService     *self,
                                                    TribForgeStats       *stats,
                                                    TribForge             forge,
                                                    const char * const   *team_handles,
                                                    TribStatsSnapshot    *snapshot);

G_END_DECLS
