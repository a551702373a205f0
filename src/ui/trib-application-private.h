/* trib-application-private.h: what the files of TribApplication share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-application.h"

G_BEGIN_DECLS

struct _TribApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  /* NULL for the desktop's own list (the usual case). */
  GtkRecentManager *recent_manager;
  /* --sample was given to this, the primary, instance. */
  gboolean          open_sample;
  /* The sample is being written: a second request must not write it again. */
  gboolean          writing_sample;
};

GtkWindow     *_trib_application_present_greeter (TribApplication *self);
void           _trib_application_close_greeters  (TribApplication *self);
void           _trib_application_offer_sample    (TribApplication *self,
                                                  GtkWindow       *parent);
void           _trib_application_import_json     (TribApplication *self,
                                                  const char      *json_path,
                                                  GtkWindow       *parent);
void           _trib_application_offer_import    (TribApplication *self,
                                                  const char      *path,
                                                  GtkWindow       *parent);
gboolean       _trib_application_looks_like_json (const char      *path);
gboolean       _trib_application_refuse_open_target (TribApplication *self,
                                                  GtkWindow       *parent,
                                                  const char      *heading,
                                                  const char      *path);

GtkFileFilter *trib_plan_file_filter_new         (void);

G_END_DECLS
