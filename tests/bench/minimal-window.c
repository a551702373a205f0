/* minimal-window.c: the floor for the startup benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least a libadwaita application can do to show a real window: a
 * header bar over a list of 10,000 rows built from a template. Prints the
 * monotonic time of its first frame, as first-frame-probe.c makes
 * `tributary` do, and quits.
 */
#define G_LOG_DOMAIN "minimal-window"

#include <adwaita.h>

#define N_ROWS 10000

static const char row_template[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkLabel'>"
  "        <property name='xalign'>0</property>"
  "        <property name='margin-start'>12</property>"
  "        <property name='margin-top'>6</property>"
  "        <property name='margin-bottom'>6</property>"
  "        <binding name='label'>"
  "          <lookup name='string' type='GtkStringObject'>"
  "            <lookup name='item'>GtkListItem</lookup>"
  "          </lookup>"
  "        </binding>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GtkApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (app));
}

static void
on_realize_cb (GtkWidget      *window,
               GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkStringList *strings = gtk_string_list_new (NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (row_template, sizeof row_template - 1);
  GtkListItemFactory *factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
  GtkWidget *list;

  for (guint i = 0; i < N_ROWS; i++)
    {
      char label[32];
      g_snprintf (label, sizeof label, "Row %u", i + 1);
      gtk_string_list_append (strings, label);
    }
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (strings))),
                            factory);

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.tributary.BenchMinimal",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
