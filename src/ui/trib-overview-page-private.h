/* trib-overview-page-private.h: what the files of TribOverviewPage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-overview-page.h"

G_BEGIN_DECLS

#define TRIB_OVERVIEW_N_LAYERS    (TRIB_LAYER_BELOW + 1)
#define TRIB_OVERVIEW_N_DECISIONS (TRIB_DECISION_BUILD_IN_HOUSE + 1)
#define TRIB_OVERVIEW_N_COUNTS    11

struct _TribOverviewPage
{
  AdwBin               parent_instance;

  TribPlan            *plan;
  TribPlanInfo        *info;
  gboolean             syncing;   /* the page itself is updating a row */
  /* A change of the horizon waiting for the user's word. */
  GtkWidget           *horizon_dialog;
  /* The page's last message, replaced by the next one. */
  AdwToast            *toast;

  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *currency_row;
  AdwPreferencesGroup *description_group;
  GtkWidget           *description_frame;
  GtkTextView         *description_view;
  AdwEntryRow         *first_quarter_row;
  AdwActionRow        *quarters_row;
  GtkSpinButton       *quarters_spin;
  AdwActionRow        *cost_row;
  GtkSpinButton       *cost_spin;
  GtkLabel            *cost_currency_label;
  AdwEntryRow         *handles_row;
  GtkFlowBox          *counts_box;
  AdwPreferencesGroup *layer_group;
  AdwPreferencesGroup *decision_group;

  GtkLabel            *count_values[TRIB_OVERVIEW_N_COUNTS];
  GtkLabel            *layer_values[TRIB_OVERVIEW_N_LAYERS];
  GtkLabel            *decision_values[TRIB_OVERVIEW_N_DECISIONS];
};

void     _trib_overview_page_setup_counts    (TribOverviewPage  *self);
void     _trib_overview_page_update_counts   (TribOverviewPage  *self);
gboolean _trib_overview_page_confirm_horizon (TribOverviewPage  *self,
                                              TribPlanInfoField  field,
                                              const GValue      *value,
                                              GtkWidget         *row);
void     _trib_overview_page_finish_horizon  (TribOverviewPage  *self,
                                              TribPlanInfoField  field,
                                              const GValue      *value,
                                              GtkWidget         *row,
                                              gboolean           change);

G_END_DECLS
