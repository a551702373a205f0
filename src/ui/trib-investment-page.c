/* trib-investment-page.c: engineers per upstream and quarter, edited like a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column view over one row object per upstream (only the rows on screen
 * have widgets, so 5,000 upstreams stay fluid), a quarter per column, the
 * total and the team's measured share beside them; under it the total and
 * cost of each quarter, and a stacked chart. The grid has a cursor of its
 * own: rows know which of their cells it is on, so a move touches two
 * cells. Keys and edits are in trib-investment-page-edit.c.
 */
#define G_LOG_DOMAIN "trib-investment-page"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-investment-page-private.h"
#include "trib-labels.h"
#include "trib-enums.h"


enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribInvestmentPage, trib_investment_page, ADW_TYPE_BIN)


/**
 * _trib_investment_page_format_fte:
 *
 * Returns: (transfer full): @fte with at most two decimals, none when whole
 */
char *
_trib_investment_page_format_fte (double fte)
{
  char *text = g_strdup_printf ("%.2f", fte);
  char *end = text + strlen (text) - 1;

  while (end > text && *end == '0')
    *end-- = '\0';
  if (*end == '.' || *end == ',')
    *end = '\0';
  return text;
}

TribInvestmentRow *
_trib_investment_page_get_row (TribInvestmentPage *self,
                               guint               row)
{
  TribInvestmentRow *r = g_list_model_get_item (G_LIST_MODEL (self->rows), row);

  if (r != NULL)
    g_object_unref (r); /* the store keeps it */
  return r;
}

void
_trib_investment_page_show_message (TribInvestmentPage *self,
                                    const char         *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  trib_page_context_add_toast (self->context, GTK_WIDGET (self), toast);
}

typedef struct
{
  char              *key;
  TribInvestmentRow *row;
} SortEntry;

/* By name, ignoring case, in the language's order; a collation key each,
 * made once, so sorting 5,000 names costs milliseconds. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a, *eb = b;
  int d = strcmp (ea->key, eb->key);

  if (d != 0)
    return d;
  return trib_entity_get_id (TRIB_ENTITY (trib_investment_row_get_upstream (ea->row)))
         < trib_entity_get_id (TRIB_ENTITY (trib_investment_row_get_upstream (eb->row))) ? -1 : 1;
}

static void
sort_rows (GPtrArray *rows)
{
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (trib_upstream_get_name (trib_investment_row_get_upstream (g_ptr_array_index (rows, i))), -1);
      entries[i].key = g_utf8_collate_key (folded, -1);
      entries[i].row = g_ptr_array_index (rows, i);
    }
  qsort (entries, rows->len, sizeof (SortEntry), compare_entries);
  for (guint i = 0; i < rows->len; i++)
    {
      rows->pdata[i] = entries[i].row;
      g_free (entries[i].key);
    }
}

static void
update_chart (TribInvestmentPage *self)
{
  TribInvestmentChart *chart = trib_investment_chart_new_from_table (self->plan, self->table);
  g_autofree char *summary = trib_investment_chart_get_summary (chart);

  trib_chart_view_set_summary (self->chart, summary);
  trib_chart_view_set_draw_func (self->chart, trib_investment_chart_draw, chart,
                                 (GDestroyNotify) trib_investment_chart_unref);
}

static void
update_cell_label (TribInvestmentPage *self);

/* Everything again: the horizon or the upstreams changed. */
static void
rebuild (TribInvestmentPage *self)
{
  GListModel *upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_upstreams = g_list_model_get_n_items (upstreams);
  gboolean same_quarters;
  TribInvestmentRow *totals[2];

  if (self->editing)
    _trib_investment_page_cancel_edit (self);
  g_clear_pointer (&self->table, trib_investment_table_free);
  self->table = trib_investment_table_new (self->plan);

  same_quarters = self->n_quarters == trib_investment_table_get_n_quarters (self->table);
  for (guint q = 0; same_quarters && q < self->n_quarters; q++)
    same_quarters = g_str_equal (self->quarters[q], trib_investment_table_get_quarter (self->table, q));
  if (!same_quarters || self->quarters == NULL)
    {
      g_strfreev (self->quarters);
      self->n_quarters = trib_investment_table_get_n_quarters (self->table);
      self->quarters = g_new0 (char *, self->n_quarters + 1);
      for (guint q = 0; q < self->n_quarters; q++)
        self->quarters[q] = g_strdup (trib_investment_table_get_quarter (self->table, q));
      self->cursor_cell = NULL;
      _trib_investment_page_build_columns (self);
    }

  for (guint i = 0; i < n_upstreams; i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      TribInvestmentRow *row = trib_investment_row_new (TRIB_INVESTMENT_ROW_UPSTREAM, u, self->n_quarters);
      trib_investment_row_update (row, self->table);
      g_ptr_array_add (rows, row);
    }
  sort_rows (rows);
  self->cursor_cell = NULL;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  totals[0] = trib_investment_row_new (TRIB_INVESTMENT_ROW_TOTAL, NULL, self->n_quarters);
  totals[1] = trib_investment_row_new (TRIB_INVESTMENT_ROW_COST, NULL, self->n_quarters);
  trib_investment_row_update (totals[0], self->table);
  trib_investment_row_update (totals[1], self->table);
  g_list_store_splice (self->totals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->totals)),
                       (gpointer *) totals, 2);
  g_object_unref (totals[0]);
  g_object_unref (totals[1]);

  if (self->n_quarters == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-horizon");
  else if (n_upstreams == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-upstreams");
  else
    gtk_stack_set_visible_child_name (self->stack, "grid");

  self->cursor_row = MIN (self->cursor_row, n_upstreams ? n_upstreams - 1 : 0);
  self->cursor_col = MIN (self->cursor_col, self->n_quarters ? self->n_quarters - 1 : 0);
  if (n_upstreams > 0 && self->n_quarters > 0)
    trib_investment_row_set_cursor (_trib_investment_page_get_row (self, self->cursor_row),
                                    (int) self->cursor_col);
  update_chart (self);
  update_cell_label (self);
}

/* Only numbers changed: tell the rows, which tell the cells that show a
 * changed number. */
static void
refresh_values (TribInvestmentPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_clear_pointer (&self->table, trib_investment_table_free);
  self->table = trib_investment_table_new (self->plan);
  for (guint i = 0; i < n; i++)
    trib_investment_row_update (_trib_investment_page_get_row (self, i), self->table);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TribInvestmentRow) row = g_list_model_get_item (G_LIST_MODEL (self->totals), i);
      trib_investment_row_update (row, self->table);
    }
  update_chart (self);
  update_cell_label (self);
}

