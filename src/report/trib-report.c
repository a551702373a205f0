/* trib-report.c: the executive PDF report of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the plan, section by section, onto a TribPdf. A section
 * whose data is absent says so in one line instead of being left out.
 */
#define G_LOG_DOMAIN "trib-report"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-report-private.h"
#include "trib-report-error.h"
#include "trib-dates.h"
#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-roadmap.h"

typedef struct
{
  TribReportSections  section;
  const char         *key;
  const char         *heading;
} SectionInfo;

static const SectionInfo sections[TRIB_REPORT_N_SECTIONS] = {
  { TRIB_REPORT_SECTION_SUMMARY, "summary", N_("Executive summary") },
  { TRIB_REPORT_SECTION_BUSINESS, "business", N_("Business models") },
  { TRIB_REPORT_SECTION_ROADMAP, "roadmap", N_("Roadmap") },
  { TRIB_REPORT_SECTION_HEALTH, "health", N_("Upstream health") },
  { TRIB_REPORT_SECTION_INVESTMENT, "investment", N_("Investment") },
  { TRIB_REPORT_SECTION_PATCHES, "patches", N_("Patches") },
  { TRIB_REPORT_SECTION_PRODUCTS, "products", N_("Products") },
  { TRIB_REPORT_SECTION_PLATFORM, "platform", N_("Platform map") },
  { TRIB_REPORT_SECTION_CHECKS, "checks", N_("Strategy checks") },
  { TRIB_REPORT_SECTION_ASSUMPTIONS, "assumptions", N_("Assumptions and methods") },
};

/**
 * trib_report_options_init:
 * @options: options to fill in
 *
 * A4, every section, the plan's whole horizon, today's date.
 */
void
trib_report_options_init (TribReportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->paper = TRIB_PAPER_A4;
  options->sections = TRIB_REPORT_SECTIONS_ALL;
}

/**
 * trib_report_options_clear:
 * @options: options
 *
 * Frees what the options hold.
 */
void
trib_report_options_clear (TribReportOptions *options)
{
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->today, g_free);
}

/**
 * trib_report_options_check:
 * @options: options
 * @error: return location for an error that says what to change
 *
 * Returns: whether the options make a report
 */
gboolean
trib_report_options_check (const TribReportOptions *options,
                           GError                 **error)
{
  const struct { const char *value; const char *name; } dates[] = {
    { options->from, "from" }, { options->to, "to" }, { options->today, "today" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i].value != NULL && !trib_date_is_valid (dates[i].value))
      {
        g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED,
                     _("The report’s “%s” date “%s” is not a date: write it YYYY-MM-DD, e.g. 2027-01-31."),
                     dates[i].name, dates[i].value);
        return FALSE;
      }
  if (options->from != NULL && options->to != NULL && strcmp (options->from, options->to) > 0)
    {
      g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED,
                   _("The report’s date range ends (%s) before it starts (%s): swap the two dates."),
                   options->to, options->from);
      return FALSE;
    }
  return TRUE;
}

/**
 * trib_report_section_get_key:
 * @section: one section
 *
 * Returns: its name in `--sections` lists and in the remembered options
 */
const char *
trib_report_section_get_key (TribReportSections section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].section == section)
      return sections[i].key;
  g_return_val_if_reached (NULL);
}

/**
 * trib_report_section_get_heading:
 * @section: one section
 *
 * Returns: its heading in the report, translated
 */
const char *
trib_report_section_get_heading (TribReportSections section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].section == section)
      return _(sections[i].heading);
  g_return_val_if_reached (NULL);
}

/**
 * trib_report_sections_parse:
 * @list: section keys separated by commas ("summary,roadmap"), or "all"
 * @sections: (out): the sections
 * @error: return location for an error naming the unknown key
 *
 * Returns: whether every key names a section
 */
gboolean
trib_report_sections_parse (const char          *list,
                            TribReportSections  *out,
                            GError             **error)
{
  g_auto(GStrv) keys = g_strsplit (list ? list : "", ",", -1);
  TribReportSections result = 0;

  for (guint k = 0; keys[k] != NULL; k++)
    {
      const char *key = g_strstrip (keys[k]);
      gboolean found = FALSE;

      if (*key == '\0')
        continue;
      if (g_str_equal (key, "all"))
        {
          result = TRIB_REPORT_SECTIONS_ALL;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        if (g_str_equal (key, sections[i].key))
          {
            result |= sections[i].section;
            found = TRUE;
          }
      if (!found)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "", sections[i].key);
          g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED,
                       _("There is no report section “%s”; the sections are %s, or all."),
                       key, known->str);
          return FALSE;
        }
    }
  if (result == 0)
    {
      g_set_error_literal (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED,
                           _("No report section chosen: name at least one, or all."));
      return FALSE;
    }
  *out = result;
  return TRUE;
}

