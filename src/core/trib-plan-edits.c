/* trib-plan-edits.c: adding, removing and changing the entities of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is checked against the fields' rules and the plan's references
 * first, then recorded as a change (trib-plan-changes.c). Removing an entity
 * takes everything that depends on it along, in one step.
 */
#define G_LOG_DOMAIN "trib-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-plan-private.h"

static gboolean
check_reference (TribPlan        *self,
                 const TribField *field,
                 gint64           target,
                 GError         **error)
{
  if (target == 0 && !(field->flags & TRIB_FIELD_REQUIRED))
    return TRUE;
  if (target != 0 && trib_plan_lookup (self, field->ref_type (), target) != NULL)
    return TRUE;
  g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
               _("%s: there is no such entry in the plan."), _(field->label));
  return FALSE;
}

static gboolean
validate_entity (TribPlan   *self,
                 TribEntity *entity,
                 GError    **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const TribField *f = &klass->fields[i];
      const GValue *v = trib_entity_peek_value (entity, i);
      g_autofree char *message = NULL;

      if (!trib_field_validate (f, v, &message))
        {
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s: %s", _(f->label), message);
          return FALSE;
        }
      if (f->kind == TRIB_FIELD_REF && !check_reference (self, f, g_value_get_int64 (v), error))
        return FALSE;
    }
  return TRUE;
}

static char *
describe (TribEntity *entity,
          gboolean    adding)
{
  g_autofree char *title = trib_entity_get_title (entity);
  const char *label = _(TRIB_ENTITY_GET_CLASS (entity)->label);

  if (adding)
    /* Translators: "Add upstream “etcd”" */
    return g_strdup_printf (_("Add %s “%s”"), label, title);
  /* Translators: "Delete upstream “etcd”" */
  return g_strdup_printf (_("Delete %s “%s”"), label, title);
}

/**
 * trib_plan_add:
 *
 * Adds @entity (which belongs to no plan yet) to the plan: validates it,
 * gives it an id and commits it, as one undoable step.
 */
gboolean
trib_plan_add (TribPlan   *self,
               TribEntity *entity,
               GError    **error)
{
  g_autofree char *label = NULL;
  Op *op;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (TRIB_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (trib_entity_get_plan (entity) == NULL, FALSE);
  g_return_val_if_fail (!TRIB_IS_PLAN_INFO (entity), FALSE);

  if (!_trib_plan_ensure_open (self, error) || !validate_entity (self, entity, error))
    return FALSE;

  label = describe (entity, TRUE);
  op = g_new0 (Op, 1);
  op->kind = OP_ADD;
  op->entity = g_object_ref (entity);
  return _trib_plan_record (self, op, label, error);
}

static void
collect_removal (TribPlan   *self,
                 TribEntity *entity,
                 GHashTable *seen,
                 GPtrArray  *ops)
{
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);
  GType type = G_OBJECT_TYPE (entity);
  gint64 id = trib_entity_get_id (entity);
  Op *op;

  if (!g_hash_table_add (seen, entity))
    return;

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);

      for (guint f = 0; f < klass->n_fields; f++)
        {
          const TribField *field = &klass->fields[f];
          g_autoptr(GPtrArray) dependents = g_ptr_array_new_with_free_func (g_object_unref);
          GListModel *model;

          if (field->kind != TRIB_FIELD_REF || field->ref_type () != type)
            continue;

          if ((int) f == klass->parent_field)
            model = trib_plan_get_children (self, entity, types[t]);
          else
            model = trib_plan_get_items (self, types[t]);

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              TribEntity *item = g_list_model_get_item (model, i);
              if (g_value_get_int64 (trib_entity_peek_value (item, f)) == id)
                g_ptr_array_add (dependents, item);
              else
                g_object_unref (item);
            }

          for (guint i = 0; i < dependents->len; i++)
            {
              TribEntity *item = g_ptr_array_index (dependents, i);

              if (field->on_delete == TRIB_REF_CASCADE)
                collect_removal (self, item, seen, ops);
              else if (!g_hash_table_contains (seen, item))
                {
                  op = g_new0 (Op, 1);
                  op->kind = OP_SET;
                  op->entity = g_object_ref (item);
                  op->field = f;
                  g_value_init (&op->old_value, G_TYPE_INT64);
                  g_value_set_int64 (&op->old_value, id);
                  g_value_init (&op->new_value, G_TYPE_INT64);
                  g_ptr_array_add (ops, op);
                }
            }
        }
    }

  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->entity = g_object_ref (entity);
  g_ptr_array_add (ops, op);
}

