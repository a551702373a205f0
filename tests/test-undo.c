/* test-undo.c: every edit through the model can be undone and redone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-plan.h"
#include "trib-store.h"
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
  f->path = g_build_filename (f->dir, "undo.tributary", NULL);
  f->plan = trib_plan_create (f->path, "Undo", &error);
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

static TribEntity *
add_upstream (TribPlan   *plan,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  TribEntity *upstream = TRIB_ENTITY (trib_upstream_new ());

  g_assert_true (trib_entity_set_string (upstream, "name", name, &error));
  g_assert_true (trib_plan_add (plan, upstream, &error));
  g_assert_no_error (error);
  g_object_unref (upstream);
  return upstream;
}

static TribEntity *
add_child (TribPlan   *plan,
           TribEntity *entity,
           const char *ref,
           TribEntity *target)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_entity_set_ref (entity, ref, trib_entity_get_id (target), &error));
  g_assert_true (trib_plan_add (plan, entity, &error));
  g_assert_no_error (error);
  g_object_unref (entity);
  return entity;
}

/* Counts rows straight from the file, through a second plan opened after
 * this one is closed: proves what was committed. */
static guint
count_in_file (Fixture *f,
               GType    type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) reopened = NULL;

  trib_plan_close (f->plan);
  reopened = trib_plan_open (f->path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return trib_plan_count (reopened, type);
}

