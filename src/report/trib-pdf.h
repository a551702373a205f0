/* trib-pdf.h: a flowing PDF document — headings, text, tables, charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TribPdf writes pages top to bottom on a cairo PDF surface, starting a
 * new page when the next block does not fit. Every page carries a running
 * header and its number; long tables repeat their header row on every page
 * they continue on. Text is laid out with pango, so any script the fonts
 * cover is drawn, and embedded as (subset) fonts by cairo.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "trib-chart.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_PAPER_A4,
  TRIB_PAPER_LETTER,
} TribPaper;

typedef struct _TribPdf TribPdf;

/**
 * TribPdfDrawFunc:
 * @cr: the page, translated so that the block's top left corner is 0,0
 * @style: the report's chart style
 * @width: the block's width in points
 * @height: its height
 * @user_data: the data given with the block
 *
 * Draws a block (a chart) in vectors.
 */
typedef TribChartDrawFunc TribPdfDrawFunc;

TribPdf        *trib_pdf_new               (const char            *path,
                                            TribPaper              paper,
                                            GError               **error);
TribPdf        *trib_pdf_new_recording     (TribPaper              paper);
GPtrArray      *trib_pdf_steal_pages       (TribPdf               *self);
void            trib_pdf_free              (TribPdf               *self);

void            trib_pdf_set_metadata      (TribPdf               *self,
                                            const char            *title,
                                            const char            *author,
                                            const char            *subject,
                                            GDateTime             *created);
void            trib_pdf_set_header        (TribPdf               *self,
                                            const char            *left,
                                            const char            *right);
const TribChartStyle *trib_pdf_get_style   (TribPdf               *self);
cairo_t        *trib_pdf_get_cairo         (TribPdf               *self);

void            trib_pdf_new_page          (TribPdf               *self,
                                            gboolean               landscape);
void            trib_pdf_get_content_size  (TribPdf               *self,
                                            double                *width,
                                            double                *height);
double          trib_pdf_get_remaining     (TribPdf               *self);
int             trib_pdf_get_n_pages       (TribPdf               *self);

void            trib_pdf_title             (TribPdf               *self,
                                            const char            *text,
                                            double                 size);
void            trib_pdf_heading           (TribPdf               *self,
                                            const char            *text,
                                            int                    level);
void            trib_pdf_paragraph         (TribPdf               *self,
                                            const char            *text);
void            trib_pdf_note              (TribPdf               *self,
                                            const char            *text);
void            trib_pdf_key_figures       (TribPdf               *self,
                                            const char * const    *labels,
                                            const char * const    *values,
                                            guint                  n);
void            trib_pdf_table             (TribPdf               *self,
                                            const char * const    *headers,
                                            const double          *widths,
                                            guint                  n_columns,
                                            GPtrArray             *rows);
/**
 * TribPdfCellFunc:
 * @cr: the page
 * @style: the report's style
 * @row: the row's index in the table's rows
 * @column: the column
 * @x: the cell's left edge
 * @y: its top edge
 * @width: its width
 * @height: its height
 * @user_data: the data given with the table
 *
 * Draws into a cell after its text, for small charts in a table.
 */
typedef void (*TribPdfCellFunc) (cairo_t              *cr,
                                 const TribChartStyle *style,
                                 guint                 row,
                                 guint                 column,
                                 double                x,
                                 double                y,
                                 double                width,
                                 double                height,
                                 gpointer              user_data);

void            trib_pdf_table_with_cells  (TribPdf               *self,
                                            const char * const    *headers,
                                            const double          *widths,
                                            guint                  n_columns,
                                            GPtrArray             *rows,
                                            TribPdfCellFunc        cell,
                                            gpointer               user_data);
void            trib_pdf_block             (TribPdf               *self,
                                            double                 height,
                                            TribPdfDrawFunc        draw,
                                            gpointer               user_data);
void            trib_pdf_keep              (TribPdf               *self,
                                            double                 height);
void            trib_pdf_space             (TribPdf               *self,
                                            double                 points);

gboolean        trib_pdf_finish            (TribPdf               *self,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribPdf, trib_pdf_free)

G_END_DECLS
