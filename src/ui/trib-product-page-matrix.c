/* trib-product-page-matrix.c: the certification matrix, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (hardware, operating systems, clouds, partner software) down,
 * releases across; in each cell the status of that target for that
 * release and whether it is promised to customers. Choosing a status adds
 * the certification, changes it, or ("Not planned") removes it: each one
 * undoable step. The grid is rebuilt after a change, in an idle, and the
 * keyboard goes back to the cell it was in.
 */
#define G_LOG_DOMAIN "trib-product-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-product-page-private.h"

typedef struct
{
  char           *target;
  TribTargetKind  kind;
} Target;

static void
target_free (Target *t)
{
  g_free (t->target);
  g_free (t);
}

static int
compare_releases (gconstpointer a,
                  gconstpointer b)
{
  TribProductRelease *ra = *(TribProductRelease **) a, *rb = *(TribProductRelease **) b;
  int d = g_strcmp0 (trib_product_release_get_ga (ra), trib_product_release_get_ga (rb));

  return d != 0 ? d : g_strcmp0 (trib_product_release_get_version (ra), trib_product_release_get_version (rb));
}

static TribCertification *
find_cert (TribPlan           *plan,
           TribProductRelease *release,
           const char         *target)
{
  GListModel *certs = trib_plan_get_items (plan, TRIB_TYPE_CERTIFICATION);
  gint64 id = trib_entity_get_id (TRIB_ENTITY (release));

  for (guint i = 0; i < g_list_model_get_n_items (certs); i++)
    {
      g_autoptr(TribCertification) c = g_list_model_get_item (certs, i);
      if (trib_certification_get_release_id (c) == id && g_str_equal (trib_certification_get_target (c), target))
        return c; /* the plan keeps it */
    }
  return NULL;
}

static void
report (TribProductPage *self,
        const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  trib_page_context_add_toast (self->context, GTK_WIDGET (self), adw_toast_new (escaped));
}

static void
on_status_selected_cb (GtkDropDown     *dropdown,
                       GParamSpec      *pspec,
                       TribProductPage *self)
{
  TribProductRelease *release = g_object_get_data (G_OBJECT (dropdown), "release");
  Target *target = g_object_get_data (G_OBJECT (dropdown), "target");
  guint selected = gtk_drop_down_get_selected (dropdown);
  TribCertification *cert;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->matrix_updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  cert = find_cert (self->plan, release, target->target);
  self->matrix_focus_row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "row"));
  self->matrix_focus_col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "col"));
  if (selected == 0)
    {
      if (cert != NULL)
        ok = trib_plan_remove (self->plan, TRIB_ENTITY (cert), &error);
    }
  else if (cert != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((guint) trib_certification_get_status (cert) == selected - 1)
        return;
      g_value_init (&value, TRIB_TYPE_CERT_STATUS);
      g_value_set_enum (&value, (int) selected - 1);
      ok = trib_plan_update (self->plan, TRIB_ENTITY (cert), TRIB_CERTIFICATION_FIELD_STATUS, &value, &error);
    }
  else
    {
      g_autoptr(TribCertification) added = trib_certification_new ();
      TribEntity *e = TRIB_ENTITY (added);

      ok = trib_entity_set_ref (e, "release_id", trib_entity_get_id (TRIB_ENTITY (release)), &error)
           && trib_entity_set_string (e, "target", target->target, &error)
           && trib_entity_set_enum (e, "kind", target->kind, &error)
           && trib_entity_set_enum (e, "status", (int) selected - 1, &error)
           && trib_entity_set_bool (e, "promised", FALSE, &error)
           && trib_plan_add (self->plan, e, &error);
    }
  if (!ok)
    {
      report (self, error);
      _trib_product_page_queue_matrix (self);
    }
}

static void
on_promised_toggled_cb (GtkCheckButton  *check,
                        TribProductPage *self)
{
  TribProductRelease *release = g_object_get_data (G_OBJECT (check), "release");
  Target *target = g_object_get_data (G_OBJECT (check), "target");
  TribCertification *cert;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->matrix_updating)
    return;
  cert = find_cert (self->plan, release, target->target);
  if (cert == NULL)
    return;
  self->matrix_focus_row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "row"));
  self->matrix_focus_col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "col")) + 1000;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_check_button_get_active (check));
  if (!trib_plan_update (self->plan, TRIB_ENTITY (cert), TRIB_CERTIFICATION_FIELD_PROMISED, &value, &error))
    {
      report (self, error);
      _trib_product_page_queue_matrix (self);
    }
}

