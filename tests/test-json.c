/* test-json.c: canonical JSON export and import of plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trib-entities.h"
#include "trib-json-writer.h"
#include "trib-plan.h"
#include "trib-plan-json.h"
#include "trib-rules.h"
#include "trib-store.h"
#include "trib-test-util.h"

/* Helpers -------------------------------------------------------------- */

static void
set (TribEntity *entity,
     const char *name,
     const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!trib_entity_set_from_text (entity, name, text, &error))
    g_error ("%s.%s = %s: %s", G_OBJECT_TYPE_NAME (entity), name, text, error->message);
}

static void
set_string (TribEntity *entity,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_entity_set_string (entity, name, text, &error));
  g_assert_no_error (error);
}

static TribEntity *
add (TribPlan   *plan,
     GType       type,
     const char *first_name,
     ...)
{
  TribEntity *entity = g_object_new (type, NULL);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    set (entity, name, va_arg (args, const char *));
  va_end (args);
  trib_plan_add (plan, entity, &error);
  g_assert_no_error (error);
  return entity;
}

static char *
id_text (TribEntity *entity)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, trib_entity_get_id (entity));
}

/* A plan with at least one entity of every type and no field at its default. */
static TribPlan *
create_full_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  TribPlan *plan = trib_plan_create (path, "Plan", &error);
  TribEntity *info;
  g_autoptr(TribEntity) etcd = NULL, other = NULL, snapshot = NULL, snapshot2 = NULL;
  g_autoptr(TribEntity) investment = NULL, patch = NULL, product = NULL, release = NULL;
  g_autoptr(TribEntity) base = NULL, certification = NULL, scenario = NULL, milestone = NULL;
  g_autoptr(TribEntity) ack = NULL;
  g_autofree char *etcd_id = NULL, *other_id = NULL, *product_id = NULL, *release_id = NULL;
  g_autofree char *scenario_id = NULL;

  g_assert_no_error (error);
  info = TRIB_ENTITY (trib_plan_get_info (plan));
  set_string (info, "name", "Plan “Ünïcode” \"quoted\" \\ back/slash ✓ 🚀");
  set_string (info, "description", "Line 1\nLine 2\ttab\r\b\f\x01 and \x1f end");
  set (info, "organisation", "Example GmbH");
  set (info, "currency", "USD");
  set (info, "first_quarter", "2027-Q3");
  set (info, "quarters", "12");
  set (info, "engineer_year_cost", "123456.789");
  set (info, "team_handles", "alice, bob");
  set (info, "patch_drift", "0.2");
  set (info, "check_patch_hours", "500");
  set (info, "check_dial_step", "3");
  set (info, "check_importance", "3");
  set (info, "check_inactive_days", "200");
  set (info, "check_health_drop", "15");
  set (info, "check_healthy_score", "60");
  set (info, "health_weight_longevity", "1");
  set (info, "health_weight_activity", "2");
  set (info, "health_weight_releases", "3");
  set (info, "health_weight_users", "4");
  set (info, "health_weight_diversity", "5");
  set (info, "health_weight_involvement", "6");

  etcd = add (plan, TRIB_TYPE_UPSTREAM, "name", "etcd ✓", "forge", "github",
              "repository", "https://github.com/etcd-io/etcd", "homepage", "https://etcd.io/",
              "license", "Apache-2.0", "purls", "pkg:golang/go.etcd.io/etcd, pkg:deb/debian/etcd",
              "layer", "below", "importance", "5", "decision", "build-in-house",
              "intermediary", "Debian", "notes", "Two\nlines", "release_cadence", "4.5", NULL);
  set (etcd, "last_error", "internal: never exported");
  other = add (plan, TRIB_TYPE_UPSTREAM, "name", "Other", "importance", "1", NULL);
  etcd_id = id_text (etcd);
  other_id = id_text (other);

  snapshot = add (plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", etcd_id,
                  "taken_at", "2026-01-02T03:04:05Z", "stars", "1", "forks", "2", "watchers", "3",
                  "open_issues", "4", "created", "2015-06-01", "last_push", "2026-01-01T00:00:00Z",
                  "archived", "true", "license", "MIT", "contributors", "42",
                  "weekly_commits", "[1, 2, 3, 0, 5]", "releases_last_year", "7",
                  "last_release", "2025-12-24", "top_share", "0.1", "top5_share", "1e-7",
                  "our_share", "0.3333333333333333", "absence_factor", "3",
                  "source", "https://api.github.com/repos/etcd-io/etcd", "default_branch", "main",
                  "contributors_note", "Only the first 1000 contributors were read.",
                  "commits_note", "GitHub was still counting the weekly commits; refresh later.", NULL);
  snapshot2 = add (plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", etcd_id,
                   "taken_at", "2026-02-02T03:04:05Z", "stars", "10", NULL);
  investment = add (plan, TRIB_TYPE_INVESTMENT, "upstream_id", etcd_id, "quarter", "2027-Q2",
                    "fte", "0.1", "role", "leader", "notes", "Turn up the dial", NULL);
  patch = add (plan, TRIB_TYPE_PATCH, "upstream_id", other_id, "title", "Fix \"the\" bug",
               "state", "merged", "lines", "120", "hours_per_release", "2.5",
               "created", "2026-03-01", "merged", "2026-04-01",
               "url", "https://example.org/p/1?x=1&y=2", "notes", "Upstream first",
               "dropped", "2026-05-01", "target_quarter", "2026-Q2", NULL);
  product = add (plan, TRIB_TYPE_PRODUCT, "name", "Bar", "trademark_registered", "true",
                 "description", "The product", "homepage", "https://bar.example", NULL);
  product_id = id_text (product);
  release = add (plan, TRIB_TYPE_PRODUCT_RELEASE, "product_id", product_id, "version", "2.0",
                 "ga", "2027-01-15", "end_of_maintenance", "2028-01-15",
                 "end_of_life", "2029-01-15", "notes", "LTS", NULL);
  release_id = id_text (release);
  base = add (plan, TRIB_TYPE_RELEASE_BASE, "release_id", release_id, "upstream_id", other_id,
              "upstream_version", "v3.5.0", "upstream_eol", "2028-06-30", NULL);
  certification = add (plan, TRIB_TYPE_CERTIFICATION, "release_id", release_id,
                       "target", "RHEL 9", "kind", "operating-system", "status", "certified",
                       "promised", "false", "notes", "Done", NULL);
  scenario = add (plan, TRIB_TYPE_SCENARIO, "name", "Hybrid", "model", "hybrid", "years", "7",
                  "withholds_platform_features", "true", "requires_copyright_assignment", "true",
                  "own_trademark", "false",
                  "assumptions", "{\"arpc\": 123456.789, \"user_growth\": 0.1, \"external_share\": 1e-7, \"engineer_cost\": 200000}",
                  "notes", "Numbers", "base_model", "open-core", "p0_from_plan", "false",
                  "p0", "12", NULL);
  scenario_id = id_text (scenario);
  milestone = add (plan, TRIB_TYPE_MILESTONE, "title", "GA", "date", "2027-01-15",
                   "lane", "business", "step", "turn-up-dial", "upstream_id", etcd_id,
                   "release_id", release_id, "scenario_id", scenario_id, "done", "true",
                   "notes", "Ship it", NULL);
  {
    g_autofree char *subject = g_strdup_printf ("scenario:%s", scenario_id);
    ack = add (plan, TRIB_TYPE_ACKNOWLEDGEMENT, "check_id", "open-core-withholds",
               "subject", subject, "reason", "We decided so", "date", "2026-05-05", NULL);
  }
  return plan;
}

