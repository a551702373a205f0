/* trib-forge-http.c: the one HTTP session every forge client fetches through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request of a refresh goes through one SoupSession, at most
 * max-per-host at a time to a host. A request:
 *   1. reads its cached answer (ETag and body) on a worker thread;
 *   2. waits for a slot on its host (and for the end of a rate-limit pause);
 *   3. sends, with If-None-Match when cached, and reads at most 8 MiB;
 *   4. follows redirects itself, so that plain HTTP (but to loopback) is
 *      refused and a token is sent only to the host it belongs to;
 *   5. retries a 5xx or a broken connection 3 times with exponential
 *      backoff, backs off from secondary rate limits, waits for the reset
 *      of a primary one (or stops, if told to);
 *   6. parses the JSON and writes the cache on a worker thread.
 * Nothing blocks the main loop; the cancellable stops any step.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <errno.h>
#include <string.h>

#include "trib-forge-error.h"
#include "trib-forge-http-private.h"

#define MAX_REDIRECTS        5
#define MAX_RETRIES          3
#define MAX_202_RETRIES      6
#define MAX_SECONDARY        3
#define MAX_PRIMARY_WAITS    3
#define READ_CHUNK           (64 * 1024)

enum { RATE_LIMITED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TribForgeHttp, trib_forge_http, G_TYPE_OBJECT)

static void request_enqueue (GTask *task);
static void request_fail (GTask *task, GError *error);

/* --- the request's life ---------------------------------------------- */

static void
request_detach (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_clear_handle_id (&req->timer_id, g_source_remove);
  g_clear_handle_id (&req->timeout_id, g_source_remove);
  if (req->cancel_id != 0)
    {
      g_signal_handler_disconnect (cancellable, req->cancel_id);
      req->cancel_id = 0;
    }
}

static void
release_slot (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  HostState *host;

  if (!req->holds_slot)
    return;
  req->holds_slot = FALSE;
  host = _trib_forge_http_host_state (req->http, req->origin);
  g_assert (host->active > 0);
  host->active--;

  /* Hand the slot on. */
  if (host->active < req->http->max_per_host && !g_queue_is_empty (&host->waiting))
    {
      GTask *next = g_queue_pop_head (&host->waiting);
      Request *next_req = g_task_get_task_data (next);

      next_req->queued = FALSE;
      request_enqueue (next);
      g_object_unref (next);   /* the queue's reference */
    }
}

static void
request_fail (GTask  *task,
              GError *error)
{
  release_slot (task);
  request_detach (task);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
request_succeed (GTask *task)
{
  release_slot (task);
  request_detach (task);
  /* Writing the cache and parsing happen on a worker thread. */
  g_task_run_in_thread (task, _trib_forge_http_finish_thread);
  g_object_unref (task);
}

static gboolean
on_timer_cb (gpointer data)
{
  GTask *task = data;
  Request *req = g_task_get_task_data (task);

  req->timer_id = 0;
  request_enqueue (task);
  return G_SOURCE_REMOVE;
}

static void
retry_after (GTask *task,
             guint  milliseconds)
{
  Request *req = g_task_get_task_data (task);

  release_slot (task);
  g_clear_object (&req->msg);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  req->timer_id = g_timeout_add (milliseconds, on_timer_cb, task);
}

static guint
backoff (TribForgeHttp *self,
         guint          attempt)
{
  return self->retry_delay * (1u << MIN (attempt, 10));
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time != NULL ? g_date_time_format (time, "%H:%M:%S") : g_strdup ("?");
}

static gboolean
handle_rate_limit (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  TribForgeHttp *self = req->http;
  const char *remaining = _trib_forge_http_response_header (req, "x-ratelimit-remaining");
  const char *reset = _trib_forge_http_response_header (req, "x-ratelimit-reset");
  const char *retry = _trib_forge_http_response_header (req, "retry-after");
  g_autofree char *message = _trib_forge_http_server_message (req);
  gboolean secondary;

  if (remaining != NULL && strcmp (remaining, "0") == 0 && reset != NULL && retry == NULL)
    {
      gint64 until = g_ascii_strtoll (reset, NULL, 10);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      g_autofree char *when = format_time (until);
      HostState *host = _trib_forge_http_host_state (self, req->origin);

      if (self->stop_on_rate_limit || req->primary >= MAX_PRIMARY_WAITS || until > now + 24 * 3600)
        {
          request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_RATE_LIMITED,
                                           _("%s refused the request: rate limit reached until %s. "
                                             "Refresh again then, or add a token in Preferences."),
                                           _trib_forge_http_host_name (req), when));
          return TRUE;
        }
      req->primary++;
      host->paused_until = MAX (host->paused_until, until);
      g_signal_emit (self, signals[RATE_LIMITED], 0, req->origin, until);
      retry_after (task, (guint) (MAX (until - now, 0) * 1000 + 500));
      return TRUE;
    }

  secondary = retry != NULL ||
              (message != NULL && (strstr (message, "secondary rate limit") != NULL ||
                                   strstr (message, "abuse") != NULL)) ||
              soup_message_get_status (req->msg) == 429;
  if (!secondary)
    return FALSE;

  if (req->secondary >= MAX_SECONDARY)
    {
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_RATE_LIMITED,
                                       _("%s kept refusing the request as too many too fast; "
                                         "refresh again in a few minutes."), _trib_forge_http_host_name (req)));
      return TRUE;
    }
  if (retry != NULL)
    {
      guint64 seconds = g_ascii_strtoull (retry, NULL, 10);

      g_signal_emit (self, signals[RATE_LIMITED], 0, req->origin,
                     g_get_real_time () / G_USEC_PER_SEC + (gint64) seconds);
      retry_after (task, (guint) MIN (seconds, 3600) * 1000);
    }
  else
    retry_after (task, backoff (self, req->secondary + 2));
  req->secondary++;
  return TRUE;
}

