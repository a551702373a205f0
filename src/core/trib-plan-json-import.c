/* trib-plan-json-import.c: reading a plan's JSON document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is read with TribJsonReader rather than JsonParser (see
 * trib-json-reader.c), once: each value is checked with the fields' own
 * rules (the type rules of trib_field_from_json(), then
 * trib_field_validate()), required members and unknown keys too, and each
 * top-level entity, with what nests in it, is handed to a writing thread
 * as soon as it has been read (reading and writing take about as long as
 * each other). So a document of 100 000 snapshots is never held as a tree
 * nor as entities (which would take hundreds of megabytes).
 *
 * Writing goes into a new temporary file that is renamed into place only
 * when the whole document has been read and found right, so a refused
 * document changes nothing all the same. What cannot be known before the
 * end is checked there: the format and version (the last member of a
 * canonical document), that ids are unique, and that references, which may
 * point forward ("investments" come before "upstreams"), lead somewhere.
 * Only the ids of each type and the references are kept for that. When
 * one is wrong, the document is read a second time, writing nothing, to
 * name the first wrong one where it is.
 */
#define G_LOG_DOMAIN "trib-plan-json"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "trib-plan-json-import-private.h"

/* A mapped document is handed back to the system behind the reading, in
 * steps of RELEASE_STEP, RELEASE_MARGIN behind the current token: a page
 * read is not needed again, and if it is (to name a problem, or in a
 * second reading) it comes back from the file. So importing a document of
 * 90 MB does not keep 90 MB resident. */
#define RELEASE_STEP   (4 * 1024 * 1024)
#define RELEASE_MARGIN (1024 * 1024)

typedef enum
{
  MODE_CHECK,  /* check every value, gather ids and references; write with a writer */
  MODE_LOCATE, /* read again to name the first duplicate id or dangling reference */
} Mode;

typedef struct
{
  gint64 id;
  guint  type;
} Ref;


struct _TribJsonImport
{
  const Schema   *schema;
  const char     *data;
  gsize           length;
  Mode            mode;
  TribJsonReader *reader;
  GString        *path;   /* of the value being read, "" for the document */
  GError         *error;  /* the first problem found */
  gint64         *items;  /* scratch for lists of integers */

  GArray        **ids;    /* per type, in document order (check); sorted (locate) */
  GArray         *refs;   /* Ref, check only */
  GHashTable    **seen;   /* per type, locate only */
  GHashTable    **unique; /* per type with unique fields: their values seen */
  int             version; /* of the document, read ahead: the rules to read it with */
  Writer         *writer; /* where a checking reading writes, or NULL */
  gboolean        mapped;   /* data is a read-only mapping of the file */
  gsize           released; /* how much of it was handed back, this reading */
};

typedef TribJsonImport Import;


