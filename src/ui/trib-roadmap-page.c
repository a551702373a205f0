/* trib-roadmap-page.c: the Roadmap page — the timeline and its milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline is the report's drawing (trib-chart-roadmap.c) in a chart
 * view. Milestones are added, edited (Enter, double-click), moved (drag,
 * or Shift+arrows by a week) and deleted (Delete, with an undo toast) here;
 * other items lead to the page of what they were made from.
 */
#define G_LOG_DOMAIN "trib-roadmap-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-roadmap-page.h"
#include "trib-chart-roadmap.h"
#include "trib-chart-view.h"
#include "trib-dates.h"
#include "trib-enums.h"
#include "trib-table-page.h"
#include "trib-window.h"

struct _TribRoadmapPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *scroller;
  GtkWidget *selection_label;
  GtkWidget *link_button;

  TribPageContext  *context;
  TribPlan         *plan;
  GtkWidget        *view;
  TribRoadmap      *roadmap;
  TribRoadmapChart *chart;
  TribRoadmapZoom   zoom;
  int               selected;
  GType             selected_type;
  gint64            selected_id;
  int               drag_item;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribRoadmapPage, trib_roadmap_page, GTK_TYPE_WIDGET)

static const TribRoadmapItem *
selected_item (TribRoadmapPage *self)
{
  if (self->roadmap == NULL || self->selected < 0)
    return NULL;
  return trib_roadmap_get_item (self->roadmap, self->selected);
}

static TribMilestone *
selected_milestone (TribRoadmapPage *self)
{
  const TribRoadmapItem *item = selected_item (self);

  if (item == NULL || item->kind != TRIB_ROADMAP_KIND_MILESTONE)
    return NULL;
  return TRIB_MILESTONE (trib_plan_lookup (self->plan, TRIB_TYPE_MILESTONE, item->entity_id));
}

/* What following the selected item's link shows: its type and id. */
static gboolean
selected_link (TribRoadmapPage *self,
               GType           *type,
               gint64          *id)
{
  const TribRoadmapItem *item = selected_item (self);

  if (item == NULL)
    return FALSE;
  if (item->link_type != G_TYPE_INVALID && item->link_id > 0)
    {
      *type = item->link_type;
      *id = item->link_id;
      return TRUE;
    }
  if (item->kind != TRIB_ROADMAP_KIND_MILESTONE && item->entity_type != G_TYPE_INVALID)
    {
      *type = item->entity_type;
      *id = item->entity_id;
      return TRUE;
    }
  return FALSE;
}

static void
update_selection (TribRoadmapPage *self)
{
  const TribRoadmapItem *item = selected_item (self);
  GType type;
  gint64 id;

  trib_roadmap_chart_set_selected (self->chart, self->selected);
  if (item != NULL)
    {
      g_autofree char *start = trib_roadmap_format_day (item->start);
      g_autofree char *end = trib_roadmap_format_day (item->end);
      g_autofree char *text = item->start == item->end
                              ? g_strdup_printf ("%s — %s", start, item->title)
                              : g_strdup_printf ("%s to %s — %s", start, end, item->title);

      gtk_label_set_text (GTK_LABEL (self->selection_label), text);
      self->selected_type = item->entity_type;
      self->selected_id = item->entity_id;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text, -1);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->selection_label),
                        _("Arrows select, Enter edits, Delete deletes, + and − zoom"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", selected_milestone (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.follow-link", selected_link (self, &type, &id));
  gtk_widget_queue_draw (self->view);
}

static void
scroll_to_selected (TribRoadmapPage *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  TribChartRect r;

  if (self->selected < 0 || !trib_roadmap_chart_get_item_rect (self->chart, self->selected, &r))
    return;
  gtk_adjustment_clamp_page (h, MAX (0, r.x - 40), r.x + MIN (r.width, 300) + 40);
  gtk_adjustment_clamp_page (v, MAX (0, r.y - 20), r.y + r.height + 20);
}

static void
rebuild (TribRoadmapPage *self)
{
  GDateTime *now = g_date_time_new_now_local ();
  GDate today;
  double w, h;

  g_clear_pointer (&self->chart, trib_roadmap_chart_free);
  g_clear_pointer (&self->roadmap, trib_roadmap_free);
  self->roadmap = trib_roadmap_new_for_plan (self->plan);
  self->chart = trib_roadmap_chart_new (self->roadmap, self->zoom, 10);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_time_unref (now);
  trib_roadmap_chart_set_today (self->chart, g_date_get_julian (&today));

  self->selected = self->selected_type != G_TYPE_INVALID
                   ? trib_roadmap_find_entity (self->roadmap, self->selected_type, self->selected_id)
                   : -1;
  trib_roadmap_chart_get_size (self->chart, &w, &h);
  gtk_widget_set_size_request (self->view, (int) w, (int) h);
  update_selection (self);
}

