/* trib-chart-view.c: a widget that shows one chart drawn by src/report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget owns no drawing code: it calls the chart's TribChartDrawFunc
 * with the light or dark style, the same function the PDF report calls on
 * a page. Right-click, Shift+F10 or the Menu key offer to save the chart
 * as PNG or SVG.
 */
#define G_LOG_DOMAIN "trib-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-chart-view.h"

struct _TribChartView
{
  GtkWidget parent_instance;

  TribChartDrawFunc draw;
  gpointer draw_data;
  GDestroyNotify draw_destroy;

  char *file_name;
  GtkWidget *menu;
};

G_DEFINE_FINAL_TYPE (TribChartView, trib_chart_view, GTK_TYPE_WIDGET)

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
on_dark_changed_cb (TribChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
trib_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TribChartView *self = TRIB_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  TribChartStyle style;
  cairo_t *cr;

  if (self->draw == NULL || width < 1 || height < 1)
    return;

  trib_chart_style_init (&style, is_dark ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->draw (cr, &style, width, height, self->draw_data);
  cairo_destroy (cr);
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  TribChartView *self = TRIB_CHART_VIEW (user_data);
  TribChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !trib_chart_view_save (self, format, path, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      _("Chart Not Saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
ask_and_save (TribChartView   *self,
              TribChartFormat  format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *ext = format == TRIB_CHART_FORMAT_SVG ? ".svg" : ".png";
  g_autofree char *name = g_strconcat (self->file_name ? self->file_name : _("Chart"), ext, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (format == TRIB_CHART_FORMAT_SVG)
    {
      gtk_file_filter_set_name (filter, _("SVG Images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG Images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }

  native = gtk_file_chooser_native_new (format == TRIB_CHART_FORMAT_SVG ? _("Save Chart as SVG")
                                                                        : _("Save Chart as PNG"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "format", GINT_TO_POINTER (format));
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_png_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ask_and_save (TRIB_CHART_VIEW (widget), TRIB_CHART_FORMAT_PNG);
}

static void
save_svg_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ask_and_save (TRIB_CHART_VIEW (widget), TRIB_CHART_FORMAT_SVG);
}

static void
popup_menu (TribChartView *self,
            double         x,
            double         y)
{
  if (self->menu == NULL)
    {
      g_autoptr(GMenu) model = g_menu_new ();

      g_menu_append (model, _("Save as _PNG…"), "chart.save-png");
      g_menu_append (model, _("Save as _SVG…"), "chart.save-svg");
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (model));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_click_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       TribChartView   *self)
{
  if (self->draw != NULL)
    popup_menu (self, x, y);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TribChartView *self = TRIB_CHART_VIEW (widget);

  if (self->draw != NULL)
    popup_menu (self, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
trib_chart_view_dispose (GObject *object)
{
  TribChartView *self = TRIB_CHART_VIEW (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->draw_destroy != NULL)
    g_clear_pointer (&self->draw_data, self->draw_destroy);
  self->draw = NULL;
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed_cb, self);

  G_OBJECT_CLASS (trib_chart_view_parent_class)->dispose (object);
}

static void
trib_chart_view_finalize (GObject *object)
{
  TribChartView *self = TRIB_CHART_VIEW (object);

  g_free (self->file_name);

  G_OBJECT_CLASS (trib_chart_view_parent_class)->finalize (object);
}

static void
trib_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TribChartView *self = TRIB_CHART_VIEW (widget);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
trib_chart_view_class_init (TribChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_chart_view_dispose;
  object_class->finalize = trib_chart_view_finalize;
  widget_class->snapshot = trib_chart_view_snapshot;
  widget_class->size_allocate = trib_chart_view_size_allocate;

  gtk_widget_class_install_action (widget_class, "chart.save-png", NULL, save_png_action);
  gtk_widget_class_install_action (widget_class, "chart.save-svg", NULL, save_svg_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trib_chart_view_init (TribChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 160, 120);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed_cb), self);
}

/** trib_chart_view_new: Returns: (transfer floating): a chart view with nothing to draw yet */
GtkWidget *
trib_chart_view_new (void)
{
  return g_object_new (TRIB_TYPE_CHART_VIEW, NULL);
}

/**
 * trib_chart_view_set_draw_func:
 * @draw: (nullable): the chart's drawing function from src/report
 * @user_data: passed to @draw; freed with @destroy when replaced or disposed
 *
 * Sets what the view draws and redraws it.
 */
void
trib_chart_view_set_draw_func (TribChartView     *self,
                               TribChartDrawFunc  draw,
                               gpointer           user_data,
                               GDestroyNotify     destroy)
{
  g_return_if_fail (TRIB_IS_CHART_VIEW (self));

  if (self->draw_destroy != NULL && self->draw_data != NULL)
    self->draw_destroy (self->draw_data);
  self->draw = draw;
  self->draw_data = user_data;
  self->draw_destroy = destroy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save-png", draw != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save-svg", draw != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * trib_chart_view_set_summary:
 * @summary: what the chart shows, in one sentence, for screen readers
 */
void
trib_chart_view_set_summary (TribChartView *self,
                             const char    *summary)
{
  g_return_if_fail (TRIB_IS_CHART_VIEW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary ? summary : "",
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

/**
 * trib_chart_view_set_file_name:
 * @file_name: the name suggested when the chart is saved, without extension
 */
void
trib_chart_view_set_file_name (TribChartView *self,
                               const char    *file_name)
{
  g_return_if_fail (TRIB_IS_CHART_VIEW (self));

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
}

/** trib_chart_view_redraw: draws again, after the data behind the chart changed. */
void
trib_chart_view_redraw (TribChartView *self)
{
  g_return_if_fail (TRIB_IS_CHART_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * trib_chart_view_save:
 * @path: the file to write
 *
 * Saves the chart as the view shows it now (its size and style) to a PNG
 * or SVG file.
 *
 * Returns: %TRUE on success
 */
gboolean
trib_chart_view_save (TribChartView    *self,
                      TribChartFormat   format,
                      const char       *path,
                      GError          **error)
{
  double width, height;

  g_return_val_if_fail (TRIB_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->draw != NULL, FALSE);

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 360);
  return trib_chart_export (self->draw, self->draw_data, is_dark (), width, height,
                            format, path, error);
}