/* Every entity of @plan of type @type, nested ones included, by id. */
static GPtrArray *
all_entities (TribPlan *plan,
              GType     type)
{
  g_autoptr(TribEntityClass) klass = g_type_class_ref (type);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  if (klass->lazy)
    {
      GType parent = klass->fields[klass->parent_field].ref_type ();
      GListModel *parents = trib_plan_get_items (plan, parent);

      for (guint i = 0; i < g_list_model_get_n_items (parents); i++)
        {
          g_autoptr(TribEntity) p = g_list_model_get_item (parents, i);
          GListModel *children = trib_plan_get_children (plan, p, type);
          for (guint j = 0; j < g_list_model_get_n_items (children); j++)
            g_ptr_array_add (out, g_list_model_get_item (children, j));
        }
    }
  else
    {
      GListModel *items = trib_plan_get_items (plan, type);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        g_ptr_array_add (out, g_list_model_get_item (items, i));
    }
  return out;
}

static void
assert_entities_equal (TribEntity *a,
                       TribEntity *b)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (a);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  for (guint f = 0; f < klass->n_fields; f++)
    {
      const TribField *field = &klass->fields[f];
      g_auto(GValue) def = G_VALUE_INIT;

      if (field->flags & TRIB_FIELD_INTERNAL)
        {
          /* Never exported: the imported plan has the default. */
          trib_field_init_default (field, &def);
          g_assert_true (trib_field_values_equal (field, &def, trib_entity_peek_value (b, f)));
          continue;
        }
      if (!trib_field_values_equal (field, trib_entity_peek_value (a, f),
                                    trib_entity_peek_value (b, f)))
        {
          g_autofree char *x = trib_field_to_display (field, trib_entity_peek_value (a, f));
          g_autofree char *y = trib_field_to_display (field, trib_entity_peek_value (b, f));
          g_error ("%s %" G_GINT64_FORMAT ".%s: %s != %s", klass->table, trib_entity_get_id (a),
                   field->name, x, y);
        }
    }
}

static void
assert_plans_equal (TribPlan *a,
                    TribPlan *b)
{
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  assert_entities_equal (TRIB_ENTITY (trib_plan_get_info (a)),
                         TRIB_ENTITY (trib_plan_get_info (b)));
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GPtrArray) x = all_entities (a, types[t]);
      g_autoptr(GPtrArray) y = all_entities (b, types[t]);

      g_assert_cmpuint (x->len, >, 0);
      g_assert_cmpuint (x->len, ==, y->len);
      for (guint i = 0; i < x->len; i++)
        {
          g_assert_cmpint (trib_entity_get_id (x->pdata[i]), ==, trib_entity_get_id (y->pdata[i]));
          assert_entities_equal (x->pdata[i], y->pdata[i]);
        }
    }
}

static char *
export (TribPlan *plan)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *json = trib_plan_to_json (plan, &length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_assert_cmpuint (strlen (json), ==, length);
  g_assert_true (g_str_has_suffix (json, "}\n"));
  return json;
}

static TribPlan *
import (const char *json,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  TribPlan *plan = trib_plan_import_json (NULL, bytes, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Round trip ----------------------------------------------------------- */

static void
test_roundtrip (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "full.tributary", NULL);
  g_autofree char *path2 = g_build_filename (dir, "imported.tributary", NULL);
  g_autoptr(TribPlan) plan = create_full_plan (path);
  g_autoptr(TribPlan) imported = NULL;
  g_autofree char *json = export (plan);
  g_autofree char *again = NULL;
  g_autofree char *listing = NULL;
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  /* The test plan leaves no field at its default, so every field is tried. */
  for (guint t = 0; t <= n_types; t++)
    {
      GType type = t < n_types ? types[t] : TRIB_TYPE_PLAN_INFO;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(TribEntityClass) klass = g_type_class_ref (type);

      if (t < n_types)
        items = all_entities (plan, type);
      else
        {
          items = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (items, g_object_ref (trib_plan_get_info (plan)));
        }
      for (guint f = 0; f < klass->n_fields; f++)
        {
          g_auto(GValue) def = G_VALUE_INIT;
          trib_field_init_default (&klass->fields[f], &def);
          if (trib_field_values_equal (&klass->fields[f], &def,
                                       trib_entity_peek_value (items->pdata[0], f)))
            g_error ("the test plan leaves %s.%s at its default", klass->table,
                     klass->fields[f].name);
        }
    }

  imported = import (json, path2);
  g_assert_cmpstr (trib_plan_get_path (imported), ==, path2);
  again = export (imported);
  g_assert_cmpstr (json, ==, again);
  assert_plans_equal (plan, imported);

  /* Strings come out escaped minimally, numbers in their shortest form. */
  g_assert_nonnull (strstr (json, "\"Plan “Ünïcode” \\\"quoted\\\" \\\\ back/slash ✓ 🚀\""));
  g_assert_nonnull (strstr (json, "\"Line 1\\nLine 2\\ttab\\r\\b\\f\\u0001 and \\u001f end\""));
  g_assert_nonnull (strstr (json, "\"engineer_year_cost\": 123456.789,"));
  g_assert_nonnull (strstr (json, "\"top5_share\": 1e-07,"));
  g_assert_nonnull (strstr (json, "\"top_share\": 0.1,"));
  g_assert_nonnull (strstr (json, "\"our_share\": 0.3333333333333333,"));
  g_assert_nonnull (strstr (json, "\"engineer_cost\": 200000,"));
  g_assert_nonnull (strstr (json, "\"weekly_commits\": [1, 2, 3, 0, 5]"));
  g_assert_nonnull (strstr (json, "\"purls\": [\"pkg:golang/go.etcd.io/etcd\", \"pkg:deb/debian/etcd\"],"));
  g_assert_null (strstr (json, "last_error"));
  g_assert_null (strstr (json, "internal: never exported"));

  /* Nothing but the plan files in the folder: no temporary file is left. */
  trib_plan_close (imported);
  trib_plan_close (plan);
  listing = trib_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "full.tributary imported.tributary");
  trib_test_remove_tree (dir);
}

static void
assert_sorted_keys (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          if (l->next != NULL)
            g_assert_cmpint (strcmp (l->data, l->next->data), <, 0);
          assert_sorted_keys (json_object_get_member (object, l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_sorted_keys (json_array_get_element (array, i));
    }
}

static void
test_canonical (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "canonical-test.tributary", NULL);
  g_autofree char *path2 = g_build_filename (dir, "copy.tributary", NULL);
  g_autoptr(TribPlan) plan = create_full_plan (path);
  g_autoptr(TribPlan) copy = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export (plan);
  g_autofree char *later = NULL;
  g_autofree char *from_copy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  assert_sorted_keys (json_parser_get_root (parser));

  /* Two-space indentation, one member per line, nested arrays always there. */
  g_assert_true (g_str_has_prefix (json, "{\n  \"acknowledgements\": [\n    {\n      \"check_id\": "));
  g_assert_nonnull (strstr (json, "\n  \"format\": \"tributary-plan\",\n"));
  g_assert_nonnull (strstr (json, "\n  \"version\": 2\n}\n"));
  g_assert_nonnull (strstr (json, "\"name\": \"Other\",\n      \"notes\": \"\",\n      \"purls\": [],\n"
                                  "      \"release_cadence\": 0,\n"
                                  "      \"repository\": \"\",\n      \"snapshots\": []\n"));

  /* Nothing volatile: no path, no time of export. */
  g_assert_null (strstr (json, dir));
  g_assert_null (strstr (json, "canonical-test"));
  g_assert_null (strstr (json, today));
  g_usleep (1100 * 1000);
  later = export (plan);
  g_assert_cmpstr (json, ==, later);
  copy = import (json, path2);
  from_copy = export (copy);
  g_assert_cmpstr (json, ==, from_copy);
  trib_test_remove_tree (dir);
}

