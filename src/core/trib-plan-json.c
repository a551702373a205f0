/* trib-plan-json.c: a plan as a canonical JSON document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is derived from the entity classes' field tables: one array
 * per top-level entity type under the class's json_key, one member per
 * field (internal fields and the parent reference left out), and every type
 * with a parent reference nested in its parent's object under its own
 * json_key. Ids are the plan file's ids, so a document kept in git diffs
 * cleanly from one export to the next.
 *
 * An import never trusts the document: it is checked whole before anything
 * is written (see trib-plan-json-import.c), then written into a temporary
 * file renamed into place when complete, so a refused or failed import
 * leaves no file behind and an existing plan as it was.
 */
#define G_LOG_DOMAIN "trib-plan-json"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-file-policy.h"
#include "trib-json-writer.h"
#include "trib-plan-json-private.h"
#include "trib-store.h"

/* Schema --------------------------------------------------------------- */

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Member *) a)->name, ((const Member *) b)->name);
}

static void
add_member (GArray     *members,
            const char *name,
            MemberKind  kind,
            guint       index)
{
  Member m = { name, strlen (name), kind, index };
  g_array_append_val (members, m);
}

static void
finish_members (GArray  *members,
                Member **out,
                guint   *n_out)
{
  g_array_sort (members, compare_members);
  *n_out = members->len;
  *out = (Member *) (gpointer) g_array_free (members, FALSE);
}

static void
add_fields (GArray          *members,
            TribEntityClass *klass)
{
  for (guint f = 0; f < klass->n_fields; f++)
    if (!(klass->fields[f].flags & (TRIB_FIELD_INTERNAL | TRIB_FIELD_PARENT)))
      add_member (members, klass->fields[f].name, MEMBER_FIELD, f);
}

int
_trib_plan_json_type_index (const Schema *schema,
                            GType         type)
{
  for (guint t = 0; t < schema->n_types; t++)
    if (schema->types[t].type == type)
      return t;
  return -1;
}

/* The layout of the document, from the entity classes; built once. */
const Schema *
_trib_plan_json_get_schema (void)
{
  static Schema schema;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GType *types = trib_plan_entity_types (&schema.n_types);
      GArray *root = g_array_new (FALSE, FALSE, sizeof (Member));
      GArray *info = g_array_new (FALSE, FALSE, sizeof (Member));

      schema.types = g_new0 (TypeInfo, schema.n_types);
      for (guint t = 0; t < schema.n_types; t++)
        {
          schema.types[t].type = types[t];
          schema.types[t].klass = g_type_class_ref (types[t]);
        }
      for (guint t = 0; t < schema.n_types; t++)
        {
          TypeInfo *ti = &schema.types[t];
          GArray *members = g_array_new (FALSE, FALSE, sizeof (Member));

          ti->parent = -1;
          if (ti->klass->parent_field >= 0)
            {
              const TribField *parent = &ti->klass->fields[ti->klass->parent_field];

              /* Parents come first in the order of types, as they are written. */
              ti->parent = _trib_plan_json_type_index (&schema, parent->ref_type ());
              g_assert (ti->parent >= 0 && (guint) ti->parent < t);
            }
          add_member (members, "id", MEMBER_ID, 0);
          add_fields (members, ti->klass);
          for (guint c = 0; c < schema.n_types; c++)
            {
              TribEntityClass *child = schema.types[c].klass;
              if (child->parent_field >= 0 &&
                  child->fields[child->parent_field].ref_type () == ti->type)
                add_member (members, child->json_key, MEMBER_CHILDREN, c);
            }
          finish_members (members, &ti->members, &ti->n_members);
          /* The import keeps which members it has seen in 64 bits. */
          g_assert (ti->n_members <= 64 && ti->klass->n_fields <= 64);
          if (ti->parent < 0)
            add_member (root, ti->klass->json_key, MEMBER_CHILDREN, t);
        }

      schema.info.type = TRIB_TYPE_PLAN_INFO;
      schema.info.klass = g_type_class_ref (TRIB_TYPE_PLAN_INFO);
      schema.info.parent = -1;
      add_fields (info, schema.info.klass);
      finish_members (info, &schema.info.members, &schema.info.n_members);
      g_assert (schema.info.klass->n_fields <= 64);

      add_member (root, "format", MEMBER_FORMAT, 0);
      add_member (root, "version", MEMBER_VERSION, 0);
      add_member (root, schema.info.klass->json_key, MEMBER_PLAN, 0);
      finish_members (root, &schema.root, &schema.n_root);

      g_once_init_leave (&initialized, 1);
    }
  return &schema;
}

