/* trib-application-files.c: opening, creating and importing plan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening always goes through trib_application_open_file(), which finds the
 * window already showing the plan before it tries to open the file a second
 * time: a plan file is locked while it is open. Anything that writes a plan
 * from a document (the sample, an imported JSON file) runs in a worker
 * thread; the main thread then opens the finished file.
 */
#define G_LOG_DOMAIN "trib-application"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "trib-application-private.h"
#include "trib-plan-json.h"
#include "trib-sample.h"
#include "trib-window.h"

typedef struct
{
  char     *json_path;
  GBytes   *data;
  char     *plan_path;
  gboolean  replace;
  gboolean  sample;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->json_path);
  g_clear_pointer (&data->data, g_bytes_unref);
  g_free (data->plan_path);
  g_free (data);
}

/**
 * trib_canonical_path:
 *
 * Returns: (transfer full): @path made absolute with symbolic links resolved
 * where the file exists, so two names of one plan compare equal.
 */
char *
trib_canonical_path (const char *path)
{
  g_autofree char *canonical = NULL;
  char *resolved;

  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  resolved = realpath (canonical, NULL);
  if (resolved != NULL)
    {
      char *result = g_strdup (resolved);
      free (resolved);
      return result;
    }
  return g_steal_pointer (&canonical);
}

/**
 * trib_ensure_extension:
 *
 * Returns: (transfer full): @path, with @extension appended unless it
 * already ends with it. File choosers do not add it for the user.
 */
char *
trib_ensure_extension (const char *path,
                       const char *extension)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  if (g_str_has_suffix (lower, extension))
    return g_strdup (path);
  return g_strconcat (path, extension, NULL);
}

static gboolean
paths_equal (const char *a,
             const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  if (g_str_equal (a, b))
    return TRUE;
  ca = trib_canonical_path (a);
  cb = trib_canonical_path (b);
  return g_str_equal (ca, cb);
}

/* The plan name a new file gets: its file name without the extension. */
static char *
plan_name_for_path (const char *path)
{
  g_autofree char *base = g_filename_display_basename (path);
  g_autofree char *lower = g_utf8_strdown (base, -1);

  if (g_str_has_suffix (lower, TRIB_PLAN_FILE_EXTENSION) &&
      strlen (base) > strlen (TRIB_PLAN_FILE_EXTENSION))
    base[strlen (base) - strlen (TRIB_PLAN_FILE_EXTENSION)] = '\0';
  return g_steal_pointer (&base);
}

/**
 * trib_plan_file_filter_new:
 *
 * Returns: (transfer full): a file chooser filter for plan files.
 */
GtkFileFilter *
trib_plan_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tributary Plans"));
  gtk_file_filter_add_mime_type (filter, TRIB_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "tributary");
  return filter;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;

  if (data->sample)
    plan = trib_sample_write (data->plan_path, data->replace, &error);
  else
    plan = trib_plan_import_json (data->json_path, data->data, data->plan_path, data->replace,
                                  &error);
  if (plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The plan's objects belong to this thread: close it here and let the
   * main thread open the file afresh for its window. */
  g_clear_object (&plan);
  g_task_return_pointer (task, g_strdup (data->plan_path), g_free);
}

static void
on_import_completed_cb (GTask           *task,
                        GParamSpec      *pspec,
                        TribApplication *self)
{
  g_application_release (G_APPLICATION (self));
}

