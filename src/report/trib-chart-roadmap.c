/* trib-chart-roadmap.c: the roadmap timeline, drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-chart-roadmap"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "trib-chart-roadmap.h"

/* Labels longer than this are shortened with an ellipsis. */
#define MAX_LABEL_WIDTH 190.0
#define MARKER 5.0

typedef struct
{
  TribLane lane;
  int      row;   /* -1: the lane's title */
} Line;

struct _TribRoadmapChart
{
  TribRoadmap     *roadmap;
  TribRoadmapZoom  zoom;
  double           label_size;
  double           px_per_day;
  double           gutter;
  double           header;
  double           line_height;
  guint32          range_first;
  guint32          range_last;
  guint32          today;
  int              selected;
  GArray          *lines;
  double          *label_widths;   /* per item */
  int             *item_lines;     /* per item: its line */
  double           max_fte;
  /* the window drawn */
  guint32          view_first;
  guint32          view_last;
  guint            first_line;
  guint            n_view_lines;
};

static const char *
lane_title (TribLane lane)
{
  switch (lane)
    {
    case TRIB_LANE_UPSTREAM: return _("Upstream");
    case TRIB_LANE_PRODUCT: return _("Product");
    case TRIB_LANE_INVESTMENT: return _("Investment");
    case TRIB_LANE_BUSINESS: return _("Business");
    default: return "";
    }
}

