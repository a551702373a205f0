/* trib-table-page-columns.c: the columns, cells, row caches and words of a table page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cells never compute more than a label from one entity. What sorting and
 * searching need is cached on each row (RowCache): a click on a header
 * sorts by that column and then by every column clicked before, so one
 * sort of 5,000 rows makes hundreds of thousands of comparisons; reading a
 * number here instead of going through the entity, and collating each text
 * once instead of once per comparison, keeps it within a frame. Every
 * change to the plan makes the caches stale.
 */
#define G_LOG_DOMAIN "trib-table-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-labels.h"
#include "trib-table-page-private.h"

typedef struct
{
  guint    generation;
  guint    n_columns;
  double  *numbers;   /* numeric columns */
  char   **texts;     /* the texts the keys were made from */
  char   **keys;      /* collation keys of text columns */
  char    *search;    /* case-folded text the search looks in, made on demand */
} RowCache;

void
_trib_table_column_free (gpointer data)
{
  TribTableColumn *column = data;

  g_clear_object (&column->column);
  g_free (column->signal);
  g_free (column);
}

static void
row_cache_free (gpointer data)
{
  RowCache *cache = data;

  for (guint i = 0; i < cache->n_columns; i++)
    {
      g_free (cache->texts[i]);
      g_free (cache->keys[i]);
    }
  g_free (cache->numbers);
  g_free (cache->texts);
  g_free (cache->keys);
  g_free (cache->search);
  g_free (cache);
}

static gboolean
is_numeric (TribTablePage   *self,
            TribTableColumn *column)
{
  TribFieldKind kind;

  if (column->field < 0)
    return FALSE;
  kind = self->klass->fields[column->field].kind;
  return kind == TRIB_FIELD_INT || kind == TRIB_FIELD_DOUBLE || kind == TRIB_FIELD_BOOL ||
         kind == TRIB_FIELD_ENUM;
}

static char *
field_text (TribTablePage *self,
            TribEntity    *entity,
            int            field)
{
  const TribField *f = &self->klass->fields[field];
  const GValue *value = trib_entity_peek_value (entity, field);
  g_autofree char *text = NULL;

  switch (f->kind)
    {
    case TRIB_FIELD_ENUM:
      return g_strdup (trib_enum_get_label (f->enum_type (), g_value_get_enum (value)));
    case TRIB_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
    case TRIB_FIELD_REF:
      {
        TribEntity *target = trib_plan_lookup (self->plan, f->ref_type (), g_value_get_int64 (value));

        return target ? trib_entity_get_title (target) : g_strdup ("—");
      }
    case TRIB_FIELD_STRING:
    case TRIB_FIELD_TEXT:
    case TRIB_FIELD_URL:
    case TRIB_FIELD_DATE:
    case TRIB_FIELD_DATETIME:
    case TRIB_FIELD_QUARTER:
    case TRIB_FIELD_INT:
    case TRIB_FIELD_DOUBLE:
    case TRIB_FIELD_STRV:
    case TRIB_FIELD_INTV:
    case TRIB_FIELD_DICT:
    default:
      text = trib_field_to_display (f, value);
      if (f->kind == TRIB_FIELD_TEXT)
        /* One line of it: the cell is one line. */
        text[strcspn (text, "\n")] = '\0';
      return text[0] ? g_steal_pointer (&text) : g_strdup ("—");
    }
}

static char *
cell_text (TribTableColumn *column,
           TribEntity      *entity)
{
  if (column->text_func != NULL)
    return column->text_func (entity, column->user_data);
  return field_text (column->page, entity, column->field);
}

static void
update_key (char       **source,
            char       **key,
            const char  *text)
{
  g_autofree char *folded = NULL;

  if (*key != NULL && g_strcmp0 (*source, text) == 0)
    return;
  folded = g_utf8_casefold (text ? text : "", -1);
  g_free (*source);
  g_free (*key);
  *source = g_strdup (text);
  *key = g_utf8_collate_key (folded, -1);
}

