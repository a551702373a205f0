/* trib-scenarios-page.c: the Business Models page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the plan's scenarios beside three views of the selected one:
 * its assumptions, its yearly projection, and its comparison with the
 * others ticked in the list. Every edit is one plan change, undone by the
 * window's Undo; the projection follows an assumption while it is typed.
 */
#define G_LOG_DOMAIN "trib-scenarios-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-scenarios-page-private.h"

G_DEFINE_FINAL_TYPE (TribScenariosPage, trib_scenarios_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * _trib_scenarios_page_refuse:
 *
 * Says why a value was refused, in a toast; the field then shows the
 * stored value again (HACKING.md, "No silent edits").
 */
void
_trib_scenarios_page_refuse (TribScenariosPage *self,
                             const char        *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  trib_page_context_add_toast (self->context, GTK_WIDGET (self), toast);
}

/**
 * _trib_scenarios_page_inputs:
 * @with_preview: whether an assumption being typed into counts
 *
 * Returns: whether @scenario's inputs are within their ranges
 */
gboolean
_trib_scenarios_page_inputs (TribScenariosPage  *self,
                             TribScenario       *scenario,
                             gboolean            with_preview,
                             TribScenarioInputs *inputs)
{
  if (!trib_scenario_inputs_from_scenario (inputs, scenario, self->plan, NULL))
    return FALSE;
  if (with_preview && scenario == self->selected && self->preview_assumption >= 0)
    inputs->values[self->preview_assumption] = self->preview_value;
  return TRUE;
}

static const char *
model_label (TribBusinessModel model)
{
  return trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, model);
}

static gboolean
transform_model_label (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  g_value_set_string (to, model_label (g_value_get_enum (from)));
  return TRUE;
}

static void
on_compare_toggled_cb (GtkCheckButton    *check,
                       TribScenariosPage *self)
{
  TribScenario *scenario = g_object_get_data (G_OBJECT (check), "trib-scenario");
  gint64 id = trib_entity_get_id (TRIB_ENTITY (scenario));

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->excluded, &id);
  else
    g_hash_table_add (self->excluded, g_memdup2 (&id, sizeof id));
  _trib_scenarios_page_update_results (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TribScenariosPage *self = user_data;
  TribScenario *scenario = item;
  gint64 id = trib_entity_get_id (TRIB_ENTITY (scenario));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *model = gtk_label_new (NULL);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* Long names are cut, not allowed to widen the list. */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_label_set_xalign (GTK_LABEL (model), 0);
  gtk_widget_add_css_class (model, "dim-label");
  gtk_widget_add_css_class (model, "caption");
  g_object_bind_property (scenario, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (scenario, "name", name, "tooltip-text", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (scenario, "model", model, "label", G_BINDING_SYNC_CREATE,
                               transform_model_label, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), model);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               !g_hash_table_contains (self->excluded, &id));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: the check box that puts a scenario into the comparison */
  tooltip = g_strdup_printf (_("Compare “%s”"), trib_scenario_get_name (scenario));
  gtk_widget_set_tooltip_text (check, _("Compare this scenario with the others ticked"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (check), "trib-scenario", scenario);
  g_signal_connect (check, "toggled", G_CALLBACK (on_compare_toggled_cb), self);

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "trib-scenario", scenario);
  return row;
}

static void
show_selected (TribScenariosPage *self)
{
  self->preview_assumption = -1;
  _trib_scenarios_page_sync_editor (self);
  _trib_scenarios_page_update_results (self);
}

static void
on_row_selected_cb (GtkListBox        *list,
                    GtkListBoxRow     *row,
                    TribScenariosPage *self)
{
  TribScenario *scenario = row ? g_object_get_data (G_OBJECT (row), "trib-scenario") : NULL;

  if (self->rebuilding || scenario == self->selected)
    return;
  /* What was typed for the scenario being left is kept. */
  _trib_scenarios_page_commit_typing (self);
  g_set_object (&self->selected, scenario);
  show_selected (self);
}

/**
 * trib_scenarios_page_select:
 * @scenario: (nullable): a scenario of the page's plan
 *
 * Selects @scenario in the list and shows it.
 */
void
trib_scenarios_page_select (TribScenariosPage *self,
                            TribScenario      *scenario)
{
  GtkListBoxRow *row;

  g_return_if_fail (TRIB_IS_SCENARIOS_PAGE (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "trib-scenario") == (gpointer) scenario)
      {
        gtk_list_box_select_row (self->list, row);
        return;
      }
}

