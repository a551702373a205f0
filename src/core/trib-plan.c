/* trib-plan.c: an open plan document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan owns the store and every entity: opening, creating, copying
 * and closing the file, and what a change is said to touch. Its lists and
 * reference indexes are in trib-plan-refs.c, edits in trib-plan-edits.c,
 * how they are grouped, committed and undone in trib-plan-changes.c, and
 * fetched statistics in trib-plan-fetch.c.
 */
#define G_LOG_DOMAIN "trib-plan"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-file-policy.h"
#include "trib-plan.h"
#include "trib-plan-private.h"
#include "trib-store.h"

G_DEFINE_FINAL_TYPE (TribPlan, trib_plan, G_TYPE_OBJECT)
G_DEFINE_QUARK (trib-plan-error-quark, trib_plan_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_CHANGES_SETTLED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Entity types in the order they are loaded, exported and created: every
 * type comes after the types it refers to. */
GType *
trib_plan_entity_types (guint *n_types)
{
  static GType types[11];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GType t[] = {
        TRIB_TYPE_UPSTREAM, TRIB_TYPE_STATS_SNAPSHOT, TRIB_TYPE_INVESTMENT, TRIB_TYPE_PATCH,
        TRIB_TYPE_PRODUCT, TRIB_TYPE_PRODUCT_RELEASE, TRIB_TYPE_RELEASE_BASE,
        TRIB_TYPE_CERTIFICATION, TRIB_TYPE_SCENARIO, TRIB_TYPE_MILESTONE,
        TRIB_TYPE_ACKNOWLEDGEMENT,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (t) == G_N_ELEMENTS (types));
      /* One bit of TribPlanChanges per type, after the plan's own. */
      G_STATIC_ASSERT (TRIB_PLAN_CHANGE_ALL == (1 << (G_N_ELEMENTS (types) + 1)) - 1);
      for (guint i = 0; i < G_N_ELEMENTS (t); i++)
        types[i] = t[i];
      g_once_init_leave (&initialized, 1);
    }
  if (n_types)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

/**
 * trib_plan_changes_for_type:
 * @type: %TRIB_TYPE_PLAN_INFO or an entity type of trib_plan_entity_types()
 *
 * Returns: the bit of TribPlan::changed that stands for @type
 */
TribPlanChanges
trib_plan_changes_for_type (GType type)
{
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  if (type == TRIB_TYPE_PLAN_INFO)
    return TRIB_PLAN_CHANGE_INFO;
  for (guint t = 0; t < n_types; t++)
    if (types[t] == type)
      return 1u << (t + 1);
  g_return_val_if_reached (0);
}

/**
 * trib_plan_get_engineer_year_cost:
 * @scenario: (nullable): a scenario of the plan
 *
 * The loaded cost of one engineer-year. The plan's setting owns it; a
 * scenario overrides it only by stating it explicitly, as its
 * "engineer_cost" assumption. Everything that prices engineering (the
 * projections, the investment page, the report) reads it here.
 *
 * Returns: the cost, in the plan's currency
 */
double
trib_plan_get_engineer_year_cost (TribPlan     *self,
                                  TribScenario *scenario)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), 0);
  g_return_val_if_fail (scenario == NULL || TRIB_IS_SCENARIO (scenario), 0);

  if (scenario != NULL)
    {
      GVariant *assumptions = trib_scenario_get_assumptions (scenario);
      double cost;

      if (assumptions != NULL &&
          g_variant_lookup (assumptions, TRIB_PLAN_ENGINEER_COST_ASSUMPTION, "d", &cost))
        return cost;
    }
  return trib_plan_info_get_engineer_year_cost (self->info);
}

void
_trib_plan_op_free (Op *op)
{
  g_clear_object (&op->entity);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_free (op);
}

