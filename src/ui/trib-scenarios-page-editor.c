/* trib-scenarios-page-editor.c: a scenario's settings and assumptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per assumption, grouped as SCENARIOS.md groups them, with its
 * unit, its range and where its default comes from. Percentages are typed
 * as percentages and stored as fractions. While a value is typed the
 * projection follows it; Enter or leaving the field commits it as one plan
 * change, and a refused value is explained and replaced by the stored one.
 */
#define G_LOG_DOMAIN "trib-scenarios-page"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-scenarios-page-private.h"

static double
display_factor (TribAssumption a)
{
  return trib_assumption_get_info (a)->unit == TRIB_ASSUMPTION_UNIT_PERCENT ? 100 : 1;
}

/* A stored value as it is typed: a percentage for fractions, no unit. */
static char *
format_plain (TribAssumption a,
              double         value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double shown = round (value * display_factor (a) * 10000) / 10000;

  g_ascii_formatd (buf, sizeof buf, "%.4f", shown == 0 ? 0 : shown);
  if (strchr (buf, '.') != NULL)
    {
      char *end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buf);
}

/* What a person typed, as a stored value: "12.5", "12,5", "12.5 %",
 * "200 000". Anything else is refused, never guessed at. */
static gboolean
parse_typed (TribAssumption a,
             const char    *text,
             double        *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean has_dot = strchr (text, '.') != NULL;
  char *end = NULL;
  double v;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x2009 || c == 0x202f || c == 0xa0)
        continue;
      if (c == '%' && p[1] == '\0' && display_factor (a) == 100)
        continue;
      if (c == ',')
        {
          /* A decimal comma when there is no dot; a group separator otherwise. */
          if (!has_dot)
            g_string_append_c (clean, '.');
          continue;
        }
      if (c == 0x2212) /* minus sign */
        {
          g_string_append_c (clean, '-');
          continue;
        }
      if (c >= 0x80)
        return FALSE;
      g_string_append_c (clean, (char) c);
    }
  if (clean->len == 0)
    return FALSE;
  v = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v / display_factor (a);
  return TRUE;
}

static void
set_entry_text (AssumptionRow *row,
                const char    *text)
{
  row->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
  gtk_widget_remove_css_class (row->entry, "error");
  trib_editable_set_uncommitted (row->entry, FALSE);
  row->syncing = FALSE;
}

static TribBusinessModel
formulas (TribScenariosPage *self)
{
  return self->selected ? trib_scenario_get_formulas (self->selected)
                        : TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM;
}

/* The row's stored value: the scenario's, else its default (the plan's
 * engineer-year cost first). */
static double
stored_value (TribScenariosPage *self,
              TribAssumption     a,
              gboolean          *is_set)
{
  double value = trib_scenario_get_assumption (self->selected, a, is_set);

  if (a == TRIB_ASSUMPTION_ENGINEER_COST && !*is_set)
    value = trib_plan_info_get_engineer_year_cost (trib_plan_get_info (self->plan));
  return value;
}

static char *describe_row (TribAssumption    a,
                           TribBusinessModel formulas);

static void
sync_row (TribScenariosPage *self,
          TribAssumption     a)
{
  AssumptionRow *row = &self->rows[a];
  g_autofree char *text = NULL;
  gboolean is_set = FALSE;
  double value;

  gtk_widget_set_visible (row->row, trib_assumption_is_used (a, formulas (self)));
  if (self->selected == NULL)
    return;
  {
    g_autofree char *subtitle = describe_row (a, formulas (self));

    if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row->row)), subtitle) != 0)
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle);
  }
  value = stored_value (self, a, &is_set);
  text = format_plain (a, value);
  set_entry_text (row, text);
  gtk_widget_set_sensitive (row->reset, is_set && !trib_plan_is_read_only (self->plan));
}

