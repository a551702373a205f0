/* trib-overview-page.c: the plan's own properties and what it contains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows edit the plan's info entity in place, and follow its
 * notifications, so undo and edits made elsewhere show up here. No edit is
 * silent (HACKING.md): a value reaches the plan when the user confirms it
 * with Enter or leaves the field (closing the window leaves it too); a
 * value the rules refuse is said in a toast, and once the field is left it
 * shows the stored value again; the wheel scrolls the page, not the
 * numbers; a horizon that would leave investments outside the plan is
 * asked about first. The counts are in trib-overview-page-counts.c.
 */
#define G_LOG_DOMAIN "trib-overview-page"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-findings-list.h"
#include "trib-overview-page-private.h"
#include "trib-scroll-guard.h"

G_DEFINE_FINAL_TYPE (TribOverviewPage, trib_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TribField *
info_field (TribPlanInfoField field)
{
  TribEntityClass *klass = g_type_class_peek (TRIB_TYPE_PLAN_INFO);

  g_assert (klass != NULL && field < klass->n_fields);
  return &klass->fields[field];
}

static AdwEntryRow *
entry_row_for_field (TribOverviewPage  *self,
                     TribPlanInfoField  field)
{
  switch (field)
    {
    case TRIB_PLAN_INFO_FIELD_NAME: return self->name_row;
    case TRIB_PLAN_INFO_FIELD_ORGANISATION: return self->organisation_row;
    case TRIB_PLAN_INFO_FIELD_CURRENCY: return self->currency_row;
    case TRIB_PLAN_INFO_FIELD_FIRST_QUARTER: return self->first_quarter_row;
    case TRIB_PLAN_INFO_FIELD_TEAM_HANDLES: return self->handles_row;
    case TRIB_PLAN_INFO_FIELD_DESCRIPTION:
    case TRIB_PLAN_INFO_FIELD_QUARTERS:
    case TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST:
    case TRIB_PLAN_INFO_N_FIELDS:
    default:
      return NULL;
    }
}

static gboolean
is_editable (TribOverviewPage *self)
{
  /* Focus also leaves while the window is torn down. */
  return self->info != NULL && self->plan != NULL && !trib_plan_is_read_only (self->plan) &&
         trib_plan_get_path (self->plan) != NULL;
}

static void
add_toast (TribOverviewPage *self,
           const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  /* A toast title is markup: the message may quote what someone typed. */
  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      /* The message answers what was just typed: it shows now, in place of
       * the page's previous one, not queued behind other toasts. */
      if (self->toast != NULL)
        adw_toast_dismiss (self->toast);
      g_clear_object (&self->toast);
      self->toast = adw_toast_new (escaped);
      adw_toast_set_priority (self->toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->toast));
    }
  else
    g_message ("%s", message);
}

static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, g_object_get_data (G_OBJECT (row), "trib-tooltip"));
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Parses what a row holds for @field; the message names the field. */
static gboolean
parse_row_text (TribPlanInfoField   field,
                const char         *text,
                GValue             *value,
                char              **message)
{
  const TribField *f = info_field (field);
  g_autofree char *reason = NULL;

  if (field == TRIB_PLAN_INFO_FIELD_CURRENCY)
    {
      /* The plan takes up to three characters; amounts are only readable
       * with a real ISO 4217 code. */
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      g_autofree char *code = g_ascii_strup (trimmed, -1);
      gboolean ok = strlen (code) == 3;

      for (guint i = 0; ok && code[i]; i++)
        ok = g_ascii_isalpha (code[i]);
      if (!ok)
        {
          *message = g_strdup_printf (_("%s: expected a three-letter code such as EUR"),
                                      _(f->label));
          return FALSE;
        }
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, code);
      return TRUE;
    }

  if (trib_field_parse_text (f, text, value, &reason))
    return TRUE;
  *message = g_strdup_printf (_("%s: %s"), _(f->label), reason);
  return FALSE;
}

/* The stored value of @field as the page shows it. */
static char *
stored_text (TribOverviewPage  *self,
             TribPlanInfoField  field)
{
  const GValue *value = trib_entity_peek_value (TRIB_ENTITY (self->info), field);

  if (field == TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST)
    return g_strdup_printf ("%'.0f", g_value_get_double (value));
  return trib_field_to_display (info_field (field), value);
}

