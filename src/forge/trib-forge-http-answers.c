/* trib-forge-http-answers.c: what the HTTP session makes of an answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy on addresses (HTTPS, or HTTP to loopback), the headers read
 * from an answer (Link, x-next-page, a forge's message without the
 * token), and the two steps a worker thread runs for each request: reading
 * its cached answer before it is sent, writing the cache and parsing the
 * JSON after.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "trib-forge-error.h"
#include "trib-forge-http-private.h"

/* --- helpers -------------------------------------------------------- */

void
trib_forge_response_free (TribForgeResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response->url);
  g_free (response->next_url);
  g_free (response->next_page);
  g_free (response);
}

void
_trib_forge_http_request_free (Request *req)
{
  g_assert (req->timer_id == 0 && req->timeout_id == 0);
  g_clear_object (&req->http);
  g_free (req->url);
  g_free (req->cache_path);
  g_free (req->etag);
  g_clear_pointer (&req->cached, g_bytes_unref);
  g_free (req->cached_next_url);
  g_free (req->cached_next_page);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->next_url);
  g_free (req->next_page);
  g_clear_object (&req->msg);
  g_clear_object (&req->attempt);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_free (req->origin);
  g_free (req);
}

char *
_trib_forge_http_origin_of (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port < 0)
    port = g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 ? 80 : 443;
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), port);
}

gboolean
_trib_forge_http_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * trib_forge_url_is_allowed:
 * @url: an address
 * @error: a #TRIB_FORGE_ERROR saying why not
 *
 * Returns: whether Tributary may fetch @url: HTTPS anywhere, plain HTTP
 *   only to this computer (loopback)
 */
gboolean
trib_forge_url_is_allowed (const char  *url,
                           GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
                   _("“%s” is not a web address; check the forge’s API address."), url);
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && _trib_forge_http_host_is_loopback (g_uri_get_host (uri)))
    return TRUE;
  g_set_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED,
               _("Refusing to fetch %s: only HTTPS addresses are allowed."), url);
  return FALSE;
}

HostState *
_trib_forge_http_host_state (TribForgeHttp *self,
            const char    *origin)
{
  HostState *host = g_hash_table_lookup (self->hosts, origin);

  if (host == NULL)
    {
      host = g_new0 (HostState, 1);
      g_queue_init (&host->waiting);
      g_hash_table_insert (self->hosts, g_strdup (origin), host);
    }
  return host;
}

void
_trib_forge_http_host_state_free (gpointer data)
{
  HostState *host = data;

  g_queue_clear (&host->waiting);
  g_free (host);
}

/* A forge's message, short and without the token, for an error text. */
char *
_trib_forge_http_server_message (Request *req)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *message = NULL;
  JsonNode *root;
  GString *text;
  const char *token;

  if (req->body == NULL || g_bytes_get_size (req->body) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (req->body, NULL),
                                   g_bytes_get_size (req->body), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  message = json_object_get_string_member_with_default (json_node_get_object (root), "message", NULL);
  if (message == NULL)
    message = json_object_get_string_member_with_default (json_node_get_object (root), "error", NULL);
  if (message == NULL)
    return NULL;

  text = g_string_new (NULL);
  g_string_append_len (text, message, MIN (strlen (message), 200));
  token = g_hash_table_lookup (req->http->tokens, req->origin);
  if (token != NULL && *token != '\0')
    g_string_replace (text, token, "…", 0);
  return g_string_free (text, FALSE);
}

char *
_trib_forge_http_host_name_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}

/* The host of the request, for messages; valid until the next call. */
const char *
_trib_forge_http_host_name (Request *req)
{
  static char *name;

  g_free (name);
  name = _trib_forge_http_host_name_of (req->url);
  return name;
}

const char *
_trib_forge_http_response_header (Request    *req,
                 const char *name)
{
  return soup_message_headers_get_one (soup_message_get_response_headers (req->msg), name);
}

