/* trib-checks-rules.c: the strategy checks that read only the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function per rule of DESIGN.md "Strategy checks". Each message is one
 * sentence that names the entities; the argument is the guide's reason in
 * one sentence (GUIDE.md §1, §3–6).
 */
#define G_LOG_DOMAIN "trib-checks"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-checks-private.h"
#include "trib-dates.h"
#include "trib-labels.h"
#include "trib-enums.h"

/* Quarters before the horizon whose patch stock the growth rule reads. */
#define HISTORY_QUARTERS 4

/* At most two decimals, none when whole: 1, 1.5, 0.25, 450. */
static char *
format_number (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.' || *end == ',')
    *end = '\0';
  return text;
}

static char *
product_title (TribPlan           *plan,
               TribProductRelease *release)
{
  TribEntity *product = trib_plan_lookup (plan, TRIB_TYPE_PRODUCT,
                                          trib_product_release_get_product_id (release));
  return product ? trib_entity_get_title (product) : g_strdup ("");
}

/* Whether @needle occurs in @haystack as whole words, ignoring case. */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);
  gsize len = strlen (n);
  const char *p = h;

  if (len == 0)
    return FALSE;
  while ((p = strstr (p, n)) != NULL)
    {
      gboolean start = p == h || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean end = p[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + len));
      if (start && end)
        return TRUE;
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

void
_trib_check_product_name (TribCheckContext *ctx)
{
  GListModel *products = trib_plan_get_items (ctx->plan, TRIB_TYPE_PRODUCT);
  GListModel *upstreams = trib_plan_get_items (ctx->plan, TRIB_TYPE_UPSTREAM);
  guint n_products = g_list_model_get_n_items (products);
  guint n_upstreams = g_list_model_get_n_items (upstreams);

  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(TribProduct) product = g_list_model_get_item (products, i);
      const char *name = trib_product_get_name (product);

      for (guint j = 0; j < n_upstreams; j++)
        {
          g_autoptr(TribUpstream) upstream = g_list_model_get_item (upstreams, j);
          TribFinding *f;

          if (!contains_words (name, trib_upstream_get_name (upstream)))
            continue;
          f = _trib_checks_add (ctx, "product-name-contains-upstream", TRIB_SEVERITY_WARNING,
                                _("A product named after its upstream (“Foo Enterprise”) makes the "
                                  "free project look crippled and the product look like little "
                                  "more; give the product its own name and mark."),
                                g_strdup_printf (_("The product “%s” carries the name of the upstream “%s”."),
                                                 name, trib_upstream_get_name (upstream)));
          trib_finding_add_subject (f, TRIB_ENTITY (product));
          trib_finding_add_subject (f, TRIB_ENTITY (upstream));
        }
    }
}

void
_trib_check_trademark (TribCheckContext *ctx)
{
  GListModel *products = trib_plan_get_items (ctx->plan, TRIB_TYPE_PRODUCT);
  guint n = g_list_model_get_n_items (products);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribProduct) product = g_list_model_get_item (products, i);
      TribFinding *f;

      if (trib_product_get_trademark_registered (product))
        continue;
      f = _trib_checks_add (ctx, "trademark-not-registered", TRIB_SEVERITY_WARNING,
                            _("A product’s own name is what customers buy and competitors cannot "
                              "copy only when the mark is registered and defended."),
                            g_strdup_printf (_("The trademark of the product “%s” is not registered."),
                                             trib_product_get_name (product)));
      trib_finding_add_subject (f, TRIB_ENTITY (product));
    }
}