/* Stores @assumptions (or, with @remove, leaves @key out of them). */
static gboolean
store_assumption (TribScenariosPage *self,
                  const char        *key,
                  double             value,
                  gboolean           remove)
{
  GVariant *old = trib_scenario_get_assumptions (self->selected);
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GVariantBuilder builder;
  gboolean done = FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  if (old != NULL)
    {
      GVariantIter iter;
      const char *k;
      double v;

      g_variant_iter_init (&iter, old);
      while (g_variant_iter_next (&iter, "{&sd}", &k, &v))
        {
          if (strcmp (k, key) == 0)
            {
              if (!remove)
                g_variant_builder_add (&builder, "{sd}", k, value);
              done = TRUE;
            }
          else
            g_variant_builder_add (&builder, "{sd}", k, v);
        }
    }
  if (!done && !remove)
    g_variant_builder_add (&builder, "{sd}", key, value);

  g_value_init (&gvalue, G_TYPE_VARIANT);
  g_value_set_variant (&gvalue, g_variant_builder_end (&builder));
  if (!trib_plan_update (self->plan, TRIB_ENTITY (self->selected),
                         TRIB_SCENARIO_FIELD_ASSUMPTIONS, &gvalue, &error))
    {
      _trib_scenarios_page_refuse (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
commit_row (TribScenariosPage *self,
            TribAssumption     a)
{
  AssumptionRow *row = &self->rows[a];
  const TribAssumptionInfo *info = trib_assumption_get_info (a);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry));
  g_autofree char *stored_text = NULL;
  g_autofree char *message = NULL;
  gboolean is_set;
  double value, stored;

  if (self->editing != (int) a || self->selected == NULL)
    return;
  self->editing = -1;
  self->preview_assumption = -1;
  stored = stored_value (self, a, &is_set);
  stored_text = format_plain (a, stored);
  if (g_strcmp0 (text, stored_text) == 0)
    {
      sync_row (self, a);
      _trib_scenarios_page_update_results (self);
      return;
    }
  if (!parse_typed (a, text, &value))
    /* Translators: "Conversion: “abc” is not a number" */
    message = g_strdup_printf (_("%s: “%s” is not a number"), _(info->label), text);
  else if (!trib_assumption_check (a, formulas (self), value, &message))
    {
      g_autofree char *why = g_steal_pointer (&message);
      /* Translators: "Conversion: expected 0.05 % to 1 %" */
      message = g_strdup_printf (_("%s: %s"), _(info->label), why);
    }
  if (message != NULL)
    _trib_scenarios_page_refuse (self, message);
  else
    store_assumption (self, info->key, value, FALSE);
  /* The plan's change synced the rest; a refusal shows the stored value. */
  sync_row (self, a);
  _trib_scenarios_page_update_results (self);
}

/**
 * _trib_scenarios_page_commit_typing:
 *
 * Commits what is typed into an assumption and not yet committed, before
 * the page shows another scenario or the window closes.
 */
void
_trib_scenarios_page_commit_typing (TribScenariosPage *self)
{
  if (self->editing >= 0)
    commit_row (self, self->editing);
}

static void
on_entry_changed_cb (GtkEditable       *entry,
                     TribScenariosPage *self)
{
  TribAssumption a = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "trib-assumption"));
  AssumptionRow *row = &self->rows[a];
  double value;

  if (row->syncing || self->selected == NULL)
    return;
  self->editing = a;
  trib_editable_set_uncommitted (row->entry, TRUE);
  if (parse_typed (a, gtk_editable_get_text (entry), &value) &&
      trib_assumption_check (a, formulas (self), value, NULL))
    {
      gtk_widget_remove_css_class (row->entry, "error");
      self->preview_assumption = a;
      self->preview_value = value;
    }
  else
    {
      /* Marked while typing; explained when committed. */
      gtk_widget_add_css_class (row->entry, "error");
      self->preview_assumption = -1;
    }
  _trib_scenarios_page_update_results (self);
}

static void
on_entry_activate_cb (GtkEntry          *entry,
                      TribScenariosPage *self)
{
  commit_row (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "trib-assumption")));
}

static void
on_entry_leave_cb (GtkEventControllerFocus *focus,
                   TribScenariosPage       *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  commit_row (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "trib-assumption")));
}

static void
on_reset_clicked_cb (GtkButton         *button,
                     TribScenariosPage *self)
{
  TribAssumption a = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "trib-assumption"));

  if (self->selected == NULL)
    return;
  self->editing = -1;
  self->preview_assumption = -1;
  store_assumption (self, trib_assumption_get_info (a)->key, 0, TRUE);
  sync_row (self, a);
}

static char *
describe_row (TribAssumption    a,
              TribBusinessModel formulas)
{
  const TribAssumptionInfo *info = trib_assumption_get_info (a);
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *range = NULL;
  double min, max;

  /* The range of the model the scenario computes with: freemium converts
   * 1–10 %, open source 0.05–1 %. */
  trib_assumption_get_range (a, formulas, &min, &max);
  lo = trib_assumption_format (a, min);
  hi = trib_assumption_format (a, max);
  if (info->flags & TRIB_ASSUMPTION_STATED_RANGE)
    /* Translators: "Plausible range 10 % to 80 %" */
    range = g_strdup_printf (_("Plausible range %s to %s."), lo, hi);
  else
    range = g_strdup (_("No published range."));
  return g_strdup_printf ("%s. %s\n%s", _(info->description), range, _(info->source));
}

