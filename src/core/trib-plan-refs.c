/* trib-plan-refs.c: the lists of a plan and the entities that refer to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan keeps every entity of a type in one GListStore, indexed by id,
 * and, for every reference field (an investment's upstream, a milestone's
 * release), the entities that point at each target in a GListStore of
 * their own, so that "the investments of this upstream" is a look-up, not
 * a scan of every investment. Lazy types (statistics snapshots, a history
 * per upstream) are read from the file per owner on first use; an id map
 * of those in memory makes sure one row is one object, whether it was
 * added first or read first.
 */
#define G_LOG_DOMAIN "trib-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-plan-private.h"

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 x = trib_entity_get_id ((TribEntity *) a);
  gint64 y = trib_entity_get_id ((TribEntity *) b);
  return x < y ? -1 : x > y;
}

/* Whether the plan keeps an index of the entities of @klass by @field. */
static inline gboolean
is_indexed (TribEntityClass *klass,
            guint            field)
{
  if (klass->fields[field].kind != TRIB_FIELD_REF)
    return FALSE;
  /* A lazy history is only ever asked for by its owner. */
  return !klass->lazy || (int) field == klass->parent_field;
}

static void
table_unref (gpointer table)
{
  if (table != NULL)
    g_hash_table_unref (table);
}

/* Target id → GListStore of the entities of @type whose @field holds it. */
static GHashTable *
ref_table (TribPlan *self,
           GType     type,
           guint     field)
{
  GPtrArray *tables = g_hash_table_lookup (self->refs, GSIZE_TO_POINTER (type));
  GHashTable *table;

  if (tables == NULL)
    {
      tables = g_ptr_array_new_with_free_func (table_unref);
      g_hash_table_insert (self->refs, GSIZE_TO_POINTER (type), tables);
    }
  if (tables->len <= field)
    g_ptr_array_set_size (tables, field + 1);
  table = g_ptr_array_index (tables, field);
  if (table == NULL)
    {
      table = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
      g_ptr_array_index (tables, field) = table;
    }
  return table;
}

static inline gint64
ref_value (TribEntity *entity,
           guint       field)
{
  return g_value_get_int64 (trib_entity_peek_value (entity, field));
}

static inline gboolean
type_is_lazy (GType type)
{
  TribEntityClass *klass = g_type_class_peek (type);

  return klass != NULL && klass->lazy;
}

/* Id → entity of @type. It holds a reference to the entities of ordinary
 * types, and none to those of histories, whose lists are read and dropped
 * per owner: a snapshot added before its history was read is in no list
 * and must stay the one object for its row while it lives (undo holds
 * it), without the plan keeping every snapshot ever added alive. A history
 * entity leaves the index when it is finalized. */
static GHashTable *
type_index (TribPlan *self,
            GType     type)
{
  GHashTable *index = g_hash_table_lookup (self->index, GSIZE_TO_POINTER (type));

  if (index == NULL)
    {
      index = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     type_is_lazy (type) ? NULL : g_object_unref);
      g_hash_table_insert (self->index, GSIZE_TO_POINTER (type), index);
    }
  return index;
}

static void
on_history_entity_finalized_cb (gpointer  data,
                                GObject  *where_the_object_was)
{
  TribPlan *self = data;
  TribEntity *entity = (TribEntity *) where_the_object_was;
  GHashTable *index = g_hash_table_lookup (self->index, GSIZE_TO_POINTER (G_OBJECT_TYPE (entity)));
  gpointer id = GSIZE_TO_POINTER (trib_entity_get_id (entity));

  if (index != NULL && g_hash_table_lookup (index, id) == (gpointer) entity)
    g_hash_table_remove (index, id);
}

static void
index_insert (TribPlan   *self,
              TribEntity *entity)
{
  GType type = G_OBJECT_TYPE (entity);
  gpointer id = GSIZE_TO_POINTER (trib_entity_get_id (entity));

  if (!type_is_lazy (type))
    {
      g_hash_table_insert (type_index (self, type), id, g_object_ref (entity));
      return;
    }
  if (g_hash_table_lookup (type_index (self, type), id) == (gpointer) entity)
    return;
  g_hash_table_insert (type_index (self, type), id, entity);
  g_object_weak_ref (G_OBJECT (entity), on_history_entity_finalized_cb, self);
}

static void
index_remove (TribPlan   *self,
              TribEntity *entity)
{
  GType type = G_OBJECT_TYPE (entity);
  GHashTable *index = type_index (self, type);
  gpointer id = GSIZE_TO_POINTER (trib_entity_get_id (entity));

  if (g_hash_table_lookup (index, id) != (gpointer) entity)
    return;
  if (type_is_lazy (type))
    g_object_weak_unref (G_OBJECT (entity), on_history_entity_finalized_cb, self);
  g_hash_table_remove (index, id);
}

