/* trib-forge-http-private.h: what the HTTP session's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "trib-forge-http.h"

G_BEGIN_DECLS

typedef struct
{
  guint   active;
  GQueue  waiting;
  gint64  paused_until;   /* Unix seconds */
} HostState;

struct _TribForgeHttp
{
  GObject      parent_instance;

  SoupSession *session;
  char        *cache_dir;
  GHashTable  *tokens;    /* origin → token */
  GHashTable  *hosts;     /* origin → HostState */
  guint        max_per_host;
  guint        timeout;
  guint        retry_delay;
  gboolean     stop_on_rate_limit;
  guint        requests;
};

typedef struct
{
  TribForgeHttp        *http;
  char                 *url;
  char                 *cache_path;
  TribForgeRequestFlags flags;
  char                 *etag;
  GBytes               *cached;
  char                 *cached_next_url;
  char                 *cached_next_page;
  GBytes               *body;
  guint                 status;
  gboolean              not_modified;
  gboolean              moved;
  char                 *next_url;
  char                 *next_page;
  SoupMessage          *msg;
  GCancellable         *attempt;
  GInputStream         *stream;
  GByteArray           *buffer;
  guint                 timer_id;
  guint                 timeout_id;
  gboolean              timed_out;
  gboolean              queued;
  gboolean              holds_slot;
  char                 *origin;
  guint                 redirects, retries, retries_202, secondary, primary;
  gulong                cancel_id;
} Request;

char       *_trib_forge_http_origin_of         (GUri          *uri);
gboolean    _trib_forge_http_host_is_loopback  (const char    *host);
char       *_trib_forge_http_host_name_of      (const char    *url);
const char *_trib_forge_http_host_name         (Request       *req);
HostState  *_trib_forge_http_host_state        (TribForgeHttp *self,
                                                const char    *origin);
void        _trib_forge_http_host_state_free   (gpointer       data);
void        _trib_forge_http_request_free      (Request       *req);
char       *_trib_forge_http_server_message    (Request       *req);
const char *_trib_forge_http_response_header   (Request       *req,
                                                const char    *name);
void        _trib_forge_http_parse_link_next   (Request       *req);
void        _trib_forge_http_load_cache_thread (GTask         *task,
                                                gpointer       source,
                                                gpointer       task_data,
                                                GCancellable  *cancellable);
void        _trib_forge_http_finish_thread     (GTask         *task,
                                                gpointer       source,
                                                gpointer       task_data,
                                                GCancellable  *cancellable);

G_END_DECLS
