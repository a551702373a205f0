/* test-health.c: contributor statistics and the health score against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trib-contributors.h"
#include "trib-engine-error.h"
#include "trib-health.h"

#define DAY (24 * 60 * 60)
/* 2026-01-01T00:00:00Z */
#define TAKEN_AT G_GINT64_CONSTANT (1767225600)

static void
test_contributors_shares (void)
{
  /* 50 + 30 + 10 + 5 + 3 + 2 = 100 */
  const TribContributor list[] = {
    { "c", NULL, 10 }, { "a", NULL, 50 }, { "f", NULL, 2 },
    { "b", NULL, 30 }, { "e", NULL, 3 }, { "d", NULL, 5 },
  };
  TribContributorStats stats;

  trib_contributor_stats_compute (list, G_N_ELEMENTS (list), TRIB_FORGE_GITHUB, NULL, &stats);
  g_assert_cmpuint (stats.count, ==, 6);
  g_assert_cmpint (stats.total, ==, 100);
  g_assert_cmpfloat_with_epsilon (stats.top_share, 0.50, 1e-12);
  g_assert_cmpfloat_with_epsilon (stats.top5_share, 0.98, 1e-12);
  /* The top contributor alone reaches half. */
  g_assert_cmpuint (stats.absence_factor, ==, 1);
  g_assert_cmpfloat (stats.team_share, ==, 0);
}

