/* trib-test-input.h: real key presses for UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are sent through the X server with the XTEST extension, as a
 * keyboard would send them: GTK receives them from its display connection
 * and routes them through the focus, the capture and bubble phases and
 * every controller, exactly as for a person. The UI tests run under Xvfb
 * (meson test --setup=headless), which has XTEST.
 */
#pragma once

#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

/* Runs the main loop for @msec, and on until nothing is pending. */
static inline void
trib_test_input_settle (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline gboolean
trib_test_input_available (void)
{
  int event, error, major, minor;
  GdkDisplay *display = gdk_display_get_default ();

  return GDK_IS_X11_DISPLAY (display) &&
         XTestQueryExtension (gdk_x11_display_get_xdisplay (display), &event, &error, &major, &minor);
}

/* Gives the keyboard to @window (there is no window manager to do it). */
static inline void
trib_test_input_focus (GtkWidget *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkSurface *surface;

  g_assert_true (trib_test_input_available ());
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && !gtk_widget_get_mapped (window); i++)
    trib_test_input_settle (5);
  g_assert_true (gtk_widget_get_mapped (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  gdk_x11_display_error_trap_push (display);
  XSetInputFocus (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                  RevertToParent, CurrentTime);
  XSync (gdk_x11_display_get_xdisplay (display), False);
  gdk_x11_display_error_trap_pop_ignored (display);
  trib_test_input_settle (30);
}

static inline void
trib_test_input_key_code (Display *x,
                          KeyCode  code,
                          gboolean press)
{
  XTestFakeKeyEvent (x, code, press, CurrentTime);
}

static inline void
trib_test_input_send (Display         *x,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  KeyCode code = XKeysymToKeycode (x, keyval);
  KeyCode control = XKeysymToKeycode (x, XK_Control_L);
  KeyCode shift = XKeysymToKeycode (x, XK_Shift_L);
  KeyCode alt = XKeysymToKeycode (x, XK_Alt_L);

  g_assert_cmpuint (code, !=, 0);
  /* A capital letter or a colon is its key with Shift. */
  if (XkbKeycodeToKeysym (x, code, 0, 0) != keyval && XkbKeycodeToKeysym (x, code, 0, 1) == keyval)
    modifiers |= GDK_SHIFT_MASK;

  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (x, control, True, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (x, shift, True, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (x, alt, True, CurrentTime);
  XTestFakeKeyEvent (x, code, True, CurrentTime);
  XTestFakeKeyEvent (x, code, False, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (x, alt, False, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (x, shift, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (x, control, False, CurrentTime);
}

/* Presses and releases @keyval with @modifiers (Control, Shift, Alt) on
 * @window, which gets the keyboard first. */
static inline void
trib_test_key (GtkWidget       *window,
               guint            keyval,
               GdkModifierType  modifiers)
{
  Display *x = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));

  trib_test_input_focus (window);
  trib_test_input_send (x, keyval, modifiers);
  XSync (x, False);
  trib_test_input_settle (40);
}

/* Types @text (ASCII) into whatever has the focus in @window. */
static inline void
trib_test_type (GtkWidget  *window,
                const char *text)
{
  Display *x = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));

  trib_test_input_focus (window);
  for (const char *p = text; *p != '\0'; p++)
    trib_test_input_send (x, gdk_unicode_to_keyval ((guchar) *p), 0);
  XSync (x, False);
  trib_test_input_settle (40);
}
