/* trib-test-pointer.h: pointer, wheel and keys for the edits test, and the
 * widgets they hit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The X server's XTEST extension moves the pointer, turns the wheel
 * (buttons 4 and 5), clicks and types; the events come through GDK and
 * GTK's controllers like a person's. Input is sent to wherever the pointer
 * is (no window manager: the X focus follows the pointer), and each step
 * waits until the X events were handled. Needs the X11 backend (Xvfb in
 * the headless test setup) and linking with x11 and xtst. Key presses on
 * their own are in trib-test-input.h.
 */
#pragma once

#include <string.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

#define TIMEOUT_USEC (20 * G_USEC_PER_SEC)

typedef gboolean (*Condition) (gpointer data);

static inline void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          GListModel *toplevels = gtk_window_get_toplevels ();

          /* Say what is on screen instead: often an error dialog. */
          for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
            {
              g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
              if (ADW_IS_MESSAGE_DIALOG (window))
                g_printerr ("# dialog: %s: %s\n",
                            adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                            adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
            }
          g_error ("Timed out waiting for %s", what);
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static inline void
spin (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static inline GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Input -------------------------------------------------------------------- */

static inline Display *
xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

/* Lets the X server deliver what was sent and GTK handle it: until no X
 * event has been waiting for a while. (Iterating the main loop is no
 * measure of quiet: a focused text's cursor animates on every frame.) */
static inline void
flush_input (void)
{
  gint64 quiet_since;

  XSync (xdisplay (), False);
  quiet_since = g_get_monotonic_time ();
  while (g_get_monotonic_time () - quiet_since < 200 * 1000)
    {
      if (XEventsQueued (xdisplay (), QueuedAfterFlush) > 0)
        quiet_since = g_get_monotonic_time ();
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* Moves the pointer to (@x, @y) in @widget's coordinates. */
static inline void
pointer_to (GtkWidget *widget,
            double     x,
            double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (xdisplay (), gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay ()), (int) (point.x + dx),
                         (int) (point.y + dy), &root_x, &root_y, &child);
  XTestFakeMotionEvent (xdisplay (), -1, root_x, root_y, CurrentTime);
  flush_input ();
}

static inline void
pointer_to_center (GtkWidget *widget)
{
  pointer_to (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static inline void
press_button (guint button)
{
  XTestFakeButtonEvent (xdisplay (), button, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay (), button, False, CurrentTime);
  flush_input ();
}

/* One notch of the mouse wheel: X buttons 4 (up) and 5 (down). */
static inline void
wheel (int notches)
{
  for (int i = 0; i < abs (notches); i++)
    press_button (notches > 0 ? 5 : 4);
}

static inline void
click (GtkWidget *widget)
{
  pointer_to_center (widget);
  press_button (1);
}

static inline void
key_event (KeySym keysym,
           gboolean press)
{
  XTestFakeKeyEvent (xdisplay (), XKeysymToKeycode (xdisplay (), keysym), press, CurrentTime);
}

static inline void
press_key (KeySym keysym)
{
  key_event (keysym, TRUE);
  key_event (keysym, FALSE);
  flush_input ();
}

static inline void
press_ctrl (KeySym keysym)
{
  key_event (XK_Control_L, TRUE);
  key_event (keysym, TRUE);
  key_event (keysym, FALSE);
  key_event (XK_Control_L, FALSE);
  flush_input ();
}

/* Types letters, digits, spaces, hyphens and full stops. */
static inline void
type_text (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      KeySym keysym = *p == ' ' ? XK_space : *p == '-' ? XK_minus : *p == '.' ? XK_period
                                                 : (KeySym) g_ascii_tolower (*p);
      gboolean shift = g_ascii_isupper (*p);

      g_assert_true (g_ascii_isalnum (*p) || strchr (" -.", *p));
      if (shift)
        key_event (XK_Shift_L, TRUE);
      key_event (keysym, TRUE);
      key_event (keysym, FALSE);
      if (shift)
        key_event (XK_Shift_L, FALSE);
    }
  flush_input ();
}

/* Clicks into the text of @widget (a field: an entry row, a spin button,
 * not its arrows). */
static inline void
click_text (GtkWidget *widget)
{
  GtkWidget *text = find_descendant (widget, GTK_TYPE_TEXT, NULL);

  g_assert_nonnull (text);
  click (text);
}

/* Clicks into @widget (a text field), selects what it holds and types. */
static inline void
replace_text (GtkWidget  *widget,
              const char *text)
{
  click_text (widget);
  press_ctrl (XK_a);
  type_text (text);
}

/* Widgets ------------------------------------------------------------------ */

static inline GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A mapped label whose text starts with @prefix: a toast on screen. */
static inline GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button of a message dialog's response, by its label: the one on
 * screen (a message dialog holds a row and a column of them). */
static inline GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static inline gboolean
has_toplevel (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static inline gboolean
has_no_toplevel (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static inline gboolean
no_toplevels (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

static inline void
close_everything (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, 0);
      g_object_unref (window);
      gtk_window_destroy (window);
    }
  wait_for (no_toplevels, NULL, "every window to close");
  /* Let the recent files list write itself (it waits a moment after a
   * change) while the case's folders still exist. */
  spin (800);
}

static inline gboolean
has_drawn (gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (data));

  return clock != NULL && gtk_widget_get_width (GTK_WIDGET (data)) > 0 &&
         gdk_frame_clock_get_frame_counter (clock) > 0;
}

/* A message dialog once it is on screen, laid out, ready for a click. */
static inline AdwMessageDialog *
wait_for_dialog (const char *what)
{
  AdwMessageDialog *dialog;

  wait_for (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), what);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  wait_for (has_drawn, dialog, what);
  spin (100);
  return dialog;
}

static inline gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}