static gboolean fail (Import     *imp,
                      const char *key,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

/* Records the first problem, at the current path (and member @key). */
static gboolean
fail (Import     *imp,
      const char *key,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (imp->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (imp->path->len == 0 && key == NULL)
    g_set_error (&imp->error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "(document): %s", message);
  else
    g_set_error (&imp->error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s%s%s: %s",
                 imp->path->str, key && imp->path->len ? "." : "", key ? key : "", message);
  return FALSE;
}

/* Appends "[i]" to a path: once for every entity of a large plan. */
static void
append_index (GString *path,
              guint    i)
{
  char buf[16];
  char *p = buf + sizeof buf;

  *--p = ']';
  do
    *--p = '0' + (char) (i % 10);
  while ((i /= 10) != 0);
  *--p = '[';
  g_string_append_len (path, p, buf + sizeof buf - p);
}

/* The member named by the key just read, or NULL. *@hint is where the
 * search starts, then the member after the one found: the keys of a
 * canonical document come in the order of the members. */
static const Member *
find_key (Import       *imp,
          const Member *members,
          guint         n_members,
          guint        *hint)
{
  gsize length = 0;
  const char *raw = trib_json_reader_get_raw_string (imp->reader, &length);
  const Member *found = NULL;

  if (raw == NULL)
    found = _trib_plan_json_find_member (members, n_members,
                                         trib_json_reader_get_string (imp->reader));
  else
    for (guint i = 0; i < n_members && found == NULL; i++)
      {
        const Member *m = &members[(*hint + i) % n_members];

        if (m->length == length && memcmp (m->name, raw, length) == 0)
          found = m;
      }
  if (found)
    *hint = (guint) (found - members + 1) % n_members;
  return found;
}

/* A key as it may be shown in a message: shortened if need be. */
static char *
quote_key (TribJsonReader *reader)
{
  const char *key = trib_json_reader_get_string (reader);

  if (key == NULL)
    return g_strdup ("\"…\"");
  if (g_utf8_strlen (key, 41) > 40)
    {
      g_autofree char *start = g_utf8_substring (key, 0, 40);
      return g_strdup_printf ("\"%s…\"", start);
    }
  return g_strdup_printf ("\"%s\"", key);
}

/* Reads the value of @field into @value (initialised even on failure). */
static gboolean
read_value (Import          *imp,
            const TribField *field,
            GValue          *value)
{
  g_autofree char *message = NULL;

  if (_trib_plan_json_read_value (imp->reader, field, imp->items, value, &message))
    return TRUE;
  return message ? fail (imp, field->name, "%s", message) : FALSE;
}

static gboolean read_entities (Import         *imp,
                               const TypeInfo *ti,
                               GPtrArray      *out);

/* Whether entities are to be made and written as they are read. */
static inline gboolean
writing (Import *imp)
{
  return imp->writer != NULL && imp->mode == MODE_CHECK &&
         !_trib_import_writer_failed (imp->writer);
}

static gboolean
check_id (Import         *imp,
          const TypeInfo *ti,
          gint64          id)
{
  guint t = ti - imp->schema->types;

  if (imp->mode == MODE_CHECK)
    g_array_append_val (imp->ids[t], id);
  else if (imp->mode == MODE_LOCATE)
    {
      if (g_hash_table_contains (imp->seen[t], &id))
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          return fail (imp, "id", _("duplicate id %s"), text);
        }
      g_hash_table_add (imp->seen[t], g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

static gboolean
id_exists (GArray *sorted,
           gint64  id)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 v = g_array_index (sorted, gint64, mid);
      if (v == id)
        return TRUE;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* That @id names an entity of the type of index @t, read or to be read;
 * @key is the member that says so. */
static gboolean
check_ref_to (Import     *imp,
              const char *key,
              int         t,
              gint64      id)
{
  Ref ref = { id, 0 };

  if (ref.id == 0 || t < 0)
    return TRUE;
  ref.type = t;
  if (imp->mode == MODE_CHECK)
    g_array_append_val (imp->refs, ref);
  else if (!id_exists (imp->ids[t], ref.id))
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, ref.id);
      /* Translators: "no upstream has id 42" */
      return fail (imp, key, _("no %s has id %s"),
                   _(imp->schema->types[t].klass->label), text);
    }
  return TRUE;
}

static gboolean
check_ref (Import          *imp,
           const TribField *field,
           const GValue    *value)
{
  return check_ref_to (imp, field->name,
                       _trib_plan_json_type_index (imp->schema, field->ref_type ()),
                       g_value_get_int64 (value));
}

/* An acknowledgement's subject ("upstream:5") refers to an entity too. */
static gboolean
check_subject (Import       *imp,
               const GValue *value)
{
  GType type;
  gint64 id;

  if (!trib_acknowledgement_parse_subject (g_value_get_string (value), &type, &id) ||
      type == G_TYPE_INVALID)
    return TRUE;
  return check_ref_to (imp, "subject", _trib_plan_json_type_index (imp->schema, type), id);
}

/* That no entity of @ti read before has the same values of its unique
 * fields (one investment per upstream and quarter). */
static gboolean
check_unique (Import         *imp,
              const TypeInfo *ti,
              const GValue   *values)
{
  const int *unique = ti->klass->unique;
  guint t = ti - imp->schema->types;
  g_autoptr(GString) key = g_string_new (NULL);
  guint last = 0;

  for (guint u = 0; unique[u] >= 0; u++)
    {
      g_autofree char *text = trib_field_to_display (&ti->klass->fields[unique[u]],
                                                     &values[unique[u]]);
      g_string_append (key, text);
      g_string_append_c (key, '\x1f');
      last = unique[u];
    }
  if (imp->unique[t] == NULL)
    imp->unique[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_add (imp->unique[t], g_string_free (g_steal_pointer (&key), FALSE)))
    return TRUE;
  {
    g_autoptr(GString) fields = g_string_new (NULL);

    for (guint u = 0; unique[u] >= 0; u++)
      {
        g_autofree char *label = g_utf8_strdown (_(ti->klass->fields[unique[u]].label), -1);

        if (u > 0)
          g_string_append (fields, unique[u + 1] >= 0 ? ", " : _(" and "));
        g_string_append (fields, label);
      }
    /* Translators: "another investment has the same upstream and quarter" */
    return fail (imp, ti->klass->fields[last].name, _("another %s has the same %s"),
                 _(ti->klass->label), fields->str);
  }
}

/* Reads the members of an entity object, after its opening brace. Only
 * when @out is given (when writing) are its values kept: checking alone
 * keeps nothing but ids. */
static gboolean
read_entity (Import         *imp,
             const TypeInfo *ti,
             gboolean        with_id,
             Node          **out)
{
  TribEntityClass *klass = ti->klass;
  /* A rule across fields needs the values even when only checking. */
  g_autoptr(Node) node = out || klass->check || klass->unique ||
                         _trib_plan_json_needs_upgrade (imp->version, ti)
                         ? _trib_import_node_new (ti) : NULL;
  guint64 seen = 0, set = 0; /* bits of members and of fields */
  TribJsonToken token;
  gsize path_len = imp->path->len;
  gint64 id = 0;
  guint hint = 0;

  while ((token = trib_json_reader_next (imp->reader)) == TRIB_JSON_TOKEN_KEY)
    {
      const Member *member = find_key (imp, ti->members, ti->n_members, &hint);
      guint m = member ? (guint) (member - ti->members) : 0;

      if (member == NULL || (seen & (G_GUINT64_CONSTANT (1) << m)))
        {
          g_autofree char *quoted = quote_key (imp->reader);
          return fail (imp, NULL, member ? _("duplicate key %s") : _("unknown key %s"), quoted);
        }
      seen |= G_GUINT64_CONSTANT (1) << m;
      if (member->kind == MEMBER_ID)
        {
          if (trib_json_reader_next (imp->reader) != TRIB_JSON_TOKEN_INT ||
              (id = trib_json_reader_get_int (imp->reader)) < 1)
            return fail (imp, "id", _("expected an integer of 1 or more"));
          if (!check_id (imp, ti, id))
            return FALSE;
        }
      else if (member->kind == MEMBER_FIELD)
        {
          GValue value = G_VALUE_INIT;
          const TribField *field = &klass->fields[member->index];
          gboolean ok;

          /* A field added by a later version is unknown to this one. */
          if (field->since > imp->version)
            {
              g_autofree char *quoted = quote_key (imp->reader);
              return fail (imp, NULL, _("unknown key %s in a document of version %d"), quoted,
                           imp->version);
            }
          field = _trib_plan_json_field_as_read (imp->version, klass, member->index);
          ok = read_value (imp, field, &value) &&
               (field->kind != TRIB_FIELD_REF || check_ref (imp, field, &value)) &&
               (ti->type != TRIB_TYPE_ACKNOWLEDGEMENT ||
                member->index != TRIB_ACKNOWLEDGEMENT_FIELD_SUBJECT || check_subject (imp, &value));

          if (node != NULL)
            node->values[member->index] = value;
          else
            g_value_unset (&value);
          set |= G_GUINT64_CONSTANT (1) << member->index;
          if (!ok)
            return FALSE;
        }
      else
        {
          g_string_append_printf (imp->path, "%s%s", path_len ? "." : "", member->name);
          if (node != NULL && node->children == NULL)
            node->children =
              g_ptr_array_new_with_free_func ((GDestroyNotify) _trib_import_node_free);
          if (!read_entities (imp, &imp->schema->types[member->index],
                              node ? node->children : NULL))
            return FALSE;
          g_string_truncate (imp->path, path_len);
        }
    }
  if (token != TRIB_JSON_TOKEN_END_OBJECT)
    return FALSE;

  if (with_id && id == 0)
    return fail (imp, "id", _("missing"));
  for (guint f = 0; f < klass->n_fields; f++)
    if (!(set & (G_GUINT64_CONSTANT (1) << f)))
      {
        const TribField *field = &klass->fields[f];

        if ((field->flags & TRIB_FIELD_REQUIRED) && field->since <= imp->version &&
            !(field->flags & (TRIB_FIELD_PARENT | TRIB_FIELD_INTERNAL)))
          return fail (imp, field->name, _("missing"));
        if (node != NULL)
          trib_field_init_default (field, &node->values[f]);
      }
  if (node != NULL && _trib_plan_json_needs_upgrade (imp->version, ti))
    {
      const char *where = NULL;
      g_autofree char *message = NULL;

      if (!_trib_plan_json_upgrade (imp->version, ti, node->values, &where, &message))
        return fail (imp, where, "%s", message);
    }
  if (klass->unique != NULL && !check_unique (imp, ti, node->values))
    return FALSE;
  if (klass->check != NULL)
    {
      g_autofree const GValue **values = g_new (const GValue *, klass->n_fields);
      g_autofree char *where = NULL;
      g_autofree char *message = NULL;

      for (guint f = 0; f < klass->n_fields; f++)
        values[f] = &node->values[f];
      if (!klass->check (values, &where, &message))
        return fail (imp, where, "%s", message);
    }
  if (out != NULL)
    {
      node->id = id;
      *out = g_steal_pointer (&node);
    }
  return TRUE;
}

/* Reads an array of entities of @ti, each with what nests in it. When
 * writing, nested entities go into @out, and top-level ones (@out %NULL)
 * are written one by one. */
static void
release_behind (Import *imp)
{
#ifdef MADV_DONTNEED
  gsize position, page, end;

  if (!imp->mapped)
    return;
  position = trib_json_reader_get_position (imp->reader);
  if (position < imp->released + RELEASE_STEP + RELEASE_MARGIN)
    return;
  page = (gsize) sysconf (_SC_PAGESIZE);
  end = (position - RELEASE_MARGIN) & ~(page - 1);
  if (end > imp->released &&
      madvise ((void *) (imp->data + imp->released), end - imp->released, MADV_DONTNEED) == 0)
    imp->released = end;
#endif
}

static gboolean
read_entities (Import         *imp,
               const TypeInfo *ti,
               GPtrArray      *out)
{
  TribJsonToken token = trib_json_reader_next (imp->reader);
  gsize path_len = imp->path->len;

  if (token != TRIB_JSON_TOKEN_BEGIN_ARRAY)
    return token != TRIB_JSON_TOKEN_ERROR ? fail (imp, NULL, _("expected a list")) : FALSE;

  for (guint i = 0; (token = trib_json_reader_next (imp->reader)) != TRIB_JSON_TOKEN_END_ARRAY; i++)
    {
      g_autoptr(Node) node = NULL;

      if (token == TRIB_JSON_TOKEN_ERROR)
        return FALSE;
      append_index (imp->path, i);
      if (token != TRIB_JSON_TOKEN_BEGIN_OBJECT)
        return fail (imp, NULL, _("expected an object"));
      if (!read_entity (imp, ti, TRUE, writing (imp) ? &node : NULL))
        return FALSE;
      g_string_truncate (imp->path, path_len);

      release_behind (imp);
      if (node == NULL)
        continue;
      if (out != NULL)
        g_ptr_array_add (out, g_steal_pointer (&node));
      else
        _trib_import_writer_take (imp->writer, g_steal_pointer (&node));
    }
  return TRUE;
}

typedef enum
{
  MISSING,
  VALID,
  WRONG,
} State;

/* Reads the whole document. Syntax comes first: a document that is not
 * JSON is refused as such whatever else is wrong with it; then the format
 * and version, which say how to read the rest (what was written before
 * they were found wrong is thrown away with the file). */
static gboolean
read_document (Import *imp)
{
  const Schema *schema = imp->schema;
  g_autoptr(TribJsonReader) reader = trib_json_reader_new (imp->data, imp->length);
  g_autoptr(GError) problem = NULL;
  g_autofree gboolean *seen = g_new0 (gboolean, schema->n_root);
  State format = MISSING, version = MISSING;
  gint64 version_number = 0;
  gboolean object;
  TribJsonToken token;
  guint hint = 0;

  imp->reader = reader;
  imp->released = 0;
  for (guint t = 0; t < schema->n_types; t++)
    if (imp->unique[t] != NULL)
      g_hash_table_remove_all (imp->unique[t]);
  object = trib_json_reader_next (reader) == TRIB_JSON_TOKEN_BEGIN_OBJECT;
  while (object && (token = trib_json_reader_next (reader)) == TRIB_JSON_TOKEN_KEY)
    {
      const Member *member = find_key (imp, schema->root, schema->n_root, &hint);
      guint m = member ? (guint) (member - schema->root) : 0;

      g_string_truncate (imp->path, 0);
      if (member == NULL || seen[m])
        {
          g_autofree char *quoted = quote_key (reader);
          fail (imp, NULL, member ? _("duplicate key %s") : _("unknown key %s"), quoted);
          trib_json_reader_next (reader);
          trib_json_reader_skip (reader);
          continue;
        }
      seen[m] = TRUE;
      g_string_assign (imp->path, member->name);

      if (member->kind == MEMBER_FORMAT)
        {
          token = trib_json_reader_next (reader);
          format = token == TRIB_JSON_TOKEN_STRING && !trib_json_reader_string_is_long (reader) &&
                   strcmp (trib_json_reader_get_string (reader), TRIB_PLAN_JSON_FORMAT) == 0
                   ? VALID : WRONG;
          trib_json_reader_skip (reader);
        }
      else if (member->kind == MEMBER_VERSION)
        {
          token = trib_json_reader_next (reader);
          version = token == TRIB_JSON_TOKEN_INT ? VALID : WRONG;
          version_number = trib_json_reader_get_int (reader);
          trib_json_reader_skip (reader);
        }
      else if (imp->error != NULL)
        {
          /* Only the syntax, the format and the version matter now. */
          trib_json_reader_next (reader);
          trib_json_reader_skip (reader);
        }
      else if (member->kind == MEMBER_PLAN)
        {
          g_autoptr(Node) node = NULL;

          if (trib_json_reader_next (reader) != TRIB_JSON_TOKEN_BEGIN_OBJECT)
            fail (imp, NULL, _("expected an object"));
          else if (read_entity (imp, &schema->info, FALSE, writing (imp) ? &node : NULL) &&
                   node != NULL)
            _trib_import_writer_take (imp->writer, g_steal_pointer (&node));
        }
      else
        read_entities (imp, &schema->types[member->index], NULL);
      trib_json_reader_skip_to_depth (reader, 1);
    }
  g_string_truncate (imp->path, 0);
  imp->reader = NULL;
  problem = g_steal_pointer (&imp->error);

  /* Reads to the end: the syntax of the whole document is checked. */
  trib_json_reader_skip_to_depth (reader, 0);
  trib_json_reader_next (reader);
  if (trib_json_reader_get_error (reader) != NULL)
    return fail (imp, NULL, "%s", trib_json_reader_get_error (reader));
  if (!object)
    return fail (imp, NULL, _("expected an object"));
  if (format == MISSING)
    return fail (imp, "format", _("missing"));
  if (format == WRONG)
    return fail (imp, "format", _("expected \"%s\""), TRIB_PLAN_JSON_FORMAT);
  if (version == MISSING)
    return fail (imp, "version", _("missing"));
  if (version == WRONG)
    return fail (imp, "version", _("expected an integer"));
  if (version_number > TRIB_PLAN_JSON_VERSION)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, version_number);
      return fail (imp, "version",
                   _("this document was written by a newer Tributary (format version %s); "
                     "this one reads versions 1 to %d: update Tributary to import it"),
                   text, TRIB_PLAN_JSON_VERSION);
    }
  if (version_number < 1)
    return fail (imp, "version", _("expected an integer from 1 to %d"), TRIB_PLAN_JSON_VERSION);
  if (version_number != imp->version)
    return fail (imp, "version", _("expected one version member"));
  if (problem != NULL)
    {
      imp->error = g_steal_pointer (&problem);
      return FALSE;
    }
  for (guint m = 0; m < schema->n_root; m++)
    if (schema->root[m].kind == MEMBER_PLAN && !seen[m])
      return fail (imp, schema->root[m].name, _("missing"));
  return TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

TribJsonImport *
_trib_json_import_new (const char *data,
                       gsize       length)
{
  Import *imp = g_new0 (Import, 1);

  imp->schema = _trib_plan_json_get_schema ();
  imp->data = data;
  imp->length = length;
  imp->path = g_string_new (NULL);
  imp->items = g_new (gint64, TRIB_PLAN_JSON_MAX_LIST);
  imp->ids = g_new0 (GArray *, imp->schema->n_types);
  for (guint t = 0; t < imp->schema->n_types; t++)
    imp->ids[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
  imp->refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  imp->unique = g_new0 (GHashTable *, imp->schema->n_types);
  return imp;
}

/* Says that the data is a read-only mapping of a file (whose start is a
 * page), which may be handed back behind the reading. */
void
_trib_json_import_set_mapped (TribJsonImport *self,
                              gboolean        mapped)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);

  self->mapped = mapped && ((guintptr) self->data % page) == 0;
}

