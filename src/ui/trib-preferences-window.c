/* trib-preferences-window.c: the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each choice is a GSettings action ("settings.<key>"), so the radio
 * buttons show the stored value and write it without any glue; the
 * application applies the style when the key changes.
 */
#define G_LOG_DOMAIN "trib-preferences-window"

#include "config.h"

#include "trib-health-preferences.h"
#include "trib-preferences-window.h"

struct _TribPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TribPreferencesWindow, trib_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
trib_preferences_window_dispose (GObject *object)
{
  TribPreferencesWindow *self = TRIB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trib_preferences_window_parent_class)->dispose (object);
}

static void
trib_preferences_window_class_init (TribPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/tributary/Tributary/preferences-window.ui");
}

static void
trib_preferences_window_init (TribPreferencesWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) style_variant = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  style_variant = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (group), style_variant);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (trib_health_preferences_page_new (self->settings)));
}

/**
 * trib_preferences_window_new:
 *
 * Returns: (transfer floating): a preferences window.
 */
GtkWidget *
trib_preferences_window_new (void)
{
  return g_object_new (TRIB_TYPE_PREFERENCES_WINDOW, NULL);
}
