/* trib-entity-form-rows.c: the rows of an entity form, made from the field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per field kind: an entry for text, numbers, dates and lists
 * (typed, never spun: one Tab stop, no scroll wheel), a switch for a
 * yes/no, a choice for an enumeration, and for a reference a choice over
 * the plan's items whose first position asks for a choice rather than
 * making one. A row is read with the plan's own parse and rules.
 */
#define G_LOG_DOMAIN "trib-entity-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-entity-form-private.h"
#include "trib-labels.h"

void
_trib_entity_form_row_free (gpointer data)
{
  FieldRow *row = data;

  g_clear_pointer (&row->ref_ids, g_array_unref);
  g_free (row->tooltip);
  g_free (row->warning);
  g_free (row);
}

FieldRow *
_trib_entity_form_find_row (TribEntityForm *self,
          const char     *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->field->name, name))
        return row;
    }
  return NULL;
}

static char *
row_message (FieldRow   *row,
             const char *reason)
{
  /* Translators: a field and what is wrong with it, "Importance: expected an integer from 1 to 5" */
  return g_strdup_printf (_("%s: %s"), _(row->field->label), reason);
}

/* Reads the value @row holds into @value; FALSE with a message that names
 * the field when the plan would refuse it. */
gboolean
_trib_entity_form_read_row (FieldRow  *row,
          GValue    *value,
          char     **message)
{
  const TribField *f = row->field;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  switch (f->kind)
    {
    case TRIB_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (row->input)));
      ok = trib_field_validate (f, value, &reason);
      break;
    case TRIB_FIELD_ENUM:
      g_value_init (value, f->enum_type ());
      g_value_set_enum (value, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (row->input)));
      ok = trib_field_validate (f, value, &reason);
      break;
    case TRIB_FIELD_REF:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (row->input));
        gint64 id = position < row->ref_ids->len ? g_array_index (row->ref_ids, gint64, position) : 0;

        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, id);
        if (id == 0 && (f->flags & TRIB_FIELD_REQUIRED))
          {
            GType type = f->ref_type ();

            ok = FALSE;
            if (row->ref_ids->len <= 1)
              /* Translators: a list of entities, "the plan has no upstreams yet" */
              reason = g_strdup_printf (_("the plan has no %s yet: add one first"),
                                        g_utf8_strdown (trib_entity_type_get_plural (type), -1));
            else
              reason = g_strdup (_("choose one"));
          }
        else
          ok = trib_field_validate (f, value, &reason);
      }
      break;
    case TRIB_FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        ok = trib_field_parse_text (f, text, value, &reason);
      }
      break;
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
    case TRIB_FIELD_INT:
    case TRIB_FIELD_DOUBLE:
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
    default:
      ok = trib_field_parse_text (f, gtk_editable_get_text (GTK_EDITABLE (row->input)), value,
                                  &reason);
      break;
    }

  if (!ok && message != NULL)
    *message = row_message (row, reason ? reason : "");
  return ok;
}

void
_trib_entity_form_load_row (FieldRow     *row,
          const GValue *value)
{
  const TribField *f = row->field;

  switch (f->kind)
    {
    case TRIB_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (row->input), g_value_get_boolean (value));
      break;
    case TRIB_FIELD_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->input), (guint) g_value_get_enum (value));
      break;
    case TRIB_FIELD_REF:
      {
        gint64 id = g_value_get_int64 (value);

        for (guint i = 0; i < row->ref_ids->len; i++)
          if (g_array_index (row->ref_ids, gint64, i) == id)
            {
              adw_combo_row_set_selected (ADW_COMBO_ROW (row->input), i);
              break;
            }
      }
      break;
    case TRIB_FIELD_TEXT:
      {
        const char *text = g_value_get_string (value);

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input)),
                                  text ? text : "", -1);
      }
      break;
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
    case TRIB_FIELD_INT:
    case TRIB_FIELD_DOUBLE:
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
    default:
      {
        g_autofree char *text = trib_field_to_display (f, value);

        gtk_editable_set_text (GTK_EDITABLE (row->input), text);
      }
      break;
    }
}