void
_trib_json_import_free (TribJsonImport *imp)
{
  if (imp == NULL)
    return;
  for (guint t = 0; t < imp->schema->n_types; t++)
    {
      g_array_unref (imp->ids[t]);
      if (imp->seen)
        g_hash_table_unref (imp->seen[t]);
      g_clear_pointer (&imp->unique[t], g_hash_table_unref);
    }
  g_free (imp->unique);
  g_free (imp->ids);
  g_free (imp->seen);
  g_array_unref (imp->refs);
  g_free (imp->items);
  g_string_free (imp->path, TRUE);
  g_clear_error (&imp->error);
  g_free (imp);
}

/* Reads the whole document and checks it, writing it with imp->writer if
 * there is one. Once for an import: it gathers ids and references. */
static gboolean
read_and_check (Import *imp)
{
  gboolean problem = FALSE;

  g_clear_error (&imp->error);
  if (imp->length > TRIB_PLAN_JSON_MAX_SIZE)
    return fail (imp, NULL, _("the document is larger than %u MiB"),
                 (guint) (TRIB_PLAN_JSON_MAX_SIZE >> 20));

  /* Read with the rules of the document's version. */
  imp->version = _trib_plan_json_peek_version (imp->data, imp->length);
  if (imp->version < 1 || imp->version > TRIB_PLAN_JSON_VERSION)
    imp->version = TRIB_PLAN_JSON_VERSION;

  imp->mode = MODE_CHECK;
  if (!read_document (imp))
    return FALSE;

  for (guint t = 0; t < imp->schema->n_types; t++)
    {
      GArray *ids = imp->ids[t];
      g_array_sort (ids, compare_int64);
      for (guint i = 1; i < ids->len && !problem; i++)
        problem = g_array_index (ids, gint64, i - 1) == g_array_index (ids, gint64, i);
    }
  for (guint i = 0; i < imp->refs->len && !problem; i++)
    {
      Ref *ref = &g_array_index (imp->refs, Ref, i);
      problem = !id_exists (imp->ids[ref->type], ref->id);
    }
  if (!problem)
    return TRUE;

  /* Read again, writing nothing, to tell where the first duplicate or
   * dangling reference is. */
  imp->mode = MODE_LOCATE;
  imp->seen = g_new0 (GHashTable *, imp->schema->n_types);
  for (guint t = 0; t < imp->schema->n_types; t++)
    imp->seen[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  read_document (imp);
  g_assert (imp->error != NULL);
  return FALSE;
}

/**
 * _trib_json_import_check:
 *
 * Reads the whole document and checks it, writing nothing.
 */
gboolean
_trib_json_import_check (TribJsonImport  *imp,
                         GError         **error)
{
  if (read_and_check (imp))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&imp->error));
  return FALSE;
}