static void
on_changes_settled_cb (TribRoadmapPage *self,
                       guint            changes)
{
  rebuild (self);
}

/* --- selection with the keyboard --- */

static void
select_index (TribRoadmapPage *self,
              int              index)
{
  self->selected = index;
  if (index < 0)
    self->selected_type = G_TYPE_INVALID;
  update_selection (self);
  scroll_to_selected (self);
}

/* Left and right go along a row; up and down to the item nearest in time
 * on the row above or below (lane titles are skipped). */
static int
neighbour (TribRoadmapPage *self,
           int              dx,
           int              dy)
{
  guint n = trib_roadmap_get_n_items (self->roadmap);
  const TribRoadmapItem *cur;
  int best = -1;
  gint64 best_distance = G_MAXINT64;

  if (n == 0)
    return -1;
  if (self->selected < 0)
    return 0;
  cur = trib_roadmap_get_item (self->roadmap, self->selected);
  if (dx != 0)
    {
      int i = self->selected + dx;

      if (i >= 0 && i < (int) n)
        {
          const TribRoadmapItem *next = trib_roadmap_get_item (self->roadmap, i);

          if (next->lane == cur->lane && next->row == cur->row)
            return i;
        }
      return self->selected;
    }

  {
    /* The row above or below, in lane order. */
    int lane = cur->lane, row = cur->row + dy;

    for (;;)
      {
        if (row < 0)
          {
            if (--lane < 0)
              return self->selected;
            row = trib_roadmap_get_n_rows (self->roadmap, lane) - 1;
            continue;
          }
        if (row >= trib_roadmap_get_n_rows (self->roadmap, lane))
          {
            if (++lane >= TRIB_ROADMAP_N_LANES)
              return self->selected;
            row = 0;
            continue;
          }
        for (guint i = 0; i < n; i++)
          {
            const TribRoadmapItem *it = trib_roadmap_get_item (self->roadmap, i);
            gint64 d = ABS ((gint64) it->start - (gint64) cur->start);

            if ((int) it->lane == lane && it->row == row && d < best_distance)
              {
                best = (int) i;
                best_distance = d;
              }
          }
        if (best >= 0)
          return best;
        row += dy;
      }
  }
}

/* --- actions --- */

static void
follow_link (TribRoadmapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_STACK);
  const char *page_name;
  TribEntity *entity;
  GType type;
  gint64 id;

  if (!selected_link (self, &type, &id) || !TRIB_IS_WINDOW (root))
    return;
  if (type == TRIB_TYPE_UPSTREAM)
    page_name = "upstreams";
  else if (type == TRIB_TYPE_PRODUCT_RELEASE)
    page_name = "product";
  else if (type == TRIB_TYPE_SCENARIO)
    page_name = "business-models";
  else
    return;
  entity = trib_plan_lookup (self->plan, type, id);
  trib_window_show_page (TRIB_WINDOW (root), page_name);
  if (stack != NULL && entity != NULL)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), page_name);

      if (page != NULL && TRIB_IS_TABLE_PAGE (page))
        trib_table_page_focus_entity (TRIB_TABLE_PAGE (page), entity);
    }
}

/**
 * trib_roadmap_page_open_form:
 * @self: the page
 * @milestone: (nullable): the milestone to edit, or %NULL to add one
 *
 * Opens the milestone form; a new milestone starts on the selected item's
 * date, or today within the plan's horizon.
 *
 * Returns: (transfer none): the form, shown
 */