static RowCache *
row_cache (TribTablePage *self,
           TribEntity    *entity)
{
  RowCache *cache;

  /* No type check here: this runs for every comparison. */
  cache = g_object_get_qdata ((GObject *) entity, self->cache_quark);
  if (G_LIKELY (cache != NULL && cache->generation == self->generation &&
                cache->n_columns == self->columns->len))
    return cache;

  if (cache == NULL || cache->n_columns != self->columns->len)
    {
      cache = g_new0 (RowCache, 1);
      cache->n_columns = self->columns->len;
      cache->numbers = g_new0 (double, cache->n_columns);
      cache->texts = g_new0 (char *, cache->n_columns);
      cache->keys = g_new0 (char *, cache->n_columns);
      g_object_set_qdata_full (G_OBJECT (entity), self->cache_quark, cache, row_cache_free);
    }
  cache->generation = self->generation;
  for (guint i = 0; i < self->columns->len; i++)
    {
      TribTableColumn *column = g_ptr_array_index (self->columns, i);

      if (column->external)
        continue;
      if (is_numeric (self, column))
        {
          const GValue *value = trib_entity_peek_value (entity, column->field);

          if (G_VALUE_HOLDS_INT (value))
            cache->numbers[i] = g_value_get_int (value);
          else if (G_VALUE_HOLDS_DOUBLE (value))
            cache->numbers[i] = g_value_get_double (value);
          else if (G_VALUE_HOLDS_BOOLEAN (value))
            cache->numbers[i] = g_value_get_boolean (value);
          else
            /* Enumerations are declared in their natural order (above →
             * below, adopt → build in house): sort by value, not label. */
            cache->numbers[i] = g_value_get_enum (value);
        }
      else
        {
          /* Collating is the costly part: only redone for a text that changed. */
          g_autofree char *text = cell_text (column, entity);

          update_key (&cache->texts[i], &cache->keys[i], text);
        }
    }
  g_clear_pointer (&cache->search, g_free);
  return cache;
}

const char *
_trib_table_page_search_text (TribTablePage *self,
                              TribEntity    *entity)
{
  RowCache *cache = row_cache (self, entity);

  if (cache->search == NULL)
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      g_auto(GStrv) extra = g_strsplit (self->search_fields ? self->search_fields : "", " ", -1);

      /* Joined by newlines, which a one-line search cannot match across. */
      for (guint i = 0; i < self->columns->len; i++)
        {
          TribTableColumn *column = g_ptr_array_index (self->columns, i);
          g_autofree char *text = NULL;

          if (column->external)
            continue;
          text = cell_text (column, entity);
          g_string_append_printf (joined, "%s\n", text);
        }
      for (guint i = 0; extra[i] != NULL; i++)
        {
          int field = extra[i][0] ? trib_entity_class_find_field (self->klass, extra[i]) : -1;

          if (field >= 0)
            {
              g_autofree char *text = field_text (self, entity, field);

              g_string_append_printf (joined, "%s\n", text);
            }
        }
      cache->search = g_utf8_casefold (joined->str, -1);
    }
  return cache->search;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  TribTableColumn *column = user_data;
  TribTablePage *self = column->page;
  const RowCache *x = row_cache (self, (TribEntity *) a);
  const RowCache *y = row_cache (self, (TribEntity *) b);
  guint i = column->index;
  int result;

  if (is_numeric (self, column))
    result = x->numbers[i] < y->numbers[i] ? -1 : x->numbers[i] > y->numbers[i] ? 1 : 0;
  else
    result = strcmp (x->keys[i], y->keys[i]);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_cell (GtkListItem *list_item)
{
  TribEntity *entity = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  TribTableColumn *column = g_object_get_data (G_OBJECT (list_item), "trib-column");
  g_autofree char *text = NULL;

  if (entity == NULL || label == NULL)
    return;

  text = cell_text (column, entity);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (column->description_func != NULL)
    {
      g_autofree char *description = column->description_func (entity, column->user_data);

      /* Stars and symbols read badly aloud. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
}

/* Tooltips are computed when asked for: setting one on every bind costs a
 * round trip to the display server in GTK 4.8, which made re-sorting
 * thousands of rows visibly slow. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget   *label,
                          int          x,
                          int          y,
                          gboolean     keyboard,
                          GtkTooltip  *tooltip,
                          GtkListItem *list_item)
{
  TribEntity *entity = gtk_list_item_get_item (list_item);
  TribTableColumn *column = g_object_get_data (G_OBJECT (list_item), "trib-column");

  if (entity == NULL)
    return FALSE;
  if (column->description_func != NULL)
    {
      g_autofree char *text = column->description_func (entity, column->user_data);

      if (text != NULL && text[0] != '\0')
        {
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
    }
  if (gtk_label_get_layout (GTK_LABEL (label)) != NULL &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    {
      /* Show what the ellipsis hides. */
      gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
      return TRUE;
    }
  return FALSE;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     TribTableColumn          *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "trib-column", column);
  /* How a row's widget is found again to give it the focus. */
  g_object_set_data (G_OBJECT (label), "trib-list-item", list_item);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    TribTableColumn          *column)
{
  GObject *source = column->signal ? gtk_list_item_get_item (list_item)
                                   : G_OBJECT (column->page->plan);
  gulong handler;

  /* Edits and undo change an entity in place: the cell follows its one
   * property (or, for a reference or a computed text, the plan) for as
   * long as it shows that entity. The factory unbinds a cell before it is
   * destroyed, so a plain connection is safe here. */
  handler = g_signal_connect_swapped (source, column->signal ? column->signal : "changed",
                                      G_CALLBACK (update_cell), list_item);
  g_object_set_data (G_OBJECT (list_item), "trib-source", source);
  g_object_set_data (G_OBJECT (list_item), "trib-handler", GSIZE_TO_POINTER (handler));
  update_cell (list_item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      TribTableColumn          *column)
{
  GObject *source = g_object_get_data (G_OBJECT (list_item), "trib-source");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "trib-handler"));

  if (source != NULL && handler != 0)
    g_signal_handler_disconnect (source, handler);
  g_object_set_data (G_OBJECT (list_item), "trib-source", NULL);
  g_object_set_data (G_OBJECT (list_item), "trib-handler", NULL);
}

