/* trib-page-context.c: what every page of a plan window is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page is created with a context instead of reaching for its window: the
 * plan, the window's cancellable (cancelled when the window closes, so
 * nothing a page starts outlives it) and the application's one forge
 * service, which stays NULL until the forge layer provides it.
 */
#define G_LOG_DOMAIN "trib-page-context"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-page-context.h"

struct _TribPageContext
{
  GObject       parent_instance;

  TribPlan     *plan;
  GCancellable *cancellable;
  GObject      *forge_service;
};

G_DEFINE_FINAL_TYPE (TribPageContext, trib_page_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CANCELLABLE,
  PROP_FORGE_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An undo toast and the plan it speaks of, until one of them goes. */
typedef struct
{
  AdwToast *toast;
  TribPlan *plan;
  gulong    handler;
} UndoToast;

static void
undo_toast_free (gpointer data)
{
  UndoToast *undo = data;

  g_clear_signal_handler (&undo->handler, undo->plan);
  g_clear_object (&undo->plan);
  g_free (undo);
}

static void
on_undo_state_changed_cb (TribPlan   *plan,
                          GParamSpec *pspec,
                          UndoToast  *undo)
{
  /* The step the toast names is no longer the last one (it was undone, or
   * something came after it): its Undo would now mean something else. */
  g_clear_signal_handler (&undo->handler, undo->plan);
  adw_toast_dismiss (undo->toast);
}

static void
on_undo_toast_dismissed_cb (AdwToast  *toast,
                            UndoToast *undo)
{
  g_clear_signal_handler (&undo->handler, undo->plan);
}

static void
trib_page_context_dispose (GObject *object)
{
  TribPageContext *self = TRIB_PAGE_CONTEXT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->forge_service);

  G_OBJECT_CLASS (trib_page_context_parent_class)->dispose (object);
}

static void
trib_page_context_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribPageContext *self = TRIB_PAGE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, self->cancellable);
      break;
    case PROP_FORGE_SERVICE:
      g_value_set_object (value, self->forge_service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_page_context_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribPageContext *self = TRIB_PAGE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_CANCELLABLE:
      self->cancellable = g_value_dup_object (value);
      if (self->cancellable == NULL)
        self->cancellable = g_cancellable_new ();
      break;
    case PROP_FORGE_SERVICE:
      trib_page_context_set_forge_service (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_page_context_class_init (TribPageContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_page_context_dispose;
  object_class->get_property = trib_page_context_get_property;
  object_class->set_property = trib_page_context_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TRIB_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TribPageContext:forge-service:
   *
   * The application's forge service, or %NULL while there is none. Pages
   * that show live statistics follow this property.
   */
  properties[PROP_FORGE_SERVICE] =
    g_param_spec_object ("forge-service", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_page_context_init (TribPageContext *self)
{
}

/**
 * trib_page_context_new:
 * @plan: the window's plan
 * @cancellable: (nullable): cancelled when the window closes; a new one
 *   when %NULL
 *
 * Returns: (transfer full): a context for the pages of one window.
 */
TribPageContext *
trib_page_context_new (TribPlan     *plan,
                       GCancellable *cancellable)
{
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return g_object_new (TRIB_TYPE_PAGE_CONTEXT, "plan", plan, "cancellable", cancellable, NULL);
}

/**
 * trib_page_context_get_plan:
 *
 * Returns: (transfer none): the plan the pages show and edit.
 */
TribPlan *
trib_page_context_get_plan (TribPageContext *self)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (self), NULL);

  return self->plan;
}

/**
 * trib_page_context_get_cancellable:
 *
 * Returns: (transfer none): cancelled when the window closes; pass it to
 * every asynchronous call a page makes.
 */
GCancellable *
trib_page_context_get_cancellable (TribPageContext *self)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (self), NULL);

  return self->cancellable;
}

/**
 * trib_page_context_get_forge_service:
 *
 * Returns: (nullable) (transfer none): the application's forge service.
 */
GObject *
trib_page_context_get_forge_service (TribPageContext *self)
{
  g_return_val_if_fail (TRIB_IS_PAGE_CONTEXT (self), NULL);

  return self->forge_service;
}

/**
 * trib_page_context_set_forge_service:
 * @service: (nullable): the service
 *
 * Sets the forge service the pages use; the application sets it once.
 */
void
trib_page_context_set_forge_service (TribPageContext *self,
                                     GObject         *service)
{
  g_return_if_fail (TRIB_IS_PAGE_CONTEXT (self));
  g_return_if_fail (service == NULL || G_IS_OBJECT (service));

  if (g_set_object (&self->forge_service, service))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORGE_SERVICE]);
}

/**
 * trib_page_context_add_toast:
 * @page: the page the toast is about
 * @toast: (transfer full): the toast
 *
 * Shows @toast over @page (in the nearest toast overlay).
 */
void
trib_page_context_add_toast (TribPageContext *self,
                             GtkWidget       *page,
                             AdwToast        *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (TRIB_IS_PAGE_CONTEXT (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_debug ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

/**
 * trib_page_context_show_undo_toast:
 * @page: the page the change was made on
 * @title: what the change did, as plain text ("Deleted “etcd”")
 *
 * Shows a toast whose Undo undoes the plan's last step, the one just made.
 * The toast goes away as soon as that step is no longer the last one (it
 * was undone, or another change came after it), so its Undo never means
 * anything else.
 */
void
trib_page_context_show_undo_toast (TribPageContext *self,
                                   GtkWidget       *page,
                                   const char      *title)
{
  g_autofree char *escaped = NULL;
  UndoToast *undo;
  AdwToast *toast;

  g_return_if_fail (TRIB_IS_PAGE_CONTEXT (self));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (title != NULL);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (trib_plan_can_undo (self->plan))
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      /* The window's undo-change checks again that the step is the last. */
      adw_toast_set_action_name (toast, "win.undo-change");
      adw_toast_set_action_target_value (toast,
                                         g_variant_new_string (trib_plan_get_undo_label (self->plan)));

      undo = g_new0 (UndoToast, 1);
      undo->toast = toast;
      undo->plan = g_object_ref (self->plan);
      undo->handler = g_signal_connect (self->plan, "notify::undo-label",
                                        G_CALLBACK (on_undo_state_changed_cb), undo);
      g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), undo,
                             (GClosureNotify) (void (*) (void)) undo_toast_free, 0);
    }
  trib_page_context_add_toast (self, page, toast);
}

/**
 * trib_editable_set_uncommitted:
 * @widget: an editable, a text view or a row holding one
 * @uncommitted: whether it holds text the plan has not been given yet
 *
 * While a field holds uncommitted text, Ctrl+Z in it undoes typing. Once
 * its text is committed (or for text that is never part of the plan, like
 * a search), Ctrl+Z undoes the plan's last change: undoing text in the
 * field would make the screen and the plan disagree.
 */
void
trib_editable_set_uncommitted (GtkWidget *widget,
                               gboolean   uncommitted)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), "trib-uncommitted", GINT_TO_POINTER (!!uncommitted));
}

/**
 * trib_editable_get_uncommitted:
 *
 * Returns: whether @widget or one of its ancestors was marked with
 * trib_editable_set_uncommitted().
 */
gboolean
trib_editable_get_uncommitted (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_object_get_data (G_OBJECT (widget), "trib-uncommitted") != NULL)
      return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "trib-uncommitted"));
  return FALSE;
}
