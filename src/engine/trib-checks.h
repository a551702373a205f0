/* trib-checks.h: the guide's arguments turned into rules over a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-finding.h"
#include "trib-plan.h"

G_BEGIN_DECLS

/**
 * TribCheckRule:
 * @id: the stable id findings and acknowledgements carry
 * @severity: the severity of its findings (some rules raise it, see each)
 * @needs_statistics: whether it says nothing until statistics exist
 * @title: what it checks, for people (translated with _())
 */
typedef struct
{
  const char   *id;
  TribSeverity  severity;
  gboolean      needs_statistics;
  const char   *title;
} TribCheckRule;

const TribCheckRule *trib_check_rules          (guint         *n_rules);

GPtrArray   *trib_checks_run                   (TribPlan      *plan,
                                                const char    *today);
guint        trib_checks_count                 (GPtrArray     *findings,
                                                TribSeverity   severity);
gboolean     trib_checks_have_errors           (GPtrArray     *findings);

gboolean     trib_checks_acknowledge           (TribPlan      *plan,
                                                TribFinding   *finding,
                                                const char    *reason,
                                                const char    *today,
                                                GError       **error);
gboolean     trib_checks_withdraw_acknowledgement (TribPlan   *plan,
                                                TribFinding   *finding,
                                                GError       **error);

G_END_DECLS
