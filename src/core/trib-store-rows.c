/* trib-store-rows.c: reading and writing the rows of entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns of a table are the fields of its entity type, in the order of
 * the type's TribField table, so one statement per type serves every row.
 */
#define G_LOG_DOMAIN "trib-store"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-plan.h"
#include "trib-store-private.h"

static gboolean
step_done (TribStore    *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _trib_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static char *
insert_sql (TribEntityClass *klass)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_string_append_printf (sql, "%s (id", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].name);
  g_string_append (sql, ") VALUES (?");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ");");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The INSERT of @type, looked up by type rather than by its SQL: an import
 * inserts a hundred thousand rows, and building and hashing the text for
 * each of them cost nearly as much as SQLite's own work. */
static sqlite3_stmt *
prepare_insert (TribStore       *self,
                GType            type,
                TribEntityClass *klass,
                GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->inserts, GSIZE_TO_POINTER (type));

  if (stmt != NULL)
    {
      /* Every parameter is bound again: no need to clear them. */
      sqlite3_reset (stmt);
      return stmt;
    }
  {
    g_autofree char *sql = insert_sql (klass);

    stmt = _trib_store_prepare (self, sql, error);
  }
  if (stmt != NULL)
    g_hash_table_insert (self->inserts, GSIZE_TO_POINTER (type), stmt);
  return stmt;
}

/* Inserts a row of @klass from the values of @entity, or from @values
 * (one for each field) when @entity is %NULL. */
static gboolean
insert_row (TribStore       *self,
            TribEntityClass *klass,
            TribEntity      *entity,
            gint64           id,
            const GValue    *values,
            GError         **error)
{
  sqlite3_stmt *stmt = prepare_insert (self, G_TYPE_FROM_CLASS (klass), klass, error);

  if (stmt == NULL)
    return FALSE;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  for (guint i = 0; i < klass->n_fields; i++)
    trib_field_bind (&klass->fields[i], entity ? trib_entity_peek_value (entity, i) : &values[i],
                     stmt, i + 2);
  return step_done (self, stmt, error);
}

gboolean
trib_store_insert (TribStore  *self,
                   TribEntity *entity,
                   GError    **error)
{
  gint64 id = trib_entity_get_id (entity);

  if (!insert_row (self, TRIB_ENTITY_GET_CLASS (entity), entity, id, NULL, error))
    return FALSE;
  if (id <= 0)
    _trib_entity_set_id (entity, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

/**
 * trib_store_insert_values:
 * @values: one for each field of @klass
 *
 * Inserts a row with the id @id without an entity: for an import, which
 * writes far more rows than it needs objects.
 */
gboolean
trib_store_insert_values (TribStore       *self,
                          TribEntityClass *klass,
                          gint64           id,
                          const GValue    *values,
                          GError         **error)
{
  g_return_val_if_fail (id > 0, FALSE);

  return insert_row (self, klass, NULL, id, values, error);
}

gboolean
trib_store_update (TribStore    *self,
                   TribEntity   *entity,
                   guint         field,
                   const GValue *value,
                   GError      **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ?;", klass->table,
                                          klass->fields[field].name);
  sqlite3_stmt *stmt = _trib_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  trib_field_bind (&klass->fields[field], value, stmt, 1);
  sqlite3_bind_int64 (stmt, 2, trib_entity_get_id (entity));
  return step_done (self, stmt, error);
}

gboolean
trib_store_delete (TribStore  *self,
                   TribEntity *entity,
                   GError    **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (entity);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?;", klass->table);
  sqlite3_stmt *stmt = _trib_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trib_entity_get_id (entity));
  return step_done (self, stmt, error);
}

/**
 * trib_store_load:
 * @parent_column: (nullable): load only rows whose @parent_column is @parent_id
 *
 * Reads entities of @type, in id order, into @out (new references).
 */
gboolean
trib_store_load (TribStore  *self,
                 GType       type,
                 const char *parent_column,
                 gint64      parent_id,
                 GPtrArray  *out,
                 GError    **error)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (type);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].name);
  g_string_append_printf (sql, " FROM %s", klass->table);
  if (parent_column != NULL)
    g_string_append_printf (sql, " WHERE %s = ?", parent_column);
  g_string_append (sql, " ORDER BY id;");

  stmt = _trib_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (parent_column != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TribEntity *entity = g_object_new (type, NULL);

      _trib_entity_set_id (entity, sqlite3_column_int64 (stmt, 0));
      for (guint i = 0; i < klass->n_fields; i++)
        {
          GValue value = G_VALUE_INIT;
          g_autofree char *message = NULL;

          if (!trib_field_from_column (&klass->fields[i], stmt, i + 1, &value, &message))
            g_message ("%s %" G_GINT64_FORMAT ", %s: %s; the default is used",
                       klass->table, trib_entity_get_id (entity), klass->fields[i].name, message);
          _trib_entity_take_value (entity, i, &value);
        }
      g_ptr_array_add (out, entity);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _trib_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gint64
trib_store_count (TribStore *self,
                  GType      type)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s;", klass->table);
  sqlite3_stmt *stmt = _trib_store_prepare (self, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

