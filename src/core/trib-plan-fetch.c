/* trib-plan-fetch.c: what a forge said about an upstream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statistics fetched from a forge are not a person's edit: they are
 * written as they come, a batch of upstreams in one transaction, without
 * waiting for an undo group (a person may be editing at the same time).
 * A refresh as a whole is one undo step: what it recorded is collected
 * between trib_plan_begin_fetches() and trib_plan_end_fetches(), and
 * kept as one change when it ends, less anything changed again since.
 * The history of an upstream is read from the file on first use.
 */
#define G_LOG_DOMAIN "trib-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-plan-private.h"

static gboolean
check_snapshot (TribStatsSnapshot *snapshot,
                GError           **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (snapshot);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const TribField *f = &klass->fields[i];
      g_autofree char *message = NULL;

      if (!trib_field_validate (f, trib_entity_peek_value (TRIB_ENTITY (snapshot), i), &message))
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s: %s", _(f->label),
                       message);
          return FALSE;
        }
    }
  return TRUE;
}

/* The field holds one line of at most 1000 characters. */
static char *
error_line (const char *message)
{
  g_autofree char *line = NULL;

  if (message == NULL || message[0] == '\0')
    return NULL;
  line = g_strdelimit (g_strdup (message), "\r\n", ' ');
  if (g_utf8_strlen (line, -1) > 1000)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 999);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

/* The operations that record @outcome, appended to @ops. */
static void
collect_outcome (TribPlan         *self,
                 TribFetchOutcome *outcome,
                 GPtrArray        *ops)
{
  TribEntity *entity = TRIB_ENTITY (outcome->upstream);
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  g_auto(GValue) last_error = G_VALUE_INIT;
  g_autofree char *refused = NULL;
  gboolean with_snapshot = outcome->snapshot != NULL;

  g_clear_error (&outcome->error);
  if (trib_entity_get_plan (entity) != self)
    {
      g_set_error_literal (&outcome->error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("This upstream is not part of the plan any more."));
      return;
    }
  if (with_snapshot)
    {
      g_auto(GValue) id = G_VALUE_INIT;

      g_value_init (&id, G_TYPE_INT64);
      g_value_set_int64 (&id, trib_entity_get_id (entity));
      _trib_entity_store_value (TRIB_ENTITY (outcome->snapshot), TRIB_STATS_SNAPSHOT_FIELD_UPSTREAM_ID, &id);
      if (!check_snapshot (outcome->snapshot, &outcome->error))
        {
          with_snapshot = FALSE;
          /* Translators: the reason follows */
          refused = g_strdup_printf (_("The statistics could not be recorded: %s"), outcome->error->message);
        }
    }

  g_value_init (&last_error, G_TYPE_STRING);
  g_value_take_string (&last_error, error_line (refused != NULL ? refused : outcome->error_message));
  if (!trib_field_values_equal (&klass->fields[TRIB_UPSTREAM_FIELD_LAST_ERROR],
                                trib_entity_peek_value (entity, TRIB_UPSTREAM_FIELD_LAST_ERROR), &last_error))
    g_ptr_array_add (ops, _trib_plan_op_new_set (entity, TRIB_UPSTREAM_FIELD_LAST_ERROR, &last_error));

  if (with_snapshot)
    {
      Op *op = g_new0 (Op, 1);

      op->kind = OP_ADD;
      op->entity = g_object_ref (TRIB_ENTITY (outcome->snapshot));
      g_ptr_array_add (ops, op);
    }

  if (outcome->repository != NULL && refused == NULL)
    {
      const TribField *f = &klass->fields[TRIB_UPSTREAM_FIELD_REPOSITORY];
      g_auto(GValue) address = G_VALUE_INIT;
      g_autofree char *message = NULL;

      g_value_init (&address, G_TYPE_STRING);
      g_value_set_string (&address, outcome->repository);
      if (!trib_field_validate (f, &address, &message))
        g_debug ("The new address of %s is not kept: %s", trib_upstream_get_name (outcome->upstream), message);
      else if (!trib_field_values_equal (f, trib_entity_peek_value (entity, TRIB_UPSTREAM_FIELD_REPOSITORY),
                                         &address))
        g_ptr_array_add (ops, _trib_plan_op_new_set (entity, TRIB_UPSTREAM_FIELD_REPOSITORY, &address));
    }
}

