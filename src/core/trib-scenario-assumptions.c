/* trib-scenario-assumptions.c: the assumptions of a business-model scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Defaults, ranges and sources are SCENARIOS.md's table. Where the table
 * gives no range ("user input", "plan setting", "est.") the limits below
 * only keep a value meaningful (no negative head counts, no working year
 * of a few hours); sensitivity then moves such an assumption by
 * TRIB_ASSUMPTION_UNSTATED_SWING of its value instead of to its limits.
 */
#define G_LOG_DOMAIN "trib-scenario"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-scenario-assumptions.h"

#define EST TRIB_ASSUMPTION_ESTIMATE
#define STATED TRIB_ASSUMPTION_STATED_RANGE
#define SV_ONLY TRIB_ASSUMPTION_SERVICES_ONLY
#define PLAN TRIB_ASSUMPTION_PLAN_SETTING

#define MARKET TRIB_ASSUMPTION_GROUP_MARKET
#define REVENUE TRIB_ASSUMPTION_GROUP_REVENUE
#define COSTS TRIB_ASSUMPTION_GROUP_COSTS
#define ENGINEERING TRIB_ASSUMPTION_GROUP_ENGINEERING
#define PATCHES TRIB_ASSUMPTION_GROUP_PATCHES

#define COUNT TRIB_ASSUMPTION_UNIT_COUNT
#define PERCENT TRIB_ASSUMPTION_UNIT_PERCENT
#define CURRENCY TRIB_ASSUMPTION_UNIT_CURRENCY
#define FTE TRIB_ASSUMPTION_UNIT_FTE
#define HOURS TRIB_ASSUMPTION_UNIT_HOURS
#define MONTHS TRIB_ASSUMPTION_UNIT_MONTHS
#define PER_YEAR TRIB_ASSUMPTION_UNIT_PER_YEAR

/* Defaults in the order of TribBusinessModel: OC, HY, CP, SV, FS. A model
 * that does not compute with an assumption ("–" in the table) carries the
 * services model's value, so that a switch to it starts somewhere sane. */
