/* trib-window-files.c: Save As, Export JSON and Import JSON of a plan window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each action asks for a file (GtkFileChooserNative, so the desktop's
 * portal chooser where there is one) and hands it to a public function that
 * tests call directly. Writing the JSON and importing run off the main
 * loop, cancelled with the window.
 */
#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trib-application-private.h"
#include "trib-plan-json.h"
#include "trib-window-private.h"

#define JSON_EXTENSION ".json"

/* A file name from the plan's title, for the choosers' suggestions. */
static char *
suggested_name (TribWindow *self,
                const char *extension)
{
  const char *title = trib_plan_get_title (self->plan);
  g_autofree char *base = g_strdup (title && *title ? title : _("Plan"));

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, extension, NULL);
}

static void
set_current_folder_of (GtkFileChooser *chooser,
                       const char     *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static GtkFileFilter *
json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Plan Documents"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static char *
chosen_path (GtkNativeDialog *native,
             const char      *extension)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path == NULL)
    return NULL;
  return extension ? trib_ensure_extension (path, extension) : g_steal_pointer (&path);
}

static void
on_save_as_response_cb (GtkNativeDialog *native,
                        int              response,
                        TribWindow      *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && !_trib_window_is_closed (self) &&
      (path = chosen_path (native, TRIB_PLAN_FILE_EXTENSION)) != NULL)
    trib_window_save_as (self, path);
  g_object_unref (native);
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       TribWindow      *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && !_trib_window_is_closed (self) &&
      (path = chosen_path (native, JSON_EXTENSION)) != NULL)
    trib_window_export_json (self, path);
  g_object_unref (native);
}

typedef struct
{
  TribWindow *window;
  char       *source_name;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->window);
  g_free (import->source_name);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  TribWindow *self = import->window;
  TribApplication *application = TRIB_APPLICATION (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *plan_path = trib_application_import_finish (application, result, &error);

  if (self->import_toast != NULL)
    {
      adw_toast_dismiss (self->import_toast);
      g_clear_object (&self->import_toast);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || _trib_window_is_closed (self))
    return;
  if (plan_path == NULL)
    {
      /* The message locates the problem inside the document; the heading
       * says which document. */
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"),
                                                  import->source_name);
      _trib_window_show_error (self, heading, error);
      return;
    }
  file = g_file_new_for_path (plan_path);
  trib_application_open_file (application, file, GTK_WINDOW (self));
}

static void
on_import_source_response_cb (GtkNativeDialog *native,
                              int              response,
                              TribWindow      *self)
{
  g_autofree char *json_path = NULL;

  /* Second question, asked by the application (a JSON document opened as a
   * plan takes the same way): where the new plan file goes. */
  if (response == GTK_RESPONSE_ACCEPT && !_trib_window_is_closed (self) &&
      (json_path = chosen_path (native, NULL)) != NULL)
    _trib_application_import_json (_trib_window_get_application (self), json_path,
                                   GTK_WINDOW (self));
  g_object_unref (native);
}

void
_trib_window_save_as_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = trib_plan_file_filter_new ();
  g_autofree char *name = suggested_name (self, TRIB_PLAN_FILE_EXTENSION);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  set_current_folder_of (GTK_FILE_CHOOSER (native), trib_plan_get_path (self->plan));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_as_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_trib_window_export_json_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter_new ();
  g_autofree char *name = suggested_name (self, JSON_EXTENSION);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Plan as JSON"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  set_current_folder_of (GTK_FILE_CHOOSER (native), trib_plan_get_path (self->plan));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_trib_window_import_json_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  TribWindow *self = TRIB_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Plan from JSON"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_source_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * trib_window_save_as:
 *
 * Copies the plan to @path (replacing what is there: the chooser asked) and
 * goes on editing the copy. Problems are shown in a dialog.
 *
 * Returns: whether the plan is now at @path.
 */
