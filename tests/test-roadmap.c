/* test-roadmap.c: the roadmap's items and their layout in rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "trib-chart-roadmap.h"
#include "trib-roadmap.h"
#include "trib-sample.h"
#include "trib-test-util.h"

static const char *cli;

/* 2027-01-01 as a Julian day */
static guint32
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return g_date_get_julian (&date);
}

static guint
no_labels (const TribRoadmapItem *item,
           gpointer               user_data)
{
  return 0;
}

static guint
fixed_labels (const TribRoadmapItem *item,
              gpointer               user_data)
{
  return GPOINTER_TO_UINT (user_data);
}

/* What a row holds, as the layout promised: [start, extent) per group. */
static void
assert_no_overlaps (TribRoadmap            *roadmap,
                    TribRoadmapMeasureFunc  measure,
                    gpointer                data)
{
  guint n = trib_roadmap_get_n_items (roadmap);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const TribRoadmapItem *a = trib_roadmap_get_item (roadmap, i);
        const TribRoadmapItem *b = trib_roadmap_get_item (roadmap, j);
        guint32 a_end = MAX (a->end + 1, a->start + measure (a, data));
        guint32 b_end = MAX (b->end + 1, b->start + measure (b, data));

        if (a->lane != b->lane || a->row != b->row)
          continue;
        g_assert_cmpint (a->row, >=, 0);
        g_assert_cmpint (a->row, <, trib_roadmap_get_n_rows (roadmap, a->lane));
        if (a->group != 0 && a->group == b->group)
          {
            /* Items of one group only need to keep apart by their dates. */
            g_assert_true (a->end < b->start || b->end < a->start);
            continue;
          }
        if (a->start < b_end && b->start < a_end)
          g_error ("“%s” and “%s” overlap on row %d", a->title, b->title, a->row);
      }
}

static void
test_layout_bars (void)
{
  g_autoptr(TribRoadmap) r = trib_roadmap_new (day (2027, 1, 1), day (2027, 12, 31));
  const TribRoadmapItem *item;

  /* A from Jan to Mar, B Feb–Apr, C Mar–May overlap pairwise: three rows.
   * D starts in June, after all of them: back to row 0. */
  trib_roadmap_add (r, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_RELEASE, "A", day (2027, 1, 1), day (2027, 3, 31), 0);
  trib_roadmap_add (r, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_RELEASE, "B", day (2027, 2, 1), day (2027, 4, 30), 0);
  trib_roadmap_add (r, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_RELEASE, "C", day (2027, 3, 1), day (2027, 5, 31), 0);
  trib_roadmap_add (r, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_RELEASE, "D", day (2027, 6, 1), day (2027, 6, 30), 0);
  /* E starts the day after A ends: it fits on A's row. */
  trib_roadmap_add (r, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_RELEASE, "E", day (2027, 4, 1), day (2027, 4, 10), 0);
  trib_roadmap_layout (r, no_labels, NULL);

  g_assert_cmpint (trib_roadmap_get_n_rows (r, TRIB_LANE_PRODUCT), ==, 3);
  g_assert_cmpint (trib_roadmap_get_n_rows (r, TRIB_LANE_UPSTREAM), ==, 0);
  g_assert_cmpuint (trib_roadmap_get_n_items (r), ==, 5);
  /* Sorted by row, then day: A E D on row 0, B on 1, C on 2. */
  item = trib_roadmap_get_item (r, 0);
  g_assert_cmpstr (item->title, ==, "A");
  g_assert_cmpint (item->row, ==, 0);
  item = trib_roadmap_get_item (r, 1);
  g_assert_cmpstr (item->title, ==, "E");
  g_assert_cmpint (item->row, ==, 0);
  item = trib_roadmap_get_item (r, 2);
  g_assert_cmpstr (item->title, ==, "D");
  g_assert_cmpint (item->row, ==, 0);
  item = trib_roadmap_get_item (r, 3);
  g_assert_cmpstr (item->title, ==, "B");
  g_assert_cmpint (item->row, ==, 1);
  item = trib_roadmap_get_item (r, 4);
  g_assert_cmpstr (item->title, ==, "C");
  g_assert_cmpint (item->row, ==, 2);
  assert_no_overlaps (r, no_labels, NULL);
}

