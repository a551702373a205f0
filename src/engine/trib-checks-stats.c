/* trib-checks-stats.c: the strategy checks that read statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These rules judge an upstream by its latest statistics snapshot, and say
 * nothing about an upstream without one: no statistics, no finding.
 */
#define G_LOG_DOMAIN "trib-checks"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-checks-private.h"
#include "trib-health.h"
#include "trib-health-plan.h"

static gint64
unix_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  if (strlen (text) == 10)
    text = full = g_strconcat (text, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt ? g_date_time_to_unix (dt) : 0;
}

/* The health score of one snapshot, with the plan's weights. */
static TribHealth *
health_of (TribCheckContext  *ctx,
           TribStatsSnapshot *s)
{
  return trib_health_of_snapshot (ctx->plan, s);
}

static char *
day_of (const char *taken_at)
{
  return g_strndup (taken_at ? taken_at : "", 10);
}

void
_trib_check_health_falling (TribCheckContext *ctx)
{
  GListModel *upstreams = trib_plan_get_items (ctx->plan, TRIB_TYPE_UPSTREAM);
  int drop = trib_entity_get_int (TRIB_ENTITY (ctx->info), "check_health_drop");
  int important = trib_entity_get_int (TRIB_ENTITY (ctx->info), "check_importance");
  guint n = g_list_model_get_n_items (upstreams);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      TribStatsSnapshot *previous = NULL, *latest;
      g_autoptr(TribHealth) now = NULL, before = NULL;
      g_autofree char *day_before = NULL, *day_now = NULL;
      TribFinding *f;

      /* DESIGN.md: an upstream of high importance whose health is falling. */
      if (trib_upstream_get_importance (u) < important)
        continue;
      latest = _trib_checks_latest_snapshot (ctx, u, &previous);
      if (latest == NULL || previous == NULL)
        continue;
      now = health_of (ctx, latest);
      before = health_of (ctx, previous);
      if (before->score - now->score < drop)
        continue;
      day_before = day_of (trib_stats_snapshot_get_taken_at (previous));
      day_now = day_of (trib_stats_snapshot_get_taken_at (latest));
      f = _trib_checks_add (ctx, "health-falling", TRIB_SEVERITY_WARNING,
                            _("Be ready to switch a component out when its community moves on: "
                              "a falling score is the time to look, not the day it is archived."),
                            g_strdup_printf (_("The health of “%s” fell from %d to %d between %s and %s."),
                                             trib_upstream_get_name (u), before->score, now->score,
                                             day_before, day_now));
      trib_finding_add_subject (f, TRIB_ENTITY (u));
    }
}

void
_trib_check_not_invented_here (TribCheckContext *ctx)
{
  GListModel *upstreams = trib_plan_get_items (ctx->plan, TRIB_TYPE_UPSTREAM);
  int healthy = trib_entity_get_int (TRIB_ENTITY (ctx->info), "check_healthy_score");
  guint n = g_list_model_get_n_items (upstreams);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      TribStatsSnapshot *latest;
      g_autoptr(TribHealth) health = NULL;
      TribFinding *f;

      if (trib_upstream_get_decision (u) != TRIB_DECISION_BUILD_IN_HOUSE)
        continue;
      latest = _trib_checks_latest_snapshot (ctx, u, NULL);
      if (latest == NULL)
        continue;
      health = health_of (ctx, latest);
      if (health->score < healthy)
        continue;
      f = _trib_checks_add (ctx, "not-invented-here", TRIB_SEVERITY_WARNING,
                            _("Writing your own infrastructure where a healthy community already "
                              "builds it pays for all of the work and gets none of the scale."),
                            g_strdup_printf (_("The plan builds “%s” in-house although the upstream scores %d for health."),
                                             trib_upstream_get_name (u), health->score));
      trib_finding_add_subject (f, TRIB_ENTITY (u));
    }
}

/* The releases that still depend on @upstream_id: a base refers to it and
 * the release has not reached its end of life. */
