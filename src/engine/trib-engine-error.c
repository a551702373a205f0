/* trib-engine-error.c: errors of the computations over a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-engine-error.h"

G_DEFINE_QUARK (trib-engine-error-quark, trib_engine_error)