/* This page's own edit of one upstream's cells: only its row and the
 * totals change, and the plan can say which investments are its. */
static void
refresh_upstream (TribInvestmentPage *self,
                  gint64              upstream_id)
{
  TribEntity *upstream = trib_plan_lookup (self->plan, TRIB_TYPE_UPSTREAM, upstream_id);
  int row = upstream ? trib_investment_page_find_row (self, TRIB_UPSTREAM (upstream)) : -1;

  if (row < 0)
    {
      refresh_values (self);
      return;
    }
  trib_investment_table_reload_upstream (self->table, self->plan, upstream_id);
  trib_investment_row_update (_trib_investment_page_get_row (self, (guint) row), self->table);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TribInvestmentRow) r = g_list_model_get_item (G_LIST_MODEL (self->totals), i);
      trib_investment_row_update (r, self->table);
    }
  update_chart (self);
  update_cell_label (self);
}

static void
on_plan_changed_cb (TribPlan           *plan,
                    guint               changes,
                    TribInvestmentPage *self)
{
  if (changes & (trib_plan_changes_for_type (TRIB_TYPE_UPSTREAM) | TRIB_PLAN_CHANGE_INFO))
    rebuild (self);
  else if (changes == trib_plan_changes_for_type (TRIB_TYPE_INVESTMENT) && self->editing_upstream > 0)
    refresh_upstream (self, self->editing_upstream);
  else if (changes & (trib_plan_changes_for_type (TRIB_TYPE_INVESTMENT)
                      | trib_plan_changes_for_type (TRIB_TYPE_STATS_SNAPSHOT)))
    refresh_values (self);
}