/* After scenarios came or went: keep the selection if it is still there,
 * or select the first one. */
static void
ensure_selection (TribScenariosPage *self)
{
  GListModel *items = trib_plan_get_items (self->plan, TRIB_TYPE_SCENARIO);
  guint n = g_list_model_get_n_items (items);
  gboolean found = FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "content" : "empty");
  for (guint i = 0; i < n && !found; i++)
    {
      g_autoptr(TribScenario) s = g_list_model_get_item (items, i);
      found = s == self->selected;
    }
  if (found)
    {
      trib_scenarios_page_select (self, self->selected);
      return;
    }
  g_clear_object (&self->selected);
  if (n > 0)
    {
      g_autoptr(TribScenario) first = g_list_model_get_item (items, 0);
      trib_scenarios_page_select (self, first);
    }
  else
    show_selected (self);
}

static void
on_items_changed_cb (GListModel        *model,
                     guint              position,
                     guint              removed,
                     guint              added,
                     TribScenariosPage *self)
{
  ensure_selection (self);
}

static void
on_plan_changed_cb (TribPlan          *plan,
                    guint              changes,
                    TribScenariosPage *self)
{
  /* Scenarios, the plan's engineer-year cost and its carried patches all
   * feed a projection. */
  if (!(changes & (TRIB_PLAN_CHANGE_SCENARIO | TRIB_PLAN_CHANGE_INFO | TRIB_PLAN_CHANGE_PATCH)))
    return;
  _trib_scenarios_page_sync_editor (self);
  _trib_scenarios_page_update_results (self);
}

/* "Hybrid", or "Hybrid 2" when that name is taken. */
static char *
unique_name (TribScenariosPage *self,
             const char        *base)
{
  GListModel *items = trib_plan_get_items (self->plan, TRIB_TYPE_SCENARIO);
  guint n = g_list_model_get_n_items (items);

  for (guint k = 1;; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, k);
      gboolean taken = FALSE;

      for (guint i = 0; i < n && !taken; i++)
        {
          g_autoptr(TribScenario) s = g_list_model_get_item (items, i);
          taken = g_strcmp0 (trib_scenario_get_name (s), name) == 0;
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
add_scenario (TribScenariosPage *self,
              TribScenario      *scenario,
              const char        *toast)
{
  g_autoptr(GError) error = NULL;

  if (!trib_plan_add (self->plan, TRIB_ENTITY (scenario), &error))
    {
      _trib_scenarios_page_refuse (self, error->message);
      return;
    }
  trib_scenarios_page_select (self, scenario);
  trib_page_context_show_undo_toast (self->context, GTK_WIDGET (self), toast);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  int model = g_variant_get_int32 (parameter);
  g_autoptr(TribScenario) scenario = trib_scenario_new ();
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  if (model < 0 || model > TRIB_BUSINESS_MODEL_CUSTOM)
    return;
  _trib_scenarios_page_commit_typing (self);
  name = unique_name (self, model_label (model));
  /* A new scenario stores no assumption: each takes its model's default
   * (and the plan's engineer-year cost) until someone sets it. */
  if (!trib_entity_set_string (TRIB_ENTITY (scenario), "name", name, &error) ||
      !trib_entity_set_enum (TRIB_ENTITY (scenario), "model", model, &error))
    {
      _trib_scenarios_page_refuse (self, error->message);
      return;
    }
  /* Translators: "Added scenario “Hybrid”" */
  toast = g_strdup_printf (_("Added scenario “%s”"), name);
  add_scenario (self, scenario, toast);
}

static void
page_add_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  GObject *button = gtk_widget_get_template_child (widget, TRIB_TYPE_SCENARIOS_PAGE,
                                                   "add_button");

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") == 0)
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  else
    gtk_widget_activate_action (widget, "scenarios.add", "i", TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  TribEntityClass *klass = g_type_class_peek (TRIB_TYPE_SCENARIO);
  g_autoptr(TribScenario) copy = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return;
  _trib_scenarios_page_commit_typing (self);
  copy = trib_scenario_new ();
  for (guint f = 0; f < klass->n_fields; f++)
    if (!trib_entity_set_value (TRIB_ENTITY (copy), f,
                                trib_entity_peek_value (TRIB_ENTITY (self->selected), f), &error))
      {
        _trib_scenarios_page_refuse (self, error->message);
        return;
      }
  /* Translators: the name of a copy of a scenario, "Hybrid (copy)" */
  base = g_strdup_printf (_("%s (copy)"), trib_scenario_get_name (self->selected));
  name = unique_name (self, base);
  trib_entity_set_string (TRIB_ENTITY (copy), "name", name, NULL);
  /* Translators: "Duplicated scenario “Hybrid” as “Hybrid (copy)”" */
  toast = g_strdup_printf (_("Duplicated scenario “%s” as “%s”"),
                           trib_scenario_get_name (self->selected), name);
  add_scenario (self, copy, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);
  g_autoptr(TribScenario) scenario = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return;
  _trib_scenarios_page_commit_typing (self);
  scenario = g_object_ref (self->selected);
  /* Translators: "Deleted scenario “Hybrid”" */
  toast = g_strdup_printf (_("Deleted scenario “%s”"), trib_scenario_get_name (scenario));
  if (!trib_plan_remove (self->plan, TRIB_ENTITY (scenario), &error))
    {
      _trib_scenarios_page_refuse (self, error->message);
      return;
    }
  trib_page_context_show_undo_toast (self->context, GTK_WIDGET (self), toast);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (widget);

  if (self->selected == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "assumptions");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        TribScenariosPage     *self)
{
  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)))
    return gtk_widget_activate_action (GTK_WIDGET (self), "scenarios.delete", NULL);
  return FALSE;
}