/**
 * trib_plan_record_fetches:
 * @outcomes: (array length=n_outcomes): what fetching each upstream came to
 * @n_outcomes: how many
 *
 * Records the outcomes of fetching some upstreams' statistics in one
 * transaction, without waiting for an undo group: each snapshot joins its
 * upstream's history (its upstream is set), each upstream's last refresh
 * error is set or cleared, a renamed repository gets its new address. A
 * failed fetch passes no snapshot, which leaves the previous one in place.
 * An outcome that cannot be recorded as it is (see #TribFetchOutcome's
 * @error) does not hold the others back. Emits TribPlan::changed once.
 *
 * Between trib_plan_begin_fetches() and trib_plan_end_fetches() what is
 * recorded becomes one undo step.
 *
 * Returns: whether it was written; on failure nothing changed
 */
gboolean
trib_plan_record_fetches (TribPlan         *self,
                          TribFetchOutcome *outcomes,
                          guint             n_outcomes,
                          GError          **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_plan_op_free);
  TribPlanChanges changes = 0;
  guint written;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (outcomes != NULL || n_outcomes == 0, FALSE);
  for (guint i = 0; i < n_outcomes; i++)
    {
      g_return_val_if_fail (TRIB_IS_UPSTREAM (outcomes[i].upstream), FALSE);
      g_return_val_if_fail (outcomes[i].snapshot == NULL || TRIB_IS_STATS_SNAPSHOT (outcomes[i].snapshot), FALSE);
      g_return_val_if_fail (outcomes[i].snapshot == NULL ||
                            trib_entity_get_plan (TRIB_ENTITY (outcomes[i].snapshot)) == NULL, FALSE);
    }

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  if (self->depth > 0)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_FAILED,
                           _("Statistics cannot be recorded while a change is being made."));
      return FALSE;
    }

  for (guint i = 0; i < n_outcomes; i++)
    collect_outcome (self, &outcomes[i], ops);
  if (ops->len == 0)
    return TRUE;

  /* The file first, memory once the file has it. */
  if (!trib_store_begin (self->store, error))
    return FALSE;
  for (written = 0; written < ops->len; written++)
    {
      Op *op = g_ptr_array_index (ops, written);
      gboolean ok = op->kind == OP_ADD
                      ? trib_store_insert (self->store, op->entity, error)
                      : trib_store_update (self->store, op->entity, op->field, &op->new_value, error);
      if (!ok)
        break;
    }
  if (written < ops->len || !trib_store_commit (self->store, error))
    {
      trib_store_rollback (self->store);
      for (guint i = 0; i < ops->len; i++)
        {
          Op *op = g_ptr_array_index (ops, i);
          if (op->kind == OP_ADD)
            _trib_entity_set_id (op->entity, 0);
        }
      return FALSE;
    }

  for (guint i = 0; i < ops->len; i++)
    _trib_plan_apply_op (self, g_ptr_array_index (ops, i), TRUE, FALSE, NULL);
  for (guint i = 0; i < ops->len; i++)
    changes |= trib_plan_changes_for_type (G_OBJECT_TYPE (((Op *) g_ptr_array_index (ops, i))->entity));
  if (self->fetches != NULL)
    g_ptr_array_extend_and_steal (self->fetches->ops, g_steal_pointer (&ops));
  _trib_plan_emit_changed (self, changes);
  return TRUE;
}

/**
 * trib_plan_begin_fetches:
 * @label: the undo step's label, e.g. "Refresh Statistics"
 *
 * Starts collecting what trib_plan_record_fetches() records into one undo
 * step, until trib_plan_end_fetches(). Edits made meanwhile stay steps of
 * their own. A second call before the end is ignored.
 */
void
trib_plan_begin_fetches (TribPlan   *self,
                         const char *label)
{
  g_return_if_fail (TRIB_IS_PLAN (self));

  if (self->fetches == NULL && self->store != NULL)
    self->fetches = _trib_plan_change_new (label);
}

/**
 * trib_plan_end_fetches:
 *
 * Keeps what was recorded since trib_plan_begin_fetches() as the newest
 * undo step (which drops the redo history, as any change does). What was
 * changed again since it was recorded (a snapshot whose upstream was
 * removed, an address edited during the refresh) is left out, so that
 * undoing the refresh never undoes an edit.
 *
 * Returns: whether a step was kept
 */