static void
build_assumption_rows (TribScenariosPage *self)
{
  gboolean writable = !trib_plan_is_read_only (self->plan);

  for (int g = 0; g < TRIB_N_ASSUMPTION_GROUPS; g++)
    {
      self->groups[g] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->groups[g]),
                                       trib_assumption_group_label (g));
      gtk_box_append (GTK_BOX (self->assumptions_box), self->groups[g]);
    }
  for (guint a = 0; a < TRIB_N_ASSUMPTIONS; a++)
    {
      const TribAssumptionInfo *info = trib_assumption_get_info (a);
      AssumptionRow *row = &self->rows[a];
      GtkWidget *unit = gtk_label_new (info->unit == TRIB_ASSUMPTION_UNIT_COUNT ||
                                       info->unit == TRIB_ASSUMPTION_UNIT_CURRENCY
                                       ? NULL : trib_assumption_unit_label (info->unit));
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char *subtitle = describe_row (a, TRIB_BUSINESS_MODEL_CERTIFIED_PLATFORM);
      g_autofree char *reset_label = NULL;

      row->row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), _(info->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row->row), 0);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);

      row->entry = gtk_entry_new ();
      gtk_widget_set_name (row->entry, info->key);
      gtk_editable_set_width_chars (GTK_EDITABLE (row->entry), 8);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (row->entry), 10);
      gtk_entry_set_alignment (GTK_ENTRY (row->entry), 1.0);
      gtk_entry_set_input_purpose (GTK_ENTRY (row->entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_set_valign (row->entry, GTK_ALIGN_CENTER);
      gtk_editable_set_editable (GTK_EDITABLE (row->entry), writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(info->description),
                                      -1);
      g_object_set_data (G_OBJECT (row->entry), "trib-assumption", GUINT_TO_POINTER (a));
      g_signal_connect (row->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
      g_signal_connect (row->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave_cb), self);
      gtk_widget_add_controller (row->entry, focus);

      gtk_widget_add_css_class (unit, "dim-label");
      gtk_widget_set_size_request (unit, 40, -1);
      gtk_label_set_xalign (GTK_LABEL (unit), 0);

      row->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_widget_add_css_class (row->reset, "flat");
      gtk_widget_set_valign (row->reset, GTK_ALIGN_CENTER);
      /* Translators: the button that puts an assumption back to its model's default */
      reset_label = g_strdup_printf (_("Reset %s to the default"), _(info->label));
      gtk_widget_set_tooltip_text (row->reset, reset_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->reset),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, reset_label, -1);
      g_object_set_data (G_OBJECT (row->reset), "trib-assumption", GUINT_TO_POINTER (a));
      g_signal_connect (row->reset, "clicked", G_CALLBACK (on_reset_clicked_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->entry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), unit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->reset);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->entry);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[info->group]), row->row);
    }
}

/* --- the scenario's own settings ------------------------------------ */

static gboolean
update_field (TribScenariosPage *self,
              guint              field,
              const GValue      *value)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return FALSE;
  if (trib_plan_update (self->plan, TRIB_ENTITY (self->selected), field, value, &error))
    return TRUE;
  _trib_scenarios_page_refuse (self, error->message);
  _trib_scenarios_page_sync_editor (self);
  return FALSE;
}

static void
commit_name (TribScenariosPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->selected == NULL || self->rebuilding ||
      g_strcmp0 (text, trib_scenario_get_name (self->selected)) == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, g_strstrip (g_strdup (text)));
  update_field (self, TRIB_SCENARIO_FIELD_NAME, &value);
  trib_editable_set_uncommitted (GTK_WIDGET (self->name_row), FALSE);
}

static void
on_name_changed_cb (TribScenariosPage *self)
{
  if (!self->rebuilding)
    trib_editable_set_uncommitted (GTK_WIDGET (self->name_row), TRUE);
}

/* A switch to custom keeps the model the scenario was computed as, so
 * that its figures stay where they were; a switch to a model whose ranges
 * the stored assumptions break is refused, naming the first of them. */