const Member *
_trib_plan_json_find_member (const Member *members,
                             guint         n_members,
                             const char   *name)
{
  Member key = { name, 0, 0, 0 };

  if (name == NULL)
    return NULL;
  return bsearch (&key, members, n_members, sizeof (Member), compare_members);
}

/* Export --------------------------------------------------------------- */

typedef struct
{
  TribPlan       *plan;
  TribStore      *store;
  const Schema   *schema;
  TribJsonWriter *writer;
  GString        *path;   /* where in the document the writer is */
} Export;

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = trib_entity_get_id (*(TribEntity * const *) a);
  gint64 y = trib_entity_get_id (*(TribEntity * const *) b);
  return x < y ? -1 : x > y;
}

/* Writes what trib_field_to_json() gives, without making a JsonNode for
 * the plain values and lists of integers that make up most of a large plan.
 * A value the import would refuse (a damaged file: text that is not UTF-8,
 * a number that is not finite, a value out of its range) is not written:
 * the document would not read back. The error names it by its path. */
static gboolean
write_value (Export          *ex,
             const TribField *field,
             const GValue    *value,
             GError         **error)
{
  TribJsonWriter *writer = ex->writer;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *message = NULL;

  if (!trib_field_validate (field, value, &message))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("%s.%s: %s. The plan file holds a value that Tributary cannot read back, "
                     "so nothing was exported: correct it in Tributary, or restore the plan "
                     "from a backup."), ex->path->str, field->name, message);
      return FALSE;
    }
  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
      trib_json_writer_string (writer, g_value_get_string (value));
      return TRUE;
    case TRIB_FIELD_INT:
      trib_json_writer_int (writer, g_value_get_int (value));
      return TRUE;
    case TRIB_FIELD_DOUBLE:
      trib_json_writer_double (writer, g_value_get_double (value));
      return TRUE;
    case TRIB_FIELD_BOOL:
      trib_json_writer_bool (writer, g_value_get_boolean (value));
      return TRUE;
    case TRIB_FIELD_REF:
      if (g_value_get_int64 (value) == 0)
        trib_json_writer_null (writer);
      else
        trib_json_writer_int (writer, g_value_get_int64 (value));
      return TRUE;
    case TRIB_FIELD_INTV:
      {
        GVariant *v = g_value_get_variant (value);
        gsize n = 0;
        const gint64 *items = v ? g_variant_get_fixed_array (v, &n, sizeof (gint64)) : NULL;

        trib_json_writer_int_array (writer, items, n);
      }
      return TRUE;
    case TRIB_FIELD_ENUM:
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_DICT:
    default:
      node = trib_field_to_json (field, value);
      trib_json_writer_node (writer, node);
      return TRUE;
    }
}

/* The entities of @ti that belong to @parent (every one when %NULL), by id. */
static GPtrArray *
collect (Export         *ex,
         const TypeInfo *ti,
         TribEntity     *parent,
         GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = NULL;
  gboolean sorted = TRUE;

  /* Histories are not kept in memory: read them one parent at a time. */
  if (ti->klass->lazy)
    {
      const char *column = parent ? ti->klass->fields[ti->klass->parent_field].name : NULL;
      if (!trib_store_load (ex->store, ti->type, column, parent ? trib_entity_get_id (parent) : 0,
                            items, error))
        return NULL;
    }
  else
    {
      model = parent ? trib_plan_get_children (ex->plan, parent, ti->type)
                     : trib_plan_get_items (ex->plan, ti->type);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (model, i));
    }
  for (guint i = 1; i < items->len && sorted; i++)
    sorted = compare_ids (&items->pdata[i - 1], &items->pdata[i]) < 0;
  if (!sorted)
    g_ptr_array_sort (items, compare_ids);
  return g_steal_pointer (&items);
}