static const TribAssumptionInfo infos[TRIB_N_ASSUMPTIONS] = {
  [TRIB_ASSUMPTION_USERS0] = { "users0", N_("Active users at start"),
    N_("Active users or organisations at the start"), MARKET, COUNT, 0,
    { 50000, 50000, 50000, 50000, 50000 }, 0, 1e10,
    N_("Your own market: users or organisations running the open source project today. "
       "No public figure exists: 50,000 only starts the projection; enter your own count.") },
  [TRIB_ASSUMPTION_USER_GROWTH] = { "user_growth", N_("User growth"), N_("Active-user growth per year"), MARKET, PERCENT,
    EST | STATED, { 0.25, 0.40, 0.40, 0.30, 0.50 }, 0.10, 0.80,
    N_("Estimate: a crippled core slows adoption, an open platform and a free tier speed it "
       "up.") },
  [TRIB_ASSUMPTION_CONVERSION] = { "conversion", N_("Conversion"), N_("Paying customers as a share of active users"),
    MARKET, PERCENT, STATED, { 0.005, 0.004, 0.003, 0.0005, 0.03 }, 0.0005, 0.01,
    N_("MySQL reported about 1 paying customer per 1,000 users; analyses of open-core firms "
       "put most under 0.1% and few at 1%; freemium SaaS converts about 2–5%.") },
  [TRIB_ASSUMPTION_LOGO_RETENTION] = { "logo_retention", N_("Customer retention"), N_("Customers kept per year"), MARKET, PERCENT,
    STATED, { 0.88, 0.90, 0.92, 0.75, 0.80 }, 0.70, 0.98,
    N_("Red Hat reported subscription renewals above 90%.") },
  [TRIB_ASSUMPTION_ARPC] = { "arpc", N_("Revenue per new customer"),
    N_("Subscription revenue per new customer per year"), REVENUE, CURRENCY, STATED,
    { 40000, 40000, 50000, 0, 2000 }, 600, 165000,
    N_("Public open source vendors' revenue divided by customer count ranges from about 38k "
       "(MongoDB) to 61k (Elastic) to 165k (Confluent); self-serve tiers 50–249 a month.") },
  [TRIB_ASSUMPTION_NET_RETENTION] = { "net_retention", N_("Net revenue retention"),
    N_("Last year's recurring revenue kept and expanded"), REVENUE, PERCENT, STATED,
    { 1.12, 1.12, 1.15, 1.00, 1.05 }, 1.00, 1.30,
    N_("Red Hat reported top renewals at about 120% of value; open source vendors report net "
       "retention of 112–131%.") },
  [TRIB_ASSUMPTION_SERVICES_SHARE] = { "services_share", N_("Services share"), N_("Services share of revenue"), REVENUE, PERCENT,
    STATED, { 0.05, 0.08, 0.12, 1.00, 0.02 }, 0.03, 0.15,
    N_("Subscription vendors sell some training and consulting beside the subscription; a "
       "services firm earns everything from services.") },
  [TRIB_ASSUMPTION_CONSULTANTS0] = { "consultants0", N_("Consultants at start"), N_("Consultants at the start"), REVENUE, COUNT,
    SV_ONLY, { 0, 0, 0, 20, 0 }, 0, 1e6,
    N_("Your own firm: the consultants on staff today.") },
  [TRIB_ASSUMPTION_UTILIZATION] = { "utilization", N_("Utilisation"), N_("Billable share of consultant hours"), REVENUE,
    PERCENT, SV_ONLY | STATED, { 0.70, 0.70, 0.70, 0.70, 0.70 }, 0.65, 0.80,
    N_("Professional services firms average about 69% utilisation.") },
  [TRIB_ASSUMPTION_BILL_RATE] = { "bill_rate", N_("Bill rate"), N_("Revenue per billable hour"), REVENUE, CURRENCY, SV_ONLY,
    { 150, 150, 150, 150, 150 }, 0, 100000,
    N_("Your own rate card: 150 an hour only starts the projection; enter your own rate.") },
  [TRIB_ASSUMPTION_CONSULTANT_GROWTH] = { "consultant_growth", N_("Consultant growth"),
    N_("Consultant headcount growth per year, net of attrition"), REVENUE, PERCENT,
    SV_ONLY | EST, { 0.15, 0.15, 0.15, 0.15, 0.15 }, -0.50, 1.00,
    N_("Estimate: limited by how fast you can hire and keep consultants.") },
  [TRIB_ASSUMPTION_GM_SUBSCRIPTION] = { "gm_subscription", N_("Subscription gross margin"), N_("Subscription gross margin"), COSTS,
    PERCENT, STATED, { 0.87, 0.85, 0.90, 0, 0.72 }, 0.70, 0.92,
    N_("Red Hat's gross margin was about 85%; public open-core and SaaS-heavy vendors report "
       "71–90%.") },
  [TRIB_ASSUMPTION_GM_SERVICES] = { "gm_services", N_("Services gross margin"), N_("Services gross margin"), COSTS, PERCENT,
    STATED, { 0.30, 0.30, 0.30, 0.30, 0.30 }, -0.10, 0.36,
    N_("Red Hat's services margin was about 31%; professional services average about 36% "
       "project margin.") },
  [TRIB_ASSUMPTION_ENGINEER_COST] = { "engineer_cost", N_("Engineer-year cost"), N_("Loaded cost of one engineer-year"), COSTS,
    CURRENCY, PLAN, { 200000, 200000, 200000, 200000, 200000 }, 1000, 10000000,
    N_("The plan's cost of an engineer-year, unless this scenario sets its own.") },
  [TRIB_ASSUMPTION_CAC_PAYBACK] = { "cac_payback", N_("Customer acquisition payback"),
    N_("Months of gross profit it costs to win a customer"), COSTS, MONTHS, STATED,
    { 18, 18, 18, 18, 18 }, 6, 36,
    N_("A starting point: sales and marketing spend on a new customer is paid back by its "
       "gross profit in 18 months; calibrate with your own sales costs.") },
  [TRIB_ASSUMPTION_GA_SHARE] = { "ga_share", N_("General and administrative"),
    N_("General and administrative cost as a share of revenue"), COSTS, PERCENT, STATED,
    { 0.12, 0.12, 0.12, 0.12, 0.12 }, 0.08, 0.20,
    N_("A starting point for a software vendor; calibrate with your own overhead.") },
  [TRIB_ASSUMPTION_PLATFORM_FTE] = { "platform_fte", N_("Platform engineering"),
    N_("Engineering the platform needs, all contributors together"), ENGINEERING, FTE, EST,
    { 40, 40, 40, 0, 40 }, 0, 100000,
    N_("Estimate: the engineering the open source platform needs, whoever does it.") },
  [TRIB_ASSUMPTION_PLATFORM_GROWTH] = { "platform_growth", N_("Platform growth"), N_("Yearly growth of the platform's need"),
    ENGINEERING, PERCENT, EST, { 0.15, 0.15, 0.15, 0, 0.15 }, 0, 1,
    N_("Estimate: the platform grows with its users and features.") },
  [TRIB_ASSUMPTION_OWN_ONLY_FTE] = { "own_only_fte", N_("Engineering only we pay for"),
    N_("Add-ons, certification and QA, SaaS operations"), ENGINEERING, FTE, EST,
    { 15, 15, 15, 2, 20 }, 0, 100000,
    N_("Estimate: the product is not the code; QA, certification and operations stay ours.") },
  [TRIB_ASSUMPTION_EXTERNAL_SHARE] = { "external_share", N_("Outside contributions"),
    N_("Share of platform engineering done by others"), ENGINEERING, PERCENT, STATED,
    { 0.05, 0.40, 0.65, 0.90, 0.10 }, 0, 0.93,
    N_("Vendor-controlled projects (MySQL, Elasticsearch) were nearly all in-house; after "
       "Kubernetes moved to a foundation, its founding vendors' share fell from 83% to 35% of "
       "contributions.") },
  [TRIB_ASSUMPTION_HOURS_PER_YEAR] = { "hours_per_year", N_("Working hours a year"), N_("Working hours of one FTE"), ENGINEERING,
    HOURS, 0, { 1800, 1800, 1800, 1800, 1800 }, 1000, 3000,
    N_("About 225 working days of 8 hours.") },
  [TRIB_ASSUMPTION_UPSTREAMED_SHARE] = { "upstreamed_share", N_("Changes merged upstream"),
    N_("Share of our changes merged upstream within a year"), PATCHES, PERCENT, STATED,
    { 0.95, 0.80, 0.95, 0.50, 0.80 }, 0.30, 0.99,
    N_("Upstream-first vendors merge nearly every change; customer-specific services work "
       "stays downstream far more often.") },
  [TRIB_ASSUMPTION_CHANGES_PER_FTE] = { "changes_per_fte", N_("Changes per engineer"),
    N_("Changes per platform engineer (services: consultant) per year"), PATCHES, PER_YEAR,
    EST | STATED, { 30, 30, 30, 5, 30 }, 5, 100,
    N_("Estimate: calibrate with your own commit history.") },
  [TRIB_ASSUMPTION_REBASES_PER_YEAR] = { "rebases_per_year", N_("Rebases a year"),
    N_("Upstream releases we rebase onto per year"), PATCHES, PER_YEAR, STATED,
    { 4, 4, 5, 5, 4 }, 2, 5.5,
    N_("Linux releases about every 9–10 weeks, Kubernetes about every 15 weeks, OpenStack "
       "every 6 months.") },
  [TRIB_ASSUMPTION_HOURS_PER_PATCH] = { "hours_per_patch", N_("Hours per patch"),
    N_("Hours to carry one patch through one rebase, year 1"), PATCHES, HOURS, EST | STATED,
    { 4, 4, 4, 4, 4 }, 1, 16,
    N_("Estimate: no public per-patch figure exists; every downstream patch must be "
       "forward-ported, resolved and re-validated at each release.") },
  [TRIB_ASSUMPTION_PATCH_DRIFT] = { "patch_drift", N_("Patch drift"), N_("Yearly growth of that cost as patches age"),
    PATCHES, PERCENT, EST | STATED, { 0.15, 0.15, 0.15, 0.15, 0.15 }, 0.05, 0.40,
    N_("Estimate: merge conflicts rise much faster than the number of changes.") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (infos) == TRIB_N_ASSUMPTIONS);

/**
 * trib_assumption_get_info:
 * @assumption: an assumption
 *
 * Returns: (transfer none): its key, unit, group, defaults and source
 */
const TribAssumptionInfo *
trib_assumption_get_info (TribAssumption assumption)
{
  g_return_val_if_fail (assumption < TRIB_N_ASSUMPTIONS, NULL);

  return &infos[assumption];
}

/**
 * trib_assumption_from_key:
 * @key: a key of SCENARIOS.md such as "conversion"
 *
 * Returns: the assumption, or -1 if no assumption has that key
 */
int
trib_assumption_from_key (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < TRIB_N_ASSUMPTIONS; i++)
    if (strcmp (infos[i].key, key) == 0)
      return (int) i;
  return -1;
}