static void
check_scenarios (TribCheckContext *ctx,
                 gboolean          withholds)
{
  GListModel *scenarios = trib_plan_get_items (ctx->plan, TRIB_TYPE_SCENARIO);
  guint n = g_list_model_get_n_items (scenarios);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribScenario) s = g_list_model_get_item (scenarios, i);
      const char *model = trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, trib_scenario_get_model (s));
      TribFinding *f;

      if (withholds && trib_scenario_get_withholds_platform_features (s))
        f = _trib_checks_add (ctx, "withholds-platform-features", TRIB_SEVERITY_WARNING,
                              _("Withholding platform features for paying customers cripples the "
                                "platform, starts a tug-of-war over what stays free and keeps "
                                "outside contributors away."),
                              g_strdup_printf (_("The scenario “%s” (%s) withholds platform features from the open source platform."),
                                               trib_scenario_get_name (s), model));
      else if (!withholds && trib_scenario_get_requires_copyright_assignment (s))
        f = _trib_checks_add (ctx, "copyright-assignment", TRIB_SEVERITY_WARNING,
                              _("Copyright assignment shrinks the contributor base and leaves the "
                                "project with almost no outside contributions."),
                              g_strdup_printf (_("The scenario “%s” (%s) requires contributors to assign their copyright."),
                                               trib_scenario_get_name (s), model));
      else
        continue;
      trib_finding_add_subject (f, TRIB_ENTITY (s));
    }
}

void
_trib_check_withheld_features (TribCheckContext *ctx)
{
  check_scenarios (ctx, TRUE);
}

void
_trib_check_copyright_assignment (TribCheckContext *ctx)
{
  check_scenarios (ctx, FALSE);
}

/* The quarter a date falls in, relative to @base; @fallback without one. */
static int
offset_of_date (const char *base,
                const char *date,
                int         fallback)
{
  g_autofree char *quarter = trib_quarter_from_date (date);
  int n;

  if (quarter == NULL || !trib_quarter_diff (base, quarter, &n))
    return fallback;
  return n;
}

/* The first quarter a patch is no longer carried at its end, relative to
 * @base: G_MAXINT while it stays, G_MININT when it never counted. */
static int
offset_closed (const char *base,
               TribPatch  *p)
{
  const char *date = NULL;

  switch (trib_patch_get_state (p))
    {
    case TRIB_PATCH_STATE_MERGED:
      date = trib_patch_get_merged (p);
      break;
    case TRIB_PATCH_STATE_DROPPED:
      date = trib_entity_get_string (TRIB_ENTITY (p), "dropped");
      break;
    case TRIB_PATCH_STATE_CARRIED:
    case TRIB_PATCH_STATE_PROPOSED:
    default:
      {
        const char *target = trib_entity_get_string (TRIB_ENTITY (p), "target_quarter");
        int n;
        if (target && *target && trib_quarter_diff (base, target, &n))
          return n;
        return G_MAXINT;
      }
    }
  /* Merged or dropped on a day: carried at the end of the quarters before
   * that day's quarter only (a day inside a quarter closes it). */
  return offset_of_date (base, date, G_MININT);
}

void
_trib_check_patches_growing (TribCheckContext *ctx)
{
  GListModel *patches = trib_plan_get_items (ctx->plan, TRIB_TYPE_PATCH);
  g_autoptr(GHashTable) stock = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *base = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_list_model_get_n_items (patches);
  int span;

  /* From four quarters before the horizon to its end; without a horizon,
   * the year up to today's quarter. */
  if (ctx->n_quarters > 0)
    {
      base = trib_quarter_add (ctx->first, -HISTORY_QUARTERS);
      span = HISTORY_QUARTERS + (int) ctx->n_quarters;
    }
  else
    {
      g_autofree char *now = trib_quarter_from_date (ctx->today);
      if (now == NULL)
        return;
      base = trib_quarter_add (now, -HISTORY_QUARTERS);
      span = HISTORY_QUARTERS + 1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribPatch) p = g_list_model_get_item (patches, i);
      gint64 upstream_id = trib_patch_get_upstream_id (p);
      int open = offset_of_date (base, trib_patch_get_created (p), G_MININT);
      int closed = offset_closed (base, p);
      int *row;

      /* Without an opening date the rule cannot tell when it joined. */
      if (open == G_MININT || closed == G_MININT)
        continue;
      row = g_hash_table_lookup (stock, &upstream_id);
      if (row == NULL)
        {
          row = g_new0 (int, span);
          g_hash_table_insert (stock, g_memdup2 (&upstream_id, sizeof upstream_id), row);
        }
      for (int q = MAX (open, 0); q < MIN (closed, span); q++)
        row[q]++;
    }

  g_hash_table_iter_init (&iter, stock);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int *row = value;
      int best_from = -1, best_to = -1;

      /* The longest run of rising quarter ends, at least two rises long. */
      for (int from = 0; from < span; )
        {
          int to = from;
          while (to + 1 < span && row[to + 1] > row[to])
            to++;
          if (to - from >= 2 && to - from > best_to - best_from)
            {
              best_from = from;
              best_to = to;
            }
          from = to + 1;
        }
      if (best_from >= 0)
        {
          TribEntity *upstream = trib_plan_lookup (ctx->plan, TRIB_TYPE_UPSTREAM, *(gint64 *) key);
          g_autofree char *q_from = trib_quarter_add (base, best_from);
          g_autofree char *q_to = trib_quarter_add (base, best_to);
          g_autofree char *name = upstream ? trib_entity_get_title (upstream) : NULL;
          TribFinding *f;

          if (upstream == NULL)
            continue;
          f = _trib_checks_add (ctx, "carried-patches-growing", TRIB_SEVERITY_WARNING,
                                _("A patch carried in a private branch is technical debt that "
                                  "costs more with every upstream release; send fixes upstream "
                                  "instead of carrying them forward."),
                                g_strdup_printf (_("The patches carried on “%s” grow from %d at the end of %s to %d at the end of %s."),
                                                 name, row[best_from], q_from, row[best_to], q_to));
          trib_finding_add_subject (f, upstream);
        }
    }
}

