/* trib-findings-model.h: a plan's strategy findings, kept up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-checks.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FINDINGS_MODEL (trib_findings_model_get_type ())

G_DECLARE_FINAL_TYPE (TribFindingsModel, trib_findings_model, TRIB, FINDINGS_MODEL, GObject)

TribFindingsModel *trib_findings_model_get_for_plan (TribPlan          *plan);
GListModel        *trib_findings_model_get_findings (TribFindingsModel *self);
guint              trib_findings_model_get_n_counting (TribFindingsModel *self);
guint              trib_findings_model_get_n_errors  (TribFindingsModel *self);
void               trib_findings_model_refresh       (TribFindingsModel *self);

G_END_DECLS
