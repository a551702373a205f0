/* trib-contributors.c: what a forge's contributor list says about a community
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan's team handles name their forge: "github:alice" is a GitHub login,
 * "gitlab:bob" a GitLab user. GitLab's contributor list carries no
 * usernames, only the name and e-mail address of each committer, so a
 * GitLab handle matches either the name or the part of the address before
 * the "@". A handle without a forge ("carol", as plans written before
 * handles named their forge hold them) matches on every forge.
 */
#define G_LOG_DOMAIN "trib-contributors"

#include "config.h"

#include <string.h>

#include "trib-contributors.h"

static gboolean
split_handle (const char  *team_handle,
              TribForge   *forge,
              const char **name)
{
  if (g_ascii_strncasecmp (team_handle, "github:", 7) == 0)
    {
      *forge = TRIB_FORGE_GITHUB;
      *name = team_handle + 7;
    }
  else if (g_ascii_strncasecmp (team_handle, "gitlab:", 7) == 0)
    {
      *forge = TRIB_FORGE_GITLAB;
      *name = team_handle + 7;
    }
  else if (strchr (team_handle, ':') != NULL)
    return FALSE;
  else
    {
      *forge = TRIB_FORGE_NONE;
      *name = team_handle;
    }

  return **name != '\0';
}

/**
 * trib_team_handle_is_valid:
 * @team_handle: a plan's team handle
 *
 * Returns: whether @team_handle is "github:NAME", "gitlab:NAME" or a bare
 *   NAME that counts on every forge
 */
gboolean
trib_team_handle_is_valid (const char *team_handle)
{
  TribForge forge;
  const char *name;

  g_return_val_if_fail (team_handle != NULL, FALSE);

  return split_handle (team_handle, &forge, &name);
}

/**
 * trib_team_handle_matches:
 * @team_handle: a plan's team handle ("github:alice", "gitlab:bob", "carol")
 * @forge: the forge the contributor list came from
 * @handle: the contributor's login (GitHub) or name (GitLab)
 * @email: (nullable): the contributor's e-mail address (GitLab)
 *
 * Returns: whether the contributor is the team member @team_handle names;
 *   logins compare without regard to case, as the forges do
 */
gboolean
trib_team_handle_matches (const char *team_handle,
                          TribForge   forge,
                          const char *handle,
                          const char *email)
{
  TribForge handle_forge;
  const char *name;

  g_return_val_if_fail (team_handle != NULL, FALSE);

  if (!split_handle (team_handle, &handle_forge, &name))
    return FALSE;
  if (handle_forge != TRIB_FORGE_NONE && handle_forge != forge)
    return FALSE;
  if (handle != NULL && g_ascii_strcasecmp (name, handle) == 0)
    return TRUE;
  if (forge == TRIB_FORGE_GITLAB && email != NULL)
    {
      const char *at = strchr (email, '@');
      gsize len = at != NULL ? (gsize) (at - email) : strlen (email);

      return len == strlen (name) && g_ascii_strncasecmp (email, name, len) == 0;
    }

  return FALSE;
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static gboolean
is_team_member (const TribContributor *contributor,
                TribForge              forge,
                const char * const    *team_handles)
{
  for (guint i = 0; team_handles != NULL && team_handles[i] != NULL; i++)
    if (trib_team_handle_matches (team_handles[i], forge, contributor->handle, contributor->email))
      return TRUE;

  return FALSE;
}

/**
 * trib_contributor_stats_compute:
 * @contributors: (array length=n_contributors): the forge's contributor list
 * @n_contributors: its length
 * @forge: the forge it came from, for matching @team_handles
 * @team_handles: (nullable): the plan's team handles
 * @stats: (out caller-allocates): the statistics
 *
 * Computes the contributor count, the top contributor's and the top five's
 * shares, the contributor absence factor and the team's share. Negative
 * contributions (which no forge sends) count as none.
 */
void
trib_contributor_stats_compute (const TribContributor *contributors,
                                guint                  n_contributors,
                                TribForge              forge,
                                const char * const    *team_handles,
                                TribContributorStats  *stats)
{
  g_autofree gint64 *counts = NULL;
  gint64 team = 0, running = 0, top5 = 0;

  g_return_if_fail (contributors != NULL || n_contributors == 0);
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  stats->count = n_contributors;
  if (n_contributors == 0)
    return;

  counts = g_new (gint64, n_contributors);
  for (guint i = 0; i < n_contributors; i++)
    {
      counts[i] = MAX (contributors[i].contributions, 0);
      stats->total += counts[i];
      if (is_team_member (&contributors[i], forge, team_handles))
        team += counts[i];
    }
  if (stats->total == 0)
    return;

  qsort (counts, n_contributors, sizeof *counts, compare_desc);

  for (guint i = 0; i < n_contributors && i < 5; i++)
    top5 += counts[i];

  /* CHAOSS: the smallest number of people who together made at least
   * half of the contributions. */
  for (guint i = 0; i < n_contributors; i++)
    {
      running += counts[i];
      if (2 * running >= stats->total)
        {
          stats->absence_factor = i + 1;
          break;
        }
    }

  stats->top_share = (double) counts[0] / (double) stats->total;
  stats->top5_share = (double) top5 / (double) stats->total;
  stats->team_share = (double) team / (double) stats->total;
}
