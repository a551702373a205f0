/* trib-report.h: the executive PDF report of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-pdf.h"
#include "trib-plan.h"

G_BEGIN_DECLS

/* The report's sections, in their order; the title page is always there. */
typedef enum
{
  TRIB_REPORT_SECTION_SUMMARY     = 1 << 0,
  TRIB_REPORT_SECTION_BUSINESS    = 1 << 1,
  TRIB_REPORT_SECTION_ROADMAP     = 1 << 2,
  TRIB_REPORT_SECTION_HEALTH      = 1 << 3,
  TRIB_REPORT_SECTION_INVESTMENT  = 1 << 4,
  TRIB_REPORT_SECTION_PATCHES     = 1 << 5,
  TRIB_REPORT_SECTION_PRODUCTS    = 1 << 6,
  TRIB_REPORT_SECTION_PLATFORM    = 1 << 7,
  TRIB_REPORT_SECTION_CHECKS      = 1 << 8,
  TRIB_REPORT_SECTION_ASSUMPTIONS = 1 << 9,
} TribReportSections;

#define TRIB_REPORT_N_SECTIONS 10
#define TRIB_REPORT_SECTIONS_ALL ((TribReportSections) ((1 << TRIB_REPORT_N_SECTIONS) - 1))

/**
 * TribReportOptions:
 * @paper: A4 or Letter
 * @sections: which sections to include
 * @from: (nullable): first day of the roadmap's date range, YYYY-MM-DD,
 *   or %NULL for the plan's horizon
 * @to: (nullable): its last day
 * @today: (nullable): the day marked as today and printed as the report's
 *   date, YYYY-MM-DD, or %NULL for the current day
 */
typedef struct
{
  TribPaper           paper;
  TribReportSections  sections;
  char               *from;
  char               *to;
  char               *today;
} TribReportOptions;

/**
 * TribReportProgressFunc:
 * @fraction: how much is done, 0 to 1
 * @section: (nullable): the section being written
 * @user_data: the data given to trib_report_write()
 *
 * Called from the thread writing the report.
 */
typedef void (*TribReportProgressFunc) (double      fraction,
                                        const char *section,
                                        gpointer    user_data);

void                trib_report_options_init        (TribReportOptions       *options);
void                trib_report_options_clear       (TribReportOptions       *options);
gboolean            trib_report_options_check       (const TribReportOptions *options,
                                                     GError                 **error);

const char         *trib_report_section_get_key     (TribReportSections       section);
const char         *trib_report_section_get_heading (TribReportSections       section);
gboolean            trib_report_sections_parse      (const char              *list,
                                                     TribReportSections      *sections,
                                                     GError                 **error);
char               *trib_report_sections_to_string  (TribReportSections       sections);
gboolean            trib_paper_parse                (const char              *text,
                                                     TribPaper               *paper);

gboolean            trib_report_write               (TribPlan                *plan,
                                                     const TribReportOptions *options,
                                                     const char              *path,
                                                     TribReportProgressFunc   progress,
                                                     gpointer                 user_data,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);

GPtrArray          *trib_report_render_pages        (TribPlan                *plan,
                                                     const TribReportOptions *options,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);

G_END_DECLS
