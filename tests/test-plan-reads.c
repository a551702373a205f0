/* test-plan-reads.c: what the engine and the forge read from a plan, and
 * how fetched data is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "trib-plan.h"
#include "trib-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  TribPlan *plan;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = trib_test_make_dir ();
  f->path = g_build_filename (f->dir, "reads.tributary", NULL);
  f->plan = trib_plan_create (f->path, "Reads", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->plan);
  trib_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->plan);
  f->plan = trib_plan_open (f->path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* Rows of @table in the file, read with SQLite itself, beside the plan. */
static int
rows_in_file (Fixture    *f,
              const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  int n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static TribEntity *
add_entity (TribPlan   *plan,
            GType       type,
            const char *first_name,
            ...)
{
  g_autoptr(GError) error = NULL;
  TribEntity *entity = g_object_new (type, NULL);
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
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

static TribStatsSnapshot *
new_snapshot (const char *taken_at,
              int         stars)
{
  g_autoptr(GError) error = NULL;
  TribStatsSnapshot *snapshot = trib_stats_snapshot_new ();

  g_assert_true (trib_entity_set_string (TRIB_ENTITY (snapshot), "taken_at", taken_at, &error));
  g_assert_true (trib_entity_set_int (TRIB_ENTITY (snapshot), "stars", stars, &error));
  g_assert_no_error (error);
  return snapshot;
}

/* A snapshot added before its upstream's history was read is the one
 * object for its row: in the list once read, and gone from both list and
 * file when undone. */
static void
test_snapshot_before_history (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribStatsSnapshot) added = NULL;
  g_autofree char *id = NULL;
  TribEntity *upstream;
  GListModel *history;

  upstream = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  id = id_text (upstream);
  add_entity (f->plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", id,
              "taken_at", "2027-01-01T00:00:00Z", NULL);
  reopen (f);
  upstream = trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, 1);

  /* The history is not read yet when the snapshot is added. */
  added = new_snapshot ("2027-02-01T00:00:00Z", 10);
  g_assert_true (trib_entity_set_ref (TRIB_ENTITY (added), "upstream_id", 1, &error));
  g_assert_true (trib_plan_add (f->plan, TRIB_ENTITY (added), &error));
  g_assert_no_error (error);

  history = trib_plan_get_children (f->plan, upstream, TRIB_TYPE_STATS_SNAPSHOT);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(TribEntity) second = g_list_model_get_item (history, 1);
    g_assert_true (second == TRIB_ENTITY (added));
  }
  g_assert_true (trib_plan_lookup (f->plan, TRIB_TYPE_STATS_SNAPSHOT,
                                   trib_entity_get_id (TRIB_ENTITY (added))) ==
                 TRIB_ENTITY (added));
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);

  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 1);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_STATS_SNAPSHOT), ==, 1);
  g_assert_null (trib_entity_get_plan (TRIB_ENTITY (added)));

  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);
}

/* Also when the snapshot is added, then the history read, then undone:
 * no second object for the same row stays listed. */
static void
test_snapshot_added_then_read (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribStatsSnapshot) added = new_snapshot ("2027-02-01T00:00:00Z", 10);
  TribEntity *upstream = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  GListModel *history;

  g_assert_true (trib_entity_set_ref (TRIB_ENTITY (added), "upstream_id",
                                      trib_entity_get_id (upstream), &error));
  g_assert_true (trib_plan_add (f->plan, TRIB_ENTITY (added), &error));
  history = trib_plan_get_children (f->plan, upstream, TRIB_TYPE_STATS_SNAPSHOT);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 0);
}

/* The plan does not keep every snapshot ever added alive: once nothing
 * holds one (its undo step is gone), reading the history makes it anew. */