static void
on_response_complete (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  TribForgeHttp *self = req->http;
  guint status = soup_message_get_status (req->msg);
  g_autofree char *message = NULL;

  req->body = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != 304)
    {
      const char *location = _trib_forge_http_response_header (req, "Location");
      g_autoptr(GUri) base = g_uri_parse (req->url, G_URI_FLAGS_NONE, NULL);
      g_autoptr(GUri) target = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *target_url = NULL;

      if (location == NULL || req->redirects >= MAX_REDIRECTS ||
          (target = g_uri_parse_relative (base, location, G_URI_FLAGS_NONE, NULL)) == NULL)
        {
          request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE,
                                           _("%s redirected too often or nowhere."), req->url));
          return;
        }
      target_url = g_uri_to_string (target);
      if (!trib_forge_url_is_allowed (target_url, &error))
        {
          request_fail (task, g_steal_pointer (&error));
          return;
        }
      req->redirects++;
      req->moved |= status == 301 || status == 308;
      g_free (req->url);
      req->url = g_steal_pointer (&target_url);
      /* The slot belongs to the old host; the new one may differ. */
      release_slot (task);
      g_free (req->origin);
      req->origin = _trib_forge_http_origin_of (target);
      g_clear_pointer (&req->etag, g_free);
      g_clear_pointer (&req->cached, g_bytes_unref);
      retry_after (task, 0);
      return;
    }

  req->status = status;
  switch (status)
    {
    case 200:
    case 204:
      _trib_forge_http_parse_link_next (req);
      req->next_page = g_strdup (_trib_forge_http_response_header (req, "x-next-page"));
      if (req->next_page != NULL && *req->next_page == '\0')
        g_clear_pointer (&req->next_page, g_free);
      g_free (req->etag);
      req->etag = g_strdup (_trib_forge_http_response_header (req, "ETag"));
      request_succeed (task);
      return;

    case 304:
      if (req->cached == NULL)
        break;
      req->status = 200;
      req->not_modified = TRUE;
      req->next_url = g_strdup (req->cached_next_url);
      req->next_page = g_strdup (req->cached_next_page);
      request_succeed (task);
      return;

    case 202:
      if ((req->flags & TRIB_FORGE_REQUEST_RETRY_202) && req->retries_202 < MAX_202_RETRIES)
        {
          retry_after (task, backoff (self, req->retries_202++));
          return;
        }
      request_succeed (task);
      return;

    case 401:
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_UNAUTHORIZED,
                                       _("%s refused the token (401); check it in Preferences."),
                                       _trib_forge_http_host_name (req)));
      return;

    case 403:
    case 429:
      if (handle_rate_limit (task))
        return;
      if (req->flags & TRIB_FORGE_REQUEST_ALLOW_403)
        {
          request_succeed (task);
          return;
        }
      break;

    case 404:
    case 410:
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_NOT_FOUND,
                                       _("%s does not exist, or is private (%u); check the repository address."),
                                       req->url, status));
      return;

    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        {
          if (req->retries < MAX_RETRIES)
            {
              retry_after (task, backoff (self, req->retries++));
              return;
            }
          request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_SERVER,
                                           _("%s failed with %u %s after %d retries; try again later."),
                                           req->url, status, soup_message_get_reason_phrase (req->msg),
                                           MAX_RETRIES));
          return;
        }
      break;
    }

  message = _trib_forge_http_server_message (req);
  request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
                                   _("%s answered %u %s%s%s"), req->url, status,
                                   soup_message_get_reason_phrase (req->msg),
                                   message ? ": " : ".", message ? message : ""));
}

