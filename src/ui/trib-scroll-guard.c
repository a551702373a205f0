/* trib-scroll-guard.c: the mouse wheel scrolls pages, not values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spin button (or any widget that turns the wheel into a new value) sits
 * in a page that scrolls. Left alone, it takes every wheel event that
 * passes over it while the page scrolls, and the plan saves each tick. The
 * guard watches the wheel in the capture phase, before the widget sees it:
 * unless the widget holds the keyboard focus (the user clicked into it to
 * change it), the event scrolls the page around it and goes no further.
 */
#define G_LOG_DOMAIN "trib-scroll-guard"

#include "config.h"

#include <math.h>

#include "trib-scroll-guard.h"

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  GtkWidget *ancestor = gtk_widget_get_parent (widget);

  while (ancestor != NULL && !GTK_IS_SCROLLED_WINDOW (ancestor))
    ancestor = gtk_widget_get_parent (ancestor);
  return ancestor ? GTK_SCROLLED_WINDOW (ancestor) : NULL;
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              gpointer                  user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  double step;

  /* Focused: the user is editing this value, the wheel is theirs to use. */
  if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return GDK_EVENT_PROPAGATE;

  scrolled = find_scrolled_window (widget);
  if (scrolled == NULL)
    return GDK_EVENT_STOP;

  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  /* The step a scrolled window takes for one notch of the wheel, so the
   * page moves the same whether the pointer is over a value or not. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  else
    step = 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return GDK_EVENT_STOP;
}

/**
 * trib_scroll_guard_attach:
 *
 * Keeps the mouse wheel from changing @widget's value while the page
 * around it scrolls: over @widget, the wheel scrolls the nearest
 * scrolled window unless @widget (or a child) has the keyboard focus.
 */
void
trib_scroll_guard_attach (GtkWidget *widget)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_name (controller, "trib-scroll-guard");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), NULL);
  gtk_widget_add_controller (widget, controller);
}
