/* trib-report-page.h: the Report page — options, page previews, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-page-context.h"
#include "trib-report.h"

G_BEGIN_DECLS

#define TRIB_TYPE_REPORT_PAGE (trib_report_page_get_type ())

G_DECLARE_FINAL_TYPE (TribReportPage, trib_report_page, TRIB, REPORT_PAGE, GtkWidget)

GtkWidget               *trib_report_page_new             (TribPageContext *context);
const TribReportOptions *trib_report_page_get_options     (TribReportPage  *self);
guint                    trib_report_page_get_n_previews  (TribReportPage  *self);
gboolean                 trib_report_page_is_busy         (TribReportPage  *self);
void                     trib_report_page_export          (TribReportPage  *self,
                                                           const char      *path);
void                     trib_report_page_cancel_export   (TribReportPage  *self);

G_END_DECLS