/**
 * trib_assumption_get_default:
 * @assumption: an assumption
 * @formulas: the model whose formulas a scenario uses (a custom scenario's
 *   base model); never %TRIB_BUSINESS_MODEL_CUSTOM
 *
 * Returns: the default of @assumption in @formulas. For the engineer-year
 *   cost the plan's setting comes first; this is the model's figure.
 */
double
trib_assumption_get_default (TribAssumption    assumption,
                             TribBusinessModel formulas)
{
  g_return_val_if_fail (assumption < TRIB_N_ASSUMPTIONS, 0);
  g_return_val_if_fail (formulas < TRIB_BUSINESS_MODEL_CUSTOM, 0);

  return infos[assumption].defaults[formulas];
}

/**
 * trib_assumption_get_range:
 * @assumption: an assumption
 * @formulas: the model whose formulas a scenario uses
 * @min: (out): the lowest value accepted
 * @max: (out): the highest value accepted
 *
 * The range of SCENARIOS.md, which for a few assumptions depends on the
 * model: freemium converts 1–10% where open source converts 0.05–1%, a
 * services firm sells no subscription and earns all revenue from services.
 * The freemium default of a 2% services share lies below the table's 3–15%,
 * so that model's range starts at 2%.
 */
void
trib_assumption_get_range (TribAssumption    assumption,
                           TribBusinessModel formulas,
                           double           *min,
                           double           *max)
{
  double lo, hi;

  g_return_if_fail (assumption < TRIB_N_ASSUMPTIONS);

  lo = infos[assumption].min;
  hi = infos[assumption].max;
  switch (assumption)
    {
    case TRIB_ASSUMPTION_CONVERSION:
      if (formulas == TRIB_BUSINESS_MODEL_FREEMIUM)
        lo = 0.01, hi = 0.10;
      break;
    case TRIB_ASSUMPTION_ARPC:
    case TRIB_ASSUMPTION_GM_SUBSCRIPTION:
      if (formulas == TRIB_BUSINESS_MODEL_SERVICES)
        lo = 0;
      break;
    case TRIB_ASSUMPTION_SERVICES_SHARE:
      if (formulas == TRIB_BUSINESS_MODEL_SERVICES)
        lo = hi = 1;
      else if (formulas == TRIB_BUSINESS_MODEL_FREEMIUM)
        lo = 0.02;
      break;
    default:
      break;
    }
  if (min)
    *min = lo;
  if (max)
    *max = hi;
}

