/* trib-report-platform.c: the report's platform map — the guide's figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The product's upstreams placed above, in and below the platform, each a
 * box sized by its importance and marked with the role we hold there.
 */
#define G_LOG_DOMAIN "trib-report"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "trib-report-private.h"
#include "trib-chart-health.h"
#include "trib-health-plan.h"
#include "trib-enums.h"
#include "trib-labels.h"

/* A map with more boxes than this would be unreadable: the most important
 * ones are drawn and the rest counted. */
#define MAX_BOXES 60

typedef struct
{
  const char *name;
  TribLayer   layer;
  int         importance;
  int         role;        /* TribRole, or -1: no investment */
  int         score;       /* health, or -1: no statistics */
} Box;

typedef struct
{
  GArray *boxes;           /* Box */
  guint   left_out;
} PlatformMap;

static const char *
layer_title (TribLayer layer)
{
  switch (layer)
    {
    case TRIB_LAYER_ABOVE: return _("Above the platform — closer to people");
    case TRIB_LAYER_BELOW: return _("Below the platform — closer to hardware");
    case TRIB_LAYER_PLATFORM:
    default: return _("The platform");
    }
}

static const char *
role_mark (int role)
{
  switch (role)
    {
    case TRIB_ROLE_USER: return "U";
    case TRIB_ROLE_CONTRIBUTOR: return "C";
    case TRIB_ROLE_MAINTAINER: return "M";
    case TRIB_ROLE_LEADER: return "L";
    default: return "";
    }
}

static double
box_width (const Box *box)
{
  return 56 + box->importance * 11;
}

/* Lays the boxes of one band out in rows; returns the band's height, and
 * draws when @cr is not NULL. */
static double
flow_band (cairo_t              *cr,
           const TribChartStyle *style,
           PlatformMap          *map,
           TribLayer             layer,
           double                y,
           double                width)
{
  double x = 0, row_height = 0, top = y + 16;
  PangoLayout *layout = cr ? pango_cairo_create_layout (cr) : NULL;

  if (cr)
    {
      TribRgba band = style->grid;

      band.alpha *= 0.4;
      trib_chart_text (cr, style, layer_title (layer), 0, y, style->font_size - 1, TRUE,
                       TRIB_CHART_ALIGN_START, TRIB_CHART_ALIGN_START, &style->dim);
    }
  for (guint i = 0; i < map->boxes->len; i++)
    {
      const Box *box = &g_array_index (map->boxes, Box, i);
      double w = box_width (box), h = 16 + box->importance * 3;

      if (box->layer != layer)
        continue;
      if (x > 0 && x + w > width)
        {
          top += row_height + 6;
          x = 0;
          row_height = 0;
        }
      if (cr)
        {
          TribRgba fill = box->score >= 0 ? *trib_chart_health_color (style, box->score) : style->accent;
          PangoFontDescription *desc = pango_font_description_from_string (style->font_family);

          fill.alpha = box->score >= 0 ? 0.55 : 0.15 + 0.12 * box->importance;
          trib_chart_set_color (cr, &fill);
          cairo_rectangle (cr, x, top, w, h);
          cairo_fill (cr);
          trib_chart_set_color (cr, &style->foreground);
          cairo_set_line_width (cr, box->role >= TRIB_ROLE_MAINTAINER ? 2 : 0.75);
          cairo_rectangle (cr, x, top, w, h);
          cairo_stroke (cr);

          pango_font_description_set_absolute_size (desc, 7.5 * PANGO_SCALE);
          pango_layout_set_font_description (layout, desc);
          pango_font_description_free (desc);
          pango_layout_set_width (layout, (int) ((w - 18) * PANGO_SCALE));
          pango_layout_set_height (layout, -2);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_text (layout, box->name, -1);
          cairo_move_to (cr, x + 3, top + 2);
          pango_cairo_show_layout (cr, layout);
          if (box->role >= 0)
            trib_chart_text (cr, style, role_mark (box->role), x + w - 3, top + 2, 7.5, TRUE,
                             TRIB_CHART_ALIGN_END, TRIB_CHART_ALIGN_START, &style->foreground);
        }
      x += w + 6;
      row_height = MAX (row_height, h);
    }
  g_clear_object (&layout);
  return top + row_height - y + 10;
}

static double
map_height (PlatformMap *map,
            double       width)
{
  double h = 0;

  for (TribLayer l = TRIB_LAYER_ABOVE; l <= TRIB_LAYER_BELOW; l++)
    h += flow_band (NULL, NULL, map, l, h, width) + 6;
  return h;
}

static void
draw_map (cairo_t              *cr,
          const TribChartStyle *style,
          double                width,
          double                height,
          gpointer              data)
{
  PlatformMap *map = data;
  double y = 0;

  for (TribLayer l = TRIB_LAYER_ABOVE; l <= TRIB_LAYER_BELOW; l++)
    {
      double h = flow_band (NULL, style, map, l, y, width);

      if (l == TRIB_LAYER_PLATFORM)
        {
          TribRgba band = style->accent;

          band.alpha = 0.06;
          trib_chart_set_color (cr, &band);
          cairo_rectangle (cr, 0, y - 3, width, h);
          cairo_fill (cr);
        }
      flow_band (cr, style, map, l, y, width);
      y += h + 6;
    }
}