/**
 * trib_report_sections_to_string:
 * @sections: sections
 *
 * Returns: (transfer full): their keys separated by commas
 */
char *
trib_report_sections_to_string (TribReportSections set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (set & sections[i].section)
      g_string_append_printf (s, "%s%s", s->len ? "," : "", sections[i].key);
  return g_string_free (s, FALSE);
}

/**
 * trib_paper_parse:
 * @text: "a4" or "letter", in any case
 * @paper: (out): the paper size
 *
 * Returns: whether @text names a paper size
 */
gboolean
trib_paper_parse (const char *text,
                  TribPaper  *paper)
{
  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = TRIB_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = TRIB_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* --- helpers shared by the sections --- */

void
trib_report_begin_section (TribReportContext  *ctx,
                           TribReportSections  section,
                           gboolean            landscape)
{
  const char *heading = trib_report_section_get_heading (section);

  trib_pdf_set_header (ctx->pdf, ctx->plan_name, heading);
  trib_pdf_new_page (ctx->pdf, landscape);
  trib_pdf_heading (ctx->pdf, heading, 1);
}

GPtrArray *
trib_report_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row of strings, each taken over (transfer full), NULL-ended. */
void
trib_report_rows_add (GPtrArray *rows,
                      ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, char *)) != NULL)
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = trib_entity_get_id (*(TribEntity **) a);
  gint64 ib = trib_entity_get_id (*(TribEntity **) b);

  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
trib_report_sorted_items (TribPlan *plan,
                          GType     type)
{
  GListModel *model = trib_plan_get_items (plan, type);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  g_ptr_array_sort (array, compare_by_id);
  return array;
}

/* Digits in groups of three with a thin space, as the report's tables
 * print amounts whatever the locale: 4 785 000. */
static char *
group_digits (double value,
              int    decimals)
{
  g_autofree char *plain = g_strdup_printf ("%.*f", decimals, fabs (value));
  const char *point = strchr (plain, '.');
  gsize n_int = point ? (gsize) (point - plain) : strlen (plain);
  GString *out = g_string_new (value < 0 && fabs (value) >= 0.5 * pow (10, -decimals) ? "−" : "");

  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, "\u2009");
      g_string_append_c (out, plain[i]);
    }
  if (point)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

char *
trib_report_format_number (double value)
{
  if (value == (gint64) value)
    return group_digits (value, 0);
  return group_digits (value, 2);
}

char *
trib_report_format_money (TribReportContext *ctx,
                          double             amount)
{
  g_autofree char *number = group_digits (amount, 0);

  return g_strdup_printf ("%s %s", number, ctx->currency ? ctx->currency : "");
}

const char *
trib_report_upstream_name (TribReportContext *ctx,
                           gint64             id)
{
  TribEntity *upstream = trib_plan_lookup (ctx->plan, TRIB_TYPE_UPSTREAM, id);

  return upstream ? trib_upstream_get_name (TRIB_UPSTREAM (upstream)) : "";
}

/* --- the title page and the sections written here --- */

