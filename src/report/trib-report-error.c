/* trib-report-error.c: errors of drawing charts and writing the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-report-error.h"

G_DEFINE_QUARK (trib-report-error-quark, trib_report_error)