static void
sync_field (TribOverviewPage  *self,
            TribPlanInfoField  field)
{
  const GValue *value = trib_entity_peek_value (TRIB_ENTITY (self->info), field);
  AdwEntryRow *row = entry_row_for_field (self, field);

  self->syncing = TRUE;
  if (row != NULL)
    {
      g_autofree char *text = trib_field_to_display (info_field (field), value);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), text);
      set_row_error (GTK_WIDGET (row), NULL);
    }

  switch (field)
    {
    case TRIB_PLAN_INFO_FIELD_DESCRIPTION:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
        const char *description = g_value_get_string (value);
        g_autofree char *current = NULL;
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (g_strcmp0 (current, description ? description : "") != 0)
          gtk_text_buffer_set_text (buffer, description ? description : "", -1);
        set_row_error (self->description_frame, NULL);
      }
      break;
    case TRIB_PLAN_INFO_FIELD_QUARTERS:
      gtk_spin_button_set_value (self->quarters_spin, g_value_get_int (value));
      set_row_error (GTK_WIDGET (self->quarters_row), NULL);
      break;
    case TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST:
      gtk_spin_button_set_value (self->cost_spin, g_value_get_double (value));
      set_row_error (GTK_WIDGET (self->cost_row), NULL);
      break;
    case TRIB_PLAN_INFO_FIELD_CURRENCY:
      gtk_label_set_text (self->cost_currency_label, g_value_get_string (value));
      break;
    case TRIB_PLAN_INFO_FIELD_NAME:
    case TRIB_PLAN_INFO_FIELD_ORGANISATION:
    case TRIB_PLAN_INFO_FIELD_FIRST_QUARTER:
    case TRIB_PLAN_INFO_FIELD_TEAM_HANDLES:
    case TRIB_PLAN_INFO_N_FIELDS:
    default:
      break;
    }
  self->syncing = FALSE;
}

/* Says why @field refused a value. When @restore, the field shows the
 * stored value again and the message says so: a refused value never stays
 * on screen looking saved. Otherwise (Enter in a field still being edited)
 * the text stays, marked, for the user to correct. */
static void
refuse (TribOverviewPage  *self,
        TribPlanInfoField  field,
        GtkWidget         *row,
        const char        *message,
        gboolean           restore)
{
  if (restore)
    {
      g_autofree char *kept = stored_text (self, field);
      g_autofree char *text = NULL;

      /* Translators: a refused value's message, then the value the plan
       * keeps, e.g. “Number of quarters: expected … — it stays 8”. */
      text = g_strdup_printf (_("%s — it stays %s"), message, kept && *kept ? kept : "—");
      sync_field (self, field);
      add_toast (self, text);
    }
  else
    {
      set_row_error (row, message);
      add_toast (self, message);
    }
}

/* The answer to _trib_overview_page_confirm_horizon(). */
void
_trib_overview_page_finish_horizon (TribOverviewPage  *self,
                                    TribPlanInfoField  field,
                                    const GValue      *value,
                                    GtkWidget         *row,
                                    gboolean           change)
{
  g_autoptr(GError) error = NULL;

  self->horizon_dialog = NULL;
  if (self->info == NULL)
    return;
  if (change && is_editable (self) &&
      !trib_entity_set_value (TRIB_ENTITY (self->info), field, value, &error))
    {
      refuse (self, field, row, error->message, TRUE);
      return;
    }
  /* Changed, or kept: the field shows the horizon the plan has. */
  sync_field (self, field);
}

/* Edits -------------------------------------------------------------------- */

