/* trib-finding.h: one thing a strategy check found in a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_SEVERITY_INFO,
  TRIB_SEVERITY_WARNING,
  TRIB_SEVERITY_ERROR,
} TribSeverity;

#define TRIB_TYPE_FINDING (trib_finding_get_type ())

G_DECLARE_FINAL_TYPE (TribFinding, trib_finding, TRIB, FINDING, GObject)

TribFinding         *trib_finding_new                (const char          *rule,
                                                      TribSeverity         severity,
                                                      const char          *message,
                                                      const char          *argument);
void                 trib_finding_add_subject        (TribFinding         *self,
                                                      TribEntity          *entity);

const char          *trib_finding_get_rule           (TribFinding         *self);
TribSeverity         trib_finding_get_severity       (TribFinding         *self);
TribSeverity         trib_finding_get_effective_severity (TribFinding     *self);
const char          *trib_finding_get_message        (TribFinding         *self);
const char          *trib_finding_get_argument       (TribFinding         *self);
GPtrArray           *trib_finding_get_subjects       (TribFinding         *self);
char                *trib_finding_get_subject_name   (TribFinding         *self,
                                                      guint                index);
char                *trib_finding_get_subject_names  (TribFinding         *self);
const char          *trib_finding_get_subject_key    (TribFinding         *self);
void                 trib_finding_set_subject_entity (TribFinding         *self,
                                                      TribEntity          *entity);
TribAcknowledgement *trib_finding_get_acknowledgement (TribFinding        *self);
void                 trib_finding_set_acknowledgement (TribFinding        *self,
                                                      TribAcknowledgement *ack);
gboolean             trib_finding_is_acknowledged    (TribFinding         *self);

char                *trib_subject_key_for_entity     (TribEntity          *entity);
const char          *trib_severity_get_nick          (TribSeverity         severity);
const char          *trib_severity_get_label         (TribSeverity         severity);

G_END_DECLS
