/* trib-upstreams-page.c: the table of the plan's upstreams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TribTablePage of upstreams with what only upstreams have: importance
 * as stars, the forge read from the repository address while it is typed
 * (until someone picks one), and a warning when another upstream already
 * has the repository being entered.
 */
#define G_LOG_DOMAIN "trib-upstreams-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-enums.h"
#include "trib-health-column.h"
#include "trib-labels.h"
#include "trib-rules.h"
#include "trib-upstreams-page.h"

static char *
name_text (TribEntity *entity,
           gpointer    user_data)
{
  return g_strdup (trib_upstream_get_name (TRIB_UPSTREAM (entity)));
}

static char *
repository_text (TribEntity *entity,
                 gpointer    user_data)
{
  return g_strdup (trib_upstream_get_repository (TRIB_UPSTREAM (entity)));
}

static char *
forge_text (TribEntity *entity,
            gpointer    user_data)
{
  TribForge forge = trib_upstream_get_forge (TRIB_UPSTREAM (entity));

  return g_strdup (forge == TRIB_FORGE_NONE ? "—" : trib_enum_get_label (TRIB_TYPE_FORGE, forge));
}

static char *
importance_text (TribEntity *entity,
                 gpointer    user_data)
{
  static const char stars[] = "★★★★★☆☆☆☆☆";
  int n = CLAMP (trib_upstream_get_importance (TRIB_UPSTREAM (entity)), 0, 5);
  const gsize star = strlen ("★");

  /* n filled stars, then 5 - n empty ones: a window into the string. */
  return g_strndup (stars + (5 - n) * star, 5 * star);
}

static char *
importance_description (TribEntity *entity,
                        gpointer    user_data)
{
  /* Translators: the importance of an upstream, "Importance 4 of 5" */
  return g_strdup_printf (_("Importance %d of 5"), trib_upstream_get_importance (TRIB_UPSTREAM (entity)));
}

static TribUpstream *
find_same_repository (TribPlan     *plan,
                      TribUpstream *self,
                      const char   *repository)
{
  g_autofree char *key = trib_repository_key (repository);
  GListModel *upstreams = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);

  if (key == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (upstreams); i++)
    {
      g_autoptr(TribUpstream) other = g_list_model_get_item (upstreams, i);
      g_autofree char *other_key = NULL;

      if (other == self || trib_upstream_get_repository (other) == NULL)
        continue;
      other_key = trib_repository_key (trib_upstream_get_repository (other));
      if (g_strcmp0 (key, other_key) == 0)
        return other;
    }
  return NULL;
}

static void
on_repository_changed_cb (TribEntityForm *form,
                          const char     *field,
                          TribPlan       *plan)
{
  g_autofree char *repository = trib_entity_form_get_text (form, "repository");
  TribUpstream *same;

  /* The forge follows the address until someone picks one. */
  if (!trib_entity_form_is_user_set (form, "forge") &&
      g_object_get_data (G_OBJECT (form), "trib-forge-chosen") == NULL)
    {
      g_auto(GValue) forge = G_VALUE_INIT;

      g_value_init (&forge, TRIB_TYPE_FORGE);
      g_value_set_enum (&forge, trib_forge_from_url (repository));
      trib_entity_form_set_value (form, "forge", &forge);
    }

  same = find_same_repository (plan, TRIB_UPSTREAM (trib_entity_form_get_entity (form)), repository);
  if (same != NULL)
    {
      g_autofree char *warning =
        /* Translators: another upstream has the repository being typed */
        g_strdup_printf (_("“%s” has this repository too. Both will be listed, and their "
                           "statistics fetched twice: save only if that is what you mean."),
                         trib_upstream_get_name (same));

      trib_entity_form_set_warning (form, "repository", warning);
    }
  else
    trib_entity_form_set_warning (form, "repository", NULL);
}

static void
on_form_created_cb (TribTablePage  *page,
                    TribEntityForm *form)
{
  TribUpstream *upstream = TRIB_UPSTREAM (trib_entity_form_get_entity (form));
  TribPlan *plan = trib_page_context_get_plan (trib_table_page_get_context (page));

  if (upstream != NULL)
    {
      const char *last_error = trib_upstream_get_last_error (upstream);

      /* A forge that disagrees with the address was chosen by someone: keep it. */
      if (trib_upstream_get_forge (upstream) != trib_forge_from_url (trib_upstream_get_repository (upstream)))
        g_object_set_data (G_OBJECT (form), "trib-forge-chosen", GINT_TO_POINTER (TRUE));
      if (last_error != NULL && last_error[0] != '\0')
        {
          /* Translators: the error of the last statistics refresh */
          g_autofree char *warning = g_strdup_printf (_("Last refresh failed: %s"), last_error);

          trib_entity_form_set_warning (form, "forge", warning);
        }
    }
  g_signal_connect_object (form, "changed::repository", G_CALLBACK (on_repository_changed_cb),
                           plan, G_CONNECT_DEFAULT);
}

/**
 * trib_upstreams_page_new:
 * @context: the page context
 *
 * Returns: a #TribTablePage of the plan's upstreams.
 */
GtkWidget *
trib_upstreams_page_new (TribPageContext *context)
{
  static TribFormGroup groups[3];
  TribTableLabels labels = {
    .add = _("Add Upstream"),
    .edit = _("Edit Upstream"),
    .remove = _("Delete Upstream"),
    .empty_title = _("No Upstreams"),
    .empty_description = _("Add the open source projects your product is built on"),
    .empty_icon_name = "package-x-generic-symbolic",
    .search_placeholder = _("Search by name, repository, licence or decision"),
  };
  GtkWidget *widget;
  TribTablePage *page;

  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (context), NULL);

  if (groups[0].fields == NULL)
    {
      groups[0] = (TribFormGroup) { _("Project"), "name repository forge homepage license purls" };
      groups[1] = (TribFormGroup) { _("Strategy"), "layer importance decision intermediary" };
    }

  widget = trib_table_page_new (context, TRIB_TYPE_UPSTREAM);
  page = TRIB_TABLE_PAGE (widget);
  trib_table_page_set_labels (page, &labels);
  /* In a 400 px window the name, the decision and the importance stay. */
  trib_table_page_add_custom_column (page, "name", _("Name"), 150, 0, name_text, repository_text,
                                     NULL);
  trib_table_page_add_custom_column (page, "forge", _("Forge"), 90, 4, forge_text, NULL, NULL);
  trib_table_page_add_column (page, "layer", NULL, 170, 3);
  trib_table_page_add_custom_column (page, "importance", _("Importance"), 90, 2, importance_text,
                                     importance_description, NULL);
  trib_table_page_add_column (page, "decision", NULL, 110, 1);
  trib_table_page_add_column (page, "license", NULL, 160, 5);
  trib_table_page_set_search_fields (page, "repository");
  trib_table_page_set_form_groups (page, groups);
  g_signal_connect (page, "form-created", G_CALLBACK (on_form_created_cb), NULL);
  gtk_widget_add_css_class (widget, "trib-upstreams");
  trib_health_attach (page);
  return widget;
}
