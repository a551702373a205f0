/* trib-plan.h: an open plan document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-entities.h"

G_BEGIN_DECLS

#define TRIB_PLAN_ERROR (trib_plan_error_quark ())

typedef enum
{
  TRIB_PLAN_ERROR_FAILED,
  TRIB_PLAN_ERROR_NOT_FOUND,    /* no such file */
  TRIB_PLAN_ERROR_EXISTS,       /* refusing to overwrite */
  TRIB_PLAN_ERROR_NOT_A_PLAN,   /* empty, not SQLite, or another application's database */
  TRIB_PLAN_ERROR_NEWER_FORMAT, /* written by a newer Tributary */
  TRIB_PLAN_ERROR_CORRUPT,      /* damaged database */
  TRIB_PLAN_ERROR_READ_ONLY,    /* no permission to change the file */
  TRIB_PLAN_ERROR_LOCKED,       /* open in another program */
  TRIB_PLAN_ERROR_INVALID,      /* a value or document that breaks the rules */
  TRIB_PLAN_ERROR_IO,           /* the disk refused */
} TribPlanError;

typedef enum
{
  TRIB_PLAN_OPEN_DEFAULT   = 0,
  TRIB_PLAN_OPEN_READ_ONLY = 1 << 0,
} TribPlanOpenFlags;

#define TRIB_PLAN_FILE_EXTENSION ".tributary"
#define TRIB_PLAN_SCHEMA_VERSION 6
#define TRIB_PLAN_APPLICATION_ID 0x54524942 /* "TRIB" */

/* What a change touched, for TribPlan::changed: one bit per entity type,
 * in the order of trib_plan_entity_types(), after the plan's own
 * properties. */
typedef enum
{
  TRIB_PLAN_CHANGE_INFO            = 1 << 0,
  TRIB_PLAN_CHANGE_UPSTREAM        = 1 << 1,
  TRIB_PLAN_CHANGE_STATS_SNAPSHOT  = 1 << 2,
  TRIB_PLAN_CHANGE_INVESTMENT      = 1 << 3,
  TRIB_PLAN_CHANGE_PATCH           = 1 << 4,
  TRIB_PLAN_CHANGE_PRODUCT         = 1 << 5,
  TRIB_PLAN_CHANGE_PRODUCT_RELEASE = 1 << 6,
  TRIB_PLAN_CHANGE_RELEASE_BASE    = 1 << 7,
  TRIB_PLAN_CHANGE_CERTIFICATION   = 1 << 8,
  TRIB_PLAN_CHANGE_SCENARIO        = 1 << 9,
  TRIB_PLAN_CHANGE_MILESTONE       = 1 << 10,
  TRIB_PLAN_CHANGE_ACKNOWLEDGEMENT = 1 << 11,
  TRIB_PLAN_CHANGE_ALL             = (1 << 12) - 1,
} TribPlanChanges;

/* What removing an entity takes with it: see trib_plan_count_removal(). */
typedef struct
{
  GType type;
  guint removed; /* entities of the type removed */
  guint cleared; /* entities of the type that lose a reference */
} TribRemovalCount;

#define TRIB_TYPE_PLAN (trib_plan_get_type ())

G_DECLARE_FINAL_TYPE (TribPlan, trib_plan, TRIB, PLAN, GObject)

GQuark        trib_plan_error_quark   (void);

TribPlan     *trib_plan_create        (const char        *path,
                                       const char        *name,
                                       GError           **error);
TribPlan     *trib_plan_create_replacing (const char     *path,
                                       const char        *name,
                                       GError           **error);
TribPlan     *trib_plan_open          (const char        *path,
                                       TribPlanOpenFlags  flags,
                                       GError           **error);
gboolean      trib_plan_save_as       (TribPlan          *self,
                                       const char        *path,
                                       GError           **error);
gboolean      trib_plan_copy_to       (TribPlan          *self,
                                       const char        *path,
                                       GError           **error);
void          trib_plan_close         (TribPlan          *self);

const char   *trib_plan_get_path      (TribPlan          *self);
const char   *trib_plan_get_title     (TribPlan          *self);
gboolean      trib_plan_is_read_only  (TribPlan          *self);
int           trib_plan_get_schema_version (TribPlan     *self);
TribPlanInfo *trib_plan_get_info      (TribPlan          *self);