static void
test_contributors_absence_factor (void)
{
  /* 30 + 25 = 55 ≥ 50 of 100: two people. */
  const TribContributor list[] = {
    { "alice", NULL, 30 }, { "bob", NULL, 25 }, { "carol", NULL, 20 },
    { "dave", NULL, 15 }, { "erin", NULL, 10 },
  };
  /* Exactly half counts as reaching half: 25 + 25 of 100. */
  const TribContributor even[] = {
    { "x", NULL, 25 }, { "y", NULL, 25 }, { "z", NULL, 25 }, { "w", NULL, 25 },
  };
  /* Ten equal contributors: five of them make half. */
  TribContributor flat[10];
  TribContributorStats stats;

  trib_contributor_stats_compute (list, G_N_ELEMENTS (list), TRIB_FORGE_GITHUB, NULL, &stats);
  g_assert_cmpuint (stats.absence_factor, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.top5_share, 1.0, 1e-12);

  trib_contributor_stats_compute (even, G_N_ELEMENTS (even), TRIB_FORGE_GITHUB, NULL, &stats);
  g_assert_cmpuint (stats.absence_factor, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (flat); i++)
    flat[i] = (TribContributor) { "same", NULL, 7 };
  trib_contributor_stats_compute (flat, G_N_ELEMENTS (flat), TRIB_FORGE_GITLAB, NULL, &stats);
  g_assert_cmpuint (stats.absence_factor, ==, 5);
  g_assert_cmpfloat_with_epsilon (stats.top_share, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (stats.top5_share, 0.5, 1e-12);
}

static void
test_contributors_empty (void)
{
  const TribContributor zero[] = { { "a", NULL, 0 }, { "b", NULL, -3 } };
  TribContributorStats stats;

  trib_contributor_stats_compute (NULL, 0, TRIB_FORGE_GITHUB, NULL, &stats);
  g_assert_cmpuint (stats.count, ==, 0);
  g_assert_cmpuint (stats.absence_factor, ==, 0);
  g_assert_cmpfloat (stats.top_share, ==, 0);

  trib_contributor_stats_compute (zero, G_N_ELEMENTS (zero), TRIB_FORGE_GITHUB, NULL, &stats);
  g_assert_cmpuint (stats.count, ==, 2);
  g_assert_cmpint (stats.total, ==, 0);
  g_assert_cmpuint (stats.absence_factor, ==, 0);
}

static void
test_contributors_team (void)
{
  const TribContributor github[] = {
    { "alice", NULL, 30 }, { "Bob", NULL, 25 }, { "carol", NULL, 20 },
    { "dave", NULL, 15 }, { "erin", NULL, 10 },
  };
  const TribContributor gitlab[] = {
    { "Alice Example", "alice@example.org", 60 },
    { "bob", "robert@example.org", 30 },
    { "Carol", "carol@example.org", 10 },
  };
  const char * const team[] = { "github:bob", "gitlab:alice", "carol", NULL };
  TribContributorStats stats;

  /* On GitHub: bob (any case) and the forge-less carol; not the GitLab alice. */
  trib_contributor_stats_compute (github, G_N_ELEMENTS (github), TRIB_FORGE_GITHUB, team, &stats);
  g_assert_cmpfloat_with_epsilon (stats.team_share, 0.45, 1e-12);

  /* On GitLab: alice by her address, carol by name; the GitHub bob does not count. */
  trib_contributor_stats_compute (gitlab, G_N_ELEMENTS (gitlab), TRIB_FORGE_GITLAB, team, &stats);
  g_assert_cmpfloat_with_epsilon (stats.team_share, 0.70, 1e-12);

  g_assert_true (trib_team_handle_is_valid ("github:alice"));
  g_assert_true (trib_team_handle_is_valid ("GitLab:bob"));
  g_assert_true (trib_team_handle_is_valid ("carol"));
  g_assert_false (trib_team_handle_is_valid ("github:"));
  g_assert_false (trib_team_handle_is_valid ("bitbucket:dave"));
  g_assert_false (trib_team_handle_matches ("gitlab:rob", TRIB_FORGE_GITLAB, "bob", "robert@example.org"));
  g_assert_true (trib_team_handle_matches ("gitlab:robert", TRIB_FORGE_GITLAB, "bob", "robert@example.org"));
}

/* The worked example of the user guide: every factor partly earned. */
static void
fill_example (TribHealthInput *in,
              int             *weeks)
{
  memset (in, 0, sizeof *in);
  in->taken_at = TAKEN_AT;
  /* 913.125 days = 2.5 years of 365.25 days */
  in->created = TAKEN_AT - (gint64) (913.125 * DAY);
  in->last_push = TAKEN_AT - 10 * DAY;
  for (guint i = 0; i < 52; i++)
    weeks[i] = i < 39 ? 9 : 1;       /* 13 commits in the last 13 weeks */
  in->weekly_commits = weeks;
  in->n_weekly_commits = 52;
  in->releases_last_year = 2;
  in->stars = 900;
  in->forks = 90;
  in->watchers = 9;
  in->contributors = 10;
  in->absence_factor = 3;
  in->top_share = 0.4;
  in->our_share = 0.05;
}

static void
test_health_example (void)
{
  TribHealthInput in;
  int weeks[52];
  g_autoptr(TribHealth) health = NULL;

  fill_example (&in, weeks);
  health = trib_health_compute (&in, NULL);

  /* longevity 2.5/5 × 10 = 5 */
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_LONGEVITY].points, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_LONGEVITY].max, 10.0, 1e-9);
  /* activity (13/26 + 1) / 2 × 25 = 18.75 */
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_ACTIVITY].points, 18.75, 1e-9);
  /* releases 2/4 × 15 = 7.5 */
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_RELEASES].points, 7.5, 1e-9);
  /* users log10 (1000) / 4 × 15 = 11.25 */
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_USERS].points, 11.25, 1e-9);
  /* diversity ((3-1)/4 + 0.6/0.75) / 2 × 25 = 0.65 × 25 = 16.25 */
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_DIVERSITY].points, 16.25, 1e-9);
  /* involvement 0.05/0.2 × 10 = 2.5 */
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_INVOLVEMENT].points, 2.5, 1e-9);
  /* 61.25 */
  g_assert_cmpint (health->score, ==, 61);
  g_assert_false (health->capped);
  g_assert_null (health->cap_reason);
  g_assert_cmpint (trib_health_rate (health->score), ==, TRIB_HEALTH_RATING_AT_RISK);

  g_assert_cmpstr (health->factors[TRIB_HEALTH_LONGEVITY].explanation, ==,
                   "Created 2.5 years ago; five years or more earn every point.");
  g_assert_cmpstr (health->factors[TRIB_HEALTH_ACTIVITY].explanation, ==,
                   "13 commits in the last 13 weeks and the last push 10 days earlier.");
  g_assert_cmpstr (health->factors[TRIB_HEALTH_DIVERSITY].explanation, ==,
                   "Half of the contributions come from 3 people; the top contributor made 40%.");
  g_assert_cmpstr (health->factors[TRIB_HEALTH_INVOLVEMENT].explanation, ==,
                   "Our team made 5% of the contributions; 20% or more earn every point.");
  g_assert_cmpstr (trib_health_factor_get_key (TRIB_HEALTH_RELEASES), ==, "releases");
}

static void
test_health_push_decay (void)
{
  TribHealthInput in;
  int weeks[52];
  g_autoptr(TribHealth) health = NULL;

  fill_example (&in, weeks);
  /* 200 days since the last push: p = 1 − 170/335; no weekly counts, so
   * activity is p alone: 25 × 165/335 = 12.3134… */
  in.last_push = TAKEN_AT - 200 * DAY;
  in.weekly_commits = NULL;
  in.n_weekly_commits = 0;
  health = trib_health_compute (&in, NULL);
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_ACTIVITY].points, 25.0 * 165 / 335, 1e-9);
  /* 5 + 12.3134 + 7.5 + 11.25 + 16.25 + 2.5 = 54.81 */
  g_assert_cmpint (health->score, ==, 55);
  g_assert_cmpstr (health->factors[TRIB_HEALTH_ACTIVITY].explanation, ==,
                   "No weekly commit counts; the last push 200 days earlier.");
}