/**
 * trib_assumption_is_used:
 * @assumption: an assumption
 * @formulas: the model whose formulas a scenario uses
 *
 * Returns: whether the projection of @formulas computes with @assumption
 */
gboolean
trib_assumption_is_used (TribAssumption    assumption,
                         TribBusinessModel formulas)
{
  g_return_val_if_fail (assumption < TRIB_N_ASSUMPTIONS, FALSE);

  if (formulas == TRIB_BUSINESS_MODEL_SERVICES)
    return assumption != TRIB_ASSUMPTION_SERVICES_SHARE;
  return !(infos[assumption].flags & TRIB_ASSUMPTION_SERVICES_ONLY);
}

static double
display_factor (TribAssumptionUnit unit)
{
  return unit == TRIB_ASSUMPTION_UNIT_PERCENT ? 100 : 1;
}

/* A number as people write it: no trailing zeros, at most four decimals. */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (value * 10000) / 10000;

  g_ascii_formatd (buf, sizeof buf, "%.4f", rounded == 0 ? 0 : rounded);
  if (strchr (buf, '.') != NULL)
    {
      char *end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buf);
}

/**
 * trib_assumption_format:
 * @assumption: an assumption
 * @value: a stored value (a fraction for percentages)
 *
 * Returns: (transfer full): @value as people read it, with its unit:
 *   "0.5 %", "18 months"
 */
char *
trib_assumption_format (TribAssumption assumption,
                        double         value)
{
  const TribAssumptionInfo *info;
  g_autofree char *number = NULL;

  g_return_val_if_fail (assumption < TRIB_N_ASSUMPTIONS, NULL);

  info = &infos[assumption];
  number = format_number (value * display_factor (info->unit));
  if (info->unit == TRIB_ASSUMPTION_UNIT_COUNT || info->unit == TRIB_ASSUMPTION_UNIT_CURRENCY)
    return g_steal_pointer (&number);
  /* Translators: a value and its unit, "18 months" */
  return g_strdup_printf (C_("value with unit", "%s %s"), number,
                          trib_assumption_unit_label (info->unit));
}

/**
 * trib_assumption_unit_label:
 * @unit: a unit
 *
 * Returns: (transfer none): the unit's short label ("%", "FTE", "h")
 */
