/* trib-roadmap-page.h: the Roadmap page — the timeline and its milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-entity-form.h"
#include "trib-page-context.h"
#include "trib-roadmap.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ROADMAP_PAGE (trib_roadmap_page_get_type ())

G_DECLARE_FINAL_TYPE (TribRoadmapPage, trib_roadmap_page, TRIB, ROADMAP_PAGE, GtkWidget)

GtkWidget      *trib_roadmap_page_new          (TribPageContext *context);
TribRoadmap    *trib_roadmap_page_get_roadmap  (TribRoadmapPage *self);
GtkWidget      *trib_roadmap_page_get_view     (TribRoadmapPage *self);
int             trib_roadmap_page_get_selected (TribRoadmapPage *self);
void            trib_roadmap_page_select       (TribRoadmapPage *self,
                                                int              index);
TribEntityForm *trib_roadmap_page_open_form    (TribRoadmapPage *self,
                                                TribMilestone   *milestone);
gboolean        trib_roadmap_page_move_selected (TribRoadmapPage *self,
                                                int              days);

G_END_DECLS
