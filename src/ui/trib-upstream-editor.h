/* trib-upstream-editor.h: the dialog that adds or edits one upstream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-plan.h"

G_BEGIN_DECLS

#define TRIB_TYPE_UPSTREAM_EDITOR (trib_upstream_editor_get_type ())

G_DECLARE_FINAL_TYPE (TribUpstreamEditor, trib_upstream_editor, TRIB, UPSTREAM_EDITOR, AdwWindow)

GtkWidget    *trib_upstream_editor_new          (TribPlan           *plan,
                                                 TribUpstream       *upstream);
TribUpstream *trib_upstream_editor_get_upstream (TribUpstreamEditor *self);
gboolean      trib_upstream_editor_is_valid     (TribUpstreamEditor *self);

/* Human labels of the upstream enumerations, shared by the upstream views. */
const char   *trib_forge_get_label              (TribForge           forge);
const char   *trib_layer_get_label              (TribLayer           layer);
const char   *trib_decision_get_label           (TribDecision        decision);
TribForge     trib_forge_from_repository        (const char         *repository);

G_END_DECLS
