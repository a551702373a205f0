/* trib-report-page.c: the Report page — options, page previews, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The options (paper, sections, the roadmap's dates) are remembered per
 * plan file in the user's configuration folder. Previews and the export
 * both open the plan's file for reading in a worker thread and lay the
 * report out there, so the window stays free. The export writes through
 * the output policy: a hidden file beside the target, renamed over it once
 * complete.
 */
#define G_LOG_DOMAIN "trib-report-page"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-report-page.h"
#include "trib-dates.h"
#include "trib-file-policy.h"
#include "trib-report-options-store.h"

#define THUMB_WIDTH 180
#define THUMB_SCALE 1
#define PREVIEW_DELAY_MS 300

typedef struct
{
  char      *pdf_path;
  char      *plan_path;
  TribReportOptions options;
  GPtrArray *pages;
  gint       progress;     /* thousandths, written by the worker */
} Job;

struct _TribReportPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *export_button;
  GtkWidget *progress_box;
  GtkWidget *progress_bar;
  GtkWidget *paper_row;
  GtkWidget *sections_group;
  GtkWidget *from_row;
  GtkWidget *to_row;
  GtkWidget *preview_stack;
  GtkWidget *pages_box;
  GtkWidget *error_page;

  TribPageContext  *context;
  TribPlan         *plan;
  TribReportOptions options;
  GtkWidget        *section_switches[TRIB_REPORT_N_SECTIONS];
  gboolean          loading;
  guint             preview_source;
  guint             progress_source;
  GCancellable     *preview_cancellable;
  GCancellable     *export_cancellable;
  Job              *export_job;     /* owned by its task */
  GPtrArray        *pages;          /* the previews, as image surfaces */
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribReportPage, trib_report_page, GTK_TYPE_WIDGET)

static void
job_free (Job *job)
{
  g_free (job->pdf_path);
  g_free (job->plan_path);
  trib_report_options_clear (&job->options);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_free (job);
}

static void
copy_options (TribReportOptions       *to,
              const TribReportOptions *from)
{
  to->paper = from->paper;
  to->sections = from->sections;
  to->from = g_strdup (from->from);
  to->to = g_strdup (from->to);
  to->today = g_strdup (from->today);
}

/* What a worker thread needs: the options as they are now and the plan's
 * file, which the worker opens for reading on its own. Reading takes no
 * lock but SQLite's (trib-store-lock.c) and every edit is committed as it
 * is made, so the worker reads what the window shows without the window
 * copying anything first. */
static Job *
job_new (TribReportPage  *self,
         GError         **error)
{
  const char *path = trib_plan_get_path (self->plan);
  Job *job;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The plan is closed."));
      return NULL;
    }
  job = g_new0 (Job, 1);
  copy_options (&job->options, &self->options);
  job->plan_path = g_strdup (path);
  return job;
}

/* --- the options, remembered per plan (trib-report-options-store.c) --- */

static void
load_options (TribReportPage *self)
{
  trib_report_options_clear (&self->options);
  trib_report_options_load (&self->options, trib_plan_get_path (self->plan));
}

static void
save_options (TribReportPage *self)
{
  trib_report_options_save (&self->options, trib_plan_get_path (self->plan));
}

static void
show_options (TribReportPage *self)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->paper_row),
                              self->options.paper == TRIB_PAPER_LETTER ? 1 : 0);
  for (guint i = 0; i < TRIB_REPORT_N_SECTIONS; i++)
    gtk_switch_set_active (GTK_SWITCH (self->section_switches[i]), (self->options.sections & (1 << i)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), self->options.from ? self->options.from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), self->options.to ? self->options.to : "");
  self->loading = FALSE;
}

/* --- previews --- */

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  cairo_surface_t *image = user_data;

  cairo_scale (cr, (double) width / cairo_image_surface_get_width (image),
               (double) height / cairo_image_surface_get_height (image));
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
}

