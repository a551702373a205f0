/* trib-roadmap.h: the roadmap's lanes, items and their rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A roadmap is a list of dated items on four lanes (upstream, product,
 * investment, business). trib_roadmap_new_for_plan() collects them from a
 * plan; trib_roadmap_layout() gives every item a row within its lane so
 * that no two items of a row overlap. Both are pure: the same plan and the
 * same measure give the same rows, whatever the order the plan lists its
 * entities in.
 */
#pragma once

#include <glib-object.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_ROADMAP_N_LANES 4

typedef enum
{
  TRIB_ROADMAP_KIND_MILESTONE,        /* a milestone of the plan: start == end */
  TRIB_ROADMAP_KIND_UPSTREAM_RELEASE, /* an expected upstream release, from its cadence */
  TRIB_ROADMAP_KIND_RELEASE,          /* a product release, GA to end of maintenance */
  TRIB_ROADMAP_KIND_END_OF_LIFE,      /* a product release, end of maintenance to end of life */
  TRIB_ROADMAP_KIND_INVESTMENT,       /* quarters of one upstream at one FTE level */
} TribRoadmapKind;

/**
 * TribRoadmapItem:
 * @lane: the lane it sits on
 * @kind: what it shows
 * @title: what people read
 * @start: first day, a Julian day number (#GDate)
 * @end: last day, equal to @start for a point in time
 * @group: items with the same non-zero group on one lane share a row (an
 *   upstream's release train, a release's phases, an upstream's FTE steps)
 * @row: the row within the lane, set by trib_roadmap_layout()
 * @step: the upstream-first step a milestone belongs to
 * @done: whether a milestone is done
 * @value: the FTE of an investment item
 * @entity_type: the type of the entity it was made from, or %G_TYPE_INVALID
 * @entity_id: that entity's id
 * @link_type: what a milestone links to (upstream, release or scenario), or
 *   %G_TYPE_INVALID
 * @link_id: the id of that entity
 */
typedef struct
{
  TribLane        lane;
  TribRoadmapKind kind;
  char           *title;
  guint32         start;
  guint32         end;
  guint           group;
  int             row;
  TribStep        step;
  gboolean        done;
  double          value;
  GType           entity_type;
  gint64          entity_id;
  GType           link_type;
  gint64          link_id;
} TribRoadmapItem;

typedef struct _TribRoadmap TribRoadmap;

/**
 * TribRoadmapMeasureFunc:
 * @item: an item
 * @user_data: the data given to trib_roadmap_layout()
 *
 * Returns: how many days past its start the item's label reaches, so that
 *   the layout keeps the next item of the row clear of it
 */
typedef guint (*TribRoadmapMeasureFunc) (const TribRoadmapItem *item,
                                         gpointer               user_data);

TribRoadmap           *trib_roadmap_new              (guint32                first_day,
                                                      guint32                last_day);
TribRoadmap           *trib_roadmap_new_for_plan     (TribPlan              *plan);
void                   trib_roadmap_free             (TribRoadmap           *self);

TribRoadmapItem       *trib_roadmap_add              (TribRoadmap           *self,
                                                      TribLane               lane,
                                                      TribRoadmapKind        kind,
                                                      const char            *title,
                                                      guint32                start,
                                                      guint32                end,
                                                      guint                  group);
void                   trib_roadmap_layout           (TribRoadmap           *self,
                                                      TribRoadmapMeasureFunc measure,
                                                      gpointer               user_data);

guint32                trib_roadmap_get_first_day    (TribRoadmap           *self);
guint32                trib_roadmap_get_last_day     (TribRoadmap           *self);
guint                  trib_roadmap_get_n_items      (TribRoadmap           *self);
const TribRoadmapItem *trib_roadmap_get_item         (TribRoadmap           *self,
                                                      guint                  index);
int                    trib_roadmap_get_n_rows       (TribRoadmap           *self,
                                                      TribLane               lane);
gboolean               trib_roadmap_get_step_span    (TribRoadmap           *self,
                                                      TribStep               step,
                                                      guint32               *start,
                                                      guint32               *end);
int                    trib_roadmap_find_entity      (TribRoadmap           *self,
                                                      GType                  entity_type,
                                                      gint64                 entity_id);

const char            *trib_roadmap_kind_to_string   (TribRoadmapKind        kind);
const char            *trib_roadmap_lane_to_string   (TribLane               lane);
guint                  trib_roadmap_default_measure  (const TribRoadmapItem *item,
                                                      gpointer               user_data);
char                  *trib_roadmap_format_day       (guint32                julian);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribRoadmap, trib_roadmap_free)

G_END_DECLS