static void
import_async (TribApplication     *self,
              ImportData          *data,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, trib_application_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  /* Keep the process alive while the worker writes the file, even if the
   * last window closes meanwhile: a half-written plan must not be left. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (task, "notify::completed", G_CALLBACK (on_import_completed_cb), self,
                           G_CONNECT_DEFAULT);
  g_task_run_in_thread (task, import_thread);
}

/**
 * trib_application_import_async:
 * @json_path: (nullable): the JSON document to read, or %NULL to read @data
 * @data: (nullable): the document's bytes when @json_path is %NULL
 * @plan_path: the plan file to write
 * @replace: whether an existing file at @plan_path may be replaced
 *
 * Imports a JSON plan document into a new plan file in a worker thread.
 * The plan is not opened: call trib_application_open_file() on success.
 */
void
trib_application_import_async (TribApplication     *self,
                               const char          *json_path,
                               GBytes              *data,
                               const char          *plan_path,
                               gboolean             replace,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ImportData *import;

  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (json_path != NULL || data != NULL);
  g_return_if_fail (plan_path != NULL);

  import = g_new0 (ImportData, 1);
  import->json_path = g_strdup (json_path);
  import->data = data ? g_bytes_ref (data) : NULL;
  import->plan_path = g_strdup (plan_path);
  import->replace = replace;
  import_async (self, import, cancellable, callback, user_data);
}

/**
 * trib_application_import_finish:
 *
 * Returns: (transfer full) (nullable): the path of the new plan file.
 */
char *
trib_application_import_finish (TribApplication  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trib_application_import_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sample_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TribApplication *self = TRIB_APPLICATION (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = trib_application_import_finish (self, result, &error);
  g_autoptr(GFile) file = NULL;

  self->writing_sample = FALSE;
  if (path == NULL)
    {
      trib_application_show_error (self, NULL, _("Could Not Create the Sample Plan"), error);
      return;
    }
  file = g_file_new_for_path (path);
  trib_application_open_file (self, file, NULL);
}

/* Creates a new, empty plan at @path, replacing a file the user agreed to
 * replace in the chooser. */
static TribPlan *
create_plan (const char  *path,
             GError     **error)
{
  g_autofree char *name = plan_name_for_path (path);

  return trib_plan_create_replacing (path, name, error);
}

/* Whether @path is open in a window, which a new file there would replace:
 * if so, says so over @parent. */
gboolean
_trib_application_refuse_open_target (TribApplication *self,
                    GtkWindow       *parent,
                    const char      *heading,
                    const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  if (trib_application_find_window (self, path) == NULL)
    return FALSE;

  display = g_filename_display_basename (path);
  g_set_error (&error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_LOCKED,
               _("“%s” is open in another window. Close that window first, or choose another "
                 "name."), display);
  trib_application_show_error (self, parent, heading, error);
  return TRUE;
}

static void
on_new_plan_response_cb (GtkNativeDialog *native,
                         int              response,
                         TribApplication *self)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (native);
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  chosen = file ? g_file_get_path (file) : NULL;
  if (chosen == NULL)
    goto out;
  path = trib_ensure_extension (chosen, TRIB_PLAN_FILE_EXTENSION);
  trib_application_create_plan (self, path, parent);

out:
  g_object_unref (native);
}

static void
on_open_response_cb (GtkNativeDialog *native,
                     int              response,
                     TribApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      GtkWindow *parent = gtk_native_dialog_get_transient_for (native);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          trib_application_open_file (self, file, parent);
        }
    }
  g_object_unref (native);
}

/**
 * trib_application_get_sample_path:
 *
 * Returns: (transfer full): where the sample plan is written and opened.
 */
char *
trib_application_get_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tributary", "Sample Plan.tributary", NULL);
}

/**
 * trib_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window showing the plan at @path.
 */
GtkWindow *
trib_application_find_window (TribApplication *self,
                              const char      *path)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      TribPlan *plan;

      if (!TRIB_IS_WINDOW (l->data))
        continue;
      plan = trib_window_get_plan (l->data);
      if (plan != NULL && paths_equal (trib_plan_get_path (plan), path))
        return l->data;
    }
  return NULL;
}

/**
 * trib_application_show_plan:
 *
 * Shows an open @plan in a new window (or the window already showing it)
 * and closes the greeter.
 *
 * Returns: (transfer none): the plan's window.
 */
GtkWindow *
trib_application_show_plan (TribApplication *self,
                            TribPlan        *plan)
{
  GtkWindow *window;
  const char *path;

  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  path = trib_plan_get_path (plan);
  window = path ? trib_application_find_window (self, path) : NULL;
  if (window == NULL)
    window = GTK_WINDOW (trib_window_new (self, plan));
  gtk_window_present (window);
  _trib_application_close_greeters (self);
  trib_application_add_recent (self, plan);
  return window;
}

/**
 * trib_application_open_file:
 * @parent: (nullable): the window to show an error over
 *
 * Opens the plan in @file in its own window, or presents the window that
 * already shows it. A file that cannot be opened is left alone and the
 * reason is shown in a dialog.
 *
 * Returns: (transfer none) (nullable): the plan's window.
 */
GtkWindow *
trib_application_open_file (TribApplication *self,
                            GFile           *file,
                            GtkWindow       *parent)
{
  g_autofree char *path = NULL;
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (&error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_FOUND,
                   _("“%s” is not a local file. Copy it to your computer and open the copy."),
                   uri);
      trib_application_show_error (self, parent, _("Could Not Open Plan"), error);
      return NULL;
    }

  window = trib_application_find_window (self, path);
  if (window != NULL)
    {
      gtk_window_present (window);
      return window;
    }

  plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  if (plan == NULL)
    {
      if (g_error_matches (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN) &&
          _trib_application_looks_like_json (path))
        _trib_application_offer_import (self, path, parent);
      else
        trib_application_show_error (self, parent, _("Could Not Open Plan"), error);
      return NULL;
    }
  return trib_application_show_plan (self, plan);
}

/* Writes a fresh sample plan to @path (in a worker thread) and opens it. */
static void
write_sample (TribApplication *self,
              char            *path,
              GtkWindow       *parent)
{
  g_autofree char *dir = NULL;
  ImportData *data;

  if (self->writing_sample)
    {
      g_free (path);
      return;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autoptr(GError) error = NULL;
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s."), dir, g_strerror (saved));
      trib_application_show_error (self, parent, _("Could Not Create the Sample Plan"), error);
      g_free (path);
      return;
    }

  self->writing_sample = TRUE;
  data = g_new0 (ImportData, 1);
  data->plan_path = path;
  data->sample = TRUE;
  import_async (self, data, NULL, on_sample_written_cb, NULL);
}