void
_trib_check_patch_cost (TribCheckContext *ctx)
{
  double limit = trib_entity_get_double (TRIB_ENTITY (ctx->info), "check_patch_hours");
  guint n = trib_patch_debt_get_n_quarters (ctx->debt);
  GListModel *upstreams;
  TribEntity *top[3] = { NULL, NULL, NULL };
  double top_hours[3] = { 0, 0, 0 };
  double peak = 0;
  int peak_q = -1;
  TribFinding *f;
  g_autofree char *limit_text = NULL;
  guint n_upstreams;

  for (guint q = 0; q < n; q++)
    {
      double h = trib_patch_debt_get_hours (ctx->debt, TRIB_DEBT_CARRY_FORWARD, q);
      if (h > limit && h > peak)
        {
          peak = h;
          peak_q = (int) q;
        }
    }
  if (peak_q < 0)
    return;

  /* The upstreams that cost most in that quarter are the ones to name. */
  upstreams = trib_plan_get_items (ctx->plan, TRIB_TYPE_UPSTREAM);
  n_upstreams = g_list_model_get_n_items (upstreams);
  for (guint i = 0; i < n_upstreams; i++)
    {
      g_autoptr(TribEntity) u = g_list_model_get_item (upstreams, i);
      double h = trib_patch_debt_get_upstream_hours (ctx->debt, trib_entity_get_id (u), (guint) peak_q);

      for (guint k = 0; k < G_N_ELEMENTS (top); k++)
        if (h > 0 && h > top_hours[k])
          {
            memmove (&top[k + 1], &top[k], (G_N_ELEMENTS (top) - k - 1) * sizeof top[0]);
            memmove (&top_hours[k + 1], &top_hours[k], (G_N_ELEMENTS (top) - k - 1) * sizeof top_hours[0]);
            top[k] = u;
            top_hours[k] = h;
            break;
          }
    }

  f = _trib_checks_add (ctx, "patch-cost-threshold", TRIB_SEVERITY_WARNING,
                        _("Carrying patches forward costs more with every upstream release and "
                          "every year they age; propose them upstream before the cost eats "
                          "the team."),
                        g_strdup_printf (_("Carrying patches costs %.0f hours in %s, more than the %s hours a quarter this plan allows."),
                                         peak, trib_patch_debt_get_quarter (ctx->debt, (guint) peak_q),
                                         (limit_text = format_number (limit))));
  trib_finding_add_subject (f, TRIB_ENTITY (ctx->info));
  for (guint k = 0; k < G_N_ELEMENTS (top) && top[k] != NULL; k++)
    trib_finding_add_subject (f, top[k]);
}

