/* trib-forge-tokens.c: forge tokens in the desktop's secret store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One secret per forge, found by the attribute "forge" ("github" or
 * "gitlab"). Tokens live there and in the forge service's memory, never
 * in the plan, the settings or a log.
 */
#define G_LOG_DOMAIN "trib-forge"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "trib-forge-tokens.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.tributary.Tributary.ForgeToken", SECRET_SCHEMA_NONE,
    {
      { "forge", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };
  return &schema;
}

static const char *
forge_key (TribForge forge)
{
  return forge == TRIB_FORGE_GITLAB ? "gitlab" : "github";
}

static void
on_lookup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

/**
 * trib_forge_token_lookup_async:
 * @forge: GitHub or GitLab
 * @cancellable: (nullable): a cancellable
 * @callback: called with the token
 * @user_data: for @callback
 *
 * Looks up the token of @forge in the secret store.
 */
void
trib_forge_token_lookup_async (TribForge            forge,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, trib_forge_token_lookup_async);
  secret_password_lookup (token_schema (), cancellable, on_lookup_cb, task,
                          "forge", forge_key (forge), NULL);
}

/**
 * trib_forge_token_lookup_finish:
 * @result: the result
 * @error: why the secret store could not be read
 *
 * Returns: (transfer full) (nullable): the token, %NULL without @error
 *   when there is none; free it with g_free()
 */
char *
trib_forge_token_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autofree char *secret = NULL;
  char *copy;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  secret = g_task_propagate_pointer (G_TASK (result), error);
  copy = g_strdup (secret);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  return copy;
}

static void
on_store_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (g_task_get_task_data (task) != NULL)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * trib_forge_token_store_async:
 * @forge: GitHub or GitLab
 * @token: (nullable): the token; %NULL or "" removes it
 * @cancellable: (nullable): a cancellable
 * @callback: called when stored
 * @user_data: for @callback
 *
 * Keeps @token in the secret store (or removes the one there).
 */
void
trib_forge_token_store_async (TribForge            forge,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, trib_forge_token_store_async);
  if (token != NULL && *token != '\0')
    {
      g_autofree char *label = g_strdup_printf (_("Tributary: %s token"),
                                                forge == TRIB_FORGE_GITLAB ? "GitLab" : "GitHub");

      g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
      secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token, cancellable,
                             on_store_cb, task, "forge", forge_key (forge), NULL);
    }
  else
    secret_password_clear (token_schema (), cancellable, on_store_cb, task,
                           "forge", forge_key (forge), NULL);
}

/**
 * trib_forge_token_store_finish:
 * @result: the result
 * @error: why the secret store refused
 *
 * Returns: whether it was stored (or removed)
 */
gboolean
trib_forge_token_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