static void
update_cell_label (TribInvestmentPage *self)
{
  TribInvestmentRow *row;
  TribUpstream *upstream;
  g_autofree char *text = NULL;

  if (self->n_quarters == 0 || g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    {
      gtk_label_set_text (self->cell_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown), FALSE);
      return;
    }
  row = _trib_investment_page_get_row (self, self->cursor_row);
  upstream = trib_investment_row_get_upstream (row);
  if (trib_investment_row_has_value (row, self->cursor_col))
    {
      g_autofree char *fte = _trib_investment_page_format_fte (trib_investment_row_get_value (row, self->cursor_col));
      double value = trib_investment_row_get_value (row, self->cursor_col);
      /* Translators: upstream, quarter, engineers (a number such as 1.5) */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s: %s engineer", "%s, %s: %s engineers",
                                           value == 1.0 ? 1 : 2),
                              trib_upstream_get_name (upstream), self->quarters[self->cursor_col], fte);
      self->updating_role = TRUE;
      gtk_drop_down_set_selected (self->role_dropdown, trib_investment_row_get_role (row, self->cursor_col));
      self->updating_role = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown), TRUE);
    }
  else
    {
      /* Translators: upstream, quarter */
      text = g_strdup_printf (_("%s, %s: no engineers — type a number"), trib_upstream_get_name (upstream),
                              self->quarters[self->cursor_col]);
      gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown), FALSE);
    }
  gtk_label_set_text (self->cell_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static GtkWidget *
find_list_view (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Keeps the cursor's row and column on screen. */
static void
scroll_to_cursor (TribInvestmentPage *self)
{
  GtkWidget *list = find_list_view (self->view);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scroller);
  double x = NAME_WIDTH + (double) self->cursor_col * CELL_WIDTH;
  double value = gtk_adjustment_get_value (h), page = gtk_adjustment_get_page_size (h);

  graphene_rect_t bounds;

  /* A cell already in full view needs no scrolling, and none is asked for:
   * scrolling lays the list out again. */
  if (list != NULL
      && !(self->cursor_cell != NULL
           && gtk_widget_compute_bounds (self->cursor_cell, GTK_WIDGET (self->scroller), &bounds)
           && bounds.origin.y >= 0
           && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (self->scroller))))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", self->cursor_row);
  /* The upstream's name stays in sight while it fits. */
  if (x + CELL_WIDTH > value + page)
    gtk_adjustment_set_value (h, x + CELL_WIDTH - page);
  else if (x - NAME_WIDTH < value)
    gtk_adjustment_set_value (h, MAX (0, x - NAME_WIDTH));
}

static void
on_role_selected_cb (TribInvestmentPage *self)
{
  if (self->updating_role)
    return;
  _trib_investment_page_set_role (self, (TribRole) gtk_drop_down_get_selected (self->role_dropdown));
}

static gboolean
on_get_child_position_cb (GtkOverlay         *overlay,
                          GtkWidget          *widget,
                          GdkRectangle       *allocation,
                          TribInvestmentPage *self)
{
  graphene_rect_t bounds;

  if (widget != GTK_WIDGET (self->editor) || self->cursor_cell == NULL
      || !gtk_widget_compute_bounds (self->cursor_cell, GTK_WIDGET (overlay), &bounds))
    return FALSE;
  allocation->x = (int) bounds.origin.x;
  allocation->y = (int) bounds.origin.y;
  allocation->width = MAX ((int) bounds.size.width, CELL_WIDTH);
  allocation->height = (int) bounds.size.height;
  return TRUE;
}

static void
on_scrolled_cb (TribInvestmentPage *self)
{
  /* What was typed is kept when the grid moves under it. */
  if (self->editing)
    _trib_investment_page_commit_edit (self);
}

static GtkWidget *
make_status (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  return status;
}

static GtkWidget *
make_button (const char *label,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
copy_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _trib_investment_page_copy_forward (TRIB_INVESTMENT_PAGE (widget));
}

static void
fill_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _trib_investment_page_fill_row (TRIB_INVESTMENT_PAGE (widget));
}

