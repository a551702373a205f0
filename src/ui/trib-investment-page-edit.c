/* trib-investment-page-edit.c: the investment grid's keys and edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arrows, Tab, Home, End and Page Up/Down move the cursor; typing a number
 * starts an edit, Enter or F2 edits what is there; Enter commits (and moves
 * down), Tab commits (and moves right), Escape cancels, and an edit also
 * commits when the editor loses focus or the grid scrolls. Delete clears a
 * cell; U, C, M and L set its role. Every edit, a copied quarter and a
 * filled row included, is one step the user can undo. A value the plan
 * refuses is said in a toast, and the cell shows the stored value again.
 */
#define G_LOG_DOMAIN "trib-investment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-investment-page-private.h"
#include "trib-labels.h"
#include "trib-enums.h"

#define PAGE_ROWS 20

static TribUpstream *
cursor_upstream (TribInvestmentPage *self,
                 guint               row)
{
  TribInvestmentRow *r = _trib_investment_page_get_row (self, row);
  return r ? trib_investment_row_get_upstream (r) : NULL;
}

/* The role a new investment starts with: the one of the quarter before,
 * else contributor. */
static TribRole
default_role (TribInvestmentPage *self,
              gint64              upstream_id,
              guint               q)
{
  for (int p = (int) q - 1; p >= 0; p--)
    {
      TribInvestment *inv = trib_investment_table_lookup (self->table, upstream_id, (guint) p);
      if (inv != NULL)
        return trib_investment_get_role (inv);
    }
  return TRIB_ROLE_CONTRIBUTOR;
}

/* One cell set to @fte with @role, or cleared when @fte < 0, inside the
 * current change. */
static gboolean
put_cell (TribInvestmentPage *self,
          TribUpstream       *upstream,
          guint               q,
          double              fte,
          TribRole            role,
          gboolean            keep_role,
          GError            **error)
{
  gint64 id = trib_entity_get_id (TRIB_ENTITY (upstream));
  TribInvestment *inv = trib_investment_table_lookup (self->table, id, q);
  g_autoptr(TribInvestment) added = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (fte < 0)
    return inv == NULL || trib_plan_remove (self->plan, TRIB_ENTITY (inv), error);
  if (inv == NULL)
    {
      added = trib_investment_new ();
      if (!trib_entity_set_ref (TRIB_ENTITY (added), "upstream_id", id, error)
          || !trib_entity_set_string (TRIB_ENTITY (added), "quarter", self->quarters[q], error)
          || !trib_entity_set_double (TRIB_ENTITY (added), "fte", fte, error)
          || !trib_entity_set_enum (TRIB_ENTITY (added), "role",
                                    keep_role ? (int) default_role (self, id, q) : (int) role, error))
        return FALSE;
      return trib_plan_add (self->plan, TRIB_ENTITY (added), error);
    }
  if (trib_investment_get_fte (inv) != fte)
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, fte);
      if (!trib_plan_update (self->plan, TRIB_ENTITY (inv), TRIB_INVESTMENT_FIELD_FTE, &value, error))
        return FALSE;
      g_value_unset (&value);
    }
  if (!keep_role && trib_investment_get_role (inv) != role)
    {
      g_value_init (&value, TRIB_TYPE_ROLE);
      g_value_set_enum (&value, role);
      if (!trib_plan_update (self->plan, TRIB_ENTITY (inv), TRIB_INVESTMENT_FIELD_ROLE, &value, error))
        return FALSE;
    }
  return TRUE;
}

static void
report (TribInvestmentPage *self,
        const GError       *error)
{
  /* Translators: %s says why the plan refused an edit */
  g_autofree char *message = g_strdup_printf (_("Not changed: %s"), error->message);
  _trib_investment_page_show_message (self, message);
}

/**
 * _trib_investment_page_set_text:
 * @text: what was typed: a number of engineers, or "" to clear the cell
 *
 * Returns: whether the plan took it (a refusal is shown, and the cell
 *   keeps the stored value)
 */
