/* trib-forge-error.h: errors of fetching statistics from a forge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_FORGE_ERROR (trib_forge_error_quark ())

typedef enum
{
  TRIB_FORGE_ERROR_FAILED,
  TRIB_FORGE_ERROR_NETWORK,        /* no answer, or the connection broke */
  TRIB_FORGE_ERROR_NOT_FOUND,      /* the repository does not exist or is private */
  TRIB_FORGE_ERROR_UNAUTHORIZED,   /* the token was refused */
  TRIB_FORGE_ERROR_RATE_LIMITED,   /* primary or secondary rate limit */
  TRIB_FORGE_ERROR_SERVER,         /* 5xx after the retries */
  TRIB_FORGE_ERROR_BAD_RESPONSE,   /* an answer that is not what the API documents */
} TribForgeError;

GQuark trib_forge_error_quark (void);

G_END_DECLS