static Group *
add_group (TribEntityForm *self,
           const char     *title)
{
  Group *group = g_new0 (Group, 1);

  group->group = adw_preferences_group_new ();
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group->group), title);
  gtk_box_append (self->groups_box, group->group);
  g_ptr_array_add (self->group_list, group);
  return group;
}

/* The labels under a group's rows; added once its rows are in. */
static void
finish_group (Group *group)
{
  const char *classes[] = { "error", "warning" };
  GtkLabel **labels[] = { &group->errors, &group->warnings };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_add_css_class (label, classes[i]);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_visible (label, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->group), label);
      *labels[i] = GTK_LABEL (label);
    }
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  TribEntity *x = *(TribEntity * const *) a;
  TribEntity *y = *(TribEntity * const *) b;
  g_autofree char *tx = trib_entity_get_title (x);
  g_autofree char *ty = trib_entity_get_title (y);

  return g_utf8_collate (tx, ty);
}

static GtkWidget *
make_reference_choice (TribEntityForm *self,
                       FieldRow       *row)
{
  GListModel *items = trib_plan_get_items (self->plan, row->field->ref_type ());
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();
  gint64 none = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (items, i));
  g_ptr_array_sort (sorted, compare_titles);

  row->ref_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* The first position is "none": for a required reference it asks for a
   * choice instead of choosing the first item for the person. */
  g_array_append_val (row->ref_ids, none);
  gtk_string_list_append (titles, (row->field->flags & TRIB_FIELD_REQUIRED)
                                  ? C_("reference", "Choose…") : C_("reference", "None"));
  for (guint i = 0; i < sorted->len; i++)
    {
      TribEntity *item = g_ptr_array_index (sorted, i);
      g_autofree char *title = trib_entity_get_title (item);
      gint64 id = trib_entity_get_id (item);

      g_array_append_val (row->ref_ids, id);
      gtk_string_list_append (titles, title);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (titles));
  return combo;
}

static GtkWidget *
make_enum_choice (const TribField *field)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();

  /* The position is the value: the enumerations count from 0. */
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_assert (klass->values[i].value == (int) i);
      gtk_string_list_append (labels, trib_enum_get_label (field->enum_type (), (int) i));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  return combo;
}

static void
add_field_row (TribEntityForm *self,
               Group          *group,
               guint           index)
{
  FieldRow *row = g_new0 (FieldRow, 1);
  const TribField *f = &self->klass->fields[index];
  const char *title = _(f->label);

  row->form = self;
  row->index = index;
  row->field = f;
  row->group = group;

  switch (f->kind)
    {
    case TRIB_FIELD_BOOL:
      row->row = adw_action_row_new ();
      row->input = gtk_switch_new ();
      gtk_widget_set_valign (row->input, GTK_ALIGN_CENTER);
      /* The row is the one Tab stop; Space on it flips the switch. */
      gtk_widget_set_focusable (row->input, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->input);
      g_signal_connect_swapped (row->input, "notify::active", G_CALLBACK (_trib_entity_form_row_changed), row);
      break;
    case TRIB_FIELD_ENUM:
    case TRIB_FIELD_REF:
      row->row = row->input = f->kind == TRIB_FIELD_ENUM ? make_enum_choice (f)
                                                          : make_reference_choice (self, row);
      g_signal_connect_swapped (row->input, "notify::selected", G_CALLBACK (_trib_entity_form_row_changed), row);
      break;
    case TRIB_FIELD_TEXT:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *scrolled = gtk_scrolled_window_new ();

        row->input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (row->input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (row->input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (row->input), 12);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (row->input), 12);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (row->input), 12);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (row->input), 12);
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), row->input);
        gtk_frame_set_child (GTK_FRAME (frame), scrolled);
        row->row = frame;
        gtk_accessible_update_property (GTK_ACCESSIBLE (row->input),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                        GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input)), "changed",
                                  G_CALLBACK (_trib_entity_form_row_changed), row);
      }
      break;
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
    case TRIB_FIELD_INT:
    case TRIB_FIELD_DOUBLE:
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
    default:
      row->row = row->input = adw_entry_row_new ();
      if (f->kind == TRIB_FIELD_URL)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row->input), GTK_INPUT_PURPOSE_URL);
      else if (f->kind == TRIB_FIELD_INT)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row->input), GTK_INPUT_PURPOSE_DIGITS);
      else if (f->kind == TRIB_FIELD_DOUBLE)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row->input), GTK_INPUT_PURPOSE_NUMBER);
      if (f->kind != TRIB_FIELD_STRING)
        {
          /* Say what is expected before anything is refused. */
          g_autofree char *range = trib_field_describe_range (f);

          /* Translators: what a field takes, "Expected an integer from 1 to 5" */
          row->tooltip = g_strdup_printf (_("Expected %s"), range);
          gtk_widget_set_tooltip_text (row->row, row->tooltip);
        }
      g_signal_connect_swapped (row->input, "changed", G_CALLBACK (_trib_entity_form_row_changed), row);
      g_signal_connect_swapped (row->input, "entry-activated", G_CALLBACK (_trib_entity_form_row_activated), row);
      break;
    }

  if (ADW_IS_PREFERENCES_ROW (row->row))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  gtk_widget_set_name (row->row, f->name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->group), row->row);
  g_ptr_array_add (self->rows, row);
}

