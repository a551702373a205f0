/* trib-investment-page-cells.c: the cells of the investment grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One label a cell, bound to its row object: it shows the engineers and
 * the role's mark, follows the row's revision and the grid's cursor, and
 * puts the cursor on itself when clicked (a double click edits).
 */
#define G_LOG_DOMAIN "trib-investment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-enums.h"
#include "trib-investment-page-private.h"
#include "trib-labels.h"

void
_trib_investment_page_ensure_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  /* Named colours only: the cursor reads in the light and the dark style. */
  gtk_css_provider_load_from_data (provider,
                                   ".trib-grid-cursor { outline: 2px solid @accent_color; outline-offset: -2px;"
                                   " border-radius: 4px; background-color: alpha(@accent_bg_color, 0.15); }"
                                   ".trib-grid-cell { padding: 2px 8px; }"
                                   ".trib-grid-editor { min-height: 0; padding: 0 6px; }",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static const char *
role_letter (TribRole role)
{
  switch (role)
    {
    /* Translators: one-letter marks of the roles in the investment grid:
     * User, Contributor, Maintainer, Leader */
    case TRIB_ROLE_USER:
      return C_("role mark", "U");
    case TRIB_ROLE_MAINTAINER:
      return C_("role mark", "M");
    case TRIB_ROLE_LEADER:
      return C_("role mark", "L");
    case TRIB_ROLE_CONTRIBUTOR:
    default:
      return C_("role mark", "C");
    }
}

static char *
share_text (TribInvestmentPage *self,
            TribUpstream       *upstream)
{
  TribStatsSnapshot *latest;

  if (upstream == NULL)
    return g_strdup ("");
  latest = trib_plan_get_latest_snapshot (self->plan, upstream, NULL);
  if (latest == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%.1f %%", 100.0 * trib_stats_snapshot_get_our_share (latest));
}

static void
refresh_cell (GtkWidget *label)
{
  TribInvestmentPage *self = g_object_get_data (G_OBJECT (label), "page");
  TribInvestmentRow *row = g_object_get_data (G_OBJECT (label), "row");
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column"));
  TribInvestmentRowKind kind;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (row == NULL)
    return;
  kind = trib_investment_row_get_kind (row);

  if (column == COLUMN_NAME)
    {
      if (kind == TRIB_INVESTMENT_ROW_TOTAL)
        text = g_strdup (_("Total engineers"));
      else if (kind == TRIB_INVESTMENT_ROW_COST)
        /* Translators: %s is the plan's currency code */
        text = g_strdup_printf (_("Cost (%s)"), trib_plan_info_get_currency (trib_plan_get_info (self->plan)));
      else
        text = g_strdup (trib_upstream_get_name (trib_investment_row_get_upstream (row)));
      gtk_label_set_text (GTK_LABEL (label), text);
      return;
    }
  if (column == COLUMN_SHARE (self))
    {
      text = kind == TRIB_INVESTMENT_ROW_UPSTREAM
             ? share_text (self, trib_investment_row_get_upstream (row)) : g_strdup ("");
      gtk_label_set_text (GTK_LABEL (label), text);
      return;
    }
  if (column == COLUMN_TOTAL (self))
    {
      text = kind == TRIB_INVESTMENT_ROW_COST
             ? g_strdup_printf ("%'.0f", trib_investment_row_get_total (row))
             : _trib_investment_page_format_fte (trib_investment_row_get_total (row));
      gtk_label_set_text (GTK_LABEL (label), text);
      return;
    }

  if (kind == TRIB_INVESTMENT_ROW_COST)
    text = g_strdup_printf ("%'.0f", trib_investment_row_get_value (row, (guint) column));
  else if (kind == TRIB_INVESTMENT_ROW_TOTAL)
    text = _trib_investment_page_format_fte (trib_investment_row_get_value (row, (guint) column));
  else if (trib_investment_row_has_value (row, (guint) column))
    {
      g_autofree char *fte = _trib_investment_page_format_fte (trib_investment_row_get_value (row, (guint) column));
      TribRole role = trib_investment_row_get_role (row, (guint) column);

      text = g_markup_printf_escaped ("%s <span alpha=\"55%%\" size=\"small\">%s</span>", fte,
                                      role_letter (role));
      /* Translators: upstream, quarter, engineers, role */
      tooltip = g_strdup_printf (_("%s, %s: %s engineers, as %s"),
                                 trib_upstream_get_name (trib_investment_row_get_upstream (row)),
                                 self->quarters[column], fte,
                                 trib_enum_get_label (TRIB_TYPE_ROLE, role));
    }
  else
    text = g_strdup ("");
  if (kind == TRIB_INVESTMENT_ROW_UPSTREAM)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);

  if (kind == TRIB_INVESTMENT_ROW_UPSTREAM && trib_investment_row_get_cursor (row) == column)
    {
      gtk_widget_add_css_class (label, "trib-grid-cursor");
      self->cursor_cell = label;
      if (self->editing)
        gtk_widget_queue_allocate (GTK_WIDGET (self->overlay));
    }
  else
    {
      gtk_widget_remove_css_class (label, "trib-grid-cursor");
      if (self->cursor_cell == label)
        self->cursor_cell = NULL;
    }
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkWidget       *label)
{
  TribInvestmentPage *self = g_object_get_data (G_OBJECT (label), "page");
  GtkListItem *item = g_object_get_data (G_OBJECT (label), "item");
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column"));
  TribInvestmentRow *row = g_object_get_data (G_OBJECT (label), "row");

  if (item == NULL || row == NULL || trib_investment_row_get_kind (row) != TRIB_INVESTMENT_ROW_UPSTREAM
      || column < 0 || column >= (int) self->n_quarters)
    return;
  if (self->editing)
    _trib_investment_page_commit_edit (self);
  trib_investment_page_set_cursor (self, gtk_list_item_get_position (item), (guint) column);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  if (n_press == 2)
    _trib_investment_page_start_edit (self, NULL);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TribInvestmentPage       *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "trib-grid-cell");
  if (column == COLUMN_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (column >= 0 && column < (int) self->n_quarters)
    {
      GtkGesture *click = gtk_gesture_click_new ();
      g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed_cb), label);
      gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
    }
  g_object_set_data (G_OBJECT (label), "page", self);
  g_object_set_data (G_OBJECT (label), "column", GINT_TO_POINTER (column));
  gtk_list_item_set_child (item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TribInvestmentPage       *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  TribInvestmentRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (label), "row", row);
  g_object_set_data (G_OBJECT (label), "item", item);
  g_signal_connect_swapped (row, "notify::revision", G_CALLBACK (refresh_cell), label);
  /* Only the quarters' cells show the cursor. */
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column")) >= 0
      && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column")) < (int) self->n_quarters)
    g_signal_connect_swapped (row, "notify::cursor", G_CALLBACK (refresh_cell), label);
  refresh_cell (label);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TribInvestmentPage       *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  TribInvestmentRow *row = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_data (row, label);
  g_object_set_data (G_OBJECT (label), "row", NULL);
  g_object_set_data (G_OBJECT (label), "item", NULL);
  if (self->cursor_cell == label)
    {
      self->cursor_cell = NULL;
      /* The cell under an edit scrolled away: keep what was typed. */
      if (self->editing)
        _trib_investment_page_commit_edit (self);
    }
}