/**
 * _trib_json_import_write:
 * @created: (out): whether the file @path was created (and must be
 *   removed if the import fails)
 *
 * Reads and checks the document (see _trib_json_import_check()), writing
 * it into the new plan file @path as it goes, all in one transaction that
 * is committed only if the whole document is right. The file is closed
 * when this returns.
 */
gboolean
_trib_json_import_write (TribJsonImport  *imp,
                         const char      *path,
                         gboolean        *created,
                         GError         **error)
{
  g_autoptr(TribStore) store = NULL;
  g_autoptr(GError) write_error = NULL;
  gboolean ok;

  *created = FALSE;
  store = trib_store_create_scratch (path, error);
  if (store == NULL)
    return FALSE;
  *created = TRUE;
  if (!trib_store_begin (store, error))
    return FALSE;
  imp->writer = _trib_import_writer_start (store, error);
  if (imp->writer == NULL)
    return FALSE;

  ok = read_and_check (imp);
  write_error = _trib_import_writer_finish (g_steal_pointer (&imp->writer));
  /* What is wrong with the document comes first, then what failed to be
   * written (a full disk). */
  if (ok && write_error != NULL)
    {
      imp->error = g_steal_pointer (&write_error);
      ok = FALSE;
    }
  ok = ok && trib_store_check_references (store, &imp->error);
  imp->reader = NULL;
  g_string_truncate (imp->path, 0);

  if (!ok)
    {
      trib_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&imp->error));
      return FALSE;
    }
  return trib_store_commit (store, error);
}