static void
remove_from_store (GListStore *store,
                   TribEntity *entity)
{
  guint position;

  if (store != NULL && g_list_store_find (store, entity, &position))
    g_list_store_remove (store, position);
}

/* Puts @entity into the list of the entities that refer to @target by
 * @field. A lazy history not read yet is left alone: it is read whole
 * when first asked for, and the id map gives this very object then. */
static void
ref_insert (TribPlan   *self,
            TribEntity *entity,
            guint       field,
            gint64      target)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  GType type = G_OBJECT_TYPE (entity);
  GHashTable *table;
  GListStore *store;

  if (target == 0 || !is_indexed (klass, field))
    return;
  table = ref_table (self, type, field);
  store = g_hash_table_lookup (table, GSIZE_TO_POINTER (target));
  if (store == NULL)
    {
      if (klass->lazy)
        return;
      store = g_list_store_new (type);
      g_hash_table_insert (table, GSIZE_TO_POINTER (target), store);
    }
  g_list_store_insert_sorted (store, entity, compare_by_id, NULL);
}

static void
ref_remove (TribPlan   *self,
            TribEntity *entity,
            guint       field,
            gint64      target)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);

  if (target == 0 || !is_indexed (klass, field))
    return;
  remove_from_store (g_hash_table_lookup (ref_table (self, G_OBJECT_TYPE (entity), field),
                                          GSIZE_TO_POINTER (target)),
                     entity);
}

/**
 * _trib_plan_attach:
 *
 * Puts @entity into the plan's lists and indexes, without touching the file.
 */
void
_trib_plan_attach (TribPlan   *self,
                   TribEntity *entity)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  GType type = G_OBJECT_TYPE (entity);

  _trib_entity_set_plan (entity, self);
  index_insert (self, entity);
  if (!klass->lazy)
    g_list_store_insert_sorted (g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type)),
                                entity, compare_by_id, NULL);
  for (guint f = 0; f < klass->n_fields; f++)
    if (is_indexed (klass, f))
      ref_insert (self, entity, f, ref_value (entity, f));
}

/**
 * _trib_plan_detach:
 *
 * Takes @entity out of the plan's lists and indexes, without touching the
 * file. What the file dropped with it (the SQL cascade of a lazy history)
 * is forgotten too, to be read again if it comes back.
 */
void
_trib_plan_detach (TribPlan   *self,
                   TribEntity *entity)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  GType type = G_OBJECT_TYPE (entity);
  gint64 id = trib_entity_get_id (entity);
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  index_remove (self, entity);
  if (!klass->lazy)
    remove_from_store (g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type)), entity);
  for (guint f = 0; f < klass->n_fields; f++)
    if (is_indexed (klass, f))
      ref_remove (self, entity, f, ref_value (entity, f));

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) child = g_type_class_ref (types[t]);
      GHashTable *table;
      GListStore *store;

      if (!child->lazy || child->parent_field < 0 ||
          child->fields[child->parent_field].ref_type () != type)
        continue;
      table = ref_table (self, types[t], child->parent_field);
      store = g_hash_table_lookup (table, GSIZE_TO_POINTER (id));
      if (store == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
        {
          g_autoptr(TribEntity) item = g_list_model_get_item (G_LIST_MODEL (store), i);
          index_remove (self, item);
          _trib_entity_set_plan (item, NULL);
        }
      g_list_store_remove_all (store);
      g_hash_table_remove (table, GSIZE_TO_POINTER (id));
    }
  _trib_entity_set_plan (entity, NULL);
}

/**
 * _trib_plan_set_value:
 *
 * Stores a new value of one field in memory, moving the entity between the
 * reference lists when the field is a reference.
 */
void
_trib_plan_set_value (TribPlan     *self,
                      TribEntity   *entity,
                      guint         field,
                      const GValue *value)
{
  gint64 old = 0;
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  gboolean ref = klass->fields[field].kind == TRIB_FIELD_REF &&
                 trib_entity_get_plan (entity) == self;

  if (ref)
    {
      old = ref_value (entity, field);
      if (old == g_value_get_int64 (value))
        ref = FALSE;
      else
        ref_remove (self, entity, field, old);
    }
  _trib_entity_store_value (entity, field, value);
  if (ref)
    ref_insert (self, entity, field, g_value_get_int64 (value));
}

/**
 * _trib_plan_index_loaded:
 *
 * Indexes the entities of one (not lazy) type as read from the file, in id
 * order, and fills its list in one splice.
 */
