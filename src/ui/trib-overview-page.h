/* trib-overview-page.h: the plan's own properties and what it contains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_OVERVIEW_PAGE (trib_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (TribOverviewPage, trib_overview_page, TRIB, OVERVIEW_PAGE, AdwBin)

GtkWidget *trib_overview_page_new      (TribPlan *plan);
TribPlan  *trib_overview_page_get_plan (TribOverviewPage *self);

G_END_DECLS
