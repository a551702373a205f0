/* trib-upstream-editor.c: the dialog that adds or edits one upstream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is validated as it is typed with the same field rules the plan
 * applies, so the Save button can only be pressed when the plan will accept
 * the values. Saving an existing upstream applies the changed fields as one
 * undo step; a new upstream is added with trib_plan_add().
 */
#define G_LOG_DOMAIN "trib-upstream-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-upstream-editor.h"
#include "trib-enums.h"

struct _TribUpstreamEditor
{
  AdwWindow       parent_instance;

  TribPlan       *plan;
  TribUpstream   *upstream;       /* NULL while adding */
  gboolean        forge_chosen;   /* the person picked a forge: stop detecting it */
  gboolean        syncing;        /* the editor itself is changing a row */
  gboolean        name_touched;   /* an empty name is only flagged once typed in */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *repository_row;
  AdwComboRow    *forge_row;
  AdwEntryRow    *homepage_row;
  AdwEntryRow    *license_row;
  AdwEntryRow    *purls_row;
  GtkLabel       *project_errors;
  AdwComboRow    *layer_row;
  AdwActionRow   *importance_row;
  GtkSpinButton  *importance_spin;
  AdwComboRow    *decision_row;
  AdwEntryRow    *intermediary_row;
  GtkLabel       *strategy_errors;
  AdwPreferencesGroup *notes_group;
  GtkTextView    *notes_view;
  GtkLabel       *notes_errors;
  AdwPreferencesGroup *last_error_group;
  GtkLabel       *last_error_label;
};

G_DEFINE_FINAL_TYPE (TribUpstreamEditor, trib_upstream_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_UPSTREAM,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
trib_forge_get_label (TribForge forge)
{
  switch (forge)
    {
    case TRIB_FORGE_NONE: return C_("forge", "None");
    case TRIB_FORGE_GITHUB: return "GitHub";
    case TRIB_FORGE_GITLAB: return "GitLab";
    default: return "";
    }
}

const char *
trib_layer_get_label (TribLayer layer)
{
  switch (layer)
    {
    case TRIB_LAYER_ABOVE: return C_("layer", "Above the platform");
    case TRIB_LAYER_PLATFORM: return C_("layer", "Platform");
    case TRIB_LAYER_BELOW: return C_("layer", "Below the platform");
    default: return "";
    }
}

const char *
trib_decision_get_label (TribDecision decision)
{
  switch (decision)
    {
    case TRIB_DECISION_ADOPT: return C_("decision", "Adopt");
    case TRIB_DECISION_INVEST: return C_("decision", "Invest");
    case TRIB_DECISION_MAINTAIN: return C_("decision", "Maintain");
    case TRIB_DECISION_WATCH: return C_("decision", "Watch");
    case TRIB_DECISION_REPLACE: return C_("decision", "Replace");
    case TRIB_DECISION_BUILD_IN_HOUSE: return C_("decision", "Build in house");
    default: return "";
    }
}

/**
 * trib_forge_from_repository:
 *
 * Returns: the forge that hosts @repository, judged by its host name.
 */
TribForge
trib_forge_from_repository (const char *repository)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;

  if (repository == NULL || repository[0] == '\0')
    return TRIB_FORGE_NONE;
  /* Tell the forge while the address is still being typed ("github.com/…"). */
  if (strstr (repository, "://") == NULL)
    {
      g_autofree char *with_scheme = g_strconcat ("https://", repository, NULL);
      return trib_forge_from_repository (with_scheme);
    }
  uri = g_uri_parse (repository, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return TRIB_FORGE_NONE;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_str_equal (host, "github.com") || g_str_has_suffix (host, ".github.com"))
    return TRIB_FORGE_GITHUB;
  if (strstr (host, "gitlab") != NULL)
    return TRIB_FORGE_GITLAB;
  return TRIB_FORGE_NONE;
}