static void
build (TribInvestmentPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *grid_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *totals_scroller = gtk_scrolled_window_new ();
  const char *roles[] = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GtkStringList) role_list = NULL;

  _trib_investment_page_ensure_css ();
  for (guint r = 0; r <= TRIB_ROLE_LEADER; r++)
    roles[r] = trib_enum_get_label (TRIB_TYPE_ROLE, (int) r);
  role_list = gtk_string_list_new (roles);

  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  self->cell_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->cell_label, 0);
  gtk_label_set_ellipsize (self->cell_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->cell_label), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->cell_label));
  self->role_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&role_list)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->role_dropdown),
                               _("The role aimed for in this quarter (keys U, C, M and L)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Role"), -1);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (on_role_selected_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->role_dropdown));
  gtk_box_append (GTK_BOX (toolbar), make_button (_("_Copy Quarter Forward"), "investment.copy-forward",
                                                  _("Copy this quarter of every upstream into the next (Ctrl+D)")));
  gtk_box_append (GTK_BOX (toolbar), make_button (_("_Fill Row"), "investment.fill-row",
                                                  _("Copy this cell into the later quarters of its row (Ctrl+R)")));
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->rows = g_list_store_new (TRIB_TYPE_INVESTMENT_ROW);
  self->totals = g_list_store_new (TRIB_TYPE_INVESTMENT_ROW);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows))))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Engineers per upstream and quarter"), -1);
  self->totals_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->totals))))));
  gtk_column_view_set_show_column_separators (self->totals_view, TRUE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->totals_view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->totals_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Engineers and cost per quarter"), -1);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                            G_CALLBACK (on_scrolled_cb), self);

  /* The totals scroll sideways with the grid, never on their own. */
  gtk_scrolled_window_set_hadjustment (GTK_SCROLLED_WINDOW (totals_scroller),
                                       gtk_scrolled_window_get_hadjustment (self->scroller));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (totals_scroller), GTK_POLICY_EXTERNAL,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (totals_scroller), GTK_WIDGET (self->totals_view));
  /* The grid's header names the columns of both. */
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self->totals_view)), FALSE);

  self->editor = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->editor), "trib-grid-editor");
  gtk_entry_set_alignment (self->editor, 1.0);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Engineers"), -1);
  self->overlay = GTK_OVERLAY (gtk_overlay_new ());
  gtk_overlay_set_child (self->overlay, GTK_WIDGET (self->scroller));
  gtk_overlay_add_overlay (self->overlay, GTK_WIDGET (self->editor));
  g_signal_connect (self->overlay, "get-child-position", G_CALLBACK (on_get_child_position_cb), self);

  self->chart = TRIB_CHART_VIEW (trib_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 220);
  trib_chart_view_set_file_name (self->chart, _("Investment"));

  gtk_box_append (GTK_BOX (grid_box), GTK_WIDGET (self->overlay));
  gtk_box_append (GTK_BOX (grid_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (grid_box), totals_scroller);
  gtk_box_append (GTK_BOX (grid_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (grid_box), GTK_WIDGET (self->chart));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, grid_box, "grid");
  gtk_stack_add_named (self->stack,
                       make_status ("system-users-symbolic", _("No Upstreams"),
                                    _("Add the upstream projects your product is built from on the "
                                      "Upstreams page, then plan the engineers you put into each.")),
                       "no-upstreams");
  gtk_stack_add_named (self->stack,
                       make_status ("x-office-calendar-symbolic", _("No Planning Horizon"),
                                    _("Set the plan’s first quarter on the Overview: investment is "
                                      "planned quarter by quarter over that horizon.")),
                       "no-horizon");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);

  _trib_investment_page_install_keys (self, GTK_WIDGET (self->scroller));
  rebuild (self);
}

static void
trib_investment_page_constructed (GObject *object)
{
  TribInvestmentPage *self = TRIB_INVESTMENT_PAGE (object);

  G_OBJECT_CLASS (trib_investment_page_parent_class)->constructed (object);
  self->plan = g_object_ref (trib_page_context_get_plan (self->context));
  build (self);
  self->changed_id = g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
}

static void
trib_investment_page_dispose (GObject *object)
{
  TribInvestmentPage *self = TRIB_INVESTMENT_PAGE (object);

  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  self->cursor_cell = NULL;
  G_OBJECT_CLASS (trib_investment_page_parent_class)->dispose (object);
  g_clear_object (&self->rows);
  g_clear_object (&self->totals);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
}

static void
trib_investment_page_finalize (GObject *object)
{
  TribInvestmentPage *self = TRIB_INVESTMENT_PAGE (object);

  g_clear_pointer (&self->table, trib_investment_table_free);
  g_strfreev (self->quarters);
  G_OBJECT_CLASS (trib_investment_page_parent_class)->finalize (object);
}

static void
trib_investment_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TribInvestmentPage *self = TRIB_INVESTMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_investment_page_class_init (TribInvestmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_investment_page_constructed;
  object_class->dispose = trib_investment_page_dispose;
  object_class->finalize = trib_investment_page_finalize;
  object_class->set_property = trib_investment_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TRIB_TYPE_PAGE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "investment.copy-forward", NULL, copy_forward_action);
  gtk_widget_class_install_action (widget_class, "investment.fill-row", NULL, fill_row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "investment.copy-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "investment.fill-row", NULL);
}

