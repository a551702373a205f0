/* test-store.c: the SQLite plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* Reads the rows of plan files through the plan's store: core's insides. */
#define TRIB_CORE_COMPILATION

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trib-plan.h"
#include "trib-plan-json.h"
#include "trib-store.h"
#include "trib-test-util.h"

static TribEntity *
add (TribPlan   *plan,
     TribEntity *entity,
     ...)
{
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;

  va_start (args, entity);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_assert_true (trib_entity_set_from_text (entity, name, text, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  g_assert_true (trib_plan_add (plan, entity, &error));
  g_assert_no_error (error);
  g_object_unref (entity);
  return entity;
}

static char *
id_text (TribEntity *entity)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, trib_entity_get_id (entity));
}

/* One of every entity type, every field away from its default. */
static void
populate (TribPlan *plan)
{
  g_autoptr(GError) error = NULL;
  TribEntity *info = TRIB_ENTITY (trib_plan_get_info (plan));
  TribEntity *upstream, *product, *release, *scenario;
  g_autofree char *u = NULL, *p = NULL, *r = NULL, *s = NULL;

  g_assert_true (trib_entity_set_from_text (info, "description", "Line one\nLine “two”", &error));
  g_assert_true (trib_entity_set_from_text (info, "organisation", "Calderwood", &error));
  g_assert_true (trib_entity_set_from_text (info, "currency", "USD", &error));
  g_assert_true (trib_entity_set_from_text (info, "first_quarter", "2027-Q2", &error));
  g_assert_true (trib_entity_set_from_text (info, "quarters", "12", &error));
  g_assert_true (trib_entity_set_from_text (info, "engineer_year_cost", "165000.5", &error));
  g_assert_true (trib_entity_set_from_text (info, "team_handles", "alice, bob", &error));
  g_assert_true (trib_entity_set_from_text (info, "patch_drift", "0.2", &error));
  g_assert_true (trib_entity_set_from_text (info, "check_patch_hours", "500", &error));
  g_assert_true (trib_entity_set_from_text (info, "check_dial_step", "3", &error));
  g_assert_true (trib_entity_set_from_text (info, "check_importance", "3", &error));
  g_assert_true (trib_entity_set_from_text (info, "check_inactive_days", "200", &error));
  g_assert_true (trib_entity_set_from_text (info, "check_health_drop", "15", &error));
  g_assert_true (trib_entity_set_from_text (info, "check_healthy_score", "60", &error));
  g_assert_true (trib_entity_set_from_text (info, "health_weight_longevity", "20", &error));
  g_assert_true (trib_entity_set_from_text (info, "health_weight_involvement", "0", &error));
  g_assert_no_error (error);

  upstream = add (plan, TRIB_ENTITY (trib_upstream_new ()),
                  "name", "etcd", "forge", "github", "repository", "https://github.com/etcd-io/etcd",
                  "homepage", "https://etcd.io", "license", "Apache-2.0",
                  "purls", "pkg:golang/go.etcd.io/etcd", "layer", "below", "importance", "5",
                  "decision", "invest", "intermediary", "Debian", "notes", "Key–value store",
                  "last_error", "rate limited", "release_cadence", "4", NULL);
  u = id_text (upstream);
  add (plan, TRIB_ENTITY (trib_stats_snapshot_new ()),
       "upstream_id", u, "taken_at", "2027-01-02T03:04:05Z", "stars", "48000", "forks", "9700",
       "watchers", "1400", "open_issues", "230", "created", "2013-06-06",
       "last_push", "2027-01-01T00:00:00Z", "archived", "true", "license", "Apache-2.0",
       "contributors", "900", "weekly_commits", "[1, 2, 3]", "releases_last_year", "7",
       "last_release", "2026-12-01", "top_share", "0.2", "top5_share", "0.45", "our_share", "0.05",
       "absence_factor", "4", "source", "https://api.github.com/repos/etcd-io/etcd",
       "default_branch", "main", "contributors_note", "capped", "commits_note", "computing", NULL);
  add (plan, TRIB_ENTITY (trib_investment_new ()),
       "upstream_id", u, "quarter", "2027-Q1", "fte", "2.5", "role", "maintainer", "notes", "n",
       NULL);
  add (plan, TRIB_ENTITY (trib_patch_new ()),
       "upstream_id", u, "title", "Faster compaction", "state", "proposed", "lines", "120",
       "hours_per_release", "6.5", "created", "2026-10-01", "merged", "2027-01-10",
       "url", "https://github.com/etcd-io/etcd/pulls", "notes", "n", "dropped", "2027-02-01",
       "target_quarter", "2027-Q3", NULL);
  product = add (plan, TRIB_ENTITY (trib_product_new ()),
                 "name", "Meridian", "trademark_registered", "true", "description", "d",
                 "homepage", "https://calderwood.example", NULL);
  p = id_text (product);
  release = add (plan, TRIB_ENTITY (trib_product_release_new ()),
                 "product_id", p, "version", "3.0", "ga", "2027-05-15",
                 "end_of_maintenance", "2028-05-15", "end_of_life", "2030-05-15", "notes", "n",
                 NULL);
  r = id_text (release);
  add (plan, TRIB_ENTITY (trib_release_base_new ()),
       "release_id", r, "upstream_id", u, "upstream_version", "3.6", "upstream_eol", "2028-01-01",
       NULL);
  add (plan, TRIB_ENTITY (trib_certification_new ()),
       "release_id", r, "target", "AWS", "kind", "cloud", "status", "in-progress",
       "promised", "false", "notes", "n", NULL);
  scenario = add (plan, TRIB_ENTITY (trib_scenario_new ()),
                  "name", "Platform", "model", "hybrid", "years", "7",
                  "withholds_platform_features", "true", "requires_copyright_assignment", "true",
                  "own_trademark", "false", "assumptions", "{\"conversion\": 0.003, \"users0\": 12000}",
                  "notes", "n", "base_model", "open-core", "p0_from_plan", "false", "p0", "12", NULL);
  s = id_text (scenario);
  add (plan, TRIB_ENTITY (trib_milestone_new ()),
       "title", "Join SIG", "date", "2027-03-01", "lane", "upstream", "step", "turn-up-dial",
       "upstream_id", u, "release_id", r, "scenario_id", s, "done", "true", "notes", "n", NULL);
  add (plan, TRIB_ENTITY (trib_acknowledgement_new ()),
       "check_id", "investment-jump", "subject", "upstream:1", "reason", "Planned hiring",
       "date", "2027-01-05", NULL);
}