void
_trib_forge_http_parse_link_next (Request *req)
{
  const char *link = _trib_forge_http_response_header (req, "Link");
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return;
  parts = g_strsplit (link, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *lt = strchr (parts[i], '<');
      const char *gt = lt != NULL ? strchr (lt, '>') : NULL;

      if (gt != NULL && strstr (gt, "rel=\"next\"") != NULL)
        {
          req->next_url = g_strndup (lt + 1, gt - lt - 1);
          return;
        }
    }
}

/* --- the cache and the parse, on worker threads ---------------------- */

/* A cached answer is its ETag, the next page's address and number (which
 * a 304 need not repeat) and the length of the body, one per line, then
 * the body. */
void
_trib_forge_http_load_cache_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Request *req = task_data;
  g_autofree char *contents = NULL;
  const char *lines[5];
  const char *p;
  gsize length = 0;

  if (req->cache_path == NULL || !g_file_get_contents (req->cache_path, &contents, &length, NULL))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  p = contents;
  for (guint i = 0; i < 4; i++)
    {
      const char *newline = memchr (p, '\n', length - (p - contents));

      if (newline == NULL)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      lines[i] = p;
      p = newline + 1;
    }
  lines[4] = p;
  if (lines[1] - lines[0] > 1 &&
      g_ascii_strtoull (lines[3], NULL, 10) == (guint64) (length - (p - contents)))
    {
      req->etag = g_strndup (lines[0], lines[1] - lines[0] - 1);
      req->cached_next_url = lines[2] - lines[1] > 1 ? g_strndup (lines[1], lines[2] - lines[1] - 1) : NULL;
      req->cached_next_page = lines[3] - lines[2] > 1 ? g_strndup (lines[2], lines[3] - lines[2] - 1) : NULL;
      req->cached = g_bytes_new (p, length - (p - contents));
    }
  g_task_return_boolean (task, TRUE);
}

void
_trib_forge_http_finish_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *req = task_data;
  g_autoptr(TribForgeResponse) response = g_new0 (TribForgeResponse, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GBytes *body = req->not_modified ? req->cached : req->body;

  if (!req->not_modified && req->status == 200 && req->cache_path != NULL && req->etag != NULL)
    {
      g_autoptr(GByteArray) file = g_byte_array_new ();
      g_autofree char *dir = g_path_get_dirname (req->cache_path);

      g_autofree char *head = g_strdup_printf ("%s\n%s\n%s\n%" G_GSIZE_FORMAT "\n", req->etag,
                                               req->next_url ? req->next_url : "",
                                               req->next_page ? req->next_page : "",
                                               g_bytes_get_size (body));
      g_autofree char *tmp = g_strdup_printf ("%s.%08x", req->cache_path, g_random_int ());

      /* A cache need not survive a power cut, only never be read half
       * written: a new file renamed over the old, without fsync, and a
       * length to check on reading. */
      g_byte_array_append (file, (const guint8 *) head, strlen (head));
      g_byte_array_append (file, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (tmp, (const char *) file->data, file->len,
                                     G_FILE_SET_CONTENTS_NONE, 0600, &error) ||
          g_rename (tmp, req->cache_path) != 0)
        {
          g_debug ("Could not cache %s: %s", req->url, error ? error->message : g_strerror (errno));
          g_clear_error (&error);
          g_unlink (tmp);
        }
    }

  if (body != NULL && g_bytes_get_size (body) > 0 && req->status != 204)
    {
      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                       g_bytes_get_size (body), &error))
        {
          g_task_return_new_error (task, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE,
                                   _("The answer from %s is not valid JSON: %s"),
                                   req->url, error->message);
          return;
        }
      response->json = json_parser_steal_root (parser);
    }

  response->status = req->status;
  response->not_modified = req->not_modified;
  response->url = g_strdup (req->url);
  response->moved = req->moved;
  response->next_url = g_strdup (req->next_url);
  response->next_page = g_strdup (req->next_page);
  g_task_return_pointer (task, g_steal_pointer (&response), (GDestroyNotify) trib_forge_response_free);
}

