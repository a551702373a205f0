/* trib-health-detail.h: an upstream's health, factor by factor, and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-health-tracker.h"

G_BEGIN_DECLS

GtkWidget *trib_health_detail_show (TribHealthTracker *tracker,
                                    TribUpstream      *upstream,
                                    GtkWidget         *parent);

G_END_DECLS
