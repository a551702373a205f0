/* trib-chart.c: what every chart shares — style, text, axes, legend, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <cairo-svg.h>

#include "trib-chart.h"
#include "trib-report-error.h"

/* The GNOME palette (blue, green, yellow, orange, red, purple, brown and
 * two greys-with-a-hue); the dark style uses the lighter tints, which keep
 * their contrast on a dark background. */
static const guint32 palette_light[] = {
  0x1c71d8, 0x2ec27e, 0xe5a50a, 0xe66100, 0xc01c28,
  0x813d9c, 0x865e3c, 0x26a1a2, 0x5e5c64,
};
static const guint32 palette_dark[] = {
  0x62a0ea, 0x57e389, 0xf8e45c, 0xffa348, 0xf66151,
  0xc061cb, 0xcdab8f, 0x5bc8af, 0xc0bfbc,
};

static void
rgba_from_hex (TribRgba *c,
               guint32   hex,
               double    alpha)
{
  c->red = ((hex >> 16) & 0xff) / 255.0;
  c->green = ((hex >> 8) & 0xff) / 255.0;
  c->blue = (hex & 0xff) / 255.0;
  c->alpha = alpha;
}

/**
 * trib_chart_style_init:
 * @style: the style to fill
 * @dark: whether the chart is drawn on a dark background
 *
 * Fills @style with the colours of the light or dark style and the
 * interface font at 11 units.
 */
void
trib_chart_style_init (TribChartStyle *style,
                       gboolean        dark)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->dark = dark;
  rgba_from_hex (&style->background, dark ? 0x242424 : 0xffffff, 0.0);
  if (dark)
    {
      rgba_from_hex (&style->foreground, 0xffffff, 1.0);
      rgba_from_hex (&style->dim, 0xffffff, 0.65);
      rgba_from_hex (&style->grid, 0xffffff, 0.12);
      rgba_from_hex (&style->accent, 0x78aeed, 1.0);
      rgba_from_hex (&style->good, 0x57e389, 1.0);
      rgba_from_hex (&style->warning, 0xf8e45c, 1.0);
      rgba_from_hex (&style->bad, 0xff7b63, 1.0);
    }
  else
    {
      rgba_from_hex (&style->foreground, 0x000000, 0.8);
      rgba_from_hex (&style->dim, 0x000000, 0.55);
      rgba_from_hex (&style->grid, 0x000000, 0.10);
      rgba_from_hex (&style->accent, 0x1c71d8, 1.0);
      rgba_from_hex (&style->good, 0x26a269, 1.0);
      rgba_from_hex (&style->warning, 0xc88800, 1.0);
      rgba_from_hex (&style->bad, 0xc01c28, 1.0);
    }
  style->font_family = "Cantarell, Noto Sans, DejaVu Sans, Sans";
  style->font_size = 11.0;
}

/**
 * trib_chart_series_color:
 * @style: the chart style
 * @index: the series' index; colours repeat after nine series
 * @color: (out): the series' colour
 */
void
trib_chart_series_color (const TribChartStyle *style,
                         guint                 index,
                         TribRgba             *color)
{
  const guint32 *palette = style->dark ? palette_dark : palette_light;

  rgba_from_hex (color, palette[index % G_N_ELEMENTS (palette_light)], 1.0);
}