static void
write_title_page (TribReportContext *ctx)
{
  TribPlanInfo *info = trib_plan_get_info (ctx->plan);
  const char *organisation = trib_plan_info_get_organisation (info);
  const char *description = trib_plan_info_get_description (info);
  g_autofree char *today = trib_roadmap_format_day (ctx->today);
  g_autofree char *horizon = NULL;
  g_autofree char *date_line = NULL;

  trib_pdf_set_header (ctx->pdf, NULL, NULL);
  trib_pdf_new_page (ctx->pdf, FALSE);
  trib_pdf_space (ctx->pdf, 150);
  trib_pdf_title (ctx->pdf, ctx->plan_name, 26);
  if (organisation != NULL && *organisation != '\0')
    trib_pdf_title (ctx->pdf, organisation, 14);
  trib_pdf_space (ctx->pdf, 12);
  if (trib_plan_info_get_first_quarter (info) != NULL)
    {
      g_autofree char *last = trib_quarter_add (trib_plan_info_get_first_quarter (info),
                                                trib_plan_info_get_quarters (info) - 1);
      /* Translators: the plan's horizon, e.g. "Planning horizon: 2027-Q1 to 2028-Q4 (8 quarters)" */
      horizon = g_strdup_printf (_("Planning horizon: %s to %s (%d quarters)"),
                                 trib_plan_info_get_first_quarter (info), last ? last : "",
                                 trib_plan_info_get_quarters (info));
      trib_pdf_paragraph (ctx->pdf, horizon);
    }
  /* Translators: the date a report was made */
  date_line = g_strdup_printf (_("Report of %s"), today);
  trib_pdf_paragraph (ctx->pdf, date_line);
  trib_pdf_space (ctx->pdf, 18);
  if (description != NULL && *description != '\0')
    trib_pdf_paragraph (ctx->pdf, description);
}

static void
write_summary (TribReportContext *ctx)
{
  TribPlanInfo *info = trib_plan_get_info (ctx->plan);
  g_autoptr(GPtrArray) investments = trib_report_sorted_items (ctx->plan, TRIB_TYPE_INVESTMENT);
  g_autoptr(GPtrArray) patches = trib_report_sorted_items (ctx->plan, TRIB_TYPE_PATCH);
  g_autoptr(GPtrArray) milestones = trib_report_sorted_items (ctx->plan, TRIB_TYPE_MILESTONE);
  double fte_quarters = 0, carried_hours = 0;
  guint carried = 0, done = 0;
  g_autofree char *v_upstreams = NULL, *v_fte = NULL, *v_cost = NULL, *v_patches = NULL;
  g_autofree char *v_hours = NULL, *v_releases = NULL, *v_milestones = NULL, *v_scenarios = NULL;

  for (guint i = 0; i < investments->len; i++)
    fte_quarters += trib_investment_get_fte (g_ptr_array_index (investments, i));
  for (guint i = 0; i < patches->len; i++)
    if (trib_patch_get_state (g_ptr_array_index (patches, i)) == TRIB_PATCH_STATE_CARRIED)
      {
        carried++;
        carried_hours += trib_patch_get_hours_per_release (g_ptr_array_index (patches, i));
      }
  for (guint i = 0; i < milestones->len; i++)
    done += trib_milestone_get_done (g_ptr_array_index (milestones, i));

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_SUMMARY, FALSE);

  v_upstreams = g_strdup_printf ("%u", ctx->upstreams->len);
  v_fte = trib_report_format_number (fte_quarters / 4);
  v_cost = trib_report_format_money (ctx, fte_quarters / 4 * trib_plan_info_get_engineer_year_cost (info));
  v_patches = g_strdup_printf ("%u", carried);
  v_hours = trib_report_format_number (carried_hours);
  v_releases = g_strdup_printf ("%u", trib_plan_count (ctx->plan, TRIB_TYPE_PRODUCT_RELEASE));
  v_milestones = g_strdup_printf ("%u / %u", done, milestones->len);
  v_scenarios = g_strdup_printf ("%u", trib_plan_count (ctx->plan, TRIB_TYPE_SCENARIO));
  {
    const char *labels[] = {
      _("upstream projects"), _("engineer-years invested upstream over the horizon"),
      _("cost of that investment"), _("carried patches"),
      _("hours each upstream release costs to carry them"), _("product releases"),
      _("milestones done"), _("business models compared"),
    };
    const char *values[] = { v_upstreams, v_fte, v_cost, v_patches, v_hours, v_releases,
                             v_milestones, v_scenarios };

    trib_pdf_heading (ctx->pdf, _("Key figures"), 2);
    trib_pdf_key_figures (ctx->pdf, labels, values, G_N_ELEMENTS (labels));
  }

  trib_pdf_heading (ctx->pdf, _("The business model the numbers favour"), 2);
  trib_report_write_favoured (ctx);
  trib_pdf_heading (ctx->pdf, _("Top findings"), 2);
  trib_report_write_top_findings (ctx);
}

static guint32
day_or (const char *text,
        guint32     fallback)
{
  GDate date;

  if (text != NULL && trib_date_parse (text, &date))
    return g_date_get_julian (&date);
  return fallback;
}