static gboolean
write_entity (Export         *ex,
              const TypeInfo *ti,
              TribEntity     *entity,
              GError        **error)
{
  trib_json_writer_begin_object (ex->writer);
  for (guint m = 0; m < ti->n_members; m++)
    {
      const Member *member = &ti->members[m];

      trib_json_writer_key (ex->writer, member->name);
      if (member->kind == MEMBER_ID)
        trib_json_writer_int (ex->writer, trib_entity_get_id (entity));
      else if (member->kind == MEMBER_FIELD)
        {
          if (!write_value (ex, &ti->klass->fields[member->index],
                            trib_entity_peek_value (entity, member->index), error))
            return FALSE;
        }
      else
        {
          const TypeInfo *child = &ex->schema->types[member->index];
          g_autoptr(GPtrArray) children = collect (ex, child, entity, error);
          gsize depth = ex->path->len;

          if (children == NULL)
            return FALSE;
          trib_json_writer_begin_array (ex->writer);
          for (guint i = 0; i < children->len; i++)
            {
              g_string_append_printf (ex->path, ".%s[%u]", member->name, i);
              if (!write_entity (ex, child, g_ptr_array_index (children, i), error))
                return FALSE;
              g_string_truncate (ex->path, depth);
            }
          trib_json_writer_end_array (ex->writer);
        }
    }
  trib_json_writer_end_object (ex->writer);
  return TRUE;
}

/* An enumeration is kept in the file as its nick, and one the plan does not
 * know (a damaged file, or one changed by a program that ignored the rules)
 * is read as the field's default: exported like that, the change would go
 * unseen. So the file itself is asked, and such a value refused with its
 * place. */