/* Every field of every entity of @a equals the one in @b. */
static void
assert_same_plans (TribPlan *a,
                   TribPlan *b)
{
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);
  TribEntityClass *info_class = TRIB_ENTITY_GET_CLASS (trib_plan_get_info (a));

  for (guint i = 0; i < info_class->n_fields; i++)
    g_assert_true (trib_field_values_equal (&info_class->fields[i],
                                            trib_entity_peek_value (TRIB_ENTITY (trib_plan_get_info (a)), i),
                                            trib_entity_peek_value (TRIB_ENTITY (trib_plan_get_info (b)), i)));

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);
      g_autoptr(GPtrArray) xs = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) ys = g_ptr_array_new_with_free_func (g_object_unref);

      g_assert_true (trib_store_load (_trib_plan_get_store (a), types[t], NULL, 0, xs, NULL));
      g_assert_true (trib_store_load (_trib_plan_get_store (b), types[t], NULL, 0, ys, NULL));
      g_assert_cmpuint (xs->len, ==, ys->len);
      g_assert_cmpuint (xs->len, >=, 1);
      for (guint i = 0; i < xs->len; i++)
        {
          TribEntity *x = g_ptr_array_index (xs, i), *y = g_ptr_array_index (ys, i);
          g_assert_cmpint (trib_entity_get_id (x), ==, trib_entity_get_id (y));
          for (guint f = 0; f < klass->n_fields; f++)
            {
              if (!trib_field_values_equal (&klass->fields[f], trib_entity_peek_value (x, f),
                                            trib_entity_peek_value (y, f)))
                g_error ("%s.%s differs", klass->table, klass->fields[f].name);
              /* Nothing was left at its default by populate(). */
              {
                g_auto(GValue) def = G_VALUE_INIT;
                trib_field_init_default (&klass->fields[f], &def);
                if (trib_field_values_equal (&klass->fields[f], &def, trib_entity_peek_value (x, f)))
                  g_error ("%s.%s kept its default", klass->table, klass->fields[f].name);
              }
            }
        }
    }
}