static void
handle_transfer_error (GTask  *task,
                       GError *error)
{
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_clear_handle_id (&req->timeout_id, g_source_remove);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_error_free (error);
      request_fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      return;
    }
  if (req->timed_out)
    {
      g_error_free (error);
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_NETWORK,
                                       _("%s did not answer within %u seconds."),
                                       req->url, req->http->timeout));
      return;
    }
  if (g_error_matches (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE))
    {
      request_fail (task, error);
      return;
    }
  if (req->retries < MAX_RETRIES)
    {
      g_debug ("%s: %s; retrying", req->url, error->message);
      g_error_free (error);
      retry_after (task, backoff (req->http, req->retries++));
      return;
    }
  request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_NETWORK,
                                   _("Could not fetch %s after %d retries: %s"),
                                   req->url, MAX_RETRIES, error->message));
  g_error_free (error);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GTask *task = data;
  Request *req = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      handle_transfer_error (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      g_clear_handle_id (&req->timeout_id, g_source_remove);
      g_input_stream_close_async (req->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      on_response_complete (task);
      return;
    }
  if (req->buffer->len + g_bytes_get_size (chunk) > TRIB_FORGE_MAX_BODY)
    {
      g_cancellable_cancel (req->attempt);
      g_clear_handle_id (&req->timeout_id, g_source_remove);
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE,
                                       _("The answer from %s is larger than %d MiB; refused."),
                                       req->url, TRIB_FORGE_MAX_BODY / (1024 * 1024)));
      return;
    }
  g_byte_array_append (req->buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT, req->attempt,
                                   on_read_cb, task);
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GTask *task = data;
  Request *req = g_task_get_task_data (task);
  GError *error = NULL;
  goffset length;

  req->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (req->stream == NULL)
    {
      handle_transfer_error (task, error);
      return;
    }
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (req->msg));
  if (length > TRIB_FORGE_MAX_BODY)
    {
      g_cancellable_cancel (req->attempt);
      g_clear_handle_id (&req->timeout_id, g_source_remove);
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE,
                                       _("The answer from %s is larger than %d MiB; refused."),
                                       req->url, TRIB_FORGE_MAX_BODY / (1024 * 1024)));
      return;
    }
  req->buffer = g_byte_array_new ();
  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT, req->attempt,
                                   on_read_cb, task);
}

static gboolean
on_timeout_cb (gpointer data)
{
  GTask *task = data;
  Request *req = g_task_get_task_data (task);

  req->timeout_id = 0;
  req->timed_out = TRUE;
  g_cancellable_cancel (req->attempt);
  return G_SOURCE_REMOVE;
}

static void
request_send (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  TribForgeHttp *self = req->http;
  SoupMessageHeaders *headers;
  const char *token;

  req->msg = soup_message_new (SOUP_METHOD_GET, req->url);
  if (req->msg == NULL)
    {
      request_fail (task, g_error_new (TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
                                       _("“%s” is not a web address."), req->url));
      return;
    }
  soup_message_add_flags (req->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (req->etag != NULL && req->cached != NULL)
    soup_message_headers_replace (headers, "If-None-Match", req->etag);
  token = g_hash_table_lookup (self->tokens, req->origin);
  if (token != NULL && *token != '\0')
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }

  g_clear_object (&req->attempt);
  req->attempt = g_cancellable_new ();
  req->timed_out = FALSE;
  req->timeout_id = g_timeout_add_seconds (self->timeout, on_timeout_cb, task);
  self->requests++;
  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT, req->attempt,
                           on_sent_cb, task);
}

