/* trib-overview-page.c: the plan's own properties and what it contains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows edit the plan's info entity in place. A row only writes what the
 * field rules accept; a refused value leaves the plan as it was and marks
 * the row. Every row follows the info entity's notifications, so undo and
 * edits made elsewhere show up here.
 */
#define G_LOG_DOMAIN "trib-overview-page"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-overview-page.h"
#include "trib-upstream-editor.h"

#define N_LAYERS    (TRIB_LAYER_BELOW + 1)
#define N_DECISIONS (TRIB_DECISION_BUILD_IN_HOUSE + 1)

/* What the plan contains; each card names its type, so the cards cannot
 * drift from the entity types when one is added. */
static const struct {
  GType      (*type) (void);
  const char  *label;
  const char  *description;
} count_labels[] = {
  { trib_upstream_get_type, N_("Upstreams"), N_("Open source projects the product uses") },
  { trib_stats_snapshot_get_type, N_("Statistics Snapshots"), N_("Forge statistics kept as history") },
  { trib_investment_get_type, N_("Investments"), N_("Engineers put into upstreams per quarter") },
  { trib_patch_get_type, N_("Patches"), N_("Changes carried or sent upstream") },
  { trib_product_get_type, N_("Products"), N_("What we sell") },
  { trib_product_release_get_type, N_("Product Releases"), N_("Stable branches of the products") },
  { trib_release_base_get_type, N_("Upstream Bases"), N_("Upstream versions the releases are built on") },
  { trib_certification_get_type, N_("Certifications"), N_("Target environments of the releases") },
  { trib_scenario_get_type, N_("Scenarios"), N_("Business models compared") },
  { trib_milestone_get_type, N_("Milestones"), N_("Dated items on the roadmap") },
  { trib_acknowledgement_get_type, N_("Acknowledgements"), N_("Strategy findings set aside with a reason") },
};

struct _TribOverviewPage
{
  AdwBin               parent_instance;

  TribPlan            *plan;
  TribPlanInfo        *info;
  gboolean             syncing;   /* the page itself is updating a row */

  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *currency_row;
  AdwPreferencesGroup *description_group;
  GtkWidget           *description_frame;
  GtkTextView         *description_view;
  AdwEntryRow         *first_quarter_row;
  AdwActionRow        *quarters_row;
  GtkSpinButton       *quarters_spin;
  AdwActionRow        *cost_row;
  GtkSpinButton       *cost_spin;
  GtkLabel            *cost_currency_label;
  AdwEntryRow         *handles_row;
  GtkFlowBox          *counts_box;
  AdwPreferencesGroup *layer_group;
  AdwPreferencesGroup *decision_group;

  GtkLabel            *count_values[G_N_ELEMENTS (count_labels)];
  GtkLabel            *layer_values[N_LAYERS];
  GtkLabel            *decision_values[N_DECISIONS];
};

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

static void
add_toast (TribOverviewPage *self,
           const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  /* A toast title is markup: the message may quote what someone typed. */
  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
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
      }
      break;
    case TRIB_PLAN_INFO_FIELD_QUARTERS:
      gtk_spin_button_set_value (self->quarters_spin, g_value_get_int (value));
      break;
    case TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST:
      gtk_spin_button_set_value (self->cost_spin, g_value_get_double (value));
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

/* Applies @value to @field, or tells why the plan refused it. */
static gboolean
apply_value (TribOverviewPage  *self,
             TribPlanInfoField  field,
             const GValue      *value,
             GtkWidget         *row)
{
  g_autoptr(GError) error = NULL;

  if (!trib_entity_set_value (TRIB_ENTITY (self->info), field, value, &error))
    {
      set_row_error (row, error->message);
      add_toast (self, error->message);
      return FALSE;
    }
  set_row_error (row, NULL);
  /* Show the value as the plan keeps it ("eur" becomes "EUR"). */
  sync_field (self, field);
  return TRUE;
}

static void
on_entry_apply_cb (AdwEntryRow      *row,
                   TribOverviewPage *self)
{
  TribPlanInfoField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "trib-field"));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;

  if (!parse_row_text (field, gtk_editable_get_text (GTK_EDITABLE (row)), &value, &message))
    {
      set_row_error (GTK_WIDGET (row), message);
      add_toast (self, message);
      return;
    }
  apply_value (self, field, &value, GTK_WIDGET (row));
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
  /* Flag mistakes while typing; the plan changes only on apply. */
  parse_row_text (field, gtk_editable_get_text (GTK_EDITABLE (row)), &value, &message);
  set_row_error (GTK_WIDGET (row), message);
}

static void
on_quarters_changed_cb (TribOverviewPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (self->quarters_spin));
  apply_value (self, TRIB_PLAN_INFO_FIELD_QUARTERS, &value, GTK_WIDGET (self->quarters_row));
}

