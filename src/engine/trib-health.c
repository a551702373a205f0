/* trib-health.c: an upstream's health score, factor by factor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The score follows the guide's selection criteria. Each factor turns the
 * snapshot into a fraction f between 0 and 1; the factor is worth
 * 100 × weight ÷ (sum of the weights) points and earns f of them. The score
 * is the sum of the points, rounded to the nearest whole number. Everything
 * is measured as of the snapshot's time, so a snapshot always scores the
 * same.
 *
 *   longevity    f = min (age in years ÷ 5, 1)                 (years = days ÷ 365.25)
 *   activity     c = min (commits in the last 13 weeks ÷ 26, 1)
 *                p = 1 up to 30 days since the last push, falling linearly
 *                    to 0 at 365 days
 *                f = (c + p) ÷ 2, or p when there are no weekly counts
 *   releases     f = min (releases in the last year ÷ 4, 1)
 *   users        f = min (log10 (1 + stars + forks + watchers) ÷ 4, 1)
 *   diversity    a = min ((absence factor − 1) ÷ 4, 1)
 *                t = clamp ((1 − top contributor's share) ÷ 0.75, 0, 1)
 *                f = (a + t) ÷ 2, or 0 when no contributors are known
 *   involvement  f = min (our team's share ÷ 0.2, 1)
 *
 * An archived project, or one whose last push is 365 days old or more,
 * scores at most TRIB_HEALTH_CAP.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "trib-engine-error.h"
#include "trib-health.h"

#define DAY (24.0 * 60 * 60)

static const struct
{
  const char *key;
  const char *label;
  int         weight;
} factor_info[TRIB_HEALTH_N_FACTORS] = {
  [TRIB_HEALTH_LONGEVITY]   = { "longevity",   N_("Longevity"),             10 },
  [TRIB_HEALTH_ACTIVITY]    = { "activity",    N_("Activity"),              25 },
  [TRIB_HEALTH_RELEASES]    = { "releases",    N_("Release cadence"),       15 },
  [TRIB_HEALTH_USERS]       = { "users",       N_("Users"),                 15 },
  [TRIB_HEALTH_DIVERSITY]   = { "diversity",   N_("Contributor diversity"), 25 },
  [TRIB_HEALTH_INVOLVEMENT] = { "involvement", N_("Our involvement"),       10 },
};

static double
clamp01 (double x)
{
  return CLAMP (x, 0.0, 1.0);
}

static double
days_between (gint64 from,
              gint64 to)
{
  return (double) (to - from) / DAY;
}

static double
longevity (const TribHealthInput *in,
           char                 **text)
{
  double years;

  if (in->created == 0)
    {
      *text = g_strdup (_("The forge did not say when the project was created."));
      return 0;
    }

  years = days_between (in->created, in->taken_at) / 365.25;
  *text = g_strdup_printf (_("Created %.1f years ago; five years or more earn every point."),
                           MAX (years, 0));
  return clamp01 (years / 5);
}

static double
push_fraction (const TribHealthInput *in)
{
  double days;

  if (in->last_push == 0)
    return 0;
  days = days_between (in->last_push, in->taken_at);
  if (days <= 30)
    return 1;
  return clamp01 (1 - (days - 30) / 335);
}

static char *
describe_push (const TribHealthInput *in)
{
  int days;

  if (in->last_push == 0)
    return g_strdup (_("the forge did not say when it was last pushed to"));
  days = (int) MAX (floor (days_between (in->last_push, in->taken_at)), 0);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the last push %d day earlier",
                                       "the last push %d days earlier", days), days);
}

static double
activity (const TribHealthInput *in,
          char                 **text)
{
  g_autofree char *push = describe_push (in);
  double p = push_fraction (in);
  int commits = 0;

  if (in->weekly_commits == NULL || in->n_weekly_commits == 0)
    {
      *text = g_strdup_printf (_("No weekly commit counts; %s."), push);
      return p;
    }

  for (guint i = in->n_weekly_commits > 13 ? in->n_weekly_commits - 13 : 0;
       i < in->n_weekly_commits; i++)
    commits += MAX (in->weekly_commits[i], 0);

  *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%d commit in the last 13 weeks and %s.",
                                        "%d commits in the last 13 weeks and %s.", commits),
                           commits, push);
  return (clamp01 (commits / 26.0) + p) / 2;
}

static double
releases (const TribHealthInput *in,
          char                 **text)
{
  int n = MAX (in->releases_last_year, 0);

  *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%d release in the last year; four or more earn every point.",
                                        "%d releases in the last year; four or more earn every point.", n),
                           n);
  return clamp01 (n / 4.0);
}

static double
users (const TribHealthInput *in,
       char                 **text)
{
  double sum = (double) MAX (in->stars, 0) + MAX (in->forks, 0) + MAX (in->watchers, 0);

  *text = g_strdup_printf (_("%d stars, %d forks and %d watchers, on a log scale: "
                             "10,000 together earn every point."),
                           in->stars, in->forks, in->watchers);
  return clamp01 (log10 (1 + sum) / 4);
}

static double
diversity (const TribHealthInput *in,
           char                 **text)
{
  double a, t;

  if (in->contributors <= 0 || in->absence_factor <= 0)
    {
      *text = g_strdup (_("The forge listed no contributors."));
      return 0;
    }

  a = clamp01 ((in->absence_factor - 1) / 4.0);
  t = clamp01 ((1 - in->top_share) / 0.75);
  *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Half of the contributions come from %d person; "
                                        "the top contributor made %.0f%%.",
                                        "Half of the contributions come from %d people; "
                                        "the top contributor made %.0f%%.", in->absence_factor),
                           in->absence_factor, in->top_share * 100);
  return (a + t) / 2;
}

static double
involvement (const TribHealthInput *in,
             char                 **text)
{
  *text = g_strdup_printf (_("Our team made %.0f%% of the contributions; 20%% or more earn every point."),
                           in->our_share * 100);
  return clamp01 (in->our_share / 0.2);
}

typedef double (*FactorFunc) (const TribHealthInput *in,
                              char                 **text);

static const FactorFunc factor_funcs[TRIB_HEALTH_N_FACTORS] = {
  longevity, activity, releases, users, diversity, involvement,
};

/**
 * trib_health_weights_init:
 * @weights: (out caller-allocates): weights to fill
 *
 * Fills @weights with the documented defaults: longevity 10, activity 25,
 * release cadence 15, users 15, contributor diversity 25, our involvement 10.
 */