/* A canonical document written by hand reads back to the same text. */
static const char canonical_doc[] =
  "{\n"
  "  \"acknowledgements\": [],\n"
  "  \"format\": \"tributary-plan\",\n"
  "  \"investments\": [\n"
  "    {\n"
  "      \"fte\": 1.5,\n"
  "      \"id\": 3,\n"
  "      \"notes\": \"\",\n"
  "      \"quarter\": \"2027-Q1\",\n"
  "      \"role\": \"contributor\",\n"
  "      \"upstream_id\": 7\n"
  "    }\n"
  "  ],\n"
  "  \"milestones\": [],\n"
  "  \"patches\": [],\n"
  "  \"plan\": {\n"
  "    \"check_dial_step\": 2,\n"
  "    \"check_health_drop\": 10,\n"
  "    \"check_healthy_score\": 70,\n"
  "    \"check_importance\": 4,\n"
  "    \"check_inactive_days\": 365,\n"
  "    \"check_patch_hours\": 450,\n"
  "    \"currency\": \"EUR\",\n"
  "    \"description\": \"\",\n"
  "    \"engineer_year_cost\": 200000,\n"
  "    \"first_quarter\": \"2027-Q1\",\n"
  "    \"health_weight_activity\": 25,\n"
  "    \"health_weight_diversity\": 25,\n"
  "    \"health_weight_involvement\": 10,\n"
  "    \"health_weight_longevity\": 10,\n"
  "    \"health_weight_releases\": 15,\n"
  "    \"health_weight_users\": 15,\n"
  "    \"name\": \"Hand written\",\n"
  "    \"organisation\": \"\",\n"
  "    \"patch_drift\": 0.15,\n"
  "    \"quarters\": 8,\n"
  "    \"team_handles\": []\n"
  "  },\n"
  "  \"products\": [],\n"
  "  \"scenarios\": [\n"
  "    {\n"
  "      \"assumptions\": {\n"
  "        \"hours_per_patch\": 1,\n"
  "        \"user_growth\": 0.25\n"
  "      },\n"
  "      \"base_model\": \"certified-platform\",\n"
  "      \"id\": 1,\n"
  "      \"model\": \"open-core\",\n"
  "      \"name\": \"S\",\n"
  "      \"notes\": \"\",\n"
  "      \"own_trademark\": true,\n"
  "      \"p0\": 0,\n"
  "      \"p0_from_plan\": true,\n"
  "      \"requires_copyright_assignment\": false,\n"
  "      \"withholds_platform_features\": false,\n"
  "      \"years\": 5\n"
  "    }\n"
  "  ],\n"
  "  \"upstreams\": [\n"
  "    {\n"
  "      \"decision\": \"adopt\",\n"
  "      \"forge\": \"none\",\n"
  "      \"homepage\": \"\",\n"
  "      \"id\": 7,\n"
  "      \"importance\": 3,\n"
  "      \"intermediary\": \"\",\n"
  "      \"layer\": \"platform\",\n"
  "      \"license\": \"\",\n"
  "      \"name\": \"Foo\",\n"
  "      \"notes\": \"\",\n"
  "      \"purls\": [],\n"
  "      \"release_cadence\": 0,\n"
  "      \"repository\": \"\",\n"
  "      \"snapshots\": [\n"
  "        {\n"
  "          \"absence_factor\": 0,\n"
  "          \"archived\": false,\n"
  "          \"commits_note\": \"\",\n"
  "          \"contributors\": 0,\n"
  "          \"contributors_note\": \"\",\n"
  "          \"created\": \"\",\n"
  "          \"default_branch\": \"\",\n"
  "          \"forks\": 0,\n"
  "          \"id\": 11,\n"
  "          \"last_push\": \"\",\n"
  "          \"last_release\": \"\",\n"
  "          \"license\": \"\",\n"
  "          \"open_issues\": 0,\n"
  "          \"our_share\": 0,\n"
  "          \"releases_last_year\": 0,\n"
  "          \"source\": \"\",\n"
  "          \"stars\": 0,\n"
  "          \"taken_at\": \"2026-01-01T00:00:00Z\",\n"
  "          \"top5_share\": 0,\n"
  "          \"top_share\": 0,\n"
  "          \"watchers\": 0,\n"
  "          \"weekly_commits\": []\n"
  "        }\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"version\": 2\n"
  "}\n";

static void
test_canonical_document (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "hand.tributary", NULL);
  g_autofree char *path2 = g_build_filename (dir, "compact.tributary", NULL);
  g_autoptr(TribPlan) plan = import (canonical_doc, path);
  g_autoptr(TribPlan) compact = NULL;
  g_autofree char *json = export (plan);
  g_autofree char *from_compact = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (canonical_doc, sizeof canonical_doc - 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (json, ==, canonical_doc);
  g_assert_true (trib_plan_json_validate (bytes, &error));
  g_assert_no_error (error);

  /* Any layout and key order, and absent optional members, read the same. */
  compact = import ("{\"version\":1,\"upstreams\":[{\"snapshots\":[{\"taken_at\":"
                    "\"2026-01-01T00:00:00Z\",\"id\":11}],\"name\":\"Foo\",\"id\":7}],"
                    "\"format\":\"tributary-plan\",\"investments\":[{\"upstream_id\":7,"
                    "\"quarter\":\"2027-Q1\",\"id\":3,\"fte\":1.5}],\"plan\":{\"name\":"
                    "\"Hand written\",\"currency\":\"EUR\",\"first_quarter\":\"2027-Q1\"},"
                    "\"scenarios\":[{\"id\":1,\"name\":\"S\",\"model\":\"open-core\","
                    "\"assumptions\":{\"user_growth\":0.25,\"hours_per_patch\":1.0}}]}", path2);
  from_compact = export (compact);
  g_assert_cmpstr (from_compact, ==, canonical_doc);
  trib_test_remove_tree (dir);
}

static void
test_writer (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const double values[] = { 0.1, 1e-7, 123456.789, 200000, -0.0, 1.0 / 3, 5e-324,
                            1.7976931348623157e308, -2.5 };
  const char *expected[] = { "0.1", "1e-07", "123456.789", "200000", "0", "0.3333333333333333",
                             "4.94065645841247e-324", "1.7976931348623157e+308", "-2.5" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_string_truncate (s, 0);
      trib_json_append_double (s, values[i]);
      g_assert_cmpstr (s->str, ==, expected[i]);
      g_assert_true (g_ascii_strtod (s->str, NULL) == values[i]);
    }
  g_string_truncate (s, 0);
  trib_json_append_string (s, "a\"b\\c\n\t\r\b\f\x01\x7f/é€𝄞");
  g_assert_cmpstr (s->str, ==, "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\x7f/é€𝄞\"");
}

/* Versions ------------------------------------------------------------- */