static void
test_layout_labels (void)
{
  g_autoptr(TribRoadmap) r = trib_roadmap_new (day (2027, 1, 1), day (2027, 12, 31));
  const TribRoadmapItem *item;

  /* Two milestones ten days apart: with no label they share a row, with a
   * label 30 days long the second must go below the first. A third one
   * 40 days after the first clears the label again. */
  trib_roadmap_add (r, TRIB_LANE_BUSINESS, TRIB_ROADMAP_KIND_MILESTONE, "one", day (2027, 1, 10), day (2027, 1, 10), 0);
  trib_roadmap_add (r, TRIB_LANE_BUSINESS, TRIB_ROADMAP_KIND_MILESTONE, "two", day (2027, 1, 20), day (2027, 1, 20), 0);
  trib_roadmap_add (r, TRIB_LANE_BUSINESS, TRIB_ROADMAP_KIND_MILESTONE, "three", day (2027, 2, 19), day (2027, 2, 19), 0);

  trib_roadmap_layout (r, no_labels, NULL);
  g_assert_cmpint (trib_roadmap_get_n_rows (r, TRIB_LANE_BUSINESS), ==, 1);

  trib_roadmap_layout (r, fixed_labels, GUINT_TO_POINTER (30));
  g_assert_cmpint (trib_roadmap_get_n_rows (r, TRIB_LANE_BUSINESS), ==, 2);
  item = trib_roadmap_get_item (r, 0);
  g_assert_cmpstr (item->title, ==, "one");
  g_assert_cmpint (item->row, ==, 0);
  item = trib_roadmap_get_item (r, 1);
  g_assert_cmpstr (item->title, ==, "three");
  g_assert_cmpint (item->row, ==, 0);
  item = trib_roadmap_get_item (r, 2);
  g_assert_cmpstr (item->title, ==, "two");
  g_assert_cmpint (item->row, ==, 1);
  assert_no_overlaps (r, fixed_labels, GUINT_TO_POINTER (30));
}

static void
test_layout_groups (void)
{
  g_autoptr(TribRoadmap) r = trib_roadmap_new (day (2027, 1, 1), day (2028, 12, 31));

  /* A release train: three ticks of group 7 over the year. A milestone
   * between two ticks must not sit on the train's row, a release after
   * the train may. */
  trib_roadmap_add (r, TRIB_LANE_UPSTREAM, TRIB_ROADMAP_KIND_UPSTREAM_RELEASE, "Foo release", day (2027, 1, 15), day (2027, 1, 15), 7);
  trib_roadmap_add (r, TRIB_LANE_UPSTREAM, TRIB_ROADMAP_KIND_UPSTREAM_RELEASE, "Foo release", day (2027, 5, 15), day (2027, 5, 15), 7);
  trib_roadmap_add (r, TRIB_LANE_UPSTREAM, TRIB_ROADMAP_KIND_UPSTREAM_RELEASE, "Foo release", day (2027, 9, 15), day (2027, 9, 15), 7);
  trib_roadmap_add (r, TRIB_LANE_UPSTREAM, TRIB_ROADMAP_KIND_MILESTONE, "between", day (2027, 3, 1), day (2027, 3, 1), 0);
  trib_roadmap_add (r, TRIB_LANE_UPSTREAM, TRIB_ROADMAP_KIND_MILESTONE, "after", day (2028, 1, 1), day (2028, 1, 1), 0);
  trib_roadmap_layout (r, no_labels, NULL);

  g_assert_cmpint (trib_roadmap_get_n_rows (r, TRIB_LANE_UPSTREAM), ==, 2);
  for (guint i = 0; i < trib_roadmap_get_n_items (r); i++)
    {
      const TribRoadmapItem *item = trib_roadmap_get_item (r, i);

      if (item->group == 7 || g_str_equal (item->title, "after"))
        g_assert_cmpint (item->row, ==, 0);
      else
        g_assert_cmpint (item->row, ==, 1);
    }
  assert_no_overlaps (r, no_labels, NULL);
}