/* Writes the report's pages onto @pdf, which is then finished. */
static gboolean
write_report (TribPlan                *plan,
              const TribReportOptions *options,
              TribPdf                 *pdf,
              TribReportProgressFunc   progress,
              gpointer                 user_data,
              GCancellable            *cancellable,
              GError                 **error)
{
  static void (* const writers[TRIB_REPORT_N_SECTIONS]) (TribReportContext *) = {
    write_summary, trib_report_write_business, trib_report_write_roadmap, trib_report_write_health,
    trib_report_write_investment, trib_report_write_patches, trib_report_write_products,
    trib_report_write_platform, trib_report_write_checks, trib_report_write_assumptions,
  };
  TribReportContext ctx = { 0 };
  TribPlanInfo *info = trib_plan_get_info (plan);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) upstreams = trib_report_sorted_items (plan, TRIB_TYPE_UPSTREAM);
  g_autofree char *subject = NULL;
  GDate today;
  guint n_steps = 1, step = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  ctx.plan = plan;
  ctx.pdf = pdf;
  ctx.options = options;
  ctx.cancellable = cancellable;
  ctx.plan_name = trib_plan_info_get_name (info) ? trib_plan_info_get_name (info) : "";
  ctx.currency = trib_plan_info_get_currency (info);
  ctx.today = day_or (options->today, g_date_get_julian (&today));
  ctx.from = day_or (options->from, 0);
  ctx.to = day_or (options->to, 0);
  ctx.upstreams = upstreams;

  /* Translators: the subject of the report's PDF, with the plan's name */
  subject = g_strdup_printf (_("Strategy and roadmap report of the plan “%s”"), ctx.plan_name);
  trib_pdf_set_metadata (pdf, ctx.plan_name, trib_plan_info_get_organisation (info), subject, now);

  for (guint i = 0; i < TRIB_REPORT_N_SECTIONS; i++)
    n_steps += (options->sections & sections[i].section) != 0;

  if (progress)
    progress (0, NULL, user_data);
  write_title_page (&ctx);
  for (guint i = 0; i < TRIB_REPORT_N_SECTIONS; i++)
    {
      if (!(options->sections & sections[i].section))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      step++;
      if (progress)
        progress ((double) step / n_steps, _(sections[i].heading), user_data);
      writers[i] (&ctx);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!trib_pdf_finish (pdf, error))
    return FALSE;
  if (progress)
    progress (1, NULL, user_data);
  return TRUE;
}

/**
 * trib_report_write:
 * @plan: a plan; it is only read
 * @options: paper, sections and date range
 * @path: where to write the PDF
 * @progress: (nullable): told how far the report is
 * @user_data: data for @progress
 * @cancellable: (nullable): stops the report between two steps
 * @error: return location for an error
 *
 * Writes the report. Runs for a while on a large plan: call it from a
 * worker thread, on a plan that thread owns. The file at @path is
 * incomplete when this fails; write to a temporary file and move it.
 *
 * Returns: whether the report was written
 */
gboolean
trib_report_write (TribPlan                *plan,
                   const TribReportOptions *options,
                   const char              *path,
                   TribReportProgressFunc   progress,
                   gpointer                 user_data,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(TribPdf) pdf = NULL;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  if (!trib_report_options_check (options, error))
    return FALSE;
  pdf = trib_pdf_new (path, options->paper, error);
  if (pdf == NULL)
    return FALSE;
  return write_report (plan, options, pdf, progress, user_data, cancellable, error);
}

/**
 * trib_report_render_pages:
 * @plan: a plan; it is only read
 * @options: paper, sections and date range
 * @cancellable: (nullable): stops between two steps
 * @error: return location for an error
 *
 * Lays the report out as trib_report_write() does, keeping each page as a
 * cairo recording surface (in points, white background) for previews.
 *
 * Returns: (transfer full) (element-type cairo_surface_t) (nullable): the
 *   pages, or %NULL with @error set
 */
GPtrArray *
trib_report_render_pages (TribPlan                *plan,
                          const TribReportOptions *options,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_autoptr(TribPdf) pdf = NULL;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!trib_report_options_check (options, error))
    return NULL;
  pdf = trib_pdf_new_recording (options->paper);
  if (!write_report (plan, options, pdf, NULL, NULL, cancellable, error))
    return NULL;
  return trib_pdf_steal_pages (pdf);
}
