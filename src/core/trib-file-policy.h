/* trib-file-policy.h: where Tributary may write, and what it may read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  TRIB_FILE_KIND_PLAN,     /* a Tributary plan file */
  TRIB_FILE_KIND_DOCUMENT, /* a document made from a plan: JSON, a report */
} TribFileKind;

typedef enum
{
  TRIB_OUTPUT_DEFAULT = 0,
  /* An existing file of the output's kind may be replaced (--replace, or a
   * file chooser that asked). Documents always replace documents. */
  TRIB_OUTPUT_REPLACE = 1 << 0,
} TribOutputFlags;

typedef struct _TribOutput TribOutput;

TribOutput *trib_output_new            (const char          *path,
                                        TribFileKind         kind,
                                        TribOutputFlags      flags,
                                        const char * const  *inputs,
                                        GError             **error);
void        trib_output_free           (TribOutput          *self);
const char *trib_output_get_path       (TribOutput          *self);
gboolean    trib_output_get_exists     (TribOutput          *self);
char       *trib_output_temp_path      (TribOutput          *self);
int         trib_output_open_temp      (TribOutput          *self,
                                        char               **temp_path,
                                        GError             **error);
gboolean    trib_output_commit         (TribOutput          *self,
                                        const char          *temp_path,
                                        GError             **error);
void        trib_output_hide_temp      (TribOutput          *self,
                                        const char          *temp_path,
                                        GError              *error);

int         trib_file_open_input       (const char          *path,
                                        GError             **error);
gboolean    trib_file_is_plan          (const char          *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribOutput, trib_output_free)

G_END_DECLS