static void
test_snapshot_not_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *upstream = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  TribStatsSnapshot *added = new_snapshot ("2027-02-01T00:00:00Z", 10);
  TribEntity *info = TRIB_ENTITY (trib_plan_get_info (f->plan));
  gint64 id;
  GListModel *history;

  g_assert_true (trib_plan_record_fetch (f->plan, TRIB_UPSTREAM (upstream), added, NULL, &error));
  g_assert_no_error (error);
  id = trib_entity_get_id (TRIB_ENTITY (added));
  g_object_add_weak_pointer (G_OBJECT (added), (gpointer *) &added);
  g_object_unref (added);
  g_assert_null (added);
  g_assert_null (trib_plan_lookup (f->plan, TRIB_TYPE_STATS_SNAPSHOT, id));

  /* Enough edits to push the snapshot added by an edit out of the history. */
  added = new_snapshot ("2027-03-01T00:00:00Z", 11);
  g_assert_true (trib_entity_set_ref (TRIB_ENTITY (added), "upstream_id",
                                      trib_entity_get_id (upstream), &error));
  g_assert_true (trib_plan_add (f->plan, TRIB_ENTITY (added), &error));
  g_object_add_weak_pointer (G_OBJECT (added), (gpointer *) &added);
  g_object_unref (added);
  g_assert_nonnull (added);
  for (guint i = 0; i < 210; i++)
    {
      g_autofree char *name = g_strdup_printf ("Plan %u", i);
      g_assert_true (trib_entity_set_string (info, "name", name, &error));
    }
  g_assert_null (added);

  history = trib_plan_get_snapshots (f->plan, TRIB_UPSTREAM (upstream), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);
}

static void
on_changed_cb (TribPlan *plan,
               guint     changes,
               guint    *out)
{
  *out |= changes;
}

static void
test_record_fetch (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribStatsSnapshot) first = new_snapshot ("2027-03-01T00:00:00Z", 5);
  g_autoptr(TribStatsSnapshot) second = new_snapshot ("2027-03-08T00:00:00Z", 7);
  /* Without the time it was taken, which is required. */
  g_autoptr(TribStatsSnapshot) wrong = trib_stats_snapshot_new ();
  TribEntity *upstream = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  TribUpstream *u = TRIB_UPSTREAM (upstream);
  guint changes = 0;
  GListModel *history;

  g_signal_connect (f->plan, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");
  changes = 0;

  /* A failed fetch records its error, and nothing to undo. */
  g_assert_true (trib_plan_record_fetch (f->plan, u, NULL, "GitHub refused the request:\nrate limit", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_upstream_get_last_error (u), ==, "GitHub refused the request: rate limit");
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_UPSTREAM);
  g_assert_null (trib_plan_get_latest_snapshot (f->plan, u, &error));
  g_assert_no_error (error);

  /* A good one adds to the history and clears the error. */
  changes = 0;
  g_assert_true (trib_plan_record_fetch (f->plan, u, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_STATS_SNAPSHOT);
  g_assert_null (trib_upstream_get_last_error (u));
  g_assert_true (trib_plan_record_fetch (f->plan, u, first, NULL, &error));
  g_assert_true (trib_plan_get_latest_snapshot (f->plan, u, &error) == second);
  history = trib_plan_get_snapshots (f->plan, u, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_cmpint (trib_stats_snapshot_get_upstream_id (first), ==, trib_entity_get_id (upstream));

  /* Nothing of it is an undo step: undo still names the user's edit. */
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");
  g_assert_false (trib_plan_can_redo (f->plan));
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);

  /* A snapshot that breaks the rules writes nothing, not even the error. */
  g_assert_false (trib_plan_record_fetch (f->plan, u, wrong, "partial", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (trib_upstream_get_last_error (u));
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);

  /* Read back after reopening: the history is in the file. */
  reopen (f);
  u = TRIB_UPSTREAM (trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, 1));
  g_assert_cmpint (trib_stats_snapshot_get_stars (trib_plan_get_latest_snapshot (f->plan, u, &error)), ==, 7);
  g_assert_false (trib_plan_can_undo (f->plan));

  /* Undoing the removal of the upstream brings its fetched history back. */
  g_assert_true (trib_plan_remove (f->plan, TRIB_ENTITY (u), &error));
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 0);
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (trib_plan_get_snapshots (f->plan, u, NULL)), ==, 2);
}

static void
count_cb (TribPlan *plan,
          guint     changes,
          guint    *count)
{
  (*count)++;
}

/* A refresh records its upstreams in batches, each one transaction and one
 * change signal, and is one undo step as a whole: undo takes its snapshots,
 * errors and new addresses back, redo brings them again, and an edit made
 * during the refresh is never undone with it. */
