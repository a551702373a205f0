/* trib-forge-http.h: the one HTTP session every forge client fetches through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_FORGE_MAX_BODY (8 * 1024 * 1024)

/**
 * TribForgeResponse:
 * @status: the final HTTP status (200, 202 or 204); a 304 is reported as
 *   200 with @not_modified set and the cached body
 * @not_modified: the server answered 304 and @json is the cached body
 * @json: (nullable): the parsed body
 * @url: the address that answered, after redirects
 * @moved: a 301 was followed on the way
 * @next_url: (nullable): the next page, from a `Link: <…>; rel="next"` header
 * @next_page: (nullable): the next page number, from `x-next-page`
 */
typedef struct
{
  guint     status;
  gboolean  not_modified;
  JsonNode *json;
  char     *url;
  gboolean  moved;
  char     *next_url;
  char     *next_page;
} TribForgeResponse;

void trib_forge_response_free (TribForgeResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribForgeResponse, trib_forge_response_free)

typedef enum
{
  TRIB_FORGE_REQUEST_DEFAULT      = 0,
  /* GitHub's statistics answer 202 while they are computed: ask again. */
  TRIB_FORGE_REQUEST_RETRY_202    = 1 << 0,
  /* A 403 that is not a rate limit is an answer, not an error. */
  TRIB_FORGE_REQUEST_ALLOW_403    = 1 << 1,
  /* Answer from the cache, as a 304 would, without asking, when a cached
   * answer exists; ask otherwise. */
  TRIB_FORGE_REQUEST_CACHE_ONLY   = 1 << 2,
} TribForgeRequestFlags;

#define TRIB_TYPE_FORGE_HTTP (trib_forge_http_get_type ())

G_DECLARE_FINAL_TYPE (TribForgeHttp, trib_forge_http, TRIB, FORGE_HTTP, GObject)

TribForgeHttp     *trib_forge_http_new          (const char            *cache_dir);
void               trib_forge_http_set_token    (TribForgeHttp         *self,
                                                 const char            *base_url,
                                                 const char            *token);
void               trib_forge_http_set_max_per_host (TribForgeHttp     *self,
                                                 guint                  max);
guint              trib_forge_http_get_max_per_host (TribForgeHttp     *self);
void               trib_forge_http_set_timeout  (TribForgeHttp         *self,
                                                 guint                  seconds);
void               trib_forge_http_set_retry_delay (TribForgeHttp      *self,
                                                 guint                  milliseconds);
void               trib_forge_http_set_stop_on_rate_limit (TribForgeHttp *self,
                                                 gboolean               stop);
gboolean           trib_forge_http_get_stop_on_rate_limit (TribForgeHttp *self);
guint              trib_forge_http_get_requests (TribForgeHttp         *self);

void               trib_forge_http_get_async    (TribForgeHttp         *self,
                                                 const char            *url,
                                                 TribForgeRequestFlags  flags,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
TribForgeResponse *trib_forge_http_get_finish   (TribForgeHttp         *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);

gboolean           trib_forge_url_is_allowed    (const char            *url,
                                                 GError               **error);

G_END_DECLS