static char *
describe (TribRoadmap *r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < trib_roadmap_get_n_items (r); i++)
    {
      const TribRoadmapItem *item = trib_roadmap_get_item (r, i);
      g_string_append_printf (s, "%d/%d %u-%u %s\n", item->lane, item->row, item->start, item->end,
                              item->title);
    }
  return g_string_free (s, FALSE);
}

/* Random items in every lane: never an overlap, as few rows as the
 * deepest day needs (first fit in start order is optimal for intervals),
 * and the same rows whatever order the items were added in. */
static void
test_layout_random (void)
{
  guint32 first = day (2027, 1, 1);

  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TribRoadmap) a = trib_roadmap_new (first, first + 730);
      g_autoptr(TribRoadmap) b = trib_roadmap_new (first, first + 730);
      g_autofree guint32 *starts = g_new (guint32, 60);
      g_autofree guint32 *ends = g_new (guint32, 60);
      g_autofree char *da = NULL;
      g_autofree char *db = NULL;
      int depth[TRIB_ROADMAP_N_LANES] = { 0 };
      guint n = 60;

      for (guint i = 0; i < n; i++)
        {
          starts[i] = first + g_rand_int_range (rand, 0, 700);
          ends[i] = starts[i] + (g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 200));
        }
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *title = g_strdup_printf ("item %02u", i);
          trib_roadmap_add (a, i % 4, TRIB_ROADMAP_KIND_RELEASE, title, starts[i], ends[i], 0);
        }
      for (guint k = n; k-- > 0;)
        {
          g_autofree char *title = g_strdup_printf ("item %02u", k);
          trib_roadmap_add (b, k % 4, TRIB_ROADMAP_KIND_RELEASE, title, starts[k], ends[k], 0);
        }
      trib_roadmap_layout (a, fixed_labels, GUINT_TO_POINTER (20));
      trib_roadmap_layout (b, fixed_labels, GUINT_TO_POINTER (20));
      assert_no_overlaps (a, fixed_labels, GUINT_TO_POINTER (20));

      da = describe (a);
      db = describe (b);
      g_assert_cmpstr (da, ==, db);

      /* The most items occupying one day of a lane is the fewest rows. */
      for (guint32 d = first; d < first + 730 + 20; d++)
        {
          int count[TRIB_ROADMAP_N_LANES] = { 0 };

          for (guint i = 0; i < n; i++)
            if (starts[i] <= d && d < MAX (ends[i] + 1, starts[i] + 20))
              count[i % 4]++;
          for (int l = 0; l < TRIB_ROADMAP_N_LANES; l++)
            depth[l] = MAX (depth[l], count[l]);
        }
      for (int l = 0; l < TRIB_ROADMAP_N_LANES; l++)
        g_assert_cmpint (trib_roadmap_get_n_rows (a, l), ==, depth[l]);
    }
}