static void
show_previews (TribReportPage *self,
               GPtrArray      *pages)
{
  GtkWidget *child;
  guint i = 0;

  /* Keep the thumbnails there are, with their new pictures: rebuilding
   * dozens of widgets at every change would stall the window. */
  for (child = gtk_widget_get_first_child (self->pages_box); child != NULL && i < pages->len; i++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      GtkWidget *area = gtk_frame_get_child (GTK_FRAME (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))));
      cairo_surface_t *page = g_ptr_array_index (pages, i);

      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           THUMB_WIDTH * cairo_image_surface_get_height (page)
                                           / cairo_image_surface_get_width (page));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail,
                                      cairo_surface_reference (page),
                                      (GDestroyNotify) cairo_surface_destroy);
      child = next;
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_flow_box_remove (GTK_FLOW_BOX (self->pages_box), child);
      child = next;
    }
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_ref (pages);

  for (; i < pages->len; i++)
    {
      cairo_surface_t *page = g_ptr_array_index (pages, i);
      g_autofree char *label = g_strdup_printf (_("Page %u"), i + 1);
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *frame = gtk_frame_new (NULL);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMB_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           THUMB_WIDTH * cairo_image_surface_get_height (page)
                                           / cairo_image_surface_get_width (page));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail,
                                      cairo_surface_reference (page),
                                      (GDestroyNotify) cairo_surface_destroy);
      gtk_widget_set_tooltip_text (area, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_frame_set_child (GTK_FRAME (frame), area);
      gtk_widget_set_valign (frame, GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (self->pages_box), frame);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->preview_stack), "pages");
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) copy = trib_plan_open (job->plan_path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  GPtrArray *pages = copy ? trib_report_render_pages (copy, &job->options, cancellable, &error) : NULL;

  if (copy != NULL)
    trib_plan_close (copy);
  if (pages == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Thumbnails as images, drawn here: replaying pages of vectors at every
   * frame of the window would cost the main loop far more than a frame. */
  for (guint i = 0; i < pages->len; i++)
    {
      cairo_surface_t *page = g_ptr_array_index (pages, i);
      cairo_rectangle_t extents;
      cairo_surface_t *image;
      cairo_t *cr;
      double scale;

      cairo_recording_surface_get_extents (page, &extents);
      scale = THUMB_SCALE * THUMB_WIDTH / extents.width;
      image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (extents.width * scale),
                                          (int) (extents.height * scale));
      cr = cairo_create (image);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, page, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      g_ptr_array_index (pages, i) = image;
      cairo_surface_destroy (page);
    }
  g_task_return_pointer (task, pages, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_preview_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TribReportPage *self = TRIB_REPORT_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) == self->preview_cancellable)
    g_clear_object (&self->preview_cancellable);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pages == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->preview_stack), "error");
      return;
    }
  show_previews (self, pages);
}

static gboolean
preview_cb (gpointer user_data)
{
  TribReportPage *self = TRIB_REPORT_PAGE (user_data);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  self->preview_source = 0;
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;   /* again when shown */

  job = job_new (self, &error);
  if (job == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->preview_stack), "error");
      return G_SOURCE_REMOVE;
    }
  if (self->pages == NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->preview_stack), "busy");
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, on_preview_done_cb, NULL);
  g_task_set_source_tag (task, preview_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, preview_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (TribReportPage *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_cb, self);
}

static void
on_changes_settled_cb (TribReportPage *self,
                       guint           changes)
{
  schedule_preview (self);
}

static void
on_map_cb (TribReportPage *self)
{
  if (self->pages == NULL || self->preview_source == 0)
    schedule_preview (self);
}

/* --- options edited --- */

