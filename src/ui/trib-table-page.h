/* trib-table-page.h: a searchable, sortable table of one entity type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-entity-form.h"
#include "trib-page-context.h"

G_BEGIN_DECLS

/* The words of one table; every string is translated by the caller and
 * copied. */
typedef struct
{
  const char *add;                /* "Add Upstream": button, form title */
  const char *edit;               /* "Edit Upstream" */
  const char *remove;             /* "Delete Upstream" */
  const char *empty_title;        /* "No Upstreams" */
  const char *empty_description;  /* what to add, and why */
  const char *empty_icon_name;
  const char *search_placeholder; /* "Search by name, repository, …" */
} TribTableLabels;

/* Text of a custom cell, a newly allocated string. */
typedef char *(*TribTableCellFunc) (TribEntity *entity,
                                    gpointer    user_data);

#define TRIB_TYPE_TABLE_PAGE (trib_table_page_get_type ())

G_DECLARE_FINAL_TYPE (TribTablePage, trib_table_page, TRIB, TABLE_PAGE, AdwBin)

GtkWidget       *trib_table_page_new               (TribPageContext       *context,
                                                    GType                  entity_type);
TribPageContext *trib_table_page_get_context       (TribTablePage         *self);
GType            trib_table_page_get_entity_type   (TribTablePage         *self);
void             trib_table_page_set_labels        (TribTablePage         *self,
                                                    const TribTableLabels *labels);
void             trib_table_page_add_column        (TribTablePage         *self,
                                                    const char            *field,
                                                    const char            *title,
                                                    int                    width,
                                                    guint                  priority);
void             trib_table_page_add_custom_column (TribTablePage         *self,
                                                    const char            *field,
                                                    const char            *title,
                                                    int                    width,
                                                    guint                  priority,
                                                    TribTableCellFunc      text_func,
                                                    TribTableCellFunc      description_func,
                                                    gpointer               user_data);
void             trib_table_page_add_view_column   (TribTablePage         *self,
                                                    GtkColumnViewColumn   *column,
                                                    guint                  priority,
                                                    int                    position);
void             trib_table_page_set_search_fields (TribTablePage         *self,
                                                    const char            *fields);
void             trib_table_page_set_items         (TribTablePage         *self,
                                                    GListModel            *items);
void             trib_table_page_set_form_groups   (TribTablePage         *self,
                                                    const TribFormGroup   *groups);

GListModel      *trib_table_page_get_model         (TribTablePage         *self);
TribEntity      *trib_table_page_get_selected      (TribTablePage         *self);
void             trib_table_page_select            (TribTablePage         *self,
                                                    TribEntity            *entity);
gboolean         trib_table_page_focus_entity      (TribTablePage         *self,
                                                    TribEntity            *entity);
TribEntityForm  *trib_table_page_open_form         (TribTablePage         *self,
                                                    TribEntity            *entity);
gboolean         trib_table_page_delete_selected   (TribTablePage         *self);

G_END_DECLS
