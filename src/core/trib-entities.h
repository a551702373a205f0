/* trib-entities.h: every entity type of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan-info.h"
#include "trib-upstream.h"
#include "trib-stats-snapshot.h"
#include "trib-investment.h"
#include "trib-patch.h"
#include "trib-product.h"
#include "trib-product-release.h"
#include "trib-release-base.h"
#include "trib-certification.h"
#include "trib-scenario.h"
#include "trib-milestone.h"
#include "trib-acknowledgement.h"
