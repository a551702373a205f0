/* trib-patches-page.c: the patches we carry or send upstream, and what carrying them costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared table page of the plan's patches, filtered by upstream and
 * state, above the patch-debt projection: the hours carrying the patches
 * costs quarter by quarter, carried forward as the plan stands against
 * upstream first (trib-patch-debt.c). The window's page keys (Ctrl+F,
 * Ctrl+Shift+A, Enter, Delete) reach the table through this page.
 */
#define G_LOG_DOMAIN "trib-patches-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-chart-patches.h"
#include "trib-chart-view.h"
#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-patch-debt.h"
#include "trib-patches-page.h"
#include "trib-table-page.h"

struct _TribPatchesPage
{
  GtkBox             parent_instance;

  TribPageContext   *context;
  TribPlan          *plan;
  TribTablePage     *table;
  GtkFilterListModel *filtered;
  GtkCustomFilter   *filter;
  GtkDropDown       *upstream_dropdown;
  GtkDropDown       *state_dropdown;
  GtkStringList     *upstream_names;
  GPtrArray         *upstream_ids;  /* gint64 as pointers, beside upstream_names after "All" */
  GtkLabel          *summary;
  TribChartView     *chart;
};

G_DEFINE_FINAL_TYPE (TribPatchesPage, trib_patches_page, GTK_TYPE_BOX)

static char *
upstream_text (TribEntity *entity,
               gpointer    user_data)
{
  TribPlan *plan = trib_entity_get_plan (entity);
  TribEntity *u = plan ? trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM,
                                           trib_patch_get_upstream_id (TRIB_PATCH (entity)))
                       : NULL;
  return u ? trib_entity_get_title (u) : g_strdup ("");
}

static gboolean
filter_patch (gpointer item,
              gpointer user_data)
{
  TribPatchesPage *self = user_data;
  guint u = gtk_drop_down_get_selected (self->upstream_dropdown);
  guint s = gtk_drop_down_get_selected (self->state_dropdown);
  TribPatch *patch = item;

  if (u != GTK_INVALID_LIST_POSITION && u > 0 && u - 1 < self->upstream_ids->len
      && trib_patch_get_upstream_id (patch) != GPOINTER_TO_SIZE (g_ptr_array_index (self->upstream_ids, u - 1)))
    return FALSE;
  if (s != GTK_INVALID_LIST_POSITION && s > 0 && (guint) trib_patch_get_state (patch) != s - 1)
    return FALSE;
  return TRUE;
}

static void
on_filter_changed_cb (TribPatchesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_upstreams (TribPatchesPage *self)
{
  GListModel *upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);
  guint n = g_list_model_get_n_items (upstreams);
  guint selected = gtk_drop_down_get_selected (self->upstream_dropdown);
  gint64 selected_id = selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected - 1 < self->upstream_ids->len
                       ? (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (self->upstream_ids, selected - 1)) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint new_selected = 0;

  g_ptr_array_set_size (self->upstream_ids, 0);
  g_ptr_array_add (names, g_strdup (_("All upstreams")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribUpstream) u = g_list_model_get_item (upstreams, i);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (u));

      if (id == selected_id)
        new_selected = i + 1;
      g_ptr_array_add (self->upstream_ids, GSIZE_TO_POINTER ((gsize) id));
      g_ptr_array_add (names, g_strdup (trib_upstream_get_name (u)));
    }
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_by_func (self->upstream_dropdown, on_filter_changed_cb, self);
  gtk_string_list_splice (self->upstream_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->upstream_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->upstream_dropdown, new_selected);
  g_signal_handlers_unblock_by_func (self->upstream_dropdown, on_filter_changed_cb, self);
  on_filter_changed_cb (self);
}