static void
test_store_create_reopen (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.tributary", NULL);
  g_autofree char *copy = g_build_filename (dir, "b.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(TribPlan) again = NULL;
  g_autofree char *files = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  plan = trib_plan_create (path, "Plan A", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "Plan A");
  populate (plan);

  /* Every edit is committed: a copy taken now holds everything. */
  g_assert_true (trib_plan_save_as (plan, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_get_path (plan), ==, copy);
  trib_plan_close (plan);

  files = trib_test_list_dir (dir);
  g_assert_cmpstr (files, ==, "a.tributary b.tributary");

  g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TRIB_PLAN_APPLICATION_ID);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TRIB_PLAN_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  plan = trib_plan_open (path, 0, &error);
  g_assert_no_error (error);
  again = trib_plan_open (copy, 0, &error);
  g_assert_no_error (error);
  assert_same_plans (plan, again);

  g_assert_cmpuint (trib_plan_count (again, TRIB_TYPE_STATS_SNAPSHOT), ==, 1);
  {
    TribEntity *upstream = g_list_model_get_item (trib_plan_get_items (again, TRIB_TYPE_UPSTREAM), 0);
    GListModel *snapshots = trib_plan_get_children (again, upstream, TRIB_TYPE_STATS_SNAPSHOT);
    g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, 1);
    g_object_unref (upstream);
  }

  g_clear_object (&plan);
  g_clear_object (&again);
  g_free (files);
  files = trib_test_list_dir (dir);
  g_assert_cmpstr (files, ==, "a.tributary b.tributary");
  trib_test_remove_tree (dir);
}

static void
test_store_create_refuses_existing (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "exists.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  before = trib_test_checksum (path);
  g_assert_null (trib_plan_create (path, "X", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS);
  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  trib_test_remove_tree (dir);
}

/* Writes a version-1 plan the way the first release of the format did. */
static void
write_version_1 (const char *path)
{
  sqlite3 *db;
  g_autofree char *sql = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d; BEGIN; %s"
                         "INSERT INTO plan (id, name, currency, quarters) VALUES (1, 'Old plan', 'EUR', 4);"
                         "INSERT INTO upstream (id, name, forge, layer, importance, decision) "
                         "  VALUES (7, 'containerd', 'github', 'platform', 4, 'adopt');"
                         "INSERT INTO milestone (id, title, date, lane, upstream_id) "
                         "  VALUES (3, 'Join', '2027-01-01', 'upstream', 7);"
                         "PRAGMA user_version = 1; COMMIT;",
                         TRIB_PLAN_APPLICATION_ID, trib_store_migration_sql (1));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_migrate_version_1 (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  TribEntity *milestone;
  g_autofree char *files = NULL;

  write_version_1 (path);

  /* Read-only, it is upgraded in memory and the file stays as it was. */
  {
    g_autofree char *before = trib_test_checksum (path);
    g_autofree char *after = NULL;

    plan = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (trib_plan_get_schema_version (plan), ==, TRIB_PLAN_SCHEMA_VERSION);
    g_assert_cmpstr (trib_plan_get_title (plan), ==, "Old plan");
    g_assert_cmpint (trib_milestone_get_step (TRIB_MILESTONE (trib_plan_lookup (plan, TRIB_TYPE_MILESTONE, 3))), ==, TRIB_STEP_NONE);
    g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_ACKNOWLEDGEMENT), ==, 0);
    g_clear_object (&plan);
    after = trib_test_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }

  plan = trib_plan_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_plan_get_schema_version (plan), ==, TRIB_PLAN_SCHEMA_VERSION);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "Old plan");
  milestone = trib_plan_lookup (plan, TRIB_TYPE_MILESTONE, 3);
  g_assert_nonnull (milestone);
  g_assert_cmpint (trib_milestone_get_step (TRIB_MILESTONE (milestone)), ==, TRIB_STEP_NONE);
  g_assert_cmpint (trib_milestone_get_upstream_id (TRIB_MILESTONE (milestone)), ==, 7);

  /* The tables of version 2 work. */
  {
    TribEntity *ack = TRIB_ENTITY (trib_acknowledgement_new ());
    g_assert_true (trib_entity_set_string (ack, "check_id", "x", &error));
    g_assert_true (trib_entity_set_string (ack, "reason", "y", &error));
    g_assert_true (trib_plan_add (plan, ack, &error));
    g_assert_no_error (error);
    g_object_unref (ack);
  }
  g_clear_object (&plan);

  plan = trib_plan_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_ACKNOWLEDGEMENT), ==, 1);
  g_clear_object (&plan);
  files = trib_test_list_dir (dir);
  g_assert_cmpstr (files, ==, "old.tributary");
  trib_test_remove_tree (dir);
}

