/* trib-upstreams-page.c: the table of the plan's upstreams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan's live list of upstreams goes through a sort (the column
 * headers), a filter (the search) and a single selection into a
 * GtkColumnView, which only creates widgets for the rows on screen: a plan
 * of thousands of upstreams costs a few dozen labels. Cells never compute
 * more than a label from one property; what sorting and searching need is
 * cached on each upstream (see RowCache).
 */
#define G_LOG_DOMAIN "trib-upstreams-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-upstreams-page.h"
#include "trib-upstream-editor.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_FORGE,
  COLUMN_LAYER,
  COLUMN_IMPORTANCE,
  COLUMN_DECISION,
  COLUMN_LICENSE,
  N_COLUMNS
} Column;

/* The property each column shows; a cell listens to that one only. */
static const char * const column_properties[N_COLUMNS] = {
  "name", "forge", "layer", "importance", "decision", "license",
};

struct _TribUpstreamsPage
{
  AdwBin              parent_instance;

  TribPlan           *plan;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  char               *search;      /* case-folded search text, NULL for none */

  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (TribUpstreamsPage, trib_upstreams_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
cell_text (TribUpstream *upstream,
           Column        column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (trib_upstream_get_name (upstream));
    case COLUMN_FORGE:
      if (trib_upstream_get_forge (upstream) == TRIB_FORGE_NONE)
        return g_strdup ("—");
      return g_strdup (trib_forge_get_label (trib_upstream_get_forge (upstream)));
    case COLUMN_LAYER:
      return g_strdup (trib_layer_get_label (trib_upstream_get_layer (upstream)));
    case COLUMN_IMPORTANCE:
      {
        static const char stars[] = "★★★★★☆☆☆☆☆";
        int n = CLAMP (trib_upstream_get_importance (upstream), 0, 5);
        const gsize star = strlen ("★");

        /* n filled stars, then 5 - n empty ones: a window into the string. */
        return g_strndup (stars + (5 - n) * star, 5 * star);
      }
    case COLUMN_DECISION:
      return g_strdup (trib_decision_get_label (trib_upstream_get_decision (upstream)));
    case COLUMN_LICENSE:
      {
        const char *license = trib_upstream_get_license (upstream);
        return g_strdup (license && license[0] ? license : "—");
      }
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (GtkListItem *list_item)
{
  TribUpstream *upstream = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "trib-column"));
  g_autofree char *text = NULL;

  if (upstream == NULL || label == NULL)
    return;

  text = cell_text (upstream, column);
  gtk_label_set_text (GTK_LABEL (label), text);

  if (column == COLUMN_IMPORTANCE)
    {
      char description[32];

      /* Stars read badly aloud. */
      g_snprintf (description, sizeof description,
                  /* Translators: the importance of an upstream, "4 of 5" */
                  _("%d of 5"), trib_upstream_get_importance (upstream));
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
  TribUpstream *upstream = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "trib-column"));

  if (upstream == NULL)
    return FALSE;

  if (column == COLUMN_IMPORTANCE)
    {
      g_autofree char *text =
        g_strdup_printf (_("Importance %d of 5"), trib_upstream_get_importance (upstream));
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  if (column == COLUMN_NAME && trib_upstream_get_repository (upstream) != NULL)
    {
      gtk_tooltip_set_text (tooltip, trib_upstream_get_repository (upstream));
      return TRUE;
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
on_item_notify_cb (GtkListItem *list_item)
{
  update_cell (list_item);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_IMPORTANCE)
    gtk_widget_add_css_class (label, "accent");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), list_item);
  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "trib-column", user_data);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GObject *upstream = gtk_list_item_get_item (list_item);
  g_autofree char *signal = g_strconcat ("notify::", column_properties[column], NULL);
  gulong handler;

  /* Edits and undo change an upstream in place: the cell follows its one
   * property for as long as it shows that upstream. The factory unbinds a
   * cell before it is destroyed, so a plain connection is safe here. */
  handler = g_signal_connect_swapped (upstream, signal, G_CALLBACK (on_item_notify_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "trib-handler", GSIZE_TO_POINTER (handler));
  update_cell (list_item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GObject *upstream = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "trib-handler"));

  if (upstream != NULL && handler != 0)
    g_signal_handler_disconnect (upstream, handler);
  g_object_set_data (G_OBJECT (list_item), "trib-handler", NULL);
}

