/* trib-report-business.c: the report's business models, strategy checks,
 * assumptions and methods, and what the executive summary takes from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-report"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-report-private.h"
#include "trib-chart-scenario.h"
#include "trib-checks.h"
#include "trib-enums.h"
#include "trib-finding.h"
#include "trib-health-plan.h"
#include "trib-labels.h"
#include "trib-roadmap.h"
#include "trib-scenario-assumptions.h"
#include "trib-scenario-projection.h"

typedef struct
{
  TribScenario       *scenario;
  TribScenarioInputs  inputs;
  TribProjection      projection;
  char               *error;     /* why it cannot be projected */
} Projected;

static void
projected_clear (gpointer data)
{
  Projected *p = data;

  g_clear_pointer (&p->error, g_free);
}

static GArray *
project_all (TribReportContext *ctx)
{
  g_autoptr(GPtrArray) scenarios = trib_report_sorted_items (ctx->plan, TRIB_TYPE_SCENARIO);
  GArray *all = g_array_new (FALSE, TRUE, sizeof (Projected));

  g_array_set_clear_func (all, projected_clear);
  for (guint i = 0; i < scenarios->len; i++)
    {
      Projected p = { g_ptr_array_index (scenarios, i) };
      g_autoptr(GError) error = NULL;

      if (trib_scenario_inputs_from_scenario (&p.inputs, p.scenario, ctx->plan, &error))
        trib_scenario_project (&p.inputs, &p.projection);
      else
        p.error = g_strdup (error->message);
      g_array_append_val (all, p);
    }
  return all;
}

/* The scenario with the most cumulative cash at the end of its horizon. */
static const Projected *
favoured (GArray *all)
{
  const Projected *best = NULL;

  for (guint i = 0; i < all->len; i++)
    {
      const Projected *p = &g_array_index (all, Projected, i);

      if (p->error == NULL && (best == NULL || p->projection.total_operating_result >
                                               best->projection.total_operating_result))
        best = p;
    }
  return best;
}

static char *
break_even_text (const Projected *p)
{
  if (p->projection.break_even_year <= 0)
    return g_strdup (_("not within the horizon"));
  return g_strdup_printf (_("year %d"), p->projection.break_even_year);
}

/**
 * trib_report_write_favoured:
 * @ctx: the report
 *
 * The executive summary's sentence on the business model the numbers
 * favour: the most cumulative cash at the end of the horizon.
 */
void
trib_report_write_favoured (TribReportContext *ctx)
{
  g_autoptr(GArray) all = project_all (ctx);
  const Projected *best = favoured (all);
  g_autofree char *cash = NULL;
  g_autofree char *even = NULL;
  g_autofree char *text = NULL;

  if (all->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan has no business-model scenarios, so no model is favoured."));
      return;
    }
  if (best == NULL)
    {
      trib_pdf_note (ctx->pdf, _("No scenario of the plan can be projected; see Business models."));
      return;
    }
  cash = trib_report_format_money (ctx, best->projection.total_operating_result);
  even = break_even_text (best);
  /* Translators: scenario name, model, years, cumulative cash, break-even */
  text = g_strdup_printf (_("%s (%s): the most cumulative cash after %d years, %s; break-even %s."),
                          trib_scenario_get_name (best->scenario),
                          trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, trib_scenario_get_model (best->scenario)),
                          best->projection.n_years, cash, even);
  trib_pdf_paragraph (ctx->pdf, text);
}

/**
 * trib_report_write_top_findings:
 * @ctx: the report
 *
 * The executive summary's five most severe strategy findings not
 * acknowledged.
 */
void
trib_report_write_top_findings (TribReportContext *ctx)
{
  g_autofree char *today = trib_roadmap_format_day (ctx->today);
  g_autoptr(GPtrArray) findings = trib_checks_run (ctx->plan, today);
  guint shown = 0;

  for (int severity = TRIB_SEVERITY_ERROR; severity >= TRIB_SEVERITY_INFO && shown < 5; severity--)
    for (guint i = 0; i < findings->len && shown < 5; i++)
      {
        TribFinding *f = g_ptr_array_index (findings, i);
        g_autofree char *line = NULL;

        if (trib_finding_is_acknowledged (f) || (int) trib_finding_get_severity (f) != severity)
          continue;
        line = g_strdup_printf ("• %s: %s", trib_severity_get_label (severity), trib_finding_get_message (f));
        trib_pdf_paragraph (ctx->pdf, line);
        shown++;
      }
  if (shown == 0)
    trib_pdf_note (ctx->pdf, findings->len > 0
                   ? _("Every finding of the strategy checks is acknowledged; see Strategy checks.")
                   : _("The strategy checks find nothing to report."));
}

