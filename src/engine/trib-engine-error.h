/* trib-engine-error.h: errors of the computations over a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_ENGINE_ERROR (trib_engine_error_quark ())

typedef enum
{
  TRIB_ENGINE_ERROR_FAILED,
  TRIB_ENGINE_ERROR_INVALID,     /* an input out of its range; the message names it */
  TRIB_ENGINE_ERROR_NO_DATA,     /* the plan holds nothing to compute on */
} TribEngineError;

GQuark trib_engine_error_quark (void);

G_END_DECLS
