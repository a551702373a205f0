/* trib-window-keys.c: the window's shortcuts that act on the visible page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+F, Ctrl+Shift+A, Enter and Delete mean "search", "add", "open" and
 * "delete" on whatever page is shown, wherever the focus is: in the
 * sidebar, in the page's search entry, on a row. The widgets that hold the
 * focus would take those keys first (a search entry selects all on
 * Ctrl+Shift+A, a list row swallows Delete), so the window listens in the
 * capture phase, before them, and passes each key on to the page's
 * actions (page.search, page.add, page.delete) when it means that there.
 *
 * Ctrl+Z and Ctrl+Shift+Z undo the plan, not the text of the entry that has
 * the focus, once that text is committed: undoing it in the entry would
 * leave the screen and the plan disagreeing. Only a field typed into since
 * the plan last changed keeps its own text undo (the window notices the
 * typing; a page can also say so with trib_editable_set_uncommitted()). A
 * search is never part of an undo the person can see.
 */
#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include "trib-table-page.h"
#include "trib-window-private.h"

typedef enum
{
  KEY_SEARCH,
  KEY_ADD,
  KEY_ENTER,
  KEY_DELETE,
  KEY_UNDO,
  KEY_REDO,
} Key;

/* The field typed into since the plan last changed, if any. */
typedef struct
{
  GtkWidget *widget;
} Typing;

static void
typing_free (gpointer data)
{
  Typing *typing = data;

  g_clear_weak_pointer (&typing->widget);
  g_free (typing);
}

static Typing *
get_typing (TribWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "trib-typing");
}

static gboolean
is_text (GtkWidget *widget)
{
  return widget != NULL && (GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget)) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY) == NULL;
}

static gboolean
on_key_typed_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 TribWindow            *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean command = (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0;

  /* Characters, deletions and pastes change the text; shortcuts and
   * moves do not. */
  if (!is_text (focus))
    return FALSE;
  if (command ? (keyval == GDK_KEY_v || keyval == GDK_KEY_x)
              : (gdk_keyval_to_unicode (keyval) != 0 || keyval == GDK_KEY_BackSpace ||
                 keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete))
    g_set_weak_pointer (&get_typing (self)->widget, focus);
  return FALSE;
}

static void
on_plan_changed_cb (TribWindow *self)
{
  /* What was typed has been committed (or the plan moved on): its text
   * undo would now contradict the plan. */
  g_clear_weak_pointer (&get_typing (self)->widget);
}

static gboolean
is_within (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && ancestor != NULL &&
         (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Whether Delete in @entry would delete nothing: then it means the row. */
static gboolean
nothing_to_delete (GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL))
    return FALSE;
  return gtk_editable_get_position (GTK_EDITABLE (entry)) >= (int) g_utf8_strlen (text, -1);
}

/* The first table shown under @widget. */
static GtkWidget *
find_table (GtkWidget *widget)
{
  if (TRIB_IS_TABLE_PAGE (widget))
    return gtk_widget_get_mapped (widget) ? widget : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *table = find_table (c);

      if (table != NULL)
        return table;
    }
  return NULL;
}

/* Activates @action on the part of @page the key is for: the table that
 * has the focus, else the page (whose own actions a page of several
 * tables provides), else the first table it shows. */
static gboolean
activate_on_page (GtkWidget  *page,
                  GtkWidget  *focus,
                  const char *action)
{
  GtkWidget *table = focus ? gtk_widget_get_ancestor (focus, TRIB_TYPE_TABLE_PAGE) : NULL;

  if (table != NULL && is_within (table, page))
    return gtk_widget_activate_action (table, action, NULL);
  if (gtk_widget_activate_action (page, action, NULL))
    return TRUE;
  table = find_table (page);
  return table != NULL && gtk_widget_activate_action (table, action, NULL);
}

static gboolean
on_page_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  TribWindow *self = TRIB_WINDOW (widget);
  Key key = GPOINTER_TO_INT (user_data);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = _trib_window_get_visible_page_widget (self);
  GtkWidget *entry;

  /* A menu or a popover has the keyboard: the keys are its own. */
  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;

  switch (key)
    {
    case KEY_SEARCH:
      return activate_on_page (page, focus, "page.search");

    case KEY_ADD:
      return activate_on_page (page, focus, "page.add");

    case KEY_ENTER:
      /* In the sidebar, Enter goes into the page, to its selected row:
       * the next Enter opens it. */
      if (!is_within (focus, GTK_WIDGET (self->sidebar_list)))
        return FALSE;
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_grab_focus (page);
      return TRUE;

    case KEY_DELETE:
      if (is_within (focus, GTK_WIDGET (self->sidebar_list)))
        return activate_on_page (page, NULL, "page.delete");
      entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
      if (entry != NULL && is_within (entry, page) && nothing_to_delete (entry))
        return activate_on_page (page, focus, "page.delete");
      return FALSE;

    case KEY_UNDO:
    case KEY_REDO:
      if (focus != NULL && (trib_editable_get_uncommitted (focus) ||
                            (focus == get_typing (self)->widget && is_text (focus))))
        return FALSE;
      gtk_widget_activate_action (widget, key == KEY_UNDO ? "win.undo" : "win.redo", NULL);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              Key                    key)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (on_page_key_cb,
                                                                                   GINT_TO_POINTER (key),
                                                                                   NULL)));
}

void
_trib_window_add_page_shortcuts (TribWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_f, GDK_CONTROL_MASK, KEY_SEARCH);
  add_shortcut (shortcuts, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, KEY_ADD);
  add_shortcut (shortcuts, GDK_KEY_Return, 0, KEY_ENTER);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, 0, KEY_ENTER);
  add_shortcut (shortcuts, GDK_KEY_Delete, 0, KEY_DELETE);
  add_shortcut (shortcuts, GDK_KEY_KP_Delete, 0, KEY_DELETE);
  add_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK, KEY_UNDO);
  add_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, KEY_REDO);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_object_set_data_full (G_OBJECT (self), "trib-typing", g_new0 (Typing, 1), typing_free);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_typed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_object (self->plan, "notify::undo-label", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
