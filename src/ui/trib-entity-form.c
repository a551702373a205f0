/* trib-entity-form.c: the dialog that adds or edits one entity of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are made from the entity's field table: an entry for text,
 * numbers, dates and lists, a switch for a yes/no, a choice for an
 * enumeration and a choice over the plan's items for a reference. Every
 * row is read with the same parse and rules the plan applies
 * (trib_field_parse_text, trib_field_validate), so a refused value is
 * refused here first, with the plan's own message, and nothing is ever
 * clamped or rounded. Saving adds the entity, or applies the changed
 * fields, as one undo step.
 *
 * Return submits the form from every row except the multi-line ones
 * (Ctrl+Return submits from there too); numbers are typed, not spun, so
 * each row is one Tab stop and takes no scroll wheel.
 */
#define G_LOG_DOMAIN "trib-entity-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-entity-form.h"
#include "trib-labels.h"

typedef struct _FieldRow FieldRow;

typedef struct
{
  GtkWidget *group;      /* AdwPreferencesGroup */
  GtkLabel  *errors;
  GtkLabel  *warnings;
} Group;

struct _FieldRow
{
  TribEntityForm  *form;
  guint            index;    /* in the entity class's field table */
  const TribField *field;
  GtkWidget       *row;      /* marked when its value is refused */
  GtkWidget       *input;    /* AdwEntryRow, AdwComboRow, GtkSwitch or GtkTextView */
  Group           *group;
  GArray          *ref_ids;  /* references: the id at each position of the choice */
  char            *tooltip;  /* to restore once the value is right again */
  char            *warning;
  gboolean         touched;  /* changed by the person: its errors are shown */
  gboolean         user_set;
};

struct _TribEntityForm
{
  AdwWindow        parent_instance;

  TribPageContext *context;
  TribPlan        *plan;
  GType            entity_type;
  TribEntityClass *klass;
  TribEntity      *entity;      /* NULL while adding */
  const TribFormGroup *groups;  /* only while constructing */
  GPtrArray       *rows;        /* FieldRow, in the order shown */
  GPtrArray       *group_list;  /* Group */
  gboolean         syncing;     /* the form itself is changing a row */
  gboolean         save_tried;  /* every error is shown from now on */

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkBox          *groups_box;
};