const char *
trib_assumption_unit_label (TribAssumptionUnit unit)
{
  switch (unit)
    {
    case TRIB_ASSUMPTION_UNIT_COUNT:
      return C_("unit", "#");
    case TRIB_ASSUMPTION_UNIT_PERCENT:
      return C_("unit", "%");
    case TRIB_ASSUMPTION_UNIT_CURRENCY:
      return C_("unit", "currency");
    case TRIB_ASSUMPTION_UNIT_FTE:
      return C_("unit", "FTE");
    case TRIB_ASSUMPTION_UNIT_HOURS:
      return C_("unit", "h");
    case TRIB_ASSUMPTION_UNIT_MONTHS:
      return C_("unit", "months");
    case TRIB_ASSUMPTION_UNIT_PER_YEAR:
      return C_("unit", "a year");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * trib_assumption_group_label:
 * @group: a group
 *
 * Returns: (transfer none): the group's title for people
 */
const char *
trib_assumption_group_label (TribAssumptionGroup group)
{
  switch (group)
    {
    case TRIB_ASSUMPTION_GROUP_MARKET:
      return C_("assumption group", "Market");
    case TRIB_ASSUMPTION_GROUP_REVENUE:
      return C_("assumption group", "Revenue");
    case TRIB_ASSUMPTION_GROUP_COSTS:
      return C_("assumption group", "Costs");
    case TRIB_ASSUMPTION_GROUP_ENGINEERING:
      return C_("assumption group", "Engineering");
    case TRIB_ASSUMPTION_GROUP_PATCHES:
      return C_("assumption group", "Patches");
    case TRIB_N_ASSUMPTION_GROUPS:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * trib_assumption_check:
 * @assumption: an assumption
 * @formulas: the model whose formulas a scenario uses
 * @value: a stored value (a fraction for percentages)
 * @message: (out) (optional): what is wrong, for people
 *
 * Returns: whether @value lies within the range of @assumption in @formulas
 */
gboolean
trib_assumption_check (TribAssumption    assumption,
                       TribBusinessModel formulas,
                       double            value,
                       char            **message)
{
  double lo, hi;

  g_return_val_if_fail (assumption < TRIB_N_ASSUMPTIONS, FALSE);

  trib_assumption_get_range (assumption, formulas, &lo, &hi);
  /* A hair of tolerance: 0.7 typed as 70 % is 0.7000000000000001. */
  if (isfinite (value) && value >= lo - 1e-9 && value <= hi + 1e-9)
    return TRUE;
  if (message)
    {
      g_autofree char *low = trib_assumption_format (assumption, lo);
      g_autofree char *high = trib_assumption_format (assumption, hi);

      if (lo == hi)
        /* Translators: "expected 100 % in this model" */
        *message = g_strdup_printf (_("expected %s in this model"), low);
      else
        /* Translators: "expected 0.05 % to 1 %" */
        *message = g_strdup_printf (_("expected %s to %s"), low, high);
    }
  return FALSE;
}

/**
 * trib_assumptions_check:
 * @assumptions: (nullable): the scenario's assumptions ("a{sd}")
 * @formulas: the model whose formulas the scenario uses
 * @key: (out) (optional): the key of the first wrong assumption
 * @message: (out) (optional): what is wrong with it, for people
 *
 * Checks that every key is one of SCENARIOS.md and every value lies in its
 * range for @formulas. Missing keys are fine: they take their default.
 *
 * Returns: whether the assumptions are acceptable
 */
gboolean
trib_assumptions_check (GVariant         *assumptions,
                        TribBusinessModel formulas,
                        char            **key,
                        char            **message)
{
  GVariantIter iter;
  const char *name;
  double value;

  if (assumptions == NULL)
    return TRUE;
  g_return_val_if_fail (g_variant_is_of_type (assumptions, G_VARIANT_TYPE ("a{sd}")), FALSE);

  g_variant_iter_init (&iter, assumptions);
  while (g_variant_iter_next (&iter, "{&sd}", &name, &value))
    {
      int a = trib_assumption_from_key (name);

      if (a < 0)
        {
          if (key)
            *key = g_strdup (name);
          if (message)
            *message = g_strdup (_("not an assumption of the scenario model"));
          return FALSE;
        }
      if (!trib_assumption_check ((TribAssumption) a, formulas, value, message))
        {
          if (key)
            *key = g_strdup (name);
          return FALSE;
        }
    }
  return TRUE;
}
