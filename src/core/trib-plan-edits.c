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

#include "trib-labels.h"
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

/* The entity class's rule across fields, with @value in place of @field
 * (or no replacement when @value is %NULL). */
static gboolean
check_across_fields (TribEntity   *entity,
                     guint         field,
                     const GValue *value,
                     GError      **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  g_autofree const GValue **values = NULL;
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;

  if (klass->check == NULL)
    return TRUE;
  values = g_new (const GValue *, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    values[i] = value != NULL && i == field ? value : trib_entity_peek_value (entity, i);
  if (klass->check (values, &where, &message))
    return TRUE;
  g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

/* That an acknowledgement's subject names an entry of the plan. */
static gboolean
check_subject (TribPlan     *self,
               const GValue *value,
               GError      **error)
{
  GType type;
  gint64 id;

  if (!trib_acknowledgement_parse_subject (g_value_get_string (value), &type, &id))
    return TRUE; /* the field's rule says what is wrong */
  if (type == G_TYPE_INVALID || trib_plan_lookup (self, type, id) != NULL)
    return TRUE;
  g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
               _("%s: there is no such entry in the plan."), _("Subject"));
  return FALSE;
}

/* Whether @entity would share its unique fields with another entity of the
 * plan, were field @changed set to @value (or as it is, when @value is
 * %NULL). The others are found among those referring to the same entry. */
static gboolean
check_unique (TribPlan     *self,
              TribEntity   *entity,
              int           changed,
              const GValue *value,
              GError      **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  const int *unique = klass->unique;
  GListModel *siblings;
  gboolean involved = changed < 0;

  if (unique == NULL)
    return TRUE;
  for (guint u = 0; unique[u] >= 0; u++)
    involved |= unique[u] == changed;
  if (!involved)
    return TRUE;

#define VALUE_OF(field) ((field) == changed ? value : trib_entity_peek_value (entity, (field)))
  siblings = trib_plan_get_referring (self, G_OBJECT_TYPE (entity), klass->fields[unique[0]].name,
                                      g_value_get_int64 (VALUE_OF (unique[0])), error);
  if (siblings == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(TribEntity) other = g_list_model_get_item (siblings, i);
      gboolean same = other != entity;

      for (guint u = 1; same && unique[u] >= 0; u++)
        same = trib_field_values_equal (&klass->fields[unique[u]],
                                        trib_entity_peek_value (other, unique[u]),
                                        VALUE_OF (unique[u]));
      if (same)
        {
          g_autoptr(GString) fields = g_string_new (NULL);

          for (guint u = 0; unique[u] >= 0; u++)
            {
              g_autofree char *label = g_utf8_strdown (_(klass->fields[unique[u]].label), -1);

              if (u > 0)
                g_string_append (fields, unique[u + 1] >= 0 ? ", " : _(" and "));
              g_string_append (fields, label);
            }
          /* Translators: "There is already an investment with this upstream and quarter." */
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                       _("There is already an %s with this %s."), _(klass->label), fields->str);
          return FALSE;
        }
    }
#undef VALUE_OF
  return TRUE;
}

/**
 * _trib_plan_collect_subject_removal:
 *
 * The acknowledgements of findings about @entity go with it (and come
 * back with it on undo): a finding about an entry that is gone is moot.
 */