static void
test_sample (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(TribRoadmap) r = NULL;
  g_autoptr(TribRoadmap) again = NULL;
  g_autofree char *d1 = NULL;
  g_autofree char *d2 = NULL;
  guint n_milestones = 0, n_releases = 0, n_investments = 0;
  guint32 s, e;

  g_assert_no_error (error);
  r = trib_roadmap_new_for_plan (plan);
  trib_roadmap_layout (r, NULL, NULL);
  assert_no_overlaps (r, trib_roadmap_default_measure, NULL);

  /* The horizon is the plan's: 2027-Q1 for 8 quarters. */
  g_assert_cmpuint (trib_roadmap_get_first_day (r), ==, day (2027, 1, 1));
  g_assert_cmpuint (trib_roadmap_get_last_day (r), ==, day (2028, 12, 31));
  for (guint i = 0; i < trib_roadmap_get_n_items (r); i++)
    {
      const TribRoadmapItem *item = trib_roadmap_get_item (r, i);

      if (item->kind == TRIB_ROADMAP_KIND_MILESTONE)
        n_milestones++;
      else if (item->kind == TRIB_ROADMAP_KIND_RELEASE)
        {
          n_releases++;
          g_assert_cmpint (item->lane, ==, TRIB_LANE_PRODUCT);
        }
      else if (item->kind == TRIB_ROADMAP_KIND_INVESTMENT)
        {
          n_investments++;
          g_assert_cmpint (item->lane, ==, TRIB_LANE_INVESTMENT);
          g_assert_cmpfloat (item->value, >, 0);
        }
      if (g_str_equal (item->title, "Tessellate Platform 3.0"))
        {
          g_assert_cmpuint (item->start, ==, day (2027, 5, 15));
          g_assert_cmpuint (item->end, ==, day (2028, 5, 31));
        }
    }
  g_assert_cmpuint (n_milestones, ==, trib_plan_count (plan, TRIB_TYPE_MILESTONE));
  g_assert_cmpuint (n_releases, ==, trib_plan_count (plan, TRIB_TYPE_PRODUCT_RELEASE));
  g_assert_cmpuint (n_investments, >, 0);
  g_assert_true (trib_roadmap_get_step_span (r, TRIB_STEP_FIND_GAPS, &s, &e));
  g_assert_cmpuint (s, ==, day (2027, 1, 29));

  again = trib_roadmap_new_for_plan (plan);
  trib_roadmap_layout (again, NULL, NULL);
  d1 = describe (r);
  d2 = describe (again);
  g_assert_cmpstr (d1, ==, d2);

  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* An upstream releasing four times a year, last on 2027-02-01: a train of
 * expected releases every 91 days over the horizon, on one row. */
static void
test_release_train (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "train.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Train", &error);
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(TribUpstream) unknown = trib_upstream_new ();
  TribStatsSnapshot *snapshot = trib_stats_snapshot_new ();
  g_autoptr(TribRoadmap) r = NULL;
  guint n = 0;
  int row = -1;
  guint32 previous = 0;

  g_assert_no_error (error);
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (upstream), "name", "Foo", &error));
  g_assert_true (trib_plan_add (plan, TRIB_ENTITY (upstream), &error));
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (unknown), "name", "Bar", &error));
  g_assert_true (trib_plan_add (plan, TRIB_ENTITY (unknown), &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (snapshot), "taken_at", "2027-02-10T00:00:00Z", &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (snapshot), "releases_last_year", "4", &error));
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (snapshot), "last_release", "2027-02-01", &error));
  g_assert_true (trib_plan_record_fetch (plan, upstream, snapshot, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (snapshot);
  {
    TribPlanInfo *info = trib_plan_get_info (plan);
    g_auto(GValue) v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_STRING);
    g_value_set_string (&v, "2027-Q1");
    g_assert_true (trib_plan_update (plan, TRIB_ENTITY (info), TRIB_PLAN_INFO_FIELD_FIRST_QUARTER, &v, &error));
    g_value_unset (&v);
    g_value_init (&v, G_TYPE_INT);
    g_value_set_int (&v, 4);
    g_assert_true (trib_plan_update (plan, TRIB_ENTITY (info), TRIB_PLAN_INFO_FIELD_QUARTERS, &v, &error));
    g_assert_no_error (error);
  }

  r = trib_roadmap_new_for_plan (plan);
  trib_roadmap_layout (r, NULL, NULL);
  for (guint i = 0; i < trib_roadmap_get_n_items (r); i++)
    {
      const TribRoadmapItem *item = trib_roadmap_get_item (r, i);

      g_assert_cmpint (item->kind, ==, TRIB_ROADMAP_KIND_UPSTREAM_RELEASE);
      g_assert_cmpstr (item->title, ==, "Foo release");
      g_assert_cmpint (item->lane, ==, TRIB_LANE_UPSTREAM);
      g_assert_cmpuint (item->start, ==, item->end);
      if (row >= 0)
        g_assert_cmpint (item->row, ==, row);
      if (previous != 0)
        g_assert_cmpint (item->start - previous, >=, 91);
      if (previous != 0)
        g_assert_cmpint (item->start - previous, <=, 92);
      row = item->row;
      previous = item->start;
      n++;
    }
  /* 2027-02-01 and three more in 2027, and the one of the anchor's quarter
   * before it is outside the horizon: 4 in all. */
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (trib_roadmap_get_item (r, 0)->start, ==, day (2027, 2, 1));

  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void
test_cli_json (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli, "roadmap", path, "--json", NULL };
  JsonArray *lanes;
  const char *names[] = { "upstream", "product", "investment", "business" };
  int status;
  guint milestones = 0;

  g_assert_no_error (error);
  trib_plan_close (plan);
  g_clear_object (&plan);

  g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  /* {"lanes": [{"name", "items": [{"title", "kind", "start", "end", "row"}]}]} */
  g_assert_cmpuint (json_object_get_size (json_node_get_object (json_parser_get_root (parser))), ==, 1);
  lanes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "lanes");
  g_assert_cmpuint (json_array_get_length (lanes), ==, 4);
  for (guint l = 0; l < 4; l++)
    {
      JsonObject *lane = json_array_get_object_element (lanes, l);
      JsonArray *items = json_object_get_array_member (lane, "items");

      g_assert_cmpuint (json_object_get_size (lane), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (lane, "name"), ==, names[l]);
      g_assert_cmpuint (json_array_get_length (items), >, 0);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          const char *kind = json_object_get_string_member (item, "kind");
          const char *start = json_object_get_string_member (item, "start");
          const char *end = json_object_get_string_member (item, "end");

          g_assert_cmpuint (json_object_get_size (item), ==, 5);
          g_assert_nonnull (json_object_get_string_member (item, "title"));
          g_assert_cmpint (json_object_get_int_member (item, "row"), >=, 0);
          g_assert_cmpint (strlen (start), ==, 10);
          g_assert_cmpstr (start, <=, end);
          if (g_str_equal (kind, "milestone"))
            {
              g_assert_cmpstr (start, ==, end);
              milestones++;
            }
        }
    }
  g_assert_cmpuint (milestones, ==, 14);

  /* The rows are those the report's timeline draws. */
  {
    g_autoptr(TribPlan) again = trib_plan_open (path, TRIB_PLAN_OPEN_READ_ONLY, &error);
    g_autoptr(TribRoadmap) r = trib_roadmap_new_for_plan (again);
    g_autoptr(GString) mine = g_string_new (NULL);
    g_autoptr(GString) theirs = g_string_new (NULL);

    g_assert_no_error (error);
    trib_roadmap_chart_free (trib_roadmap_chart_new (r, TRIB_ROADMAP_ZOOM_QUARTERS, 7.5));
    for (guint i = 0; i < trib_roadmap_get_n_items (r); i++)
      g_string_append_printf (mine, "%d %s %d\n", trib_roadmap_get_item (r, i)->lane,
                              trib_roadmap_get_item (r, i)->title, trib_roadmap_get_item (r, i)->row);
    for (guint l = 0; l < 4; l++)
      {
        JsonArray *items = json_object_get_array_member (json_array_get_object_element (lanes, l), "items");

        for (guint i = 0; i < json_array_get_length (items); i++)
          {
            JsonObject *item = json_array_get_object_element (items, i);
            g_string_append_printf (theirs, "%u %s %d\n", l, json_object_get_string_member (item, "title"),
                                    (int) json_object_get_int_member (item, "row"));
          }
      }
    g_assert_cmpstr (mine->str, ==, theirs->str);
    trib_plan_close (again);
  }

  /* A file that is not a plan: one line, exit status 1. */
  {
    g_autofree char *bogus = g_build_filename (dir, "bogus.tributary", NULL);
    const char *argv2[] = { cli, "roadmap", bogus, NULL };

    g_assert_true (g_file_set_contents (bogus, "not a plan", -1, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (dir, (char **) argv2, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (out, ==, "");
    g_assert_true (g_str_has_prefix (err, "tributary-cli: "));
  }
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  g_test_add_func ("/roadmap/layout/bars", test_layout_bars);
  g_test_add_func ("/roadmap/layout/labels", test_layout_labels);
  g_test_add_func ("/roadmap/layout/groups", test_layout_groups);
  g_test_add_func ("/roadmap/layout/random", test_layout_random);
  g_test_add_func ("/roadmap/sample", test_sample);
  g_test_add_func ("/roadmap/release-train", test_release_train);
  g_test_add_func ("/roadmap/cli-json", test_cli_json);
  return g_test_run ();
}