static void
update_projection (TribPatchesPage *self)
{
  TribPatchesChart *chart = trib_patches_chart_new (self->plan);
  g_autoptr(TribPatchDebt) debt = trib_patch_debt_compute (self->plan);
  g_autofree char *summary = trib_patches_chart_get_summary (chart);
  guint n = trib_patch_debt_get_n_quarters (debt);

  trib_chart_view_set_summary (self->chart, summary);
  trib_chart_view_set_draw_func (self->chart, trib_patches_chart_draw, chart,
                                 (GDestroyNotify) trib_patches_chart_unref);
  if (n == 0)
    gtk_label_set_text (self->summary, summary);
  else
    {
      double carry = trib_patch_debt_get_total_hours (debt, TRIB_DEBT_CARRY_FORWARD);
      double first = trib_patch_debt_get_total_hours (debt, TRIB_DEBT_UPSTREAM_FIRST);
      g_autofree char *text = NULL;

      /* Translators: patches, hours, two quarters, hours saved, quarters to merge */
      text = g_strdup_printf (_("%.0f patches carried at the end of %s cost %.0f hours over the plan "
                                "(to %s); proposed upstream now, they would cost %.0f hours less "
                                "(a patch merges in %.1f quarters here)."),
                              trib_patch_debt_get_stock (debt, TRIB_DEBT_CARRY_FORWARD, 0),
                              trib_patch_debt_get_quarter (debt, 0), carry,
                              trib_patch_debt_get_quarter (debt, n - 1), carry - first,
                              trib_patch_debt_get_merge_quarters (debt));
      gtk_label_set_text (self->summary, text);
    }
}

static void
on_plan_changed_cb (TribPlan        *plan,
                    guint            changes,
                    TribPatchesPage *self)
{
  if (changes & TRIB_PLAN_CHANGE_UPSTREAM)
    update_upstreams (self);
  if (changes & (TRIB_PLAN_CHANGE_UPSTREAM | TRIB_PLAN_CHANGE_PATCH | TRIB_PLAN_CHANGE_INFO
                 | TRIB_PLAN_CHANGE_STATS_SNAPSHOT))
    update_projection (self);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TribPatchesPage *self = TRIB_PATCHES_PAGE (widget);
  gtk_widget_activate_action_variant (GTK_WIDGET (self->table), action_name, parameter);
}

static void
on_form_created_cb (TribTablePage   *table,
                    TribEntityForm  *form,
                    TribPatchesPage *self)
{
  guint u = gtk_drop_down_get_selected (self->upstream_dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  /* A patch added while one upstream is shown is that upstream's. */
  if (trib_entity_form_get_entity (form) != NULL || u == 0 || u == GTK_INVALID_LIST_POSITION
      || u - 1 >= self->upstream_ids->len)
    return;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (self->upstream_ids, u - 1)));
  trib_entity_form_set_value (form, "upstream_id", &value);
}

static gboolean
grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRIB_PATCHES_PAGE (widget)->table));
}

static void
trib_patches_page_dispose (GObject *object)
{
  TribPatchesPage *self = TRIB_PATCHES_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->upstream_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (trib_patches_page_parent_class)->dispose (object);
}

static void
trib_patches_page_class_init (TribPatchesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trib_patches_page_dispose;
  widget_class->grab_focus = grab_focus;
  gtk_widget_class_install_action (widget_class, "page.add", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, forward_action);
}

