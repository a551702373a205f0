/* trib-plan-json-import-writer.c: writing an imported plan beside its reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-plan-json"

#include "config.h"

#include "trib-plan-json-import-private.h"

/* The writing runs in a thread of its own, beside the reading, which hands
 * it top-level entities (with what nests in them) in batches: SQLite's
 * half of an import then costs next to nothing on a second core. A few
 * batches go round, so that a slower writer holds the reader back rather
 * than let what is read pile up in memory. */
#define BATCH_SIZE 32
#define N_BATCHES 4

struct _Writer
{
  TribStore   *store;
  GThread     *thread;
  GAsyncQueue *full;   /* batches (of Node) to write; an empty one ends */
  GAsyncQueue *empty;  /* batches written, to fill again */
  GPtrArray   *batch;  /* being filled by the reader, or NULL */
  GError      *error;  /* the first failed write, the thread's until it ends */
  gint         failed; /* atomic: whether error is set, which stops writing */
};

Node *
_trib_import_node_new (const TypeInfo *type)
{
  Node *node = g_malloc0 (sizeof (Node) + type->klass->n_fields * sizeof (GValue));

  node->type = type;
  return node;
}

void
_trib_import_node_free (Node *node)
{
  for (guint f = 0; f < node->type->klass->n_fields; f++)
    if (G_IS_VALUE (&node->values[f]))
      g_value_unset (&node->values[f]);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

/* Writes @node, then what nests in it, which refers to it. */
static gboolean
insert_node (Writer *writer,
             Node   *node)
{
  if (!trib_store_insert_values (writer->store, node->type->klass, node->id, node->values,
                                 &writer->error))
    return FALSE;
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      Node *child = g_ptr_array_index (node->children, i);

      g_value_set_int64 (&child->values[child->type->klass->parent_field], node->id);
      if (!insert_node (writer, child))
        return FALSE;
    }
  return TRUE;
}

/* Writes the plan's own properties into the one row of the plan table,
 * which trib_store_create_scratch() made with id 1. */
static gboolean
write_info (Writer *writer,
            Node   *node)
{
  g_autoptr(TribEntity) info = g_object_new (node->type->type, NULL);

  _trib_entity_set_id (info, 1);
  for (guint f = 0; f < node->type->klass->n_fields; f++)
    if (!trib_store_update (writer->store, info, f, &node->values[f], &writer->error))
      return FALSE;
  return TRUE;
}

/* The writing thread. A failure stops the writing, not the reading: a
 * duplicate id fails here before the reader can name it where it is (see
 * read_and_check()). */
static gpointer
write_batches (gpointer data)
{
  Writer *writer = data;
  const TypeInfo *info = &_trib_plan_json_get_schema ()->info;
  gboolean end = FALSE;

  while (!end)
    {
      GPtrArray *batch = g_async_queue_pop (writer->full);

      end = batch->len == 0;
      for (guint i = 0; i < batch->len && writer->error == NULL; i++)
        {
          Node *node = g_ptr_array_index (batch, i);

          if (!(node->type == info ? write_info (writer, node) : insert_node (writer, node)))
            g_atomic_int_set (&writer->failed, TRUE);
        }
      g_async_queue_push (writer->empty, batch);
    }
  return NULL;
}

Writer *
_trib_import_writer_start (TribStore *store,
                           GError   **error)
{
  Writer *writer = g_new0 (Writer, 1);

  writer->store = store;
  writer->full = g_async_queue_new ();
  writer->empty = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (writer->empty,
                        g_ptr_array_new_full (BATCH_SIZE, (GDestroyNotify) _trib_import_node_free));
  writer->thread = g_thread_try_new ("trib-import", write_batches, writer, error);
  if (writer->thread != NULL)
    return writer;
  g_async_queue_unref (writer->full);
  g_async_queue_unref (writer->empty);
  g_free (writer);
  return NULL;
}

/* Hands @node over to be written. */
void
_trib_import_writer_take (Writer *writer,
                          Node   *node)
{
  if (writer->batch == NULL)
    {
      /* The entities written are freed by the thread that made them, whose
       * allocator then hands their memory out again at once. */
      writer->batch = g_async_queue_pop (writer->empty);
      g_ptr_array_set_size (writer->batch, 0);
    }
  g_ptr_array_add (writer->batch, node);
  if (writer->batch->len == BATCH_SIZE)
    g_async_queue_push (writer->full, g_steal_pointer (&writer->batch));
}

/* Waits until all that was handed over is written, and ends the thread.
 * Returns: (transfer full): the error of the first failed write, or %NULL. */
GError *
_trib_import_writer_finish (Writer *writer)
{
  GError *error;

  /* What is left, then an empty batch, which ends the thread. */
  if (writer->batch != NULL)
    g_async_queue_push (writer->full, writer->batch);
  writer->batch = g_async_queue_pop (writer->empty);
  g_ptr_array_set_size (writer->batch, 0);
  g_async_queue_push (writer->full, writer->batch);
  g_thread_join (writer->thread);

  error = g_steal_pointer (&writer->error);
  g_async_queue_unref (writer->full);
  g_async_queue_unref (writer->empty);
  g_free (writer);
  return error;
}

/* Whether a write failed, which stops the writing (not the reading). */
gboolean
_trib_import_writer_failed (Writer *writer)
{
  return g_atomic_int_get (&writer->failed);
}
