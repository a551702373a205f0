/* trib-forge-refresh.h: one refresh of a plan's upstreams, with its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-forge-service.h"
#include "trib-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_FORGE_OUTCOME_UPDATED,       /* a new snapshot */
  TRIB_FORGE_OUTCOME_NOT_MODIFIED,  /* every answer was 304: the snapshot stands */
  TRIB_FORGE_OUTCOME_FAILED,        /* the error is recorded on the upstream */
  TRIB_FORGE_OUTCOME_SKIPPED,       /* no forge or no repository address */
} TribForgeOutcome;

#define TRIB_TYPE_FORGE_REFRESH (trib_forge_refresh_get_type ())

G_DECLARE_FINAL_TYPE (TribForgeRefresh, trib_forge_refresh, TRIB, FORGE_REFRESH, GObject)

TribForgeRefresh *trib_forge_refresh_new          (TribForgeService     *service,
                                                   TribPlan             *plan,
                                                   GPtrArray            *upstreams);
guint             trib_forge_refresh_get_total    (TribForgeRefresh     *self);
guint             trib_forge_refresh_get_done     (TribForgeRefresh     *self);
guint             trib_forge_refresh_get_failed   (TribForgeRefresh     *self);
const char       *trib_forge_refresh_get_current  (TribForgeRefresh     *self);
gint64            trib_forge_refresh_get_waiting_until (TribForgeRefresh *self);
gboolean          trib_forge_refresh_get_running  (TribForgeRefresh     *self);

void              trib_forge_refresh_run_async    (TribForgeRefresh     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          trib_forge_refresh_run_finish   (TribForgeRefresh     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