static const char *
step_title (TribStep step)
{
  switch (step)
    {
    case TRIB_STEP_FIND_GAPS: return _("1 · Find the gaps");
    case TRIB_STEP_TURN_UP_DIAL: return _("2 · Turn up the dial");
    case TRIB_STEP_PRODUCT_ROADMAP: return _("3 · Product roadmap");
    case TRIB_STEP_NONE:
    default: return "";
    }
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *family,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static guint
measure_cb (const TribRoadmapItem *item,
            gpointer               user_data)
{
  TribRoadmapChart *self = user_data;
  guint index = (guint) (item - trib_roadmap_get_item (self->roadmap, 0));

  return (guint) ceil ((self->label_widths[index] + MARKER * 2 + 6) / self->px_per_day);
}

/* Label widths, by size and text, for the whole process: a roadmap is laid
 * out again at every change of the plan, and shaping thousands of labels
 * each time would stall the window. The report lays out in worker threads,
 * hence the lock. Widths depend only on the fonts installed. */
static GMutex widths_lock;
static GHashTable *widths;

static int
measure_label (PangoLayout *layout,
               double       size,
               const char  *text)
{
  g_autofree char *key = g_strdup_printf ("%g\x1f%s", size, text);
  gpointer found;
  int w;

  g_mutex_lock (&widths_lock);
  if (widths == NULL || g_hash_table_size (widths) > 200000)
    {
      g_clear_pointer (&widths, g_hash_table_unref);
      widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (g_hash_table_lookup_extended (widths, key, NULL, &found))
    {
      g_mutex_unlock (&widths_lock);
      return GPOINTER_TO_INT (found);
    }
  g_mutex_unlock (&widths_lock);

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);

  g_mutex_lock (&widths_lock);
  g_hash_table_replace (widths, g_steal_pointer (&key), GINT_TO_POINTER (w));
  g_mutex_unlock (&widths_lock);
  return w;
}

static void
relayout (TribRoadmapChart *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = make_layout (cr, "Cantarell, Noto Sans, DejaVu Sans, Sans",
                                               self->label_size, FALSE);
  guint n = trib_roadmap_get_n_items (self->roadmap);

  /* Widths first, in the order the items are in now; the layout sorts
   * them, so widths are measured again after it for drawing. */
  for (int pass = 0; pass < 2; pass++)
    {
      g_free (self->label_widths);
      self->label_widths = g_new0 (double, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          const TribRoadmapItem *item = trib_roadmap_get_item (self->roadmap, i);
          int w;

          if (item->kind == TRIB_ROADMAP_KIND_UPSTREAM_RELEASE && i > 0
              && trib_roadmap_get_item (self->roadmap, i - 1)->group == item->group && pass == 1)
            continue;   /* only a train's first tick is labelled */
          w = measure_label (layout, self->label_size, item->title);
          self->label_widths[i] = MIN (w, MAX_LABEL_WIDTH);
        }
      if (pass == 0)
        trib_roadmap_layout (self->roadmap, measure_cb, self);
    }

  g_array_set_size (self->lines, 0);
  self->max_fte = 0;
  for (int lane = 0; lane < TRIB_ROADMAP_N_LANES; lane++)
    {
      Line title = { lane, -1 };
      int rows = MAX (1, trib_roadmap_get_n_rows (self->roadmap, lane));

      g_array_append_val (self->lines, title);
      for (int r = 0; r < rows; r++)
        {
          Line line = { lane, r };
          g_array_append_val (self->lines, line);
        }
    }
  /* Each item's line, found once: the first line of a lane is its title. */
  g_free (self->item_lines);
  self->item_lines = g_new0 (int, MAX (n, 1));
  {
    int lane_first[TRIB_ROADMAP_N_LANES];
    int line = 0;

    for (int lane = 0; lane < TRIB_ROADMAP_N_LANES; lane++)
      {
        lane_first[lane] = line + 1;
        line += 1 + MAX (1, trib_roadmap_get_n_rows (self->roadmap, lane));
      }
    for (guint i = 0; i < n; i++)
      {
        const TribRoadmapItem *item = trib_roadmap_get_item (self->roadmap, i);

        self->item_lines[i] = lane_first[item->lane] + item->row;
        self->max_fte = MAX (self->max_fte, item->value);
      }
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * trib_roadmap_chart_new:
 * @roadmap: a roadmap, laid out again by the chart for its zoom and font;
 *   the chart does not take it over and must not outlive it
 * @zoom: months, quarters or years
 * @font_size: the size of item labels in user units (7 or more in a report)
 *
 * Returns: (transfer full): a chart showing all of @roadmap
 */
TribRoadmapChart *
trib_roadmap_chart_new (TribRoadmap     *roadmap,
                        TribRoadmapZoom  zoom,
                        double           font_size)
{
  TribRoadmapChart *self = g_new0 (TribRoadmapChart, 1);

  self->roadmap = roadmap;
  self->zoom = zoom;
  self->label_size = MAX (font_size, 7.0);
  switch (zoom)
    {
    case TRIB_ROADMAP_ZOOM_MONTHS: self->px_per_day = 90.0 / 30.44; break;
    case TRIB_ROADMAP_ZOOM_YEARS: self->px_per_day = 220.0 / 365.25; break;
    case TRIB_ROADMAP_ZOOM_QUARTERS:
    default: self->px_per_day = 130.0 / 91.31; break;
    }
  self->gutter = self->label_size * 10;
  self->line_height = ceil (self->label_size * 2.3);
  self->header = self->line_height * 3;
  self->range_first = trib_roadmap_get_first_day (roadmap);
  self->range_last = trib_roadmap_get_last_day (roadmap);
  self->selected = -1;
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  relayout (self);
  trib_roadmap_chart_set_view (self, 0, 0, 0, 0);
  return self;
}

void
trib_roadmap_chart_free (TribRoadmapChart *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lines);
  g_free (self->label_widths);
  g_free (self->item_lines);
  g_free (self);
}

TribRoadmap *
trib_roadmap_chart_get_roadmap (TribRoadmapChart *self)
{
  return self->roadmap;
}

/**
 * trib_roadmap_chart_set_today:
 * @self: a chart
 * @today: the Julian day to mark as today, or 0 for no marker
 */
void
trib_roadmap_chart_set_today (TribRoadmapChart *self,
                              guint32           today)
{
  self->today = today;
}

/**
 * trib_roadmap_chart_set_selected:
 * @self: a chart
 * @index: the item drawn as selected, or -1
 */
void
trib_roadmap_chart_set_selected (TribRoadmapChart *self,
                                 int               index)
{
  self->selected = index;
}

/**
 * trib_roadmap_chart_set_range:
 * @self: a chart
 * @first_day: the first day of the timeline, 0 for the roadmap's horizon
 * @last_day: its last day, 0 for the roadmap's horizon
 *
 * Limits the timeline to a range of dates (the report's date range).
 */
void
trib_roadmap_chart_set_range (TribRoadmapChart *self,
                              guint32           first_day,
                              guint32           last_day)
{
  self->range_first = first_day ? first_day : trib_roadmap_get_first_day (self->roadmap);
  self->range_last = last_day ? last_day : trib_roadmap_get_last_day (self->roadmap);
  if (self->range_last < self->range_first)
    self->range_last = self->range_first;
  trib_roadmap_chart_set_view (self, 0, 0, 0, 0);
}

/**
 * trib_roadmap_chart_set_view:
 * @self: a chart
 * @first_day: the first day drawn, 0 for the start of the range
 * @last_day: the last day drawn, 0 for the end of the range
 * @first_line: the first line (lane title or row) drawn
 * @n_lines: how many lines, 0 for all the rest
 *
 * Chooses the window of the timeline that trib_roadmap_chart_draw() fills
 * its rectangle with; the report tiles a long roadmap this way.
 */
void
trib_roadmap_chart_set_view (TribRoadmapChart *self,
                             guint32           first_day,
                             guint32           last_day,
                             guint             first_line,
                             guint             n_lines)
{
  self->view_first = first_day ? first_day : self->range_first;
  self->view_last = last_day ? last_day : self->range_last;
  self->first_line = MIN (first_line, self->lines->len);
  self->n_view_lines = n_lines ? MIN (n_lines, self->lines->len - self->first_line)
                               : self->lines->len - self->first_line;
}

double
trib_roadmap_chart_get_px_per_day (TribRoadmapChart *self)
{
  return self->px_per_day;
}

guint
trib_roadmap_chart_get_n_lines (TribRoadmapChart *self)
{
  return self->lines->len;
}

double
trib_roadmap_chart_get_gutter (TribRoadmapChart *self)
{
  return self->gutter;
}

double
trib_roadmap_chart_get_header_height (TribRoadmapChart *self)
{
  return self->header;
}

double
trib_roadmap_chart_get_line_height (TribRoadmapChart *self)
{
  return self->line_height;
}

/**
 * trib_roadmap_chart_get_size:
 * @self: a chart
 * @width: (out): the width its view needs at its zoom
 * @height: (out): the height its view needs
 */
void
trib_roadmap_chart_get_size (TribRoadmapChart *self,
                             double           *width,
                             double           *height)
{
  if (width)
    *width = ceil (self->gutter + (self->view_last - self->view_first + 1) * self->px_per_day + 8);
  if (height)
    *height = ceil (self->header + self->n_view_lines * self->line_height + 4);
}

static double
day_to_x (TribRoadmapChart *self,
          double            width,
          double            day)
{
  double days = self->view_last - self->view_first + 1;

  return self->gutter + (day - self->view_first) * (width - self->gutter - 8) / days;
}

/**
 * trib_roadmap_chart_x_to_day:
 * @self: a chart drawn at its natural size
 * @x: a position
 *
 * Returns: the day under @x, within the view
 */
guint32
trib_roadmap_chart_x_to_day (TribRoadmapChart *self,
                             double            x)
{
  double day = self->view_first + (x - self->gutter) / self->px_per_day;

  return (guint32) CLAMP (day, self->view_first, self->view_last);
}

static gboolean
item_rect (TribRoadmapChart *self,
           int               index,
           double            width,
           TribChartRect    *rect)
{
  const TribRoadmapItem *item;
  int line = self->item_lines[index];
  double x0, x1;

  if (line < (int) self->first_line || line >= (int) (self->first_line + self->n_view_lines))
    return FALSE;
  item = trib_roadmap_get_item (self->roadmap, index);
  x0 = day_to_x (self, width, item->start);
  x1 = day_to_x (self, width, item->end + 1);
  rect->y = self->header + (line - self->first_line) * self->line_height + 2;
  rect->height = self->line_height - 4;
  if (item->start == item->end)
    {
      rect->x = x0 - MARKER;
      rect->width = MARKER * 2 + 4 + self->label_widths[index];
    }
  else
    {
      rect->x = x0;
      rect->width = MAX (x1 - x0, 2);
    }
  return TRUE;
}

/**
 * trib_roadmap_chart_get_item_rect:
 * @self: a chart drawn at its natural size
 * @index: an item of the roadmap
 * @rect: (out): where it is drawn
 *
 * Returns: whether the item is within the view
 */
gboolean
trib_roadmap_chart_get_item_rect (TribRoadmapChart *self,
                                  int               index,
                                  TribChartRect    *rect)
{
  double width;

  g_return_val_if_fail (index >= 0 && (guint) index < trib_roadmap_get_n_items (self->roadmap), FALSE);

  trib_roadmap_chart_get_size (self, &width, NULL);
  return item_rect (self, index, width, rect);
}

/**
 * trib_roadmap_chart_hit:
 * @self: a chart drawn at its natural size
 * @x: a position
 * @y: a position
 *
 * Returns: the index of the item at @x, @y, or -1
 */
int
trib_roadmap_chart_hit (TribRoadmapChart *self,
                        double            x,
                        double            y)
{
  guint n = trib_roadmap_get_n_items (self->roadmap);
  double width;

  trib_roadmap_chart_get_size (self, &width, NULL);
  for (guint i = 0; i < n; i++)
    {
      TribChartRect r;

      if (item_rect (self, (int) i, width, &r)
          && x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height)
        return (int) i;
    }
  return -1;
}

static void
draw_scale (TribRoadmapChart     *self,
            cairo_t              *cr,
            const TribChartStyle *style,
            double                width,
            double                height)
{
  GDate date;
  int year, month;
  double top = self->line_height;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->view_first);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  /* From the first month (or quarter) boundary at or before the view. */
  month = self->zoom == TRIB_ROADMAP_ZOOM_MONTHS ? month : ((month - 1) / 3) * 3 + 1;
  if (self->zoom == TRIB_ROADMAP_ZOOM_YEARS)
    month = 1;

  cairo_set_line_width (cr, 0.5);
  for (;;)
    {
      GDate start, next;
      double x0, x1;
      char label[32];
      int step = self->zoom == TRIB_ROADMAP_ZOOM_MONTHS ? 1 : self->zoom == TRIB_ROADMAP_ZOOM_QUARTERS ? 3 : 12;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, month, year);
      if (g_date_get_julian (&start) > self->view_last)
        break;
      next = start;
      g_date_add_months (&next, step);
      x0 = MAX (day_to_x (self, width, g_date_get_julian (&start)), self->gutter);
      x1 = day_to_x (self, width, g_date_get_julian (&next));

      trib_chart_set_color (cr, month == 1 ? &style->dim : &style->grid);
      cairo_move_to (cr, day_to_x (self, width, g_date_get_julian (&start)), top);
      cairo_line_to (cr, day_to_x (self, width, g_date_get_julian (&start)), height);
      if (g_date_get_julian (&start) >= self->view_first)
        cairo_stroke (cr);
      else
        cairo_new_path (cr);

      if (self->zoom == TRIB_ROADMAP_ZOOM_MONTHS)
        g_date_strftime (label, sizeof label, "%b", &start);
      else if (self->zoom == TRIB_ROADMAP_ZOOM_QUARTERS)
        g_snprintf (label, sizeof label, "Q%d", (month - 1) / 3 + 1);
      else
        g_snprintf (label, sizeof label, "%d", year);
      if (x1 - x0 > 14)
        trib_chart_text (cr, style, label, (x0 + MIN (x1, width - 8)) / 2, top + self->line_height / 2,
                         self->label_size, FALSE, TRIB_CHART_ALIGN_CENTER, TRIB_CHART_ALIGN_CENTER,
                         &style->dim);
      if (month == 1 || g_date_get_julian (&start) <= self->view_first)
        {
          g_autofree char *y = g_strdup_printf ("%d", year);

          if (self->zoom != TRIB_ROADMAP_ZOOM_YEARS)
            trib_chart_text (cr, style, y, x0 + 3, self->line_height / 2, self->label_size, TRUE,
                             TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_CENTER, &style->foreground);
        }
      month += step;
      while (month > 12)
        {
          month -= 12;
          year++;
        }
    }
}

