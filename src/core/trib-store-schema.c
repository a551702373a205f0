/* trib-store-schema.c: the SQL of every plan format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new format appends one migration here and bumps
 * TRIB_PLAN_SCHEMA_VERSION; a plan of any older format is upgraded by
 * running the migrations after its version, in one transaction.
 */
#define G_LOG_DOMAIN "trib-store"

#include "config.h"

#include "trib-plan.h"
#include "trib-store.h"

/* Version 1: the first plan format. */
static const char migration_1[] =
  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  description TEXT,"
  "  organisation TEXT,"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  first_quarter TEXT,"
  "  quarters INTEGER NOT NULL DEFAULT 8,"
  "  engineer_year_cost REAL NOT NULL DEFAULT 200000,"
  "  team_handles TEXT);"
  "CREATE TABLE upstream ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  forge TEXT NOT NULL DEFAULT 'none',"
  "  repository TEXT,"
  "  homepage TEXT,"
  "  license TEXT,"
  "  purls TEXT,"
  "  layer TEXT NOT NULL DEFAULT 'platform',"
  "  importance INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),"
  "  decision TEXT NOT NULL DEFAULT 'adopt',"
  "  intermediary TEXT,"
  "  notes TEXT,"
  "  last_error TEXT);"
  "CREATE INDEX upstream_name ON upstream (name);"
  "CREATE TABLE snapshot ("
  "  id INTEGER PRIMARY KEY,"
  "  upstream_id INTEGER NOT NULL REFERENCES upstream (id) ON DELETE CASCADE,"
  "  taken_at TEXT NOT NULL,"
  "  stars INTEGER NOT NULL DEFAULT 0,"
  "  forks INTEGER NOT NULL DEFAULT 0,"
  "  watchers INTEGER NOT NULL DEFAULT 0,"
  "  open_issues INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT,"
  "  last_push TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0,"
  "  license TEXT,"
  "  contributors INTEGER NOT NULL DEFAULT 0,"
  "  weekly_commits TEXT,"
  "  releases_last_year INTEGER NOT NULL DEFAULT 0,"
  "  last_release TEXT,"
  "  top_share REAL NOT NULL DEFAULT 0,"
  "  top5_share REAL NOT NULL DEFAULT 0,"
  "  our_share REAL NOT NULL DEFAULT 0);"
  "CREATE INDEX snapshot_upstream ON snapshot (upstream_id, taken_at);"
  "CREATE TABLE investment ("
  "  id INTEGER PRIMARY KEY,"
  "  upstream_id INTEGER NOT NULL REFERENCES upstream (id) ON DELETE CASCADE,"
  "  quarter TEXT NOT NULL,"
  "  fte REAL NOT NULL DEFAULT 1,"
  "  role TEXT NOT NULL DEFAULT 'contributor',"
  "  notes TEXT);"
  "CREATE INDEX investment_upstream ON investment (upstream_id, quarter);"
  "CREATE TABLE patch ("
  "  id INTEGER PRIMARY KEY,"
  "  upstream_id INTEGER NOT NULL REFERENCES upstream (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'carried',"
  "  lines INTEGER NOT NULL DEFAULT 0,"
  "  hours_per_release REAL NOT NULL DEFAULT 4,"
  "  created TEXT,"
  "  merged TEXT,"
  "  url TEXT,"
  "  notes TEXT);"
  "CREATE INDEX patch_upstream ON patch (upstream_id);"
  "CREATE TABLE product ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  trademark_registered INTEGER NOT NULL DEFAULT 0,"
  "  description TEXT,"
  "  homepage TEXT);"
  "CREATE TABLE release ("
  "  id INTEGER PRIMARY KEY,"
  "  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
  "  version TEXT NOT NULL,"
  "  ga TEXT,"
  "  end_of_maintenance TEXT,"
  "  end_of_life TEXT,"
  "  notes TEXT);"
  "CREATE INDEX release_product ON release (product_id);"
  "CREATE TABLE release_base ("
  "  id INTEGER PRIMARY KEY,"
  "  release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,"
  "  upstream_id INTEGER NOT NULL REFERENCES upstream (id) ON DELETE CASCADE,"
  "  upstream_version TEXT NOT NULL,"
  "  upstream_eol TEXT);"
  "CREATE INDEX release_base_release ON release_base (release_id);"
  "CREATE INDEX release_base_upstream ON release_base (upstream_id);"
  "CREATE TABLE certification ("
  "  id INTEGER PRIMARY KEY,"
  "  release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,"
  "  target TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'software',"
  "  status TEXT NOT NULL DEFAULT 'planned',"
  "  promised INTEGER NOT NULL DEFAULT 1,"
  "  notes TEXT);"
  "CREATE INDEX certification_release ON certification (release_id);"
  "CREATE TABLE scenario ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  model TEXT NOT NULL DEFAULT 'certified-platform',"
  "  years INTEGER NOT NULL DEFAULT 5,"
  "  withholds_platform_features INTEGER NOT NULL DEFAULT 0,"
  "  requires_copyright_assignment INTEGER NOT NULL DEFAULT 0,"
  "  own_trademark INTEGER NOT NULL DEFAULT 1,"
  "  assumptions TEXT,"
  "  notes TEXT);"
  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  lane TEXT NOT NULL DEFAULT 'product',"
  "  upstream_id INTEGER REFERENCES upstream (id) ON DELETE SET NULL,"
  "  release_id INTEGER REFERENCES release (id) ON DELETE SET NULL,"
  "  scenario_id INTEGER REFERENCES scenario (id) ON DELETE SET NULL,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT);"
  "CREATE INDEX milestone_date ON milestone (date);";