static TribPlan *
import_data (const char  *data,
             gsize        length,
             const char  *dir)
{
  g_autofree char *target = g_build_filename (dir, "imported.tributary", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  TribPlan *plan;

  g_assert_true (trib_plan_json_validate (bytes, &error));
  g_assert_no_error (error);
  plan = trib_plan_import_json (NULL, bytes, target, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

/* A document written by version 1 is read as version 1 wrote it, and
 * brought up to the current version without losing anything. */
static void
test_version_1 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plan-v1.json", NULL);
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *data = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  gsize length;
  TribAcknowledgement *free_text, *about_upstream;
  TribEntity *upstream;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_nonnull (strstr (data, "\"version\": 1\n}"));
  plan = import_data (data, length, dir);

  g_assert_cmpstr (trib_plan_info_get_currency (trib_plan_get_info (plan)), ==, "EUR");
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_UPSTREAM), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_STATS_SNAPSHOT), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_INVESTMENT), ==, 2);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_PATCH), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_PRODUCT_RELEASE), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_RELEASE_BASE), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_CERTIFICATION), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_SCENARIO), ==, 1);
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_MILESTONE), ==, 1);

  /* A subject of version 1 written as free text is kept in the reason. */
  free_text = TRIB_ACKNOWLEDGEMENT (trib_plan_lookup (plan, TRIB_TYPE_ACKNOWLEDGEMENT, 1));
  g_assert_cmpstr (trib_acknowledgement_get_subject (free_text), ==, NULL);
  g_assert_cmpstr (trib_acknowledgement_get_reason (free_text), ==,
                   "We decided so\n\nSubject: Hybrid");
  about_upstream = TRIB_ACKNOWLEDGEMENT (trib_plan_lookup (plan, TRIB_TYPE_ACKNOWLEDGEMENT, 2));
  g_assert_cmpstr (trib_acknowledgement_get_subject (about_upstream), ==, "upstream:1");

  /* Removing the upstream takes its acknowledgement with it. */
  upstream = trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM, 1);
  g_assert_true (trib_plan_remove (plan, upstream, &error));
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_ACKNOWLEDGEMENT), ==, 1);
  g_assert_true (trib_plan_undo (plan, &error));
  g_assert_no_error (error);

  /* Written again, it is a document of the current version, read back the same. */
  exported = trib_plan_to_json (plan, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "\"version\": 2\n}"));
  {
    g_autofree char *again_dir = trib_test_make_dir ();
    g_autoptr(TribPlan) again = import_data (exported, length, again_dir);
    g_autofree char *twice = trib_plan_to_json (again, NULL, &error);

    g_assert_cmpstr (twice, ==, exported);
    trib_plan_close (again);
    trib_test_remove_tree (again_dir);
  }
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* The version is read first wherever it is in the document. */
static void
test_version_not_last (void)
{
  const char *doc = "{\"version\": 1, \"format\": \"tributary-plan\", "
                    "\"plan\": {\"name\": \"P\", \"currency\": \"usd\"}}";
  g_autofree char *dir = trib_test_make_dir ();
  g_autoptr(TribPlan) plan = import_data (doc, strlen (doc), dir);

  g_assert_cmpstr (trib_plan_info_get_currency (trib_plan_get_info (plan)), ==, "USD");
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void assert_refused (const char *data,
                            const char *message);

/* The rules of version 2: currencies, acknowledgement subjects, one
 * investment per upstream and quarter. */
static void
test_version_2_rules (void)
{
#define V(version, rest) "{\"format\": \"tributary-plan\", \"version\": " version ", " rest "}"
#define PLAN(currency) "\"plan\": {\"name\": \"P\", \"currency\": \"" currency "\"}"
#define UPSTREAM "\"upstreams\": [{\"id\": 1, \"name\": \"etcd\"}]"
#define ACK(subject) "\"acknowledgements\": [{\"id\": 1, \"check_id\": \"c\", \"reason\": \"r\", " \
                     "\"subject\": \"" subject "\"}], "
  assert_refused (V ("2", PLAN ("eu")), "plan.currency: expected a three-letter currency code such as EUR");
  assert_refused (V ("1", PLAN ("eu")), "plan.currency: expected a three-letter currency code such as EUR");
  assert_refused (V ("2", PLAN ("eur")), "plan.currency: expected a three-letter currency code such as EUR");
  assert_refused (V ("2", ACK ("Hybrid") PLAN ("EUR")),
                  "acknowledgements[0].subject: expected the entry a finding is about, written "
                  "type:id (such as upstream:5), or nothing for the whole plan");
  assert_refused (V ("2", ACK ("upstream:9") PLAN ("EUR") ", " UPSTREAM),
                  "acknowledgements[0].subject: no upstream has id 9");
  assert_refused (V ("1", ACK ("upstream:9") PLAN ("EUR") ", " UPSTREAM),
                  "acknowledgements[0].subject: no upstream has id 9");
  assert_refused (V ("2", "\"investments\": [{\"id\": 1, \"upstream_id\": 1, \"quarter\": \"2027-Q1\"}, "
                          "{\"id\": 2, \"upstream_id\": 1, \"quarter\": \"2027-Q2\"}, "
                          "{\"id\": 3, \"upstream_id\": 1, \"quarter\": \"2027-Q1\"}], "
                          PLAN ("EUR") ", " UPSTREAM),
                  "investments[2].quarter: another investment has the same upstream and quarter");
#undef V
#undef PLAN
#undef UPSTREAM
#undef ACK
}

/* Refusals ------------------------------------------------------------- */

#define VALID_START "{\"format\": \"tributary-plan\", \"version\": 1, " \
                    "\"plan\": {\"name\": \"P\", \"currency\": \"EUR\"}, "

/* A document with @upstream as the one upstream (id 1) and @rest after it. */
static char *
doc_with (const char *upstream,
          const char *rest)
{
  return g_strdup_printf (VALID_START "\"upstreams\": [%s]%s%s}",
                          upstream, rest[0] ? ", " : "", rest);
}

/* @data is refused with @message (or a message starting with @prefix when
 * @message is NULL), and leaves no file behind, nor changes an existing one. */
static void
assert_refused_full (const char *data,
                     gsize       length,
                     const char *message,
                     const char *prefix)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "target.tributary", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.tributary", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autofree char *before = NULL, *after = NULL, *listing = NULL;

  g_assert_false (trib_plan_json_validate (bytes, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  if (message)
    g_assert_cmpstr (error->message, ==, message);
  else
    g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  plan = trib_plan_import_json (NULL, bytes, target, FALSE, &error);
  g_assert_null (plan);
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  if (message)
    g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* An existing plan stays byte for byte what it was, even with replace. */
  plan = trib_plan_create (existing, "Existing", &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  before = trib_test_checksum (existing);
  plan = trib_plan_import_json (NULL, bytes, existing, TRUE, &error);
  g_assert_null (plan);
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  after = trib_test_checksum (existing);
  g_assert_cmpstr (before, ==, after);

  listing = trib_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "existing.tributary");
  trib_test_remove_tree (dir);
}

static void
assert_refused (const char *data,
                const char *message)
{
  assert_refused_full (data, strlen (data), message, NULL);
}

static void
test_refuse_syntax (void)
{
  g_autofree char *valid = doc_with ("{\"id\": 1, \"name\": \"a\"}", "");
  g_autofree char *truncated = g_strndup (valid, strlen (valid) / 2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char random[4096];

  assert_refused ("", "(document): not valid JSON: the document is empty (line 1)");
  assert_refused ("  \n ", "(document): not valid JSON: the document is empty (line 2)");
  assert_refused ("hello", "(document): not valid JSON: unexpected character “h” (line 1)");
  assert_refused ("{\"format\": ", "(document): not valid JSON: unexpected end of the document (line 1)");
  assert_refused_full (truncated, strlen (truncated), NULL, "(document): not valid JSON: ");
  truncated[strlen (truncated) - 3] = '\0';
  assert_refused_full (truncated, strlen (truncated), NULL, "(document): not valid JSON: ");
  assert_refused ("{\n\"a\": 1,\n}", "(document): not valid JSON: unexpected character “}” (line 3)");
  assert_refused ("{\"a\": \"\xff\"}", "(document): not valid JSON: invalid UTF-8 in a string (line 1)");
  assert_refused ("{\"a\": 01}", "(document): not valid JSON: unexpected character “1” (line 1)");
  assert_refused ("{\"a\": \"\\x\"}", "(document): not valid JSON: invalid escape in a string (line 1)");
  assert_refused ("{} {}", "(document): not valid JSON: unexpected character “{” (line 1)");
  assert_refused ("[1, 2]", "(document): expected an object");
  /* Syntax is checked before meaning, wherever the syntax error is. */
  assert_refused ("{\"stars\": 1,\n\"format\": 2,\n\"x\": [}",
                  "(document): not valid JSON: unexpected character “}” (line 3)");

  for (guint i = 0; i < sizeof random; i++)
    random[i] = (char) g_rand_int_range (rand, 0, 256);
  assert_refused_full (random, sizeof random, NULL, "(document): not valid JSON: ");
}

static void
test_refuse_format (void)
{
  assert_refused ("{}", "format: missing");
  assert_refused ("{\"format\": \"other\", \"version\": 1}", "format: expected \"tributary-plan\"");
  assert_refused ("{\"format\": 1, \"version\": 1}", "format: expected \"tributary-plan\"");
  assert_refused ("{\"format\": \"tributary-plan\"}", "version: missing");
  assert_refused ("{\"format\": \"tributary-plan\", \"version\": \"1\"}", "version: expected an integer");
  /* A newer document is refused as such, before its unknown members. */
  assert_refused ("{\"format\": \"tributary-plan\", \"version\": 3, \"upstreams\": [{\"id\": 1, \"stars\": 3}]}",
                  "version: this document was written by a newer Tributary (format version 3); "
                  "this one reads versions 1 to 2: update Tributary to import it");
  assert_refused ("{\"format\": \"tributary-plan\", \"version\": 0, \"plan\": {\"name\": \"P\", \"currency\": \"EUR\"}}",
                  "version: expected an integer from 1 to 2");
  assert_refused ("{\"format\": \"tributary-plan\", \"version\": 1}", "plan: missing");
  assert_refused (VALID_START "\"upstream\": []}", "(document): unknown key \"upstream\"");
  assert_refused (VALID_START "\"upstreams\": {}}", "upstreams: expected a list");
  assert_refused (VALID_START "\"upstreams\": [1]}", "upstreams[0]: expected an object");
  assert_refused ("{\"format\": \"tributary-plan\", \"version\": 1, \"plan\": {\"name\": \"P\"}}",
                  "plan.currency: missing");
  assert_refused ("{\"format\": \"tributary-plan\", \"version\": 1, \"plan\": {\"id\": 1}}",
                  "plan: unknown key \"id\"");
  assert_refused (VALID_START "\"format\": \"tributary-plan\"}",
                  "(document): duplicate key \"format\"");
}

static void
test_refuse_values (void)
{
  struct {
    const char *upstream;
    const char *rest;
    const char *message;
  } cases[] = {
    { "{\"id\": 1, \"name\": \"a\", \"importance\": \"high\"}", "",
      "upstreams[0].importance: expected an integer from 1 to 5" },
    { "{\"id\": 1, \"name\": \"a\", \"importance\": 9}", "",
      "upstreams[0].importance: expected an integer from 1 to 5" },
    { "{\"id\": 1, \"name\": \"a\", \"importance\": 2.5}", "",
      "upstreams[0].importance: expected an integer from 1 to 5" },
    { "{\"id\": 1, \"name\": \"a\", \"layer\": \"middle\"}", "",
      "upstreams[0].layer: expected one of above, platform or below" },
    { "{\"id\": 1, \"name\": \"\"}", "", "upstreams[0].name: must not be empty" },
    { "{\"id\": 1, \"name\": \"a\", \"repository\": \"ftp://x.org\"}", "",
      "upstreams[0].repository: expected an http:// or https:// address" },
    { "{\"id\": 1, \"name\": \"a\", \"purls\": \"pkg:npm/a\"}", "",
      "upstreams[0].purls: expected a list of at most 1000 texts" },
    { "{\"id\": 1, \"name\": \"a\", \"purls\": [[\"nested\"]]}", "",
      "upstreams[0].purls: expected a list of at most 1000 texts" },
    { "{\"id\": 1}", "", "upstreams[0].name: missing" },
    { "{\"name\": \"a\"}", "", "upstreams[0].id: missing" },
    { "{\"id\": 0, \"name\": \"a\"}", "", "upstreams[0].id: expected an integer of 1 or more" },
    { "{\"id\": \"1\", \"name\": \"a\"}", "", "upstreams[0].id: expected an integer of 1 or more" },
    { "{\"id\": 1, \"name\": \"a\", \"stars\": 5}", "", "upstreams[0]: unknown key \"stars\"" },
    { "{\"id\": 1, \"name\": \"a\", \"last_error\": \"\"}", "", "upstreams[0]: unknown key \"last_error\"" },
    { "{\"id\": 1, \"name\": \"a\", \"name\": \"b\"}", "", "upstreams[0]: duplicate key \"name\"" },
    { "{\"id\": 1, \"name\": \"a\", \"snapshots\": [{\"id\": 1, \"upstream_id\": 1, "
      "\"taken_at\": \"2026-01-01T00:00:00Z\"}]}", "",
      "upstreams[0].snapshots[0]: unknown key \"upstream_id\"" },
    { "{\"id\": 1, \"name\": \"a\", \"snapshots\": [{\"id\": 1, \"taken_at\": \"2026-01-01\"}]}", "",
      "upstreams[0].snapshots[0].taken_at: expected a UTC time written YYYY-MM-DDTHH:MM:SSZ" },
    { "{\"id\": 1, \"name\": \"a\", \"snapshots\": [{\"id\": 1, \"taken_at\": \"2026-01-01T00:00:00Z\", "
      "\"weekly_commits\": [1, -2]}]}", "",
      "upstreams[0].snapshots[0].weekly_commits: expected a list of at most 1000 integers of 0 or more" },
    { "{\"id\": 1, \"name\": \"a\", \"snapshots\": [{\"id\": 1, \"taken_at\": \"2026-01-01T00:00:00Z\", "
      "\"weekly_commits\": [1, 2.0]}]}", "",
      "upstreams[0].snapshots[0].weekly_commits: expected a list of at most 1000 integers of 0 or more" },
    { "{\"id\": 1, \"name\": \"a\"}",
      "\"scenarios\": [{\"id\": 1, \"name\": \"s\", \"assumptions\": {\"x\": \"1\"}}]",
      "scenarios[0].assumptions: expected an object whose values are numbers" },
    { "{\"id\": 1, \"name\": \"a\"}",
      "\"investments\": [{\"id\": 1, \"upstream_id\": null, \"quarter\": \"2027-Q1\"}]",
      "investments[0].upstream_id: expected the id of an existing entry" },
    /* Duplicates and dangling references, named where they first occur. */
    { "{\"id\": 7, \"name\": \"a\"}, {\"id\": 8, \"name\": \"b\"}, {\"id\": 7, \"name\": \"c\"}", "",
      "upstreams[2].id: duplicate id 7" },
    { "{\"id\": 1, \"name\": \"a\"}",
      "\"investments\": [{\"id\": 1, \"upstream_id\": 1, \"quarter\": \"2027-Q1\"}, "
      "{\"id\": 2, \"upstream_id\": 42, \"quarter\": \"2027-Q1\"}]",
      "investments[1].upstream_id: no upstream has id 42" },
    { "{\"id\": 1, \"name\": \"a\"}",
      "\"products\": [{\"id\": 1, \"name\": \"p\", \"releases\": [{\"id\": 1, \"version\": \"1\"}, "
      "{\"id\": 2, \"version\": \"2\", \"bases\": [{\"id\": 1, \"upstream_id\": 42, "
      "\"upstream_version\": \"1\"}]}]}]",
      "products[0].releases[1].bases[0].upstream_id: no upstream has id 42" },
    { "{\"id\": 1, \"name\": \"a\"}",
      "\"milestones\": [{\"id\": 1, \"title\": \"m\", \"date\": \"2027-01-01\", \"release_id\": 5}]",
      "milestones[0].release_id: no product release has id 5" },
    /* Ids are unique per type, not across types. */
    { "{\"id\": 1, \"name\": \"a\", \"snapshots\": [{\"id\": 1, \"taken_at\": \"2026-01-01T00:00:00Z\"}]}",
      "\"patches\": [{\"id\": 1, \"upstream_id\": 1, \"title\": \"t\"}], "
      "\"products\": [{\"id\": 1, \"name\": \"p\", \"releases\": [{\"id\": 1, \"version\": \"1\"}, "
      "{\"id\": 1, \"version\": \"2\"}]}]",
      "products[0].releases[1].id: duplicate id 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = doc_with (cases[i].upstream, cases[i].rest);
      g_test_message ("case %u: %s", i, cases[i].message);
      assert_refused (doc, cases[i].message);
    }
}

/* The document is written as it is read: what is found wrong only further
 * on, or only at the end, still leaves nothing behind. */
static void
test_refuse_late (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *doc = NULL;

  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (many, "%s{\"id\": %u, \"name\": \"u%u\", \"snapshots\": "
                            "[{\"id\": %u, \"taken_at\": \"2026-01-01T00:00:00Z\"}]}",
                            i > 1 ? ", " : "", i, i, i);

  doc = g_strdup_printf (VALID_START "\"upstreams\": [%s], \"zzz\": 1}", many->str);
  assert_refused (doc, "(document): unknown key \"zzz\"");
  g_free (doc);
  doc = g_strdup_printf ("{\"format\": \"tributary-plan\", \"plan\": {\"name\": \"P\", "
                         "\"currency\": \"EUR\"}, \"upstreams\": [%s], \"version\": 3}",
                         many->str);
  assert_refused (doc, "version: this document was written by a newer Tributary (format version 3); "
                       "this one reads versions 1 to 2: update Tributary to import it");
  g_free (doc);
  doc = g_strdup_printf ("{\"format\": \"tributary-plan\", \"upstreams\": [%s], "
                         "\"version\": 1}", many->str);
  assert_refused (doc, "plan: missing");
  g_free (doc);
  doc = g_strdup_printf (VALID_START "\"upstreams\": [%s, {\"id\": 300, \"name\": \"again\"}]}",
                         many->str);
  assert_refused (doc, "upstreams[300].id: duplicate id 300");

  /* References may point forward; the first wrong one in document order is
   * named, a dangling reference before a duplicate id. */
  g_free (doc);
  doc = g_strdup_printf (VALID_START "\"investments\": [{\"id\": 1, \"upstream_id\": 300, "
                         "\"quarter\": \"2027-Q1\"}, {\"id\": 2, \"upstream_id\": 301, "
                         "\"quarter\": \"2027-Q1\"}], \"upstreams\": [%s, "
                         "{\"id\": 1, \"name\": \"again\"}]}", many->str);
  assert_refused (doc, "investments[1].upstream_id: no upstream has id 301");
  g_free (doc);
  doc = g_strdup_printf (VALID_START "\"investments\": [{\"id\": 1, \"upstream_id\": 300, "
                         "\"quarter\": \"2027-Q1\"}, {\"id\": 1, \"upstream_id\": 1, "
                         "\"quarter\": \"2027-Q1\"}], \"upstreams\": [%s], "
                         "\"patches\": [{\"id\": 1, \"upstream_id\": 302, \"title\": \"t\"}]}",
                         many->str);
  assert_refused (doc, "investments[1].id: duplicate id 1");
}

/* Times are checked digit by digit: the same ones are taken as when
 * GDateTime parsed and wrote them again. */
static void
test_timestamps (void)
{
  struct {
    const char *taken_at;
    gboolean    valid;
  } cases[] = {
    { "2026-01-01T12:00:00Z", TRUE },
    { "2024-02-29T23:59:59Z", TRUE },
    { "2000-02-29T00:00:00Z", TRUE },
    { "1000-01-01T00:00:00Z", TRUE },
    { "9999-12-31T23:59:59Z", TRUE },
    { "2023-02-29T00:00:00Z", FALSE },
    { "2100-02-29T00:00:00Z", FALSE },
    { "2026-04-31T00:00:00Z", FALSE },
    { "2026-00-10T00:00:00Z", FALSE },
    { "2026-13-10T00:00:00Z", FALSE },
    { "2026-01-00T00:00:00Z", FALSE },
    { "2026-01-01T24:00:00Z", FALSE },
    { "2026-01-01T23:60:00Z", FALSE },
    { "2026-01-01T23:59:60Z", FALSE },
    { "0999-12-31T00:00:00Z", FALSE },
    { "2026-01-01T12:00:00z", FALSE },
    { "2026-01-01t12:00:00Z", FALSE },
    { "2026-01-01 12:00:00Z", FALSE },
    { "2026-01-01T12:00:00.5Z", FALSE },
    { "2026-01-01T12:00:00+00:00", FALSE },
    { "+2026-01-01T12:00:00Z", FALSE },
    { "2026-1-01T12:00:00Z", FALSE },
    { "2026-01-01T1:00:00Z ", FALSE },
    { "2026-01-01", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *upstream = g_strdup_printf ("{\"id\": 1, \"name\": \"a\", \"snapshots\": "
                                                   "[{\"id\": 1, \"taken_at\": \"%s\"}]}",
                                                   cases[i].taken_at);
      g_autofree char *doc = doc_with (upstream, "");
      g_autoptr(GBytes) bytes = g_bytes_new (doc, strlen (doc));
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].taken_at);
      if (cases[i].valid)
        {
          g_assert_true (trib_plan_json_validate (bytes, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (trib_plan_json_validate (bytes, &error));
          g_assert_cmpstr (error->message, ==, "upstreams[0].snapshots[0].taken_at: expected a "
                           "UTC time written YYYY-MM-DDTHH:MM:SSZ");
        }
    }
}

/* Fractions are read to the very double that strtod() finds, whichever
 * way the reader takes to it. */
static void
test_numbers (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "numbers.tributary", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) snapshots = g_string_new (NULL);
  g_autoptr(TribPlan) plan = NULL;
  g_autofree char *upstream = NULL, *doc = NULL;
  GListModel *model;

  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GString) text = g_string_new (g_rand_int_range (rand, 0, 8) ? "0." : "1");

      if (text->str[0] == '0')
        for (int d = g_rand_int_range (rand, 1, 21); d > 0; d--)
          g_string_append_c (text, '0' + g_rand_int_range (rand, 0, 10));
      if (i % 50 == 0)
        g_string_assign (text, i % 100 ? "1e-3" : "0.1");
      g_string_append_printf (snapshots, "%s{\"id\": %u, \"taken_at\": \"2026-01-01T00:00:00Z\", "
                              "\"top_share\": %s}", i ? ", " : "", i + 1, text->str);
      g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
    }
  upstream = g_strdup_printf ("{\"id\": 1, \"name\": \"a\", \"snapshots\": [%s]}", snapshots->str);
  doc = doc_with (upstream, "");
  plan = import (doc, path);

  model = trib_plan_get_children (plan, trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM, 1),
                                  TRIB_TYPE_STATS_SNAPSHOT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, texts->len);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(TribEntity) snapshot = g_list_model_get_item (model, i);
      double expected = g_ascii_strtod (g_ptr_array_index (texts, i), NULL);
      double read = trib_entity_get_double (snapshot, "top_share");

      if (memcmp (&read, &expected, sizeof read) != 0)
        g_error ("%s read as %.17g", (char *) g_ptr_array_index (texts, i), read);
    }
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void
test_refuse_huge_string (void)
{
  gsize size = 100 * 1024 * 1024;
  g_autoptr(GString) doc = g_string_sized_new (size + 1024);
  gint64 start;

  g_string_append (doc, VALID_START "\"upstreams\": [{\"id\": 1, \"name\": \"a\", \"notes\": \"");
  g_string_set_size (doc, doc->len + size);
  memset (doc->str + doc->len - size, 'x', size);
  g_string_append (doc, "\"}]}");

  start = g_get_monotonic_time ();
  assert_refused_full (doc->str, doc->len,
                       "upstreams[0].notes: expected a text of at most 20000 characters", NULL);
  g_test_message ("refused a 100 MB string in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

static void
test_refuse_deep (void)
{
  gsize depth = 100000;
  g_autofree char *doc = g_malloc (2 * depth + 1);

  memset (doc, '[', depth);
  memset (doc + depth, ']', depth);
  doc[2 * depth] = '\0';
  assert_refused (doc, "(document): nested deeper than 64 levels");

  /* Also unclosed, and deep inside a plan. */
  doc[depth] = '\0';
  assert_refused (doc, "(document): nested deeper than 64 levels");
  {
    g_autoptr(GString) s = g_string_new (VALID_START "\"upstreams\": [{\"id\": 1, \"name\": \"a\", \"notes\": ");
    for (guint i = 0; i < 70; i++)
      g_string_append (s, "{\"a\": ");
    assert_refused (s->str, "(document): nested deeper than 64 levels");
  }
}

static void
test_refuse_too_large (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *json = g_build_filename (dir, "large.json", NULL);
  g_autofree char *target = g_build_filename (dir, "target.tributary", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  FILE *f = fopen (json, "w");

  /* A sparse file: refused by its size, before it is read. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 300 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('x', f);
  fclose (f);
  plan = trib_plan_import_json (json, NULL, target, FALSE, &error);
  g_assert_null (plan);
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "(document): the document is larger than 256 MiB");
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  plan = trib_plan_import_json (target, NULL, json, TRUE, &error);
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND);
  trib_test_remove_tree (dir);
}

static void
test_existing_target (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "target.tributary", NULL);
  g_autofree char *json_path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autofree char *before = NULL, *after = NULL, *listing = NULL;

  plan = trib_plan_create (target, "Old", &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  before = trib_test_checksum (target);

  g_assert_true (g_file_set_contents (json_path, canonical_doc, -1, &error));
  plan = trib_plan_import_json (json_path, NULL, target, FALSE, &error);
  g_assert_null (plan);
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "--replace"));
  g_clear_error (&error);
  after = trib_test_checksum (target);
  g_assert_cmpstr (before, ==, after);

  plan = trib_plan_import_json (json_path, NULL, target, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (trib_plan_get_title (plan), ==, "Hand written");
  g_assert_cmpuint (trib_plan_count (plan, TRIB_TYPE_UPSTREAM), ==, 1);
  g_assert_nonnull (trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM, 7));
  g_clear_object (&plan);

  listing = trib_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.json target.tributary");
  trib_test_remove_tree (dir);
}

static void
test_export_file (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.tributary", NULL);
  g_autofree char *json_path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "plan.json", NULL);
  g_autoptr(TribPlan) plan = create_full_plan (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export (plan);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (json_path, "old", -1, &error));
  g_assert_true (trib_plan_export_json (plan, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, json);

  g_assert_false (trib_plan_export_json (plan, bad_path, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_IO);
  trib_plan_close (plan);
  listing = trib_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.json plan.tributary");
  trib_test_remove_tree (dir);
}

static void
test_large (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.tributary", NULL);
  g_autofree char *path2 = g_build_filename (dir, "imported.tributary", NULL);
  g_autofree char *json_path = g_build_filename (dir, "large.json", NULL);
  g_autofree char *json_path2 = g_build_filename (dir, "again.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Large", &error);
  g_autoptr(TribPlan) imported = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *a = NULL, *b = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  trib_plan_begin (plan, "Fill");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("project-%05u", i);
      g_autoptr(TribEntity) u = add (plan, TRIB_TYPE_UPSTREAM, "name", name, NULL);
      g_autofree char *id = id_text (u);

      for (guint s = 0; s < 20; s++)
        {
          g_autofree char *taken = g_strdup_printf ("2026-%02u-%02uT12:00:00Z", 1 + s % 12, 1 + s);
          g_autoptr(GString) weeks = g_string_new ("[");
          g_autoptr(TribEntity) snapshot = NULL;

          for (guint w = 0; w < 52; w++)
            g_string_append_printf (weeks, "%s%d", w ? "," : "", g_rand_int_range (rand, 0, 60));
          g_string_append_c (weeks, ']');
          snapshot = add (plan, TRIB_TYPE_STATS_SNAPSHOT, "upstream_id", id, "taken_at", taken,
                          "weekly_commits", weeks->str, "top_share", "0.21", NULL);
        }
    }
  g_assert_true (trib_plan_commit (plan, &error));
  g_assert_no_error (error);

  /* Written in pieces through a temporary file, read back from a file. */
  g_assert_true (trib_plan_export_json (plan, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &a, &length, NULL));
  g_assert_cmpuint (length, >, 2 * 1024 * 1024);
  imported = trib_plan_import_json (json_path, NULL, path2, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_plan_count (imported, TRIB_TYPE_STATS_SNAPSHOT), ==, 6000);
  g_assert_true (trib_plan_export_json (imported, json_path2, &error));
  g_assert_true (g_file_get_contents (json_path2, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  trib_test_remove_tree (dir);
}

/* Schema --------------------------------------------------------------- */

static char *
node_text (JsonNode *node)
{
  g_autoptr(TribJsonWriter) writer = trib_json_writer_new (NULL, NULL);

  trib_json_writer_node (writer, node);
  return trib_json_writer_finish (writer, NULL, NULL);
}

static char *
sorted_names (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (GList *l = members; l; l = l->next)
    g_ptr_array_add (names, l->data);
  g_ptr_array_sort (names, trib_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
joined (JsonArray *array)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (names, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_sort (names, trib_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_ref (JsonObject *object,
            const char *def)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def, NULL);

  g_assert_true (json_object_has_member (object, "$ref"));
  g_assert_cmpstr (json_object_get_string_member (object, "$ref"), ==, ref);
}

static void
check_field_schema (const char      *table,
                    const TribField *field,
                    JsonObject      *prop)
{
  gboolean required = (field->flags & TRIB_FIELD_REQUIRED) != 0;
  const char *type = json_object_has_member (prop, "type") &&
                     JSON_NODE_HOLDS_VALUE (json_object_get_member (prop, "type"))
                     ? json_object_get_string_member (prop, "type") : NULL;

  g_test_message ("schema of %s.%s", table, field->name);
  switch (field->kind)
    {
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
      g_assert_cmpstr (type, ==, "string");
      if (field->max > 0)
        g_assert_cmpint (json_object_get_int_member (prop, "maxLength"), ==, (gint64) field->max);
      g_assert_true (json_object_has_member (prop, "maxLength"));
      /* A field with a rule of its own has a pattern that says it. */
      if (field->check == trib_currency_is_valid)
        g_assert_cmpstr (json_object_get_string_member (prop, "pattern"), ==, "^[A-Z]{3}$");
      else if (field->check == trib_acknowledgement_subject_is_valid)
        g_assert_cmpstr (json_object_get_string_member (prop, "pattern"), ==,
                         "^([a-z_]+:[1-9][0-9]*)?$");
      else if (field->kind == TRIB_FIELD_STRING)
        g_assert_cmpstr (json_object_get_string_member (prop, "pattern"), ==, "^[^\\n]*$");
      break;
    case TRIB_FIELD_URL:
      assert_ref (prop, "url");
      break;
    case TRIB_FIELD_DATE:
      assert_ref (prop, "date");
      break;
    case TRIB_FIELD_DATETIME:
      assert_ref (prop, "datetime");
      break;
    case TRIB_FIELD_QUARTER:
      assert_ref (prop, "quarter");
      break;
    case TRIB_FIELD_INT:
    case TRIB_FIELD_DOUBLE:
      g_assert_cmpstr (type, ==, field->kind == TRIB_FIELD_INT ? "integer" : "number");
      if (field->min < field->max)
        {
          g_assert_cmpfloat (json_object_get_double_member (prop, "minimum"), ==, field->min);
          g_assert_cmpfloat (json_object_get_double_member (prop, "maximum"), ==, field->max);
        }
      break;
    case TRIB_FIELD_BOOL:
      g_assert_cmpstr (type, ==, "boolean");
      break;
    case TRIB_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        JsonArray *nicks = json_object_get_array_member (prop, "enum");

        g_assert_cmpuint (json_array_get_length (nicks), ==, klass->n_values);
        for (guint i = 0; i < klass->n_values; i++)
          g_assert_cmpstr (json_array_get_string_element (nicks, i), ==,
                           klass->values[i].value_nick);
      }
      break;
    case TRIB_FIELD_REF:
      if (required)
        g_assert_cmpstr (type, ==, "integer");
      else
        {
          JsonArray *types = json_object_get_array_member (prop, "type");
          g_autofree char *names = joined (types);
          g_assert_cmpstr (names, ==, "integer null");
        }
      g_assert_cmpint (json_object_get_int_member (prop, "minimum"), ==, 1);
      break;
    case TRIB_FIELD_STRV:
      assert_ref (prop, "strings");
      break;
    case TRIB_FIELD_INTV:
      assert_ref (prop, "integers");
      break;
    case TRIB_FIELD_DICT:
      assert_ref (prop, "numbers");
      break;
    default:
      g_assert_not_reached ();
    }

  if (required && field->kind != TRIB_FIELD_REF && field->kind <= TRIB_FIELD_QUARTER)
    g_assert_cmpint (json_object_get_int_member (prop, "minLength"), ==, 1);
  if (!required)
    {
      g_auto(GValue) def = G_VALUE_INIT;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *expected = NULL, *actual = NULL;

      trib_field_init_default (field, &def);
      node = trib_field_to_json (field, &def);
      expected = node_text (node);
      g_assert_true (json_object_has_member (prop, "default"));
      actual = node_text (json_object_get_member (prop, "default"));
      g_assert_cmpstr (actual, ==, expected);
    }
}

/* The members of the schema of @klass are the document's, no more, no less. */
static void
check_entity_schema (JsonObject      *defs,
                     TribEntityClass *klass,
                     gboolean         with_id)
{
  JsonObject *def = json_object_get_object_member (defs, klass->table);
  JsonObject *props;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) required = g_ptr_array_new ();
  g_autofree char *expected = NULL, *actual = NULL, *expected_required = NULL;
  g_autofree char *actual_required = NULL;
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  g_assert_nonnull (def);
  g_assert_cmpstr (json_object_get_string_member (def, "type"), ==, "object");
  g_assert_false (json_object_get_boolean_member (def, "additionalProperties"));
  props = json_object_get_object_member (def, "properties");

  if (with_id)
    {
      g_ptr_array_add (names, (gpointer) "id");
      g_ptr_array_add (required, (gpointer) "id");
      assert_ref (json_object_get_object_member (props, "id"), "id");
    }
  for (guint f = 0; f < klass->n_fields; f++)
    {
      const TribField *field = &klass->fields[f];

      if (field->flags & (TRIB_FIELD_INTERNAL | TRIB_FIELD_PARENT))
        continue;
      g_ptr_array_add (names, (gpointer) field->name);
      if (field->flags & TRIB_FIELD_REQUIRED)
        g_ptr_array_add (required, (gpointer) field->name);
      g_assert_true (json_object_has_member (props, field->name));
      check_field_schema (klass->table, field, json_object_get_object_member (props, field->name));
    }
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) child = g_type_class_ref (types[t]);

      if (child->parent_field >= 0 &&
          child->fields[child->parent_field].ref_type () == G_TYPE_FROM_CLASS (klass))
        {
          JsonObject *prop = json_object_get_object_member (props, child->json_key);

          g_ptr_array_add (names, (gpointer) child->json_key);
          g_assert_nonnull (prop);
          g_assert_cmpstr (json_object_get_string_member (prop, "type"), ==, "array");
          assert_ref (json_object_get_object_member (prop, "items"), child->table);
        }
    }

  g_ptr_array_sort (names, trib_test_compare_names);
  g_ptr_array_add (names, NULL);
  expected = g_strjoinv (" ", (char **) names->pdata);
  actual = sorted_names (props);
  g_assert_cmpstr (actual, ==, expected);
  g_ptr_array_sort (required, trib_test_compare_names);
  g_ptr_array_add (required, NULL);
  expected_required = g_strjoinv (" ", (char **) required->pdata);
  actual_required = joined (json_object_get_array_member (def, "required"));
  g_assert_cmpstr (actual_required, ==, expected_required);
}

static char *
schema_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "plan.schema.json", NULL);
}

static void
test_schema (void)
{
  g_autofree char *path = schema_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *expected = NULL, *actual = NULL, *required = NULL;
  g_autoptr(TribEntityClass) info = g_type_class_ref (TRIB_TYPE_PLAN_INFO);
  JsonObject *root, *defs, *props;
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");
  g_assert_false (json_object_get_boolean_member (root, "additionalProperties"));
  defs = json_object_get_object_member (root, "$defs");
  props = json_object_get_object_member (root, "properties");

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (props, "format"),
                                                  "const"), ==, TRIB_PLAN_JSON_FORMAT);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (props, "version"),
                                               "const"), ==, TRIB_PLAN_JSON_VERSION);
  assert_ref (json_object_get_object_member (props, "plan"), info->table);
  g_ptr_array_add (names, (gpointer) "format");
  g_ptr_array_add (names, (gpointer) "plan");
  g_ptr_array_add (names, (gpointer) "version");
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(TribEntityClass) klass = g_type_class_ref (types[t]);

      check_entity_schema (defs, klass, TRUE);
      if (klass->parent_field < 0)
        {
          JsonObject *prop = json_object_get_object_member (props, klass->json_key);
          g_ptr_array_add (names, (gpointer) klass->json_key);
          g_assert_nonnull (prop);
          assert_ref (json_object_get_object_member (prop, "items"), klass->table);
        }
    }
  check_entity_schema (defs, info, FALSE);

  g_ptr_array_sort (names, trib_test_compare_names);
  g_ptr_array_add (names, NULL);
  expected = g_strjoinv (" ", (char **) names->pdata);
  actual = sorted_names (props);
  g_assert_cmpstr (actual, ==, expected);
  required = joined (json_object_get_array_member (root, "required"));
  g_assert_cmpstr (required, ==, "format plan version");
}

