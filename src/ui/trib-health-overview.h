/* trib-health-overview.h: the upstreams counted by health, on the Overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-page-context.h"

G_BEGIN_DECLS

void trib_health_overview_attach (GtkWidget       *overview,
                                  TribPageContext *context);

G_END_DECLS