/**
 * trib_application_open_sample:
 *
 * Opens the sample plan, writing it first (in a worker thread) if it is
 * not in the user's data folder yet. The window appears when it is ready.
 * This is `tributary --sample`; the Open Sample Plan buttons ask first when
 * a copy exists (_trib_application_offer_sample()).
 */
void
trib_application_open_sample (TribApplication *self,
                              GtkWindow       *parent)
{
  g_autofree char *path = trib_application_get_sample_path ();

  g_return_if_fail (TRIB_IS_APPLICATION (self));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      trib_application_open_file (self, file, parent);
      return;
    }
  write_sample (self, g_steal_pointer (&path), parent);
}

/* A name beside the sample that no file has yet: "Sample Plan 2.tributary". */
static char *
fresh_sample_path (void)
{
  g_autofree char *path = trib_application_get_sample_path ();
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (TRIB_PLAN_FILE_EXTENSION));

  for (guint n = 2; ; n++)
    {
      char *candidate = g_strdup_printf ("%s %u%s", stem, n, TRIB_PLAN_FILE_EXTENSION);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
}

static void
on_sample_choice_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TribApplication  *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "copy"))
    {
      g_autofree char *path = trib_application_get_sample_path ();
      g_autoptr(GFile) file = g_file_new_for_path (path);

      trib_application_open_file (self, file, parent);
    }
  else if (g_str_equal (response, "fresh"))
    write_sample (self, fresh_sample_path (), parent);
}

/**
 * _trib_application_offer_sample:
 *
 * What the Open Sample Plan buttons do: the first time, writes and opens
 * the sample; once the user has a copy (which may hold their changes), asks
 * whether to open that copy or a fresh sample in a new file beside it.
 */
void
_trib_application_offer_sample (TribApplication *self,
                                GtkWindow       *parent)
{
  g_autofree char *path = trib_application_get_sample_path ();
  GtkWidget *dialog;

  g_return_if_fail (TRIB_IS_APPLICATION (self));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      trib_application_open_sample (self, parent);
      return;
    }
  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent == NULL)
    parent = _trib_application_present_greeter (self);

  dialog = adw_message_dialog_new (parent, _("Open the Sample Plan"),
                                   _("You have opened the sample plan before, and your copy "
                                     "keeps any changes made to it. Open that copy, or a fresh "
                                     "sample in a new file beside it; your copy stays as it "
                                     "is."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("Open _My Copy"),
                                    "fresh", _("Open a _Fresh Sample"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fresh",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fresh");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sample_choice_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * trib_application_new_plan:
 *
 * Asks where to create a new plan, creates it and opens it in a window.
 */
void
trib_application_new_plan (TribApplication *self,
                           GtkWindow       *parent)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = trib_plan_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_return_if_fail (TRIB_IS_APPLICATION (self));

  native = gtk_file_chooser_native_new (_("New Plan"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  /* Translators: the suggested file name of a new plan; keep the extension. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled Plan.tributary"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_new_plan_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * trib_application_create_plan:
 * @path: where the plan goes; an existing file there is replaced (the
 *   chooser asked), but only once the new plan is complete
 * @parent: (nullable): the window to show an error over
 *
 * Creates a new, empty plan named after its file and opens it in a window.
 *
 * Returns: (transfer none) (nullable): the new plan's window.
 */
GtkWindow *
trib_application_create_plan (TribApplication *self,
                              const char      *path,
                              GtkWindow       *parent)
{
  g_autoptr(TribPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (_trib_application_refuse_open_target (self, parent, _("Could Not Create Plan"), path))
    return NULL;

  plan = create_plan (path, &error);
  if (plan == NULL)
    {
      trib_application_show_error (self, parent, _("Could Not Create Plan"), error);
      return NULL;
    }
  return trib_application_show_plan (self, plan);
}

/**
 * trib_application_choose_plan:
 *
 * Asks which plans to open and opens them.
 */
void
trib_application_choose_plan (TribApplication *self,
                              GtkWindow       *parent)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = trib_plan_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (TRIB_IS_APPLICATION (self));

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  native = gtk_file_chooser_native_new (_("Open Plan"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * trib_application_add_recent:
 *
 * Adds @plan to the desktop's recent files, under its title, so the greeter
 * and the file manager list it.
 */
void
trib_application_add_recent (TribApplication *self,
                             TribPlan        *plan)
{
  g_autofree char *uri = NULL;
  g_autofree char *exec = NULL;
  const char *path;
  GtkRecentData data = { 0 };

  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (TRIB_IS_PLAN (plan));

  path = trib_plan_get_path (plan);
  if (path == NULL)
    return;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;

  exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "tributary");
  data.display_name = (char *) trib_plan_get_title (plan);
  data.mime_type = (char *) TRIB_PLAN_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = exec;
  gtk_recent_manager_add_full (trib_application_get_recent_manager (self), uri, &data);
}
