/* trib-application.c: the Tributary application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One process (single instance), one window per open plan, and a greeter
 * when no plan is open. The application's actions, settings and command
 * line are here; opening and creating plan files is in
 * trib-application-files.c.
 */
#define G_LOG_DOMAIN "trib-application"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-application-private.h"
#include "trib-greeter.h"
#include "trib-preferences-window.h"

/* Templates and the shortcuts window live under this prefix whatever the
 * application id is, so a .Devel build finds them too. */
#define RESOURCE_BASE_PATH "/io/github/tributary/Tributary"
#define SCHEMA_ID          BASE_ID

G_DEFINE_FINAL_TYPE (TribApplication, trib_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_RECENT_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
find_greeter (TribApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TRIB_IS_GREETER (l->data))
      return l->data;
  return NULL;
}

GtkWindow *
_trib_application_present_greeter (TribApplication *self)
{
  GtkWindow *greeter = find_greeter (self);

  if (greeter == NULL)
    greeter = GTK_WINDOW (trib_greeter_new (self));
  gtk_window_present (greeter);
  return greeter;
}

void
_trib_application_close_greeters (TribApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l; l = l->next)
    if (TRIB_IS_GREETER (l->data))
      gtk_window_destroy (l->data);
}

static void
apply_style_variant (TribApplication *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
on_style_variant_changed_cb (TribApplication *self)
{
  apply_style_variant (self);
}

static void
new_plan_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TribApplication *self = user_data;

  trib_application_new_plan (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TribApplication *self = user_data;

  trib_application_choose_plan (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TribApplication *self = user_data;

  /* The buttons ask before they open a copy the user may have changed. */
  _trib_application_offer_sample (self,
                                  gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TribApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = trib_preferences_window_new ();

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TribApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Tributary developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Tributary"),
                        "application-icon", trib_application_get_icon_name (self),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Tributary developers"),
                        "developers", developers,
                        "copyright", _("© The Tributary developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/tributary-app/tributary",
                        "issue-url", "https://github.com/tributary-app/tributary/issues",
                        "comments", _("Plan how your product is built on open source: the "
                                      "upstreams it depends on, what you invest in them, the "
                                      "patches you carry and the business model you sell "
                                      "under."),
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TribApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) runs each window's close-request, which
   * commits what is still being typed and closes its plan. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_entries[] = {
  { .name = "new-plan", .activate = new_plan_activated },
  { .name = "open", .activate = open_activated },
  { .name = "open-sample", .activate = open_sample_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.new-plan", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static int
trib_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  TribApplication *self = TRIB_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "tributary", PACKAGE_VERSION);
      return 0;
    }

  if (!g_variant_dict_contains (options, "sample"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (app))
    {
      /* Another instance runs: ask it to open the sample and leave. */
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
      return 0;
    }
  self->open_sample = TRUE;
  return -1;
}

static void
trib_application_startup (GApplication *app)
{
  TribApplication *self = TRIB_APPLICATION (app);

  G_APPLICATION_CLASS (trib_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (trib_application_get_icon_name (self));

  self->settings = g_settings_new (SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (on_style_variant_changed_cb), self, G_CONNECT_SWAPPED);
  apply_style_variant (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
trib_application_activate (GApplication *app)
{
  TribApplication *self = TRIB_APPLICATION (app);
  GtkWindow *window;

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      trib_application_open_sample (self, NULL);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_window_present (window);
  else
    _trib_application_present_greeter (self);
}

static void
trib_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  TribApplication *self = TRIB_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    trib_application_open_file (self, files[i], NULL);

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      trib_application_open_sample (self, NULL);
    }
}

static void
trib_application_dispose (GObject *object)
{
  TribApplication *self = TRIB_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_manager);

  G_OBJECT_CLASS (trib_application_parent_class)->dispose (object);
}

static void
trib_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribApplication *self = TRIB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_RECENT_MANAGER:
      g_value_set_object (value, trib_application_get_recent_manager (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_application_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TribApplication *self = TRIB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_RECENT_MANAGER:
      trib_application_set_recent_manager (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_application_class_init (TribApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = trib_application_dispose;
  object_class->get_property = trib_application_get_property;
  object_class->set_property = trib_application_set_property;

  app_class->handle_local_options = trib_application_handle_local_options;
  app_class->startup = trib_application_startup;
  app_class->activate = trib_application_activate;
  app_class->open = trib_application_open;

  /**
   * TribApplication:recent-manager:
   *
   * The recent files list the greeter shows and opened plans are added to:
   * the desktop's own unless set (tests give each case its own).
   */
  properties[PROP_RECENT_MANAGER] =
    g_param_spec_object ("recent-manager", NULL, NULL, GTK_TYPE_RECENT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_application_init (TribApplication *self)
{
  static const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the sample plan"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PLAN…]"));
}

/**
 * trib_application_new:
 *
 * Returns: (transfer full): the application.
 */
TribApplication *
trib_application_new (void)
{
  return g_object_new (TRIB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * trib_application_get_settings:
 *
 * Returns: (transfer none): the application's settings; valid after startup.
 */
GSettings *
trib_application_get_settings (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * trib_application_get_recent_manager:
 *
 * Returns: (transfer none): the recent files list.
 */
GtkRecentManager *
trib_application_get_recent_manager (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->recent_manager ? self->recent_manager : gtk_recent_manager_get_default ();
}

/**
 * trib_application_set_recent_manager:
 * @manager: (nullable): a recent files list, or %NULL for the desktop's
 */
void
trib_application_set_recent_manager (TribApplication  *self,
                                     GtkRecentManager *manager)
{
  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (manager == NULL || GTK_IS_RECENT_MANAGER (manager));

  if (g_set_object (&self->recent_manager, manager))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECENT_MANAGER]);
}

/**
 * trib_application_get_icon_name:
 *
 * Returns: the application icon's name: the installed one, or the copy in
 * the resources when Tributary runs from its build directory.
 */
const char *
trib_application_get_icon_name (TribApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_return_val_if_fail (TRIB_IS_APPLICATION (self), APP_ID);

  if (display != NULL &&
      !gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (display), APP_ID) &&
      gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (display), BASE_ID))
    return BASE_ID;
  return APP_ID;
}

/**
 * trib_application_show_error:
 * @parent: (nullable): the window to show the dialog over; the active
 *   window, or the greeter when no window is open, if %NULL
 *
 * Shows @error's message, which is written for people, in a dialog.
 */
void
trib_application_show_error (TribApplication *self,
                             GtkWindow       *parent,
                             const char      *heading,
                             const GError    *error)
{
  GtkWidget *dialog;

  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent == NULL)
    parent = _trib_application_present_greeter (self);

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