static void
on_add_target_cb (TribProductPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_entry))));
  GListModel *releases = trib_plan_get_items (self->plan, TRIB_TYPE_PRODUCT_RELEASE);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TribCertification) cert = NULL;
  g_autoptr(GError) error = NULL;
  TribProductRelease *latest;

  for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (releases, i));
  if (*name == '\0')
    {
      trib_page_context_add_toast (self->context, GTK_WIDGET (self),
                                   adw_toast_new (_("Name the target first: a server, an operating system, a cloud or partner software.")));
      return;
    }
  if (sorted->len == 0)
    {
      trib_page_context_add_toast (self->context, GTK_WIDGET (self),
                                   adw_toast_new (_("Add a release first: targets are certified per release.")));
      return;
    }
  g_ptr_array_sort (sorted, compare_releases);
  latest = g_ptr_array_index (sorted, sorted->len - 1);
  cert = trib_certification_new ();
  if (!trib_entity_set_ref (TRIB_ENTITY (cert), "release_id", trib_entity_get_id (TRIB_ENTITY (latest)), &error)
      || !trib_entity_set_string (TRIB_ENTITY (cert), "target", name, &error)
      || !trib_entity_set_enum (TRIB_ENTITY (cert), "kind",
                                (int) gtk_drop_down_get_selected (self->kind_dropdown), &error)
      || !trib_plan_add (self->plan, TRIB_ENTITY (cert), &error))
    {
      report (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->target_entry), "");
}

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static gboolean
rebuild_matrix (gpointer data)
{
  TribProductPage *self = data;
  GListModel *certs = trib_plan_get_items (self->plan, TRIB_TYPE_CERTIFICATION);
  GListModel *releases = trib_plan_get_items (self->plan, TRIB_TYPE_PRODUCT_RELEASE);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child, *focus = NULL;
  const char *statuses[6] = { NULL };

  self->matrix_idle = 0;
  self->matrix_updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matrix))) != NULL)
    gtk_grid_remove (self->matrix, child);
  g_ptr_array_set_size (self->targets, 0);

  statuses[0] = _("Not planned");
  for (int s = TRIB_CERT_STATUS_PLANNED; s <= TRIB_CERT_STATUS_FAILED; s++)
    statuses[s + 1] = trib_enum_get_label (TRIB_TYPE_CERT_STATUS, s);
  for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (releases, i));
  g_ptr_array_sort (sorted, compare_releases);
  for (guint i = 0; i < g_list_model_get_n_items (certs); i++)
    {
      g_autoptr(TribCertification) c = g_list_model_get_item (certs, i);
      const char *name = trib_certification_get_target (c);
      Target *t;

      if (g_hash_table_contains (seen, name))
        continue;
      t = g_new0 (Target, 1);
      t->target = g_strdup (name);
      t->kind = trib_certification_get_kind (c);
      g_ptr_array_add (self->targets, t);
      g_hash_table_add (seen, t->target);
    }

  gtk_grid_attach (self->matrix, header_label (_("Target")), 0, 0, 1, 1);
  gtk_grid_attach (self->matrix, header_label (_("Kind")), 1, 0, 1, 1);
  for (guint r = 0; r < sorted->len; r++)
    {
      TribProductRelease *release = g_ptr_array_index (sorted, r);
      TribEntity *product = trib_plan_lookup (self->plan, TRIB_TYPE_PRODUCT,
                                              trib_product_release_get_product_id (release));
      g_autofree char *title = product ? trib_entity_get_title (product) : g_strdup ("");
      g_autofree char *text = g_strdup_printf ("%s %s", title, trib_product_release_get_version (release));
      gtk_grid_attach (self->matrix, header_label (text), 2 + (int) r, 0, 1, 1);
    }

  for (guint t = 0; t < self->targets->len; t++)
    {
      Target *target = g_ptr_array_index (self->targets, t);
      GtkWidget *name = gtk_label_new (target->target);
      GtkWidget *kind = gtk_label_new (trib_enum_get_label (TRIB_TYPE_TARGET_KIND, target->kind));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_grid_attach (self->matrix, name, 0, 1 + (int) t, 1, 1);
      gtk_grid_attach (self->matrix, kind, 1, 1 + (int) t, 1, 1);
      for (guint r = 0; r < sorted->len; r++)
        {
          TribProductRelease *release = g_ptr_array_index (sorted, r);
          TribCertification *cert = find_cert (self->plan, release, target->target);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *dropdown = gtk_drop_down_new_from_strings (statuses);
          GtkWidget *check = gtk_check_button_new ();
          g_autofree char *label = NULL;
          g_autofree char *check_label = NULL;
          GtkWidget *release_header = gtk_grid_get_child_at (self->matrix, 2 + (int) r, 0);

          label = g_strdup_printf (_("%s in %s"), target->target,
                                   gtk_label_get_text (GTK_LABEL (release_header)));
          /* Translators: target, then release */
          check_label = g_strdup_printf (_("%s promised to customers"), label);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                      cert ? (guint) trib_certification_get_status (cert) + 1 : 0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), cert && trib_certification_get_promised (cert));
          gtk_widget_set_sensitive (check, cert != NULL);
          gtk_widget_set_tooltip_text (check, _("Promised to customers"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
          if (cert && trib_certification_get_promised (cert)
              && trib_certification_get_status (cert) != TRIB_CERT_STATUS_CERTIFIED)
            gtk_widget_add_css_class (dropdown, "warning");
          for (guint k = 0; k < 2; k++)
            {
              GObject *w = G_OBJECT (k == 0 ? dropdown : check);
              g_object_set_data_full (w, "release", g_object_ref (release), g_object_unref);
              g_object_set_data (w, "target", target);
              g_object_set_data (w, "row", GINT_TO_POINTER (t));
              g_object_set_data (w, "col", GINT_TO_POINTER (r));
            }
          g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
          g_signal_connect (check, "toggled", G_CALLBACK (on_promised_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), dropdown);
          gtk_box_append (GTK_BOX (box), check);
          gtk_grid_attach (self->matrix, box, 2 + (int) r, 1 + (int) t, 1, 1);
          if ((int) t == self->matrix_focus_row && (int) r == self->matrix_focus_col)
            focus = dropdown;
          else if ((int) t == self->matrix_focus_row && (int) r + 1000 == self->matrix_focus_col)
            focus = check;
        }
    }
  gtk_stack_set_visible_child_name (self->matrix_stack, self->targets->len ? "matrix" : "empty");
  self->matrix_updating = FALSE;
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->matrix_focus_row = self->matrix_focus_col = -1;
  return G_SOURCE_REMOVE;
}