/* Version 2: milestones name the upstream-first step they belong to, and
 * strategy findings can be acknowledged with a reason. */
static const char migration_2[] =
  "ALTER TABLE milestone ADD COLUMN step TEXT NOT NULL DEFAULT 'none';"
  "CREATE TABLE acknowledgement ("
  "  id INTEGER PRIMARY KEY,"
  "  check_id TEXT NOT NULL,"
  "  subject TEXT,"
  "  reason TEXT NOT NULL,"
  "  date TEXT);"
  "CREATE INDEX acknowledgement_check ON acknowledgement (check_id, subject);";

/* Version 3: the engineering plan — an upstream's release cadence set by
 * hand, when a patch was dropped and the quarter it should go upstream, and
 * the thresholds of the patch-debt projection and the strategy checks. */
static const char migration_3[] =
  "ALTER TABLE upstream ADD COLUMN release_cadence REAL NOT NULL DEFAULT 0;"
  "ALTER TABLE patch ADD COLUMN dropped TEXT;"
  "ALTER TABLE patch ADD COLUMN target_quarter TEXT;"
  "ALTER TABLE plan ADD COLUMN patch_drift REAL NOT NULL DEFAULT 0.15;"
  "ALTER TABLE plan ADD COLUMN check_patch_hours REAL NOT NULL DEFAULT 450;"
  "ALTER TABLE plan ADD COLUMN check_dial_step REAL NOT NULL DEFAULT 2;"
  "ALTER TABLE plan ADD COLUMN check_importance INTEGER NOT NULL DEFAULT 4;"
  "ALTER TABLE plan ADD COLUMN check_inactive_days INTEGER NOT NULL DEFAULT 365;"
  "ALTER TABLE plan ADD COLUMN check_health_drop INTEGER NOT NULL DEFAULT 10;"
  "ALTER TABLE plan ADD COLUMN check_healthy_score INTEGER NOT NULL DEFAULT 70;";

/* Version 4: a custom scenario names the model it starts from, and a
 * scenario's starting patch stock is the plan's carried patches or a
 * number of its own. */
static const char migration_4[] =
  "ALTER TABLE scenario ADD COLUMN base_model TEXT NOT NULL DEFAULT 'certified-platform';"
  "ALTER TABLE scenario ADD COLUMN p0_from_plan INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE scenario ADD COLUMN p0 REAL NOT NULL DEFAULT 0;";

/* Version 5: what a statistics snapshot says about its source and its
 * gaps, the contributor absence factor, and the health score's weights. */
static const char migration_5[] =
  "ALTER TABLE snapshot ADD COLUMN absence_factor INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN source TEXT;"
  "ALTER TABLE snapshot ADD COLUMN default_branch TEXT;"
  "ALTER TABLE snapshot ADD COLUMN contributors_note TEXT;"
  "ALTER TABLE snapshot ADD COLUMN commits_note TEXT;"
  "ALTER TABLE plan ADD COLUMN health_weight_longevity INTEGER NOT NULL DEFAULT 10;"
  "ALTER TABLE plan ADD COLUMN health_weight_activity INTEGER NOT NULL DEFAULT 25;"
  "ALTER TABLE plan ADD COLUMN health_weight_releases INTEGER NOT NULL DEFAULT 15;"
  "ALTER TABLE plan ADD COLUMN health_weight_users INTEGER NOT NULL DEFAULT 15;"
  "ALTER TABLE plan ADD COLUMN health_weight_diversity INTEGER NOT NULL DEFAULT 25;"
  "ALTER TABLE plan ADD COLUMN health_weight_involvement INTEGER NOT NULL DEFAULT 10;";

/* Version 6: what older plans hold meets the rules of the JSON document's
 * version 2. A currency is an ISO 4217 code in capitals ("eur" becomes
 * "EUR"). An acknowledgement's subject is type:id naming an entry of the
 * plan: one in another form ("Hybrid"), or naming an entry that is gone,
 * is kept at the end of the reason, and the acknowledgement is then about
 * the whole plan. */
static const char migration_6[] =
  "UPDATE plan SET currency = upper(trim(currency))"
  "  WHERE length(trim(currency)) = 3 AND upper(trim(currency)) GLOB '[A-Z][A-Z][A-Z]';"
  "UPDATE acknowledgement"
  "  SET reason = reason || char(10) || char(10) || 'Subject: ' || subject, subject = NULL"
  "  WHERE subject <> '' AND subject NOT IN ("
  "    SELECT 'upstream:' || id FROM upstream UNION ALL SELECT 'snapshot:' || id FROM snapshot"
  "    UNION ALL SELECT 'investment:' || id FROM investment UNION ALL SELECT 'patch:' || id FROM patch"
  "    UNION ALL SELECT 'product:' || id FROM product UNION ALL SELECT 'release:' || id FROM release"
  "    UNION ALL SELECT 'release_base:' || id FROM release_base"
  "    UNION ALL SELECT 'certification:' || id FROM certification"
  "    UNION ALL SELECT 'scenario:' || id FROM scenario UNION ALL SELECT 'milestone:' || id FROM milestone"
  "    UNION ALL SELECT 'acknowledgement:' || id FROM acknowledgement);";

static const char * const migrations[] = { NULL, migration_1, migration_2, migration_3, migration_4,
                                           migration_5, migration_6 };

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TRIB_PLAN_SCHEMA_VERSION + 1);

const char *
trib_store_migration_sql (int version)
{
  g_return_val_if_fail (version >= 1 && version <= TRIB_PLAN_SCHEMA_VERSION, NULL);
  return migrations[version];
}