static GPtrArray *
live_releases (TribCheckContext *ctx,
               gint64            upstream_id)
{
  GPtrArray *bases = g_hash_table_lookup (ctx->bases, &upstream_id);
  GPtrArray *releases = g_ptr_array_new ();

  for (guint i = 0; bases && i < bases->len; i++)
    {
      TribReleaseBase *base = g_ptr_array_index (bases, i);
      TribEntity *release = trib_plan_lookup (ctx->plan, TRIB_TYPE_PRODUCT_RELEASE,
                                              trib_release_base_get_release_id (base));
      const char *eol;

      if (release == NULL || g_ptr_array_find (releases, release, NULL))
        continue;
      eol = trib_product_release_get_end_of_life (TRIB_PRODUCT_RELEASE (release));
      if (eol && *eol && strcmp (eol, ctx->today) < 0)
        continue;
      g_ptr_array_add (releases, release);
    }
  return releases;
}

static char *
release_names (TribCheckContext *ctx,
               GPtrArray        *releases)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < releases->len; i++)
    {
      TribProductRelease *r = g_ptr_array_index (releases, i);
      TribEntity *product = trib_plan_lookup (ctx->plan, TRIB_TYPE_PRODUCT,
                                              trib_product_release_get_product_id (r));
      g_autofree char *title = product ? trib_entity_get_title (product) : g_strdup ("");

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "%s %s", title, trib_product_release_get_version (r));
    }
  return g_string_free (names, FALSE);
}

static void
check_release_dependencies (TribCheckContext *ctx,
                            gboolean          archived)
{
  GHashTableIter iter;
  gpointer key, value;
  int inactive_days = trib_entity_get_int (TRIB_ENTITY (ctx->info), "check_inactive_days");

  g_hash_table_iter_init (&iter, ctx->bases);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TribEntity *upstream = trib_plan_lookup (ctx->plan, TRIB_TYPE_UPSTREAM, *(gint64 *) key);
      g_autoptr(GPtrArray) releases = NULL;
      g_autofree char *names = NULL, *name = NULL;
      TribStatsSnapshot *latest;
      TribFinding *f;
      gint64 days = 0;

      if (upstream == NULL)
        continue;
      latest = _trib_checks_latest_snapshot (ctx, TRIB_UPSTREAM (upstream), NULL);
      if (latest == NULL)
        continue;
      if (archived != trib_stats_snapshot_get_archived (latest))
        continue;
      if (!archived)
        {
          gint64 push = unix_time (trib_stats_snapshot_get_last_push (latest));
          gint64 taken = unix_time (trib_stats_snapshot_get_taken_at (latest));
          if (push == 0 || taken == 0)
            continue;
          days = (taken - push) / (24 * 3600);
          if (days < inactive_days)
            continue;
        }
      releases = live_releases (ctx, *(gint64 *) key);
      if (releases->len == 0)
        continue;
      names = release_names (ctx, releases);
      name = trib_entity_get_title (upstream);
      if (archived)
        f = _trib_checks_add (ctx, "archived-upstream-in-release", TRIB_SEVERITY_ERROR,
                              _("An archived project takes no fixes any more: every release "
                                "still built on it needs a replacement or an owner."),
                              g_strdup_printf (_("“%s” is archived, but %s still depends on it."),
                                               name, names));
      else
        f = _trib_checks_add (ctx, "inactive-upstream-in-release", TRIB_SEVERITY_WARNING,
                              _("A component whose community has moved on must be switched out or "
                                "taken over before customers depend on it for years."),
                              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "“%s” has had no push for %d day, but %s still depends on it.",
                                                            "“%s” has had no push for %d days, but %s still depends on it.",
                                                            (gulong) days),
                                               name, (int) days, names));
      trib_finding_add_subject (f, upstream);
      for (guint i = 0; i < releases->len; i++)
        trib_finding_add_subject (f, g_ptr_array_index (releases, i));
    }
}

void
_trib_check_archived_in_release (TribCheckContext *ctx)
{
  check_release_dependencies (ctx, TRUE);
}

void
_trib_check_inactive_in_release (TribCheckContext *ctx)
{
  check_release_dependencies (ctx, FALSE);
}
