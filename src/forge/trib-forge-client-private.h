/* trib-forge-client-private.h: what the GitHub and GitLab clients share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "trib-forge-client.h"

G_BEGIN_DECLS

typedef void (*TribForgeStep) (TribForgeFetch    *fetch,
                               TribForgeResponse *response);

struct _TribForgeFetch
{
  TribForgeClient *client;
  GTask           *task;
  TribForgeStats  *stats;
  char            *repo_api;    /* API address of the repository (after a rename, its new one) */
  gboolean         all_cached;  /* every answer so far was 304 */
  gboolean         unchanged;   /* the repository answered 304: the rest comes from the cache */
  guint            pages;
  gint64           now;
  TribForgeStep    step;
  TribForgeRequestFlags flags;
};

void        _trib_forge_fetch_get   (TribForgeFetch        *fetch,
                                     const char            *url,
                                     TribForgeRequestFlags  flags,
                                     TribForgeStep          step);
void        _trib_forge_fetch_fail  (TribForgeFetch        *fetch,
                                     GError                *error);
void        _trib_forge_fetch_done  (TribForgeFetch        *fetch);
GError     *_trib_forge_bad_field   (TribForgeFetch        *fetch,
                                     const char            *url,
                                     const char            *field,
                                     const char            *expected);

/* Members of a JSON object, strictly typed: a member that is missing or
 * null gives the default; one of the wrong type fails. */
gboolean    _trib_json_int          (JsonObject            *object,
                                     const char            *name,
                                     gint64                *value,
                                     gboolean              *present);
gboolean    _trib_json_string       (JsonObject            *object,
                                     const char            *name,
                                     const char           **value);
gboolean    _trib_json_bool         (JsonObject            *object,
                                     const char            *name,
                                     gboolean              *value);

gint64      _trib_forge_parse_time  (const char            *text);
char       *_trib_forge_date        (const char            *text);
char       *_trib_forge_datetime    (const char            *text);
void        _trib_forge_add_contributor (TribForgeStats    *stats,
                                     const char            *handle,
                                     const char            *email,
                                     gint64                 contributions);
void        _trib_forge_count_release (TribForgeFetch      *fetch,
                                     const char            *published);

GType       _trib_github_client_get_type (void);
GType       _trib_gitlab_client_get_type (void);

G_END_DECLS