static void
test_record_fetches (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *etcd = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd",
                                 "repository", "https://github.com/etcd-io/etcd", NULL);
  TribEntity *curl = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "curl",
                                 "repository", "https://github.com/curl/curl", NULL);
  TribEntity *zlib = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "zlib",
                                 "repository", "https://github.com/madler/zlib", NULL);
  TribEntity *gone = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "gone", NULL);
  g_autoptr(TribStatsSnapshot) s_etcd = new_snapshot ("2027-03-01T00:00:00Z", 5);
  g_autoptr(TribStatsSnapshot) s_curl = new_snapshot ("2027-03-01T00:00:00Z", 9);
  g_autoptr(TribStatsSnapshot) s_gone = new_snapshot ("2027-03-01T00:00:00Z", 1);
  g_autoptr(TribStatsSnapshot) wrong = trib_stats_snapshot_new ();
  guint changes = 0, emissions = 0;

  gint64 curl_id = trib_entity_get_id (curl);

  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “gone”");
  g_signal_connect (f->plan, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_signal_connect (f->plan, "changed", G_CALLBACK (count_cb), &emissions);

  trib_plan_begin_fetches (f->plan, "Refresh Statistics");
  {
    TribFetchOutcome batch[] = {
      { TRIB_UPSTREAM (etcd), s_etcd, NULL, "https://github.com/etcd-io/etcd-renamed", NULL },
      { TRIB_UPSTREAM (curl), s_curl, NULL, NULL, NULL },
      { TRIB_UPSTREAM (zlib), wrong, NULL, "https://github.com/madler/zlib-ng", NULL },
    };

    g_assert_true (trib_plan_record_fetches (f->plan, batch, G_N_ELEMENTS (batch), &error));
    g_assert_no_error (error);
    g_assert_no_error (batch[0].error);
    g_assert_no_error (batch[1].error);
    /* The broken snapshot is refused alone; its reason becomes the error,
     * and its address is not taken either. */
    g_assert_error (batch[2].error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
    g_clear_error (&batch[2].error);
  }
  g_assert_cmpuint (emissions, ==, 1);
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_STATS_SNAPSHOT);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);
  g_assert_cmpstr (trib_upstream_get_repository (TRIB_UPSTREAM (etcd)), ==, "https://github.com/etcd-io/etcd-renamed");
  g_assert_true (g_str_has_prefix (trib_upstream_get_last_error (TRIB_UPSTREAM (zlib)),
                                   "The statistics could not be recorded: "));
  g_assert_cmpstr (trib_upstream_get_repository (TRIB_UPSTREAM (zlib)), ==, "https://github.com/madler/zlib");

  /* Meanwhile, the user types another address: a step of its own, which
   * undoing the refresh leaves alone. */
  g_assert_true (trib_entity_set_string (etcd, "repository", "https://github.com/etcd-io/etcd-typed", &error));
  g_assert_no_error (error);
  {
    TribFetchOutcome batch[] = {
      { TRIB_UPSTREAM (curl), NULL, "GitHub refused the request: rate limit", NULL, NULL },
      { TRIB_UPSTREAM (gone), s_gone, NULL, NULL, NULL },
    };

    g_assert_true (trib_plan_record_fetches (f->plan, batch, G_N_ELEMENTS (batch), &error));
    g_assert_no_error (batch[0].error);
    g_assert_no_error (batch[1].error);
  }
  g_assert_cmpuint (emissions, ==, 3);
  /* An upstream removed during the refresh takes its new snapshot along. */
  g_assert_true (trib_plan_remove (f->plan, gone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Delete upstream “gone”");
  g_assert_true (trib_plan_end_fetches (f->plan));
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Refresh Statistics");
  g_assert_false (trib_plan_can_redo (f->plan));
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);

  /* Undo the refresh: snapshots, errors and addresses as before it, but
   * the address the user typed during it stays. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 0);
  g_assert_null (trib_plan_get_latest_snapshot (f->plan, TRIB_UPSTREAM (etcd), &error));
  g_assert_cmpstr (trib_upstream_get_repository (TRIB_UPSTREAM (etcd)), ==, "https://github.com/etcd-io/etcd-typed");
  g_assert_null (trib_upstream_get_last_error (TRIB_UPSTREAM (zlib)));
  g_assert_null (trib_upstream_get_last_error (TRIB_UPSTREAM (curl)));
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Delete upstream “gone”");

  /* Redo brings it all back, in the file too. */
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows_in_file (f, "snapshot"), ==, 2);
  g_assert_true (trib_plan_get_latest_snapshot (f->plan, TRIB_UPSTREAM (etcd), &error) == s_etcd);
  g_assert_cmpstr (trib_upstream_get_last_error (TRIB_UPSTREAM (curl)), ==, "GitHub refused the request: rate limit");
  reopen (f);
  g_assert_cmpint (trib_stats_snapshot_get_stars (trib_plan_get_latest_snapshot (
    f->plan, TRIB_UPSTREAM (trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, curl_id)), &error)), ==, 9);

  /* An empty bracket is no step. */
  trib_plan_begin_fetches (f->plan, "Refresh Statistics");
  g_assert_false (trib_plan_end_fetches (f->plan));
  g_assert_false (trib_plan_can_undo (f->plan));
}

