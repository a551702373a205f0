/* trib-plan-changes.c: grouping, committing and undoing the edits of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is an operation (add, remove, set a field) inside a change.
 * A change is committed to the file in one transaction and kept for undo;
 * undoing applies the inverse operations in reverse order, again in one
 * transaction, so a change of many rows is one step both ways. When the
 * file refuses a change, memory is put back to where the file is.
 */
#define G_LOG_DOMAIN "trib-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-plan-private.h"

/* Which entity types the operations of @change touch. */
TribPlanChanges
_trib_plan_change_mask (Change *change)
{
  TribPlanChanges mask = 0;

  for (guint i = 0; i < change->ops->len; i++)
    {
      Op *op = g_ptr_array_index (change->ops, i);
      mask |= trib_plan_changes_for_type (G_OBJECT_TYPE (op->entity));
    }
  return mask;
}

/* Runs @op inside the current change, opening one for it alone if needed. */
gboolean
_trib_plan_record (TribPlan   *self,
        Op         *op,
        const char *label,
        GError    **error)
{
  gboolean ok;

  trib_plan_begin (self, label);
  if (self->group_error == NULL)
    {
      GError *local = NULL;
      if (_trib_plan_apply_op (self, op, TRUE, TRUE, &local))
        {
          g_ptr_array_add (self->current->ops, op);
          op = NULL;
        }
      else
        self->group_error = local;
    }
  if (op != NULL)
    _trib_plan_op_free (op);
  ok = trib_plan_commit (self, error);
  return ok;
}

/**
 * trib_plan_begin:
 *
 * Opens a change: every edit until the matching trib_plan_commit() is
 * committed to the file in one transaction and undone in one step. Changes
 * nest; the outermost one counts.
 */
void
trib_plan_begin (TribPlan   *self,
                 const char *label)
{
  g_return_if_fail (TRIB_IS_PLAN (self));

  if (self->depth++ > 0)
    return;

  self->current = _trib_plan_change_new (label);
  g_clear_error (&self->group_error);
  if (self->store == NULL)
    _trib_plan_ensure_open (self, &self->group_error);
  else
    trib_store_begin (self->store, &self->group_error);
}

static void
revert_in_memory (TribPlan *self,
                  Change   *change)
{
  for (guint i = change->ops->len; i > 0; i--)
    _trib_plan_apply_op (self, g_ptr_array_index (change->ops, i - 1), FALSE, FALSE, NULL);
}

/* Keeps @change (taking it) as the newest undo step; the redo history goes. */
void
_trib_plan_push_undo (TribPlan *self,
                      Change   *change)
{
  guint ops = 0;

  g_ptr_array_add (self->undo_stack, change);
  if (self->undo_stack->len > UNDO_LIMIT)
    g_ptr_array_remove_index (self->undo_stack, 0);
  for (guint i = 0; i < self->undo_stack->len; i++)
    ops += ((Change *) g_ptr_array_index (self->undo_stack, i))->ops->len;
  while (self->undo_stack->len > 1 && ops > UNDO_OPS_LIMIT)
    {
      ops -= ((Change *) g_ptr_array_index (self->undo_stack, 0))->ops->len;
      g_ptr_array_remove_index (self->undo_stack, 0);
    }
  g_ptr_array_set_size (self->redo_stack, 0);
  _trib_plan_notify_undo_state (self);
}

/**
 * trib_plan_commit:
 *
 * Closes the change opened by trib_plan_begin(). If any edit in it failed,
 * or the file refuses the commit, the whole change is undone in memory and
 * in the file, and the first error is returned.
 */
gboolean
trib_plan_commit (TribPlan *self,
                  GError  **error)
{
  Change *change;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    {
      if (self->group_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->group_error));
          return FALSE;
        }
      return TRUE;
    }

  change = g_steal_pointer (&self->current);

  if (self->group_error == NULL && self->store != NULL &&
      trib_store_in_transaction (self->store) &&
      !trib_store_commit (self->store, &self->group_error))
    {
      /* The store rolled back already. */
    }

  if (self->group_error != NULL)
    {
      if (self->store != NULL)
        trib_store_rollback (self->store);
      revert_in_memory (self, change);
      _trib_plan_change_free (change);
      g_propagate_error (error, g_steal_pointer (&self->group_error));
      return FALSE;
    }

  if (change->ops->len == 0)
    {
      _trib_plan_change_free (change);
      return TRUE;
    }

  _trib_plan_push_undo (self, change);
  _trib_plan_emit_changed (self, _trib_plan_change_mask (change));
  return TRUE;
}

/**
 * trib_plan_rollback:
 *
 * Abandons the change opened by trib_plan_begin(), with everything done in
 * it, at every nesting level.
 */
void
trib_plan_rollback (TribPlan *self)
{
  Change *change;

  g_return_if_fail (TRIB_IS_PLAN (self));

  if (self->depth == 0)
    return;
  self->depth = 0;
  change = g_steal_pointer (&self->current);
  if (self->store != NULL)
    trib_store_rollback (self->store);
  revert_in_memory (self, change);
  _trib_plan_change_free (change);
  g_clear_error (&self->group_error);
}

gboolean
trib_plan_can_undo (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  return self->undo_stack->len > 0 && self->depth == 0;
}

gboolean
trib_plan_can_redo (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  return self->redo_stack->len > 0 && self->depth == 0;
}

const char *
trib_plan_get_undo_label (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return ((Change *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->label;
}

const char *
trib_plan_get_redo_label (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return ((Change *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->label;
}

/* Moves the newest change of @from to @to, applying it backwards (undo) or
 * forwards (redo) in one transaction. */
static gboolean
replay (TribPlan  *self,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   forward,
        GError   **error)
{
  Change *change;
  guint n, done = 0;
  GError *local = NULL;

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  g_return_val_if_fail (self->depth == 0, FALSE);
  if (from->len == 0)
    return TRUE;

  change = g_ptr_array_steal_index (from, from->len - 1);
  n = change->ops->len;

  if (trib_store_begin (self->store, &local))
    {
      for (done = 0; done < n; done++)
        {
          Op *op = g_ptr_array_index (change->ops, forward ? done : n - 1 - done);
          if (!_trib_plan_apply_op (self, op, forward, TRUE, &local))
            break;
        }
      if (local == NULL)
        trib_store_commit (self->store, &local);
    }

  if (local != NULL)
    {
      trib_store_rollback (self->store);
      /* Put memory back to where the file is. */
      for (guint i = done; i > 0; i--)
        _trib_plan_apply_op (self, g_ptr_array_index (change->ops, forward ? i - 1 : n - i), !forward, FALSE,
                  NULL);
      g_ptr_array_add (from, change);
      g_propagate_error (error, local);
      return FALSE;
    }

  g_ptr_array_add (to, change);
  _trib_plan_notify_undo_state (self);
  _trib_plan_emit_changed (self, _trib_plan_change_mask (change));
  return TRUE;
}

gboolean
trib_plan_undo (TribPlan *self,
                GError  **error)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  return replay (self, self->undo_stack, self->redo_stack, FALSE, error);
}

gboolean
trib_plan_redo (TribPlan *self,
                GError  **error)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  return replay (self, self->redo_stack, self->undo_stack, TRUE, error);
}

