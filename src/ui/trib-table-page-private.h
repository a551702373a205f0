/* trib-table-page-private.h: what the files of TribTablePage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-table-page.h"

G_BEGIN_DECLS

typedef struct
{
  TribTablePage       *page;
  guint                index;            /* among the page's columns */
  int                  field;            /* in the entity's field table, or -1 */
  int                  width;
  guint                priority;         /* 0: always shown; higher: hidden first */
  TribTableCellFunc    text_func;        /* NULL: the field's value */
  TribTableCellFunc    description_func; /* tooltip and accessible text, or NULL */
  gpointer             user_data;
  char                *signal;           /* "notify::name", what a cell follows */
  gboolean             external;         /* a page's own column: only shown or hidden here */
  GtkColumnViewColumn *column;
} TribTableColumn;

struct _TribTablePage
{
  AdwBin               parent_instance;

  TribPageContext     *context;
  TribPlan            *plan;
  GType                entity_type;
  TribEntityClass     *klass;
  GListModel          *items;
  GPtrArray           *columns;         /* TribTableColumn */
  const TribFormGroup *form_groups;
  char                *search_fields;
  char                *add_label;
  char                *edit_label;
  GQuark               cache_quark;     /* each row's sort and search cache */
  guint                generation;      /* bumped by every change to the plan */

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  char                *search;          /* case-folded search text, NULL for none */

  guint                columns_idle;    /* shows the columns that fit this width */
  int                  columns_width;
  TribEntity          *focus_target;    /* a row to focus once it has a widget */
  guint                focus_tries;

  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkWidget           *add_button;
  GtkWidget           *edit_button;
  GtkWidget           *delete_button;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_add_button;
};

void        _trib_table_column_free        (gpointer       data);
const char *_trib_table_page_search_text   (TribTablePage *self,
                                            TribEntity    *entity);
gboolean    _trib_table_page_choose_columns (TribTablePage *self,
                                            int            width,
                                            gboolean       apply);
gboolean    _trib_table_page_apply_columns_cb (gpointer    user_data);
gboolean    _trib_table_page_find          (TribTablePage *self,
                                            TribEntity    *entity,
                                            guint         *position);

G_END_DECLS
