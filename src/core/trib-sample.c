/* trib-sample.c: the sample plan shipped with Tributary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample is a canonical JSON plan document in the resources, written
 * into a plan file by the same import that reads users' documents, so the
 * sample can never drift from the format.
 */
#define G_LOG_DOMAIN "trib-sample"

#include "config.h"

#include "trib-plan-json.h"
#include "trib-sample.h"

#define SAMPLE_RESOURCE "/io/github/tributary/Tributary/core/sample-plan.json"

/**
 * trib_sample_get_document:
 *
 * Returns: (transfer full): the sample plan as a JSON document.
 */
GBytes *
trib_sample_get_document (void)
{
  GBytes *bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  /* The resource is compiled into the program: missing means a broken build. */
  g_assert (bytes != NULL);
  return bytes;
}

/**
 * trib_sample_write:
 *
 * Writes the sample plan to a new plan file at @path and opens it.
 */
TribPlan *
trib_sample_write (const char *path,
                   gboolean    replace,
                   GError    **error)
{
  g_autoptr(GBytes) bytes = trib_sample_get_document ();

  g_return_val_if_fail (path != NULL, NULL);

  return trib_plan_import_json (NULL, bytes, path, replace, error);
}
