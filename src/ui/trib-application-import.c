/* trib-application-import.c: Import JSON's questions, and a JSON document
 * opened as a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import JSON asks where the new plan file goes, then imports the document
 * in a worker thread (trib_application_import_async()) and opens the plan.
 * A plan window shows the progress; from the greeter the window simply
 * appears. A JSON document opened as if it were a plan (from Open…, the
 * file manager or the command line) is said to be one, and Import is
 * offered: the same way in, and the document is never written.
 */
#define G_LOG_DOMAIN "trib-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-application-private.h"
#include "trib-window.h"

/* Whether the file at @path starts like a JSON document (an object), as a
 * plan's own JSON export does. */
gboolean
_trib_application_looks_like_json (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[256];
  gssize n, i;

  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
  /* A UTF-8 byte order mark, then blanks, may come first. */
  i = n >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  for (; i < n; i++)
    if (!g_ascii_isspace (head[i]))
      return head[i] == '{';
  return FALSE;
}

typedef struct
{
  TribApplication *application;
  char            *json_path;
  GtkWindow       *parent;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_object_unref (request->application);
  g_free (request->json_path);
  g_clear_object (&request->parent);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  TribApplication *self = TRIB_APPLICATION (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_path = trib_application_import_finish (self, result, &error);
  g_autoptr(GFile) file = NULL;

  if (plan_path == NULL)
    {
      g_autofree char *name = g_filename_display_basename (request->json_path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      trib_application_show_error (self, NULL, heading, error);
      return;
    }
  file = g_file_new_for_path (plan_path);
  trib_application_open_file (self, file, NULL);
}

static void
on_import_target_cb (GtkNativeDialog *native,
                     int              response,
                     ImportRequest   *request)
{
  TribApplication *self = request->application;
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

  /* From a plan's window, the window shows the progress and can cancel. */
  if (TRIB_IS_WINDOW (request->parent) &&
      gtk_window_get_application (request->parent) == GTK_APPLICATION (self))
    trib_window_import_json (TRIB_WINDOW (request->parent), request->json_path, path);
  else if (!_trib_application_refuse_open_target (self, request->parent,
                                                  _("Could Not Import Plan"), path))
    {
      ImportRequest *next = g_new0 (ImportRequest, 1);

      next->application = g_object_ref (self);
      next->json_path = g_strdup (request->json_path);
      trib_application_import_async (self, request->json_path, NULL, path,
                                     g_file_test (path, G_FILE_TEST_EXISTS), NULL,
                                     on_imported_cb, next);
    }

out:
  import_request_free (request);
  g_object_unref (native);
}

/**
 * _trib_application_import_json:
 * @parent: (nullable): the window asking; a plan window shows the import's
 *   progress
 *
 * Import JSON after its document was chosen: asks where the new plan file
 * goes (beside the document, named after it), imports it and opens it.
 */
void
_trib_application_import_json (TribApplication *self,
                               const char      *json_path,
                               GtkWindow       *parent)
{
  g_autoptr(GtkFileFilter) filter = trib_plan_file_filter_new ();
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFile) folder = g_file_get_parent (json);
  g_autofree char *base = g_path_get_basename (json_path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  GtkFileChooserNative *target;
  ImportRequest *request;

  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (json_path != NULL);

  if (g_str_has_suffix (lower, ".json"))
    base[strlen (base) - strlen (".json")] = '\0';
  name = g_strconcat (base, TRIB_PLAN_FILE_EXTENSION, NULL);
  display = g_filename_display_name (name);

  target = gtk_file_chooser_native_new (_("Save Imported Plan"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (target), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (target), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (target), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (target), display);

  request = g_new0 (ImportRequest, 1);
  request->application = g_object_ref (self);
  request->json_path = g_strdup (json_path);
  request->parent = parent ? g_object_ref (parent) : NULL;
  g_signal_connect (target, "response", G_CALLBACK (on_import_target_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (target));
}

static void
on_offer_import_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TribApplication  *self)
{
  if (g_str_equal (response, "import"))
    _trib_application_import_json (self, g_object_get_data (G_OBJECT (dialog), "json-path"),
                                   gtk_window_get_transient_for (GTK_WINDOW (dialog)));
}

/* A JSON document was opened as a plan: say what it is and offer Import
 * JSON, which makes a plan file from it and leaves the document alone. */
void
_trib_application_offer_import (TribApplication *self,
                                const char      *path,
                                GtkWindow       *parent)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent == NULL)
    parent = _trib_application_present_greeter (self);

  heading = g_strdup_printf (_("“%s” Is a JSON Document"), name);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("Tributary opens plan files (.tributary). A plan kept as "
                                     "JSON is imported instead: Import checks the document and "
                                     "creates a new plan file from it, and leaves the document "
                                     "as it is."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "json-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_import_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