/* What sorting and searching read, kept on each upstream. A click on a
 * header sorts by that column and then by every column clicked before, so
 * one sort of 5,000 rows makes hundreds of thousands of comparisons:
 * reading a few ints here instead of going through the entity getters, and
 * collating each text once instead of once per sort, keeps it within a
 * frame. Every change to the plan makes the caches stale. */
typedef struct
{
  guint  generation;
  int    values[N_COLUMNS];   /* enums and importance */
  char  *name;                /* the texts the keys were made from */
  char  *name_key;
  char  *license;
  char  *license_key;
  char  *search;              /* case-folded text the search looks in, made on demand */
} RowCache;

static guint cache_generation = 1;

static void
row_cache_free (gpointer data)
{
  RowCache *cache = data;

  g_free (cache->name);
  g_free (cache->name_key);
  g_free (cache->license);
  g_free (cache->license_key);
  g_free (cache->search);
  g_free (cache);
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
row_cache (TribUpstream *upstream)
{
  static GQuark quark;
  RowCache *cache;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("trib-upstreams-page-row-cache");

  /* No type check here: this runs for every comparison. */
  cache = g_object_get_qdata ((GObject *) upstream, quark);
  if (G_LIKELY (cache != NULL && cache->generation == cache_generation))
    return cache;

  if (cache == NULL)
    {
      cache = g_new0 (RowCache, 1);
      g_object_set_qdata_full (G_OBJECT (upstream), quark, cache, row_cache_free);
    }
  cache->generation = cache_generation;
  cache->values[COLUMN_FORGE] = trib_upstream_get_forge (upstream);
  cache->values[COLUMN_LAYER] = trib_upstream_get_layer (upstream);
  cache->values[COLUMN_IMPORTANCE] = trib_upstream_get_importance (upstream);
  cache->values[COLUMN_DECISION] = trib_upstream_get_decision (upstream);
  /* Collating is the costly part: only redone for a text that changed. */
  update_key (&cache->name, &cache->name_key, trib_upstream_get_name (upstream));
  update_key (&cache->license, &cache->license_key, trib_upstream_get_license (upstream));
  g_clear_pointer (&cache->search, g_free);
  return cache;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  const RowCache *x = row_cache ((TribUpstream *) a);
  const RowCache *y = row_cache ((TribUpstream *) b);
  int result;

  switch (column)
    {
    case COLUMN_NAME:
      result = strcmp (x->name_key, y->name_key);
      break;
    case COLUMN_LICENSE:
      result = strcmp (x->license_key, y->license_key);
      break;
    /* The enums are declared in their natural order (above → below, adopt
     * → build in house): sort by value, not by translated label. */
    case COLUMN_FORGE:
    case COLUMN_LAYER:
    case COLUMN_IMPORTANCE:
    case COLUMN_DECISION:
      result = x->values[column] - y->values[column];
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_columns (TribUpstreamsPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Name"), _("Forge"), _("Layer"), _("Importance"), _("Decision"), _("Licence"),
  };
  /* Fixed widths spare the column view from measuring every cell of a
   * column to size it; the name column takes what is left. */
  const int widths[N_COLUMNS] = { 220, 90, 170, 110, 140, 160 };

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter =
        GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (c), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), GINT_TO_POINTER (c));

      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, widths[c]);
      gtk_column_view_column_set_expand (column, c == COLUMN_NAME);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TribUpstreamsPage *self = user_data;
  TribUpstream *upstream = item;
  RowCache *cache;

  if (self->search == NULL)
    return TRUE;

  cache = row_cache (upstream);
  if (cache->search == NULL)
    {
      const char *repository = trib_upstream_get_repository (upstream);
      const char *license = trib_upstream_get_license (upstream);
      /* Joined by newlines, which a one-line search cannot match across. */
      g_autofree char *joined =
        g_strjoin ("\n", trib_upstream_get_name (upstream), repository ? repository : "",
                   license ? license : "",
                   trib_decision_get_label (trib_upstream_get_decision (upstream)), NULL);

      cache->search = g_utf8_casefold (joined, -1);
    }
  return strstr (cache->search, self->search) != NULL;
}