void
_trib_product_page_queue_matrix (TribProductPage *self)
{
  if (self->matrix_idle == 0)
    self->matrix_idle = g_idle_add (rebuild_matrix, self);
}

void
_trib_product_page_stop_matrix (TribProductPage *self)
{
  g_clear_handle_id (&self->matrix_idle, g_source_remove);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
}

GtkWidget *
_trib_product_page_build_matrix (TribProductPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("_Add Target"));
  GtkWidget *empty = adw_status_page_new ();
  const char *kinds[5] = { NULL };

  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  self->matrix_focus_row = self->matrix_focus_col = -1;
  for (int k = TRIB_TARGET_KIND_HARDWARE; k <= TRIB_TARGET_KIND_SOFTWARE; k++)
    kinds[k] = trib_enum_get_label (TRIB_TYPE_TARGET_KIND, k);

  self->matrix = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->matrix, 6);
  gtk_grid_set_column_spacing (self->matrix, 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->matrix), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->matrix), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->matrix), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matrix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Certification matrix"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->matrix));
  gtk_widget_set_vexpand (scroller, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Certification Targets"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the servers, operating systems, clouds and partner software "
                                     "each release is tested and certified against."));
  self->matrix_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->matrix_stack, scroller, "matrix");
  gtk_stack_add_named (self->matrix_stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->matrix_stack), TRUE);

  self->target_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->target_entry, _("New target, e.g. Dell PowerEdge R760"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New target"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->target_entry), TRUE);
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of target"), -1);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (on_add_target_cb), self);
  g_signal_connect_swapped (self->target_entry, "activate", G_CALLBACK (on_add_target_cb), self);
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->target_entry));
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (add_box), add_button);
  gtk_widget_set_margin_start (add_box, 12);
  gtk_widget_set_margin_end (add_box, 12);
  gtk_widget_set_margin_bottom (add_box, 12);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->matrix_stack));
  gtk_box_append (GTK_BOX (box), add_box);
  rebuild_matrix (self);
  return box;
}

/**
 * trib_product_page_get_matrix_cell:
 * @target: a target's name
 * @release: a release's position, by general availability
 *
 * Returns: (transfer none) (nullable): the status drop-down of that cell
 */
GtkWidget *
trib_product_page_get_matrix_cell (TribProductPage *self,
                                   const char      *target,
                                   guint            release)
{
  g_return_val_if_fail (TRIB_IS_PRODUCT_PAGE (self), NULL);
  for (guint t = 0; t < self->targets->len; t++)
    if (g_str_equal (((Target *) g_ptr_array_index (self->targets, t))->target, target))
      {
        GtkWidget *box = gtk_grid_get_child_at (self->matrix, 2 + (int) release, 1 + (int) t);
        return box ? gtk_widget_get_first_child (box) : NULL;
      }
  return NULL;
}
