/* trib-plan-private.h: what the plan's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TribPlan is split by concern: trib-plan.c holds the document (files),
 * trib-plan-refs.c its lists and indexes, trib-plan-edits.c the edits and
 * trib-plan-changes.c the changes (grouping, commit, rollback, undo and
 * redo).
 */
#pragma once

#include "trib-plan.h"
#include "trib-store.h"

G_BEGIN_DECLS

/* The undo history keeps at most this many steps, and drops its oldest
 * steps once they hold more than UNDO_OPS_LIMIT operations (each keeps an
 * entity alive): a bulk edit of a hundred thousand rows must not pin them
 * all in memory for the life of the window. The newest step always stays. */
#define UNDO_LIMIT 200
#define UNDO_OPS_LIMIT 20000

typedef enum
{
  OP_ADD,
  OP_REMOVE,
  OP_SET,
} OpKind;

typedef struct
{
  OpKind      kind;
  TribEntity *entity;
  guint       field;
  GValue      old_value;
  GValue      new_value;
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;
} Change;

struct _TribPlan
{
  GObject       parent_instance;

  TribStore    *store;
  TribPlanInfo *info;
  GHashTable   *lists;    /* GType → GListStore of every entity of the type */
  GHashTable   *index;    /* GType → (id → entity), histories: those in memory */
  GHashTable   *refs;     /* GType → GPtrArray by field → (target id → GListStore) */

  GPtrArray    *undo_stack;
  GPtrArray    *redo_stack;
  Change       *current;
  int           depth;
  GError       *group_error;

  Change       *fetches;  /* the refresh under way, its undo step to be */

  TribPlanChanges pending;  /* changed since the last ::changes-settled */
  guint         settle_id;  /* idle source that emits it */
};

Change   *_trib_plan_change_new         (const char *label);
void      _trib_plan_change_free        (Change     *change);
void      _trib_plan_op_free            (Op         *op);
Op       *_trib_plan_op_new_set         (TribEntity   *entity,
                                         guint         field,
                                         const GValue *value);
gboolean  _trib_plan_apply_op           (TribPlan   *self,
                                         Op         *op,
                                         gboolean    forward,
                                         gboolean    write,
                                         GError    **error);
gboolean  _trib_plan_ensure_open        (TribPlan   *self,
                                         GError    **error);
gboolean  _trib_plan_record             (TribPlan   *self,
                                         Op         *op,
                                         const char *label,
                                         GError    **error);
void      _trib_plan_notify_undo_state  (TribPlan   *self);
void      _trib_plan_push_undo          (TribPlan   *self,
                                         Change     *change);
void      _trib_plan_emit_changed       (TribPlan   *self,
                                         TribPlanChanges changes);
TribPlanChanges _trib_plan_change_mask  (Change     *change);

/* trib-plan-edits.c */
gboolean  _trib_plan_collect_subject_removal (TribPlan   *self,
                                         TribEntity   *entity,
                                         GHashTable   *seen,
                                         GPtrArray    *ops,
                                         GError      **error);

/* trib-plan-refs.c */
void      _trib_plan_attach             (TribPlan     *self,
                                         TribEntity   *entity);
void      _trib_plan_detach             (TribPlan     *self,
                                         TribEntity   *entity);
void      _trib_plan_set_value          (TribPlan     *self,
                                         TribEntity   *entity,
                                         guint         field,
                                         const GValue *value);
void      _trib_plan_index_loaded       (TribPlan     *self,
                                         GType         type,
                                         GPtrArray    *items);
void      _trib_plan_detach_all         (TribPlan     *self);

G_END_DECLS