void
_trib_entity_form_build_rows (TribEntityForm      *self,
            const TribFormGroup *groups)
{
  g_autofree gboolean *placed = g_new0 (gboolean, self->klass->n_fields);
  Group *rest = NULL;

  for (guint g = 0; groups != NULL && groups[g].fields != NULL; g++)
    {
      g_auto(GStrv) names = g_strsplit (groups[g].fields, " ", -1);
      Group *group = add_group (self, groups[g].title);

      for (guint n = 0; names[n] != NULL; n++)
        {
          int index;

          if (names[n][0] == '\0')
            continue;
          index = trib_entity_class_find_field (self->klass, names[n]);
          if (index < 0)
            {
              g_critical ("%s has no field “%s”", g_type_name (self->entity_type), names[n]);
              continue;
            }
          /* Several lines of text get a group of their own, below. */
          if (self->klass->fields[index].kind == TRIB_FIELD_TEXT)
            continue;
          add_field_row (self, group, (guint) index);
          placed[index] = TRUE;
        }
      finish_group (group);
    }

  for (guint i = 0; i < self->klass->n_fields; i++)
    {
      const TribField *f = &self->klass->fields[i];

      if (placed[i] || (f->flags & TRIB_FIELD_INTERNAL) || f->kind == TRIB_FIELD_TEXT)
        continue;
      if (rest == NULL)
        rest = add_group (self, NULL);
      add_field_row (self, rest, i);
    }
  if (rest != NULL)
    finish_group (rest);

  for (guint i = 0; i < self->klass->n_fields; i++)
    {
      const TribField *f = &self->klass->fields[i];
      Group *group;

      if (f->kind != TRIB_FIELD_TEXT || (f->flags & TRIB_FIELD_INTERNAL))
        continue;
      group = add_group (self, _(f->label));
      add_field_row (self, group, i);
      finish_group (group);
    }
}

/**
 * trib_entity_form_get_row:
 * @field: a field name ("importance")
 *
 * Returns: (nullable) (transfer none): the row of @field (an
 * #AdwEntryRow, #AdwComboRow, #AdwActionRow, or the frame of a text),
 * %NULL when the form has none.
 */
GtkWidget *
trib_entity_form_get_row (TribEntityForm *self,
                          const char     *field)
{
  FieldRow *row;

  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = _trib_entity_form_find_row (self, field);
  return row ? row->row : NULL;
}

/**
 * trib_entity_form_set_value:
 * @field: a field name
 * @value: a value of the field's type
 *
 * Puts @value into the row of @field, as a preset (the parent a new
 * release belongs to) or a computed value (the forge of an address). The
 * row is not marked as set by the person.
 */