static void
on_cost_changed_cb (TribOverviewPage *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing)
    return;
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (self->cost_spin));
  apply_value (self, TRIB_PLAN_INFO_FIELD_ENGINEER_YEAR_COST, &value, GTK_WIDGET (self->cost_row));
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
on_cost_input_cb (GtkSpinButton *spin,
                  double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  const char *separator = localeconv ()->thousands_sep;
  g_autoptr(GString) digits = g_string_new (NULL);

  /* Read back what the output wrote: digits, with the locale's thousands
   * separator or spaces between them. */
  for (const char *p = text; *p;)
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
        return GTK_INPUT_ERROR;
      p = g_utf8_next_char (p);
    }
  if (digits->len == 0)
    return GTK_INPUT_ERROR;
  *value = g_ascii_strtod (digits->str, NULL);
  return TRUE;
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
      set_row_error (self->description_frame, message);
      add_toast (self, message);
      return;
    }
  apply_value (self, TRIB_PLAN_INFO_FIELD_DESCRIPTION, &value, self->description_frame);
}

static void
on_description_leave_cb (TribOverviewPage *self)
{
  /* Focus also leaves while the window is torn down. */
  if (self->info == NULL || trib_plan_is_read_only (self->plan))
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
update_counts (TribOverviewPage *self)
{
  GListModel *upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);
  guint layers[N_LAYERS] = { 0, };
  guint decisions[N_DECISIONS] = { 0, };
  guint n_upstreams;

  for (guint i = 0; i < G_N_ELEMENTS (self->count_values); i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", trib_plan_count (self->plan, count_labels[i].type ()));
      gtk_label_set_text (self->count_values[i], text);
    }

  /* A walk over the upstreams is cheap even for thousands. */
  n_upstreams = g_list_model_get_n_items (upstreams);
  for (guint i = 0; i < n_upstreams; i++)
    {
      g_autoptr(TribUpstream) upstream = g_list_model_get_item (upstreams, i);
      TribLayer layer = trib_upstream_get_layer (upstream);
      TribDecision decision = trib_upstream_get_decision (upstream);

      if (layer < N_LAYERS)
        layers[layer]++;
      if (decision < N_DECISIONS)
        decisions[decision]++;
    }
  for (guint i = 0; i < N_LAYERS; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", layers[i]);
      gtk_label_set_text (self->layer_values[i], text);
    }
  for (guint i = 0; i < N_DECISIONS; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", decisions[i]);
      gtk_label_set_text (self->decision_values[i], text);
    }
}

static void
on_plan_changed_cb (TribOverviewPage *self)
{
  update_counts (self);
}

static GtkWidget *
count_card (const char  *title,
            const char  *description,
            GtkLabel   **value_label)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("0");
  GtkWidget *caption = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_tooltip_text (card, description);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  /* Wrap two-word captions so that five cards fit on a line. */
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 10);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (caption, 12);
  gtk_widget_set_margin_start (caption, 6);
  gtk_widget_set_margin_end (caption, 6);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);

  /* Read as one thing: "12 Upstreams". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, value, caption, NULL, -1);
  *value_label = GTK_LABEL (value);
  return card;
}

static GtkLabel *
add_breakdown_row (AdwPreferencesGroup *group,
                   const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new ("0");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Short labels: measuring wrappable titles dominated the first frame. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (value);
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
          g_object_set_data (G_OBJECT (rows[i].row), "trib-field",
                             GINT_TO_POINTER (rows[i].field));
          g_signal_connect (rows[i].row, "apply", G_CALLBACK (on_entry_apply_cb), self);
          g_signal_connect (rows[i].row, "changed", G_CALLBACK (on_entry_changed_cb), self);
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

  for (guint i = 0; i < G_N_ELEMENTS (count_labels); i++)
    gtk_flow_box_append (self->counts_box,
                         count_card (_(count_labels[i].label), _(count_labels[i].description),
                                     &self->count_values[i]));
  for (guint i = 0; i < N_LAYERS; i++)
    self->layer_values[i] = add_breakdown_row (self->layer_group, trib_layer_get_label (i));
  for (guint i = 0; i < N_DECISIONS; i++)
    self->decision_values[i] = add_breakdown_row (self->decision_group,
                                                  trib_decision_get_label (i));
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
  for (guint i = 0; i < TRIB_PLAN_INFO_N_FIELDS; i++)
    sync_field (self, i);
  update_counts (self);

  g_signal_connect_object (self->info, "notify", G_CALLBACK (on_info_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quarters_spin, "value-changed",
                           G_CALLBACK (on_quarters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cost_spin, "value-changed",
                           G_CALLBACK (on_cost_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->cost_spin, "output", G_CALLBACK (on_cost_output_cb), NULL);
  g_signal_connect (self->cost_spin, "input", G_CALLBACK (on_cost_input_cb), NULL);
  on_cost_output_cb (self->cost_spin);

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

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_OVERVIEW_PAGE);
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
