/* trib-pdf.c: a flowing PDF document — headings, text, tables, charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "trib-pdf.h"
#include "trib-report-error.h"

#define MARGIN_X 50.0
#define MARGIN_TOP 56.0
#define MARGIN_BOTTOM 50.0
#define HEADER_SIZE 7.5
#define BODY_SIZE 9.5
#define TABLE_SIZE 8.0
#define CELL_PAD 3.0
/* A table cell shows at most this many lines, so that no row is taller
 * than a page. */
#define CELL_MAX_LINES 6

struct _TribPdf
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoLayout     *layout;
  PangoLayout     *furniture;     /* the header's and footer's own, so a page break keeps the text in layout */
  TribChartStyle   style;
  double           paper_width;   /* portrait */
  double           paper_height;
  double           width;         /* of the current page */
  double           height;
  gboolean         landscape;
  gboolean         page_open;
  gboolean         recording;     /* pages kept as recording surfaces, not written */
  GPtrArray       *pages;         /* of cairo_surface_t, when recording */
  int              n_pages;
  double           y;
  char            *header_left;
  char            *header_right;
};

static void
set_font (PangoLayout *layout,
          const char  *family,
          double       size,
          gboolean     bold,
          gboolean     italic)
{
  PangoFontDescription *desc = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

/* Lays @text out in @width points; returns its height. */
static double
prepare (TribPdf    *self,
         const char *text,
         double      size,
         gboolean    bold,
         gboolean    italic,
         double      width,
         int         max_lines)
{
  int w, h;

  set_font (self->layout, self->style.font_family, size, bold, italic);
  pango_layout_set_width (self->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->layout, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_ellipsize (self->layout, max_lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (self->layout, text ? text : "", -1);
  pango_layout_get_size (self->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
show (TribPdf        *self,
      PangoLayout    *layout,
      double          x,
      double          y,
      const TribRgba *color)
{
  trib_chart_set_color (self->cr, color);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

/* Text measured for a preview must wrap and break pages exactly as in the
 * PDF: no hinting, no metrics rounded to pixels, as cairo's PDF surface. */
static void
match_pdf_metrics (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
}

static void
draw_page_furniture (TribPdf *self)
{
  PangoLayout *saved = self->layout;
  g_autofree char *number = g_strdup_printf (_("Page %d"), self->n_pages);
  double text_width = self->width - 2 * MARGIN_X;

  self->layout = self->furniture;

  if (self->header_left != NULL)
    {
      prepare (self, self->header_left, HEADER_SIZE, FALSE, FALSE, text_width * 0.6, 1);
      show (self, self->layout, MARGIN_X, 26, &self->style.dim);
    }
  if (self->header_right != NULL)
    {
      prepare (self, self->header_right, HEADER_SIZE, FALSE, FALSE, text_width * 0.38, 1);
      pango_layout_set_alignment (self->layout, PANGO_ALIGN_RIGHT);
      show (self, self->layout, MARGIN_X + text_width * 0.62, 26, &self->style.dim);
      pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
    }
  trib_chart_set_color (self->cr, &self->style.grid);
  cairo_set_line_width (self->cr, 0.5);
  cairo_move_to (self->cr, MARGIN_X, 38);
  cairo_line_to (self->cr, self->width - MARGIN_X, 38);
  cairo_stroke (self->cr);

  prepare (self, number, HEADER_SIZE, FALSE, FALSE, text_width, 1);
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
  show (self, self->layout, MARGIN_X, self->height - 30, &self->style.dim);
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
  self->layout = saved;
}

static void
open_page (TribPdf *self)
{
  if (self->page_open)
    return;
  self->width = self->landscape ? self->paper_height : self->paper_width;
  self->height = self->landscape ? self->paper_width : self->paper_height;
  if (self->recording)
    {
      cairo_rectangle_t extents = { 0, 0, self->width, self->height };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      g_ptr_array_add (self->pages, page);
      cairo_destroy (self->cr);
      self->cr = cairo_create (page);
      match_pdf_metrics (self->cr);
      /* A white sheet, as on paper. */
      cairo_set_source_rgb (self->cr, 1, 1, 1);
      cairo_paint (self->cr);
    }
  else
    cairo_pdf_surface_set_size (self->surface, self->width, self->height);
  self->page_open = TRUE;
  self->n_pages++;
  self->y = MARGIN_TOP;
  draw_page_furniture (self);
}

/* Makes sure @needed points are left on the page, starting a new page of
 * the same orientation otherwise. Returns whether it did. */
static gboolean
need (TribPdf *self,
      double   needed)
{
  open_page (self);
  if (self->y + needed <= self->height - MARGIN_BOTTOM || self->y <= MARGIN_TOP)
    return FALSE;
  trib_pdf_new_page (self, self->landscape);
  open_page (self);
  return TRUE;
}

/**
 * trib_pdf_new:
 * @path: where to write the PDF
 * @paper: A4 or US Letter
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a document with no page yet, or
 *   %NULL when the file cannot be created
 */
TribPdf *
trib_pdf_new (const char  *path,
              TribPaper    paper,
              GError     **error)
{
  g_autoptr(TribPdf) self = g_new0 (TribPdf, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->paper_width = paper == TRIB_PAPER_LETTER ? 612.0 : 595.276;
  self->paper_height = paper == TRIB_PAPER_LETTER ? 792.0 : 841.89;
  self->width = self->paper_width;
  self->height = self->paper_height;
  self->surface = cairo_pdf_surface_create (path, self->paper_width, self->paper_height);
  if (cairo_surface_status (self->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_WRITE,
                   _("Could not create the report “%s”: %s. Choose a folder you can write to."),
                   path, cairo_status_to_string (cairo_surface_status (self->surface)));
      return NULL;
    }
  cairo_pdf_surface_restrict_to_version (self->surface, CAIRO_PDF_VERSION_1_5);
  self->cr = cairo_create (self->surface);
  self->layout = pango_cairo_create_layout (self->cr);
  self->furniture = pango_cairo_create_layout (self->cr);
  trib_chart_style_init (&self->style, FALSE);
  self->style.font_size = BODY_SIZE;
  return g_steal_pointer (&self);
}

/**
 * trib_pdf_new_recording:
 * @paper: A4 or US Letter
 *
 * A document whose pages are kept as cairo recording surfaces instead of
 * being written, for previews: trib_pdf_steal_pages() hands them over.
 *
 * Returns: (transfer full): a document with no page yet
 */
TribPdf *
trib_pdf_new_recording (TribPaper paper)
{
  TribPdf *self = g_new0 (TribPdf, 1);

  self->recording = TRUE;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->paper_width = paper == TRIB_PAPER_LETTER ? 612.0 : 595.276;
  self->paper_height = paper == TRIB_PAPER_LETTER ? 792.0 : 841.89;
  self->width = self->paper_width;
  self->height = self->paper_height;
  /* Until the first page: a surface to measure text on. */
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->cr = cairo_create (self->surface);
  match_pdf_metrics (self->cr);
  self->layout = pango_cairo_create_layout (self->cr);
  self->furniture = pango_cairo_create_layout (self->cr);
  trib_chart_style_init (&self->style, FALSE);
  self->style.font_size = BODY_SIZE;
  return self;
}

/**
 * trib_pdf_steal_pages:
 * @self: a recording document, finished
 *
 * Returns: (transfer full) (element-type cairo_surface_t): its pages, each a
 *   recording surface with the page's size as extents
 */
GPtrArray *
trib_pdf_steal_pages (TribPdf *self)
{
  g_return_val_if_fail (self->recording, NULL);

  return g_steal_pointer (&self->pages);
}

/**
 * trib_pdf_free:
 * @self: a document
 *
 * Frees the document; a document not finished is left incomplete on disk.
 */
void
trib_pdf_free (TribPdf *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  g_clear_object (&self->furniture);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self);
}

/**
 * trib_pdf_set_metadata:
 * @self: a document
 * @title: the document's title
 * @author: (nullable): its author
 * @subject: (nullable): its subject
 * @created: (nullable): when it was made
 *
 * Sets the PDF's document information.
 */
void
trib_pdf_set_metadata (TribPdf    *self,
                       const char *title,
                       const char *author,
                       const char *subject,
                       GDateTime  *created)
{
  if (self->recording)
    return;
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL && *subject != '\0')
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Tributary " PACKAGE_VERSION);
  if (created != NULL)
    {
      g_autofree char *iso = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *offset = g_date_time_format (created, "%:z");
      g_autofree char *stamp = g_strconcat (iso, offset, NULL);

      cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
    }
}

/**
 * trib_pdf_set_header:
 * @self: a document
 * @left: (nullable): the running header's left part (the plan)
 * @right: (nullable): its right part (the section)
 *
 * Sets the running header of the pages started from now on.
 */
void
trib_pdf_set_header (TribPdf    *self,
                     const char *left,
                     const char *right)
{
  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
}

const TribChartStyle *
trib_pdf_get_style (TribPdf *self)
{
  return &self->style;
}

cairo_t *
trib_pdf_get_cairo (TribPdf *self)
{
  return self->cr;
}

int
trib_pdf_get_n_pages (TribPdf *self)
{
  return self->n_pages;
}

/**
 * trib_pdf_new_page:
 * @self: a document
 * @landscape: whether the next page is turned sideways
 *
 * Ends the current page, if any; the next block starts a new page.
 */
void
trib_pdf_new_page (TribPdf  *self,
                   gboolean  landscape)
{
  if (self->page_open && !self->recording)
    cairo_show_page (self->cr);
  self->page_open = FALSE;
  self->landscape = landscape;
}

/**
 * trib_pdf_get_content_size:
 * @self: a document
 * @width: (out): the width between the margins of the current page
 * @height: (out): the height between the margins of an empty page
 */
void
trib_pdf_get_content_size (TribPdf *self,
                           double  *width,
                           double  *height)
{
  double w = self->landscape ? self->paper_height : self->paper_width;
  double h = self->landscape ? self->paper_width : self->paper_height;

  if (width)
    *width = w - 2 * MARGIN_X;
  if (height)
    *height = h - MARGIN_TOP - MARGIN_BOTTOM;
}

/**
 * trib_pdf_get_remaining:
 * @self: a document
 *
 * Returns: the height left on the current page
 */
double
trib_pdf_get_remaining (TribPdf *self)
{
  open_page (self);
  return self->height - MARGIN_BOTTOM - self->y;
}

/**
 * trib_pdf_keep:
 * @self: a document
 * @height: the height the next blocks need together
 *
 * Starts a new page unless @height points are left on this one: a heading
 * stays with the chart under it.
 */
void
trib_pdf_keep (TribPdf *self,
               double   height)
{
  double h;

  trib_pdf_get_content_size (self, NULL, &h);
  need (self, MIN (height, h));
}

/**
 * trib_pdf_space:
 * @self: a document
 * @points: vertical space to leave
 */
void
trib_pdf_space (TribPdf *self,
                double   points)
{
  open_page (self);
  self->y = MIN (self->y + points, self->height - MARGIN_BOTTOM);
}

/**
 * trib_pdf_title:
 * @self: a document
 * @text: a title
 * @size: its size in points
 *
 * A large line of text, as on the title page.
 */
void
trib_pdf_title (TribPdf    *self,
                const char *text,
                double      size)
{
  double w, h;

  trib_pdf_get_content_size (self, &w, NULL);
  h = prepare (self, text, size, TRUE, FALSE, w, 0);
  need (self, h);
  show (self, self->layout, MARGIN_X, self->y, &self->style.foreground);
  self->y += h + size * 0.4;
}

/**
 * trib_pdf_heading:
 * @self: a document
 * @text: the heading
 * @level: 1 for a section, 2 for a part of one
 *
 * A heading, kept on one page with at least a few lines after it. A
 * section heading is also an entry of the PDF's outline.
 */
void
trib_pdf_heading (TribPdf    *self,
                  const char *text,
                  int         level)
{
  double size = level <= 1 ? 17 : 12;
  double w, h;

  trib_pdf_get_content_size (self, &w, NULL);
  h = prepare (self, text, size, TRUE, FALSE, w, 0);
  open_page (self);
  if (self->y > MARGIN_TOP)
    self->y += level <= 1 ? 10 : 6;
  need (self, h + 60);
  show (self, self->layout, MARGIN_X, self->y, &self->style.foreground);
  if (level <= 1 && !self->recording)
    {
      g_autofree char *link = g_strdup_printf ("page=%d pos=[%g %g]", self->n_pages, MARGIN_X, self->y);
      cairo_pdf_surface_add_outline (self->surface, CAIRO_PDF_OUTLINE_ROOT, text, link,
                                     CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
  self->y += h + (level <= 1 ? 8 : 4);
}

static void
text_block (TribPdf        *self,
            const char     *text,
            gboolean        italic,
            const TribRgba *color)
{
  double w, line;
  PangoLayoutIter *iter;

  trib_pdf_get_content_size (self, &w, NULL);
  prepare (self, text, BODY_SIZE, FALSE, italic, w, 0);
  /* Line by line, so that a long paragraph flows onto the next page. */
  iter = pango_layout_get_iter (self->layout);
  do
    {
      PangoLayoutLine *l = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      int top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = logical.y;
      line = (double) logical.height / PANGO_SCALE;
      if (need (self, line))
        set_font (self->layout, self->style.font_family, BODY_SIZE, FALSE, italic);
      trib_chart_set_color (self->cr, color);
      cairo_move_to (self->cr, MARGIN_X + (double) logical.x / PANGO_SCALE,
                     self->y + (double) (baseline - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (self->cr, l);
      self->y += line;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  self->y += 6;
}

/**
 * trib_pdf_paragraph:
 * @self: a document
 * @text: plain text; blank lines separate paragraphs
 */
void
trib_pdf_paragraph (TribPdf    *self,
                    const char *text)
{
  text_block (self, text, FALSE, &self->style.foreground);
}

/**
 * trib_pdf_note:
 * @self: a document
 * @text: plain text
 *
 * A line in italics and the secondary colour: what a section says when its
 * data is absent, or how to read a table.
 */
void
trib_pdf_note (TribPdf    *self,
               const char *text)
{
  text_block (self, text, TRUE, &self->style.dim);
}

/**
 * trib_pdf_key_figures:
 * @self: a document
 * @labels: what each figure is
 * @values: the figures
 * @n: how many
 *
 * Figures in a grid of four columns, large value above small label.
 */
void
trib_pdf_key_figures (TribPdf            *self,
                      const char * const *labels,
                      const char * const *values,
                      guint               n)
{
  double w, cell;

  trib_pdf_get_content_size (self, &w, NULL);
  cell = w / 4;
  for (guint i = 0; i < n; i += 4)
    {
      double row = 0;

      for (guint j = i; j < MIN (n, i + 4); j++)
        row = MAX (row, prepare (self, values[j], 16, TRUE, FALSE, cell - 8, 1)
                        + prepare (self, labels[j], TABLE_SIZE, FALSE, FALSE, cell - 8, 2));
      need (self, row + 8);
      for (guint j = i; j < MIN (n, i + 4); j++)
        {
          double x = MARGIN_X + (j - i) * cell;
          double h = prepare (self, values[j], 16, TRUE, FALSE, cell - 8, 1);

          show (self, self->layout, x, self->y, &self->style.accent);
          prepare (self, labels[j], TABLE_SIZE, FALSE, FALSE, cell - 8, 2);
          show (self, self->layout, x, self->y + h, &self->style.dim);
        }
      self->y += row + 8;
    }
}

static double
measure_row (TribPdf            *self,
             PangoLayout       **cells,
             const char * const *texts,
             const double       *widths,
             guint               n_columns,
             gboolean            bold)
{
  double w, h = 0;

  trib_pdf_get_content_size (self, &w, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      int cw, ch;

      set_font (cells[c], self->style.font_family, TABLE_SIZE, bold, FALSE);
      pango_layout_set_width (cells[c], (int) ((widths[c] * w - 2 * CELL_PAD) * PANGO_SCALE));
      pango_layout_set_wrap (cells[c], PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (cells[c], -CELL_MAX_LINES);
      pango_layout_set_ellipsize (cells[c], PANGO_ELLIPSIZE_END);
      pango_layout_set_text (cells[c], texts[c] ? texts[c] : "", -1);
      pango_layout_get_size (cells[c], &cw, &ch);
      h = MAX (h, (double) ch / PANGO_SCALE);
    }
  return h + 2 * CELL_PAD;
}

static void
draw_row (TribPdf        *self,
          PangoLayout   **cells,
          const double   *widths,
          guint           n_columns,
          double          height,
          const TribRgba *fill)
{
  double w, x = MARGIN_X;

  trib_pdf_get_content_size (self, &w, NULL);
  if (fill != NULL)
    {
      trib_chart_set_color (self->cr, fill);
      cairo_rectangle (self->cr, MARGIN_X, self->y, w, height);
      cairo_fill (self->cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      show (self, cells[c], x + CELL_PAD, self->y + CELL_PAD, &self->style.foreground);
      x += widths[c] * w;
    }
  self->y += height;
}

static void
table_header (TribPdf            *self,
              PangoLayout       **cells,
              const char * const *headers,
              const double       *widths,
              guint               n_columns)
{
  double h = measure_row (self, cells, headers, widths, n_columns, TRUE);
  double w;

  trib_pdf_get_content_size (self, &w, NULL);
  draw_row (self, cells, widths, n_columns, h, NULL);
  trib_chart_set_color (self->cr, &self->style.foreground);
  cairo_set_line_width (self->cr, 0.75);
  cairo_move_to (self->cr, MARGIN_X, self->y);
  cairo_line_to (self->cr, MARGIN_X + w, self->y);
  cairo_stroke (self->cr);
}

/**
 * trib_pdf_table:
 * @self: a document
 * @headers: one heading per column
 * @widths: each column's share of the width (summing to 1)
 * @n_columns: how many columns
 * @rows: (element-type GStrv): the rows, each @n_columns strings
 *
 * A table. Cells wrap (up to six lines); a row never splits, and a table
 * continued on the next page repeats its header row there.
 */
void
trib_pdf_table (TribPdf            *self,
                const char * const *headers,
                const double       *widths,
                guint               n_columns,
                GPtrArray          *rows)
{
  trib_pdf_table_with_cells (self, headers, widths, n_columns, rows, NULL, NULL);
}

/**
 * trib_pdf_table_with_cells:
 * @self: a document
 * @headers: one heading per column
 * @widths: each column's share of the width (summing to 1)
 * @n_columns: how many columns
 * @rows: (element-type GStrv): the rows, each @n_columns strings
 * @cell: (nullable): draws into every cell after its text
 * @user_data: data for @cell
 *
 * trib_pdf_table() with something drawn in the cells: a row is at least
 * 14 points high then, room for a sparkline.
 */
void
trib_pdf_table_with_cells (TribPdf            *self,
                           const char * const *headers,
                           const double       *widths,
                           guint               n_columns,
                           GPtrArray          *rows,
                           TribPdfCellFunc     cell,
                           gpointer            user_data)
{
  g_autofree PangoLayout **cells = g_new0 (PangoLayout *, n_columns);
  TribRgba stripe = self->style.grid;
  double header_height;

  stripe.alpha *= 0.35;
  for (guint c = 0; c < n_columns; c++)
    cells[c] = pango_cairo_create_layout (self->cr);

  header_height = measure_row (self, cells, headers, widths, n_columns, TRUE);
  need (self, header_height + 2 * (TABLE_SIZE * 1.4 + 2 * CELL_PAD));
  table_header (self, cells, headers, widths, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (rows, r);
      double h = measure_row (self, cells, row, widths, n_columns, FALSE);

      if (cell != NULL)
        h = MAX (h, 14);
      if (need (self, h))
        {
          table_header (self, cells, headers, widths, n_columns);
          measure_row (self, cells, row, widths, n_columns, FALSE);
        }
      draw_row (self, cells, widths, n_columns, h, r % 2 == 1 ? &stripe : NULL);
      if (cell != NULL)
        {
          double w, x = MARGIN_X, top = self->y - h;

          trib_pdf_get_content_size (self, &w, NULL);
          for (guint c = 0; c < n_columns; c++)
            {
              cairo_save (self->cr);
              cell (self->cr, &self->style, r, c, x + CELL_PAD, top + CELL_PAD,
                    widths[c] * w - 2 * CELL_PAD, h - 2 * CELL_PAD, user_data);
              cairo_restore (self->cr);
              x += widths[c] * w;
            }
        }
    }
  self->y += 8;

  for (guint c = 0; c < n_columns; c++)
    g_object_unref (cells[c]);
}

/**
 * trib_pdf_block:
 * @self: a document
 * @height: the block's height; at most a page's content height
 * @draw: draws it
 * @user_data: data for @draw
 *
 * A block drawn by a chart function in the full content width, on the
 * current page when it fits and on the next otherwise.
 */
void
trib_pdf_block (TribPdf         *self,
                double           height,
                TribPdfDrawFunc  draw,
                gpointer         user_data)
{
  double w, h;

  trib_pdf_get_content_size (self, &w, &h);
  height = MIN (height, h);
  need (self, height);
  cairo_save (self->cr);
  cairo_translate (self->cr, MARGIN_X, self->y);
  cairo_rectangle (self->cr, 0, 0, w, height);
  cairo_clip (self->cr);
  draw (self->cr, &self->style, w, height, user_data);
  cairo_restore (self->cr);
  self->y += height + 8;
}

/**
 * trib_pdf_finish:
 * @self: a document
 * @error: return location for an error
 *
 * Ends the last page and writes the file out.
 *
 * Returns: whether the PDF was written completely
 */
gboolean
trib_pdf_finish (TribPdf  *self,
                 GError  **error)
{
  cairo_status_t status;

  open_page (self);
  if (self->recording)
    {
      self->page_open = FALSE;
      cairo_surface_flush (cairo_get_target (self->cr));
      return TRUE;
    }
  cairo_show_page (self->cr);
  self->page_open = FALSE;
  g_clear_object (&self->layout);
  g_clear_object (&self->furniture);
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TRIB_REPORT_ERROR,
                   status == CAIRO_STATUS_WRITE_ERROR ? TRIB_REPORT_ERROR_WRITE : TRIB_REPORT_ERROR_CAIRO,
                   _("Could not write the report: %s. Check that the disk has room and try again."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
