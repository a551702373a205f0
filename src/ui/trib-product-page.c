/* trib-product-page.c: products, releases, their bases, certification and life cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Five views of what the plan ships: the products (name, trademark), their
 * releases (GA, end of maintenance, end of life), the upstream version
 * each release is based on, the certification matrix (in
 * trib-product-page-matrix.c) and a life-cycle chart with today marked.
 * The window's page keys reach the table of the view shown.
 */
#define G_LOG_DOMAIN "trib-product-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-chart-lifecycle.h"
#include "trib-product-page-private.h"
#include "trib-table-page.h"

G_DEFINE_FINAL_TYPE (TribProductPage, trib_product_page, GTK_TYPE_BOX)

static char *
product_text (TribEntity *entity,
              gpointer    user_data)
{
  TribPlan *plan = trib_entity_get_plan (entity);
  TribEntity *p = plan ? trib_plan_lookup (plan, TRIB_TYPE_PRODUCT,
                                           trib_product_release_get_product_id (TRIB_PRODUCT_RELEASE (entity)))
                       : NULL;
  return p ? trib_entity_get_title (p) : g_strdup ("");
}

static char *
base_release_text (TribEntity *entity,
                   gpointer    user_data)
{
  TribPlan *plan = trib_entity_get_plan (entity);
  TribEntity *r = plan ? trib_plan_lookup (plan, TRIB_TYPE_PRODUCT_RELEASE,
                                           trib_release_base_get_release_id (TRIB_RELEASE_BASE (entity)))
                       : NULL;
  g_autofree char *product = r ? product_text (r, NULL) : NULL;

  return r ? g_strdup_printf ("%s %s", product, trib_product_release_get_version (TRIB_PRODUCT_RELEASE (r)))
           : g_strdup ("");
}

static char *
base_upstream_text (TribEntity *entity,
                    gpointer    user_data)
{
  TribPlan *plan = trib_entity_get_plan (entity);
  TribEntity *u = plan ? trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM,
                                           trib_release_base_get_upstream_id (TRIB_RELEASE_BASE (entity)))
                       : NULL;
  return u ? trib_entity_get_title (u) : g_strdup ("");
}

static char *
trademark_text (TribEntity *entity,
                gpointer    user_data)
{
  return g_strdup (trib_product_get_trademark_registered (TRIB_PRODUCT (entity))
                   ? _("Registered") : _("Not registered"));
}

static GtkWidget *
products_table (TribProductPage *self)
{
  static TribFormGroup groups[2];
  TribTableLabels labels = {
    .add = _("Add Product"), .edit = _("Edit Product"), .remove = _("Delete Product"),
    .empty_title = _("No Products"),
    .empty_description = _("Add what you sell, under a name of its own"),
    .empty_icon_name = "package-x-generic-symbolic",
    .search_placeholder = _("Search by name or description"),
  };
  TribTablePage *t = TRIB_TABLE_PAGE (trib_table_page_new (self->context, TRIB_TYPE_PRODUCT));

  if (groups[0].fields == NULL)
    groups[0] = (TribFormGroup) { _("Product"), "name trademark_registered homepage description" };
  trib_table_page_set_labels (t, &labels);
  trib_table_page_add_column (t, "name", NULL, 220, 0);
  trib_table_page_add_custom_column (t, "trademark_registered", _("Trademark"), 130, 1, trademark_text, NULL, NULL);
  trib_table_page_add_column (t, "homepage", NULL, 240, 2);
  trib_table_page_set_search_fields (t, "description");
  trib_table_page_set_form_groups (t, groups);
  return GTK_WIDGET (t);
}