void
trib_report_write_business (TribReportContext *ctx)
{
  g_autoptr(GArray) all = project_all (ctx);
  g_autoptr(GPtrArray) rows = trib_report_rows_new ();
  const Projected *best;
  const char *headers[] = { _("Scenario"), _("Model"), _("Revenue, last year"), _("Operating result, last year"),
                            _("Cumulative cash"), _("Break-even") };
  const double widths[] = { 0.26, 0.14, 0.15, 0.16, 0.15, 0.14 };
  const TribScenarioChartKind kinds[] = { TRIB_SCENARIO_CHART_REVENUE, TRIB_SCENARIO_CHART_OPERATING_RESULT,
                                          TRIB_SCENARIO_CHART_CASH, TRIB_SCENARIO_CHART_ENGINEERING };

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_BUSINESS, FALSE);
  if (all->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan has no business-model scenarios; add them on the Business Models page."));
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      const Projected *p = &g_array_index (all, Projected, i);
      const TribScenarioYear *last;

      if (p->error != NULL)
        {
          trib_report_rows_add (rows, g_strdup (trib_scenario_get_name (p->scenario)),
                                g_strdup (trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, trib_scenario_get_model (p->scenario))),
                                g_strdup (p->error), g_strdup (""), g_strdup (""), g_strdup (""), NULL);
          continue;
        }
      last = &p->projection.years[p->projection.n_years - 1];
      trib_report_rows_add (rows, g_strdup (trib_scenario_get_name (p->scenario)),
                            g_strdup (trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, trib_scenario_get_model (p->scenario))),
                            trib_report_format_money (ctx, last->revenue),
                            trib_report_format_money (ctx, last->operating_result),
                            trib_report_format_money (ctx, p->projection.total_operating_result),
                            break_even_text (p), NULL);
    }
  trib_pdf_note (ctx->pdf, _("Each scenario projected year by year over its own horizon; the last year and the cash summed over all years."));
  trib_pdf_table (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), rows);

  best = favoured (all);
  for (guint k = 0; k < G_N_ELEMENTS (kinds) + 1; k++)
    {
      g_autoptr(GError) error = NULL;
      gboolean tornado = k == G_N_ELEMENTS (kinds);
      g_autoptr(TribScenarioChart) chart = NULL;
      g_autofree char *text = NULL;

      if (tornado && best == NULL)
        break;
      chart = trib_scenario_chart_new_for_plan (ctx->plan, tornado ? TRIB_SCENARIO_CHART_TORNADO : kinds[k],
                                                tornado ? best->scenario : NULL, &error);
      if (chart == NULL)
        {
          trib_pdf_note (ctx->pdf, error->message);
          continue;
        }
      /* The chart draws its own title. */
      trib_pdf_keep (ctx->pdf, (tornado ? 280 : 220) + 40);
      trib_pdf_block (ctx->pdf, tornado ? 280 : 220, trib_scenario_chart_draw, chart);
      text = trib_scenario_chart_describe (chart);
      if (text != NULL)
        trib_pdf_note (ctx->pdf, text);
    }
}