G_DEFINE_FINAL_TYPE (TribEntityForm, trib_entity_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ENTITY_TYPE,
  PROP_ENTITY,
  PROP_GROUPS,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
field_row_free (gpointer data)
{
  FieldRow *row = data;

  g_clear_pointer (&row->ref_ids, g_array_unref);
  g_free (row->tooltip);
  g_free (row->warning);
  g_free (row);
}

static FieldRow *
find_row (TribEntityForm *self,
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
static gboolean
read_row (FieldRow  *row,
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

static void
set_row_error (FieldRow   *row,
               const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row->row, "error");
      gtk_widget_set_tooltip_text (row->row, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row->row, "error");
      gtk_widget_set_tooltip_text (row->row, row->tooltip);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
set_label (GtkLabel *label,
           GString  *text)
{
  gtk_label_set_text (label, text->len > 0 ? text->str : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

/* Marks every refused row and lists the messages under its group; Save is
 * enabled only when the plan will accept every value. */
static gboolean
validate (TribEntityForm *self)
{
  gboolean valid = TRUE;

  for (guint g = 0; g < self->group_list->len; g++)
    {
      Group *group = g_ptr_array_index (self->group_list, g);
      g_autoptr(GString) errors = g_string_new (NULL);
      g_autoptr(GString) warnings = g_string_new (NULL);

      for (guint i = 0; i < self->rows->len; i++)
        {
          FieldRow *row = g_ptr_array_index (self->rows, i);
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *message = NULL;

          if (row->group != group)
            continue;
          if (row->warning != NULL)
            g_string_append_printf (warnings, "%s%s", warnings->len ? "\n" : "", row->warning);
          if (read_row (row, &value, &message))
            {
              set_row_error (row, NULL);
              continue;
            }
          valid = FALSE;
          /* A new entity starts with empty required fields: no need to
           * scold before anything was typed. */
          if (!row->touched && !self->save_tried)
            {
              set_row_error (row, NULL);
              continue;
            }
          set_row_error (row, message);
          g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "", message);
        }
      set_label (group->errors, errors);
      set_label (group->warnings, warnings);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", valid);
  return valid;
}

static void
load_row (FieldRow     *row,
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

static void
on_input_changed_cb (FieldRow *row)
{
  TribEntityForm *self = row->form;

  if (self->syncing)
    return;
  row->touched = TRUE;
  row->user_set = TRUE;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (row->field->name),
                 row->field->name);
  validate (self);
}

static void
on_entry_activated_cb (FieldRow *row)
{
  trib_entity_form_save (row->form);
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
      g_signal_connect_swapped (row->input, "notify::active", G_CALLBACK (on_input_changed_cb), row);
      break;
    case TRIB_FIELD_ENUM:
    case TRIB_FIELD_REF:
      row->row = row->input = f->kind == TRIB_FIELD_ENUM ? make_enum_choice (f)
                                                          : make_reference_choice (self, row);
      g_signal_connect_swapped (row->input, "notify::selected", G_CALLBACK (on_input_changed_cb), row);
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
                                  G_CALLBACK (on_input_changed_cb), row);
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
      g_signal_connect_swapped (row->input, "changed", G_CALLBACK (on_input_changed_cb), row);
      g_signal_connect_swapped (row->input, "entry-activated", G_CALLBACK (on_entry_activated_cb), row);
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

static void
build_rows (TribEntityForm      *self,
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

static void
load (TribEntityForm *self)
{
  g_autoptr(TribEntity) defaults = NULL;
  TribEntity *source = self->entity;

  if (source == NULL)
    source = defaults = g_object_new (self->entity_type, NULL);

  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      load_row (row, trib_entity_peek_value (source, row->index));
    }
  self->syncing = FALSE;
}

static void
show_error (TribEntityForm *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
focus_first_invalid (TribEntityForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (!read_row (row, &value, NULL))
        {
          gtk_widget_grab_focus (row->input);
          return;
        }
    }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TribEntityForm        *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (state & (GDK_SHIFT_MASK | GDK_ALT_MASK))
    return FALSE;
  /* An open choice takes Return itself, and buttons (Cancel) do what they say. */
  if (focus != NULL && (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL ||
                        GTK_IS_BUTTON (focus)))
    return FALSE;
  /* Return starts a new line in notes; Ctrl+Return submits from there too. */
  if (focus != NULL && GTK_IS_TEXT_VIEW (focus) && !(state & GDK_CONTROL_MASK))
    return FALSE;
  trib_entity_form_save (self);
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  trib_entity_form_save (TRIB_ENTITY_FORM (widget));
}

static void
trib_entity_form_constructed (GObject *object)
{
  TribEntityForm *self = TRIB_ENTITY_FORM (object);
  gboolean adding = self->entity == NULL;
  GtkEventController *keys;

  G_OBJECT_CLASS (trib_entity_form_parent_class)->constructed (object);

  g_assert (TRIB_IS_PAGE_CONTEXT (self->context));
  g_assert (g_type_is_a (self->entity_type, TRIB_TYPE_ENTITY));
  self->plan = g_object_ref (trib_page_context_get_plan (self->context));
  self->klass = g_type_class_ref (self->entity_type);

  build_rows (self, self->groups);
  self->groups = NULL;
  load (self);

  g_object_bind_property (self, "title", self->window_title, "title", G_BINDING_SYNC_CREATE);
  gtk_window_set_title (GTK_WINDOW (self), adding ? _("New Entry") : _("Edit Entry"));
  if (!adding)
    {
      g_autofree char *title = trib_entity_get_title (self->entity);

      adw_window_title_set_subtitle (self->window_title, title);
    }
  gtk_button_set_label (self->save_button, adding ? _("_Add") : _("_Save"));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  validate (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((FieldRow *) g_ptr_array_index (self->rows, 0))->input);
}

static void
trib_entity_form_dispose (GObject *object)
{
  TribEntityForm *self = TRIB_ENTITY_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_ENTITY_FORM);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_list, g_ptr_array_unref);
  g_clear_object (&self->entity);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  g_clear_pointer (&self->klass, g_type_class_unref);

  G_OBJECT_CLASS (trib_entity_form_parent_class)->dispose (object);
}

static void
trib_entity_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribEntityForm *self = TRIB_ENTITY_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_gtype (value, self->entity_type);
      break;
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    case PROP_GROUPS:
      g_value_set_pointer (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_entity_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TribEntityForm *self = TRIB_ENTITY_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ENTITY_TYPE:
      self->entity_type = g_value_get_gtype (value);
      break;
    case PROP_ENTITY:
      self->entity = g_value_dup_object (value);
      break;
    case PROP_GROUPS:
      self->groups = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_entity_form_class_init (TribEntityFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_entity_form_constructed;
  object_class->dispose = trib_entity_form_dispose;
  object_class->get_property = trib_entity_form_get_property;
  object_class->set_property = trib_entity_form_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TRIB_TYPE_PAGE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_gtype ("entity-type", NULL, NULL, TRIB_TYPE_ENTITY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, TRIB_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUPS] =
    g_param_spec_pointer ("groups", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribEntityForm::changed:
   * @field: the name of the field
   *
   * Emitted when the person changes a row (not when the form or its
   * caller sets it); detailed by the field name: "changed::repository".
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TribEntityForm::saved:
   * @entity: the entity added or changed
   *
   * Emitted when the plan accepted the form's values, just before the
   * form closes.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TRIB_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/entity-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TribEntityForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribEntityForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, TribEntityForm, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TribEntityForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribEntityForm, groups_box);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "form.save", NULL);
}

static void
trib_entity_form_init (TribEntityForm *self)
{
  self->rows = g_ptr_array_new_with_free_func (field_row_free);
  self->group_list = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_entity_form_new:
 * @context: the page context (the plan and the window)
 * @entity_type: the type of entity the form adds or edits
 * @entity: (nullable): the entity to edit, or %NULL to add one
 * @groups: (nullable): the rows in groups; %NULL for one group of every
 *   field the plan exports
 *
 * Returns: a new form; the caller sets its transient parent and presents
 * it. It closes itself once the plan accepted its values.
 */
GtkWidget *
trib_entity_form_new (TribPageContext     *context,
                      GType                entity_type,
                      TribEntity          *entity,
                      const TribFormGroup *groups)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);
  g_return_val_if_fail (g_type_is_a (entity_type, TRIB_TYPE_ENTITY), NULL);
  g_return_val_if_fail (entity == NULL || G_TYPE_CHECK_INSTANCE_TYPE (entity, entity_type), NULL);

  return g_object_new (TRIB_TYPE_ENTITY_FORM,
                       "context", context,
                       "entity-type", entity_type,
                       "entity", entity,
                       "groups", groups,
                       NULL);
}

/**
 * trib_entity_form_get_entity:
 *
 * Returns: (nullable) (transfer none): the entity being edited, %NULL
 * while adding.
 */
TribEntity *
trib_entity_form_get_entity (TribEntityForm *self)
{
  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), NULL);

  return self->entity;
}

