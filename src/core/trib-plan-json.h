/* trib-plan-json.h: a plan as a canonical JSON document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan.h"

G_BEGIN_DECLS

/* The largest JSON plan document read, in bytes. */
#define TRIB_PLAN_JSON_MAX_SIZE ((gsize) 256 * 1024 * 1024)

#define TRIB_PLAN_JSON_FORMAT "tributary-plan"
/* The version written; every version from 1 up to it is read (see
 * trib-plan-json-versions.c). */
#define TRIB_PLAN_JSON_VERSION 2

char     *trib_plan_to_json       (TribPlan    *plan,
                                   gsize       *length,
                                   GError     **error);
gboolean  trib_plan_export_json   (TribPlan    *plan,
                                   const char  *path,
                                   GError     **error);
TribPlan *trib_plan_import_json   (const char  *json_path,
                                   GBytes      *data,
                                   const char  *plan_path,
                                   gboolean     replace,
                                   GError     **error);
gboolean  trib_plan_json_validate (GBytes      *data,
                                   GError     **error);

G_END_DECLS