void
_trib_plan_index_loaded (TribPlan  *self,
                         GType      type,
                         GPtrArray *items)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (type);
  GHashTable *index = type_index (self, type);

  for (guint i = 0; i < items->len; i++)
    {
      TribEntity *entity = g_ptr_array_index (items, i);

      _trib_entity_set_plan (entity, self);
      g_hash_table_insert (index, GSIZE_TO_POINTER (trib_entity_get_id (entity)),
                           g_object_ref (entity));
      for (guint f = 0; f < klass->n_fields; f++)
        {
          gint64 target;
          GHashTable *table;
          GListStore *store;

          if (!is_indexed (klass, f) || (target = ref_value (entity, f)) == 0)
            continue;
          table = ref_table (self, type, f);
          store = g_hash_table_lookup (table, GSIZE_TO_POINTER (target));
          if (store == NULL)
            {
              store = g_list_store_new (type);
              g_hash_table_insert (table, GSIZE_TO_POINTER (target), store);
            }
          g_list_store_append (store, entity);
        }
    }
  /* One splice: a view bound to the list sees one change, not thousands. */
  g_list_store_splice (g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type)), 0, 0,
                       items->pdata, items->len);
}

/* The reference field of @child_type that points at entities of
 * @target_type: the owner if it does, else the first one. */
static int
find_ref_field (TribEntityClass *klass,
                GType            target_type)
{
  if (klass->parent_field >= 0 &&
      g_type_is_a (target_type, klass->fields[klass->parent_field].ref_type ()))
    return klass->parent_field;
  for (guint f = 0; f < klass->n_fields; f++)
    if (klass->fields[f].kind == TRIB_FIELD_REF &&
        g_type_is_a (target_type, klass->fields[f].ref_type ()))
      return f;
  return -1;
}

static GListModel *
get_referring (TribPlan        *self,
               TribEntityClass *klass,
               guint            field,
               gint64           target,
               GError         **error)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  GHashTable *table = ref_table (self, type, field);
  GListStore *store = g_hash_table_lookup (table, GSIZE_TO_POINTER (target));
  g_autoptr(GPtrArray) items = NULL;
  GHashTable *index;

  if (store != NULL)
    return G_LIST_MODEL (store);

  store = g_list_store_new (type);
  g_hash_table_insert (table, GSIZE_TO_POINTER (target), store);
  if (!klass->lazy || self->store == NULL || target <= 0)
    return G_LIST_MODEL (store);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (!trib_store_load (self->store, type, klass->fields[field].name, target, items, error))
    {
      /* Read again next time rather than pass for an empty history. */
      g_hash_table_steal (table, GSIZE_TO_POINTER (target));
      g_object_unref (store);
      return NULL;
    }
  index = type_index (self, type);
  for (guint i = 0; i < items->len; i++)
    {
      TribEntity *loaded = g_ptr_array_index (items, i);
      TribEntity *known = g_hash_table_lookup (index,
                                               GSIZE_TO_POINTER (trib_entity_get_id (loaded)));

      /* One row, one object: an entity added before its history was read
       * is the one in the list. */
      if (known != NULL)
        {
          g_ptr_array_index (items, i) = g_object_ref (known);
          g_object_unref (loaded);
        }
      else
        {
          _trib_entity_set_plan (loaded, self);
          index_insert (self, loaded);
        }
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/**
 * trib_plan_get_items:
 *
 * Returns: (transfer none): every entity of @type, in id order. Entities
 * kept as per-owner histories (snapshots) are only reachable through
 * trib_plan_get_children().
 */
GListModel *
trib_plan_get_items (TribPlan *self,
                     GType     type)
{
  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  return g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));
}

/**
 * trib_plan_get_children:
 * @parent: an entity of the plan
 * @child_type: an entity type with a reference to entities of @parent's type
 *
 * The entities of @child_type that refer to @parent: an upstream's
 * investments, patches, bases and milestones, a release's bases and
 * certifications. The reference is the owner if @child_type has one of
 * @parent's type, else its first reference of that type (use
 * trib_plan_get_referring() to name another). A look-up, not a scan: the
 * plan keeps these lists as references change. A history (snapshots) is
 * read from the file on first use; a failure is reported with
 * TribPlan::error and gives an empty list (trib_plan_get_snapshots()
 * returns the error instead).
 *
 * Returns: (transfer none): the list, in id order, kept up to date
 */
