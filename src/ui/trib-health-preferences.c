/* trib-health-preferences.c: the Forges page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tokens go to the secret store (and to the running forge service), never
 * to the settings; the entries never show a stored token. API addresses,
 * the requests at once to one forge and what to do at a rate limit are
 * settings, applied by the forge service as they change.
 */
#define G_LOG_DOMAIN "trib-health"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trib-forge-http.h"
#include "trib-forge-service.h"
#include "trib-forge-tokens.h"
#include "trib-health-preferences.h"

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GtkWidget) row = data;
  g_autoptr(GError) error = NULL;

  if (!trib_forge_token_store_finish (result, &error))
    {
      /* Translators: the secret store refused to keep a token */
      g_autofree char *text = g_strdup_printf (_("The token could not be kept: %s"), error->message);
      toast (row, text);
    }
  else
    toast (row, _("Token saved in the keyring"));
}

static void
on_token_apply_cb (AdwEntryRow *row,
                   gpointer     data)
{
  TribForge forge = GPOINTER_TO_INT (data);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (row));
  GApplication *app = g_application_get_default ();
  TribForgeService *service = app != NULL ? g_object_get_data (G_OBJECT (app), "trib-forge-service") : NULL;
  g_autofree char *copy = g_strstrip (g_strdup (token));

  if (service != NULL)
    trib_forge_service_set_token (service, forge, copy);
  trib_forge_token_store_async (forge, copy, NULL, on_stored_cb, g_object_ref (row));
  /* The entry does not keep it on screen. */
  memset (copy, 0, strlen (copy));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static GtkWidget *
token_row (const char *title,
           TribForge   forge)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_token_apply_cb), GINT_TO_POINTER (forge));
  return row;
}

static void
on_api_changed_cb (GtkEditable *row,
                   gpointer     data)
{
  const char *text = gtk_editable_get_text (row);

  if (*text == '\0' || trib_forge_url_is_allowed (text, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static GtkWidget *
api_row (GSettings  *settings,
         const char *key,
         const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_settings_bind (settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect (row, "changed", G_CALLBACK (on_api_changed_cb), NULL);
  return row;
}

/**
 * trib_health_preferences_page_new:
 * @settings: the application's settings
 *
 * Returns: (transfer floating): the Forges preferences page
 */
GtkWidget *
trib_health_preferences_page_new (GSettings *settings)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *tokens = adw_preferences_group_new ();
  GtkWidget *servers = adw_preferences_group_new ();
  GtkWidget *fetching = adw_preferences_group_new ();
  GtkWidget *concurrency_row = adw_action_row_new ();
  GtkWidget *concurrency = gtk_spin_button_new_with_range (1, 16, 1);
  GtkWidget *stop_row = adw_action_row_new ();
  GtkWidget *stop = gtk_switch_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Forges"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "forges");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "network-server-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (tokens), _("Access Tokens"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (tokens),
    _("Optional: a token raises the forge’s rate limit. It is kept in the keyring, sent only to "
      "its forge, and never written to a plan, an export or a report. Apply an empty entry to "
      "remove it."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tokens), token_row (_("GitHub Token"), TRIB_FORGE_GITHUB));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tokens), token_row (_("GitLab Token"), TRIB_FORGE_GITLAB));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (servers), _("API Addresses"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (servers),
    _("For GitHub Enterprise or a self-managed GitLab; leave empty for github.com and gitlab.com. "
      "Only HTTPS addresses are used."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (servers),
                             api_row (settings, "github-api", _("GitHub API (https://api.github.com)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (servers),
                             api_row (settings, "gitlab-api", _("GitLab API (https://gitlab.com/api/v4)")));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (fetching), _("Refreshing"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (concurrency_row), _("Requests at Once"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (concurrency_row), _("To one forge at the same time"));
  gtk_widget_set_valign (concurrency, GTK_ALIGN_CENTER);
  g_settings_bind (settings, "forge-concurrency", concurrency, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (concurrency_row), concurrency);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (concurrency_row), concurrency);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (stop_row), _("Stop at a Rate Limit"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (stop_row),
                               _("Fail the remaining upstreams instead of waiting until the limit resets"));
  gtk_widget_set_valign (stop, GTK_ALIGN_CENTER);
  g_settings_bind (settings, "stop-on-rate-limit", stop, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (stop_row), stop);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (stop_row), stop);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (fetching), concurrency_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (fetching), stop_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (tokens));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (servers));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (fetching));
  return page;
}