/* Investments, bases and milestones that refer to an upstream or a release
 * are a look-up, and follow changes of their references and undo. */
static void
test_referring (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *etcd = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  TribEntity *curl = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "curl", NULL);
  g_autofree char *etcd_id = id_text (etcd), *curl_id = id_text (curl);
  TribEntity *product = add_entity (f->plan, TRIB_TYPE_PRODUCT, "name", "Tessellate", NULL);
  g_autofree char *product_id = id_text (product);
  TribEntity *release = add_entity (f->plan, TRIB_TYPE_PRODUCT_RELEASE, "product_id", product_id,
                                    "version", "1.0", NULL);
  g_autofree char *release_id = id_text (release);
  TribEntity *milestone;
  GListModel *investments, *bases, *milestones, *by_release;

  add_entity (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", etcd_id, "quarter", "2027-Q1", NULL);
  add_entity (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", etcd_id, "quarter", "2027-Q2", NULL);
  add_entity (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", curl_id, "quarter", "2027-Q1", NULL);
  add_entity (f->plan, TRIB_TYPE_RELEASE_BASE, "release_id", release_id, "upstream_id", etcd_id,
              "upstream_version", "3.5", NULL);
  milestone = add_entity (f->plan, TRIB_TYPE_MILESTONE, "title", "GA", "date", "2027-06-01",
                          "upstream_id", curl_id, "release_id", release_id, NULL);

  investments = trib_plan_get_children (f->plan, etcd, TRIB_TYPE_INVESTMENT);
  bases = trib_plan_get_children (f->plan, etcd, TRIB_TYPE_RELEASE_BASE);
  milestones = trib_plan_get_children (f->plan, etcd, TRIB_TYPE_MILESTONE);
  by_release = trib_plan_get_referring (f->plan, TRIB_TYPE_MILESTONE, "release_id",
                                        trib_entity_get_id (release), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bases), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (by_release), ==, 1);
  /* The base's owner is the release, its other reference the upstream. */
  g_assert_cmpuint (g_list_model_get_n_items (trib_plan_get_children (f->plan, release, TRIB_TYPE_RELEASE_BASE)), ==, 1);

  /* A reference that changes moves the entity between the lists. */
  g_assert_true (trib_entity_set_ref (milestone, "upstream_id", trib_entity_get_id (etcd), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trib_plan_get_children (f->plan, curl, TRIB_TYPE_MILESTONE)), ==, 0);
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 0);
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 1);

  /* Removing etcd: what goes with it, in words and numbers. */
  {
    g_autoptr(GArray) counts = trib_plan_count_removal (f->plan, etcd, &error);
    g_autofree char *words = trib_plan_describe_removal (f->plan, etcd);

    g_assert_no_error (error);
    g_assert_cmpuint (counts->len, ==, 4);
    g_assert_true (g_array_index (counts, TribRemovalCount, 0).type == TRIB_TYPE_UPSTREAM);
    g_assert_cmpuint (g_array_index (counts, TribRemovalCount, 0).removed, ==, 1);
    g_assert_true (g_array_index (counts, TribRemovalCount, 1).type == TRIB_TYPE_INVESTMENT);
    g_assert_cmpuint (g_array_index (counts, TribRemovalCount, 1).removed, ==, 2);
    g_assert_true (g_array_index (counts, TribRemovalCount, 2).type == TRIB_TYPE_RELEASE_BASE);
    g_assert_cmpuint (g_array_index (counts, TribRemovalCount, 2).removed, ==, 1);
    g_assert_true (g_array_index (counts, TribRemovalCount, 3).type == TRIB_TYPE_MILESTONE);
    g_assert_cmpuint (g_array_index (counts, TribRemovalCount, 3).removed, ==, 0);
    g_assert_cmpuint (g_array_index (counts, TribRemovalCount, 3).cleared, ==, 1);
    g_assert_cmpstr (words, ==, "2 investments and 1 upstream base");
  }
  g_assert_true (trib_plan_remove (f->plan, etcd, &error));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bases), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 0);
  g_assert_cmpint (trib_milestone_get_upstream_id (TRIB_MILESTONE (milestone)), ==, 0);
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bases), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 1);
  {
    g_autofree char *nothing = trib_plan_describe_removal (f->plan, curl);
    g_assert_cmpstr (nothing, ==, "1 investment");
  }

  /* The lists are built the same way when the plan is opened. */
  {
    gint64 id = trib_entity_get_id (etcd);

    reopen (f);
    etcd = trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, id);
  }
  g_assert_cmpuint (g_list_model_get_n_items (trib_plan_get_children (f->plan, etcd, TRIB_TYPE_INVESTMENT)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (trib_plan_get_children (f->plan, etcd, TRIB_TYPE_MILESTONE)), ==, 1);
}