TribEntityForm *
trib_roadmap_page_open_form (TribRoadmapPage *self,
                             TribMilestone   *milestone)
{
  GtkWidget *form = trib_entity_form_new (self->context, TRIB_TYPE_MILESTONE,
                                          milestone ? TRIB_ENTITY (milestone) : NULL, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (milestone == NULL)
    {
      const TribRoadmapItem *item = selected_item (self);
      guint32 day = item ? item->start : trib_roadmap_get_first_day (self->roadmap);
      g_autofree char *text = NULL;
      GDate now;

      if (item == NULL)
        {
          g_date_clear (&now, 1);
          g_date_set_time_t (&now, time (NULL));
          if (g_date_get_julian (&now) >= trib_roadmap_get_first_day (self->roadmap)
              && g_date_get_julian (&now) <= trib_roadmap_get_last_day (self->roadmap))
            day = g_date_get_julian (&now);
        }
      text = trib_roadmap_format_day (day);
      trib_entity_form_set_text (TRIB_ENTITY_FORM (form), "date", text);
      if (item != NULL)
        {
          g_auto(GValue) lane = G_VALUE_INIT;

          g_value_init (&lane, TRIB_TYPE_LANE);
          g_value_set_enum (&lane, item->lane);
          trib_entity_form_set_value (TRIB_ENTITY_FORM (form), "lane", &lane);
        }
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (form));
  return TRIB_ENTITY_FORM (form);
}

/**
 * trib_roadmap_page_move_selected:
 * @self: the page
 * @days: how many days later (earlier when negative)
 *
 * Moves the selected milestone, as one step of undo.
 *
 * Returns: whether a milestone was moved
 */
gboolean
trib_roadmap_page_move_selected (TribRoadmapPage *self,
                                 int              days)
{
  TribMilestone *milestone = selected_milestone (self);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GDate date;

  if (milestone == NULL || days == 0 || !trib_date_parse (trib_milestone_get_date (milestone), &date))
    return FALSE;
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, trib_date_format (&date));
  if (!trib_plan_update (self->plan, TRIB_ENTITY (milestone), TRIB_MILESTONE_FIELD_DATE, &value, &error))
    {
      trib_plan_report_error (self->plan, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  trib_roadmap_page_open_form (TRIB_ROADMAP_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (widget);
  TribMilestone *milestone = selected_milestone (self);

  if (milestone != NULL)
    trib_roadmap_page_open_form (self, milestone);
  else
    follow_link (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (widget);
  TribMilestone *milestone = selected_milestone (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (milestone == NULL)
    return;
  /* Translators: a toast after a milestone was deleted */
  title = g_strdup_printf (_("Deleted “%s”"), trib_milestone_get_title (milestone));
  g_object_ref (milestone);
  if (!trib_plan_remove (self->plan, TRIB_ENTITY (milestone), &error))
    trib_plan_report_error (self->plan, error);
  else
    trib_page_context_show_undo_toast (self->context, widget, title);
  g_object_unref (milestone);
}

static void
follow_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  follow_link (TRIB_ROADMAP_PAGE (widget));
}

static void
set_zoom (TribRoadmapPage *self,
          TribRoadmapZoom  zoom)
{
  zoom = CLAMP ((int) zoom, TRIB_ROADMAP_ZOOM_MONTHS, TRIB_ROADMAP_ZOOM_YEARS);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  rebuild (self);
  scroll_to_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (widget);

  set_zoom (self, self->zoom > 0 ? self->zoom - 1 : 0);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (widget);

  set_zoom (self, self->zoom + 1);
}

/* --- pointer and keys --- */

static gboolean
on_key_pressed_cb (TribRoadmapPage       *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (shift)
        return trib_roadmap_page_move_selected (self, keyval == GDK_KEY_Left ? -7 : 7);
      select_index (self, neighbour (self, keyval == GDK_KEY_Left ? -1 : 1, 0));
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      select_index (self, neighbour (self, 0, keyval == GDK_KEY_Up ? -1 : 1));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (state & GDK_ALT_MASK)
        follow_link (self);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "page.edit", NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_activate_action (GTK_WIDGET (self), "page.delete", NULL);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      gtk_widget_activate_action (GTK_WIDGET (self), "page.zoom-in", NULL);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      gtk_widget_activate_action (GTK_WIDGET (self), "page.zoom-out", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_drag_begin_cb (TribRoadmapPage *self,
                  double           x,
                  double           y,
                  GtkGestureDrag  *gesture)
{
  gtk_widget_grab_focus (self->view);
  self->drag_item = trib_roadmap_chart_hit (self->chart, x, y);
  select_index (self, self->drag_item);
}

static void
on_drag_end_cb (TribRoadmapPage *self,
                double           dx,
                double           dy,
                GtkGestureDrag  *gesture)
{
  int days = (int) (dx / trib_roadmap_chart_get_px_per_day (self->chart));

  if (self->drag_item >= 0 && ABS (dx) > 4 && self->drag_item == self->selected)
    trib_roadmap_page_move_selected (self, days);
  self->drag_item = -1;
}

static void
on_pressed_cb (TribRoadmapPage *self,
               int              n_press,
               double           x,
               double           y,
               GtkGestureClick *gesture)
{
  if (n_press == 2 && trib_roadmap_chart_hit (self->chart, x, y) >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "page.edit", NULL);
}

static void
draw_cb (cairo_t              *cr,
         const TribChartStyle *style,
         double                width,
         double                height,
         gpointer              user_data)
{
  TribRoadmapPage *self = user_data;
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  if (self->chart == NULL)
    return;
  /* Only what the window shows (and a screen around it): the roadmap of a
   * large plan is tens of thousands of pixels long. Scrolling redraws. */
  cairo_rectangle (cr, gtk_adjustment_get_value (h) - gtk_adjustment_get_page_size (h),
                   gtk_adjustment_get_value (v) - gtk_adjustment_get_page_size (v),
                   3 * gtk_adjustment_get_page_size (h), 3 * gtk_adjustment_get_page_size (v));
  cairo_clip (cr);
  trib_roadmap_chart_draw (cr, style, width, height, self->chart);
}

/* --- object --- */

static void
trib_roadmap_page_constructed (GObject *object)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (object);

  G_OBJECT_CLASS (trib_roadmap_page_parent_class)->constructed (object);

  self->plan = g_object_ref (trib_page_context_get_plan (self->context));
  g_signal_connect_object (self->plan, "changes-settled", G_CALLBACK (on_changes_settled_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
trib_roadmap_page_dispose (GObject *object)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_ROADMAP_PAGE);
  g_clear_pointer (&self->chart, trib_roadmap_chart_free);
  g_clear_pointer (&self->roadmap, trib_roadmap_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (trib_roadmap_page_parent_class)->dispose (object);
}

static void
trib_roadmap_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_roadmap_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribRoadmapPage *self = TRIB_ROADMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ZOOM:
      if (self->chart != NULL)
        set_zoom (self, g_value_get_int (value));
      else
        self->zoom = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_roadmap_page_class_init (TribRoadmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_roadmap_page_constructed;
  object_class->dispose = trib_roadmap_page_dispose;
  object_class->get_property = trib_roadmap_page_get_property;
  object_class->set_property = trib_roadmap_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TRIB_TYPE_PAGE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, TRIB_ROADMAP_ZOOM_MONTHS, TRIB_ROADMAP_ZOOM_YEARS,
                      TRIB_ROADMAP_ZOOM_QUARTERS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/roadmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribRoadmapPage, box);
  gtk_widget_class_bind_template_child (widget_class, TribRoadmapPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TribRoadmapPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, TribRoadmapPage, link_button);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.follow-link", NULL, follow_link_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_property_action (widget_class, "page.zoom", "zoom");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trib_roadmap_page_init (TribRoadmapPage *self)
{
  GtkEventController *key;
  GtkGesture *drag, *click;

  self->zoom = TRIB_ROADMAP_ZOOM_QUARTERS;
  self->selected = -1;
  self->drag_item = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->view = trib_chart_view_new ();
  gtk_widget_set_focusable (self->view, TRUE);
  gtk_widget_set_halign (self->view, GTK_ALIGN_START);
  gtk_widget_set_valign (self->view, GTK_ALIGN_START);
  trib_chart_view_set_draw_func (TRIB_CHART_VIEW (self->view), draw_cb, self, NULL);
  trib_chart_view_set_file_name (TRIB_CHART_VIEW (self->view), _("Roadmap"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Roadmap timeline"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->view);
  /* The timeline is wider than the window: focusing it must not scroll it
   * to its middle. The page scrolls to the selected item itself. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller))),
                                    FALSE);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "value-changed", G_CALLBACK (gtk_widget_queue_draw), self->view, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "value-changed", G_CALLBACK (gtk_widget_queue_draw), self->view, G_CONNECT_SWAPPED);

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (self->view, key);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (self->view, GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (self->view, GTK_EVENT_CONTROLLER (click));
}

/**
 * trib_roadmap_page_new:
 * @context: the window's page context
 *
 * Returns: (transfer floating): the Roadmap page
 */
GtkWidget *
trib_roadmap_page_new (TribPageContext *context)
{
  return g_object_new (TRIB_TYPE_ROADMAP_PAGE, "context", context, NULL);
}

/**
 * trib_roadmap_page_get_roadmap:
 * @self: the page
 *
 * Returns: (transfer none): the roadmap shown, laid out for the zoom
 */
TribRoadmap *
trib_roadmap_page_get_roadmap (TribRoadmapPage *self)
{
  return self->roadmap;
}

/**
 * trib_roadmap_page_get_view:
 * @self: the page
 *
 * Returns: (transfer none): the timeline widget, which takes the keys
 */
GtkWidget *
trib_roadmap_page_get_view (TribRoadmapPage *self)
{
  return self->view;
}

/**
 * trib_roadmap_page_get_selected:
 * @self: the page
 *
 * Returns: the index of the selected item in the roadmap, or -1
 */
int
trib_roadmap_page_get_selected (TribRoadmapPage *self)
{
  return self->selected;
}

/**
 * trib_roadmap_page_select:
 * @self: the page
 * @index: an item of the roadmap, or -1
 */
void
trib_roadmap_page_select (TribRoadmapPage *self,
                          int              index)
{
  g_return_if_fail (index < (int) trib_roadmap_get_n_items (self->roadmap));
  select_index (self, index);
}
