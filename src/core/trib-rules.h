/* trib-rules.h: domain rules that every part of Tributary applies the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line, the window and the JSON import must agree on what a
 * repository address says about its forge and on what a currency code is:
 * these rules live here, once.
 */
#pragma once

#include <glib.h>

#include "trib-types.h"

G_BEGIN_DECLS

TribForge  trib_forge_from_url        (const char *url);
char      *trib_url_complete          (const char *text);
char      *trib_repository_key        (const char *repository);

gboolean   trib_currency_is_valid     (const char *code);
char      *trib_currency_normalize    (const char *text);

G_END_DECLS