void
trib_health_weights_init (TribHealthWeights *weights)
{
  g_return_if_fail (weights != NULL);

  for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
    weights->weight[i] = factor_info[i].weight;
}

/**
 * trib_health_weights_check:
 * @weights: weights
 * @error: a #TRIB_ENGINE_ERROR_INVALID naming what is wrong
 *
 * Returns: whether every weight is 0–100 and at least one is not 0
 */
gboolean
trib_health_weights_check (const TribHealthWeights  *weights,
                           GError                  **error)
{
  int sum = 0;

  g_return_val_if_fail (weights != NULL, FALSE);

  for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
    {
      if (weights->weight[i] < 0 || weights->weight[i] > 100)
        {
          g_set_error (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                       _("The health weight of “%s” is %d; use a number from 0 to 100."),
                       _(factor_info[i].label), weights->weight[i]);
          return FALSE;
        }
      sum += weights->weight[i];
    }
  if (sum == 0)
    {
      g_set_error_literal (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                           _("Every health weight is 0; give at least one factor a weight."));
      return FALSE;
    }

  return TRUE;
}

/**
 * trib_health_factor_get_key:
 * @id: a factor
 *
 * Returns: the factor's stable key ("longevity", "activity", …), as the
 *   command line's JSON writes it
 */
const char *
trib_health_factor_get_key (TribHealthFactorId id)
{
  g_return_val_if_fail (id < TRIB_HEALTH_N_FACTORS, NULL);

  return factor_info[id].key;
}