/* Applies @value to @field, or tells why the plan refused it. */
static gboolean
apply_value (TribOverviewPage  *self,
             TribPlanInfoField  field,
             const GValue      *value,
             GtkWidget         *row,
             gboolean           leaving)
{
  g_autoptr(GError) error = NULL;

  if (trib_field_values_equal (info_field (field), value,
                               trib_entity_peek_value (TRIB_ENTITY (self->info), field)))
    {
      sync_field (self, field);
      return TRUE;
    }
  if ((field == TRIB_PLAN_INFO_FIELD_QUARTERS || field == TRIB_PLAN_INFO_FIELD_FIRST_QUARTER) &&
      _trib_overview_page_confirm_horizon (self, field, value, row))
    return FALSE;
  if (!trib_entity_set_value (TRIB_ENTITY (self->info), field, value, &error))
    {
      refuse (self, field, row, error->message, leaving);
      return FALSE;
    }
  /* Show the value as the plan keeps it ("eur" becomes "EUR"). */
  sync_field (self, field);
  return TRUE;
}

static void
commit_entry (TribOverviewPage *self,
              AdwEntryRow      *row,
              gboolean          leaving)
{
  TribPlanInfoField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "trib-field"));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;
  g_autofree char *stored = NULL;

  if (!is_editable (self))
    return;
  stored = stored_text (self, field);
  if (g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    {
      sync_field (self, field);
      return;
    }
  if (!parse_row_text (field, gtk_editable_get_text (GTK_EDITABLE (row)), &value, &message))
    {
      refuse (self, field, GTK_WIDGET (row), message, leaving);
      return;
    }
  apply_value (self, field, &value, GTK_WIDGET (row), leaving);
}

static void
on_entry_apply_cb (AdwEntryRow      *row,
                   TribOverviewPage *self)
{
  commit_entry (self, row, FALSE);
}

static void
on_entry_leave_cb (GtkEventControllerFocus *controller,
                   TribOverviewPage        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Emitted once the focus is outside the row, not when it moves inside. */
  commit_entry (self, ADW_ENTRY_ROW (row), TRUE);
}

static void
on_entry_changed_cb (AdwEntryRow      *row,
                     TribOverviewPage *self)
{
  TribPlanInfoField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "trib-field"));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;

  if (self->syncing)
    return;
  /* Flag mistakes while typing; the plan changes on Enter or on leaving. */
  parse_row_text (field, gtk_editable_get_text (GTK_EDITABLE (row)), &value, &message);
  set_row_error (GTK_WIDGET (row), message);
}

static void
on_quarters_changed_cb (TribOverviewPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing || !is_editable (self))
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (self->quarters_spin));
  apply_value (self, TRIB_PLAN_INFO_FIELD_QUARTERS, &value, GTK_WIDGET (self->quarters_row),
               TRUE);
}

static void
on_cost_changed_cb (TribOverviewPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing || !is_editable (self))
    return;
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (self->cost_spin));
  apply_value (self, TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST, &value,
               GTK_WIDGET (self->cost_row), TRUE);
}

/* What a spin button's text means, checked by the field's rules. A value
 * they refuse is said, and the spin button goes back to the stored value
 * instead of clamping or guessing. */
static int
spin_input (TribOverviewPage  *self,
            TribPlanInfoField  field,
            GtkSpinButton     *spin,
            GtkWidget         *row,
            const char        *text,
            double            *result)
{
  const GValue *stored = trib_entity_peek_value (TRIB_ENTITY (self->info), field);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;

  if (text != NULL && parse_row_text (field, text, &value, &message))
    {
      *result = G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value)
                                           : g_value_get_double (&value);
      return TRUE;
    }
  if (message == NULL)
    {
      g_autofree char *range = trib_field_describe_range (info_field (field));
      /* Translators: a field's name, then what it takes. */
      message = g_strdup_printf (_("%s: expected %s"), _(info_field (field)->label), range);
    }
  *result = G_VALUE_HOLDS_INT (stored) ? g_value_get_int (stored) : g_value_get_double (stored);
  if (!self->syncing && is_editable (self))
    refuse (self, field, row, message, TRUE);
  return TRUE;
}

static int
on_quarters_input_cb (GtkSpinButton    *spin,
                      double           *value,
                      TribOverviewPage *self)
{
  return spin_input (self, TRIB_PLAN_INFO_FIELD_QUARTERS, spin, GTK_WIDGET (self->quarters_row),
                     gtk_editable_get_text (GTK_EDITABLE (spin)), value);
}