gboolean
_trib_investment_page_set_text (TribInvestmentPage *self,
                                guint               row,
                                guint               q,
                                const char         *text)
{
  TribEntityClass *klass = g_type_class_peek (TRIB_TYPE_INVESTMENT);
  TribUpstream *upstream = cursor_upstream (self, row);
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  double fte = -1;
  gboolean ok;

  if (upstream == NULL || q >= self->n_quarters)
    return FALSE;
  if (*stripped != '\0')
    {
      if (!trib_field_parse_text (&klass->fields[TRIB_INVESTMENT_FIELD_FTE], stripped, &value, &message))
        {
          /* Translators: what was typed, then what the field wants */
          g_autofree char *refused = g_strdup_printf (_("“%s” is not a number of engineers: %s"),
                                                      stripped, message);
          _trib_investment_page_show_message (self, refused);
          return FALSE;
        }
      fte = g_value_get_double (&value);
    }

  /* Translators: upstream, quarter */
  label = g_strdup_printf (fte < 0 ? _("Clear %s, %s") : _("Set engineers in %s, %s"),
                           trib_upstream_get_name (upstream), self->quarters[q]);
  trib_plan_begin (self->plan, label);
  if (!put_cell (self, upstream, q, fte, TRIB_ROLE_CONTRIBUTOR, TRUE, &error))
    {
      trib_plan_rollback (self->plan);
      report (self, error);
      return FALSE;
    }
  /* Only this upstream's cells change: the grid refreshes its row alone. */
  self->editing_upstream = trib_entity_get_id (TRIB_ENTITY (upstream));
  ok = trib_plan_commit (self->plan, &error);
  self->editing_upstream = 0;
  if (!ok)
    report (self, error);
  return ok;
}

/**
 * _trib_investment_page_set_role:
 *
 * Sets the role of the cell under the cursor: one undoable step.
 */
void
_trib_investment_page_set_role (TribInvestmentPage *self,
                                TribRole            role)
{
  TribUpstream *upstream = cursor_upstream (self, self->cursor_row);
  TribInvestment *inv;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (upstream == NULL || self->n_quarters == 0)
    return;
  inv = trib_investment_table_lookup (self->table, trib_entity_get_id (TRIB_ENTITY (upstream)),
                                      self->cursor_col);
  if (inv == NULL)
    {
      _trib_investment_page_show_message (self, _("Type the number of engineers first, then choose their role."));
      return;
    }
  if (trib_investment_get_role (inv) == role)
    return;
  g_value_init (&value, TRIB_TYPE_ROLE);
  g_value_set_enum (&value, role);
  self->editing_upstream = trib_entity_get_id (TRIB_ENTITY (upstream));
  if (!trib_plan_update (self->plan, TRIB_ENTITY (inv), TRIB_INVESTMENT_FIELD_ROLE, &value, &error))
    report (self, error);
  self->editing_upstream = 0;
}

/**
 * _trib_investment_page_copy_forward:
 *
 * Copies the cursor's quarter of every upstream into the next quarter, as
 * one step: an empty cell clears the one after it.
 */
void
_trib_investment_page_copy_forward (TribInvestmentPage *self)
{
  guint q = self->cursor_col, n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self->editing)
    _trib_investment_page_commit_edit (self);
  if (self->n_quarters == 0 || q + 1 >= self->n_quarters)
    {
      _trib_investment_page_show_message (self, _("The last quarter of the plan has no quarter after it."));
      return;
    }
  /* Translators: two quarters, "2027-Q2" */
  label = g_strdup_printf (_("Copy %s to %s"), self->quarters[q], self->quarters[q + 1]);
  trib_plan_begin (self->plan, label);
  for (guint i = 0; i < n; i++)
    {
      TribUpstream *u = cursor_upstream (self, i);
      TribInvestment *src = trib_investment_table_lookup (self->table, trib_entity_get_id (TRIB_ENTITY (u)), q);

      if (!put_cell (self, u, q + 1, src ? trib_investment_get_fte (src) : -1,
                     src ? trib_investment_get_role (src) : TRIB_ROLE_CONTRIBUTOR, FALSE, &error))
        {
          trib_plan_rollback (self->plan);
          report (self, error);
          return;
        }
    }
  if (!trib_plan_commit (self->plan, &error))
    report (self, error);
  else
    trib_investment_page_set_cursor (self, self->cursor_row, q + 1);
}