static void
update_state (TribUpstreamsPage *self)
{
  guint total = g_list_model_get_n_items (trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM));
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
    /* Translators: the number of upstreams the search shows, "3 of 12" */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = g_strdup_printf (ngettext ("%u upstream", "%u upstreams", total), total);
  gtk_label_set_text (self->count_label, total > 0 ? count : "");
  /* Nothing to search in an empty plan. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0 || filtering);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "upstreams.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "upstreams.delete", selected);
}

static void
add_toast (TribUpstreamsPage *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_debug ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
on_editor_saved_cb (TribUpstreamsPage *self,
                    TribUpstream      *upstream)
{
  trib_upstreams_page_select (self, upstream);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
open_editor (TribUpstreamsPage *self,
             TribUpstream      *upstream)
{
  GtkWidget *editor = trib_upstream_editor_new (self->plan, upstream);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Entities of @type that name @upstream: deleting it takes them along. */
static guint
count_dependents (TribPlan     *plan,
                  GType         type,
                  TribUpstream *upstream)
{
  GListModel *items = trib_plan_get_items (plan, type);
  gint64 id = trib_entity_get_id (TRIB_ENTITY (upstream));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TribEntity) item = g_list_model_get_item (items, i);

      if (trib_entity_get_ref (item, "upstream_id") == id)
        n++;
    }
  return n;
}

static char *
describe_deletion (const char *name,
                   guint       n_investments,
                   guint       n_patches)
{
  g_autofree char *investments =
    g_strdup_printf (ngettext ("%u investment", "%u investments", n_investments), n_investments);
  g_autofree char *patches =
    g_strdup_printf (ngettext ("%u patch", "%u patches", n_patches), n_patches);

  if (n_investments > 0 && n_patches > 0)
    /* Translators: "Deleted “etcd” with 12 investments and 3 patches" */
    return g_strdup_printf (_("Deleted “%s” with %s and %s"), name, investments, patches);
  if (n_investments > 0 || n_patches > 0)
    /* Translators: "Deleted “etcd” with 3 patches" */
    return g_strdup_printf (_("Deleted “%s” with %s"), name,
                            n_investments > 0 ? investments : patches);
  /* Translators: "Deleted “etcd”" */
  return g_strdup_printf (_("Deleted “%s”"), name);
}