/* A plan of version 5 with a currency in small letters and subjects that
 * name nothing: they meet the rules of version 6 once it is opened. */
static void
test_store_migrate_subjects (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.tributary", NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  sqlite3 *db;
  static const struct { gint64 id; const char *subject; const char *reason; } expected[] = {
    { 1, "upstream:7", "Kept" },
    { 2, NULL, "Free text\n\nSubject: Hybrid" },
    { 3, NULL, "Gone\n\nSubject: upstream:9" },
    { 4, NULL, "Padded\n\nSubject: upstream:07" },
    { 5, NULL, "Whole plan" },
  };

  g_string_append_printf (sql, "PRAGMA application_id = %d; BEGIN;", TRIB_PLAN_APPLICATION_ID);
  for (int v = 1; v <= 5; v++)
    g_string_append (sql, trib_store_migration_sql (v));
  g_string_append (sql,
                   "INSERT INTO plan (id, name, currency, quarters) VALUES (1, 'Old plan', 'usd', 4);"
                   "INSERT INTO upstream (id, name, forge, layer, importance, decision) "
                   "  VALUES (7, 'containerd', 'github', 'platform', 4, 'adopt');"
                   "INSERT INTO acknowledgement (id, check_id, subject, reason) VALUES "
                   "  (1, 'c', 'upstream:7', 'Kept'), (2, 'c', 'Hybrid', 'Free text'),"
                   "  (3, 'c', 'upstream:9', 'Gone'), (4, 'c', 'upstream:07', 'Padded'),"
                   "  (5, 'c', NULL, 'Whole plan');"
                   "PRAGMA user_version = 5; COMMIT;");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  plan = trib_plan_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_info_get_currency (trib_plan_get_info (plan)), ==, "USD");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TribAcknowledgement *ack =
        TRIB_ACKNOWLEDGEMENT (trib_plan_lookup (plan, TRIB_TYPE_ACKNOWLEDGEMENT, expected[i].id));

      g_assert_cmpstr (trib_acknowledgement_get_subject (ack), ==, expected[i].subject);
      g_assert_cmpstr (trib_acknowledgement_get_reason (ack), ==, expected[i].reason);
    }
  /* Its export is a document the import takes. */
  {
    gsize length = 0;
    char *json = trib_plan_to_json (plan, &length, &error);
    g_autoptr(GBytes) bytes = g_bytes_new_take (json, length);

    g_assert_no_error (error);
    g_assert_true (trib_plan_json_validate (bytes, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&plan);
  trib_test_remove_tree (dir);
}

static void
test_store_migration_is_atomic (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  sqlite3 *db;

  /* A version-1 file that already has the table version 2 adds: the
   * migration fails half-way and must leave the file as it was. */
  write_version_1 (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE acknowledgement (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = trib_test_checksum (path);
  g_assert_null (trib_plan_open (path, 0, &error));
  g_assert_nonnull (error);
  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  trib_test_remove_tree (dir);
}

typedef struct
{
  const char *name;
  int         code;
} Refusal;

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = trib_test_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *files_before = trib_test_list_dir (dir);
  g_autofree char *files_after = NULL;

  g_assert_null (trib_plan_open (path, 0, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  files_after = trib_test_list_dir (dir);
  g_assert_cmpstr (files_before, ==, files_after);
}

static char *
make_plan (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "P", &error);

  g_assert_no_error (error);
  populate (plan);
  return g_steal_pointer (&path);
}

static void
test_store_refusals (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.tributary", NULL);
  g_autofree char *text = g_build_filename (dir, "text.tributary", NULL);
  g_autofree char *random = g_build_filename (dir, "random.tributary", NULL);
  g_autofree char *other = g_build_filename (dir, "other.tributary", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.tributary", NULL);
  g_autofree char *newer = make_plan (dir, "newer.tributary");
  g_autofree char *truncated = make_plan (dir, "truncated.tributary");
  g_autofree char *corrupt = make_plan (dir, "corrupt.tributary");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  sqlite3 *db;
  guint8 bytes[8192];

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, TRIB_PLAN_ERROR_NOT_A_PLAN);

  g_assert_true (g_file_set_contents (text, "name,importance\netcd,5\n", -1, NULL));
  assert_refused (text, TRIB_PLAN_ERROR_NOT_A_PLAN);

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_random_int_range (0, 256);
  g_assert_true (g_file_set_contents (random, (const char *) bytes, sizeof bytes, NULL));
  assert_refused (random, TRIB_PLAN_ERROR_NOT_A_PLAN);

  /* Random bytes behind a valid SQLite header. */
  memcpy (bytes, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (random, (const char *) bytes, sizeof bytes, NULL));
  assert_refused (random, TRIB_PLAN_ERROR_NOT_A_PLAN);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (other, TRIB_PLAN_ERROR_NOT_A_PLAN);

  g_assert_null (trib_plan_open (missing, 0, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (newer, TRIB_PLAN_ERROR_NEWER_FORMAT);

  g_assert_true (g_file_get_contents (truncated, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  assert_refused (truncated, TRIB_PLAN_ERROR_CORRUPT);
  g_clear_pointer (&contents, g_free);

  /* Garbage over every page but the first (the header stays valid). */
  g_assert_true (g_file_get_contents (corrupt, &contents, &length, NULL));
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (corrupt, contents, length, NULL));
  assert_refused (corrupt, TRIB_PLAN_ERROR_CORRUPT);

  trib_test_remove_tree (dir);
}

/* Checks run by someone who may read the plan but not change it. */
static void
read_only_checks (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;

  assert_refused (path, TRIB_PLAN_ERROR_READ_ONLY);

  plan = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (trib_plan_is_read_only (plan));
  g_assert_false (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (plan)), "name", "New", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "P");
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = make_plan (dir, "ro.tributary");
  g_autofree char *before = NULL, *after = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = trib_test_checksum (path);

  if (geteuid () == 0)
    {
      /* Permissions do not bind root: check as an ordinary user. */
      int status;
      pid_t pid;

      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          if (setgid (65534) != 0 || setuid (65534) != 0)
            _exit (77);
          read_only_checks (path);
          _exit (0);
        }
      waitpid (pid, &status, 0);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  else
    read_only_checks (path);

  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (path, 0644);
  trib_test_remove_tree (dir);
}

static void
test_store_read_only_flag (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = make_plan (dir, "ro.tributary");
  g_autofree char *copy = g_build_filename (dir, "copy.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autofree char *before = trib_test_checksum (path);
  g_autofree char *after = NULL;

  plan = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (plan)), "name", "New", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Save As makes an editable copy. */
  g_assert_true (trib_plan_save_as (plan, copy, &error));
  g_assert_no_error (error);
  g_assert_false (trib_plan_is_read_only (plan));
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (plan)), "name", "New", &error));
  g_assert_no_error (error);
  g_clear_object (&plan);

  after = trib_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  plan = trib_plan_open (copy, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "New");
  g_clear_object (&plan);
  trib_test_remove_tree (dir);
}

static void
test_store_locked (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = make_plan (dir, "locked.tributary");
  g_autoptr(GError) error = NULL;
  int to_parent[2], to_child[2];
  pid_t pid;
  char c;

  /* Another process holds the plan open. */
  g_assert_cmpint (pipe (to_parent), ==, 0);
  g_assert_cmpint (pipe (to_child), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      TribPlan *plan = trib_plan_open (path, 0, NULL);
      c = plan ? 'y' : 'n';
      if (write (to_parent[1], &c, 1) != 1 || read (to_child[0], &c, 1) != 1)
        _exit (2);
      _exit (0);
    }
  g_assert_cmpint (read (to_parent[0], &c, 1), ==, 1);
  g_assert_cmpint (c, ==, 'y');

  assert_refused (path, TRIB_PLAN_ERROR_LOCKED);
  /* Reading it still works: only changing it is refused. */
  {
    g_autoptr(TribPlan) reader = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (trib_plan_get_title (reader), ==, "P");
  }

  /* Nor can it be replaced under the other program's feet: its edits
   * would go to a file that is no longer there. */
  {
    g_autofree char *before = trib_test_checksum (path);
    g_autofree char *after = NULL;
    g_autofree char *other = make_plan (dir, "other.tributary");
    g_autoptr(TribPlan) plan = trib_plan_open (other, 0, &error);
    g_autoptr(TribPlan) imported = NULL;
    gsize length = 0;
    g_autofree char *json = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_no_error (error);
    g_assert_false (trib_plan_save_as (plan, path, &error));
    g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_cmpstr (trib_plan_get_path (plan), ==, other);

    json = trib_plan_to_json (plan, &length, &error);
    g_assert_no_error (error);
    bytes = g_bytes_new (json, length);
    imported = trib_plan_import_json (NULL, bytes, path, TRUE, &error);
    g_assert_null (imported);
    g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED);
    g_clear_error (&error);

    after = trib_test_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }

  c = 'q';
  g_assert_cmpint (write (to_child[1], &c, 1), ==, 1);
  waitpid (pid, NULL, 0);

  /* Once the other program is gone, the plan opens. */
  {
    g_autoptr(TribPlan) plan = trib_plan_open (path, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (trib_plan_get_title (plan), ==, "P");
  }
  for (int i = 0; i < 2; i++)
    {
      close (to_parent[i]);
      close (to_child[i]);
    }
  trib_test_remove_tree (dir);
}

static void
test_store_second_window_locked (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = make_plan (dir, "twice.tributary");
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) first = trib_plan_open (path, 0, &error);

  g_assert_no_error (error);
  assert_refused (path, TRIB_PLAN_ERROR_LOCKED);
  g_clear_object (&first);
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/create-reopen", test_store_create_reopen);
  g_test_add_func ("/store/create-refuses-existing", test_store_create_refuses_existing);
  g_test_add_func ("/store/migrate/version-1", test_store_migrate_version_1);
  g_test_add_func ("/store/migrate/subjects", test_store_migrate_subjects);
  g_test_add_func ("/store/migrate/atomic", test_store_migration_is_atomic);
  g_test_add_func ("/store/refuse/bad-files", test_store_refusals);
  g_test_add_func ("/store/refuse/read-only-file", test_store_read_only);
  g_test_add_func ("/store/read-only-flag", test_store_read_only_flag);
  g_test_add_func ("/store/refuse/locked-by-other-process", test_store_locked);
  g_test_add_func ("/store/refuse/locked-in-same-process", test_store_second_window_locked);

  return g_test_run ();
}