static void
append_column (TribTablePage    *self,
               TribTableColumn  *column,
               const char       *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter =
    GTK_SORTER (gtk_custom_sorter_new (compare_cb, column, NULL));
  gboolean first = self->columns->len == 0;

  column->page = self;
  column->index = self->columns->len;
  if (column->field >= 0 && self->klass->fields[column->field].kind != TRIB_FIELD_REF &&
      column->text_func == NULL)
    column->signal = g_strconcat ("notify::", self->klass->pspecs[column->field]->name, NULL);
  else if (column->field >= 0 && column->text_func != NULL)
    column->signal = g_strconcat ("notify::", self->klass->pspecs[column->field]->name, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), column);

  column->column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column->column, sorter);
  gtk_column_view_column_set_resizable (column->column, TRUE);
  /* Fixed widths spare the column view from measuring every cell of a
   * column to size it; the first column takes what is left. */
  gtk_column_view_column_set_fixed_width (column->column, column->width);
  gtk_column_view_column_set_expand (column->column, first);
  g_ptr_array_add (self->columns, column);
  gtk_column_view_append_column (self->column_view, column->column);

  /* Sorted by the first column from the start, as people scan a list. */
  if (first)
    gtk_column_view_sort_by_column (self->column_view, column->column, GTK_SORT_ASCENDING);
  self->generation++;
}

/**
 * trib_table_page_add_column:
 * @field: the name of a field of the page's entity type
 * @title: (nullable): the column's title; %NULL for the field's label
 * @width: the column's width in pixels (the first column also takes what
 *   is left)
 * @priority: 0 for a column always shown; the higher, the sooner the
 *   column is hidden when the page is narrow
 *
 * Adds a column showing @field: enumerations by their labels, references
 * by the title of what they refer to. The table sorts by it when its
 * header is clicked, and the search looks in it.
 */
void
trib_table_page_add_column (TribTablePage *self,
                            const char    *field,
                            const char    *title,
                            int            width,
                            guint          priority)
{
  TribTableColumn *column;
  int index;

  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));
  g_return_if_fail (field != NULL);

  index = trib_entity_class_find_field (self->klass, field);
  g_return_if_fail (index >= 0);

  column = g_new0 (TribTableColumn, 1);
  column->field = index;
  column->width = width;
  column->priority = priority;
  append_column (self, column, title ? title : _(self->klass->fields[index].label));
}