/* The scenario assumption that overrides the plan's engineer-year cost. */
#define TRIB_PLAN_ENGINEER_COST_ASSUMPTION "engineer_cost"
double        trib_plan_get_engineer_year_cost (TribPlan *self,
                                       TribScenario      *scenario);

GType        *trib_plan_entity_types  (guint             *n_types);
TribPlanChanges trib_plan_changes_for_type (GType         type);
GListModel   *trib_plan_get_items     (TribPlan          *self,
                                       GType              type);
GListModel   *trib_plan_get_children  (TribPlan          *self,
                                       TribEntity        *parent,
                                       GType              child_type);
GListModel   *trib_plan_get_referring (TribPlan          *self,
                                       GType              child_type,
                                       const char        *field,
                                       gint64             target,
                                       GError           **error);
TribInvestment *trib_plan_get_investment (TribPlan      *self,
                                       TribUpstream      *upstream,
                                       const char        *quarter);
guint         trib_plan_count         (TribPlan          *self,
                                       GType              type);
TribEntity   *trib_plan_lookup        (TribPlan          *self,
                                       GType              type,
                                       gint64             id);

gboolean      trib_plan_add           (TribPlan          *self,
                                       TribEntity        *entity,
                                       GError           **error);
gboolean      trib_plan_remove        (TribPlan          *self,
                                       TribEntity        *entity,
                                       GError           **error);
GArray       *trib_plan_count_removal (TribPlan          *self,
                                       TribEntity        *entity,
                                       GError           **error);
char         *trib_plan_describe_removal (TribPlan       *self,
                                       TribEntity        *entity);
gboolean      trib_plan_update        (TribPlan          *self,
                                       TribEntity        *entity,
                                       guint              field,
                                       const GValue      *value,
                                       GError           **error);

void          trib_plan_begin         (TribPlan          *self,
                                       const char        *label);
gboolean      trib_plan_commit        (TribPlan          *self,
                                       GError           **error);
void          trib_plan_rollback      (TribPlan          *self);

gboolean      trib_plan_can_undo      (TribPlan          *self);
gboolean      trib_plan_can_redo      (TribPlan          *self);
const char   *trib_plan_get_undo_label (TribPlan         *self);
const char   *trib_plan_get_redo_label (TribPlan         *self);
gboolean      trib_plan_undo          (TribPlan          *self,
                                       GError           **error);
gboolean      trib_plan_redo          (TribPlan          *self,
                                       GError           **error);

void          trib_plan_report_error  (TribPlan          *self,
                                       const GError      *error);

/* Fetched data (trib-plan-fetch.c): not an edit, but a refresh as a whole
 * is one undo step when bracketed by trib_plan_begin_fetches(). */

/**
 * TribFetchOutcome:
 * @upstream: an upstream of the plan
 * @snapshot: (nullable): what the forge said, belonging to no plan yet
 * @error_message: (nullable): why the fetch failed; %NULL clears the
 *   upstream's last error
 * @repository: (nullable): the address the forge now gives the
 *   repository, when it was renamed
 * @error: (out) (nullable): set when this outcome could not be recorded as
 *   it was (its snapshot broke a field's rule): the reason is then recorded
 *   as the upstream's last error instead
 *
 * What fetching one upstream's statistics came to.
 */
typedef struct
{
  TribUpstream      *upstream;
  TribStatsSnapshot *snapshot;
  const char        *error_message;
  const char        *repository;
  GError            *error;
} TribFetchOutcome;

void          trib_plan_begin_fetches (TribPlan          *self,
                                       const char        *label);
gboolean      trib_plan_end_fetches   (TribPlan          *self);
gboolean      trib_plan_record_fetches (TribPlan         *self,
                                       TribFetchOutcome  *outcomes,
                                       guint              n_outcomes,
                                       GError           **error);
gboolean      trib_plan_record_fetch  (TribPlan          *self,
                                       TribUpstream      *upstream,
                                       TribStatsSnapshot *snapshot,
                                       const char        *error_message,
                                       GError           **error);
GListModel   *trib_plan_get_snapshots (TribPlan          *self,
                                       TribUpstream      *upstream,
                                       GError           **error);
TribStatsSnapshot *trib_plan_get_latest_snapshot (TribPlan *self,
                                       TribUpstream      *upstream,
                                       GError           **error);

#ifdef TRIB_CORE_COMPILATION
/* For the JSON export, which reads the file itself. */
gpointer      _trib_plan_get_store    (TribPlan          *self);
#endif

G_END_DECLS