static void
request_enqueue (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  TribForgeHttp *self = req->http;
  HostState *host = _trib_forge_http_host_state (self, req->origin);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (g_task_return_error_if_cancelled (task))
    {
      request_detach (task);
      g_object_unref (task);
      return;
    }
  if (host->paused_until > now)
    {
      req->timer_id = g_timeout_add ((guint) (host->paused_until - now) * 1000 + 500, on_timer_cb, task);
      return;
    }
  if (host->active >= self->max_per_host)
    {
      req->queued = TRUE;
      g_queue_push_tail (&host->waiting, g_object_ref (task));
      return;
    }
  host->active++;
  req->holds_slot = TRUE;
  request_send (task);
}

static gboolean
on_cancel_idle_cb (gpointer data)
{
  GTask *task = data;
  Request *req = g_task_get_task_data (task);

  if (g_task_get_completed (task) || req->cancel_id == 0)
    return G_SOURCE_REMOVE;

  if (req->queued)
    {
      HostState *host = _trib_forge_http_host_state (req->http, req->origin);

      g_queue_remove (&host->waiting, task);
      req->queued = FALSE;
      g_object_unref (task);   /* the queue's reference */
      request_fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
    }
  else if (req->timer_id != 0)
    request_fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
  else if (req->attempt != NULL)
    g_cancellable_cancel (req->attempt);
  return G_SOURCE_REMOVE;
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, on_cancel_idle_cb, g_object_ref (data), g_object_unref);
}

static void
on_cache_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  GTask *task = data;
  Request *req = g_task_get_task_data (task);

  if ((req->flags & TRIB_FORGE_REQUEST_CACHE_ONLY) && req->cached != NULL &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      req->status = 200;
      req->not_modified = TRUE;
      req->next_url = g_strdup (req->cached_next_url);
      req->next_page = g_strdup (req->cached_next_page);
      request_succeed (task);
      return;
    }
  request_enqueue (task);
}

/* --- the object ------------------------------------------------------ */

static void
trib_forge_http_finalize (GObject *object)
{
  TribForgeHttp *self = TRIB_FORGE_HTTP (object);

  g_clear_object (&self->session);
  g_free (self->cache_dir);
  g_hash_table_unref (self->tokens);
  g_hash_table_unref (self->hosts);

  G_OBJECT_CLASS (trib_forge_http_parent_class)->finalize (object);
}

static void
trib_forge_http_class_init (TribForgeHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_forge_http_finalize;

  /**
   * TribForgeHttp::rate-limited:
   * @origin: the host that asked to wait ("https://api.github.com:443")
   * @until: Unix time the requests to it resume
   *
   * A host asked us to slow down; its requests wait until @until.
   */
  signals[RATE_LIMITED] = g_signal_new ("rate-limited", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
trib_forge_http_init (TribForgeHttp *self)
{
  g_autofree char *agent = g_strdup_printf ("Tributary/%s", PACKAGE_VERSION);

  /* Our own per-host limit queues requests; the session's only must not
   * be lower. */
  self->session = soup_session_new_with_options ("max-conns-per-host", 32,
                                                 "max-conns", 64,
                                                 "user-agent", agent,
                                                 NULL);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _trib_forge_http_host_state_free);
  self->max_per_host = 4;
  self->timeout = 20;
  self->retry_delay = 1000;
}

/**
 * trib_forge_http_new:
 * @cache_dir: (nullable): where answers and their ETags are kept; %NULL
 *   for no cache
 *
 * Returns: (transfer full): a new session
 */
TribForgeHttp *
trib_forge_http_new (const char *cache_dir)
{
  TribForgeHttp *self = g_object_new (TRIB_TYPE_FORGE_HTTP, NULL);

  self->cache_dir = g_strdup (cache_dir);
  return self;
}

/**
 * trib_forge_http_set_token:
 * @self: a session
 * @base_url: the API address the token belongs to
 * @token: (nullable): the token; %NULL or "" for none
 *
 * Sends @token, as a bearer token, with requests to the host of @base_url
 * and to no other.
 */
void
trib_forge_http_set_token (TribForgeHttp *self,
                           const char    *base_url,
                           const char    *token)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (TRIB_IS_FORGE_HTTP (self));
  g_return_if_fail (base_url != NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return;
  if (token == NULL || *token == '\0')
    g_hash_table_remove (self->tokens, _trib_forge_http_origin_of (uri));
  else
    g_hash_table_insert (self->tokens, _trib_forge_http_origin_of (uri), g_strdup (token));
}

/** trib_forge_http_set_max_per_host: set how many requests go to one host at once (1–16) */
void
trib_forge_http_set_max_per_host (TribForgeHttp *self,
                                  guint          max)
{
  g_return_if_fail (TRIB_IS_FORGE_HTTP (self));
  self->max_per_host = CLAMP (max, 1, 16);
}

/** trib_forge_http_get_max_per_host: Returns: how many requests go to one host at once */
guint
trib_forge_http_get_max_per_host (TribForgeHttp *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_HTTP (self), 0);
  return self->max_per_host;
}