/** trib_chart_set_color: sets @color as @cr's source. */
void
trib_chart_set_color (cairo_t        *cr,
                      const TribRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/** trib_chart_paint_background: fills the chart's area with the style's background. */
void
trib_chart_paint_background (cairo_t              *cr,
                             const TribChartStyle *style,
                             double                width,
                             double                height)
{
  if (style->background.alpha <= 0.0)
    return;
  cairo_save (cr);
  trib_chart_set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static PangoLayout *
make_layout (cairo_t              *cr,
             const TribChartStyle *style,
             const char           *text,
             double                size,
             gboolean              bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (desc, (size > 0 ? size : style->font_size) * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (desc);
  return layout;
}

/**
 * trib_chart_text_extents:
 * @size: the font size in user units, or 0 for the style's
 *
 * Measures one line of @text as trib_chart_text() would draw it.
 */
void
trib_chart_text_extents (cairo_t              *cr,
                         const TribChartStyle *style,
                         const char           *text,
                         double                size,
                         gboolean              bold,
                         double               *width,
                         double               *height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, text, size, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/**
 * trib_chart_text:
 * @x: the anchor's x; @halign says which side of the text it is
 * @y: the anchor's y; @valign says which side of the text it is
 * @size: the font size in user units, or 0 for the style's
 * @color: (nullable): the colour, or %NULL for the style's foreground
 *
 * Draws one line of text with pango, so any script (accents, CJK,
 * right-to-left) is shaped, and a PDF embeds the fonts it uses.
 */
void
trib_chart_text (cairo_t              *cr,
                 const TribChartStyle *style,
                 const char           *text,
                 double                x,
                 double                y,
                 double                size,
                 gboolean              bold,
                 TribChartAlign        halign,
                 TribChartAlign        valign,
                 const TribRgba       *color)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, text, size, bold);
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  if (halign == TRIB_CHART_ALIGN_CENTER)
    x -= w / 2;
  else if (halign == TRIB_CHART_ALIGN_END)
    x -= w;
  if (valign == TRIB_CHART_ALIGN_CENTER)
    y -= h / 2;
  else if (valign == TRIB_CHART_ALIGN_END)
    y -= h;

  cairo_save (cr);
  trib_chart_set_color (cr, color != NULL ? color : &style->foreground);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * trib_chart_nice_range:
 * @max_ticks: the most tick intervals wanted (at least 1)
 *
 * Widens [@min, @max] to round tick values (1, 2, 2.5 or 5 times a power
 * of ten). An empty range grows around its value; zero stays on the axis
 * when the data does not cross it.
 *
 * Returns: %FALSE when @min or @max is not finite
 */
gboolean
trib_chart_nice_range (double  min,
                       double  max,
                       guint   max_ticks,
                       double *tick_min,
                       double *tick_max,
                       double *step)
{
  static const double steps[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double span, raw, magnitude, s = 1.0;

  if (!isfinite (min) || !isfinite (max))
    return FALSE;
  if (max_ticks < 1)
    max_ticks = 1;
  if (min > max)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (min > 0)
    min = 0;
  if (max < 0)
    max = 0;
  if (max == min)
    max = min + 1.0;

  span = max - min;
  raw = span / max_ticks;
  magnitude = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      s = steps[i] * magnitude;
      if (s >= raw * (1 - 1e-9))
        break;
    }
  *step = s;
  *tick_min = floor (min / s + 1e-9) * s;
  *tick_max = ceil (max / s - 1e-9) * s;
  if (*tick_max <= *tick_min)
    *tick_max = *tick_min + s;
  return TRUE;
}

/**
 * trib_chart_format_number:
 *
 * Formats an axis value compactly: 950, 12.5k, 3.2M, 1.1B, with a minus
 * sign where negative.
 *
 * Returns: (transfer full): the text
 */
char *
trib_chart_format_number (double value)
{
  double a = fabs (value);

  if (!isfinite (value))
    return g_strdup ("–");
  if (a >= 1e9)
    return g_strdup_printf ("%.3gB", value / 1e9);
  if (a >= 1e6)
    return g_strdup_printf ("%.3gM", value / 1e6);
  if (a >= 1e4)
    return g_strdup_printf ("%.3gk", value / 1e3);
  if (a >= 100 || a == floor (a))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.3g", value);
}

/**
 * trib_chart_value_to_y:
 *
 * Returns: the y of @value on a value axis from @min (bottom of @plot) to
 * @max (top)
 */
double
trib_chart_value_to_y (TribChartRect plot,
                       double        min,
                       double        max,
                       double        value)
{
  if (max <= min)
    return plot.y + plot.height;
  return plot.y + plot.height - (value - min) / (max - min) * plot.height;
}

/**
 * trib_chart_draw_value_axis:
 * @area: the whole chart area (below any title and above any legend)
 * @min: the smallest value to show
 * @max: the largest value to show
 * @out_min: (out): the axis' minimum after rounding
 * @out_max: (out): the axis' maximum after rounding
 *
 * Draws horizontal grid lines with labels on the left, leaving room at the
 * bottom for category labels.
 *
 * Returns: the plot rectangle inside @area
 */
TribChartRect
trib_chart_draw_value_axis (cairo_t              *cr,
                            const TribChartStyle *style,
                            TribChartRect         area,
                            double                min,
                            double                max,
                            double               *out_min,
                            double               *out_max)
{
  double lo, hi, step, label_w = 0, text_h = 0;
  double size = style->font_size * 0.85;
  TribChartRect plot;
  guint n;

  if (!trib_chart_nice_range (min, max, 5, &lo, &hi, &step))
    {
      lo = 0;
      hi = 1;
      step = 1;
    }
  n = (guint) lround ((hi - lo) / step);

  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *label = trib_chart_format_number (lo + i * step);
      double w, h;

      trib_chart_text_extents (cr, style, label, size, FALSE, &w, &h);
      label_w = MAX (label_w, w);
      text_h = MAX (text_h, h);
    }

  plot.x = area.x + label_w + 6;
  plot.y = area.y + text_h / 2;
  plot.width = MAX (1.0, area.width - (plot.x - area.x) - 4);
  plot.height = MAX (1.0, area.height - text_h / 2 - text_h - 6);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i <= n; i++)
    {
      double v = lo + i * step;
      double y = round (trib_chart_value_to_y (plot, lo, hi, v)) + 0.5;
      g_autofree char *label = trib_chart_format_number (v);

      trib_chart_set_color (cr, fabs (v) < step * 1e-9 ? &style->dim : &style->grid);
      cairo_move_to (cr, plot.x, y);
      cairo_line_to (cr, plot.x + plot.width, y);
      cairo_stroke (cr);
      trib_chart_text (cr, style, label, plot.x - 6, y, size, FALSE,
                       TRIB_CHART_ALIGN_END, TRIB_CHART_ALIGN_CENTER, &style->dim);
    }
  cairo_restore (cr);

  if (out_min != NULL)
    *out_min = lo;
  if (out_max != NULL)
    *out_max = hi;
  return plot;
}

/**
 * trib_chart_draw_category_axis:
 * @plot: the plot rectangle from trib_chart_draw_value_axis()
 *
 * Draws @labels centred under equal bands of @plot, skipping labels
 * evenly where they would collide.
 */
void
trib_chart_draw_category_axis (cairo_t              *cr,
                               const TribChartStyle *style,
                               TribChartRect         plot,
                               const char * const   *labels,
                               guint                 n_labels)
{
  double size = style->font_size * 0.85;
  double band, widest = 0;
  guint every = 1;

  if (n_labels == 0)
    return;
  band = plot.width / n_labels;
  for (guint i = 0; i < n_labels; i++)
    {
      double w;

      trib_chart_text_extents (cr, style, labels[i], size, FALSE, &w, NULL);
      widest = MAX (widest, w);
    }
  while (every < n_labels && band * every < widest + 6)
    every++;

  for (guint i = 0; i < n_labels; i += every)
    trib_chart_text (cr, style, labels[i], plot.x + band * (i + 0.5), plot.y + plot.height + 4,
                     size, FALSE, TRIB_CHART_ALIGN_CENTER, TRIB_CHART_ALIGN_START, &style->dim);
}

/**
 * trib_chart_draw_legend:
 * @area: where the legend may go; it fills rows from the top-left
 * @colors: one colour per label
 *
 * Returns: the height the legend used
 */
double
trib_chart_draw_legend (cairo_t              *cr,
                        const TribChartStyle *style,
                        TribChartRect         area,
                        const char * const   *labels,
                        const TribRgba       *colors,
                        guint                 n_labels)
{
  double size = style->font_size * 0.85;
  double x = area.x, y = area.y, row_h = 0;

  for (guint i = 0; i < n_labels; i++)
    {
      double w, h, item_w;

      trib_chart_text_extents (cr, style, labels[i], size, FALSE, &w, &h);
      row_h = MAX (row_h, h);
      item_w = h * 0.8 + 4 + w + 14;
      if (x > area.x && x + item_w > area.x + area.width)
        {
          x = area.x;
          y += row_h + 4;
        }
      cairo_save (cr);
      trib_chart_set_color (cr, &colors[i]);
      cairo_rectangle (cr, x, y + h * 0.15, h * 0.7, h * 0.7);
      cairo_fill (cr);
      cairo_restore (cr);
      trib_chart_text (cr, style, labels[i], x + h * 0.8 + 4, y, size, FALSE,
                       TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_START, &style->foreground);
      x += item_w;
    }
  return n_labels > 0 ? y + row_h - area.y : 0;
}

/**
 * trib_chart_draw_title:
 * @area: (inout): the chart area; on return, the part below the title
 */
void
trib_chart_draw_title (cairo_t              *cr,
                       const TribChartStyle *style,
                       TribChartRect        *area,
                       const char           *title)
{
  double h;

  trib_chart_text_extents (cr, style, title, 0, TRUE, NULL, &h);
  trib_chart_text (cr, style, title, area->x, area->y, 0, TRUE,
                   TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_START, &style->foreground);
  area->y += h + 6;
  area->height = MAX (0.0, area->height - h - 6);
}

/**
 * trib_chart_draw_empty:
 *
 * Draws @message centred in @area: what a chart shows when it has no data,
 * so that the reader learns why instead of seeing blank space.
 */
void
trib_chart_draw_empty (cairo_t              *cr,
                       const TribChartStyle *style,
                       TribChartRect         area,
                       const char           *message)
{
  trib_chart_text (cr, style, message, area.x + area.width / 2, area.y + area.height / 2, 0,
                   FALSE, TRIB_CHART_ALIGN_CENTER, TRIB_CHART_ALIGN_CENTER, &style->dim);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *out = closure;

  if (!g_output_stream_write_all (out, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * trib_chart_export:
 * @draw: the chart's drawing function
 * @dark: draw in the dark style (on a dark background)
 * @width: the width in pixels (PNG) or points (SVG)
 * @height: the height
 * @path: the file to write; replaced only once the picture is complete
 *
 * Writes the chart to a PNG or SVG file, on an opaque background.
 *
 * Returns: %TRUE on success
 */
gboolean
trib_chart_export (TribChartDrawFunc  draw,
                   gpointer           user_data,
                   gboolean           dark,
                   double             width,
                   double             height,
                   TribChartFormat    format,
                   const char        *path,
                   GError           **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  TribChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    {
      g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED,
                   _("A chart can be saved at 1 to 20,000 pixels a side, not %.0f × %.0f"),
                   width, height);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (out == NULL)
    {
      g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_WRITE,
                   _("Could not save the chart: %s"), local_error->message);
      return FALSE;
    }

  trib_chart_style_init (&style, dark);
  style.background.alpha = 1.0;

  if (format == TRIB_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_to_stream, out, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));

  cr = cairo_create (surface);
  trib_chart_paint_background (cr, &style, width, height);
  draw (cr, &style, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == TRIB_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Closing a cancelled replace leaves the old file as it was. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_CAIRO,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    {
      g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_WRITE,
                   _("Could not save the chart: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