static void
delete_selected (TribUpstreamsPage *self)
{
  TribUpstream *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(TribUpstream) upstream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  guint position, n_investments, n_patches;
  AdwToast *toast;

  if (selected == NULL)
    return;

  upstream = g_object_ref (selected);
  position = gtk_single_selection_get_selected (self->selection);
  /* Count before removing: afterwards the dependents are gone. */
  n_investments = count_dependents (self->plan, TRIB_TYPE_INVESTMENT, upstream);
  n_patches = count_dependents (self->plan, TRIB_TYPE_PATCH, upstream);

  if (!trib_plan_remove (self->plan, TRIB_ENTITY (upstream), &error))
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      toast = adw_toast_new (message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      add_toast (self, toast);
      return;
    }

  /* Keep the keyboard where it was: select the row that took its place. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->selection)) - 1));

  title = describe_deletion (trib_upstream_get_name (upstream), n_investments, n_patches);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo in the toast means "undo this deletion", not whatever was done
   * last: the window's undo-change checks the step it is given. */
  adw_toast_set_action_name (toast, "win.undo-change");
  adw_toast_set_action_target_value (toast, g_variant_new_string (trib_plan_get_undo_label (self->plan)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (TRIB_UPSTREAMS_PAGE (widget), NULL);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (widget);
  TribUpstream *upstream = gtk_single_selection_get_selected_item (self->selection);

  if (upstream != NULL)
    open_editor (self, upstream);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  delete_selected (TRIB_UPSTREAMS_PAGE (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed_cb (TribUpstreamsPage *self)
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
on_search_activate_cb (TribUpstreamsPage *self)
{
  /* Enter in the search goes to the first match, ready for Enter to edit. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_stop_search_cb (TribUpstreamsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_column_view_activate_cb (TribUpstreamsPage *self,
                            guint              position)
{
  g_autoptr(TribUpstream) upstream = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                            position);

  if (upstream != NULL)
    {
      gtk_single_selection_set_selected (self->selection, position);
      open_editor (self, upstream);
    }
}

static void
on_plan_changed_cb (TribUpstreamsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  /* An edit or undo changes upstreams in place, which a sort or filter
   * model cannot see: re-run them. Added and removed rows they see already. */
  cache_generation++;
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (self->search != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_model_changed_cb (TribUpstreamsPage *self)
{
  update_state (self);
}

static void
trib_upstreams_page_constructed (GObject *object)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (object);
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  GListModel *upstreams;

  G_OBJECT_CLASS (trib_upstreams_page_parent_class)->constructed (object);

  g_assert (TRIB_IS_PLAN (self->plan));
  upstreams = trib_plan_get_items (self->plan, TRIB_TYPE_UPSTREAM);

  add_columns (self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  /* Sort, then filter: a search only hides rows of the sorted list, and a
   * click on a header sorts the plan's list once, whatever the search. */
  self->sort_model = gtk_sort_list_model_new (g_object_ref (upstreams),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (upstreams, "items-changed", G_CALLBACK (on_model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_model_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_model_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Start sorted by name, as people scan a list of projects. */
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), COLUMN_NAME);
  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
  update_state (self);
}

static void
trib_upstreams_page_dispose (GObject *object)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_UPSTREAMS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (trib_upstreams_page_parent_class)->dispose (object);
}

static void
trib_upstreams_page_finalize (GObject *object)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (object);

  g_free (self->search);

  G_OBJECT_CLASS (trib_upstreams_page_parent_class)->finalize (object);
}

static void
trib_upstreams_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (object);

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
trib_upstreams_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TribUpstreamsPage *self = TRIB_UPSTREAMS_PAGE (object);

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
trib_upstreams_page_class_init (TribUpstreamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_upstreams_page_constructed;
  object_class->dispose = trib_upstreams_page_dispose;
  object_class->finalize = trib_upstreams_page_finalize;
  object_class->get_property = trib_upstreams_page_get_property;
  object_class->set_property = trib_upstreams_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TRIB_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/upstreams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TribUpstreamsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "upstreams.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "upstreams.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "upstreams.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "upstreams.search", NULL, search_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "upstreams.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "upstreams.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "upstreams.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "upstreams.search", NULL);
}

static void
trib_upstreams_page_init (TribUpstreamsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_upstreams_page_new:
 *
 * Returns: a page listing the upstreams of @plan, with search, sorting and
 * the add, edit and delete actions.
 */
GtkWidget *
trib_upstreams_page_new (TribPlan *plan)
{
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  return g_object_new (TRIB_TYPE_UPSTREAMS_PAGE, "plan", plan, NULL);
}

TribPlan *
trib_upstreams_page_get_plan (TribUpstreamsPage *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAMS_PAGE (self), NULL);

  return self->plan;
}

/**
 * trib_upstreams_page_get_model:
 *
 * Returns: (transfer none): the rows as shown: searched and sorted.
 */
GListModel *
trib_upstreams_page_get_model (TribUpstreamsPage *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAMS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * trib_upstreams_page_get_selected:
 *
 * Returns: (nullable) (transfer none): the selected upstream.
 */
TribUpstream *
trib_upstreams_page_get_selected (TribUpstreamsPage *self)
{
  g_return_val_if_fail (TRIB_IS_UPSTREAMS_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * trib_upstreams_page_select:
 *
 * Selects @upstream if the search shows it.
 */
void
trib_upstreams_page_select (TribUpstreamsPage *self,
                            TribUpstream      *upstream)
{
  GListModel *model;

  g_return_if_fail (TRIB_IS_UPSTREAMS_PAGE (self));
  g_return_if_fail (TRIB_IS_UPSTREAM (upstream));

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribUpstream) item = g_list_model_get_item (model, i);

      if (item == upstream)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
