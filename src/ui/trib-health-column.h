/* trib-health-column.h: health on the Upstreams page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-table-page.h"

G_BEGIN_DECLS

void trib_health_attach (TribTablePage *page);

G_END_DECLS
