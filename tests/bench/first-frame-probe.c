/* first-frame-probe.c: reports when a program's first window is first painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded into `tributary` by bench-startup with LD_PRELOAD, so that the
 * application itself carries no benchmark code. It wraps gtk_window_present():
 * the first window presented gets a handler on its frame clock, which prints
 * "first-frame <g_get_monotonic_time()>" after the first paint and quits the
 * application, exactly as minimal-window.c does for itself.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <stdio.h>

#include <gtk/gtk.h>

static gboolean hooked;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GApplication *app = g_application_get_default ();

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
}

static void
on_realize_cb (GtkWidget *widget,
               gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *) = NULL;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");

  if (!hooked && window != NULL)
    {
      hooked = TRUE;
      if (gtk_widget_get_realized (GTK_WIDGET (window)))
        on_realize_cb (GTK_WIDGET (window), NULL);
      else
        g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
    }
  real_present (window);
}