/* Where a JSON Schema validator is at hand, an exported plan passes it. */
static void
test_schema_validates_export (void)
{
  static const char script[] =
    "import json, sys\n"
    "try:\n"
    "    import jsonschema\n"
    "except ImportError:\n"
    "    sys.exit(77)\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))\n";
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.tributary", NULL);
  g_autofree char *json_path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *schema = schema_path ();
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      trib_test_remove_tree (dir);
      return;
    }
  plan = create_full_plan (path);
  g_assert_true (trib_plan_export_json (plan, json_path, &error));
  {
    const char *argv[] = { python, "-c", script, schema, json_path, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    g_test_skip ("the Python module jsonschema is not installed");
  else if (status != 0)
    g_error ("the exported plan does not pass the schema: %s", err);
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/writer", test_writer);
  g_test_add_func ("/json/roundtrip", test_roundtrip);
  g_test_add_func ("/json/canonical", test_canonical);
  g_test_add_func ("/json/canonical-document", test_canonical_document);
  g_test_add_func ("/json/large", test_large);
  g_test_add_func ("/json/export-file", test_export_file);
  g_test_add_func ("/json/timestamps", test_timestamps);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/version/1", test_version_1);
  g_test_add_func ("/json/version/not-last", test_version_not_last);
  g_test_add_func ("/json/version/2-rules", test_version_2_rules);
  g_test_add_func ("/json/refuse/syntax", test_refuse_syntax);
  g_test_add_func ("/json/refuse/format", test_refuse_format);
  g_test_add_func ("/json/refuse/values", test_refuse_values);
  g_test_add_func ("/json/refuse/late", test_refuse_late);
  g_test_add_func ("/json/refuse/huge-string", test_refuse_huge_string);
  g_test_add_func ("/json/refuse/deep", test_refuse_deep);
  g_test_add_func ("/json/refuse/too-large", test_refuse_too_large);
  g_test_add_func ("/json/existing-target", test_existing_target);
  g_test_add_func ("/json/schema", test_schema);
  g_test_add_func ("/json/schema/validates-export", test_schema_validates_export);

  return g_test_run ();
}