static gboolean
read_date_row (GtkWidget  *row,
               char      **out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped != '\0' && !trib_date_is_valid (stripped))
    {
      gtk_widget_add_css_class (row, "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (row, "error");
  g_free (*out);
  *out = *stripped ? g_steal_pointer (&stripped) : NULL;
  return TRUE;
}

static void
on_option_changed_cb (TribReportPage *self)
{
  TribReportSections sections = 0;
  gboolean ok;

  if (self->loading)
    return;
  self->options.paper = adw_combo_row_get_selected (ADW_COMBO_ROW (self->paper_row)) == 1
                        ? TRIB_PAPER_LETTER : TRIB_PAPER_A4;
  for (guint i = 0; i < TRIB_REPORT_N_SECTIONS; i++)
    if (gtk_switch_get_active (GTK_SWITCH (self->section_switches[i])))
      sections |= 1 << i;
  /* The title page alone is a report too, but say what it holds. */
  self->options.sections = sections;
  ok = read_date_row (self->from_row, &self->options.from);
  ok = read_date_row (self->to_row, &self->options.to) && ok;
  if (ok && !trib_report_options_check (&self->options, NULL))
    {
      gtk_widget_add_css_class (self->to_row, "error");
      ok = FALSE;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export",
                                 ok && sections != 0 && self->export_job == NULL);
  if (!ok || sections == 0)
    return;
  save_options (self);
  schedule_preview (self);
}

/* --- export --- */

static gboolean
update_progress_cb (gpointer user_data)
{
  TribReportPage *self = TRIB_REPORT_PAGE (user_data);
  double fraction;
  g_autofree char *text = NULL;

  if (self->export_job == NULL)
    return G_SOURCE_CONTINUE;
  fraction = g_atomic_int_get (&self->export_job->progress) / 1000.0;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
  text = g_strdup_printf (_("Exporting… %d %%"), (int) (fraction * 100));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), text);
  return G_SOURCE_CONTINUE;
}

static void
export_progress_cb (double      fraction,
                    const char *section,
                    gpointer    user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->progress, (int) (fraction * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) copy = NULL;
  g_autoptr(TribOutput) out = NULL;
  g_autofree char *temp = NULL;
  const char *inputs[] = { job->plan_path, NULL };
  gboolean ok;
  int fd;

  out = trib_output_new (job->pdf_path, TRIB_FILE_KIND_DOCUMENT, TRIB_OUTPUT_REPLACE, inputs, &error);
  if (out == NULL || (fd = trib_output_open_temp (out, &temp, &error)) < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  close (fd);
  copy = trib_plan_open (job->plan_path, TRIB_PLAN_OPEN_READ_ONLY, &error);
  ok = copy != NULL
       && trib_report_write (copy, &job->options, temp, export_progress_cb, job, cancellable, &error)
       && trib_output_commit (out, temp, &error);
  if (copy != NULL)
    trib_plan_close (copy);
  if (!ok)
    {
      g_unlink (temp);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_finished (TribReportPage *self)
{
  self->export_job = NULL;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->export_cancellable);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export",
                                 self->options.sections != 0
                                 && !gtk_widget_has_css_class (self->from_row, "error")
                                 && !gtk_widget_has_css_class (self->to_row, "error"));
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TribReportPage *self = TRIB_REPORT_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *display = g_filename_display_basename (job->pdf_path);

  export_finished (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup_printf (_("Export of “%s” cancelled; nothing was written"), display);
      else
        message = g_strdup_printf (_("The report was not exported: %s"), error->message);
    }
  else
    message = g_strdup_printf (_("Exported the report to “%s”"), display);
  {
    g_autofree char *escaped = g_markup_escape_text (message, -1);
    AdwToast *toast = adw_toast_new (escaped);

    if (error != NULL)
      adw_toast_set_timeout (toast, 0);
    trib_page_context_add_toast (self->context, GTK_WIDGET (self), toast);
  }
}

/**
 * trib_report_page_export:
 * @self: the page
 * @path: the PDF to write; replaced if it exists (the file chooser asked)
 *
 * Exports the report with the page's options in a worker thread, showing
 * progress and a Cancel button; a toast tells how it ended.
 */
void
trib_report_page_export (TribReportPage *self,
                         const char     *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (TRIB_IS_REPORT_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->export_job != NULL)
    return;
  job = job_new (self, &error);
  if (job == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      trib_page_context_add_toast (self->context, GTK_WIDGET (self), adw_toast_new (escaped));
      return;
    }
  job->pdf_path = g_strdup (path);
  self->export_job = job;
  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, trib_report_page_export);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), _("Exporting…"));
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", TRUE);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  g_task_run_in_thread (task, export_thread);
}

