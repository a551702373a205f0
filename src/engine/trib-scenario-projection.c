/* trib-scenario-projection.c: a business-model scenario, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The twelve steps of the scenario model, for t = 1…H from U0 = users0,
 * C0 = 0, ARR0 = 0, Cons0 = consultants0, P0 (the starting patch stock)
 * and Cash0 = 0; percentages are fractions:
 *
 *  1. Ut = Ut−1 · (1 + user_growth)
 *  2. Newt = max (0, conversion · Ut − logo_retention · Ct−1);
 *     Ct = logo_retention · Ct−1 + Newt
 *  3. ARRt = net_retention · ARRt−1 + arpc · Newt
 *  4. services revenue: Svct = ARRt · s / (1 − s), s = services_share;
 *     services model: Const = Const−1 · (1 + consultant_growth),
 *     Svct = Const · hours_per_year · max (0, utilization − Maintt / Const)
 *     · bill_rate (patch upkeep eats billable hours)
 *  5. Revt = ARRt + Svct
 *  6. COGSt = ARRt · (1 − gm_subscription) + Svct · (1 − gm_services)
 *  7. Kt = platform_fte · (1 + platform_growth)^t; Ownt = Kt · (1 −
 *     external_share); Commt = Kt · external_share
 *  8. Pt = Pt−1 + (1 − upstreamed_share) · changes_per_fte · Ownt
 *     (services model: Const in place of Ownt)
 *  9. Maintt = rebases_per_year · Pt · hours_per_patch · (1 + patch_drift)^(t−1)
 *     / hours_per_year
 * 10. RDt = (Ownt + own_only_fte + Maintt) · engineer_cost
 *     (services model: own_only_fte · engineer_cost)
 * 11. CAC = arpc · gm_subscription · cac_payback / 12; SMt = CAC · Newt
 * 12. Opt = Revt − COGSt − RDt − SMt − ga_share · Revt; Casht = Casht−1 + Opt
 *
 * For the services model, steps 8 and 9 come before step 4. The break-even
 * year is the first whose Opt, to the cent, is 0 or more. Growth factors
 * are multiplied up year by year rather than taken from pow(), so that
 * every machine computes the same doubles and the figures agree to the
 * cent.
 */
#define G_LOG_DOMAIN "trib-engine"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-engine-error.h"
#include "trib-scenario-projection.h"

#define V(key) (inputs->values[TRIB_ASSUMPTION_##key])

/**
 * trib_scenario_inputs_init_defaults:
 * @inputs: (out caller-allocates): inputs to fill in
 * @formulas: a model other than %TRIB_BUSINESS_MODEL_CUSTOM
 * @years: the horizon, 3–10
 *
 * Fills @inputs with the defaults of @formulas and a patch stock of 0.
 */
void
trib_scenario_inputs_init_defaults (TribScenarioInputs *inputs,
                                    TribBusinessModel   formulas,
                                    int                 years)
{
  g_return_if_fail (inputs != NULL);
  g_return_if_fail (formulas < TRIB_BUSINESS_MODEL_CUSTOM);

  inputs->formulas = formulas;
  inputs->years = years;
  inputs->p0 = 0;
  for (guint i = 0; i < TRIB_N_ASSUMPTIONS; i++)
    inputs->values[i] = trib_assumption_get_default (i, formulas);
}

/**
 * trib_scenario_inputs_check:
 * @inputs: filled-in inputs
 * @error: return location for a #TRIB_ENGINE_ERROR_INVALID naming the
 *   first input out of its range
 *
 * Returns: whether every input lies in its range
 */
gboolean
trib_scenario_inputs_check (const TribScenarioInputs *inputs,
                            GError                  **error)
{
  g_return_val_if_fail (inputs != NULL, FALSE);

  if (inputs->formulas >= TRIB_BUSINESS_MODEL_CUSTOM)
    {
      g_set_error_literal (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                           _("A custom scenario needs a base model to compute with."));
      return FALSE;
    }
  if (inputs->years < TRIB_SCENARIO_MIN_YEARS || inputs->years > TRIB_SCENARIO_MAX_YEARS)
    {
      g_set_error (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                   _("years: expected %d to %d, not %d"),
                   TRIB_SCENARIO_MIN_YEARS, TRIB_SCENARIO_MAX_YEARS, inputs->years);
      return FALSE;
    }
  if (!isfinite (inputs->p0) || inputs->p0 < 0)
    {
      g_set_error_literal (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                           _("p0: the starting patch stock must be 0 or more"));
      return FALSE;
    }
  for (guint i = 0; i < TRIB_N_ASSUMPTIONS; i++)
    {
      g_autofree char *message = NULL;

      if (!trib_assumption_check (i, inputs->formulas, inputs->values[i], &message))
        {
          g_set_error (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                       "assumptions.%s: %s", trib_assumption_get_info (i)->key, message);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * trib_scenario_plan_patch_stock:
 * @plan: a plan
 *
 * The plan's carried patches, which seed a scenario's starting patch stock
 * P0 unless it sets its own: every patch still in our branch, that is
 * carried or proposed upstream but not yet merged (merged and dropped
 * patches cost no more rebases).
 *
 * Returns: the number of those patches
 */
double
trib_scenario_plan_patch_stock (TribPlan *plan)
{
  GListModel *patches;
  guint n, count = 0;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), 0);

  patches = trib_plan_get_items (plan, TRIB_TYPE_PATCH);
  n = g_list_model_get_n_items (patches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribPatch) patch = g_list_model_get_item (patches, i);
      TribPatchState state = trib_patch_get_state (patch);

      if (state == TRIB_PATCH_STATE_CARRIED || state == TRIB_PATCH_STATE_PROPOSED)
        count++;
    }
  return count;
}