static void
test_health_cap (void)
{
  TribHealthInput in;
  int weeks[52];
  g_autoptr(TribHealth) full = NULL;
  g_autoptr(TribHealth) archived = NULL;
  g_autoptr(TribHealth) abandoned = NULL;

  /* Everything full marks: 100. */
  memset (&in, 0, sizeof in);
  in.taken_at = TAKEN_AT;
  in.created = TAKEN_AT - 3650 * DAY;
  in.last_push = TAKEN_AT - DAY;
  for (guint i = 0; i < 52; i++)
    weeks[i] = 5;
  in.weekly_commits = weeks;
  in.n_weekly_commits = 52;
  in.releases_last_year = 12;
  in.stars = 20000;
  in.contributors = 300;
  in.absence_factor = 8;
  in.top_share = 0.1;
  in.our_share = 0.3;
  full = trib_health_compute (&in, NULL);
  g_assert_cmpint (full->score, ==, 100);
  g_assert_false (full->capped);

  in.archived = TRUE;
  archived = trib_health_compute (&in, NULL);
  g_assert_cmpint (archived->score, ==, TRIB_HEALTH_CAP);
  g_assert_true (archived->capped);
  g_assert_cmpstr (archived->cap_reason, ==, "The project is archived, so it scores at most 20.");
  /* The factors still tell what the project would have scored. */
  g_assert_cmpfloat_with_epsilon (archived->factors[TRIB_HEALTH_USERS].points, 15.0, 1e-9);

  in.archived = FALSE;
  in.last_push = TAKEN_AT - 365 * DAY;
  abandoned = trib_health_compute (&in, NULL);
  g_assert_cmpint (abandoned->score, ==, TRIB_HEALTH_CAP);
  g_assert_true (abandoned->capped);
  g_assert_cmpfloat (abandoned->factors[TRIB_HEALTH_ACTIVITY].points, ==, 12.5);
}

static void
test_health_weights (void)
{
  TribHealthInput in;
  int weeks[52];
  TribHealthWeights weights;
  g_autoptr(TribHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  trib_health_weights_init (&weights);
  g_assert_cmpint (weights.weight[TRIB_HEALTH_LONGEVITY], ==, 10);
  g_assert_cmpint (weights.weight[TRIB_HEALTH_ACTIVITY], ==, 25);
  g_assert_cmpint (weights.weight[TRIB_HEALTH_DIVERSITY], ==, 25);

  /* Only activity and users, 3 : 1: activity 0.75 × 75 + users 0.75 × 25 = 75. */
  fill_example (&in, weeks);
  memset (&weights, 0, sizeof weights);
  weights.weight[TRIB_HEALTH_ACTIVITY] = 60;
  weights.weight[TRIB_HEALTH_USERS] = 20;
  health = trib_health_compute (&in, &weights);
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_ACTIVITY].max, 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (health->factors[TRIB_HEALTH_USERS].max, 25.0, 1e-9);
  g_assert_cmpfloat (health->factors[TRIB_HEALTH_LONGEVITY].max, ==, 0);
  g_assert_cmpint (health->score, ==, 75);

  weights.weight[TRIB_HEALTH_USERS] = 101;
  g_assert_false (trib_health_weights_check (&weights, &error));
  g_assert_error (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The health weight of “Users” is 101; use a number from 0 to 100.");
  g_clear_error (&error);

  memset (&weights, 0, sizeof weights);
  g_assert_false (trib_health_weights_check (&weights, &error));
  g_assert_error (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID);
}

static void
test_health_unknown (void)
{
  TribHealthInput in = { .taken_at = TAKEN_AT };
  g_autoptr(TribHealth) health = trib_health_compute (&in, NULL);

  /* Nothing known: only nothing earned, no cap (the push date is unknown). */
  g_assert_cmpint (health->score, ==, 0);
  g_assert_false (health->capped);
  g_assert_cmpstr (health->factors[TRIB_HEALTH_LONGEVITY].explanation, ==,
                   "The forge did not say when the project was created.");
  g_assert_cmpstr (health->factors[TRIB_HEALTH_DIVERSITY].explanation, ==,
                   "The forge listed no contributors.");
  g_assert_cmpint (trib_health_rate (39), ==, TRIB_HEALTH_RATING_FAILING);
  g_assert_cmpint (trib_health_rate (40), ==, TRIB_HEALTH_RATING_AT_RISK);
  g_assert_cmpint (trib_health_rate (70), ==, TRIB_HEALTH_RATING_HEALTHY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/contributors/shares", test_contributors_shares);
  g_test_add_func ("/engine/contributors/absence-factor", test_contributors_absence_factor);
  g_test_add_func ("/engine/contributors/empty", test_contributors_empty);
  g_test_add_func ("/engine/contributors/team", test_contributors_team);
  g_test_add_func ("/engine/health/example", test_health_example);
  g_test_add_func ("/engine/health/push-decay", test_health_push_decay);
  g_test_add_func ("/engine/health/cap", test_health_cap);
  g_test_add_func ("/engine/health/weights", test_health_weights);
  g_test_add_func ("/engine/health/unknown", test_health_unknown);

  return g_test_run ();
}
