/* trib-findings-list.h: the strategy findings on the Overview, and their count in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FINDINGS_LIST (trib_findings_list_get_type ())

G_DECLARE_FINAL_TYPE (TribFindingsList, trib_findings_list, TRIB, FINDINGS_LIST, AdwBin)

GtkWidget  *trib_findings_list_new      (TribPlan         *plan);
GtkListBox *trib_findings_list_get_list (TribFindingsList *self);
GtkWidget  *trib_findings_badge_new     (TribPlan         *plan);

G_END_DECLS
