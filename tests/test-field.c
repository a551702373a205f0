/* test-field.c: validation and conversion of entity fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-entities.h"
#include "trib-plan.h"

static void
expect_invalid (TribEntity *entity,
                const char *name,
                const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (trib_entity_set_from_text (entity, name, text, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_field_validation (void)
{
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  TribEntity *e = TRIB_ENTITY (upstream);
  g_autoptr(GError) error = NULL;

  expect_invalid (e, "importance", "9", "Importance: expected an integer from 1 to 5");
  expect_invalid (e, "importance", "three", "Importance: expected an integer from 1 to 5");
  expect_invalid (e, "name", "  ", "Name: must not be empty");
  expect_invalid (e, "repository", "ftp://example.org/x", "Repository: expected an http:// or https:// address");
  expect_invalid (e, "repository", "not a url", "Repository: expected an http:// or https:// address");
  expect_invalid (e, "layer", "middle", "Layer: expected one of above, platform or below");

  g_assert_true (trib_entity_set_from_text (e, "importance", " 4 ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 4);
  g_assert_true (trib_entity_set_from_text (e, "decision", "build-in-house", &error));
  g_assert_cmpint (trib_upstream_get_decision (upstream), ==, TRIB_DECISION_BUILD_IN_HOUSE);
  g_assert_true (trib_entity_set_from_text (e, "purls", "pkg:golang/a, pkg:golang/b,", &error));
  g_assert_cmpuint (g_strv_length ((char **) trib_upstream_get_purls (upstream)), ==, 2);
  g_assert_true (trib_entity_set_from_text (e, "repository", "https://github.com/etcd-io/etcd", &error));
  g_assert_cmpstr (trib_upstream_get_repository (upstream), ==, "https://github.com/etcd-io/etcd");

  /* An empty optional text is stored as no value. */
  g_assert_true (trib_entity_set_from_text (e, "homepage", "", &error));
  g_assert_null (trib_upstream_get_homepage (upstream));
}

static void
test_field_dates (void)
{
  g_autoptr(TribMilestone) milestone = trib_milestone_new ();
  g_autoptr(TribInvestment) investment = trib_investment_new ();
  g_autoptr(TribStatsSnapshot) snapshot = trib_stats_snapshot_new ();
  g_autoptr(GError) error = NULL;

  expect_invalid (TRIB_ENTITY (milestone), "date", "2027-02-30", "Date: expected a date written YYYY-MM-DD");
  expect_invalid (TRIB_ENTITY (milestone), "date", "27-01-01", "Date: expected a date written YYYY-MM-DD");
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (milestone), "date", "2028-02-29", &error));

  expect_invalid (TRIB_ENTITY (investment), "quarter", "2027-Q5", "Quarter: expected a quarter written YYYY-Qn, such as 2027-Q1");
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (investment), "quarter", "2027-Q4", &error));
  expect_invalid (TRIB_ENTITY (investment), "fte", "-1", "Engineers (FTE): expected a number from 0 to 1000");
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (investment), "fte", "2,5", &error));
  g_assert_cmpfloat (trib_investment_get_fte (investment), ==, 2.5);

  expect_invalid (TRIB_ENTITY (snapshot), "taken_at", "2027-01-01 10:00", "Taken at: expected a UTC time written YYYY-MM-DDTHH:MM:SSZ");
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (snapshot), "taken_at", "2027-01-01T10:00:00Z", &error));
  expect_invalid (TRIB_ENTITY (snapshot), "weekly_commits", "[1, -2]", "Commits per week: expected a list of at most 1000 integers of 0 or more");
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (snapshot), "weekly_commits", "[1, 2, 3]", &error));
  g_assert_no_error (error);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_field_properties_notify (void)
{
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  guint notified = 0;

  g_signal_connect (upstream, "notify::importance", G_CALLBACK (count_cb), &notified);

  g_object_set (upstream, "importance", 5, "name", "etcd", NULL);
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 5);
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpuint (notified, ==, 1);

  /* Setting the same value again does not notify. */
  g_object_set (upstream, "importance", 5, NULL);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&upstream));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/field/validation", test_field_validation);
  g_test_add_func ("/field/dates", test_field_dates);
  g_test_add_func ("/field/properties-notify", test_field_properties_notify);

  return g_test_run ();
}