/** trib_forge_http_set_timeout: set the seconds a request may take before it fails */
void
trib_forge_http_set_timeout (TribForgeHttp *self,
                             guint          seconds)
{
  g_return_if_fail (TRIB_IS_FORGE_HTTP (self));
  self->timeout = MAX (seconds, 1);
}

/** trib_forge_http_set_retry_delay: set the first backoff delay; each retry doubles it */
void
trib_forge_http_set_retry_delay (TribForgeHttp *self,
                                 guint          milliseconds)
{
  g_return_if_fail (TRIB_IS_FORGE_HTTP (self));
  self->retry_delay = milliseconds;
}

/** trib_forge_http_set_stop_on_rate_limit: fail instead of waiting for a rate limit's reset */
void
trib_forge_http_set_stop_on_rate_limit (TribForgeHttp *self,
                                        gboolean       stop)
{
  g_return_if_fail (TRIB_IS_FORGE_HTTP (self));
  self->stop_on_rate_limit = stop;
}

/** trib_forge_http_get_stop_on_rate_limit: Returns: whether a rate limit fails the request */
gboolean
trib_forge_http_get_stop_on_rate_limit (TribForgeHttp *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_HTTP (self), FALSE);
  return self->stop_on_rate_limit;
}

/** trib_forge_http_get_requests: Returns: HTTP requests sent so far, retries and redirects included */
guint
trib_forge_http_get_requests (TribForgeHttp *self)
{
  g_return_val_if_fail (TRIB_IS_FORGE_HTTP (self), 0);
  return self->requests;
}

/**
 * trib_forge_http_get_async:
 * @self: a session
 * @url: the address, HTTPS or loopback HTTP
 * @flags: how to treat some answers
 * @cancellable: (nullable): stops the request at any step
 * @callback: called with the answer
 * @user_data: for @callback
 *
 * Fetches @url as described at the top of this file.
 */
void
trib_forge_http_get_async (TribForgeHttp         *self,
                           const char            *url,
                           TribForgeRequestFlags  flags,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) loader = NULL;
  g_autoptr(GUri) uri = NULL;
  GError *error = NULL;
  Request *req;

  g_return_if_fail (TRIB_IS_FORGE_HTTP (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_forge_http_get_async);

  if (!trib_forge_url_is_allowed (url, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  req = g_new0 (Request, 1);
  req->http = g_object_ref (self);
  req->url = g_strdup (url);
  req->flags = flags;
  req->origin = _trib_forge_http_origin_of (uri);
  if (self->cache_dir != NULL)
    {
      gboolean authed = g_hash_table_contains (self->tokens, req->origin);
      g_autofree char *key = g_strdup_printf ("%s\n%d", url, authed);
      g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

      req->cache_path = g_build_filename (self->cache_dir, name, NULL);
    }
  g_task_set_task_data (task, req, (GDestroyNotify) _trib_forge_http_request_free);
  if (cancellable != NULL)
    req->cancel_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (on_cancelled_cb), task);

  /* The request keeps its own reference until it completes. */
  loader = g_task_new (NULL, NULL, on_cache_loaded_cb, g_object_ref (task));
  g_task_set_task_data (loader, req, NULL);
  g_task_run_in_thread (loader, _trib_forge_http_load_cache_thread);
}

/**
 * trib_forge_http_get_finish:
 * @self: a session
 * @result: the result
 * @error: a #TRIB_FORGE_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the answer, free with trib_forge_response_free()
 */
TribForgeResponse *
trib_forge_http_get_finish (TribForgeHttp  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