static void
test_unique_investment (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *etcd = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  g_autofree char *etcd_id = id_text (etcd);
  g_autoptr(TribInvestment) again = trib_investment_new ();
  TribEntity *q2;

  add_entity (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", etcd_id, "quarter", "2027-Q1", NULL);
  q2 = add_entity (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", etcd_id, "quarter", "2027-Q2", NULL);

  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (again), "upstream_id", etcd_id, &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (again), "quarter", "2027-Q1", &error));
  g_assert_false (trib_plan_add (f->plan, TRIB_ENTITY (again), &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "There is already an investment with this upstream and quarter.");
  g_clear_error (&error);

  /* Moving the second one onto the first quarter is refused too. */
  g_assert_false (trib_entity_set_string (q2, "quarter", "2027-Q1", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (trib_investment_get_quarter (TRIB_INVESTMENT (q2)), ==, "2027-Q2");
  g_assert_true (trib_entity_set_string (q2, "quarter", "2027-Q3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_INVESTMENT), ==, 2);

  /* The one investment of a quarter is found by its upstream. */
  g_assert_true (trib_plan_get_investment (f->plan, TRIB_UPSTREAM (etcd), "2027-Q3") ==
                 TRIB_INVESTMENT (q2));
  g_assert_nonnull (trib_plan_get_investment (f->plan, TRIB_UPSTREAM (etcd), "2027-Q1"));
  g_assert_null (trib_plan_get_investment (f->plan, TRIB_UPSTREAM (etcd), "2027-Q2"));
}

/* An acknowledgement names its subject as type:id; it goes with its
 * subject and comes back with it. */
static void
test_acknowledgement_subject (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribAcknowledgement) dangling = trib_acknowledgement_new ();
  TribEntity *etcd = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  g_autofree char *subject = trib_acknowledgement_subject_for (etcd);
  TribEntity *ack;
  GType type;
  gint64 id;

  g_assert_cmpstr (subject, ==, "upstream:1");
  g_assert_true (trib_acknowledgement_parse_subject ("release:12", &type, &id));
  g_assert_true (type == TRIB_TYPE_PRODUCT_RELEASE);
  g_assert_cmpint (id, ==, 12);
  g_assert_true (trib_acknowledgement_parse_subject ("", &type, &id));
  g_assert_true (type == G_TYPE_INVALID);
  g_assert_false (trib_acknowledgement_parse_subject ("Hybrid", NULL, NULL));
  g_assert_false (trib_acknowledgement_parse_subject ("upstream:0", NULL, NULL));
  g_assert_false (trib_acknowledgement_parse_subject ("upstream:-1", NULL, NULL));
  g_assert_false (trib_acknowledgement_parse_subject ("planet:1", NULL, NULL));

  ack = add_entity (f->plan, TRIB_TYPE_ACKNOWLEDGEMENT, "check_id", "only-a-user",
                    "subject", subject, "reason", "Evaluating it", NULL);
  add_entity (f->plan, TRIB_TYPE_ACKNOWLEDGEMENT, "check_id", "trademark",
              "subject", "", "reason", "Registered next year", NULL);

  /* A subject that is not in the plan is refused. */
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (dangling), "check_id", "x", &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (dangling), "reason", "y", &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (dangling), "subject", "upstream:7", &error));
  g_assert_false (trib_plan_add (f->plan, TRIB_ENTITY (dangling), &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trib_entity_set_from_text (TRIB_ENTITY (dangling), "subject", "etcd", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (trib_plan_remove (f->plan, etcd, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_ACKNOWLEDGEMENT), ==, 1);
  g_assert_null (trib_entity_get_plan (ack));
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_ACKNOWLEDGEMENT), ==, 2);
  g_assert_true (trib_entity_get_plan (ack) == f->plan);
  g_assert_cmpint (rows_in_file (f, "acknowledgement"), ==, 2);
}

static void
on_settled_cb (TribPlan *plan,
               guint     changes,
               guint    *out)
{
  out[0]++;
  out[1] |= changes;
}

/* Each change says what it touched; a burst settles once. */
static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint changes = 0, settled[2] = { 0, 0 };
  TribEntity *etcd;
  g_autofree char *etcd_id = NULL;

  g_assert_cmpuint (trib_plan_changes_for_type (TRIB_TYPE_PLAN_INFO), ==, TRIB_PLAN_CHANGE_INFO);
  g_assert_cmpuint (trib_plan_changes_for_type (TRIB_TYPE_ACKNOWLEDGEMENT), ==,
                    TRIB_PLAN_CHANGE_ACKNOWLEDGEMENT);
  g_assert_cmpuint (trib_plan_changes_for_type (TRIB_TYPE_RELEASE_BASE), ==,
                    TRIB_PLAN_CHANGE_RELEASE_BASE);

  g_signal_connect (f->plan, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_signal_connect (f->plan, "changes-settled", G_CALLBACK (on_settled_cb), settled);
  while (g_main_context_iteration (NULL, FALSE));
  settled[0] = settled[1] = 0;

  etcd = add_entity (f->plan, TRIB_TYPE_UPSTREAM, "name", "etcd", NULL);
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_UPSTREAM);
  etcd_id = id_text (etcd);
  changes = 0;
  add_entity (f->plan, TRIB_TYPE_INVESTMENT, "upstream_id", etcd_id, "quarter", "2027-Q1", NULL);
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_INVESTMENT);
  changes = 0;
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (f->plan)), "name", "B", &error));
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_INFO);
  changes = 0;
  g_assert_true (trib_plan_remove (f->plan, etcd, &error));
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_INVESTMENT);
  changes = 0;
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpuint (changes, ==, TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_INVESTMENT);

  g_assert_cmpuint (settled[0], ==, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (settled[0], ==, 1);
  g_assert_cmpuint (settled[1], ==, TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_INVESTMENT |
                                    TRIB_PLAN_CHANGE_INFO);
}

