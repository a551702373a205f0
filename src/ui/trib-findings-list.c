/* trib-findings-list.c: the strategy findings on the Overview, and their count in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors first, then warnings and notes; acknowledged findings last and
 * dimmed, with the reason. Activating a finding shows the page where its
 * entity is edited, with the entity selected; the button beside it
 * acknowledges it with a reason (one undoable step) or withdraws the
 * acknowledgement.
 */
#define G_LOG_DOMAIN "trib-findings"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-entity-form.h"
#include "trib-findings-list.h"
#include "trib-findings-model.h"
#include "trib-investment-page.h"
#include "trib-patches-page.h"
#include "trib-product-page.h"
#include "trib-table-page.h"
#include "trib-window.h"

struct _TribFindingsList
{
  AdwBin             parent_instance;

  TribPlan          *plan;
  TribFindingsModel *model;
  GtkListBox        *list;
  GtkWidget         *empty;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (TribFindingsList, trib_findings_list, ADW_TYPE_BIN)

/* The page where the first entity of a finding is edited. */
static const char *
page_for (TribFinding *finding)
{
  GPtrArray *subjects = trib_finding_get_subjects (finding);
  const char *rule = trib_finding_get_rule (finding);
  TribEntity *first = subjects->len ? g_ptr_array_index (subjects, 0) : NULL;

  if (g_str_equal (rule, "only-a-user") || g_str_equal (rule, "investment-jump"))
    return "investment";
  if (g_str_has_prefix (rule, "carried-patches") || g_str_has_prefix (rule, "patch-"))
    return "patches";
  if (first == NULL)
    return "overview";
  if (TRIB_IS_SCENARIO (first))
    return "business-models";
  if (TRIB_IS_UPSTREAM (first))
    return "upstreams";
  return "product";
}

static void
jump_to (TribFindingsList *self,
         TribFinding      *finding)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRIB_TYPE_WINDOW);
  GPtrArray *subjects = trib_finding_get_subjects (finding);
  const char *page_name = page_for (finding);
  GtkWidget *stack, *page;

  if (window == NULL)
    return;
  trib_window_show_page (TRIB_WINDOW (window), page_name);
  stack = gtk_widget_get_parent (GTK_WIDGET (self));
  while (stack != NULL && !GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  page = stack ? gtk_stack_get_visible_child (GTK_STACK (stack)) : NULL;
  if (page == NULL || subjects->len == 0)
    return;
  for (guint i = 0; i < subjects->len; i++)
    {
      TribEntity *entity = g_ptr_array_index (subjects, i);

      if (TRIB_IS_INVESTMENT_PAGE (page) && TRIB_IS_UPSTREAM (entity))
        {
          int row = trib_investment_page_find_row (TRIB_INVESTMENT_PAGE (page), TRIB_UPSTREAM (entity));
          if (row >= 0)
            {
              guint q;
              trib_investment_page_get_cursor (TRIB_INVESTMENT_PAGE (page), NULL, &q);
              trib_investment_page_set_cursor (TRIB_INVESTMENT_PAGE (page), (guint) row, q);
              gtk_widget_grab_focus (trib_investment_page_get_grid (TRIB_INVESTMENT_PAGE (page)));
              return;
            }
        }
      if (TRIB_IS_PRODUCT_PAGE (page) && trib_product_page_focus_entity (TRIB_PRODUCT_PAGE (page), entity))
        return;
      if (TRIB_IS_PATCHES_PAGE (page) && TRIB_IS_UPSTREAM (entity))
        {
          /* The patches of the upstream the finding is about. */
          GListModel *upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);
          for (guint u = 0; u < g_list_model_get_n_items (upstreams); u++)
            {
              g_autoptr(TribEntity) item = g_list_model_get_item (upstreams, u);
              if (item == entity)
                {
                  trib_patches_page_set_filter (TRIB_PATCHES_PAGE (page), u + 1, -1);
                  return;
                }
            }
        }
      if (TRIB_IS_TABLE_PAGE (page)
          && G_OBJECT_TYPE (entity) == trib_table_page_get_entity_type (TRIB_TABLE_PAGE (page))
          && trib_table_page_focus_entity (TRIB_TABLE_PAGE (page), entity))
        return;
    }
}

