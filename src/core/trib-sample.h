/* trib-sample.h: the sample plan shipped with Tributary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan.h"

G_BEGIN_DECLS

GBytes   *trib_sample_get_document (void);
TribPlan *trib_sample_write        (const char *path,
                                    gboolean    replace,
                                    GError    **error);

G_END_DECLS