void
_trib_check_only_a_user (TribCheckContext *ctx)
{
  GListModel *upstreams = trib_plan_get_items (ctx->plan, TRIB_TYPE_UPSTREAM);
  int threshold = trib_entity_get_int (TRIB_ENTITY (ctx->info), "check_importance");
  guint n = g_list_model_get_n_items (upstreams);

  if (ctx->n_quarters == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (u));
      const double *row = g_hash_table_lookup (ctx->fte, &id);
      int role = row ? (int) row[ctx->n_quarters] : 0;
      TribDecision decision = trib_upstream_get_decision (u);
      TribFinding *f;
      char *message;

      /* Leaving an upstream or writing our own is a decision this rule
       * does not second-guess. */
      if (trib_upstream_get_importance (u) < threshold
          || decision == TRIB_DECISION_REPLACE || decision == TRIB_DECISION_BUILD_IN_HOUSE
          || role > (int) TRIB_ROLE_USER + 1)
        continue;
      if (role == 0)
        message = g_strdup_printf (_("The upstream “%s” has importance %d but no engineers in any quarter of the plan."),
                                   trib_upstream_get_name (u), trib_upstream_get_importance (u));
      else
        message = g_strdup_printf (_("The upstream “%s” has importance %d but the plan invests in it only as a user."),
                                   trib_upstream_get_name (u), trib_upstream_get_importance (u));
      f = _trib_checks_add (ctx, "only-a-user", TRIB_SEVERITY_WARNING,
                            _("Thinking you are only a user of a project your product depends on "
                              "leaves its direction, and your fixes, to others; turn the "
                              "engineering dial up."),
                            message);
      trib_finding_add_subject (f, TRIB_ENTITY (u));
    }
}

void
_trib_check_investment_jump (TribCheckContext *ctx)
{
  double step = trib_entity_get_double (TRIB_ENTITY (ctx->info), "check_dial_step");
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ctx->fte);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const double *row = value;
      double biggest = 0;
      guint at = 0;
      TribEntity *upstream;
      g_autofree char *name = NULL, *from = NULL, *to = NULL, *q_from = NULL, *q_to = NULL;
      TribFinding *f;

      for (guint q = 1; q < ctx->n_quarters; q++)
        if (row[q] - row[q - 1] > biggest)
          {
            biggest = row[q] - row[q - 1];
            at = q;
          }
      /* A small tolerance: 0.1 + 0.2 must not count as more than 0.3. */
      if (biggest <= step + 1e-9)
        continue;
      upstream = trib_plan_lookup (ctx->plan, TRIB_TYPE_UPSTREAM, *(gint64 *) key);
      if (upstream == NULL)
        continue;
      name = trib_entity_get_title (upstream);
      from = format_number (row[at - 1]);
      to = format_number (row[at]);
      q_from = trib_quarter_add (ctx->first, (int) at - 1);
      q_to = trib_quarter_add (ctx->first, (int) at);
      f = _trib_checks_add (ctx, "investment-jump", TRIB_SEVERITY_WARNING,
                            _("Turn the engineering dial up gradually: learn a project’s prospects "
                              "cheaply, stop if they are poor, and grow once committed."),
                            g_strdup_printf (_("Investment in “%s” jumps from %s to %s engineers between %s and %s."),
                                             name, from, to, q_from, q_to));
      trib_finding_add_subject (f, upstream);
    }
}