/* Setting @field of @entity from its current value to @value. */
Op *
_trib_plan_op_new_set (TribEntity   *entity,
                       guint         field,
                       const GValue *value)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_SET;
  op->entity = g_object_ref (entity);
  op->field = field;
  g_value_init (&op->old_value, G_VALUE_TYPE (trib_entity_peek_value (entity, field)));
  g_value_copy (trib_entity_peek_value (entity, field), &op->old_value);
  g_value_init (&op->new_value, G_VALUE_TYPE (&op->old_value));
  g_value_copy (value, &op->new_value);
  return op;
}

Change *
_trib_plan_change_new (const char *label)
{
  Change *change = g_new0 (Change, 1);
  change->label = g_strdup (label);
  change->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_plan_op_free);
  return change;
}

void
_trib_plan_change_free (Change *change)
{
  g_free (change->label);
  g_ptr_array_unref (change->ops);
  g_free (change);
}

/* Applies one operation forwards or backwards; with @write, to the file too. */
gboolean
_trib_plan_apply_op (TribPlan *self,
          Op       *op,
          gboolean  forward,
          gboolean  write,
          GError  **error)
{
  OpKind kind = op->kind;

  if (!forward && kind == OP_ADD)
    kind = OP_REMOVE;
  else if (!forward && kind == OP_REMOVE)
    kind = OP_ADD;

  switch (kind)
    {
    case OP_ADD:
      if (write && !trib_store_insert (self->store, op->entity, error))
        return FALSE;
      _trib_plan_attach (self, op->entity);
      return TRUE;
    case OP_REMOVE:
      if (write && !trib_store_delete (self->store, op->entity, error))
        return FALSE;
      _trib_plan_detach (self, op->entity);
      return TRUE;
    case OP_SET:
      {
        const GValue *value = forward ? &op->new_value : &op->old_value;
        if (write && !trib_store_update (self->store, op->entity, op->field, value, error))
          return FALSE;
        _trib_plan_set_value (self, op->entity, op->field, value);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

void
_trib_plan_notify_undo_state (TribPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

gboolean
_trib_plan_ensure_open (TribPlan *self,
             GError  **error)
{
  if (self->store == NULL)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_FAILED,
                           _("The plan is closed."));
      return FALSE;
    }
  return TRUE;
}

static void
on_info_notify_name_cb (TribPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
trib_plan_dispose (GObject *object)
{
  TribPlan *self = TRIB_PLAN (object);

  trib_plan_close (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  G_OBJECT_CLASS (trib_plan_parent_class)->dispose (object);
}

static void
trib_plan_finalize (GObject *object)
{
  TribPlan *self = TRIB_PLAN (object);

  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->refs, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_error (&self->group_error);

  G_OBJECT_CLASS (trib_plan_parent_class)->finalize (object);
}

static void
trib_plan_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TribPlan *self = TRIB_PLAN (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, trib_plan_get_path (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, trib_plan_get_title (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, trib_plan_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, trib_plan_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, trib_plan_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, trib_plan_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_plan_class_init (TribPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_plan_dispose;
  object_class->finalize = trib_plan_finalize;
  object_class->get_property = trib_plan_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribPlan::changed:
   * @changes: the TribPlanChanges bits of the entity types it touched
   *
   * Emitted after every committed change, undo and redo, and after fetched
   * statistics were recorded.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TribPlan::changes-settled:
   * @changes: the TribPlanChanges bits of every change since the last
   *   emission
   *
   * Emitted once from the main loop (at idle priority) after one or more
   * TribPlan::changed: computed views (health, checks, charts) connect here
   * to recompute once for a burst of changes, and only what @changes
   * names.
   */
  signals[SIGNAL_CHANGES_SETTLED] =
    g_signal_new ("changes-settled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TribPlan::error:
   *
   * Emitted when an edit that could not return an error (a property set by a
   * binding) was refused; the window shows the message.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
trib_plan_init (TribPlan *self)
{
  self->lists = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->index = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_hash_table_unref);
  self->refs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_plan_change_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_plan_change_free);
}

static gboolean
load (TribPlan *self,
      GError  **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  if (!trib_store_load (self->store, TRIB_TYPE_PLAN_INFO, NULL, 0, infos, error))
    return FALSE;
  if (infos->len != 1)
    {
      g_autofree char *name = g_filename_display_basename (trib_store_get_path (self->store));
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("“%s” is damaged: its plan properties are missing."), name);
      return FALSE;
    }
  self->info = g_object_ref (g_ptr_array_index (infos, 0));
  _trib_entity_set_plan (TRIB_ENTITY (self->info), self);
  g_signal_connect_object (self->info, "notify::name", G_CALLBACK (on_info_notify_name_cb),
                           self, G_CONNECT_SWAPPED);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);
      g_autoptr(GPtrArray) items = NULL;

      g_hash_table_insert (self->lists, GSIZE_TO_POINTER (types[t]), g_list_store_new (types[t]));
      if (klass->lazy)
        continue;

      items = g_ptr_array_new_with_free_func (g_object_unref);
      if (!trib_store_load (self->store, types[t], NULL, 0, items, error))
        return FALSE;
      _trib_plan_index_loaded (self, types[t], items);
    }
  return TRUE;
}

/**
 * trib_plan_open:
 *
 * Opens the plan file at @path. A file that is not a plan, a plan of a newer
 * format, or a damaged file is refused with a message for people and left
 * untouched.
 */
TribPlan *
trib_plan_open (const char        *path,
                TribPlanOpenFlags  flags,
                GError           **error)
{
  g_autoptr(TribPlan) self = NULL;
  TribStore *store;

  g_return_val_if_fail (path != NULL, NULL);

  store = trib_store_open (path, (flags & TRIB_PLAN_OPEN_READ_ONLY) != 0, error);
  if (store == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_PLAN, NULL);
  self->store = store;
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * trib_plan_create:
 *
 * Creates a new, empty plan file at @path (which must not exist) and opens it.
 */
TribPlan *
trib_plan_create (const char *path,
                  const char *name,
                  GError    **error)
{
  g_autoptr(TribPlan) self = NULL;
  TribStore *store;

  g_return_val_if_fail (path != NULL, NULL);

  store = trib_store_create (path, name, error);
  if (store == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_PLAN, NULL);
  self->store = store;
  if (!load (self, error))
    return NULL;

  /* A new plan starts with the coming quarter. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    int year = g_date_time_get_year (now);
    int quarter = (g_date_time_get_month (now) - 1) / 3 + 2;
    g_autofree char *first = NULL;
    g_auto(GValue) value = G_VALUE_INIT;

    if (quarter > 4)
      {
        quarter = 1;
        year++;
      }
    first = g_strdup_printf ("%04d-Q%d", year, quarter);
    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, first);
    if (!trib_store_update (self->store, TRIB_ENTITY (self->info),
                            TRIB_PLAN_INFO_FIELD_FIRST_QUARTER, &value, error))
      return NULL;
    _trib_entity_store_value (TRIB_ENTITY (self->info), TRIB_PLAN_INFO_FIELD_FIRST_QUARTER, &value);
  }
  return g_steal_pointer (&self);
}

/**
 * trib_plan_create_replacing:
 *
 * Creates a new, empty plan at @path like trib_plan_create(), replacing an
 * existing file there: the plan is built under a temporary name beside it
 * and renamed over it, so a failure never leaves a half-made file in its
 * place, and a plan open in another program is not replaced.
 */
TribPlan *
trib_plan_create_replacing (const char *path,
                            const char *name,
                            GError    **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TribOutput) output = NULL;
  TribStore *held;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return trib_plan_create (path, name, error);

  /* Only a plan is replaced, through a link, keeping its permissions. */
  output = trib_output_new (path, TRIB_FILE_KIND_PLAN, TRIB_OUTPUT_REPLACE, NULL, error);
  if (output == NULL)
    return NULL;
  for (guint attempt = 0; attempt < 10 && plan == NULL; attempt++)
    {
      g_clear_error (&local_error);
      g_free (tmp);
      tmp = trib_output_temp_path (output);
      plan = trib_plan_create (tmp, name, &local_error);
      if (plan == NULL && !g_error_matches (local_error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS))
        break;
    }
  if (plan == NULL)
    {
      trib_output_hide_temp (output, tmp, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* SQLite names its journal after the file: close before renaming. */
  trib_plan_close (plan);
  g_clear_object (&plan);

  /* A plan being replaced must not be in use elsewhere. */
  held = trib_store_hold_for_replace (trib_output_get_path (output), &local_error);
  if (local_error != NULL)
    {
      g_unlink (tmp);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  ok = trib_output_commit (output, tmp, error);
  trib_store_release_replaced (held);
  if (!ok)
    return NULL;
  return trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, error);
}

/**
 * trib_plan_save_as:
 *
 * Copies the plan to @path with SQLite's backup API and goes on editing the
 * copy. The undo history stays valid: the copy has the same ids.
 */
gboolean
trib_plan_save_as (TribPlan   *self,
                   const char *path,
                   GError    **error)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  if (self->depth > 0)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_FAILED,
                           _("The plan cannot be saved while a change is being made."));
      return FALSE;
    }
  {
    g_autoptr(GFile) current = g_file_new_for_path (trib_store_get_path (self->store));
    g_autoptr(GFile) target = g_file_new_for_path (path);

    /* Saving a plan as itself: every edit is already in it. */
    if (g_file_equal (current, target))
      return TRUE;
  }
  if (!trib_store_move_to (self->store, path, error))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  return TRUE;
}

/**
 * trib_plan_copy_to:
 *
 * Writes a consistent copy of the plan to @path (SQLite's backup API) and
 * goes on editing this one. Long work such as an export reads the copy in
 * another thread while the window stays editable.
 */
gboolean
trib_plan_copy_to (TribPlan   *self,
                   const char *path,
                   GError    **error)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  return trib_store_backup_to (self->store, path, error);
}

/**
 * trib_plan_close:
 *
 * Closes the plan file. Every edit is already committed; nothing is left
 * beside the file. Entities stay readable but can no longer be changed.
 */
void
trib_plan_close (TribPlan *self)
{
  g_return_if_fail (TRIB_IS_PLAN (self));

  if (self->store == NULL)
    return;

  if (self->depth > 0)
    trib_plan_rollback (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_clear_pointer (&self->fetches, _trib_plan_change_free);

  g_clear_pointer (&self->store, trib_store_close);

  /* Detach the entities: an edit to one after closing must not reach a
   * plan that is gone. */
  _trib_plan_detach_all (self);
}

const char *
trib_plan_get_path (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  return self->store ? trib_store_get_path (self->store) : NULL;
}

const char *
trib_plan_get_title (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  return self->info ? trib_plan_info_get_name (self->info) : NULL;
}

gboolean
trib_plan_is_read_only (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), TRUE);
  return self->store == NULL || trib_store_is_read_only (self->store);
}

int
trib_plan_get_schema_version (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), 0);
  return self->store ? trib_store_get_schema_version (self->store) : 0;
}

TribPlanInfo *
trib_plan_get_info (TribPlan *self)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  return self->info;
}

static gboolean
settle_cb (gpointer data)
{
  TribPlan *self = data;
  TribPlanChanges changes = self->pending;

  self->settle_id = 0;
  self->pending = 0;
  g_signal_emit (self, signals[SIGNAL_CHANGES_SETTLED], 0, (guint) changes);
  return G_SOURCE_REMOVE;
}

void
_trib_plan_emit_changed (TribPlan        *self,
                         TribPlanChanges  changes)
{
  self->pending |= changes;
  if (self->settle_id == 0)
    self->settle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, settle_cb, self, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) changes);
}

void
trib_plan_report_error (TribPlan     *self,
                        const GError *error)
{
  g_return_if_fail (TRIB_IS_PLAN (self));
  g_return_if_fail (error != NULL);

  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

gpointer
_trib_plan_get_store (TribPlan *self)
{
  return self->store;
}