void
trib_report_write_checks (TribReportContext *ctx)
{
  g_autofree char *today = trib_roadmap_format_day (ctx->today);
  g_autoptr(GPtrArray) findings = trib_checks_run (ctx->plan, today);
  g_autoptr(GPtrArray) rows = trib_report_rows_new ();
  const char *headers[] = { _("Severity"), _("Finding"), _("Involves"), _("Acknowledged") };
  const double widths[] = { 0.11, 0.47, 0.17, 0.25 };

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_CHECKS, FALSE);
  if (findings->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The strategy checks find nothing to report in this plan."));
      return;
    }
  for (int severity = TRIB_SEVERITY_ERROR; severity >= TRIB_SEVERITY_INFO; severity--)
    for (guint i = 0; i < findings->len; i++)
      {
        TribFinding *f = g_ptr_array_index (findings, i);
        TribAcknowledgement *ack = trib_finding_get_acknowledgement (f);

        if ((int) trib_finding_get_severity (f) != severity)
          continue;
        trib_report_rows_add (rows, g_strdup (trib_severity_get_label (severity)),
                              g_strdup_printf ("%s\n%s", trib_finding_get_message (f),
                                               trib_finding_get_argument (f) ? trib_finding_get_argument (f) : ""),
                              trib_finding_get_subject_names (f),
                              ack ? g_strdup_printf ("%s: %s", trib_acknowledgement_get_date (ack),
                                                     trib_acknowledgement_get_reason (ack))
                                  : g_strdup ("—"),
                              NULL);
      }
  trib_pdf_note (ctx->pdf, _("Each finding with the guide’s argument behind it; an acknowledged finding keeps the reason it was accepted."));
  trib_pdf_table (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), rows);
}

void
trib_report_write_assumptions (TribReportContext *ctx)
{
  g_autoptr(GArray) all = project_all (ctx);
  const char *headers[] = { _("Assumption"), _("Value"), _("Where the default comes from") };
  const double widths[] = { 0.32, 0.18, 0.5 };
  TribHealthWeights weights;

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_ASSUMPTIONS, FALSE);
  if (all->len == 0)
    trib_pdf_note (ctx->pdf, _("The plan has no business-model scenarios, so it states no assumptions."));
  for (guint i = 0; i < all->len; i++)
    {
      const Projected *p = &g_array_index (all, Projected, i);
      TribBusinessModel formulas = trib_scenario_get_formulas (p->scenario);
      g_autoptr(GPtrArray) rows = trib_report_rows_new ();

      trib_pdf_heading (ctx->pdf, trib_scenario_get_name (p->scenario), 2);
      if (p->error != NULL)
        {
          trib_pdf_note (ctx->pdf, p->error);
          continue;
        }
      for (int a = 0; a < TRIB_N_ASSUMPTIONS; a++)
        {
          const TribAssumptionInfo *info = trib_assumption_get_info (a);

          if (!trib_assumption_is_used (a, formulas))
            continue;
          trib_report_rows_add (rows, g_strdup (_(info->label)), trib_assumption_format (a, p->inputs.values[a]),
                                g_strdup (info->source ? _(info->source) : ""), NULL);
        }
      trib_pdf_table (ctx->pdf, headers, widths, G_N_ELEMENTS (headers), rows);
    }

  trib_pdf_heading (ctx->pdf, _("The health score"), 2);
  trib_health_weights_from_plan (&weights, ctx->plan);
  {
    g_autoptr(GString) text = g_string_new (_("Each upstream scores 0 to 100 from its latest statistics, along the guide’s selection criteria, "
                                              "each worth its weight’s share of 100 points: "));

    for (int f = 0; f < TRIB_HEALTH_N_FACTORS; f++)
      g_string_append_printf (text, "%s%s %d", f ? ", " : "", trib_health_factor_get_label (f), weights.weight[f]);
    g_string_append_printf (text, _(". An archived project, or one without a push for a year, scores at most %d. "
                                    "Ratings: below 40 failing, 40 to 69 at risk, 70 and above healthy."),
                            TRIB_HEALTH_CAP);
    trib_pdf_paragraph (ctx->pdf, text->str);
  }

  trib_pdf_heading (ctx->pdf, _("The patch-debt projection"), 2);
  trib_pdf_paragraph (ctx->pdf, _("Every release of an upstream costs the hours it takes to carry each patch through it. "
                                  "For quarter q: hours = Σ over patches of w · (r / 4) · h · (1 + d)^(a / 4), where r is the "
                                  "upstream’s releases a year (set on the upstream, else from its statistics, else 4), h the "
                                  "hours per release of the patch, d the plan’s yearly patch drift, a the quarters since the "
                                  "patch entered the projection, and w how much of the patch is still carried: 1 until it is "
                                  "merged or dropped as the plan says (carry forward), or shrinking by the plan’s own pace of "
                                  "merging each quarter when every patch goes upstream at once (upstream first)."));
}
