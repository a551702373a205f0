/* trib-report-error.h: errors of drawing charts and writing the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_REPORT_ERROR (trib_report_error_quark ())

typedef enum
{
  TRIB_REPORT_ERROR_FAILED,
  TRIB_REPORT_ERROR_WRITE,     /* the PDF could not be written where asked */
  TRIB_REPORT_ERROR_CAIRO,     /* cairo reported an error status */
} TribReportError;

GQuark trib_report_error_quark (void);

G_END_DECLS