/**
 * _trib_investment_page_fill_row:
 *
 * Copies the cell under the cursor into the later quarters of its row, as
 * one step.
 */
void
_trib_investment_page_fill_row (TribInvestmentPage *self)
{
  TribUpstream *u = cursor_upstream (self, self->cursor_row);
  TribInvestment *src;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  double fte;
  TribRole role;

  if (self->editing)
    _trib_investment_page_commit_edit (self);
  if (u == NULL || self->n_quarters == 0)
    return;
  src = trib_investment_table_lookup (self->table, trib_entity_get_id (TRIB_ENTITY (u)), self->cursor_col);
  fte = src ? trib_investment_get_fte (src) : -1;
  role = src ? trib_investment_get_role (src) : TRIB_ROLE_CONTRIBUTOR;
  /* Translators: upstream, quarter */
  label = g_strdup_printf (_("Fill %s from %s"), trib_upstream_get_name (u), self->quarters[self->cursor_col]);
  trib_plan_begin (self->plan, label);
  for (guint q = self->cursor_col + 1; q < self->n_quarters; q++)
    if (!put_cell (self, u, q, fte, role, FALSE, &error))
      {
        trib_plan_rollback (self->plan);
        report (self, error);
        return;
      }
  self->editing_upstream = trib_entity_get_id (TRIB_ENTITY (u));
  if (!trib_plan_commit (self->plan, &error))
    report (self, error);
  self->editing_upstream = 0;
}

void
_trib_investment_page_move_cursor (TribInvestmentPage *self,
                                   int                 d_row,
                                   int                 d_col)
{
  int n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int row = CLAMP ((int) self->cursor_row + d_row, 0, MAX (n - 1, 0));
  int col = CLAMP ((int) self->cursor_col + d_col, 0, MAX ((int) self->n_quarters - 1, 0));

  trib_investment_page_set_cursor (self, (guint) row, (guint) col);
}

/**
 * _trib_investment_page_start_edit:
 * @initial: (nullable): what was typed to start the edit; %NULL to edit
 *   the stored value
 */
void
_trib_investment_page_start_edit (TribInvestmentPage *self,
                                  const char         *initial)
{
  g_autofree char *current = NULL;

  if (self->n_quarters == 0 || g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    return;
  self->editing = TRUE;
  current = initial ? g_strdup (initial)
                    : trib_investment_page_get_cell_text (self, self->cursor_row, self->cursor_col);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), current);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  if (initial)
    gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  trib_editable_set_uncommitted (GTK_WIDGET (self->editor), TRUE);
}