static void
change_model (TribScenariosPage *self,
              TribBusinessModel  model)
{
  TribBusinessModel formulas = trib_scenario_get_formulas (self->selected);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) base = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (model == trib_scenario_get_model (self->selected))
    return;
  g_value_init (&value, TRIB_TYPE_BUSINESS_MODEL);
  g_value_set_enum (&value, model);
  g_value_init (&base, TRIB_TYPE_BUSINESS_MODEL);
  g_value_set_enum (&base, formulas);
  /* Translators: the undo step of a scenario's new model, "Change business model of “Hybrid”" */
  label = g_strdup_printf (_("Change business model of “%s”"),
                           trib_scenario_get_name (self->selected));
  trib_plan_begin (self->plan, label);
  if ((model == TRIB_BUSINESS_MODEL_CUSTOM &&
       !trib_plan_update (self->plan, TRIB_ENTITY (self->selected),
                          TRIB_SCENARIO_FIELD_BASE_MODEL, &base, &error)) ||
      !trib_plan_update (self->plan, TRIB_ENTITY (self->selected), TRIB_SCENARIO_FIELD_MODEL,
                         &value, &error) ||
      !trib_plan_commit (self->plan, &error))
    {
      trib_plan_rollback (self->plan);
      _trib_scenarios_page_refuse (self, error->message);
      _trib_scenarios_page_sync_editor (self);
    }
}

static void
on_combo_selected_cb (AdwComboRow       *combo,
                      GParamSpec        *pspec,
                      TribScenariosPage *self)
{
  guint selected = adw_combo_row_get_selected (combo);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->rebuilding || self->selected == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (combo == self->years_row)
    {
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, TRIB_SCENARIO_MIN_YEARS + (int) selected);
      if (g_value_get_int (&value) != trib_scenario_get_years (self->selected))
        update_field (self, TRIB_SCENARIO_FIELD_YEARS, &value);
    }
  else if (combo == self->model_row)
    change_model (self, (TribBusinessModel) selected);
  else if (combo == self->base_row)
    {
      g_value_init (&value, TRIB_TYPE_BUSINESS_MODEL);
      g_value_set_enum (&value, (int) selected);
      if ((int) selected != (int) trib_scenario_get_base_model (self->selected))
        update_field (self, TRIB_SCENARIO_FIELD_BASE_MODEL, &value);
    }
  else if (combo == self->p0_source_row)
    {
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, selected == 0);
      if (g_value_get_boolean (&value) != trib_scenario_get_p0_from_plan (self->selected))
        update_field (self, TRIB_SCENARIO_FIELD_P0_FROM_PLAN, &value);
    }
}

static void
commit_p0 (TribScenariosPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->p0_row));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;
  const TribField *field;

  if (self->selected == NULL || self->rebuilding)
    return;
  field = &TRIB_ENTITY_GET_CLASS (self->selected)->fields[TRIB_SCENARIO_FIELD_P0];
  trib_editable_set_uncommitted (GTK_WIDGET (self->p0_row), FALSE);
  if (!trib_field_parse_text (field, text, &value, &message))
    {
      g_autofree char *full = g_strdup_printf (_("%s: %s"), _(field->label), message);
      _trib_scenarios_page_refuse (self, full);
      _trib_scenarios_page_sync_editor (self);
      return;
    }
  if (g_value_get_double (&value) != trib_scenario_get_p0 (self->selected))
    update_field (self, TRIB_SCENARIO_FIELD_P0, &value);
}

static void
on_p0_changed_cb (TribScenariosPage *self)
{
  if (!self->rebuilding)
    trib_editable_set_uncommitted (GTK_WIDGET (self->p0_row), TRUE);
}