static void
trib_scenarios_page_constructed (GObject *object)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (object);
  GListModel *items;
  GtkEventController *keys;
  gboolean writable;

  G_OBJECT_CLASS (trib_scenarios_page_parent_class)->constructed (object);

  g_assert (TRIB_IS_PAGE_CONTEXT (self->context));
  self->plan = g_object_ref (trib_page_context_get_plan (self->context));
  writable = !trib_plan_is_read_only (self->plan);

  _trib_scenarios_page_build_editor (self);
  _trib_scenarios_page_build_results (self);

  items = trib_plan_get_items (self->plan, TRIB_TYPE_SCENARIO);
  gtk_list_box_bind_model (self->list, items, create_row, self, NULL);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected_cb), self);
  g_signal_connect_object (items, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self, 0);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.duplicate", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", writable);

  ensure_selection (self);
}

static void
trib_scenarios_page_dispose (GObject *object)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (object);

  /* Fields that lose the focus as they go commit nothing any more: the
   * window commits typing before it closes (HACKING.md). */
  self->editing = -1;
  g_clear_object (&self->selected);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  _trib_scenarios_page_dispose_results (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SCENARIOS_PAGE);
  g_clear_object (&self->selected);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (trib_scenarios_page_parent_class)->dispose (object);
}

static void
trib_scenarios_page_finalize (GObject *object)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (object);

  g_hash_table_unref (self->excluded);

  G_OBJECT_CLASS (trib_scenarios_page_parent_class)->finalize (object);
}

static void
trib_scenarios_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (object);

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
trib_scenarios_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribScenariosPage *self = TRIB_SCENARIOS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_scenarios_page_class_init (TribScenariosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_scenarios_page_constructed;
  object_class->dispose = trib_scenarios_page_dispose;
  object_class->finalize = trib_scenarios_page_finalize;
  object_class->set_property = trib_scenarios_page_set_property;
  object_class->get_property = trib_scenarios_page_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TRIB_TYPE_PAGE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/scenarios-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribScenariosPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TribScenariosPage, list);
  gtk_widget_class_bind_template_child (widget_class, TribScenariosPage, assumptions_box);
  gtk_widget_class_bind_template_child (widget_class, TribScenariosPage, projection_box);
  gtk_widget_class_bind_template_child (widget_class, TribScenariosPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, TribScenariosPage, view_stack);
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "scenarios.add", "i", add_action);
  gtk_widget_class_install_action (widget_class, "scenarios.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "scenarios.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "scenarios.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "page.add", NULL, page_add_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  _trib_scenarios_page_install_result_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "scenarios.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "scenarios.duplicate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trib_scenarios_page_init (TribScenariosPage *self)
{
  self->excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->preview_assumption = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_scenarios_page_new:
 * @context: the window's page context
 *
 * Returns: (transfer floating): the Business Models page
 */
GtkWidget *
trib_scenarios_page_new (TribPageContext *context)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);

  return g_object_new (TRIB_TYPE_SCENARIOS_PAGE, "context", context, NULL);
}

/**
 * trib_scenarios_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the scenario shown
 */
TribScenario *
trib_scenarios_page_get_selected (TribScenariosPage *self)
{
  g_return_val_if_fail (TRIB_IS_SCENARIOS_PAGE (self), NULL);

  return self->selected;
}