/**
 * trib_table_page_add_custom_column:
 * @field: (nullable): the field the column sorts by and follows; %NULL to
 *   sort by the text and follow every change to the plan
 * @title: the column's title
 * @width: the column's width in pixels
 * @priority: as for trib_table_page_add_column()
 * @text_func: the text of a cell
 * @description_func: (nullable): the tooltip and spoken text of a cell
 *   ("Importance 4 of 5" for ★★★★☆)
 * @user_data: passed to the functions
 *
 * Adds a column whose text the page computes.
 */
void
trib_table_page_add_custom_column (TribTablePage     *self,
                                   const char        *field,
                                   const char        *title,
                                   int                width,
                                   guint              priority,
                                   TribTableCellFunc  text_func,
                                   TribTableCellFunc  description_func,
                                   gpointer           user_data)
{
  TribTableColumn *column;
  int index = -1;

  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));
  g_return_if_fail (title != NULL && text_func != NULL);

  if (field != NULL)
    {
      index = trib_entity_class_find_field (self->klass, field);
      g_return_if_fail (index >= 0);
    }
  column = g_new0 (TribTableColumn, 1);
  column->field = index;
  column->width = width;
  column->priority = priority;
  column->text_func = text_func;
  column->description_func = description_func;
  column->user_data = user_data;
  append_column (self, column, title);
}

/**
 * trib_table_page_add_view_column:
 * @column: a column the page made itself (cells that are not text: a
 *   badge, a chart), with a fixed width
 * @priority: as for trib_table_page_add_column()
 * @position: where among the columns, -1 for the end
 *
 * Adds @column to the table: the page sorts and draws it as it set it up,
 * and the table shows or hides it by its priority when the page is narrow,
 * like its own columns.
 */
void
trib_table_page_add_view_column (TribTablePage       *self,
                                 GtkColumnViewColumn *column,
                                 guint                priority,
                                 int                  position)
{
  TribTableColumn *entry;

  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  entry = g_new0 (TribTableColumn, 1);
  entry->page = self;
  entry->index = self->columns->len;
  entry->field = -1;
  entry->width = MAX (gtk_column_view_column_get_fixed_width (column), 0);
  entry->priority = priority;
  entry->external = TRUE;
  entry->column = g_object_ref (column);
  g_ptr_array_add (self->columns, entry);
  if (position < 0)
    gtk_column_view_append_column (self->column_view, column);
  else
    gtk_column_view_insert_column (self->column_view, (guint) position, column);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Shows the columns that fit, most important first: at 400 px the name
 * and the one or two columns that matter stay, instead of scrolling them
 * off the side. */
gboolean
_trib_table_page_choose_columns (TribTablePage *self,
                int            width,
                gboolean       apply)
{
  GListModel *all = gtk_column_view_get_columns (self->column_view);
  gboolean changed = FALSE;
  gboolean full = FALSE;
  int used = 0;
  guint max_priority = 0;

  /* Columns a page added to the view itself keep their place and width. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (all, i);
      gboolean ours = FALSE;

      for (guint j = 0; !ours && j < self->columns->len; j++)
        ours = ((TribTableColumn *) g_ptr_array_index (self->columns, j))->column == column;
      if (!ours && gtk_column_view_column_get_visible (column))
        used += MAX (gtk_column_view_column_get_fixed_width (column), 0);
    }

  for (guint i = 0; i < self->columns->len; i++)
    max_priority = MAX (max_priority, ((TribTableColumn *) g_ptr_array_index (self->columns, i))->priority);

  for (guint p = 0; p <= max_priority; p++)
    for (guint i = 0; i < self->columns->len; i++)
      {
        TribTableColumn *column = g_ptr_array_index (self->columns, i);
        gboolean visible;

        if (column->priority != p)
          continue;
        /* Once a column does not fit, no less important one is shown. */
        visible = p == 0 || (!full && used + column->width <= width);
        if (visible)
          used += column->width;
        else
          full = TRUE;
        if (gtk_column_view_column_get_visible (column->column) == visible)
          continue;
        changed = TRUE;
        if (apply)
          gtk_column_view_column_set_visible (column->column, visible);
      }
  return changed;
}

gboolean
_trib_table_page_apply_columns_cb (gpointer user_data)
{
  TribTablePage *self = user_data;

  self->columns_idle = 0;
  _trib_table_page_choose_columns (self, self->columns_width, TRUE);
  return G_SOURCE_REMOVE;
}