static void
trib_patches_page_init (TribPatchesPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->upstream_ids = g_ptr_array_new ();
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

/**
 * trib_patches_page_new:
 * @context: the window's page context
 *
 * Returns: (transfer floating): the Patches page
 */
GtkWidget *
trib_patches_page_new (TribPageContext *context)
{
  static TribFormGroup groups[4];
  TribTableLabels labels = {
    .add = _("Add Patch"),
    .edit = _("Edit Patch"),
    .remove = _("Delete Patch"),
    .empty_title = _("No Patches"),
    .empty_description = _("Record the changes you carry on top of an upstream, and those you send upstream"),
    .empty_icon_name = "document-edit-symbolic",
    .search_placeholder = _("Search by title, address or notes"),
  };
  TribPatchesPage *self;
  GtkWidget *filters, *states;
  g_autoptr(GtkStringList) state_names = NULL;

  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);
  if (groups[0].fields == NULL)
    {
      groups[0] = (TribFormGroup) { _("Patch"), "upstream_id title state url" };
      groups[1] = (TribFormGroup) { _("Carrying It"), "lines hours_per_release" };
      groups[2] = (TribFormGroup) { _("Dates"), "created target_quarter merged dropped" };
    }

  self = g_object_new (TRIB_TYPE_PATCHES_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (trib_page_context_get_plan (context));

  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 6);
  self->upstream_names = gtk_string_list_new (NULL);
  self->upstream_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->upstream_names), NULL));
  state_names = gtk_string_list_new ((const char *[]) { _("All states"), NULL });
  for (int s = TRIB_PATCH_STATE_CARRIED; s <= TRIB_PATCH_STATE_DROPPED; s++)
    gtk_string_list_append (state_names, trib_enum_get_label (TRIB_TYPE_PATCH_STATE, s));
  self->state_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&state_names)), NULL));
  gtk_box_append (GTK_BOX (filters), labelled (_("_Upstream"), GTK_WIDGET (self->upstream_dropdown)));
  states = labelled (_("S_tate"), GTK_WIDGET (self->state_dropdown));
  gtk_box_append (GTK_BOX (filters), states);
  gtk_box_append (GTK_BOX (self), filters);

  self->filter = gtk_custom_filter_new (filter_patch, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (trib_plan_get_items (self->plan, TRIB_TYPE_PATCH)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->table = TRIB_TABLE_PAGE (trib_table_page_new (context, TRIB_TYPE_PATCH));
  trib_table_page_set_labels (self->table, &labels);
  trib_table_page_add_column (self->table, "title", NULL, 260, 0);
  trib_table_page_add_custom_column (self->table, "upstream_id", _("Upstream"), 130, 1, upstream_text,
                                     NULL, NULL);
  trib_table_page_add_column (self->table, "state", NULL, 130, 2);
  trib_table_page_add_column (self->table, "hours_per_release", _("Hours a release"), 110, 3);
  trib_table_page_add_column (self->table, "lines", _("Lines"), 80, 5);
  trib_table_page_add_column (self->table, "created", NULL, 110, 4);
  trib_table_page_add_column (self->table, "target_quarter", NULL, 110, 6);
  trib_table_page_add_column (self->table, "merged", NULL, 110, 7);
  trib_table_page_set_search_fields (self->table, "url notes");
  trib_table_page_set_form_groups (self->table, groups);
  trib_table_page_set_items (self->table, G_LIST_MODEL (self->filtered));
  g_signal_connect (self->table, "form-created", G_CALLBACK (on_form_created_cb), self);
  gtk_widget_set_vexpand (GTK_WIDGET (self->table), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->table));

  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary), 6);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  self->chart = TRIB_CHART_VIEW (trib_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 200);
  trib_chart_view_set_file_name (self->chart, _("Patch debt"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->chart));

  g_signal_connect_swapped (self->upstream_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  update_upstreams (self);
  update_projection (self);
  return GTK_WIDGET (self);
}

/**
 * trib_patches_page_get_table:
 *
 * Returns: (transfer none): the table of patches
 */
TribTablePage *
trib_patches_page_get_table (TribPatchesPage *self)
{
  g_return_val_if_fail (TRIB_IS_PATCHES_PAGE (self), NULL);
  return self->table;
}

/**
 * trib_patches_page_set_filter:
 * @upstream_position: 0 for every upstream, else the upstream's position
 *   in the plan plus one
 * @state: -1 for every state, else a #TribPatchState
 */
void
trib_patches_page_set_filter (TribPatchesPage *self,
                              guint            upstream_position,
                              int              state)
{
  g_return_if_fail (TRIB_IS_PATCHES_PAGE (self));
  gtk_drop_down_set_selected (self->upstream_dropdown, upstream_position);
  gtk_drop_down_set_selected (self->state_dropdown, state < 0 ? 0 : (guint) state + 1);
}