gboolean
trib_plan_end_fetches (TribPlan *self)
{
  Change *change;
  g_autoptr(GPtrArray) current = NULL;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);

  change = g_steal_pointer (&self->fetches);
  if (change == NULL)
    return FALSE;
  current = g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_plan_op_free);
  for (guint i = 0; i < change->ops->len; i++)
    {
      Op *op = g_ptr_array_index (change->ops, i);
      gboolean still = trib_entity_get_plan (op->entity) == self;

      if (still && op->kind == OP_SET)
        still = trib_field_values_equal (&TRIB_ENTITY_GET_CLASS (op->entity)->fields[op->field],
                                         trib_entity_peek_value (op->entity, op->field), &op->new_value);
      if (still)
        g_ptr_array_add (current, op);
      else
        _trib_plan_op_free (op);
    }
  g_ptr_array_set_free_func (change->ops, NULL);
  g_ptr_array_unref (change->ops);
  change->ops = g_steal_pointer (&current);
  if (change->ops->len == 0 || self->store == NULL)
    {
      _trib_plan_change_free (change);
      return FALSE;
    }
  _trib_plan_push_undo (self, change);
  return TRUE;
}

/**
 * trib_plan_record_fetch:
 * @upstream: an upstream of the plan
 * @snapshot: (nullable): what the forge said, belonging to no plan yet;
 *   its upstream is set to @upstream
 * @error_message: (nullable): why the fetch failed, or %NULL when it worked
 *   (which clears the upstream's last error)
 *
 * Records the outcome of fetching one upstream, as
 * trib_plan_record_fetches() does, except that a snapshot breaking a
 * field's rule is refused with nothing recorded.
 *
 * Returns: whether it was written; on failure nothing changed
 */
gboolean
trib_plan_record_fetch (TribPlan          *self,
                        TribUpstream      *upstream,
                        TribStatsSnapshot *snapshot,
                        const char        *error_message,
                        GError           **error)
{
  TribFetchOutcome outcome = { upstream, snapshot, error_message, NULL, NULL };

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (TRIB_IS_UPSTREAM (upstream), FALSE);

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  if (trib_entity_get_plan (TRIB_ENTITY (upstream)) != self)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("This upstream is not part of the plan any more."));
      return FALSE;
    }
  if (snapshot != NULL)
    {
      g_auto(GValue) id = G_VALUE_INIT;

      g_value_init (&id, G_TYPE_INT64);
      g_value_set_int64 (&id, trib_entity_get_id (TRIB_ENTITY (upstream)));
      _trib_entity_store_value (TRIB_ENTITY (snapshot), TRIB_STATS_SNAPSHOT_FIELD_UPSTREAM_ID, &id);
      if (!check_snapshot (snapshot, error))
        return FALSE;
    }
  if (!trib_plan_record_fetches (self, &outcome, 1, error))
    return FALSE;
  g_clear_error (&outcome.error);
  return TRUE;
}

/**
 * trib_plan_get_snapshots:
 * @upstream: an upstream of the plan
 *
 * The statistics history of @upstream, read from the file on first use.
 *
 * Returns: (transfer none) (nullable): its snapshots in the order they were
 *   recorded, kept up to date; %NULL with @error set if the file could not
 *   be read
 */
GListModel *
trib_plan_get_snapshots (TribPlan     *self,
                         TribUpstream *upstream,
                         GError      **error)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  g_return_val_if_fail (TRIB_IS_UPSTREAM (upstream), NULL);

  return trib_plan_get_referring (self, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id",
                                  trib_entity_get_id (TRIB_ENTITY (upstream)), error);
}

/**
 * trib_plan_get_latest_snapshot:
 * @upstream: an upstream of the plan
 *
 * Returns: (transfer none) (nullable): the snapshot of @upstream taken
 *   last (of two taken at the same time, the one recorded last), or %NULL:
 *   with @error set if the file could not be read, without if there is none
 */
TribStatsSnapshot *
trib_plan_get_latest_snapshot (TribPlan     *self,
                               TribUpstream *upstream,
                               GError      **error)
{
  GListModel *history = trib_plan_get_snapshots (self, upstream, error);
  TribStatsSnapshot *latest = NULL;

  if (history == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TribStatsSnapshot) item = g_list_model_get_item (history, i);

      /* Timestamps are canonical UTC texts: they sort as they read. */
      if (latest == NULL || g_strcmp0 (trib_stats_snapshot_get_taken_at (item),
                                       trib_stats_snapshot_get_taken_at (latest)) >= 0)
        latest = item;
    }
  return latest;
}