/**
 * trib_entity_form_get_entity_type:
 *
 * Returns: the type of entity the form adds or edits.
 */
GType
trib_entity_form_get_entity_type (TribEntityForm *self)
{
  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), G_TYPE_INVALID);

  return self->entity_type;
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

  row = find_row (self, field);
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

  row = find_row (self, field);
  g_return_if_fail (row != NULL);
  g_return_if_fail (G_VALUE_HOLDS (value, trib_field_value_type (row->field)));

  self->syncing = TRUE;
  load_row (row, value);
  self->syncing = FALSE;
  validate (self);
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

  row = find_row (self, field);
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

  row = find_row (self, field);
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

  row = find_row (self, field);
  g_return_val_if_fail (row != NULL, FALSE);
  return read_row (row, value, message);
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

  row = find_row (self, field);
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

  row = find_row (self, field);
  g_return_if_fail (row != NULL);
  if (g_strcmp0 (row->warning, message) == 0)
    return;
  g_free (row->warning);
  row->warning = g_strdup (message);
  validate (self);
}

/**
 * trib_entity_form_is_valid:
 *
 * Returns: whether the plan will accept every value of the form.
 */
gboolean
trib_entity_form_is_valid (TribEntityForm *self)
{
  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), FALSE);

  return validate (self);
}

/**
 * trib_entity_form_save:
 *
 * Adds the entity, or applies the changed fields, as one undo step, and
 * closes the form. When a value is refused, every message is shown, the
 * first refused row takes the focus and the form stays open.
 *
 * Returns: whether the plan accepted the values
 */
gboolean
trib_entity_form_save (TribEntityForm *self)
{
  g_autofree GValue *values = NULL;
  g_autoptr(TribEntity) added = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), FALSE);

  self->save_tried = TRUE;
  if (!validate (self))
    {
      focus_first_invalid (self);
      return FALSE;
    }

  values = g_new0 (GValue, self->rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    if (!read_row (g_ptr_array_index (self->rows, i), &values[i], NULL))
      g_assert_not_reached (); /* validate() said otherwise */

  if (self->entity == NULL)
    {
      added = g_object_new (self->entity_type, NULL);
      for (guint i = 0; ok && i < self->rows->len; i++)
        ok = trib_entity_set_value (added, ((FieldRow *) g_ptr_array_index (self->rows, i))->index,
                                    &values[i], &error);
      ok = ok && trib_plan_add (self->plan, added, &error);
    }
  else
    {
      g_autofree char *title = trib_entity_get_title (self->entity);
      g_autofree char *label =
        /* Translators: an undo step, "Edit upstream “etcd”" */
        g_strdup_printf (_("Edit %s “%s”"), _(self->klass->label), title);

      trib_plan_begin (self->plan, label);
      for (guint i = 0; ok && i < self->rows->len; i++)
        {
          FieldRow *row = g_ptr_array_index (self->rows, i);
          const GValue *value = &values[i];

          if (!trib_field_values_equal (row->field, trib_entity_peek_value (self->entity, row->index),
                                        value))
            ok = trib_entity_set_value (self->entity, row->index, value, &error);
        }
      /* A refused value does not always poison the change: drop it here. */
      if (ok)
        ok = trib_plan_commit (self->plan, &error);
      else
        trib_plan_rollback (self->plan);
    }

  for (guint i = 0; i < self->rows->len; i++)
    g_value_unset (&values[i]);

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, added ? added : self->entity);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