static void
draw_steps (TribRoadmapChart     *self,
            cairo_t              *cr,
            const TribChartStyle *style,
            double                width,
            double                height)
{
  double x0s[TRIB_STEP_PRODUCT_ROADMAP + 2] = { 0 };
  gboolean shown[TRIB_STEP_PRODUCT_ROADMAP + 2] = { FALSE };
  g_autoptr(PangoLayout) layout = make_layout (cr, style->font_family, self->label_size, TRUE);

  for (TribStep step = TRIB_STEP_FIND_GAPS; step <= TRIB_STEP_PRODUCT_ROADMAP; step++)
    {
      guint32 start, end;

      shown[step] = trib_roadmap_get_step_span (self->roadmap, step, &start, &end)
                    && end >= self->view_first && start <= self->view_last;
      if (shown[step])
        x0s[step] = MAX (day_to_x (self, width, start) - MARKER, self->gutter);
    }

  for (TribStep step = TRIB_STEP_FIND_GAPS; step <= TRIB_STEP_PRODUCT_ROADMAP; step++)
    {
      guint32 start, end;
      TribRgba color;
      double x0, x1, room = width - 4;

      if (!shown[step])
        continue;
      trib_roadmap_get_step_span (self->roadmap, step, &start, &end);
      trib_chart_series_color (style, step + 3, &color);
      x0 = x0s[step];
      x1 = MIN (day_to_x (self, width, end + 1) + MARKER, width);
      color.alpha = 0.10;
      trib_chart_set_color (cr, &color);
      cairo_rectangle (cr, x0, self->line_height * 2, x1 - x0, height - self->line_height * 2);
      cairo_fill (cr);
      color.alpha = 1;
      trib_chart_set_color (cr, &color);
      cairo_rectangle (cr, x0, self->line_height * 2 + 2, x1 - x0, 3);
      cairo_fill (cr);

      /* The label stops where a later step's band begins. */
      for (TribStep later = step + 1; later <= TRIB_STEP_PRODUCT_ROADMAP; later++)
        if (shown[later] && x0s[later] > x0)
          room = MIN (room, x0s[later]);
      if (room - x0 < 16)
        continue;
      pango_layout_set_text (layout, step_title (step), -1);
      pango_layout_set_width (layout, (int) ((room - x0 - 4) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      {
        int h;

        pango_layout_get_pixel_size (layout, NULL, &h);
        cairo_move_to (cr, x0 + 2, self->line_height * 2.6 - h / 2.0);
      }
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_item (TribRoadmapChart     *self,
           cairo_t              *cr,
           const TribChartStyle *style,
           double                width,
           int                   index,
           PangoLayout          *layout)
{
  const TribRoadmapItem *item = trib_roadmap_get_item (self->roadmap, index);
  TribChartRect r;
  TribRgba color;
  double x0, text_x, text_w;

  if (!item_rect (self, index, width, &r) || item->end < self->view_first || item->start > self->view_last)
    return;
  /* Outside what is being painted (a window scrolled over a long
   * roadmap): not even its text is laid out. */
  {
    double cx0, cy0, cx1, cy1;

    cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
    if (r.y > cy1 || r.y + r.height < cy0
        || r.x > cx1 || r.x + MAX (r.width, self->label_widths[index] + 2 * MARKER + 4) < cx0)
      return;
  }
  x0 = day_to_x (self, width, item->start);

  switch (item->kind)
    {
    case TRIB_ROADMAP_KIND_MILESTONE:
      color = item->step != TRIB_STEP_NONE ? (TribRgba) { 0 } : style->accent;
      if (item->step != TRIB_STEP_NONE)
        trib_chart_series_color (style, item->step + 3, &color);
      trib_chart_set_color (cr, &color);
      cairo_move_to (cr, x0, r.y + r.height / 2 - MARKER);
      cairo_line_to (cr, x0 + MARKER, r.y + r.height / 2);
      cairo_line_to (cr, x0, r.y + r.height / 2 + MARKER);
      cairo_line_to (cr, x0 - MARKER, r.y + r.height / 2);
      cairo_close_path (cr);
      if (item->done)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      text_x = x0 + MARKER + 3;
      break;
    case TRIB_ROADMAP_KIND_UPSTREAM_RELEASE:
      trib_chart_series_color (style, 1, &color);
      trib_chart_set_color (cr, &color);
      cairo_move_to (cr, x0, r.y + 3);
      cairo_line_to (cr, x0 + MARKER, r.y + r.height - 3);
      cairo_line_to (cr, x0 - MARKER, r.y + r.height - 3);
      cairo_close_path (cr);
      cairo_fill (cr);
      text_x = x0 + MARKER + 3;
      break;
    case TRIB_ROADMAP_KIND_INVESTMENT:
      {
        double h = r.height * (0.25 + 0.75 * item->value / MAX (self->max_fte, 0.01));

        trib_chart_series_color (style, 2, &color);
        color.alpha = 0.45;
        trib_chart_set_color (cr, &color);
        cairo_rectangle (cr, MAX (r.x, self->gutter), r.y + r.height - h,
                         r.x + r.width - MAX (r.x, self->gutter), h);
        cairo_fill (cr);
        text_x = MAX (x0, self->gutter) + 3;
      }
      break;
    case TRIB_ROADMAP_KIND_RELEASE:
    case TRIB_ROADMAP_KIND_END_OF_LIFE:
    default:
      trib_chart_series_color (style, 0, &color);
      if (item->kind == TRIB_ROADMAP_KIND_END_OF_LIFE)
        color.alpha = 0.35;
      trib_chart_set_color (cr, &color);
      cairo_rectangle (cr, MAX (r.x, self->gutter), r.y + 1,
                       r.x + r.width - MAX (r.x, self->gutter), r.height - 2);
      cairo_fill (cr);
      text_x = MAX (x0, self->gutter) + 3;
      break;
    }

  if (index == self->selected)
    {
      trib_chart_set_color (cr, &style->foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, r.x - 2, r.y - 1, r.width + 4, r.height + 2);
      cairo_stroke (cr);
    }

  text_w = self->label_widths[index];
  /* The next item of the same group may follow closely (an FTE step, a
   * release's end of life): the label stops before it. */
  if ((guint) index + 1 < trib_roadmap_get_n_items (self->roadmap))
    {
      const TribRoadmapItem *next = trib_roadmap_get_item (self->roadmap, index + 1);

      if (item->group != 0 && next->group == item->group && next->lane == item->lane && next->row == item->row)
        text_w = MIN (text_w, day_to_x (self, width, next->start) - text_x - 4);
    }
  if (text_w < 12)
    return;
  pango_layout_set_text (layout, item->title, -1);
  pango_layout_set_width (layout, (int) (text_w * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  trib_chart_set_color (cr, item->kind == TRIB_ROADMAP_KIND_END_OF_LIFE ? &style->dim : &style->foreground);
  {
    int h;

    pango_layout_get_pixel_size (layout, NULL, &h);
    cairo_move_to (cr, text_x, r.y + (r.height - h) / 2);
  }
  pango_cairo_show_layout (cr, layout);
}

/**
 * trib_roadmap_chart_draw:
 * @cr: where to draw
 * @style: colours and fonts
 * @width: the rectangle's width
 * @height: its height
 * @chart: (type TribRoadmapChart): the chart
 *
 * Draws the chart's view: the time scale, the guide's three steps as bands
 * over the milestones that belong to them, the lanes with their rows of
 * items, and the today marker. A #TribChartDrawFunc.
 */
void
trib_roadmap_chart_draw (cairo_t              *cr,
                         const TribChartStyle *style,
                         double                width,
                         double                height,
                         gpointer              chart)
{
  TribRoadmapChart *self = chart;
  g_autoptr(PangoLayout) layout = make_layout (cr, style->font_family, self->label_size, FALSE);
  guint n = trib_roadmap_get_n_items (self->roadmap);
  double lines_bottom = self->header + self->n_view_lines * self->line_height;

  trib_chart_paint_background (cr, style, width, height);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  /* Lane title bands and the gutter. */
  for (guint l = 0; l < self->n_view_lines; l++)
    {
      Line *line = &g_array_index (self->lines, Line, self->first_line + l);
      double y = self->header + l * self->line_height;

      if (line->row < 0)
        {
          TribRgba band = style->grid;

          band.alpha *= 0.5;
          trib_chart_set_color (cr, &band);
          cairo_rectangle (cr, 0, y, width, self->line_height);
          cairo_fill (cr);
          trib_chart_text (cr, style, lane_title (line->lane), 4, y + self->line_height / 2,
                           self->label_size + 1, TRUE, TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_CENTER,
                           &style->foreground);
        }
      else if (line->row == 0 && trib_roadmap_get_n_rows (self->roadmap, line->lane) == 0)
        trib_chart_text (cr, style, _("Nothing on this lane"), self->gutter + 6,
                         y + self->line_height / 2, self->label_size, FALSE, TRIB_CHART_ALIGN_START,
                         TRIB_CHART_ALIGN_CENTER, &style->dim);
    }

  draw_scale (self, cr, style, width, lines_bottom);
  draw_steps (self, cr, style, width, lines_bottom);

  cairo_save (cr);
  cairo_rectangle (cr, self->gutter - MARKER - 1, self->header, width, lines_bottom - self->header);
  cairo_clip (cr);
  for (guint i = 0; i < n; i++)
    draw_item (self, cr, style, width, (int) i, layout);
  cairo_restore (cr);

  if (self->today >= self->view_first && self->today <= self->view_last)
    {
      double x = day_to_x (self, width, self->today);

      trib_chart_set_color (cr, &style->bad);
      cairo_set_line_width (cr, 1.25);
      cairo_move_to (cr, x, self->line_height);
      cairo_line_to (cr, x, lines_bottom);
      cairo_stroke (cr);
      trib_chart_text (cr, style, _("Today"), x + 2, self->line_height * 1.5, self->label_size, TRUE,
                       TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_CENTER, &style->bad);
    }
}