static void
test_undo_add_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *upstream = add_upstream (f->plan, "etcd");
  GListModel *upstreams = trib_plan_get_items (f->plan, TRIB_TYPE_UPSTREAM);
  gint64 id = trib_entity_get_id (upstream);

  g_object_ref (upstream);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");
  g_object_set (upstream, "importance", 5, NULL);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Change importance of “etcd”");

  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpint (trib_upstream_get_importance (TRIB_UPSTREAM (upstream)), ==, 3);
  g_assert_true (trib_plan_can_redo (f->plan));
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (upstreams), ==, 0);
  g_assert_false (trib_plan_can_undo (f->plan));

  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (upstreams), ==, 1);
  g_assert_cmpint (trib_entity_get_id (upstream), ==, id);
  g_assert_cmpint (trib_upstream_get_importance (TRIB_UPSTREAM (upstream)), ==, 5);
  g_assert_false (trib_plan_can_redo (f->plan));

  /* A new edit forgets what could be redone. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_object_set (upstream, "name", "etcd-io", NULL);
  g_assert_false (trib_plan_can_redo (f->plan));
  g_object_unref (upstream);

  {
    g_autoptr(TribPlan) reopened = NULL;
    TribUpstream *stored;
    trib_plan_close (f->plan);
    reopened = trib_plan_open (f->path, 0, &error);
    g_assert_no_error (error);
    stored = TRIB_UPSTREAM (trib_plan_lookup (reopened, TRIB_TYPE_UPSTREAM, id));
    g_assert_cmpstr (trib_upstream_get_name (stored), ==, "etcd-io");
    g_assert_cmpint (trib_upstream_get_importance (stored), ==, 3);
  }
}

static void
test_undo_cascade (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *etcd = add_upstream (f->plan, "etcd");
  TribEntity *other = add_upstream (f->plan, "CoreDNS");
  TribEntity *product, *release, *milestone;
  GListModel *investments = trib_plan_get_items (f->plan, TRIB_TYPE_INVESTMENT);
  GListModel *patches = trib_plan_get_items (f->plan, TRIB_TYPE_PATCH);
  GListModel *bases = trib_plan_get_items (f->plan, TRIB_TYPE_RELEASE_BASE);
  gint64 etcd_id = trib_entity_get_id (etcd);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (int q = 1; q <= 4; q++)
    {
      TribEntity *inv = TRIB_ENTITY (trib_investment_new ());
      g_autofree char *quarter = g_strdup_printf ("2027-Q%d", q);
      trib_entity_set_string (inv, "quarter", quarter, NULL);
      add_child (f->plan, inv, "upstream_id", q == 4 ? other : etcd);
    }
  for (int i = 0; i < 2; i++)
    {
      TribEntity *patch = TRIB_ENTITY (trib_patch_new ());
      trib_entity_set_string (patch, "title", "Fix", NULL);
      add_child (f->plan, patch, "upstream_id", etcd);
    }
  {
    TribEntity *snap = TRIB_ENTITY (trib_stats_snapshot_new ());
    trib_entity_set_string (snap, "taken_at", "2027-01-01T00:00:00Z", NULL);
    add_child (f->plan, snap, "upstream_id", etcd);
  }
  product = TRIB_ENTITY (trib_product_new ());
  trib_entity_set_string (product, "name", "Meridian", NULL);
  g_assert_true (trib_plan_add (f->plan, product, &error));
  g_object_unref (product);
  release = TRIB_ENTITY (trib_product_release_new ());
  trib_entity_set_string (release, "version", "1.0", NULL);
  add_child (f->plan, release, "product_id", product);
  {
    TribEntity *base = TRIB_ENTITY (trib_release_base_new ());
    trib_entity_set_string (base, "upstream_version", "3.6", NULL);
    trib_entity_set_ref (base, "upstream_id", etcd_id, NULL);
    add_child (f->plan, base, "release_id", release);
  }
  milestone = TRIB_ENTITY (trib_milestone_new ());
  trib_entity_set_string (milestone, "title", "Join", NULL);
  trib_entity_set_string (milestone, "date", "2027-02-01", NULL);
  add_child (f->plan, milestone, "upstream_id", etcd);

  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 4);

  g_object_ref (etcd);
  g_assert_true (trib_plan_remove (f->plan, etcd, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Delete upstream “etcd”");
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (patches), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bases), ==, 0);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_STATS_SNAPSHOT), ==, 0);
  g_assert_cmpint (trib_milestone_get_upstream_id (TRIB_MILESTONE (milestone)), ==, 0);
  g_assert_null (trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, etcd_id));

  /* One step brings everything back, with the same ids. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_true (trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, etcd_id) == etcd);
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (patches), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bases), ==, 1);
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_STATS_SNAPSHOT), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trib_plan_get_children (f->plan, etcd, TRIB_TYPE_STATS_SNAPSHOT)), ==, 1);
  g_assert_cmpint (trib_milestone_get_upstream_id (TRIB_MILESTONE (milestone)), ==, etcd_id);
  /* The list keeps id order. */
  {
    TribEntity *first = g_list_model_get_item (trib_plan_get_items (f->plan, TRIB_TYPE_UPSTREAM), 0);
    g_assert_true (first == etcd);
    g_object_unref (first);
  }

  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_cmpuint (g_list_model_get_n_items (investments), ==, 1);
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_object_unref (etcd);

  g_assert_cmpuint (count_in_file (f, TRIB_TYPE_INVESTMENT), ==, 4);
}

static void
test_undo_cascade_in_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *etcd = add_upstream (f->plan, "etcd");

  for (int q = 1; q <= 3; q++)
    {
      TribEntity *inv = TRIB_ENTITY (trib_investment_new ());
      g_autofree char *quarter = g_strdup_printf ("2027-Q%d", q);
      /* One investment per upstream and quarter. */
      trib_entity_set_string (inv, "quarter", quarter, NULL);
      add_child (f->plan, inv, "upstream_id", etcd);
    }
  g_assert_true (trib_plan_remove (f->plan, etcd, &error));
  g_assert_cmpuint (count_in_file (f, TRIB_TYPE_INVESTMENT), ==, 0);
}

