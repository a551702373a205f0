/* trib-plan-fetch.c: what a forge said about an upstream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statistics fetched from a forge are not a person's edit: they are
 * written at once, in one transaction, and never become an undo step (an
 * undo must not throw away a refresh, nor a refresh the redo history).
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

/**
 * trib_plan_record_fetch:
 * @upstream: an upstream of the plan
 * @snapshot: (nullable): what the forge said, belonging to no plan yet;
 *   its upstream is set to @upstream
 * @error_message: (nullable): why the fetch failed, or %NULL when it worked
 *   (which clears the upstream's last error)
 *
 * Records the outcome of fetching @upstream's statistics: adds @snapshot
 * to its history and sets its last refresh error, in one transaction and
 * without an undo step. A failed fetch passes no snapshot, which leaves
 * the previous one in place. Emits TribPlan::changed.
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
  TribEntity *entity = TRIB_ENTITY (upstream);
  g_auto(GValue) last_error = G_VALUE_INIT;
  gboolean error_changed;
  TribPlanChanges changes = 0;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (TRIB_IS_UPSTREAM (upstream), FALSE);
  g_return_val_if_fail (snapshot == NULL || TRIB_IS_STATS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (snapshot == NULL || trib_entity_get_plan (TRIB_ENTITY (snapshot)) == NULL,
                        FALSE);

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  if (trib_entity_get_plan (entity) != self)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("This upstream is not part of the plan any more."));
      return FALSE;
    }
  if (self->depth > 0)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_FAILED,
                           _("Statistics cannot be recorded while a change is being made."));
      return FALSE;
    }

  g_value_init (&last_error, G_TYPE_STRING);
  if (error_message != NULL && error_message[0] != '\0')
    {
      /* The field holds one line of at most 1000 characters. */
      g_autofree char *line = g_strdelimit (g_strdup (error_message), "\r\n", ' ');

      if (g_utf8_strlen (line, -1) > 1000)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, 999);
          g_value_take_string (&last_error, g_strconcat (cut, "…", NULL));
        }
      else
        g_value_set_string (&last_error, line);
    }
  error_changed = !trib_field_values_equal (
    &TRIB_ENTITY_GET_CLASS (entity)->fields[TRIB_UPSTREAM_FIELD_LAST_ERROR],
    trib_entity_peek_value (entity, TRIB_UPSTREAM_FIELD_LAST_ERROR), &last_error);

  if (snapshot != NULL)
    {
      g_auto(GValue) id = G_VALUE_INIT;

      g_value_init (&id, G_TYPE_INT64);
      g_value_set_int64 (&id, trib_entity_get_id (entity));
      _trib_entity_store_value (TRIB_ENTITY (snapshot), TRIB_STATS_SNAPSHOT_FIELD_UPSTREAM_ID, &id);
      if (!check_snapshot (snapshot, error))
        return FALSE;
    }
  if (snapshot == NULL && !error_changed)
    return TRUE;

  if (!trib_store_begin (self->store, error))
    return FALSE;
  if ((snapshot != NULL && !trib_store_insert (self->store, TRIB_ENTITY (snapshot), error)) ||
      (error_changed && !trib_store_update (self->store, entity, TRIB_UPSTREAM_FIELD_LAST_ERROR,
                                            &last_error, error)) ||
      !trib_store_commit (self->store, error))
    {
      trib_store_rollback (self->store);
      if (snapshot != NULL)
        _trib_entity_set_id (TRIB_ENTITY (snapshot), 0);
      return FALSE;
    }

  if (snapshot != NULL)
    {
      _trib_plan_attach (self, TRIB_ENTITY (snapshot));
      changes |= TRIB_PLAN_CHANGE_STATS_SNAPSHOT;
    }
  if (error_changed)
    {
      _trib_plan_set_value (self, entity, TRIB_UPSTREAM_FIELD_LAST_ERROR, &last_error);
      changes |= TRIB_PLAN_CHANGE_UPSTREAM;
    }
  _trib_plan_emit_changed (self, changes);
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