void
trib_entity_form_set_value (TribEntityForm *self,
                            const char     *field,
                            const GValue   *value)
{
  FieldRow *row;

  g_return_if_fail (TRIB_IS_ENTITY_FORM (self));
  g_return_if_fail (field != NULL && value != NULL);

  row = _trib_entity_form_find_row (self, field);
  g_return_if_fail (row != NULL);
  g_return_if_fail (G_VALUE_HOLDS (value, trib_field_value_type (row->field)));

  self->syncing = TRUE;
  _trib_entity_form_load_row (row, value);
  self->syncing = FALSE;
  _trib_entity_form_validate (self);
}

/**
 * trib_entity_form_set_text:
 * @field: a field name
 * @text: the text, as a person would type it
 *
 * Types @text into the row of @field, which must be an entry or a text.
 * The row counts as changed by the person.
 */
void
trib_entity_form_set_text (TribEntityForm *self,
                           const char     *field,
                           const char     *text)
{
  FieldRow *row;

  g_return_if_fail (TRIB_IS_ENTITY_FORM (self));
  g_return_if_fail (field != NULL);

  row = _trib_entity_form_find_row (self, field);
  g_return_if_fail (row != NULL);

  if (GTK_IS_TEXT_VIEW (row->input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input)),
                              text ? text : "", -1);
  else
    {
      g_return_if_fail (GTK_IS_EDITABLE (row->input));
      gtk_editable_set_text (GTK_EDITABLE (row->input), text ? text : "");
    }
}

/**
 * trib_entity_form_get_text:
 * @field: a field name
 *
 * Returns: (transfer full) (nullable): the text in the row of @field, or
 * %NULL when it is not an entry or a text.
 */
char *
trib_entity_form_get_text (TribEntityForm *self,
                           const char     *field)
{
  FieldRow *row;

  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  row = _trib_entity_form_find_row (self, field);
  if (row == NULL)
    return NULL;
  if (GTK_IS_TEXT_VIEW (row->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (GTK_IS_EDITABLE (row->input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->input)));
  return NULL;
}

/**
 * trib_entity_form_read_value:
 * @field: a field name
 * @value: an uninitialised value to fill
 * @message: (out) (optional): why the plan would refuse it
 *
 * Reads the row of @field with the plan's rules.
 *
 * Returns: %TRUE when the plan would accept the value
 */
gboolean
trib_entity_form_read_value (TribEntityForm *self,
                             const char     *field,
                             GValue         *value,
                             char          **message)
{
  FieldRow *row;

  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), FALSE);
  g_return_val_if_fail (field != NULL && value != NULL, FALSE);

  row = _trib_entity_form_find_row (self, field);
  g_return_val_if_fail (row != NULL, FALSE);
  return _trib_entity_form_read_row (row, value, message);
}

/**
 * trib_entity_form_is_user_set:
 * @field: a field name
 *
 * Returns: whether the person changed the row of @field since the form
 * opened.
 */
gboolean
trib_entity_form_is_user_set (TribEntityForm *self,
                              const char     *field)
{
  FieldRow *row;

  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), FALSE);

  row = _trib_entity_form_find_row (self, field);
  return row != NULL && row->user_set;
}

/**
 * trib_entity_form_set_warning:
 * @field: the field the warning is about
 * @message: (nullable): the warning, %NULL to take it back
 *
 * Shows a warning under the group of @field that does not stop the form
 * from saving: the person reads it and decides.
 */
void
trib_entity_form_set_warning (TribEntityForm *self,
                              const char     *field,
                              const char     *message)
{
  FieldRow *row;

  g_return_if_fail (TRIB_IS_ENTITY_FORM (self));

  row = _trib_entity_form_find_row (self, field);
  g_return_if_fail (row != NULL);
  if (g_strcmp0 (row->warning, message) == 0)
    return;
  g_free (row->warning);
  row->warning = g_strdup (message);
  _trib_entity_form_validate (self);
}