/**
 * trib_scenario_inputs_from_scenario:
 * @inputs: (out caller-allocates): inputs to fill in
 * @scenario: a scenario
 * @plan: (nullable): the plan it belongs to, for the engineer-year cost and
 *   the carried patches
 * @error: return location for an error naming an input out of range
 *
 * What the projection of @scenario computes from: its model's defaults
 * (the plan's engineer-year cost for engineer_cost), overridden by every
 * assumption the scenario stores; P0 from the plan's carried patches or
 * the scenario's own number.
 *
 * Returns: whether every input is within its range
 */
gboolean
trib_scenario_inputs_from_scenario (TribScenarioInputs *inputs,
                                    TribScenario       *scenario,
                                    TribPlan           *plan,
                                    GError            **error)
{
  GVariant *assumptions;

  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (TRIB_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (plan == NULL || TRIB_IS_PLAN (plan), FALSE);

  trib_scenario_inputs_init_defaults (inputs, trib_scenario_get_formulas (scenario),
                                      trib_scenario_get_years (scenario));
  if (plan != NULL)
    inputs->values[TRIB_ASSUMPTION_ENGINEER_COST] =
      trib_plan_info_get_engineer_year_cost (trib_plan_get_info (plan));

  assumptions = trib_scenario_get_assumptions (scenario);
  if (assumptions != NULL)
    {
      GVariantIter iter;
      const char *key;
      double value;

      g_variant_iter_init (&iter, assumptions);
      while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
        {
          int a = trib_assumption_from_key (key);

          if (a < 0)
            {
              g_set_error (error, TRIB_ENGINE_ERROR, TRIB_ENGINE_ERROR_INVALID,
                           _("assumptions.%s: not an assumption of the scenario model"), key);
              return FALSE;
            }
          inputs->values[a] = value;
        }
    }

  if (trib_scenario_get_p0_from_plan (scenario))
    inputs->p0 = plan != NULL ? trib_scenario_plan_patch_stock (plan) : 0;
  else
    inputs->p0 = trib_scenario_get_p0 (scenario);

  return trib_scenario_inputs_check (inputs, error);
}

static double
to_cents (double value)
{
  return round (value * 100) / 100;
}

/**
 * trib_scenario_project:
 * @inputs: inputs within their ranges (see trib_scenario_inputs_check())
 * @projection: (out caller-allocates): the projection
 *
 * Projects @inputs over their horizon, year by year.
 */
void
trib_scenario_project (const TribScenarioInputs *inputs,
                       TribProjection           *projection)
{
  gboolean services;
  double users, customers = 0, arr = 0, consultants, stock, cash = 0;
  double need, drift = 1, cac;
  int years;

  g_return_if_fail (inputs != NULL && projection != NULL);
  g_return_if_fail (inputs->formulas < TRIB_BUSINESS_MODEL_CUSTOM);

  years = CLAMP (inputs->years, TRIB_SCENARIO_MIN_YEARS, TRIB_SCENARIO_MAX_YEARS);
  services = inputs->formulas == TRIB_BUSINESS_MODEL_SERVICES;
  users = V (USERS0);
  consultants = V (CONSULTANTS0);
  stock = inputs->p0;
  need = V (PLATFORM_FTE);
  cac = V (ARPC) * V (GM_SUBSCRIPTION) * V (CAC_PAYBACK) / 12;

  memset (projection, 0, sizeof *projection);
  projection->n_years = years;

  for (int t = 1; t <= years; t++)
    {
      TribScenarioYear *y = &projection->years[t - 1];
      double new_customers, own, community, carriers, maint, svc, rev, cogs, rd, sm, ga, op;

      /* 1–3: users, customers, recurring revenue */
      users *= 1 + V (USER_GROWTH);
      new_customers = MAX (0, V (CONVERSION) * users - V (LOGO_RETENTION) * customers);
      customers = V (LOGO_RETENTION) * customers + new_customers;
      arr = V (NET_RETENTION) * arr + V (ARPC) * new_customers;

      /* 7: engineering need, K_t = platform_fte · (1 + platform_growth)^t */
      need *= 1 + V (PLATFORM_GROWTH);
      own = need * (1 - V (EXTERNAL_SHARE));
      community = need * V (EXTERNAL_SHARE);

      /* 8–9: carried patches and their upkeep; the services model's
       * consultants write the changes */
      if (services)
        consultants *= 1 + V (CONSULTANT_GROWTH);
      carriers = services ? consultants : own;
      stock += (1 - V (UPSTREAMED_SHARE)) * V (CHANGES_PER_FTE) * carriers;
      maint = V (REBASES_PER_YEAR) * stock * V (HOURS_PER_PATCH) * drift / V (HOURS_PER_YEAR);
      drift *= 1 + V (PATCH_DRIFT);

      /* 4: services revenue; patch upkeep eats a services firm's billable hours */
      if (services)
        {
          double utilization = consultants > 0
                               ? MAX (0, V (UTILIZATION) - maint / consultants) : 0;
          svc = consultants * V (HOURS_PER_YEAR) * utilization * V (BILL_RATE);
        }
      else
        {
          double s = V (SERVICES_SHARE);
          svc = arr * s / (1 - s);
        }

      /* 5–6, 10–12 */
      rev = arr + svc;
      cogs = arr * (1 - V (GM_SUBSCRIPTION)) + svc * (1 - V (GM_SERVICES));
      y->paid_fte = services ? V (OWN_ONLY_FTE) : own + V (OWN_ONLY_FTE) + maint;
      rd = y->paid_fte * V (ENGINEER_COST);
      sm = cac * new_customers;
      ga = V (GA_SHARE) * rev;
      op = rev - cogs - rd - sm - ga;
      cash += op;

      y->year = t;
      y->users = users;
      y->new_customers = new_customers;
      y->customers = customers;
      y->arr = arr;
      y->services_revenue = svc;
      y->revenue = rev;
      y->cogs = cogs;
      y->gross_margin = rev > 0 ? (rev - cogs) / rev : 0;
      y->rd = rd;
      y->sm = sm;
      y->ga = ga;
      y->operating_result = op;
      y->cash = cash;
      y->consultants = services ? consultants : 0;
      y->patch_stock = stock;
      y->maintenance_fte = maint;
      y->own_fte = own;
      y->community_fte = community;
      if (services)
        y->upkeep_share = consultants > 0 ? MIN (1, maint / consultants) : 0;
      else
        y->upkeep_share = y->paid_fte > 0 ? maint / y->paid_fte : 0;

      projection->total_revenue += rev;
      if (projection->break_even_year == 0 && to_cents (op) >= 0)
        projection->break_even_year = t;
    }
  projection->total_operating_result = cash;
}

static double
final_cash (const TribScenarioInputs *inputs)
{
  TribProjection projection;

  trib_scenario_project (inputs, &projection);
  return projection.years[projection.n_years - 1].cash;
}

static int
compare_swing (const void *a,
               const void *b)
{
  const TribSensitivity *x = a, *y = b;
  double sx = MAX (fabs (x->low_delta), fabs (x->high_delta));
  double sy = MAX (fabs (y->low_delta), fabs (y->high_delta));

  if (sx != sy)
    return sx < sy ? 1 : -1;
  return (int) x->assumption - (int) y->assumption;
}

/**
 * trib_scenario_sensitivity:
 * @inputs: inputs within their ranges
 * @items: (out caller-allocates) (array fixed-size=TRIB_N_ASSUMPTIONS): the
 *   sensitivity of each assumption
 *
 * Moves each assumption the model computes with to the low and the high
 * end of its range, one at a time, and records the change in year-H
 * cumulative cash. An assumption without a stated range moves by
 * %TRIB_ASSUMPTION_UNSTATED_SWING of its value, within its limits; one
 * whose range is a single value (a services firm's services share) is left
 * out.
 *
 * Returns: the number of items filled in, largest swing first
 */
guint
trib_scenario_sensitivity (const TribScenarioInputs *inputs,
                           TribSensitivity          *items)
{
  TribScenarioInputs moved;
  double base;
  guint n = 0;

  g_return_val_if_fail (inputs != NULL && items != NULL, 0);

  base = final_cash (inputs);
  moved = *inputs;
  for (guint i = 0; i < TRIB_N_ASSUMPTIONS; i++)
    {
      const TribAssumptionInfo *info = trib_assumption_get_info (i);
      double value = inputs->values[i], lo, hi;
      TribSensitivity *item;

      if (!trib_assumption_is_used (i, inputs->formulas))
        continue;
      trib_assumption_get_range (i, inputs->formulas, &lo, &hi);
      if (!(info->flags & TRIB_ASSUMPTION_STATED_RANGE))
        {
          double a = value * (1 - TRIB_ASSUMPTION_UNSTATED_SWING);
          double b = value * (1 + TRIB_ASSUMPTION_UNSTATED_SWING);

          lo = MAX (lo, MIN (a, b));
          hi = MIN (hi, MAX (a, b));
        }
      if (!(lo < hi))
        continue;

      item = &items[n++];
      item->assumption = i;
      item->value = value;
      item->low_value = lo;
      item->high_value = hi;
      moved.values[i] = lo;
      item->low_delta = final_cash (&moved) - base;
      moved.values[i] = hi;
      item->high_delta = final_cash (&moved) - base;
      moved.values[i] = value;
    }
  qsort (items, n, sizeof *items, compare_swing);
  return n;
}
