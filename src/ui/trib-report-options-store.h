/* trib-report-options-store.h: the report's options, remembered per plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-report.h"

G_BEGIN_DECLS

void trib_report_options_load (TribReportOptions       *options,
                               const char              *plan_path);
void trib_report_options_save (const TribReportOptions *options,
                               const char              *plan_path);

G_END_DECLS