/**
 * trib_health_factor_get_label:
 * @id: a factor
 *
 * Returns: the factor's name, translated
 */
const char *
trib_health_factor_get_label (TribHealthFactorId id)
{
  g_return_val_if_fail (id < TRIB_HEALTH_N_FACTORS, NULL);

  return _(factor_info[id].label);
}

/**
 * trib_health_compute:
 * @input: the snapshot's figures
 * @weights: (nullable): the plan's weights; %NULL for the defaults
 *
 * Computes the score and explains every factor (see the formula at the top
 * of trib-health.c). Weights that fail trib_health_weights_check() fall
 * back to the defaults.
 *
 * Returns: (transfer full): the score, free with trib_health_free()
 */
TribHealth *
trib_health_compute (const TribHealthInput   *input,
                     const TribHealthWeights *weights)
{
  TribHealthWeights defaults;
  TribHealth *health;
  double sum_weights = 0, total = 0;

  g_return_val_if_fail (input != NULL, NULL);

  if (weights == NULL || !trib_health_weights_check (weights, NULL))
    {
      trib_health_weights_init (&defaults);
      weights = &defaults;
    }
  for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
    sum_weights += weights->weight[i];

  health = g_new0 (TribHealth, 1);
  for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
    {
      TribHealthFactor *factor = &health->factors[i];
      double fraction = factor_funcs[i] (input, &factor->explanation);

      factor->id = i;
      factor->max = 100.0 * weights->weight[i] / sum_weights;
      factor->points = fraction * factor->max;
      total += factor->points;
    }

  health->score = CLAMP ((int) floor (total + 0.5), 0, 100);

  if (input->archived)
    health->cap_reason = g_strdup_printf (_("The project is archived, so it scores at most %d."),
                                          TRIB_HEALTH_CAP);
  else if (input->last_push != 0 && days_between (input->last_push, input->taken_at) >= 365)
    health->cap_reason = g_strdup_printf (_("Nobody has pushed for a year or more, so it scores at most %d."),
                                          TRIB_HEALTH_CAP);
  if (health->cap_reason != NULL && health->score > TRIB_HEALTH_CAP)
    {
      health->score = TRIB_HEALTH_CAP;
      health->capped = TRUE;
    }

  return health;
}

/**
 * trib_health_free:
 * @health: (nullable): a score
 *
 * Frees @health.
 */
void
trib_health_free (TribHealth *health)
{
  if (health == NULL)
    return;
  for (guint i = 0; i < TRIB_HEALTH_N_FACTORS; i++)
    g_free (health->factors[i].explanation);
  g_free (health->cap_reason);
  g_free (health);
}

/**
 * trib_health_rate:
 * @score: a score, 0–100
 *
 * Returns: failing below 40, at risk from 40 to 69, healthy from 70
 */
TribHealthRating
trib_health_rate (int score)
{
  if (score >= 70)
    return TRIB_HEALTH_RATING_HEALTHY;
  if (score >= 40)
    return TRIB_HEALTH_RATING_AT_RISK;
  return TRIB_HEALTH_RATING_FAILING;
}

/**
 * trib_health_rating_get_label:
 * @rating: a rating
 *
 * Returns: "Healthy", "At risk" or "Failing", translated
 */
const char *
trib_health_rating_get_label (TribHealthRating rating)
{
  switch (rating)
    {
    case TRIB_HEALTH_RATING_HEALTHY:
      return _("Healthy");
    case TRIB_HEALTH_RATING_AT_RISK:
      return _("At risk");
    case TRIB_HEALTH_RATING_FAILING:
    default:
      return _("Failing");
    }
}