static void
check_bases (TribCheckContext *ctx,
             gboolean          before_ga)
{
  GListModel *bases = trib_plan_get_items (ctx->plan, TRIB_TYPE_RELEASE_BASE);
  guint n = g_list_model_get_n_items (bases);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribReleaseBase) base = g_list_model_get_item (bases, i);
      const char *eol = trib_release_base_get_upstream_eol (base);
      TribProductRelease *release;
      TribEntity *upstream;
      const char *ga, *until;
      g_autofree char *product = NULL, *name = NULL;
      TribFinding *f;

      if (eol == NULL || *eol == '\0')
        continue;
      release = TRIB_PRODUCT_RELEASE (trib_plan_lookup (ctx->plan, TRIB_TYPE_PRODUCT_RELEASE,
                                                        trib_release_base_get_release_id (base)));
      upstream = trib_plan_lookup (ctx->plan, TRIB_TYPE_UPSTREAM,
                                   trib_release_base_get_upstream_id (base));
      if (release == NULL || upstream == NULL)
        continue;
      ga = trib_product_release_get_ga (release);
      until = trib_product_release_get_end_of_maintenance (release);
      if (until == NULL || *until == '\0')
        until = trib_product_release_get_end_of_life (release);
      product = product_title (ctx->plan, release);
      name = trib_entity_get_title (upstream);

      if (before_ga && ga && *ga && strcmp (eol, ga) <= 0)
        f = _trib_checks_add (ctx, "base-past-end-of-life", TRIB_SEVERITY_ERROR,
                              _("A product release built on an upstream version nobody maintains "
                                "any more leaves every fix to us alone, from the first day."),
                              g_strdup_printf (_("%s %s is based on %s %s, whose end of life (%s) comes before the release’s general availability (%s)."),
                                               product, trib_product_release_get_version (release),
                                               name, trib_release_base_get_upstream_version (base),
                                               eol, ga));
      else if (!before_ga && !(ga && *ga && strcmp (eol, ga) <= 0)
               && until && *until && strcmp (eol, until) < 0)
        f = _trib_checks_add (ctx, "release-outlives-base", TRIB_SEVERITY_WARNING,
                              _("Once the upstream version a release is based on reaches its end "
                                "of life, every fix for it is ours to write and carry."),
                              g_strdup_printf (_("%s %s is maintained until %s, but %s %s, which it is based on, reaches its end of life on %s."),
                                               product, trib_product_release_get_version (release),
                                               until, name,
                                               trib_release_base_get_upstream_version (base), eol));
      else
        continue;
      trib_finding_add_subject (f, TRIB_ENTITY (release));
      trib_finding_add_subject (f, upstream);
      trib_finding_set_subject_entity (f, TRIB_ENTITY (base));
    }
}

void
_trib_check_base_past_eol (TribCheckContext *ctx)
{
  check_bases (ctx, TRUE);
}

void
_trib_check_release_outlives_base (TribCheckContext *ctx)
{
  check_bases (ctx, FALSE);
}

void
_trib_check_uncertified_promise (TribCheckContext *ctx)
{
  GListModel *certs = trib_plan_get_items (ctx->plan, TRIB_TYPE_CERTIFICATION);
  guint n = g_list_model_get_n_items (certs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribCertification) c = g_list_model_get_item (certs, i);
      TribProductRelease *release;
      g_autofree char *product = NULL;
      g_autofree char *status = NULL;
      const char *ga;
      gboolean shipped;
      TribFinding *f;

      if (!trib_certification_get_promised (c)
          || trib_certification_get_status (c) == TRIB_CERT_STATUS_CERTIFIED)
        continue;
      release = TRIB_PRODUCT_RELEASE (trib_plan_lookup (ctx->plan, TRIB_TYPE_PRODUCT_RELEASE,
                                                        trib_certification_get_release_id (c)));
      if (release == NULL)
        continue;
      ga = trib_product_release_get_ga (release);
      shipped = ga && *ga && strcmp (ga, ctx->today) <= 0;
      product = product_title (ctx->plan, release);
      status = g_utf8_strdown (trib_enum_get_label (TRIB_TYPE_CERT_STATUS,
                                                    trib_certification_get_status (c)), -1);
      /* Before general availability there is still time: a warning. */
      f = _trib_checks_add (ctx, "promised-target-uncertified",
                            shipped ? TRIB_SEVERITY_ERROR : TRIB_SEVERITY_WARNING,
                            _("Certification against the environments customers run is what they "
                              "pay the product for; a promise the matrix does not keep is a "
                              "broken product."),
                            shipped
                            ? g_strdup_printf (_("%s %s has shipped promising “%s”, whose certification is %s."),
                                               product, trib_product_release_get_version (release),
                                               trib_certification_get_target (c), status)
                            : g_strdup_printf (_("%s %s promises “%s”, whose certification is %s."),
                                               product, trib_product_release_get_version (release),
                                               trib_certification_get_target (c), status));
      trib_finding_add_subject (f, TRIB_ENTITY (c));
      trib_finding_add_subject (f, TRIB_ENTITY (release));
    }
}
