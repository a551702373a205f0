/* trib-forge-tokens.h: forge tokens in the desktop's secret store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-types.h"

G_BEGIN_DECLS

void      trib_forge_token_lookup_async  (TribForge             forge,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
char     *trib_forge_token_lookup_finish (GAsyncResult         *result,
                                          GError              **error);
void      trib_forge_token_store_async   (TribForge             forge,
                                          const char           *token,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  trib_forge_token_store_finish  (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