gboolean
trib_window_save_as (TribWindow *self,
                     const char *path)
{
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *other;

  g_return_val_if_fail (TRIB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_basename (path);
  other = trib_application_find_window (_trib_window_get_application (self), path);
  if (other == GTK_WINDOW (self))
    {
      _trib_window_show_toast (self, _("Every change is already saved in this file"));
      return TRUE;
    }
  if (other != NULL)
    {
      g_set_error (&error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
                   _("“%s” is open in another window. Close that window first, or choose "
                     "another name."), display);
      _trib_window_show_error (self, _("Could Not Save Plan"), error);
      return FALSE;
    }

  if (!trib_plan_save_as (self->plan, path, &error))
    {
      _trib_window_show_error (self, _("Could Not Save Plan"), error);
      return FALSE;
    }
  trib_application_add_recent (_trib_window_get_application (self), self->plan);
  message = g_strdup_printf (_("Saved as “%s”"), display);
  _trib_window_show_toast (self, message);
  return TRUE;
}

typedef struct
{
  char     *copy_path;
  char     *json_path;
  /* Shown until the export ends, then dismissed, so the result shows at
   * once instead of queueing behind it. */
  AdwToast *progress;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_unlink (job->copy_path);
  g_free (job->copy_path);
  g_free (job->json_path);
  g_clear_object (&job->progress);
  g_free (job);
}

/* In a worker thread: the copy is a plan of its own, so the window's plan
 * stays free for edits while thousands of entries are written out. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) copy = trib_plan_open (job->copy_path, TRIB_PLAN_OPEN_READ_ONLY, &error);

  if (copy == NULL || !trib_plan_export_json (copy, job->json_path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TribWindow *self = TRIB_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  /* A closed window's overlay has gone with its toasts. */
  if (job->progress != NULL && !_trib_window_is_closed (self))
    adw_toast_dismiss (job->progress);
  g_clear_object (&job->progress);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !_trib_window_is_closed (self))
        _trib_window_show_error (self, _("Could Not Export Plan"), error);
      return;
    }
  if (_trib_window_is_closed (self))
    return;
  display = g_filename_display_name (job->json_path);
  message = g_strdup_printf (_("Exported to “%s”"), display);
  _trib_window_show_toast (self, message);
}

/**
 * trib_window_export_json:
 *
 * Writes the plan as a JSON document to @path, replacing the file
 * atomically, in a worker thread; a toast says when it is done.
 */
void
trib_window_export_json (TribWindow *self,
                         const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "tributary", NULL);
  ExportJob *job;

  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->json_path = g_strdup (path);
  job->copy_path = g_strdup_printf ("%s/export-%d-%" G_GINT64_FORMAT TRIB_PLAN_FILE_EXTENSION,
                                    dir, (int) getpid (), g_get_real_time ());
  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, trib_window_export_json);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  /* The copy is quick (pages, not entities); the export is not. */
  if (g_mkdir_with_parents (dir, 0700) != 0 || !trib_plan_copy_to (self->plan, job->copy_path, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Could not create the folder “%s”."), dir);
      _trib_window_show_error (self, _("Could Not Export Plan"), error);
      return;
    }
  job->progress = adw_toast_new (_("Exporting…"));
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->progress));
  g_task_run_in_thread (task, export_thread);
}

/**
 * trib_window_import_json:
 * @json_path: the JSON plan document to read
 * @plan_path: the new plan file (replaced if it exists: the chooser asked)
 *
 * Imports a JSON document into a new plan file in a worker thread, showing
 * progress in a toast, and opens the new plan in its own window.
 */
void
trib_window_import_json (TribWindow *self,
                         const char *json_path,
                         const char *plan_path)
{
  TribApplication *application;
  Import *import;
  g_autofree char *json_display = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (json_path != NULL);
  g_return_if_fail (plan_path != NULL);

  application = _trib_window_get_application (self);
  if (trib_application_find_window (application, plan_path) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *display = g_filename_display_basename (plan_path);
      g_set_error (&error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
                   _("“%s” is open in a window. Close that window first, or choose another "
                     "name."), display);
      _trib_window_show_error (self, _("Could Not Import Plan"), error);
      return;
    }

  json_display = g_filename_display_basename (json_path);
  message = g_strdup_printf (_("Importing “%s”…"), json_display);
  escaped = g_markup_escape_text (message, -1);
  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_clear_object (&self->import_toast);
  self->import_toast = adw_toast_new (escaped);
  adw_toast_set_timeout (self->import_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->import_toast));

  import = g_new0 (Import, 1);
  import->window = g_object_ref (self);
  import->source_name = g_steal_pointer (&json_display);
  trib_application_import_async (application, json_path, NULL, plan_path,
                                 g_file_test (plan_path, G_FILE_TEST_EXISTS), self->cancellable,
                                 on_import_done_cb, import);
}
