/* trib-upstreams-page.h: the table of the plan's upstreams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_UPSTREAMS_PAGE (trib_upstreams_page_get_type ())

G_DECLARE_FINAL_TYPE (TribUpstreamsPage, trib_upstreams_page, TRIB, UPSTREAMS_PAGE, AdwBin)

GtkWidget    *trib_upstreams_page_new          (TribPlan          *plan);
TribPlan     *trib_upstreams_page_get_plan     (TribUpstreamsPage *self);
GListModel   *trib_upstreams_page_get_model    (TribUpstreamsPage *self);
TribUpstream *trib_upstreams_page_get_selected (TribUpstreamsPage *self);
void          trib_upstreams_page_select       (TribUpstreamsPage *self,
                                                TribUpstream      *upstream);

G_END_DECLS