static const TribField *
upstream_field (TribUpstreamField field)
{
  TribEntityClass *klass = g_type_class_peek (TRIB_TYPE_UPSTREAM);

  g_assert (klass != NULL && field < klass->n_fields);
  return &klass->fields[field];
}

static const char *
enum_label (GType enum_type,
            int   value)
{
  if (enum_type == TRIB_TYPE_FORGE)
    return trib_forge_get_label (value);
  if (enum_type == TRIB_TYPE_LAYER)
    return trib_layer_get_label (value);
  if (enum_type == TRIB_TYPE_DECISION)
    return trib_decision_get_label (value);
  g_assert_not_reached ();
}

static GtkStringList *
enum_labels_model (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  /* The combo rows use the position as the value: the enums count from 0. */
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_assert (klass->values[i].value == (int) i);
      gtk_string_list_append (list, enum_label (enum_type, klass->values[i].value));
    }
  return list;
}

/* Where each editable field lives: the widget holding its value, the row
 * that shows it is wrong, and the label under its group that says why. */
#define EDITOR_WIDGET(self, offset) G_STRUCT_MEMBER (GtkWidget *, self, offset)
#define OFFSET(member) G_STRUCT_OFFSET (TribUpstreamEditor, member)

static const struct {
  TribUpstreamField field;
  gsize             input;
  gsize             row;
  gsize             errors;
} fields[] = {
  { TRIB_UPSTREAM_FIELD_NAME, OFFSET (name_row), OFFSET (name_row), OFFSET (project_errors) },
  { TRIB_UPSTREAM_FIELD_REPOSITORY, OFFSET (repository_row), OFFSET (repository_row), OFFSET (project_errors) },
  { TRIB_UPSTREAM_FIELD_FORGE, OFFSET (forge_row), OFFSET (forge_row), OFFSET (project_errors) },
  { TRIB_UPSTREAM_FIELD_HOMEPAGE, OFFSET (homepage_row), OFFSET (homepage_row), OFFSET (project_errors) },
  { TRIB_UPSTREAM_FIELD_LICENSE, OFFSET (license_row), OFFSET (license_row), OFFSET (project_errors) },
  { TRIB_UPSTREAM_FIELD_PURLS, OFFSET (purls_row), OFFSET (purls_row), OFFSET (project_errors) },
  { TRIB_UPSTREAM_FIELD_LAYER, OFFSET (layer_row), OFFSET (layer_row), OFFSET (strategy_errors) },
  { TRIB_UPSTREAM_FIELD_IMPORTANCE, OFFSET (importance_spin), OFFSET (importance_row), OFFSET (strategy_errors) },
  { TRIB_UPSTREAM_FIELD_DECISION, OFFSET (decision_row), OFFSET (decision_row), OFFSET (strategy_errors) },
  { TRIB_UPSTREAM_FIELD_INTERMEDIARY, OFFSET (intermediary_row), OFFSET (intermediary_row), OFFSET (strategy_errors) },
  { TRIB_UPSTREAM_FIELD_NOTES, OFFSET (notes_view), OFFSET (notes_view), OFFSET (notes_errors) },
};

/* Reads the value the editor holds for fields[@i] into @value; FALSE with
 * a message that names the field when the plan would refuse it. */
static gboolean
read_field (TribUpstreamEditor *self,
            guint               i,
            GValue             *value,
            char              **message)
{
  const TribField *f = upstream_field (fields[i].field);
  GtkWidget *input = EDITOR_WIDGET (self, fields[i].input);
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;

  if (ADW_IS_COMBO_ROW (input))
    {
      g_value_init (value, f->enum_type ());
      g_value_set_enum (value, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (input)));
      return TRUE;
    }
  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    /* For the spin button too: the typed text, not the adjustment, since
     * "9" is only clamped to 5 when the focus leaves. */
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));

  if (trib_field_parse_text (f, text, value, &reason))
    return TRUE;
  if (message != NULL)
    /* Translators: a field label and what is wrong, "Importance: expected an integer from 1 to 5" */
    *message = g_strdup_printf (_("%s: %s"), _(f->label), reason);
  return FALSE;
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
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, g_object_get_data (G_OBJECT (row), "trib-tooltip"));
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Marks every invalid row and lists the messages under its group; the
 * Save action is enabled only when nothing is wrong. */
