/* trib-upstreams-page.h: the table of the plan's upstreams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-table-page.h"

G_BEGIN_DECLS

GtkWidget *trib_upstreams_page_new (TribPageContext *context);

G_END_DECLS
