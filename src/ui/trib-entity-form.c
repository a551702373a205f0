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

#include "trib-entity-form-private.h"

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
gboolean
_trib_entity_form_validate (TribEntityForm *self)
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
          if (_trib_entity_form_read_row (row, &value, &message))
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

void
_trib_entity_form_row_changed (FieldRow *row)
{
  TribEntityForm *self = row->form;

  if (self->syncing)
    return;
  row->touched = TRUE;
  row->user_set = TRUE;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (row->field->name),
                 row->field->name);
  _trib_entity_form_validate (self);
}

void
_trib_entity_form_row_activated (FieldRow *row)
{
  trib_entity_form_save (row->form);
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

      _trib_entity_form_load_row (row, trib_entity_peek_value (source, row->index));
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

      if (!_trib_entity_form_read_row (row, &value, NULL))
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

  _trib_entity_form_build_rows (self, self->groups);
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

  _trib_entity_form_validate (self);
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
  self->rows = g_ptr_array_new_with_free_func (_trib_entity_form_row_free);
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
 * trib_entity_form_is_valid:
 *
 * Returns: whether the plan will accept every value of the form.
 */
gboolean
trib_entity_form_is_valid (TribEntityForm *self)
{
  g_return_val_if_fail (TRIB_IS_ENTITY_FORM (self), FALSE);

  return _trib_entity_form_validate (self);
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
  if (!_trib_entity_form_validate (self))
    {
      g_autoptr(GString) messages = g_string_new (NULL);

      /* Said at the top too, where it is seen whatever the scrolling. */
      for (guint i = 0; i < self->rows->len; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *message = NULL;

          if (!_trib_entity_form_read_row (g_ptr_array_index (self->rows, i), &value, &message))
            g_string_append_printf (messages, "%s%s", messages->len ? "\n" : "", message);
        }
      show_error (self, messages->str);
      focus_first_invalid (self);
      return FALSE;
    }

  values = g_new0 (GValue, self->rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    if (!_trib_entity_form_read_row (g_ptr_array_index (self->rows, i), &values[i], NULL))
      g_assert_not_reached (); /* _trib_entity_form_validate() said otherwise */

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
