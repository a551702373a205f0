/* test-chart.c: the shared chart machinery of src/report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "trib-chart.h"
#include "trib-report-error.h"

static void
test_nice_range (void)
{
  double lo, hi, step;

  g_assert_true (trib_chart_nice_range (0, 97, 5, &lo, &hi, &step));
  g_assert_cmpfloat (step, ==, 20);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 100);

  /* Negative data keeps zero on the axis; 2.5 steps are allowed. */
  g_assert_true (trib_chart_nice_range (-1.2e6, 0.3e6, 5, &lo, &hi, &step));
  g_assert_cmpfloat (step, ==, 500000);
  g_assert_cmpfloat (lo, ==, -1.5e6);
  g_assert_cmpfloat (hi, ==, 500000);

  g_assert_true (trib_chart_nice_range (3, 13, 4, &lo, &hi, &step));
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 15);

  /* An empty range still gets an axis. */
  g_assert_true (trib_chart_nice_range (0, 0, 5, &lo, &hi, &step));
  g_assert_cmpfloat (hi, >, lo);

  g_assert_false (trib_chart_nice_range (0, NAN, 5, &lo, &hi, &step));
  g_assert_false (trib_chart_nice_range (-INFINITY, 1, 5, &lo, &hi, &step));
}

static void
test_format_number (void)
{
  struct { double v; const char *text; } cases[] = {
    { 0, "0" }, { 950, "950" }, { 12500, "12.5k" }, { 3200000, "3.2M" },
    { -1500000, "-1.5M" }, { 1.1e9, "1.1B" }, { 0.25, "0.25" }, { NAN, "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = trib_chart_format_number (cases[i].v);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
draw_sample (cairo_t              *cr,
             const TribChartStyle *style,
             double                width,
             double                height,
             gpointer              user_data)
{
  const char *labels[] = { "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4" };
  const double values[] = { 3, 5.5, 8, 12 };
  TribChartRect area = { 8, 8, width - 16, height - 16 };
  TribChartRect plot;
  TribRgba colors[1];
  double lo, hi, band;

  trib_chart_draw_title (cr, style, &area, "Ünïcödé 中文 عربي");
  trib_chart_series_color (style, 0, &colors[0]);
  area.height -= trib_chart_draw_legend (cr, style,
                                         (TribChartRect) { area.x, area.y + area.height - 16, area.width, 16 },
                                         (const char *[]) { "FTE" }, colors, 1) + 4;
  plot = trib_chart_draw_value_axis (cr, style, area, 0, 12, &lo, &hi);
  trib_chart_draw_category_axis (cr, style, plot, labels, 4);
  band = plot.width / 4;
  trib_chart_set_color (cr, &colors[0]);
  for (guint i = 0; i < 4; i++)
    {
      double y = trib_chart_value_to_y (plot, lo, hi, values[i]);
      cairo_rectangle (cr, plot.x + band * i + 4, y, band - 8, plot.y + plot.height - y);
    }
  cairo_fill (cr);
}

/* Counts the pixels that differ from the top-left one. */
static guint
count_drawn (cairo_surface_t *surface)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint32 first = *(guint32 *) data;
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (*(guint32 *) (data + y * stride + x * 4) != first)
        n++;
  return n;
}

static void
test_draw_not_blank (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 240);
      cairo_t *cr = cairo_create (surface);
      TribChartStyle style;

      trib_chart_style_init (&style, dark);
      style.background.alpha = 1;
      trib_chart_paint_background (cr, &style, 400, 240);
      draw_sample (cr, &style, 400, 240, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      /* Bars, axes and text cover a good part of the picture. */
      g_assert_cmpuint (count_drawn (surface), >, 400 * 240 / 10);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trib-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *read_back;
  gsize length;

  g_assert_true (trib_chart_export (draw_sample, NULL, FALSE, 640, 360, TRIB_CHART_FORMAT_PNG, png, &error));
  g_assert_no_error (error);
  read_back = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (read_back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read_back), ==, 640);
  g_assert_cmpuint (count_drawn (read_back), >, 640 * 360 / 10);
  cairo_surface_destroy (read_back);

  g_assert_true (trib_chart_export (draw_sample, NULL, TRUE, 640, 360, TRIB_CHART_FORMAT_SVG, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));

  /* A folder that does not exist: a message, and nothing written. */
  g_assert_false (trib_chart_export (draw_sample, NULL, FALSE, 640, 360, TRIB_CHART_FORMAT_PNG, missing, &error));
  g_assert_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (trib_chart_export (draw_sample, NULL, FALSE, 0, 360, TRIB_CHART_FORMAT_PNG, png, &error));
  g_assert_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED);

  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/chart/nice-range", test_nice_range);
  g_test_add_func ("/report/chart/format-number", test_format_number);
  g_test_add_func ("/report/chart/draw-not-blank", test_draw_not_blank);
  g_test_add_func ("/report/chart/export", test_export);

  return g_test_run ();
}