static void
test_engineer_cost (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *info = TRIB_ENTITY (trib_plan_get_info (f->plan));
  TribEntity *plain = add_entity (f->plan, TRIB_TYPE_SCENARIO, "name", "Plain", NULL);
  TribEntity *own = add_entity (f->plan, TRIB_TYPE_SCENARIO, "name", "Own",
                                "assumptions", "{\"engineer_cost\": 150000}", NULL);

  g_assert_true (trib_entity_set_double (info, "engineer_year_cost", 180000, &error));
  g_assert_cmpfloat (trib_plan_get_engineer_year_cost (f->plan, NULL), ==, 180000);
  g_assert_cmpfloat (trib_plan_get_engineer_year_cost (f->plan, TRIB_SCENARIO (plain)), ==, 180000);
  g_assert_cmpfloat (trib_plan_get_engineer_year_cost (f->plan, TRIB_SCENARIO (own)), ==, 150000);
  g_assert_true (trib_entity_set_double (info, "engineer_year_cost", 190000, &error));
  g_assert_cmpfloat (trib_plan_get_engineer_year_cost (f->plan, TRIB_SCENARIO (plain)), ==, 190000);
  g_assert_cmpfloat (trib_plan_get_engineer_year_cost (f->plan, TRIB_SCENARIO (own)), ==, 150000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/plan/snapshots/added-before-history", test_snapshot_before_history);
  ADD ("/plan/snapshots/added-then-read", test_snapshot_added_then_read);
  ADD ("/plan/snapshots/record-fetch", test_record_fetch);
  ADD ("/plan/snapshots/record-fetches", test_record_fetches);
  ADD ("/plan/snapshots/not-kept", test_snapshot_not_kept);
  ADD ("/plan/referring", test_referring);
  ADD ("/plan/unique-investment", test_unique_investment);
  ADD ("/plan/acknowledgement-subject", test_acknowledgement_subject);
  ADD ("/plan/changes", test_changes);
  ADD ("/plan/engineer-cost", test_engineer_cost);
#undef ADD

  return g_test_run ();
}
