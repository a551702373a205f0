/* trib-report-private.h: what the report's section writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-report.h"

G_BEGIN_DECLS

typedef struct
{
  TribPlan                *plan;
  TribPdf                 *pdf;
  const TribReportOptions *options;
  GCancellable            *cancellable;
  const char              *plan_name;
  const char              *currency;
  guint32                  today;      /* Julian day */
  guint32                  from;       /* the date range, Julian days */
  guint32                  to;
  GPtrArray               *upstreams;  /* sorted by id */
} TribReportContext;

void       trib_report_begin_section   (TribReportContext *ctx,
                                        TribReportSections section,
                                        gboolean           landscape);
GPtrArray *trib_report_rows_new        (void);
void       trib_report_rows_add        (GPtrArray         *rows,
                                        ...) G_GNUC_NULL_TERMINATED;
GPtrArray *trib_report_sorted_items    (TribPlan          *plan,
                                        GType              type);
char      *trib_report_format_money    (TribReportContext *ctx,
                                        double             amount);
char      *trib_report_format_number   (double             value);
const char *trib_report_upstream_name  (TribReportContext *ctx,
                                        gint64             id);

void       trib_report_write_favoured    (TribReportContext *ctx);
void       trib_report_write_top_findings (TribReportContext *ctx);
void       trib_report_write_business    (TribReportContext *ctx);
void       trib_report_write_checks      (TribReportContext *ctx);
void       trib_report_write_assumptions (TribReportContext *ctx);
void       trib_report_write_roadmap     (TribReportContext *ctx);
void       trib_report_write_health      (TribReportContext *ctx);
void       trib_report_write_investment  (TribReportContext *ctx);
void       trib_report_write_patches     (TribReportContext *ctx);
void       trib_report_write_products    (TribReportContext *ctx);
void       trib_report_write_platform    (TribReportContext *ctx);

G_END_DECLS