static GtkWidget *
releases_table (TribProductPage *self)
{
  static TribFormGroup groups[3];
  TribTableLabels labels = {
    .add = _("Add Release"), .edit = _("Edit Release"), .remove = _("Delete Release"),
    .empty_title = _("No Releases"),
    .empty_description = _("Add the stable releases of your product and their life cycle"),
    .empty_icon_name = "x-office-calendar-symbolic",
    .search_placeholder = _("Search by version or notes"),
  };
  TribTablePage *t = TRIB_TABLE_PAGE (trib_table_page_new (self->context, TRIB_TYPE_PRODUCT_RELEASE));

  if (groups[0].fields == NULL)
    {
      groups[0] = (TribFormGroup) { _("Release"), "product_id version" };
      groups[1] = (TribFormGroup) { _("Life Cycle"), "ga end_of_maintenance end_of_life" };
    }
  trib_table_page_set_labels (t, &labels);
  trib_table_page_add_custom_column (t, "product_id", _("Product"), 200, 1, product_text, NULL, NULL);
  trib_table_page_add_column (t, "version", NULL, 100, 0);
  trib_table_page_add_column (t, "ga", _("GA"), 120, 2);
  trib_table_page_add_column (t, "end_of_maintenance", NULL, 150, 3);
  trib_table_page_add_column (t, "end_of_life", NULL, 120, 4);
  trib_table_page_set_search_fields (t, "notes");
  trib_table_page_set_form_groups (t, groups);
  return GTK_WIDGET (t);
}

static GtkWidget *
bases_table (TribProductPage *self)
{
  static TribFormGroup groups[2];
  TribTableLabels labels = {
    .add = _("Add Base"), .edit = _("Edit Base"), .remove = _("Delete Base"),
    .empty_title = _("No Upstream Bases"),
    .empty_description = _("Say which upstream version each release is based on, and until when upstream supports it"),
    .empty_icon_name = "view-list-symbolic",
    .search_placeholder = _("Search by upstream version"),
  };
  TribTablePage *t = TRIB_TABLE_PAGE (trib_table_page_new (self->context, TRIB_TYPE_RELEASE_BASE));

  if (groups[0].fields == NULL)
    groups[0] = (TribFormGroup) { _("Base"), "release_id upstream_id upstream_version upstream_eol" };
  trib_table_page_set_labels (t, &labels);
  trib_table_page_add_custom_column (t, "release_id", _("Release"), 220, 0, base_release_text, NULL, NULL);
  trib_table_page_add_custom_column (t, "upstream_id", _("Upstream"), 160, 1, base_upstream_text, NULL, NULL);
  trib_table_page_add_column (t, "upstream_version", NULL, 160, 2);
  trib_table_page_add_column (t, "upstream_eol", NULL, 160, 3);
  trib_table_page_set_form_groups (t, groups);
  return GTK_WIDGET (t);
}

static void
update_lifecycle (TribProductPage *self)
{
  TribLifecycleChart *chart = trib_lifecycle_chart_new (self->plan, NULL);
  g_autofree char *summary = trib_lifecycle_chart_get_summary (chart);

  trib_chart_view_set_summary (self->lifecycle, summary);
  trib_chart_view_set_draw_func (self->lifecycle, trib_lifecycle_chart_draw, chart,
                                 (GDestroyNotify) trib_lifecycle_chart_unref);
}

static void
on_plan_changed_cb (TribPlan        *plan,
                    guint            changes,
                    TribProductPage *self)
{
  if (changes & (TRIB_PLAN_CHANGE_PRODUCT | TRIB_PLAN_CHANGE_PRODUCT_RELEASE))
    update_lifecycle (self);
  if (changes & (TRIB_PLAN_CHANGE_PRODUCT | TRIB_PLAN_CHANGE_PRODUCT_RELEASE | TRIB_PLAN_CHANGE_CERTIFICATION))
    _trib_product_page_queue_matrix (self);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TribProductPage *self = TRIB_PRODUCT_PAGE (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  if (TRIB_IS_TABLE_PAGE (visible))
    gtk_widget_activate_action_variant (visible, action_name, parameter);
  else if (g_str_equal (action_name, "page.add") && self->target_entry != NULL
           && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "certification"))
    gtk_widget_grab_focus (GTK_WIDGET (self->target_entry));
}

static gboolean
grab_focus (GtkWidget *widget)
{
  TribProductPage *self = TRIB_PRODUCT_PAGE (widget);
  return gtk_widget_grab_focus (gtk_stack_get_visible_child (self->stack));
}

