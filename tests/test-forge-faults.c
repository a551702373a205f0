/* test-forge-faults.c: a forge that answers badly, or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bodies that are not JSON, cut short, of the wrong types, of 64 MiB or
 * endless; a server that never answers; 404; plain HTTP. Each ends in a
 * clear error for the upstream, never a crash or a hang.
 */
#include "config.h"

#include "forge-test-fixture.h"

static gboolean
hook_body (TestForge         *forge,
           SoupServerMessage *msg,
           const char        *path,
           const char        *page,
           gpointer           data)
{
  if (strcmp (path, "/gh/repos/tributary-test/libexample") == 0)
    {
      test_forge_reply (msg, 200, data, -1);
      return TRUE;
    }
  return FALSE;
}

static void
expect_bad_body (Fixture    *f,
                 const char *body,
                 const char *message_part)
{
  g_autoptr(GError) error = NULL;

  f->forge->hook = hook_body;
  f->forge->hook_data = (gpointer) body;
  g_assert_null (fetch (f->github, GITHUB_REPO, NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message_part);
}

static void
test_bad_bodies (Fixture       *f,
                 gconstpointer  data)
{
  expect_bad_body (f, "<!DOCTYPE html><html><body>Whoa there!</body></html>", "is not valid JSON");
  expect_bad_body (f, "{\"full_name\": \"tributary-test/libexample\", \"stargazers_count\": 12", "is not valid JSON");
  expect_bad_body (f, "{\"full_name\": \"tributary-test/libexample\", \"stargazers_count\": \"many\"}",
                   "“stargazers_count” should be a whole number");
  expect_bad_body (f, "{\"full_name\": \"tributary-test/libexample\", \"archived\": \"no\"}",
                   "should be text");
  expect_bad_body (f, "{\"full_name\": 7}", "“full_name” should be OWNER/NAME");
  expect_bad_body (f, "[1, 2, 3]", "“(body)” should be an object");
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fetch (f->github, "https://github.com/nobody/nothing", NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/gh/repos/nobody/nothing does not exist, or is private (404)"));
  g_clear_error (&error);

  g_assert_null (fetch (f->github, "https://github.com/just-an-owner", NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED);
}

static gboolean
hook_huge (TestForge         *forge,
           SoupServerMessage *msg,
           const char        *path,
           const char        *page,
           gpointer           data)
{
  if (strcmp (path, "/gh/repos/tributary-test/libexample") == 0)
    {
      gsize size = 64 * 1024 * 1024;
      char *body = g_malloc (size);

      memset (body, ' ', size);
      body[0] = '[';
      body[size - 1] = ']';
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, size);
      return TRUE;
    }
  return FALSE;
}

static void
test_huge_body (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->forge->hook = hook_huge;
  g_assert_null (fetch (f->github, GITHUB_REPO, NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "is larger than 8 MiB; refused"));
}

/* Raw sockets for what a well-behaved server cannot do: stop mid-body,
 * never answer, stream without a length. */
typedef enum { RAW_TRUNCATED, RAW_SILENT, RAW_ENDLESS } RawMode;

static gboolean
on_raw_incoming_cb (GThreadedSocketService *service,
                    GSocketConnection      *connection,
                    GObject                *source,
                    gpointer                data)
{
  RawMode mode = GPOINTER_TO_INT (data);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  char buffer[4096];
  const char *head;

  /* Read the request. */
  if (g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL) <= 0)
    return TRUE;

  switch (mode)
    {
    case RAW_TRUNCATED:
      head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
             "{\"full_name\": \"tributary-test/libexample\", \"stargazers_count\": 12";
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      break;
    case RAW_SILENT:
      g_usleep (4 * G_USEC_PER_SEC);
      break;
    case RAW_ENDLESS:
      head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[";
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      memset (buffer, ' ', sizeof buffer);
      for (gsize sent = 0; sent < 64 * 1024 * 1024; sent += sizeof buffer)
        if (!g_output_stream_write_all (out, buffer, sizeof buffer, NULL, NULL, NULL))
          break;
      break;
    default:
      g_assert_not_reached ();
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static char *
raw_server (RawMode          mode,
            GSocketService **service_out)
{
  GSocketService *service = g_threaded_socket_service_new (4);
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (on_raw_incoming_cb), GINT_TO_POINTER (mode));
  g_socket_service_start (service);
  *service_out = service;
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

static void
test_raw_faults (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { RawMode mode; int code; const char *part; } cases[] = {
    { RAW_TRUNCATED, TRIB_FORGE_ERROR_NETWORK, "after 3 retries" },
    { RAW_SILENT, TRIB_FORGE_ERROR_NETWORK, "did not answer within 1 seconds" },
    { RAW_ENDLESS, TRIB_FORGE_ERROR_BAD_RESPONSE, "is larger than 8 MiB; refused" },
  };

  trib_forge_http_set_timeout (f->http, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GSocketService *service = NULL;
      g_autofree char *base = raw_server (cases[i].mode, &service);
      g_autoptr(TribForgeClient) client = trib_forge_client_new (TRIB_FORGE_GITHUB, f->http, base);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_null (fetch (client, GITHUB_REPO, NULL, &error));
      g_assert_error (error, TRIB_FORGE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].part) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, cases[i].part);
      /* Never a hang: the timeout bounds even the silent server. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_socket_service_stop (service);
      g_socket_listener_close (G_SOCKET_LISTENER (service));
      g_object_unref (service);
    }
}

static void
test_plain_http_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TribForgeClient) client = trib_forge_client_new (TRIB_FORGE_GITHUB, f->http, "http://api.example.org");
  g_autoptr(GError) error = NULL;

  g_assert_null (fetch (client, GITHUB_REPO, NULL, &error));
  g_assert_error (error, TRIB_FORGE_ERROR, TRIB_FORGE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "only HTTPS addresses are allowed"));
  g_assert_true (trib_forge_url_is_allowed ("http://[::1]:8080/x", NULL));
  g_assert_true (trib_forge_url_is_allowed ("http://localhost/x", NULL));
  g_assert_true (trib_forge_url_is_allowed ("https://gitlab.example.org/api/v4", NULL));
  g_assert_false (trib_forge_url_is_allowed ("http://10.0.0.1/x", NULL));
  g_assert_false (trib_forge_url_is_allowed ("ftp://example.org/x", NULL));
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated test home has no desktop proxy settings to read. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/forge/http/bad-bodies", test_bad_bodies, NULL);
  ADD ("/forge/http/not-found", test_not_found, NULL);
  ADD ("/forge/http/64-mib", test_huge_body, NULL);
  ADD ("/forge/http/truncated-silent-endless", test_raw_faults, NULL);
  ADD ("/forge/http/plain-http", test_plain_http_refused, NULL);
#undef ADD

  return g_test_run ();
}