static GtkColumnViewColumn *
make_column (TribInvestmentPage *self,
             const char         *title,
             int                 column,
             int                 width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_resizable (col, FALSE);
  return col;
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (view, c);
    }
}

void
_trib_investment_page_build_columns (TribInvestmentPage *self)
{
  GtkColumnView *views[2] = { self->view, self->totals_view };

  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(GtkColumnViewColumn) name = NULL;
      g_autoptr(GtkColumnViewColumn) total = NULL;
      g_autoptr(GtkColumnViewColumn) share = NULL;

      remove_columns (views[v]);
      name = make_column (self, _("Upstream"), COLUMN_NAME, NAME_WIDTH);
      gtk_column_view_append_column (views[v], name);
      for (guint q = 0; q < self->n_quarters; q++)
        {
          g_autoptr(GtkColumnViewColumn) c = make_column (self, self->quarters[q], (int) q, CELL_WIDTH);
          gtk_column_view_append_column (views[v], c);
        }
      total = make_column (self, _("Total"), COLUMN_TOTAL (self), TOTAL_WIDTH);
      gtk_column_view_append_column (views[v], total);
      share = make_column (self, _("Team share"), COLUMN_SHARE (self), SHARE_WIDTH);
      gtk_column_view_append_column (views[v], share);
    }
}