static void
trib_product_page_dispose (GObject *object)
{
  TribProductPage *self = TRIB_PRODUCT_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  _trib_product_page_stop_matrix (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (trib_product_page_parent_class)->dispose (object);
}

static void
trib_product_page_class_init (TribProductPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trib_product_page_dispose;
  widget_class->grab_focus = grab_focus;
  gtk_widget_class_install_action (widget_class, "page.add", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, forward_action);
}

static void
trib_product_page_init (TribProductPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

/**
 * trib_product_page_new:
 * @context: the window's page context
 *
 * Returns: (transfer floating): the Product page
 */
GtkWidget *
trib_product_page_new (TribPageContext *context)
{
  TribProductPage *self;
  GtkWidget *switcher;

  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);
  self = g_object_new (TRIB_TYPE_PRODUCT_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (trib_page_context_get_plan (context));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_titled (self->stack, products_table (self), "products", _("Products"));
  gtk_stack_add_titled (self->stack, releases_table (self), "releases", _("Releases"));
  gtk_stack_add_titled (self->stack, bases_table (self), "bases", _("Upstream Bases"));
  gtk_stack_add_titled (self->stack, _trib_product_page_build_matrix (self), "certification",
                        _("Certification"));
  self->lifecycle = TRIB_CHART_VIEW (trib_chart_view_new ());
  trib_chart_view_set_file_name (self->lifecycle, _("Release life cycle"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->lifecycle), 12);
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->lifecycle), "lifecycle", _("Life Cycle"));

  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (self), switcher);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  update_lifecycle (self);
  g_signal_connect (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self);
  return GTK_WIDGET (self);
}

/**
 * trib_product_page_show:
 * @view: "products", "releases", "bases", "certification" or "lifecycle"
 */
void
trib_product_page_show (TribProductPage *self,
                        const char      *view)
{
  g_return_if_fail (TRIB_IS_PRODUCT_PAGE (self));
  gtk_stack_set_visible_child_name (self->stack, view);
}

/**
 * trib_product_page_focus_entity:
 * @entity: a product, release, upstream base or certification
 *
 * Shows the view that edits @entity, with @entity selected (a
 * certification shows the matrix, with the keyboard on its cell).
 *
 * Returns: whether @entity was found
 */
gboolean
trib_product_page_focus_entity (TribProductPage *self,
                                TribEntity      *entity)
{
  const char *view;
  GtkWidget *child;

  g_return_val_if_fail (TRIB_IS_PRODUCT_PAGE (self), FALSE);
  if (TRIB_IS_PRODUCT (entity))
    view = "products";
  else if (TRIB_IS_PRODUCT_RELEASE (entity))
    view = "releases";
  else if (TRIB_IS_RELEASE_BASE (entity))
    view = "bases";
  else if (TRIB_IS_CERTIFICATION (entity))
    {
      TribCertification *cert = TRIB_CERTIFICATION (entity);
      GListModel *releases = trib_plan_get_items (self->plan, TRIB_TYPE_PRODUCT_RELEASE);
      TribEntity *release = trib_plan_lookup (self->plan, TRIB_TYPE_PRODUCT_RELEASE,
                                              trib_certification_get_release_id (cert));
      const char *ga = release ? trib_product_release_get_ga (TRIB_PRODUCT_RELEASE (release)) : NULL;
      guint position = 0;
      GtkWidget *cell;

      gtk_stack_set_visible_child_name (self->stack, "certification");
      /* The matrix orders releases by general availability. */
      for (guint i = 0; release && i < g_list_model_get_n_items (releases); i++)
        {
          g_autoptr(TribProductRelease) r = g_list_model_get_item (releases, i);
          int d = g_strcmp0 (trib_product_release_get_ga (r), ga);
          if (d < 0 || (d == 0 && g_strcmp0 (trib_product_release_get_version (r),
                                             trib_product_release_get_version (TRIB_PRODUCT_RELEASE (release))) < 0))
            position++;
        }
      cell = trib_product_page_get_matrix_cell (self, trib_certification_get_target (cert), position);
      return cell != NULL && gtk_widget_grab_focus (cell);
    }
  else
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, view);
  child = gtk_stack_get_visible_child (self->stack);
  return TRIB_IS_TABLE_PAGE (child) && trib_table_page_focus_entity (TRIB_TABLE_PAGE (child), entity);
}