/**
 * trib_plan_remove:
 *
 * Removes @entity with everything that depends on it (an upstream's
 * snapshots, investments and patches), clearing references that may stay,
 * as one undoable step.
 */
gboolean
trib_plan_remove (TribPlan   *self,
                  TribEntity *entity,
                  GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) ops = g_ptr_array_new ();
  g_autofree char *label = NULL;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (TRIB_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (!TRIB_IS_PLAN_INFO (entity), FALSE);

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  if (trib_entity_get_plan (entity) != self)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("This entry is not part of the plan any more."));
      return FALSE;
    }

  collect_removal (self, entity, seen, ops);

  label = describe (entity, FALSE);
  trib_plan_begin (self, label);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);
      GError *local = NULL;

      if (self->group_error == NULL && _trib_plan_apply_op (self, op, TRUE, TRUE, &local))
        g_ptr_array_add (self->current->ops, op);
      else
        {
          if (local != NULL)
            self->group_error = local;
          _trib_plan_op_free (op);
        }
    }
  return trib_plan_commit (self, error);
}

/**
 * trib_plan_update:
 *
 * Sets one field of @entity: validates the value, commits it and records
 * it for undo. Setting a property of an entity of the plan comes here.
 */
gboolean
trib_plan_update (TribPlan     *self,
                  TribEntity   *entity,
                  guint         field,
                  const GValue *value,
                  GError      **error)
{
  TribEntityClass *klass;
  const TribField *f;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *field_label = NULL;
  Op *op;

  g_return_val_if_fail (TRIB_IS_PLAN (self), FALSE);
  g_return_val_if_fail (TRIB_IS_ENTITY (entity), FALSE);

  klass = TRIB_ENTITY_GET_CLASS (entity);
  g_return_val_if_fail (field < klass->n_fields, FALSE);
  f = &klass->fields[field];

  if (!_trib_plan_ensure_open (self, error))
    return FALSE;
  if (trib_entity_get_plan (entity) != self)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                           _("This entry is not part of the plan any more."));
      return FALSE;
    }
  if (!trib_field_validate (f, value, &message))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s: %s", _(f->label), message);
      return FALSE;
    }
  if (trib_field_values_equal (f, trib_entity_peek_value (entity, field), value))
    return TRUE;
  if ((int) field == klass->parent_field)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                   _("%s: an entry cannot be moved to another owner."), _(f->label));
      return FALSE;
    }
  if (f->kind == TRIB_FIELD_REF && !check_reference (self, f, g_value_get_int64 (value), error))
    return FALSE;

  title = trib_entity_get_title (entity);
  /* Translators: "Change importance of “etcd”" */
  field_label = g_utf8_strdown (_(f->label), -1);
  label = g_strdup_printf (_("Change %s of “%s”"), field_label, title);

  op = g_new0 (Op, 1);
  op->kind = OP_SET;
  op->entity = g_object_ref (entity);
  op->field = field;
  g_value_init (&op->old_value, G_VALUE_TYPE (trib_entity_peek_value (entity, field)));
  g_value_copy (trib_entity_peek_value (entity, field), &op->old_value);
  g_value_init (&op->new_value, G_VALUE_TYPE (&op->old_value));
  g_value_copy (value, &op->new_value);
  return _trib_plan_record (self, op, label, error);
}