static void
on_row_activated_cb (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     TribFindingsList *self)
{
  TribFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

  if (finding != NULL)
    jump_to (self, finding);
}

static void
on_acknowledge_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            TribFindingsList *self)
{
  TribFinding *finding = g_object_get_data (G_OBJECT (dialog), "finding");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "acknowledge") != 0 || self->plan == NULL)
    return;
  if (!trib_checks_acknowledge (self->plan, finding, gtk_editable_get_text (entry), NULL, &error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRIB_TYPE_WINDOW);
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      if (window != NULL)
        trib_window_add_toast (TRIB_WINDOW (window), adw_toast_new (escaped));
    }
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "acknowledge", *text != '\0');
}

static void
on_reason_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text != '\0')
    {
      adw_message_dialog_response (dialog, "acknowledge");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_ack_clicked_cb (GtkButton        *button,
                   TribFindingsList *self)
{
  TribFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  GtkWidget *dialog, *entry;
  g_autoptr(GError) error = NULL;

  if (trib_finding_is_acknowledged (finding))
    {
      if (!trib_checks_withdraw_acknowledgement (self->plan, finding, &error) && window != NULL
          && TRIB_IS_WINDOW (window))
        trib_window_add_toast (TRIB_WINDOW (window), adw_toast_new (error->message));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Acknowledge Finding?"),
                                   trib_finding_get_message (finding));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the plan stays as it is"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "acknowledge", _("_Acknowledge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "acknowledge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "acknowledge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "finding", g_object_ref (finding), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_reason_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_acknowledge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static const char *
severity_icon (TribSeverity severity)
{
  switch (severity)
    {
    case TRIB_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case TRIB_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case TRIB_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TribFindingsList *self = user_data;
  TribFinding *finding = item;
  TribAcknowledgement *ack = trib_finding_get_acknowledgement (finding);
  TribSeverity severity = trib_finding_get_severity (finding);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));
  GtkWidget *button;
  g_autofree char *title = g_markup_escape_text (trib_finding_get_message (finding), -1);
  g_autofree char *subtitle = NULL;

  /* Translators: a finding acknowledged with a reason */
  subtitle = ack ? g_markup_printf_escaped (_("Acknowledged: %s"), trib_acknowledgement_get_reason (ack))
                 : g_markup_escape_text (trib_finding_get_argument (finding), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trib_severity_get_label (severity), -1);
  gtk_widget_set_tooltip_text (icon, trib_severity_get_label (severity));
  if (!ack && severity == TRIB_SEVERITY_ERROR)
    gtk_widget_add_css_class (icon, "error");
  else if (!ack && severity == TRIB_SEVERITY_WARNING)
    gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  button = gtk_button_new_with_label (ack ? _("Withdraw") : _("Acknowledge…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, ack ? _("Count this finding again")
                                           : _("Keep the plan as it is and say why"));
  g_object_set_data (G_OBJECT (button), "finding", finding);
  g_signal_connect (button, "clicked", G_CALLBACK (on_ack_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  if (ack)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
on_thresholds_clicked_cb (GtkButton        *button,
                          TribFindingsList *self)
{
  static TribFormGroup groups[3];
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRIB_TYPE_WINDOW);
  GtkWidget *form;

  if (window == NULL)
    return;
  if (groups[0].fields == NULL)
    {
      groups[0] = (TribFormGroup) { _("Strategy Checks"),
                                    "check_importance check_dial_step check_patch_hours "
                                    "check_health_drop check_healthy_score check_inactive_days" };
      groups[1] = (TribFormGroup) { _("Patch-Debt Projection"), "patch_drift" };
    }
  /* The plan's settings in the shared form: one undo step when saved. */
  form = trib_entity_form_new (trib_window_get_context (TRIB_WINDOW (window)), TRIB_TYPE_PLAN_INFO,
                               TRIB_ENTITY (trib_plan_get_info (self->plan)), groups);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (window));
  gtk_window_set_title (GTK_WINDOW (form), _("Plan Settings"));
  gtk_window_present (GTK_WINDOW (form));
}

static void
update_group (TribFindingsList *self)
{
  guint n = g_list_model_get_n_items (trib_findings_model_get_findings (self->model));
  guint counting = trib_findings_model_get_n_counting (self->model);
  g_autofree char *description = NULL;

  if (n == 0)
    description = g_strdup (_("The plan follows every rule of the guide Tributary checks."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u finding still counts; activate one to go to what it is about.",
                                                "%u findings still count; activate one to go to what they are about.",
                                                counting),
                                   counting);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

static void
trib_findings_list_dispose (GObject *object)
{
  TribFindingsList *self = TRIB_FINDINGS_LIST (object);

  g_clear_object (&self->model);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (trib_findings_list_parent_class)->dispose (object);
}

static void
trib_findings_list_class_init (TribFindingsListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trib_findings_list_dispose;
}

static void
trib_findings_list_init (TribFindingsList *self)
{
}

/**
 * trib_findings_list_new:
 * @plan: the plan whose findings to show
 *
 * Returns: (transfer floating): the Overview's group of strategy findings
 */
GtkWidget *
trib_findings_list_new (TribPlan *plan)
{
  TribFindingsList *self = g_object_new (TRIB_TYPE_FINDINGS_LIST, NULL);

  self->plan = g_object_ref (plan);
  self->model = g_object_ref (trib_findings_model_get_for_plan (plan));
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Strategy Findings"));
  {
    GtkWidget *thresholds = gtk_button_new_with_mnemonic (_("_Thresholds…"));

    gtk_widget_add_css_class (thresholds, "flat");
    gtk_widget_set_valign (thresholds, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (thresholds, _("When the checks speak up: the plan’s thresholds"));
    g_signal_connect (thresholds, "clicked", G_CALLBACK (on_thresholds_clicked_cb), self);
    adw_preferences_group_set_header_suffix (self->group, thresholds);
  }
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Strategy findings"), -1);
  gtk_list_box_bind_model (self->list, trib_findings_model_get_findings (self->model), create_row, self, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  g_signal_connect_object (trib_findings_model_get_findings (self->model), "items-changed",
                           G_CALLBACK (update_group), self, G_CONNECT_SWAPPED);
  update_group (self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  return GTK_WIDGET (self);
}

/**
 * trib_findings_list_get_list:
 *
 * Returns: (transfer none): the list box of findings
 */
GtkListBox *
trib_findings_list_get_list (TribFindingsList *self)
{
  g_return_val_if_fail (TRIB_IS_FINDINGS_LIST (self), NULL);
  return self->list;
}

static void
update_badge (GtkLabel          *badge,
              GParamSpec        *pspec,
              TribFindingsModel *model)
{
  guint n = trib_findings_model_get_n_counting (model);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u strategy finding",
                                                               "%u strategy findings", n), n);

  gtk_label_set_text (badge, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_visible (GTK_WIDGET (badge), n > 0);
  if (trib_findings_model_get_n_errors (model) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (badge), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
}

/**
 * trib_findings_badge_new:
 * @plan: a plan
 *
 * Returns: (transfer floating): a label with the number of findings that
 *   still count (errors and warnings nobody acknowledged), hidden at none
 */
GtkWidget *
trib_findings_badge_new (TribPlan *plan)
{
  TribFindingsModel *model = trib_findings_model_get_for_plan (plan);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_hexpand (badge, TRUE);
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_add_css_class (badge, "numeric");
  g_signal_connect_object (model, "notify::n-counting", G_CALLBACK (update_badge), badge, G_CONNECT_SWAPPED);
  update_badge (GTK_LABEL (badge), NULL, model);
  return badge;
}
