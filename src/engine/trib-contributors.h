/* trib-contributors.h: what a forge's contributor list says about a community
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trib-types.h"

G_BEGIN_DECLS

/**
 * TribContributor:
 * @handle: the GitHub login, or the name a GitLab contributor list gives
 * @email: (nullable): the e-mail address GitLab lists; %NULL on GitHub
 * @contributions: commits (GitLab) or contributions (GitHub) of this person
 *
 * One entry of a forge's contributor list.
 */
typedef struct
{
  const char *handle;
  const char *email;
  gint64      contributions;
} TribContributor;

/**
 * TribContributorStats:
 * @count: contributors listed
 * @total: contributions of all of them
 * @top_share: share of @total by the top contributor, 0–1
 * @top5_share: share of @total by the top five, 0–1
 * @absence_factor: the CHAOSS contributor absence factor: the fewest
 *   contributors whose contributions reach half of @total (0 when @total is 0)
 * @team_share: share of @total by the plan's team, 0–1
 */
typedef struct
{
  guint  count;
  gint64 total;
  double top_share;
  double top5_share;
  guint  absence_factor;
  double team_share;
} TribContributorStats;

gboolean trib_team_handle_matches       (const char            *team_handle,
                                         TribForge              forge,
                                         const char            *handle,
                                         const char            *email);
gboolean trib_team_handle_is_valid      (const char            *team_handle);
void     trib_contributor_stats_compute (const TribContributor *contributors,
                                         guint                  n_contributors,
                                         TribForge              forge,
                                         const char * const    *team_handles,
                                         TribContributorStats  *stats);

G_END_DECLS