static void
watch_entry_row (AdwEntryRow *row,
                 GCallback    commit,
                 GCallback    changed,
                 gpointer     self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (row, "entry-activated", commit, self);
  g_signal_connect_swapped (row, "changed", changed, self);
  g_signal_connect_swapped (focus, "leave", commit, self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
build_settings (TribScenariosPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) models = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  gboolean writable = !trib_plan_is_read_only (self->plan);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Scenario"));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), writable);
  watch_entry_row (self->name_row, G_CALLBACK (commit_name), G_CALLBACK (on_name_changed_cb),
                   self);

  self->model_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->model_row), _("Business model"));
  {
    g_autoptr(GtkStringList) all = gtk_string_list_new (NULL);

    for (int m = 0; m <= TRIB_BUSINESS_MODEL_CUSTOM; m++)
      gtk_string_list_append (all, trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, m));
    adw_combo_row_set_model (self->model_row, G_LIST_MODEL (all));
  }

  for (int m = 0; m < TRIB_BUSINESS_MODEL_CUSTOM; m++)
    gtk_string_list_append (models, trib_enum_get_label (TRIB_TYPE_BUSINESS_MODEL, m));
  self->base_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->base_row), _("Computed as"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->base_row),
                               _("The model whose formulas, defaults and ranges this custom "
                                 "scenario starts from"));
  adw_combo_row_set_model (self->base_row, G_LIST_MODEL (models));

  for (int y = TRIB_SCENARIO_MIN_YEARS; y <= TRIB_SCENARIO_MAX_YEARS; y++)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year",
                                                            "%d years", y), y);
      gtk_string_list_append (years, text);
    }
  self->years_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->years_row), _("Years projected"));
  adw_combo_row_set_model (self->years_row, G_LIST_MODEL (years));

  gtk_string_list_append (sources, "");
  gtk_string_list_append (sources, _("Own number"));
  self->p0_source_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->p0_source_row),
                                 _("Starting patch stock"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->p0_source_row),
                               _("The patches the plan carries today (Patches page), or a number "
                                 "of this scenario’s own"));
  adw_combo_row_set_model (self->p0_source_row, G_LIST_MODEL (sources));

  self->p0_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->p0_row),
                                 _("Patches carried at the start"));
  gtk_editable_set_editable (GTK_EDITABLE (self->p0_row), writable);
  watch_entry_row (self->p0_row, G_CALLBACK (commit_p0), G_CALLBACK (on_p0_changed_cb), self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->model_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->base_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->years_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->p0_source_row), writable);
  g_signal_connect (self->model_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->base_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->years_row, "notify::selected", G_CALLBACK (on_combo_selected_cb), self);
  g_signal_connect (self->p0_source_row, "notify::selected", G_CALLBACK (on_combo_selected_cb),
                    self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->model_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->base_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->years_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->p0_source_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->p0_row));
  gtk_box_append (GTK_BOX (self->assumptions_box), group);
}

/**
 * _trib_scenarios_page_build_editor:
 *
 * Builds the settings and assumption rows, once.
 */
void
_trib_scenarios_page_build_editor (TribScenariosPage *self)
{
  self->editing = -1;
  build_settings (self);
  build_assumption_rows (self);
}

/**
 * _trib_scenarios_page_sync_editor:
 *
 * Shows the selected scenario's stored values, except in a field being
 * typed into.
 */
void
_trib_scenarios_page_sync_editor (TribScenariosPage *self)
{
  g_autofree char *stock = NULL;
  g_autofree char *p0 = NULL;
  GListModel *sources;
  TribScenario *s = self->selected;

  if (s == NULL)
    return;
  self->rebuilding = TRUE;
  if (!trib_editable_get_uncommitted (GTK_WIDGET (self->name_row)) ||
      !gtk_widget_has_focus (GTK_WIDGET (self->name_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), trib_scenario_get_name (s));
  adw_combo_row_set_selected (self->model_row, trib_scenario_get_model (s));
  gtk_widget_set_visible (GTK_WIDGET (self->base_row),
                          trib_scenario_get_model (s) == TRIB_BUSINESS_MODEL_CUSTOM);
  adw_combo_row_set_selected (self->base_row, trib_scenario_get_base_model (s));
  adw_combo_row_set_selected (self->years_row,
                              trib_scenario_get_years (s) - TRIB_SCENARIO_MIN_YEARS);

  /* Translators: the choice that takes the starting patch stock from the
   * Patches page, with how many that is now */
  stock = g_strdup_printf (_("Carried patches (%.0f)"),
                           trib_scenario_plan_patch_stock (self->plan));
  sources = adw_combo_row_get_model (self->p0_source_row);
  gtk_string_list_splice (GTK_STRING_LIST (sources), 0, 1, (const char * const[]) { stock, NULL });
  adw_combo_row_set_selected (self->p0_source_row, trib_scenario_get_p0_from_plan (s) ? 0 : 1);
  gtk_widget_set_visible (GTK_WIDGET (self->p0_row), !trib_scenario_get_p0_from_plan (s));
  p0 = g_strdup_printf ("%g", trib_scenario_get_p0 (s));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->p0_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->p0_row), p0);
  self->rebuilding = FALSE;

  for (guint a = 0; a < TRIB_N_ASSUMPTIONS; a++)
    if ((int) a != self->editing)
      sync_row (self, a);
    else
      gtk_widget_set_visible (self->rows[a].row, trib_assumption_is_used (a, formulas (self)));
  /* A group whose every assumption the model ignores is hidden too. */
  for (int g = 0; g < TRIB_N_ASSUMPTION_GROUPS; g++)
    {
      gboolean any = FALSE;

      for (guint a = 0; a < TRIB_N_ASSUMPTIONS; a++)
        if ((int) trib_assumption_get_info (a)->group == g && trib_assumption_is_used (a, formulas (self)))
          any = TRUE;
      gtk_widget_set_visible (self->groups[g], any);
    }
}