static void
stop_edit (TribInvestmentPage *self)
{
  self->editing = FALSE;
  trib_editable_set_uncommitted (GTK_WIDGET (self->editor), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/**
 * _trib_investment_page_commit_edit:
 *
 * Writes what the editor holds into the cell under the cursor.
 */
void
_trib_investment_page_commit_edit (TribInvestmentPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;

  if (!self->editing)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  stored = trib_investment_page_get_cell_text (self, self->cursor_row, self->cursor_col);
  stop_edit (self);
  if (g_strcmp0 (g_strstrip (text), stored) != 0)
    _trib_investment_page_set_text (self, self->cursor_row, self->cursor_col, text);
}

/**
 * _trib_investment_page_cancel_edit:
 *
 * Drops what was typed; the cell keeps its value.
 */
void
_trib_investment_page_cancel_edit (TribInvestmentPage *self)
{
  if (self->editing)
    stop_edit (self);
}

static gboolean
is_number_key (guint keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  return (c >= '0' && c <= '9') || c == '.' || c == ',';
}

static gboolean
on_grid_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        TribInvestmentPage    *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean ctrl = (mods & GDK_CONTROL_MASK) != 0;

  if (self->editing || (mods & ~(GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      _trib_investment_page_move_cursor (self, ctrl ? -G_MAXINT / 2 : -1, 0);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      _trib_investment_page_move_cursor (self, ctrl ? G_MAXINT / 2 : 1, 0);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      _trib_investment_page_move_cursor (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      _trib_investment_page_move_cursor (self, 0, 1);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      _trib_investment_page_move_cursor (self, -PAGE_ROWS, 0);
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      _trib_investment_page_move_cursor (self, PAGE_ROWS, 0);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      _trib_investment_page_move_cursor (self, ctrl ? -G_MAXINT / 2 : 0, -G_MAXINT / 2);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      _trib_investment_page_move_cursor (self, ctrl ? G_MAXINT / 2 : 0, G_MAXINT / 2);
      return TRUE;
    /* Tab moves along the row; past its ends it leaves the grid, so the
     * keyboard is never trapped in it. */
    case GDK_KEY_Tab:
      if (ctrl || self->cursor_col + 1 >= self->n_quarters)
        return FALSE;
      _trib_investment_page_move_cursor (self, 0, 1);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      if (ctrl || self->cursor_col == 0)
        return FALSE;
      _trib_investment_page_move_cursor (self, 0, -1);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_F2:
      if (ctrl)
        return FALSE;
      _trib_investment_page_start_edit (self, NULL);
      return TRUE;
    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      if (ctrl)
        return FALSE;
      if (trib_investment_row_has_value (_trib_investment_page_get_row (self, self->cursor_row),
                                         self->cursor_col))
        _trib_investment_page_set_text (self, self->cursor_row, self->cursor_col, "");
      return TRUE;
    default:
      break;
    }
  if (ctrl)
    return FALSE;
  if (is_number_key (keyval))
    {
      char text[8] = { 0 };
      g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), text);
      _trib_investment_page_start_edit (self, text);
      return TRUE;
    }
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_u:
      _trib_investment_page_set_role (self, TRIB_ROLE_USER);
      return TRUE;
    case GDK_KEY_c:
      _trib_investment_page_set_role (self, TRIB_ROLE_CONTRIBUTOR);
      return TRUE;
    case GDK_KEY_m:
      _trib_investment_page_set_role (self, TRIB_ROLE_MAINTAINER);
      return TRUE;
    case GDK_KEY_l:
      _trib_investment_page_set_role (self, TRIB_ROLE_LEADER);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_editor_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          TribInvestmentPage    *self)
{
  if (!self->editing)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      _trib_investment_page_cancel_edit (self);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      _trib_investment_page_commit_edit (self);
      _trib_investment_page_move_cursor (self, 1, 0);
      return TRUE;
    case GDK_KEY_Tab:
      _trib_investment_page_commit_edit (self);
      _trib_investment_page_move_cursor (self, 0, 1);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      _trib_investment_page_commit_edit (self);
      _trib_investment_page_move_cursor (self, 0, -1);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      _trib_investment_page_commit_edit (self);
      _trib_investment_page_move_cursor (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      _trib_investment_page_commit_edit (self);
      _trib_investment_page_move_cursor (self, 1, 0);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_editor_focus_leave_cb (GtkEventControllerFocus *controller,
                          TribInvestmentPage      *self)
{
  /* Focus left for another widget (or the window closes): keep the value. */
  if (self->editing)
    _trib_investment_page_commit_edit (self);
}

/**
 * _trib_investment_page_install_keys:
 * @target: the widget around the grid whose keys the cursor takes
 */
void
_trib_investment_page_install_keys (TribInvestmentPage *self,
                                    GtkWidget          *target)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *editor_keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Before the list view's own row navigation. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_grid_key_pressed_cb), self);
  gtk_widget_add_controller (target, keys);

  gtk_event_controller_set_propagation_phase (editor_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (editor_keys, "key-pressed", G_CALLBACK (on_editor_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), editor_keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_editor_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), focus);
}