static gboolean
check_enum_column (Export          *ex,
                   const TypeInfo  *ti,
                   const char      *where,
                   const TribField *field,
                   GError         **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_string_printf (sql, "SELECT id, %s FROM %s WHERE %s IS NULL OR %s NOT IN (", field->name,
                   ti->klass->table, field->name, field->name);
  for (guint v = 0; v < klass->n_values; v++)
    {
      char *quoted = sqlite3_mprintf ("%Q", klass->values[v].value_nick);
      g_string_append_printf (sql, "%s%s", v > 0 ? ", " : "", quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, ") LIMIT 1;");

  rc = sqlite3_prepare_v2 (trib_store_get_db (ex->store), sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *shown = g_utf8_make_valid (text ? text : "", -1);

      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("%s (id %" G_GINT64_FORMAT ").%s: unknown value “%s”. The plan file holds a "
                     "value that Tributary cannot read back, so nothing was exported: correct "
                     "it in Tributary, or restore the plan from a backup."),
                   where, (gint64) sqlite3_column_int64 (stmt, 0), field->name, shown);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_CORRUPT,
                   _("The plan file could not be read: %s."), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_enums (Export  *ex,
             GError **error)
{
  for (guint t = 0; t <= ex->schema->n_types; t++)
    {
      const TypeInfo *ti = t < ex->schema->n_types ? &ex->schema->types[t] : &ex->schema->info;
      const char *where = t < ex->schema->n_types ? ti->klass->json_key : "plan";

      for (guint f = 0; f < ti->klass->n_fields; f++)
        {
          const TribField *field = &ti->klass->fields[f];

          if (field->kind == TRIB_FIELD_ENUM && !(field->flags & TRIB_FIELD_INTERNAL) &&
              !check_enum_column (ex, ti, where, field, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_plan (TribPlan       *plan,
            TribJsonWriter *writer,
            GError        **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  Export ex = { plan, _trib_plan_get_store (plan), _trib_plan_json_get_schema (), writer, path };

  if (ex.store == NULL)
    {
      g_set_error_literal (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_FAILED,
                           _("The plan is closed."));
      return FALSE;
    }
  if (!check_enums (&ex, error))
    return FALSE;

  trib_json_writer_begin_object (writer);
  for (guint m = 0; m < ex.schema->n_root; m++)
    {
      const Member *member = &ex.schema->root[m];

      trib_json_writer_key (writer, member->name);
      switch (member->kind)
        {
        case MEMBER_FORMAT:
          trib_json_writer_string (writer, TRIB_PLAN_JSON_FORMAT);
          break;
        case MEMBER_VERSION:
          trib_json_writer_int (writer, TRIB_PLAN_JSON_VERSION);
          break;
        case MEMBER_PLAN:
          {
            TribEntity *info = TRIB_ENTITY (trib_plan_get_info (plan));
            const TypeInfo *ti = &ex.schema->info;

            trib_json_writer_begin_object (writer);
            g_string_assign (path, member->name);
            for (guint f = 0; f < ti->n_members; f++)
              {
                trib_json_writer_key (writer, ti->members[f].name);
                if (!write_value (&ex, &ti->klass->fields[ti->members[f].index],
                                  trib_entity_peek_value (info, ti->members[f].index), error))
                  return FALSE;
              }
            trib_json_writer_end_object (writer);
          }
          break;
        case MEMBER_CHILDREN:
          {
            const TypeInfo *ti = &ex.schema->types[member->index];
            g_autoptr(GPtrArray) items = collect (&ex, ti, NULL, error);

            if (items == NULL)
              return FALSE;
            trib_json_writer_begin_array (writer);
            for (guint i = 0; i < items->len; i++)
              {
                g_string_printf (path, "%s[%u]", member->name, i);
                if (!write_entity (&ex, ti, g_ptr_array_index (items, i), error) ||
                    !trib_json_writer_maybe_flush (writer, error))
                  return FALSE;
              }
            trib_json_writer_end_array (writer);
          }
          break;
        case MEMBER_ID:
        case MEMBER_FIELD:
        default:
          g_assert_not_reached ();
        }
    }
  trib_json_writer_end_object (writer);
  return TRUE;
}

/**
 * trib_plan_to_json:
 * @length: (out) (optional): the length of the document in bytes
 *
 * Returns: the plan as a canonical JSON document, ending with a new line.
 */
char *
trib_plan_to_json (TribPlan  *plan,
                   gsize     *length,
                   GError   **error)
{
  g_autoptr(TribJsonWriter) writer = trib_json_writer_new (NULL, NULL);

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  if (!write_plan (plan, writer, error))
    return NULL;
  return trib_json_writer_finish (writer, length, error);
}

static gboolean
write_to_fd (const char *text,
             gsize       length,
             gpointer    user_data,
             GError    **error)
{
  int fd = GPOINTER_TO_INT (user_data);

  while (length > 0)
    {
      gssize n = write (fd, text, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      text += n;
      length -= n;
    }
  return TRUE;
}

/**
 * trib_plan_export_json:
 *
 * Writes the plan's JSON document to @path. Where it may go is decided by
 * trib_output_new(): never over the plan itself or any other plan, never
 * through a folder, device or pipe, never over a read-only file; a symbolic
 * link is written through and a replaced file keeps its permissions. The
 * document is streamed into a hidden file beside @path that replaces it
 * only when complete, so a failed export leaves an existing file as it was.
 */
gboolean
trib_plan_export_json (TribPlan    *plan,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(TribOutput) output = NULL;
  g_autoptr(TribJsonWriter) writer = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *tmp = NULL;
  const char *inputs[] = { trib_plan_get_path (plan), NULL };
  gboolean ok;
  int fd;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = trib_output_new (path, TRIB_FILE_KIND_DOCUMENT, TRIB_OUTPUT_REPLACE, inputs, error);
  if (output == NULL)
    return FALSE;
  fd = trib_output_open_temp (output, &tmp, error);
  if (fd < 0)
    return FALSE;

  writer = trib_json_writer_new (write_to_fd, GINT_TO_POINTER (fd));
  ok = write_plan (plan, writer, &local) &&
       (rest = trib_json_writer_finish (writer, NULL, &local)) != NULL;
  if (close (fd) != 0 && ok)
    {
      int saved = errno;
      g_set_error_literal (&local, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      ok = FALSE;
    }
  if (ok)
    return trib_output_commit (output, tmp, error);

  g_unlink (tmp);
  {
    g_autofree char *name = g_filename_display_basename (path);

    if (local->domain == TRIB_PLAN_ERROR)
      g_propagate_error (error, g_steal_pointer (&local));
    else
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local->message);
  }
  return FALSE;
}

/**
 * trib_plan_json_validate:
 *
 * Checks a plan document without writing anything: syntax, format and
 * version, every value, ids and references. The error message starts with
 * the JSON path of what is wrong.
 */
gboolean
trib_plan_json_validate (GBytes  *data,
                         GError **error)
{
  g_autoptr(TribJsonImport) import = NULL;
  gsize length = 0;
  const char *bytes;

  g_return_val_if_fail (data != NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);
  import = _trib_json_import_new (bytes, length);
  return _trib_json_import_check (import, error);
}

static void
set_too_large (GError **error)
{
  g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
               _("(document): the document is larger than %u MiB"),
               (guint) (TRIB_PLAN_JSON_MAX_SIZE >> 20));
}

/* Reads a file that cannot be mapped (some special file systems say their
 * files are empty), at most one byte more than a document may have. */
static GBytes *
read_document (int          fd,
               const char  *name,
               GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[65536];
  gssize n;

  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO,
                       _("Could not read “%s”: %s."), name, g_strerror (saved));
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
      if (data->len > TRIB_PLAN_JSON_MAX_SIZE)
        {
          set_too_large (error);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Only a regular file is read (trib_file_open_input()), and never with a
 * blocking open. */
static GBytes *
load_document (const char  *path,
               gboolean    *is_mapped,
               GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GMappedFile) mapped = NULL;
  GBytes *bytes;
  GStatBuf st;
  int fd;

  fd = trib_file_open_input (path, error);
  if (fd < 0)
    return NULL;
  /* A document too large to import is refused before it is read. */
  if (fstat (fd, &st) == 0 && (guint64) st.st_size > TRIB_PLAN_JSON_MAX_SIZE)
    {
      close (fd);
      set_too_large (error);
      return NULL;
    }
  if (st.st_size > 0)
    mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL);
  *is_mapped = mapped != NULL;
  if (mapped != NULL)
    bytes = g_mapped_file_get_bytes (mapped);
  else
    bytes = read_document (fd, name, error);
  close (fd);
  return bytes;
}

/**
 * trib_plan_import_json:
 * @json_path: (nullable): the document's file, read when @data is %NULL
 * @data: (nullable): the document
 * @plan_path: the plan file to create
 * @replace: whether an existing @plan_path may be replaced
 *
 * Creates the plan file @plan_path from a JSON document, keeping its ids.
 * The plan is written to a temporary file beside @plan_path as the
 * document is read and checked, and renamed into place only when all of
 * it is right and written, so a failed import changes nothing.
 *
 * Returns: (transfer full): the new plan, open.
 */
TribPlan *
trib_plan_import_json (const char  *json_path,
                       GBytes      *data,
                       const char  *plan_path,
                       gboolean     replace,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GBytes) owned = NULL;
  g_autoptr(TribJsonImport) import = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(TribOutput) output = NULL;
  gboolean created = FALSE, written = FALSE, mapped = FALSE;
  const char *bytes;
  gsize length = 0;

  g_return_val_if_fail (json_path != NULL || data != NULL, NULL);
  g_return_val_if_fail (plan_path != NULL, NULL);

  /* What is wrong with the input is said first. */
  if (data == NULL)
    {
      data = owned = load_document (json_path, &mapped, error);
      if (data == NULL)
        return NULL;
    }
  name = g_filename_display_basename (plan_path);
  {
    const char *inputs[] = { json_path, NULL };

    output = trib_output_new (plan_path, TRIB_FILE_KIND_PLAN,
                              replace ? TRIB_OUTPUT_REPLACE : TRIB_OUTPUT_DEFAULT,
                              json_path != NULL ? inputs : NULL, &local);
  }
  if (output == NULL)
    {
      if (g_error_matches (local, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS))
        g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS,
                     _("“%s” already exists. Choose another name, or use --replace to "
                       "overwrite it."), name);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  bytes = g_bytes_get_data (data, &length);
  import = _trib_json_import_new (bytes, length);
  _trib_json_import_set_mapped (import, mapped);

  /* A name of our own in the same folder, so that the rename is atomic. */
  for (guint attempt = 0; attempt < 100 && !written; attempt++)
    {
      g_free (tmp_path);
      tmp_path = trib_output_temp_path (output);
      g_clear_error (&local);
      written = _trib_json_import_write (import, tmp_path, &created, &local);
      if (!written && (created || !g_error_matches (local, TRIB_PLAN_ERROR,
                                                    TRIB_PLAN_ERROR_EXISTS)))
        break;
    }

  if (written)
    {
      /* Nothing was synced while writing: the file reaches the disk once,
       * whole, before it takes the place of a plan that a crash must not
       * leave half written (as g_file_set_contents() does). */
      TribStore *held = trib_store_hold_for_replace (trib_output_get_path (output), &local);

      if (local == NULL)
        {
          gboolean ok = trib_output_commit (output, tmp_path, &local);

          trib_store_release_replaced (held);
          if (ok)
            return trib_plan_open (plan_path, TRIB_PLAN_OPEN_DEFAULT, error);
        }
    }
  else if (!created)
    {
      /* What is wrong with the document matters more than where it could
       * not be written. */
      GError *invalid = NULL;

      if (!_trib_json_import_check (import, &invalid))
        {
          g_clear_error (&local);
          local = invalid;
        }
    }
  if (created)
    g_unlink (tmp_path);
  trib_output_hide_temp (output, tmp_path, local);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}
