/* test-forge-tokens.c: forge tokens through the real Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside a session bus (the headless test setup), with the isolated home,
 * an unlocked gnome-keyring is started; a token is stored, looked up,
 * replaced and removed through libsecret, and its bytes are in no file
 * the run writes. Skipped without a session bus or gnome-keyring.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trib-forge-tokens.h"
#include "trib-test-util.h"

static GSubprocess *daemon_process;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*slot == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*slot);
  return *slot;
}

static char *
lookup (TribForge forge)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  trib_forge_token_lookup_async (forge, NULL, on_done_cb, &result);
  token = trib_forge_token_lookup_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return token;
}

static void
store (TribForge   forge,
       const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  trib_forge_token_store_async (forge, token, NULL, on_done_cb, &result);
  g_assert_true (trib_forge_token_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static gboolean
start_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) password = g_bytes_new_static ("test", 4);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run with --setup=headless");
      return FALSE;
    }
  /* Never the desktop's own keyring: only a bus of our own. */
  {
    g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
    g_autoptr(GVariant) reply = NULL;
    gboolean owned = FALSE;

    if (bus != NULL)
      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
    if (reply != NULL)
      g_variant_get (reply, "(b)", &owned);
    if (bus == NULL || owned)
      {
        g_test_skip ("A Secret Service already runs on this bus: run with --setup=headless");
        return FALSE;
      }
  }

  /* The isolated folders exist only by name until made. */
  g_mkdir_with_parents (g_get_home_dir (), 0700);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_mkdir_with_parents (g_get_user_runtime_dir (), 0700);
  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_MERGE);

    /* The daemon keeps its socket and keyrings in the isolated folders. */
    g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
    /* The tests' strictness is for our code, not for the daemon's warnings. */
    g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
    g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
    daemon_process = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--unlock",
                                                  "--components=secrets", NULL);
  }
  if (daemon_process == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return FALSE;
    }
  /* It reads the password, prints its environment and goes on in the
   * background. */
  g_assert_true (g_subprocess_communicate (daemon_process, password, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (out != NULL)
    g_test_message ("gnome-keyring-daemon: %.*s", (int) g_bytes_get_size (out), (const char *) g_bytes_get_data (out, NULL));

  /* Wait until it owns the Secret Service's name, or the bus would start
   * another, locked, one for the first request. */
  {
    g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    gboolean owned = FALSE;

    g_assert_no_error (error);
    while (!owned && g_get_monotonic_time () < deadline)
      {
        g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                 "org.freedesktop.DBus", "NameHasOwner",
                                                                 g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                                 G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                                 -1, NULL, NULL);
        if (reply != NULL)
          g_variant_get (reply, "(b)", &owned);
        if (!owned)
          g_usleep (50000);
      }
    g_assert_true (owned);
  }
  return TRUE;
}

static gboolean
tree_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          if (tree_contains (path, needle))
            return TRUE;
          continue;
        }
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !g_file_get_contents (path, &contents, &length, NULL))
        continue;
      for (gsize i = 0; i + strlen (needle) <= length; i++)
        if (memcmp (contents + i, needle, strlen (needle)) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
test_tokens_round_trip (void)
{
  const char *token = "ghp_KEYRINGtoken0123456789abcdef";
  g_autofree char *found = NULL;
  g_autofree char *gitlab = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *gone = NULL;

  if (!start_keyring ())
    return;

  store (TRIB_FORGE_GITHUB, token);
  found = lookup (TRIB_FORGE_GITHUB);
  g_assert_cmpstr (found, ==, token);
  /* One secret per forge. */
  gitlab = lookup (TRIB_FORGE_GITLAB);
  g_assert_null (gitlab);

  store (TRIB_FORGE_GITHUB, "ghp_second");
  replaced = lookup (TRIB_FORGE_GITHUB);
  g_assert_cmpstr (replaced, ==, "ghp_second");

  /* An empty token removes it. */
  store (TRIB_FORGE_GITHUB, "");
  gone = lookup (TRIB_FORGE_GITHUB);
  g_assert_null (gone);

  /* The keyring keeps it encrypted: its bytes are in no file written. */
  g_assert_false (tree_contains (g_get_home_dir (), token));
  g_assert_false (tree_contains (g_get_user_data_dir (), token));
  g_assert_false (tree_contains (g_get_user_cache_dir (), token));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/forge/tokens/round-trip", test_tokens_round_trip);
  status = g_test_run ();
  /* The daemon went on in the background; it ends with the test's bus. */
  g_clear_object (&daemon_process);
  return status;
}