static gboolean
validate (TribUpstreamEditor *self)
{
  GtkLabel *labels[] = { self->project_errors, self->strategy_errors, self->notes_errors };
  GString *messages[G_N_ELEMENTS (labels)] = { NULL, };
  gboolean valid = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = EDITOR_WIDGET (self, fields[i].row);
      GtkWidget *errors = EDITOR_WIDGET (self, fields[i].errors);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *message = NULL;

      if (read_field (self, i, &value, &message))
        {
          set_row_error (row, NULL);
          continue;
        }

      valid = FALSE;
      /* A new upstream starts without a name: no need to scold before typing. */
      if (fields[i].field == TRIB_UPSTREAM_FIELD_NAME && !self->name_touched)
        continue;
      set_row_error (row, message);
      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        if (GTK_WIDGET (labels[l]) == errors)
          {
            if (messages[l] == NULL)
              messages[l] = g_string_new (message);
            else
              g_string_append_printf (messages[l], "\n%s", message);
          }
    }

  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    {
      gtk_label_set_text (labels[l], messages[l] ? messages[l]->str : "");
      gtk_widget_set_visible (GTK_WIDGET (labels[l]), messages[l] != NULL);
      if (messages[l] != NULL)
        g_string_free (messages[l], TRUE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  return valid;
}

static void
set_combo (AdwComboRow *row,
           int          value)
{
  adw_combo_row_set_selected (row, (guint) value);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Fills the rows from the upstream being edited, or with the defaults. */
static void
load (TribUpstreamEditor *self)
{
  g_autoptr(TribUpstream) defaults = NULL;
  TribUpstream *source = self->upstream;
  g_autofree char *purls = NULL;
  const char *notes;
  const char *last_error;

  if (source == NULL)
    source = defaults = trib_upstream_new ();

  self->syncing = TRUE;
  set_entry (self->name_row, trib_upstream_get_name (source));
  set_entry (self->repository_row, trib_upstream_get_repository (source));
  set_combo (self->forge_row, trib_upstream_get_forge (source));
  set_entry (self->homepage_row, trib_upstream_get_homepage (source));
  set_entry (self->license_row, trib_upstream_get_license (source));
  purls = trib_upstream_get_purls (source)
          ? g_strjoinv (", ", (char **) trib_upstream_get_purls (source)) : NULL;
  set_entry (self->purls_row, purls);
  set_combo (self->layer_row, trib_upstream_get_layer (source));
  gtk_spin_button_set_value (self->importance_spin, trib_upstream_get_importance (source));
  set_combo (self->decision_row, trib_upstream_get_decision (source));
  set_entry (self->intermediary_row, trib_upstream_get_intermediary (source));
  notes = trib_upstream_get_notes (source);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
  self->syncing = FALSE;

  /* A forge that disagrees with the address was chosen by someone: keep it. */
  self->forge_chosen =
    trib_upstream_get_forge (source) != trib_forge_from_repository (trib_upstream_get_repository (source));

  last_error = trib_upstream_get_last_error (source);
  gtk_widget_set_visible (GTK_WIDGET (self->last_error_group), last_error && last_error[0]);
  gtk_label_set_text (self->last_error_label, last_error ? last_error : "");
}

static void
show_error (TribUpstreamEditor *self,
            const GError       *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static gboolean
save (TribUpstreamEditor *self)
{
  GValue values[G_N_ELEMENTS (fields)] = { G_VALUE_INIT, };
  g_autoptr(TribUpstream) added = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  self->name_touched = TRUE;
  if (!validate (self))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!read_field (self, i, &values[i], NULL))
      g_assert_not_reached (); /* validate() said otherwise */

  if (self->upstream == NULL)
    {
      added = trib_upstream_new ();
      for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
        ok = trib_entity_set_value (TRIB_ENTITY (added), fields[i].field, &values[i], &error);
      ok = ok && trib_plan_add (self->plan, TRIB_ENTITY (added), &error);
    }
  else
    {
      g_autofree char *label = NULL;
      TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self->upstream);

      /* Translators: the undo label of the upstream editor, "Edit upstream “etcd”" */
      label = g_strdup_printf (_("Edit upstream “%s”"), trib_upstream_get_name (self->upstream));
      trib_plan_begin (self->plan, label);
      for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
        {
          guint field = fields[i].field;

          if (!trib_field_values_equal (&klass->fields[field],
                                        trib_entity_peek_value (TRIB_ENTITY (self->upstream), field),
                                        &values[i]))
            ok = trib_entity_set_value (TRIB_ENTITY (self->upstream), field, &values[i], &error);
        }
      /* A refused value does not always poison the change: drop it ourselves. */
      if (ok)
        ok = trib_plan_commit (self->plan, &error);
      else
        trib_plan_rollback (self->plan);
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_unset (&values[i]);

  if (!ok)
    {
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, added ? added : self->upstream);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_row_changed_cb (TribUpstreamEditor *self)
{
  if (!self->syncing)
    validate (self);
}

static void
on_name_changed_cb (TribUpstreamEditor *self)
{
  if (self->syncing)
    return;
  self->name_touched = TRUE;
  validate (self);
}

static void
on_repository_changed_cb (TribUpstreamEditor *self)
{
  if (self->syncing)
    return;

  if (!self->forge_chosen)
    {
      const char *repository = gtk_editable_get_text (GTK_EDITABLE (self->repository_row));

      self->syncing = TRUE;
      set_combo (self->forge_row, trib_forge_from_repository (repository));
      self->syncing = FALSE;
    }
  validate (self);
}

static void
on_forge_selected_cb (TribUpstreamEditor *self)
{
  if (!self->syncing)
    self->forge_chosen = TRUE;
}

static void
on_entry_activated_cb (TribUpstreamEditor *self)
{
  /* Enter in any row saves, as in a form, once everything is valid. */
  if (validate (self))
    save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (TRIB_UPSTREAM_EDITOR (widget));
}

static void
setup_rows (TribUpstreamEditor *self)
{
  g_autoptr(GtkStringList) forges = NULL;
  g_autoptr(GtkStringList) layers = NULL;
  g_autoptr(GtkStringList) decisions = NULL;

  /* Titles come from the field table, so they read as the plan's messages do. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = EDITOR_WIDGET (self, fields[i].row);
      const char *title = _(upstream_field (fields[i].field)->label);

      /* The tooltip to restore once the row is right again. */
      g_object_set_data_full (G_OBJECT (row), "trib-tooltip",
                              g_strdup (gtk_widget_get_tooltip_text (row)), g_free);
      if (!ADW_IS_PREFERENCES_ROW (row))
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->importance_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(upstream_field (TRIB_UPSTREAM_FIELD_IMPORTANCE)->label), -1);
  adw_preferences_group_set_title (self->notes_group,
                                   _(upstream_field (TRIB_UPSTREAM_FIELD_NOTES)->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(upstream_field (TRIB_UPSTREAM_FIELD_NOTES)->label),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  adw_preferences_group_set_title (self->last_error_group,
                                   _(upstream_field (TRIB_UPSTREAM_FIELD_LAST_ERROR)->label));

  forges = enum_labels_model (TRIB_TYPE_FORGE);
  layers = enum_labels_model (TRIB_TYPE_LAYER);
  decisions = enum_labels_model (TRIB_TYPE_DECISION);
  self->syncing = TRUE;
  adw_combo_row_set_model (self->forge_row, G_LIST_MODEL (forges));
  adw_combo_row_set_model (self->layer_row, G_LIST_MODEL (layers));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (decisions));
  self->syncing = FALSE;
}

static void
on_notes_changed_cb (TribUpstreamEditor *self)
{
  on_row_changed_cb (self);
}

static void
trib_upstream_editor_constructed (GObject *object)
{
  TribUpstreamEditor *self = TRIB_UPSTREAM_EDITOR (object);
  gboolean adding = self->upstream == NULL;

  G_OBJECT_CLASS (trib_upstream_editor_parent_class)->constructed (object);

  g_assert (TRIB_IS_PLAN (self->plan));

  setup_rows (self);
  load (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_title (GTK_WINDOW (self), adding ? _("Add Upstream") : _("Edit Upstream"));
  adw_window_title_set_title (self->window_title,
                              adding ? _("Add Upstream") : _("Edit Upstream"));
  self->name_touched = !adding;
  if (!adding)
    adw_window_title_set_subtitle (self->window_title, trib_upstream_get_name (self->upstream));
  gtk_button_set_label (self->save_button, adding ? _("_Add") : _("_Save"));

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
trib_upstream_editor_dispose (GObject *object)
{
  TribUpstreamEditor *self = TRIB_UPSTREAM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_UPSTREAM_EDITOR);
  g_clear_object (&self->upstream);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (trib_upstream_editor_parent_class)->dispose (object);
}

static void
trib_upstream_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TribUpstreamEditor *self = TRIB_UPSTREAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_UPSTREAM:
      g_value_set_object (value, self->upstream);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_upstream_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TribUpstreamEditor *self = TRIB_UPSTREAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_UPSTREAM:
      self->upstream = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_upstream_editor_class_init (TribUpstreamEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_upstream_editor_constructed;
  object_class->dispose = trib_upstream_editor_dispose;
  object_class->get_property = trib_upstream_editor_get_property;
  object_class->set_property = trib_upstream_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TRIB_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPSTREAM] =
    g_param_spec_object ("upstream", NULL, NULL, TRIB_TYPE_UPSTREAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribUpstreamEditor::saved:
   * @upstream: the upstream added or changed
   *
   * Emitted when the plan accepted the editor's values, just before the
   * editor closes.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TRIB_TYPE_UPSTREAM);

  /* The rows read their titles and rules from the upstream field table. */
  g_type_class_ref (TRIB_TYPE_UPSTREAM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/upstream-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, repository_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, forge_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, homepage_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, license_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, purls_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, project_errors);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, layer_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, importance_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, importance_spin);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, intermediary_row);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, strategy_errors);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, notes_errors);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, last_error_group);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamEditor, last_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repository_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_forge_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
trib_upstream_editor_init (TribUpstreamEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_upstream_editor_new:
 * @plan: the plan the upstream belongs to
 * @upstream: (nullable): the upstream to edit, or %NULL to add one
 *
 * Returns: a new editor window; the caller sets its transient parent and
 * presents it.
 */
GtkWidget *
trib_upstream_editor_new (TribPlan     *plan,
                          TribUpstream *upstream)
{
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  g_return_val_if_fail (upstream == NULL || TRIB_IS_UPSTREAM (upstream), NULL);

  return g_object_new (TRIB_TYPE_UPSTREAM_EDITOR, "plan", plan, "upstream", upstream, NULL);
}

/**
 * trib_upstream_editor_get_upstream:
 *
 * Returns: (nullable) (transfer none): the upstream being edited, or %NULL
 * when the editor adds one.
 */
TribUpstream *
trib_upstream_editor_get_upstream (TribUpstreamEditor *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM_EDITOR (self), NULL);

  return self->upstream;
}

/**
 * trib_upstream_editor_is_valid:
 *
 * Returns: whether every row holds a value the plan accepts.
 */
gboolean
trib_upstream_editor_is_valid (TribUpstreamEditor *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAM_EDITOR (self), FALSE);

  return validate (self);
}