gboolean
_trib_table_page_find (TribTablePage *self,
                       TribEntity    *entity,
                       guint         *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribEntity) item = g_list_model_get_item (model, i);

      if (item == entity)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
list_view (TribTablePage *self)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      return c;
  return NULL;
}

/* Gives the focus to the widget of @entity's row, if the list made one. */
static gboolean
focus_row_widget (TribTablePage *self,
                  TribEntity    *entity)
{
  GtkWidget *list = list_view (self);

  for (GtkWidget *row = list ? gtk_widget_get_first_child (list) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *label = cell ? gtk_widget_get_first_child (cell) : NULL;
      GtkListItem *item = label ? g_object_get_data (G_OBJECT (label), "trib-list-item") : NULL;

      if (item != NULL && gtk_widget_get_visible (row) && gtk_list_item_get_item (item) == entity)
        return gtk_widget_grab_focus (row);
    }
  return FALSE;
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  TribTablePage *self = TRIB_TABLE_PAGE (widget);
  guint position;

  /* The row gets its widget at the layout after the scroll: a few frames. */
  if (self->focus_target == NULL || !_trib_table_page_find (self, self->focus_target, &position) ||
      focus_row_widget (self, self->focus_target) || ++self->focus_tries > 10)
    {
      g_clear_object (&self->focus_target);
      self->focus_tries = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * trib_table_page_focus_entity:
 *
 * Selects @entity, scrolls to it and gives its row the keyboard focus, so
 * that Enter edits it and Delete deletes it. Does nothing when the search
 * hides it.
 *
 * Returns: whether @entity is shown
 */
gboolean
trib_table_page_focus_entity (TribTablePage *self,
                              TribEntity    *entity)
{
  GtkWidget *list;
  guint position;

  g_return_val_if_fail (TRIB_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (TRIB_IS_ENTITY (entity), FALSE);

  if (!_trib_table_page_find (self, entity, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  list = list_view (self);
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (focus_row_widget (self, entity))
    return TRUE;

  if (self->focus_target == NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
  g_set_object (&self->focus_target, entity);
  self->focus_tries = 0;
  return TRUE;
}

static void
set_action_button (GtkWidget  *button,
                   const char *label,
                   const char *shortcut)
{
  /* Translators: a button's tooltip, "Add Upstream (Ctrl+Shift+A)" */
  g_autofree char *tooltip = g_strdup_printf (_("%s (%s)"), label, shortcut);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * trib_table_page_set_labels:
 * @labels: the words of the table; %NULL members keep generic words
 *
 * Sets what the buttons, the search and the empty table say.
 */
void
trib_table_page_set_labels (TribTablePage         *self,
                            const TribTableLabels *labels)
{
  const char *plural;

  g_return_if_fail (TRIB_IS_TABLE_PAGE (self));
  g_return_if_fail (labels != NULL);

  plural = trib_entity_type_get_plural (self->entity_type);
  g_free (self->add_label);
  g_free (self->edit_label);
  self->add_label = g_strdup (labels->add ? labels->add : _("Add"));
  self->edit_label = g_strdup (labels->edit ? labels->edit : _("Edit"));

  set_action_button (self->add_button, self->add_label, _("Ctrl+Shift+A"));
  set_action_button (self->edit_button, self->edit_label, _("Enter"));
  set_action_button (self->delete_button, labels->remove ? labels->remove : _("Delete"),
                     C_("key", "Delete"));
  {
    g_autofree char *mnemonic = g_strconcat ("_", self->add_label, NULL);

    gtk_button_set_label (self->empty_add_button, mnemonic);
    gtk_button_set_use_underline (self->empty_add_button, TRUE);
  }
  if (labels->empty_title)
    adw_status_page_set_title (self->empty_page, labels->empty_title);
  else
    {
      /* Translators: an empty table, "No Upstreams" */
      g_autofree char *title = g_strdup_printf (_("No %s"), plural);

      adw_status_page_set_title (self->empty_page, title);
    }
  adw_status_page_set_description (self->empty_page, labels->empty_description);
  if (labels->empty_icon_name)
    adw_status_page_set_icon_name (self->empty_page, labels->empty_icon_name);
  g_object_set (self->search_entry, "placeholder-text",
                labels->search_placeholder ? labels->search_placeholder : _("Search"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  labels->search_placeholder ? labels->search_placeholder : _("Search"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plural, -1);
}
