/* trib-forge-error.c: errors of fetching statistics from a forge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-forge-error.h"

G_DEFINE_QUARK (trib-forge-error-quark, trib_forge_error)
