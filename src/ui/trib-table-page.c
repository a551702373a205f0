/* trib-table-page.c: a searchable, sortable table of one entity type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's live list of one entity type goes through a sort (the column
 * headers), a filter (the search) and a single selection into a
 * GtkColumnView, which only creates widgets for the rows on screen: a plan
 * of thousands of rows costs a few dozen labels. Adding and editing open a
 * TribEntityForm; deleting says in a toast what went with the row (a
 * release's bases, an upstream's investments), with an Undo that is
 * withdrawn once it would undo something else.
 *
 * The page's actions (page.add, page.edit, page.delete, page.search) are
 * what the window's shortcuts call on the visible page.
 */
#define G_LOG_DOMAIN "trib-table-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-labels.h"
#include "trib-table-page-private.h"

G_DEFINE_FINAL_TYPE (TribTablePage, trib_table_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ENTITY_TYPE,
  N_PROPS
};

enum {
  SIGNAL_FORM_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_state (TribTablePage *self)
{
  guint total = g_list_model_get_n_items (self->items);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean filtering = self->search != NULL;
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (filtering)
    /* Translators: the number of rows the search shows, "3 of 12" */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = trib_entity_type_count (self->entity_type, total);
  gtk_label_set_text (self->count_label, total > 0 ? count : "");
  /* Nothing to search in an empty table. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0 || filtering);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", selected);
}

static void
on_form_saved_cb (TribTablePage *self,
                  TribEntity    *entity)
{
  /* The keyboard goes where the eye goes: to the row just added or edited,
   * so that Enter and Delete act on it. */
  trib_table_page_focus_entity (self, entity);
}

static char *
describe_deletion (TribTablePage *self,
                   const char    *title,
                   guint         *before,
                   guint         *after)
{
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  /* Whatever the plan removed besides the row itself, counted in the plan
   * before and after: the toast says all of it, and nothing it did not. */
  for (guint t = 0; t < n_types; t++)
    {
      guint gone = before[t] > after[t] ? before[t] - after[t] : 0;

      if (types[t] == self->entity_type && gone > 0)
        gone--;
      if (gone > 0)
        g_ptr_array_add (parts, trib_entity_type_count (types[t], gone));
    }

  if (parts->len == 0)
    /* Translators: "Deleted “etcd”" */
    return g_strdup_printf (_("Deleted “%s”"), title);

  list = g_strdup (g_ptr_array_index (parts, parts->len - 1));
  for (guint i = parts->len - 1; i > 0; i--)
    {
      char *joined = i == parts->len - 1
        /* Translators: the last two of a list, "12 investments and 3 patches" */
        ? g_strdup_printf (_("%s and %s"), (char *) g_ptr_array_index (parts, i - 1), list)
        /* Translators: a list, "2 investments, 3 patches and 1 milestone" */
        : g_strdup_printf (_("%s, %s"), (char *) g_ptr_array_index (parts, i - 1), list);
      g_free (list);
      list = joined;
    }
  /* Translators: "Deleted “etcd” with 12 investments and 3 patches" */
  return g_strdup_printf (_("Deleted “%s” with %s"), title, list);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  trib_table_page_open_form (TRIB_TABLE_PAGE (widget), NULL);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TribTablePage *self = TRIB_TABLE_PAGE (widget);
  TribEntity *entity = gtk_single_selection_get_selected_item (self->selection);

  if (entity != NULL)
    trib_table_page_open_form (self, entity);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  trib_table_page_delete_selected (TRIB_TABLE_PAGE (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TribTablePage *self = TRIB_TABLE_PAGE (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed_cb (TribTablePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = stripped[0] ? g_utf8_casefold (stripped, -1) : NULL;
  GtkFilterChange change;

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing on narrows the matches, deleting widens them: the filter model
   * then only re-checks the rows that can change. */
  if (self->search == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (folded, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  /* Without a search, no filter at all: nothing to run per row. */
  if (self->search == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
on_search_activate_cb (TribTablePage *self)
{
  /* Enter in the search goes to the first match, ready for Enter to edit. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    gtk_single_selection_set_selected (self->selection, 0);
  trib_table_page_focus_entity (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_stop_search_cb (TribTablePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_column_view_activate_cb (TribTablePage *self,
                            guint          position)
{
  g_autoptr(TribEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entity != NULL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      trib_table_page_open_form (self, entity);
    }
}

static void
on_plan_changed_cb (TribTablePage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  /* An edit or undo changes rows in place, which a sort or filter model
   * cannot see: re-run them. Added and removed rows they see already. */
  self->generation++;
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (self->search != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_model_changed_cb (TribTablePage *self)
{
  update_state (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TribTablePage *self = user_data;

  if (self->search == NULL)
    return TRUE;
  return strstr (_trib_table_page_search_text (self, item), self->search) != NULL;
}

static void
connect_items (TribTablePage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);

  /* Sort, then filter: a search only hides rows of the sorted list, and a
   * click on a header sorts the plan's list once, whatever the search. */
  self->sort_model = gtk_sort_list_model_new (g_object_ref (self->items), g_object_ref (sorter));
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                  self->search ? g_object_ref (GTK_FILTER (self->filter)) : NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_model_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_model_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
trib_table_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TribTablePage *self = TRIB_TABLE_PAGE (widget);

  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  /* Shown or hidden after this allocation, not during it: the column view
   * then measures and spreads its columns afresh. */
  self->columns_width = width;
  if (_trib_table_page_choose_columns (self, width, FALSE) && self->columns_idle == 0)
    self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, _trib_table_page_apply_columns_cb, self, NULL);
  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
trib_table_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static gboolean
trib_table_page_grab_focus (GtkWidget *widget)
{
  TribTablePage *self = TRIB_TABLE_PAGE (widget);
  TribEntity *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL && trib_table_page_focus_entity (self, selected))
    return TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->search_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return gtk_widget_grab_focus (GTK_WIDGET (self->empty_add_button));
}

static void
trib_table_page_constructed (GObject *object)
{
  TribTablePage *self = TRIB_TABLE_PAGE (object);
  static const TribTableLabels defaults = { NULL, };

  G_OBJECT_CLASS (trib_table_page_parent_class)->constructed (object);

  g_assert (TRIB_IS_PAGE_CONTEXT (self->context));
  g_assert (g_type_is_a (self->entity_type, TRIB_TYPE_ENTITY));
  self->plan = g_object_ref (trib_page_context_get_plan (self->context));
  self->klass = g_type_class_ref (self->entity_type);
  {
    /* Each page its own, never reused: two tables of one type sort by
     * different columns, and a page made later must not find an earlier
     * one's caches. */
    static guint n_pages;
    g_autofree char *quark = g_strdup_printf ("trib-table-page-%u", ++n_pages);

    self->cache_quark = g_quark_from_string (quark);
  }
  self->items = g_object_ref (trib_plan_get_items (self->plan, self->entity_type));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  connect_items (self);
  trib_table_page_set_labels (self, &defaults);

  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
trib_table_page_dispose (GObject *object)
{
  TribTablePage *self = TRIB_TABLE_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_TABLE_PAGE);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  g_clear_object (&self->focus_target);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  g_clear_pointer (&self->klass, g_type_class_unref);

  G_OBJECT_CLASS (trib_table_page_parent_class)->dispose (object);
}

static void
trib_table_page_finalize (GObject *object)
{
  TribTablePage *self = TRIB_TABLE_PAGE (object);

  g_ptr_array_unref (self->columns);
  g_free (self->search);
  g_free (self->search_fields);
  g_free (self->add_label);
  g_free (self->edit_label);

  G_OBJECT_CLASS (trib_table_page_parent_class)->finalize (object);
}

static void
trib_table_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribTablePage *self = TRIB_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_gtype (value, self->entity_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_table_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TribTablePage *self = TRIB_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ENTITY_TYPE:
      self->entity_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_table_page_class_init (TribTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_table_page_constructed;
  object_class->dispose = trib_table_page_dispose;
  object_class->finalize = trib_table_page_finalize;
  object_class->get_property = trib_table_page_get_property;
  object_class->set_property = trib_table_page_set_property;
  /* Allocated here, not by a layout manager, to choose the columns. */
  widget_class->measure = trib_table_page_measure;
  widget_class->size_allocate = trib_table_page_size_allocate;
  widget_class->grab_focus = trib_table_page_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TRIB_TYPE_PAGE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_gtype ("entity-type", NULL, NULL, TRIB_TYPE_ENTITY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribTablePage::form-created:
   * @form: the form, not shown yet
   *
   * Emitted when the page opened a form to add (the form has no entity) or
   * edit a row: preset values (the parent of a new row) and follow its
   * #TribEntityForm::changed signal here.
   */
  signals[SIGNAL_FORM_CREATED] =
    g_signal_new ("form-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, TRIB_TYPE_ENTITY_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/table-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TribTablePage, empty_add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action_cb);

  /* The window routes these to the visible page from anywhere; these
   * bindings serve a page shown outside a plan window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "page.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.search", NULL);
}

static void
trib_table_page_init (TribTablePage *self)
{
  self->columns = g_ptr_array_new_with_free_func (_trib_table_column_free);
  self->generation = 1;
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_table_page_new:
 * @context: the page context
 * @entity_type: the type of entity the table lists
 *
 * Returns: a table of every entity of @entity_type in the plan, with
 * search, sorting, and the add, edit and delete actions. Add its columns
 * with trib_table_page_add_column().
 */
GtkWidget *
trib_table_page_new (TribPageContext *context,
                     GType            entity_type)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);
  g_return_val_if_fail (g_type_is_a (entity_type, TRIB_TYPE_ENTITY), NULL);

  return g_object_new (TRIB_TYPE_TABLE_PAGE, "context", context, "entity-type", entity_type, NULL);
}

/**
 * trib_table_page_get_context:
 *
 * Returns: (transfer none): the page's context.
 */
TribPageContext *
trib_table_page_get_context (TribTablePage *self)
{
  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), NULL);

  return self->context;
}

/**
 * trib_table_page_get_entity_type:
 *
 * Returns: the type of entity the table lists.
 */
GType
trib_table_page_get_entity_type (TribTablePage *self)
{
  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), G_TYPE_INVALID);

  return self->entity_type;
}

/**
 * trib_table_page_set_search_fields:
 * @fields: field names separated by spaces
 *
 * Makes the search look in these fields too, besides the columns (an
 * upstream's repository, shown only in a tooltip).
 */
void
trib_table_page_set_search_fields (TribTablePage *self,
                                   const char    *fields)
{
  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));

  g_free (self->search_fields);
  self->search_fields = g_strdup (fields);
  self->generation++;
}

/**
 * trib_table_page_set_items:
 * @items: a list of entities of the page's type, such as
 *   trib_plan_get_children() of a product
 *
 * Lists @items instead of every entity of the type in the plan.
 */
void
trib_table_page_set_items (TribTablePage *self,
                           GListModel    *items)
{
  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  g_set_object (&self->items, items);
  connect_items (self);
}

/**
 * trib_table_page_set_form_groups:
 * @groups: (nullable): rows of the form in groups; kept, not copied
 *
 * Sets how the form that adds and edits rows groups its rows.
 */
void
trib_table_page_set_form_groups (TribTablePage       *self,
                                 const TribFormGroup *groups)
{
  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));

  self->form_groups = groups;
}

/**
 * trib_table_page_get_model:
 *
 * Returns: (transfer none): the rows as shown: searched and sorted.
 */
GListModel *
trib_table_page_get_model (TribTablePage *self)
{
  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * trib_table_page_get_selected:
 *
 * Returns: (nullable) (transfer none): the selected entity.
 */
TribEntity *
trib_table_page_get_selected (TribTablePage *self)
{
  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * trib_table_page_select:
 *
 * Selects @entity if the search shows it.
 */
void
trib_table_page_select (TribTablePage *self,
                        TribEntity    *entity)
{
  guint position;

  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));
  g_return_if_fail (TRIB_IS_ENTITY (entity));

  if (_trib_table_page_find (self, entity, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

/**
 * trib_table_page_open_form:
 * @entity: (nullable): the entity to edit, %NULL to add one
 *
 * Opens the form that adds or edits a row, over the page's window. Once
 * saved, the row is selected and has the keyboard focus.
 *
 * Returns: (transfer none): the form, shown
 */
TribEntityForm *
trib_table_page_open_form (TribTablePage *self,
                           TribEntity    *entity)
{
  GtkWidget *form;
  GtkRoot *root;

  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), NULL);
  g_return_val_if_fail (entity == NULL || TRIB_IS_ENTITY (entity), NULL);

  form = trib_entity_form_new (self->context, self->entity_type, entity, self->form_groups);
  gtk_window_set_title (GTK_WINDOW (form), entity ? self->edit_label : self->add_label);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      int width, height;

      gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (root));
      /* No wider than a narrow window it belongs to. */
      gtk_window_get_default_size (GTK_WINDOW (form), &width, &height);
      if (gtk_widget_get_width (GTK_WIDGET (root)) > 0 && gtk_widget_get_width (GTK_WIDGET (root)) < width)
        gtk_window_set_default_size (GTK_WINDOW (form), gtk_widget_get_width (GTK_WIDGET (root)), height);
    }
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_emit (self, signals[SIGNAL_FORM_CREATED], 0, form);
  gtk_window_present (GTK_WINDOW (form));
  return TRIB_ENTITY_FORM (form);
}

/**
 * trib_table_page_delete_selected:
 *
 * Deletes the selected row with everything that goes with it, as one undo
 * step, and says so in a toast whose Undo takes it all back.
 *
 * Returns: whether a row was deleted
 */
gboolean
trib_table_page_delete_selected (TribTablePage *self)
{
  TribEntity *selected;
  g_autoptr(TribEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree guint *before = NULL;
  g_autofree guint *after = NULL;
  guint position, n_types, n_rows;
  GType *types;

  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), FALSE);

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected == NULL)
    return FALSE;

  entity = g_object_ref (selected);
  position = gtk_single_selection_get_selected (self->selection);
  title = trib_entity_get_title (entity);
  types = trib_plan_entity_types (&n_types);
  before = g_new0 (guint, n_types);
  after = g_new0 (guint, n_types);
  for (guint t = 0; t < n_types; t++)
    before[t] = trib_plan_count (self->plan, types[t]);

  if (!trib_plan_remove (self->plan, entity, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      trib_page_context_add_toast (self->context, GTK_WIDGET (self), toast);
      return FALSE;
    }

  for (guint t = 0; t < n_types; t++)
    after[t] = trib_plan_count (self->plan, types[t]);

  /* Keep the keyboard where it was: on the row that took its place. */
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n_rows > 0)
    {
      g_autoptr(TribEntity) next = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                          MIN (position, n_rows - 1));
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      gtk_single_selection_set_selected (self->selection, MIN (position, n_rows - 1));
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
        trib_table_page_focus_entity (self, next);
    }

  message = describe_deletion (self, title, before, after);
  trib_page_context_show_undo_toast (self->context, GTK_WIDGET (self), message);
  return TRUE;
}