static void
trib_investment_page_init (TribInvestmentPage *self)
{
}

/**
 * trib_investment_page_new:
 * @context: the window's page context
 *
 * Returns: (transfer floating): the Investment page
 */
GtkWidget *
trib_investment_page_new (TribPageContext *context)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);
  return g_object_new (TRIB_TYPE_INVESTMENT_PAGE, "context", context, NULL);
}

/**
 * trib_investment_page_get_cursor:
 * @row: (out) (optional): the row of the cursor, in the grid's order
 * @quarter: (out) (optional): the quarter of the cursor, 0 for the first
 */
void
trib_investment_page_get_cursor (TribInvestmentPage *self,
                                 guint              *row,
                                 guint              *quarter)
{
  g_return_if_fail (TRIB_IS_INVESTMENT_PAGE (self));
  if (row)
    *row = self->cursor_row;
  if (quarter)
    *quarter = self->cursor_col;
}

/**
 * trib_investment_page_set_cursor:
 *
 * Moves the cursor to @row and @quarter (clamped to the grid) and scrolls
 * it into view.
 */
void
trib_investment_page_set_cursor (TribInvestmentPage *self,
                                 guint               row,
                                 guint               quarter)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_return_if_fail (TRIB_IS_INVESTMENT_PAGE (self));
  if (n == 0 || self->n_quarters == 0)
    return;
  row = MIN (row, n - 1);
  quarter = MIN (quarter, self->n_quarters - 1);
  if (row != self->cursor_row)
    trib_investment_row_set_cursor (_trib_investment_page_get_row (self, self->cursor_row), -1);
  self->cursor_row = row;
  self->cursor_col = quarter;
  trib_investment_row_set_cursor (_trib_investment_page_get_row (self, row), (int) quarter);
  scroll_to_cursor (self);
  update_cell_label (self);
}

/** trib_investment_page_get_n_rows: Returns: the upstreams in the grid */
guint
trib_investment_page_get_n_rows (TribInvestmentPage *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/**
 * trib_investment_page_get_cell_text:
 *
 * Returns: (transfer full): the engineers the grid shows at @row and
 *   @quarter, "" for none
 */
char *
trib_investment_page_get_cell_text (TribInvestmentPage *self,
                                    guint               row,
                                    guint               quarter)
{
  TribInvestmentRow *r;

  g_return_val_if_fail (TRIB_IS_INVESTMENT_PAGE (self), NULL);
  r = _trib_investment_page_get_row (self, row);
  if (r == NULL || quarter >= self->n_quarters || !trib_investment_row_has_value (r, quarter))
    return g_strdup ("");
  return _trib_investment_page_format_fte (trib_investment_row_get_value (r, quarter));
}

/**
 * trib_investment_page_get_total_text:
 *
 * Returns: (transfer full): the total engineers of @quarter as shown
 */
char *
trib_investment_page_get_total_text (TribInvestmentPage *self,
                                     guint               quarter)
{
  g_autoptr(TribInvestmentRow) total = NULL;

  g_return_val_if_fail (TRIB_IS_INVESTMENT_PAGE (self), NULL);
  total = g_list_model_get_item (G_LIST_MODEL (self->totals), 0);
  if (total == NULL || quarter >= self->n_quarters)
    return g_strdup ("");
  return _trib_investment_page_format_fte (trib_investment_row_get_value (total, quarter));
}

/** trib_investment_page_is_editing: Returns: whether a cell is being typed into */
gboolean
trib_investment_page_is_editing (TribInvestmentPage *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_PAGE (self), FALSE);
  return self->editing;
}

/**
 * trib_investment_page_find_row:
 *
 * Returns: the row of @upstream in the grid, or -1
 */
int
trib_investment_page_find_row (TribInvestmentPage *self,
                               TribUpstream       *upstream)
{
  guint n;

  g_return_val_if_fail (TRIB_IS_INVESTMENT_PAGE (self), -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    if (trib_investment_row_get_upstream (_trib_investment_page_get_row (self, i)) == upstream)
      return (int) i;
  return -1;
}

/**
 * trib_investment_page_get_grid:
 *
 * Returns: (transfer none): the grid, the widget to give the keyboard to
 */
GtkWidget *
trib_investment_page_get_grid (TribInvestmentPage *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_PAGE (self), NULL);
  return GTK_WIDGET (self->view);
}
