/* trib-health.h: an upstream's health score, factor by factor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The guide's selection criteria (GUIDE.md §5), in the order they are
 * shown. */
typedef enum
{
  TRIB_HEALTH_LONGEVITY,
  TRIB_HEALTH_ACTIVITY,
  TRIB_HEALTH_RELEASES,
  TRIB_HEALTH_USERS,
  TRIB_HEALTH_DIVERSITY,
  TRIB_HEALTH_INVOLVEMENT,
  TRIB_HEALTH_N_FACTORS
} TribHealthFactorId;

/* How healthy a score is, for badges and the Overview's counts. */
typedef enum
{
  TRIB_HEALTH_RATING_FAILING,   /* below 40 */
  TRIB_HEALTH_RATING_AT_RISK,   /* 40 to 69 */
  TRIB_HEALTH_RATING_HEALTHY,   /* 70 and above */
} TribHealthRating;

/* The most an archived or abandoned (no push for a year) project scores. */
#define TRIB_HEALTH_CAP 20

/**
 * TribHealthWeights:
 * @weight: the relative weight of each factor, 0–100; the points of a
 *   factor are its weight's share of 100
 *
 * Plan settings; trib_health_weights_init() gives the documented defaults
 * (10, 25, 15, 15, 25, 10).
 */
typedef struct
{
  int weight[TRIB_HEALTH_N_FACTORS];
} TribHealthWeights;

/**
 * TribHealthInput:
 *
 * What the score is computed from: one statistics snapshot. Times are Unix
 * seconds, 0 when the forge did not say. The score is evaluated as of
 * @taken_at, so a snapshot always scores the same.
 */
typedef struct
{
  gint64      taken_at;
  gint64      created;
  gint64      last_push;
  gboolean    archived;
  int         stars;
  int         forks;
  int         watchers;
  const int  *weekly_commits;     /* oldest week first; NULL when unknown */
  guint       n_weekly_commits;
  int         releases_last_year;
  int         contributors;
  int         absence_factor;
  double      top_share;
  double      our_share;
} TribHealthInput;

typedef struct
{
  TribHealthFactorId id;
  double             points;
  double             max;
  char              *explanation;
} TribHealthFactor;

/**
 * TribHealth:
 * @score: 0–100, after the cap
 * @capped: whether the cap of %TRIB_HEALTH_CAP applied
 * @cap_reason: (nullable): why, in one sentence
 * @factors: each factor's points, maximum and explanation
 */
typedef struct
{
  int              score;
  gboolean         capped;
  char            *cap_reason;
  TribHealthFactor factors[TRIB_HEALTH_N_FACTORS];
} TribHealth;

void              trib_health_weights_init (TribHealthWeights       *weights);
gboolean          trib_health_weights_check (const TribHealthWeights *weights,
                                             GError                 **error);
const char       *trib_health_factor_get_key   (TribHealthFactorId id);
const char       *trib_health_factor_get_label (TribHealthFactorId id);

TribHealth       *trib_health_compute      (const TribHealthInput   *input,
                                            const TribHealthWeights *weights);
void              trib_health_free         (TribHealth              *health);
TribHealthRating  trib_health_rate         (int                      score);
const char       *trib_health_rating_get_label (TribHealthRating     rating);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribHealth, trib_health_free)

G_END_DECLS