/**
 * trib_report_page_cancel_export:
 * @self: the page
 *
 * Stops a running export; nothing is written.
 */
void
trib_report_page_cancel_export (TribReportPage *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  TribReportPage *self = TRIB_REPORT_PAGE (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        trib_report_page_export (self, path);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TribReportPage *self = TRIB_REPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.pdf", trib_plan_get_title (self->plan));
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  native = gtk_file_chooser_native_new (_("Export Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  trib_report_page_cancel_export (TRIB_REPORT_PAGE (widget));
}

/* --- object --- */

static void
trib_report_page_constructed (GObject *object)
{
  TribReportPage *self = TRIB_REPORT_PAGE (object);

  G_OBJECT_CLASS (trib_report_page_parent_class)->constructed (object);

  self->plan = g_object_ref (trib_page_context_get_plan (self->context));
  g_signal_connect_object (self->plan, "changes-settled", G_CALLBACK (on_changes_settled_cb), self,
                           G_CONNECT_SWAPPED);
  load_options (self);
  show_options (self);
  on_option_changed_cb (self);
}

static void
trib_report_page_dispose (GObject *object)
{
  TribReportPage *self = TRIB_REPORT_PAGE (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->preview_cancellable)
    g_cancellable_cancel (self->preview_cancellable);
  if (self->export_cancellable)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_REPORT_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (trib_report_page_parent_class)->dispose (object);
}

static void
trib_report_page_finalize (GObject *object)
{
  TribReportPage *self = TRIB_REPORT_PAGE (object);

  trib_report_options_clear (&self->options);
  G_OBJECT_CLASS (trib_report_page_parent_class)->finalize (object);
}

static void
trib_report_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, TRIB_REPORT_PAGE (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_report_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      TRIB_REPORT_PAGE (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_report_page_class_init (TribReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trib_report_page_constructed;
  object_class->dispose = trib_report_page_dispose;
  object_class->finalize = trib_report_page_finalize;
  object_class->get_property = trib_report_page_get_property;
  object_class->set_property = trib_report_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TRIB_TYPE_PAGE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, box);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, sections_group);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, TribReportPage, error_page);

  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trib_report_page_init (TribReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  trib_report_options_init (&self->options);

  for (guint i = 0; i < TRIB_REPORT_N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_report_section_get_heading (1 << i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->sections_group), row);
      self->section_switches[i] = toggle;
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_option_changed_cb), self);
    }
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->from_row, "changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", FALSE);
}

/**
 * trib_report_page_new:
 * @context: the window's page context
 *
 * Returns: (transfer floating): the Report page
 */
GtkWidget *
trib_report_page_new (TribPageContext *context)
{
  return g_object_new (TRIB_TYPE_REPORT_PAGE, "context", context, NULL);
}

/**
 * trib_report_page_get_options:
 * @self: the page
 *
 * Returns: (transfer none): the options the page shows
 */
const TribReportOptions *
trib_report_page_get_options (TribReportPage *self)
{
  return &self->options;
}

/**
 * trib_report_page_get_n_previews:
 * @self: the page
 *
 * Returns: how many page previews are shown
 */
guint
trib_report_page_get_n_previews (TribReportPage *self)
{
  return self->pages ? self->pages->len : 0;
}

/**
 * trib_report_page_is_busy:
 * @self: the page
 *
 * Returns: whether an export or a preview is being made
 */
gboolean
trib_report_page_is_busy (TribReportPage *self)
{
  return self->export_job != NULL || self->preview_source != 0 || self->preview_cancellable != NULL;
}