/* Money reads better grouped ("200,000" in English). */
static gboolean
on_cost_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%'.0f", gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_cost_input_cb (GtkSpinButton    *spin,
                  double           *value,
                  TribOverviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  const char *separator = localeconv ()->thousands_sep;
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean ok = TRUE;

  /* Read back what the output wrote: digits, with the locale's thousands
   * separator or spaces between them. Anything else ("165.5", "1e6") is
   * refused rather than guessed at. */
  for (const char *p = text; ok && *p;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (separator && separator[0] && g_str_has_prefix (p, separator))
        {
          p += strlen (separator);
          continue;
        }
      else if (!g_unichar_isspace (c))
        ok = FALSE;
      p = g_utf8_next_char (p);
    }
  return spin_input (self, TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST, spin,
                     GTK_WIDGET (self->cost_row), ok && digits->len > 0 ? digits->str : NULL,
                     value);
}

static void
apply_description (TribOverviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!parse_row_text (TRIB_PLAN_INFO_FIELD_DESCRIPTION, text, &value, &message))
    {
      refuse (self, TRIB_PLAN_INFO_FIELD_DESCRIPTION, self->description_frame, message, TRUE);
      return;
    }
  apply_value (self, TRIB_PLAN_INFO_FIELD_DESCRIPTION, &value, self->description_frame, TRUE);
}

static void
on_description_leave_cb (TribOverviewPage *self)
{
  if (!is_editable (self))
    return;
  /* One undo step per visit to the text, not one per key. */
  apply_description (self);
}

static void
on_info_notify_cb (TribOverviewPage *self,
                   GParamSpec       *pspec)
{
  int field = trib_entity_class_find_field (TRIB_ENTITY_GET_CLASS (self->info), pspec->name);

  if (field >= 0)
    sync_field (self, field);
}

static void
on_plan_changed_cb (TribOverviewPage *self)
{
  _trib_overview_page_update_counts (self);
}

static void
setup_rows (TribOverviewPage *self)
{
  struct { TribPlanInfoField field; GtkWidget *row; } rows[] = {
    { TRIB_PLAN_INFO_FIELD_NAME, GTK_WIDGET (self->name_row) },
    { TRIB_PLAN_INFO_FIELD_ORGANISATION, GTK_WIDGET (self->organisation_row) },
    { TRIB_PLAN_INFO_FIELD_CURRENCY, GTK_WIDGET (self->currency_row) },
    { TRIB_PLAN_INFO_FIELD_FIRST_QUARTER, GTK_WIDGET (self->first_quarter_row) },
    { TRIB_PLAN_INFO_FIELD_QUARTERS, GTK_WIDGET (self->quarters_row) },
    { TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST, GTK_WIDGET (self->cost_row) },
    { TRIB_PLAN_INFO_FIELD_TEAM_HANDLES, GTK_WIDGET (self->handles_row) },
  };
  const char *description_label = _(info_field (TRIB_PLAN_INFO_FIELD_DESCRIPTION)->label);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *title = _(info_field (rows[i].field)->label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i].row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows[i].row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data_full (G_OBJECT (rows[i].row), "trib-tooltip",
                              g_strdup (gtk_widget_get_tooltip_text (rows[i].row)), g_free);
      if (ADW_IS_ENTRY_ROW (rows[i].row))
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          g_object_set_data (G_OBJECT (rows[i].row), "trib-field",
                             GINT_TO_POINTER (rows[i].field));
          /* Enter commits, and so does leaving the field: no apply button
           * that Tab would stop at while the value waits. */
          g_signal_connect (rows[i].row, "entry-activated", G_CALLBACK (on_entry_apply_cb),
                            self);
          g_signal_connect (rows[i].row, "changed", G_CALLBACK (on_entry_changed_cb), self);
          /* Typing is kept when the field is left, not only on Enter. */
          g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave_cb), self);
          gtk_widget_add_controller (rows[i].row, focus);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quarters_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(info_field (TRIB_PLAN_INFO_FIELD_QUARTERS)->label), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cost_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(info_field (TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST)->label),
                                  -1);
  adw_preferences_group_set_title (self->description_group, description_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description_label,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);

  /* The wheel scrolls the page; a value changes only once it is clicked
   * into (HACKING.md, “No silent edits”). */
  trib_scroll_guard_attach (GTK_WIDGET (self->quarters_spin));
  trib_scroll_guard_attach (GTK_WIDGET (self->cost_spin));
  trib_scroll_guard_attach (gtk_widget_get_parent (GTK_WIDGET (self->description_view)));

  _trib_overview_page_setup_counts (self);
}