static int
compare_boxes (gconstpointer a,
               gconstpointer b)
{
  const Box *ba = a, *bb = b;

  if (ba->importance != bb->importance)
    return bb->importance - ba->importance;
  return g_utf8_collate (ba->name, bb->name);
}

void
trib_report_write_platform (TribReportContext *ctx)
{
  g_autoptr(GPtrArray) bases = trib_report_sorted_items (ctx->plan, TRIB_TYPE_RELEASE_BASE);
  g_autoptr(GPtrArray) investments = trib_report_sorted_items (ctx->plan, TRIB_TYPE_INVESTMENT);
  g_autoptr(GHashTable) in_product = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) role_quarters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  PlatformMap map = { g_array_new (FALSE, FALSE, sizeof (Box)), 0 };
  guint scored = 0;
  double width, height;

  trib_report_begin_section (ctx, TRIB_REPORT_SECTION_PLATFORM, FALSE);
  if (ctx->upstreams->len == 0)
    {
      trib_pdf_note (ctx->pdf, _("The plan has no upstream projects to place on the map."));
      g_array_unref (map.boxes);
      return;
    }

  for (guint i = 0; i < bases->len; i++)
    {
      gint64 id = trib_release_base_get_upstream_id (g_ptr_array_index (bases, i));
      g_hash_table_add (in_product, g_memdup2 (&id, sizeof id));
    }
  /* The role of the latest quarter we invest in each upstream. */
  for (guint i = 0; i < investments->len; i++)
    {
      TribInvestment *inv = g_ptr_array_index (investments, i);
      gint64 id = trib_investment_get_upstream_id (inv);
      const char *q = g_hash_table_lookup (role_quarters, &id);

      if (q == NULL || g_strcmp0 (trib_investment_get_quarter (inv), q) >= 0)
        {
          g_hash_table_insert (role_quarters, g_memdup2 (&id, sizeof id), (gpointer) trib_investment_get_quarter (inv));
          g_hash_table_insert (roles, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (trib_investment_get_role (inv) + 1));
        }
    }

  for (guint i = 0; i < ctx->upstreams->len; i++)
    {
      TribUpstream *u = g_ptr_array_index (ctx->upstreams, i);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (u));
      Box box = { trib_upstream_get_name (u), trib_upstream_get_layer (u), trib_upstream_get_importance (u),
                  GPOINTER_TO_INT (g_hash_table_lookup (roles, &id)) - 1, -1 };
      g_autoptr(TribHealth) health = NULL;

      if (g_hash_table_size (in_product) > 0 && !g_hash_table_contains (in_product, &id))
        continue;
      health = trib_health_of_upstream (ctx->plan, u, NULL, NULL, NULL);
      if (health != NULL)
        {
          box.score = health->score;
          scored++;
        }
      g_array_append_val (map.boxes, box);
    }
  g_array_sort (map.boxes, compare_boxes);
  if (map.boxes->len > MAX_BOXES)
    {
      map.left_out = map.boxes->len - MAX_BOXES;
      g_array_set_size (map.boxes, MAX_BOXES);
    }

  trib_pdf_note (ctx->pdf, g_hash_table_size (in_product) > 0
                 ? _("The upstreams the product’s releases are based on. Larger boxes are more important; "
                     "the letter is the role we hold (U user, C contributor, M maintainer, L leader), "
                     "a thick border a maintainer’s or leader’s seat.")
                 : _("No release records its upstream bases, so every upstream of the plan is shown. Larger boxes are more important; "
                     "the letter is the role we hold (U user, C contributor, M maintainer, L leader)."));
  trib_pdf_note (ctx->pdf, scored > 0
                 ? _("Colours show health: green healthy (70 and above), amber at risk (40 to 69), red failing; "
                     "blue boxes have no statistics yet.")
                 : _("No upstream has statistics yet, so the boxes are not coloured by health; refresh the statistics to see it."));

  trib_pdf_get_content_size (ctx->pdf, &width, &height);
  /* Never cut off at the page's edge: leave out the least important
   * boxes until the map fits on a page with its notes. */
  while (map.boxes->len > 1 && map_height (&map, width) > height - 60)
    {
      g_array_set_size (map.boxes, map.boxes->len - 1);
      map.left_out++;
    }
  trib_pdf_block (ctx->pdf, map_height (&map, width), draw_map, &map);
  if (map.left_out > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u less important upstream is not drawn.",
                                                            "%u less important upstreams are not drawn.",
                                                            map.left_out), map.left_out);
      trib_pdf_note (ctx->pdf, more);
    }
  g_array_unref (map.boxes);
}