static void
test_undo_group_and_rollback (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribEntity *etcd = add_upstream (f->plan, "etcd");
  TribEntity *bad = TRIB_ENTITY (trib_investment_new ());

  /* A group is one step. */
  trib_plan_begin (f->plan, "Edit upstream “etcd”");
  g_assert_true (trib_entity_set_int (etcd, "importance", 4, &error));
  g_assert_true (trib_entity_set_string (etcd, "license", "Apache-2.0", &error));
  g_assert_true (trib_plan_commit (f->plan, &error));
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpint (trib_upstream_get_importance (TRIB_UPSTREAM (etcd)), ==, 3);
  g_assert_null (trib_upstream_get_license (TRIB_UPSTREAM (etcd)));

  /* A failure inside a group undoes the whole group. */
  trib_plan_begin (f->plan, "Broken");
  g_assert_true (trib_entity_set_int (etcd, "importance", 2, &error));
  trib_entity_set_string (bad, "quarter", "2027-Q1", NULL);
  trib_entity_set_ref (bad, "upstream_id", 999, NULL);
  g_assert_false (trib_plan_add (f->plan, bad, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  trib_plan_rollback (f->plan);
  g_assert_cmpint (trib_upstream_get_importance (TRIB_UPSTREAM (etcd)), ==, 3);
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");
  g_object_unref (bad);

  /* Invalid values are refused and change nothing. */
  g_assert_false (trib_entity_set_int (etcd, "importance", 9, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Importance: expected an integer from 1 to 5");
  g_clear_error (&error);
  g_assert_false (trib_entity_set_string (etcd, "name", "", &error));
  g_clear_error (&error);
  g_assert_cmpstr (trib_upstream_get_name (TRIB_UPSTREAM (etcd)), ==, "etcd");
}

static void
on_error_cb (TribPlan     *plan,
             const GError *error,
             char        **message)
{
  *message = g_strdup (error->message);
}

static void
test_undo_binding_errors (Fixture       *f,
                          gconstpointer  data)
{
  TribEntity *etcd = add_upstream (f->plan, "etcd");
  g_autofree char *message = NULL;

  g_signal_connect (f->plan, "error", G_CALLBACK (on_error_cb), &message);
  g_object_set (etcd, "name", "", NULL);
  g_assert_cmpstr (message, ==, "Name: must not be empty");
  g_assert_cmpstr (trib_upstream_get_name (TRIB_UPSTREAM (etcd)), ==, "etcd");
}

static void
test_undo_plan_info (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribPlanInfo *info = trib_plan_get_info (f->plan);

  g_object_set (info, "name", "Renamed", "quarters", 12, NULL);
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Renamed");
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpstr (trib_plan_get_title (f->plan), ==, "Undo");
  g_assert_cmpint (trib_plan_info_get_quarters (info), ==, 8);
}

/* A bulk change does not pin its rows in memory behind later steps. */
static void
test_undo_history_bounded (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  trib_plan_begin (f->plan, "Bulk");
  for (int i = 0; i < 20001; i++)
    {
      TribEntity *upstream = TRIB_ENTITY (trib_upstream_new ());
      trib_entity_set_string (upstream, "name", "bulk", NULL);
      g_assert_true (trib_plan_add (f->plan, upstream, NULL));
      g_object_unref (upstream);
    }
  g_assert_true (trib_plan_commit (f->plan, &error));
  /* The newest step always stays, however large. */
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Bulk");

  add_upstream (f->plan, "etcd");
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_false (trib_plan_can_undo (f->plan));
  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 20001);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/undo/add-update", test_undo_add_update);
  ADD ("/undo/cascade", test_undo_cascade);
  ADD ("/undo/cascade-in-file", test_undo_cascade_in_file);
  ADD ("/undo/group-and-rollback", test_undo_group_and_rollback);
  ADD ("/undo/binding-errors", test_undo_binding_errors);
  ADD ("/undo/plan-info", test_undo_plan_info);
  ADD ("/undo/history-bounded", test_undo_history_bounded);
#undef ADD

  return g_test_run ();
}