static void
trib_overview_page_constructed (GObject *object)
{
  TribOverviewPage *self = TRIB_OVERVIEW_PAGE (object);
  GtkEventController *focus;

  G_OBJECT_CLASS (trib_overview_page_parent_class)->constructed (object);

  g_assert (TRIB_IS_PLAN (self->plan));
  self->info = g_object_ref (trib_plan_get_info (self->plan));

  setup_rows (self);
  g_signal_connect (self->cost_spin, "output", G_CALLBACK (on_cost_output_cb), NULL);
  g_signal_connect (self->cost_spin, "input", G_CALLBACK (on_cost_input_cb), self);
  g_signal_connect (self->quarters_spin, "input", G_CALLBACK (on_quarters_input_cb), self);
  for (guint i = 0; i < TRIB_PLAN_INFO_N_FIELDS; i++)
    sync_field (self, i);
  _trib_overview_page_update_counts (self);

  /* The strategy findings (trib-findings-list.c), above the contents. */
  {
    GtkWidget *contents = gtk_widget_get_ancestor (GTK_WIDGET (self->counts_box),
                                                   ADW_TYPE_PREFERENCES_GROUP);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (contents)),
                                trib_findings_list_new (self->plan),
                                gtk_widget_get_prev_sibling (contents));
  }

  g_signal_connect_object (self->info, "notify", G_CALLBACK (on_info_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quarters_spin, "value-changed",
                           G_CALLBACK (on_quarters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cost_spin, "value-changed",
                           G_CALLBACK (on_cost_changed_cb), self, G_CONNECT_SWAPPED);

  if (trib_plan_is_read_only (self->plan))
    {
      GtkWidget *editors[] = {
        GTK_WIDGET (self->name_row), GTK_WIDGET (self->organisation_row),
        GTK_WIDGET (self->currency_row), GTK_WIDGET (self->first_quarter_row),
        GTK_WIDGET (self->handles_row), GTK_WIDGET (self->quarters_spin),
        GTK_WIDGET (self->cost_spin),
      };

      for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
        gtk_editable_set_editable (GTK_EDITABLE (editors[i]), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->quarters_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->cost_spin), FALSE);
      gtk_text_view_set_editable (self->description_view, FALSE);
    }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_description_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);
}

static void
trib_overview_page_dispose (GObject *object)
{
  TribOverviewPage *self = TRIB_OVERVIEW_PAGE (object);

  if (self->horizon_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->horizon_dialog)));
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->toast);
  g_clear_object (&self->info);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (trib_overview_page_parent_class)->dispose (object);
}

static void
trib_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribOverviewPage *self = TRIB_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TribOverviewPage *self = TRIB_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_overview_page_class_init (TribOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_overview_page_constructed;
  object_class->dispose = trib_overview_page_dispose;
  object_class->get_property = trib_overview_page_get_property;
  object_class->set_property = trib_overview_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TRIB_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The rows read their titles and rules from the plan info field table. */
  g_type_class_ref (TRIB_TYPE_PLAN_INFO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, description_group);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, description_frame);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, first_quarter_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, quarters_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, quarters_spin);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, cost_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, cost_currency_label);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, handles_row);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, layer_group);
  gtk_widget_class_bind_template_child (widget_class, TribOverviewPage, decision_group);
}

static void
trib_overview_page_init (TribOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_overview_page_new:
 *
 * Returns: a page that edits the properties of @plan and counts what it
 * contains.
 */
GtkWidget *
trib_overview_page_new (TribPlan *plan)
{
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  return g_object_new (TRIB_TYPE_OVERVIEW_PAGE, "plan", plan, NULL);
}

TribPlan *
trib_overview_page_get_plan (TribOverviewPage *self)
{
  g_return_val_if_fail (TRIB_IS_OVERVIEW_PAGE (self), NULL);

  return self->plan;
}