GListModel *
trib_plan_get_children (TribPlan   *self,
                        TribEntity *parent,
                        GType       child_type)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (child_type);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GListModel *model;
  int field;

  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  g_return_val_if_fail (TRIB_IS_ENTITY (parent), NULL);

  field = find_ref_field (klass, G_OBJECT_TYPE (parent));
  g_return_val_if_fail (field >= 0, NULL);

  model = get_referring (self, klass, field, trib_entity_get_id (parent), &error);
  if (model == NULL)
    {
      trib_plan_report_error (self, error);
      /* An empty list that stays empty: the history is read again next time. */
      model = G_LIST_MODEL (g_list_store_new (child_type));
      key = g_strconcat ("trib-empty-", g_type_name (child_type), NULL);
      g_object_set_data_full (G_OBJECT (self), g_intern_string (key), model, g_object_unref);
    }
  return model;
}

/**
 * trib_plan_get_referring:
 * @child_type: an entity type
 * @field: the name of one of its reference fields ("release_id")
 * @target: the id referred to
 *
 * Like trib_plan_get_children() for a reference named explicitly.
 *
 * Returns: (transfer none) (nullable): the entities of @child_type whose
 *   @field is @target, in id order, kept up to date; %NULL with @error set
 *   when a history could not be read
 */
GListModel *
trib_plan_get_referring (TribPlan   *self,
                         GType       child_type,
                         const char *field,
                         gint64      target,
                         GError    **error)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (child_type);
  int f;

  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  f = trib_entity_class_find_field (klass, field);
  g_return_val_if_fail (f >= 0 && is_indexed (klass, f), NULL);

  return get_referring (self, klass, f, target, error);
}

/**
 * trib_plan_get_investment:
 * @upstream: an upstream of the plan
 * @quarter: a quarter written YYYY-Qn
 *
 * An upstream has at most one investment a quarter (the plan refuses a
 * second): this is it.
 *
 * Returns: (transfer none) (nullable): the investment in @upstream in
 *   @quarter, or %NULL if there is none
 */
TribInvestment *
trib_plan_get_investment (TribPlan     *self,
                          TribUpstream *upstream,
                          const char   *quarter)
{
  GListModel *investments;

  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);
  g_return_val_if_fail (TRIB_IS_UPSTREAM (upstream), NULL);

  investments = trib_plan_get_children (self, TRIB_ENTITY (upstream), TRIB_TYPE_INVESTMENT);
  for (guint i = 0; i < g_list_model_get_n_items (investments); i++)
    {
      g_autoptr(TribInvestment) investment = g_list_model_get_item (investments, i);

      if (g_strcmp0 (trib_investment_get_quarter (investment), quarter) == 0)
        return investment;
    }
  return NULL;
}

/**
 * trib_plan_count:
 *
 * Returns: how many entities of @type the plan holds (a count in the file
 *   for histories, which are not all in memory)
 */
guint
trib_plan_count (TribPlan *self,
                 GType     type)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (type);

  g_return_val_if_fail (TRIB_IS_PLAN (self), 0);

  if (klass->lazy)
    return self->store ? (guint) trib_store_count (self->store, type) : 0;
  return g_list_model_get_n_items (trib_plan_get_items (self, type));
}

/**
 * trib_plan_lookup:
 *
 * Returns: (transfer none) (nullable): the entity of @type with @id; for
 *   histories (snapshots), only one already read or added
 */
TribEntity *
trib_plan_lookup (TribPlan *self,
                  GType     type,
                  gint64    id)
{
  GHashTable *index;

  g_return_val_if_fail (TRIB_IS_PLAN (self), NULL);

  index = g_hash_table_lookup (self->index, GSIZE_TO_POINTER (type));
  return index ? g_hash_table_lookup (index, GSIZE_TO_POINTER (id)) : NULL;
}

/**
 * _trib_plan_detach_all:
 *
 * After closing: every entity forgets the plan, so that an edit to one
 * cannot reach a plan that is gone.
 */
void
_trib_plan_detach_all (TribPlan *self)
{
  GHashTableIter iter;
  gpointer index;

  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, NULL, &index))
    {
      GHashTableIter inner;
      gpointer entity;

      g_hash_table_iter_init (&inner, index);
      while (g_hash_table_iter_next (&inner, NULL, &entity))
        {
          _trib_entity_set_plan (entity, NULL);
          /* The plan goes before the histories it read: they forget it. */
          if (type_is_lazy (G_OBJECT_TYPE (entity)))
            {
              g_object_weak_unref (entity, on_history_entity_finalized_cb, self);
              g_hash_table_iter_remove (&inner);
            }
        }
    }
  if (self->info != NULL)
    _trib_entity_set_plan (TRIB_ENTITY (self->info), NULL);
}