gboolean
_trib_plan_collect_subject_removal (TribPlan   *self,
                                    TribEntity *entity,
                                    GHashTable *seen,
                                    GPtrArray  *ops,
                                    GError    **error)
{
  g_autofree char *subject = trib_acknowledgement_subject_for (entity);
  GListModel *acks = trib_plan_get_items (self, TRIB_TYPE_ACKNOWLEDGEMENT);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (TRIB_IS_ACKNOWLEDGEMENT (entity) || acks == NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (acks); i++)
    {
      TribAcknowledgement *ack = g_list_model_get_item (acks, i);

      if (g_strcmp0 (trib_acknowledgement_get_subject (ack), subject) == 0)
        g_ptr_array_add (found, ack);
      else
        g_object_unref (ack);
    }
  for (guint i = 0; i < found->len; i++)
    {
      TribEntity *ack = g_ptr_array_index (found, i);
      Op *op;

      if (!g_hash_table_add (seen, ack))
        continue;
      op = g_new0 (Op, 1);
      op->kind = OP_REMOVE;
      op->entity = g_object_ref (ack);
      g_ptr_array_add (ops, op);
    }
  return TRUE;
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
  if (TRIB_IS_ACKNOWLEDGEMENT (entity) &&
      !check_subject (self, trib_entity_peek_value (entity, TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT),
                      error))
    return FALSE;
  if (!check_unique (self, entity, -1, NULL, error))
    return FALSE;
  return check_across_fields (entity, 0, NULL, error);
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

/* Gathers the operations that remove @entity with what depends on it:
 * entities whose reference cascades are removed first, references that may
 * stay are cleared. Each dependent is found through the plan's reference
 * lists, not by a scan. */
static gboolean
collect_removal (TribPlan   *self,
                 TribEntity *entity,
                 GHashTable *seen,
                 GPtrArray  *ops,
                 GError    **error)
{
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);
  GType type = G_OBJECT_TYPE (entity);
  gint64 id = trib_entity_get_id (entity);
  Op *op;

  if (!g_hash_table_add (seen, entity))
    return TRUE;

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);

      for (guint f = 0; f < klass->n_fields; f++)
        {
          const TribField *field = &klass->fields[f];
          g_autoptr(GPtrArray) dependents = NULL;
          GListModel *model;

          if (field->kind != TRIB_FIELD_REF || field->ref_type () != type)
            continue;

          model = trib_plan_get_referring (self, types[t], field->name, id, error);
          if (model == NULL)
            return FALSE;
          /* A copy: removing changes the list. */
          dependents = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            g_ptr_array_add (dependents, g_list_model_get_item (model, i));

          for (guint i = 0; i < dependents->len; i++)
            {
              TribEntity *item = g_ptr_array_index (dependents, i);

              if (field->on_delete == TRIB_REF_CASCADE)
                {
                  if (!collect_removal (self, item, seen, ops, error))
                    return FALSE;
                }
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

  if (!_trib_plan_collect_subject_removal (self, entity, seen, ops, error))
    return FALSE;

  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->entity = g_object_ref (entity);
  g_ptr_array_add (ops, op);
  return TRUE;
}

/**
 * trib_plan_count_removal:
 * @entity: an entity of the plan
 *
 * What trib_plan_remove() would do to the plan: how many entities of each
 * type it would remove (@entity itself included) and how many references
 * it would clear (a milestone that names the upstream keeps its date but
 * loses the link). An undo toast names the whole cascade with it.
 *
 * Returns: (transfer full) (element-type TribRemovalCount): one element per
 *   entity type touched, in the order of trib_plan_entity_types(), or
 *   %NULL with @error set if a history could not be read
 */
GArray *
trib_plan_count_removal (TribPlan   *self,
                         TribEntity *entity,
                         GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_plan_op_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (TribRemovalCount));
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  g_return_val_if_fail (TRIB_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (trib_entity_get_plan (entity) == self, NULL);

  if (!collect_removal (self, entity, seen, ops, error))
    return NULL;
  for (guint t = 0; t < n_types; t++)
    {
      TribRemovalCount count = { types[t], 0, 0 };

      for (guint i = 0; i < ops->len; i++)
        {
          Op *op = g_ptr_array_index (ops, i);

          if (G_OBJECT_TYPE (op->entity) != types[t])
            continue;
          if (op->kind == OP_REMOVE)
            count.removed++;
          else
            count.cleared++;
        }
      if (count.removed > 0 || count.cleared > 0)
        g_array_append_val (counts, count);
    }
  return g_steal_pointer (&counts);
}

/**
 * trib_plan_describe_removal:
 * @entity: an entity of the plan
 *
 * Says in a few words what removing @entity takes with it, for a toast or
 * a confirmation: "3 investments, 2 patches and 40 statistics snapshots".
 *
 * Returns: (transfer full) (nullable): the words, or %NULL when nothing
 *   else goes (or a history could not be read)
 */
char *
trib_plan_describe_removal (TribPlan   *self,
                            TribEntity *entity)
{
  g_autoptr(GArray) counts = trib_plan_count_removal (self, entity, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *text;

  if (counts == NULL)
    return NULL;
  for (guint i = 0; i < counts->len; i++)
    {
      TribRemovalCount *count = &g_array_index (counts, TribRemovalCount, i);
      guint removed = count->removed - (count->type == G_OBJECT_TYPE (entity) ? 1 : 0);

      if (removed > 0)
        g_ptr_array_add (parts, trib_entity_type_count (count->type, removed));
    }
  if (parts->len == 0)
    return NULL;
  text = g_strdup (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      char *joined = i + 1 == parts->len
                     /* Translators: the last two of a list: "3 investments and 2 patches" */
                     ? g_strdup_printf (_("%s and %s"), text, (char *) g_ptr_array_index (parts, i))
                     /* Translators: a list: "3 investments, 2 patches" */
                     : g_strdup_printf (_("%s, %s"), text, (char *) g_ptr_array_index (parts, i));
      g_free (text);
      text = joined;
    }
  return text;
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

  if (!collect_removal (self, entity, seen, ops, error))
    {
      g_ptr_array_foreach (ops, (GFunc) _trib_plan_op_free, NULL);
      return FALSE;
    }

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
  if (!check_across_fields (entity, field, value, error))
    return FALSE;
  if ((int) field == klass->parent_field)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                   _("%s: an entry cannot be moved to another owner."), _(f->label));
      return FALSE;
    }
  if (f->kind == TRIB_FIELD_REF && !check_reference (self, f, g_value_get_int64 (value), error))
    return FALSE;
  if (TRIB_IS_ACKNOWLEDGEMENT (entity) && field == TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT &&
      !check_subject (self, value, error))
    return FALSE;
  if (!check_unique (self, entity, field, value, error))
    return FALSE;

  title = trib_entity_get_title (entity);
  /* Translators: "Change importance of “etcd”" */
  field_label = g_utf8_strdown (_(f->label), -1);
  label = g_strdup_printf (_("Change %s of “%s”"), field_label, title);

  return _trib_plan_record (self, _trib_plan_op_new_set (entity, field, value), label, error);
}

