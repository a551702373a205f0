/* trib-roadmap.c: the roadmap's lanes, items and their rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-roadmap"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-roadmap.h"
#include "trib-dates.h"
#include "trib-enums.h"
#include "trib-labels.h"
#include "trib-patch-debt.h"

/* An upstream releasing more often than this is drawn as this: a train of
 * weekly ticks says nothing a monthly one does not. */
#define MIN_CADENCE_DAYS 30.0

struct _TribRoadmap
{
  GArray  *items;     /* TribRoadmapItem */
  guint32  first_day;
  guint32  last_day;
  guint    next_group;
  int      n_rows[TRIB_ROADMAP_N_LANES];
};

typedef struct
{
  guint    key;
  guint32  start;
  guint32  extent;      /* first day past everything the group occupies */
  const TribRoadmapItem *first;
  int      row;
} Group;

static void
item_clear (gpointer data)
{
  TribRoadmapItem *item = data;

  g_clear_pointer (&item->title, g_free);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = a, *gb = b;
  int cmp;

  if (ga->start != gb->start)
    return ga->start < gb->start ? -1 : 1;
  if (ga->extent != gb->extent)
    return ga->extent > gb->extent ? -1 : 1;   /* longer first: it anchors the row */
  if (ga->first->kind != gb->first->kind)
    return ga->first->kind < gb->first->kind ? -1 : 1;
  if ((cmp = g_strcmp0 (ga->first->title, gb->first->title)) != 0)
    return cmp;
  if (ga->first->entity_id != gb->first->entity_id)
    return ga->first->entity_id < gb->first->entity_id ? -1 : 1;
  return ga->key < gb->key ? -1 : ga->key > gb->key;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const TribRoadmapItem *ia = a, *ib = b;
  int cmp;

  if (ia->lane != ib->lane)
    return ia->lane < ib->lane ? -1 : 1;
  if (ia->row != ib->row)
    return ia->row < ib->row ? -1 : 1;
  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end < ib->end ? -1 : 1;
  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  if ((cmp = g_strcmp0 (ia->title, ib->title)) != 0)
    return cmp;
  return ia->entity_id < ib->entity_id ? -1 : ia->entity_id > ib->entity_id;
}

static int
compare_entities_by_id (gconstpointer a,
                        gconstpointer b)
{
  gint64 ia = trib_entity_get_id (*(TribEntity **) a);
  gint64 ib = trib_entity_get_id (*(TribEntity **) b);

  return ia < ib ? -1 : ia > ib;
}

/* The plan's entities of @type sorted by id, so that the roadmap does not
 * depend on the order a list model happens to hold them in. */
static GPtrArray *
sorted_entities (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  g_ptr_array_sort (array, compare_entities_by_id);
  return array;
}

static gboolean
day_from_text (const char *text,
               guint32    *day)
{
  GDate date;

  if (!trib_date_parse (text, &date))
    return FALSE;
  *day = g_date_get_julian (&date);
  return TRUE;
}

/**
 * trib_roadmap_new:
 * @first_day: the first day of the horizon (Julian day number)
 * @last_day: its last day
 *
 * Returns: (transfer full): an empty roadmap over that horizon, for items
 *   added with trib_roadmap_add()
 */
TribRoadmap *
trib_roadmap_new (guint32 first_day,
                  guint32 last_day)
{
  TribRoadmap *self = g_new0 (TribRoadmap, 1);

  g_return_val_if_fail (first_day > 0 && first_day <= last_day, NULL);

  self->items = g_array_new (FALSE, TRUE, sizeof (TribRoadmapItem));
  g_array_set_clear_func (self->items, item_clear);
  self->first_day = first_day;
  self->last_day = last_day;
  self->next_group = 1;
  return self;
}

/**
 * trib_roadmap_free:
 * @self: a roadmap
 *
 * Frees the roadmap and its items.
 */
void
trib_roadmap_free (TribRoadmap *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

/**
 * trib_roadmap_add:
 * @self: a roadmap
 * @lane: its lane
 * @kind: its kind
 * @title: what people read
 * @start: its first day
 * @end: its last day, not before @start
 * @group: 0, or a group shared with other items that stay on one row
 *
 * Returns: (transfer none): the new item, valid until the next add, for
 *   the caller to fill in its other members
 */
TribRoadmapItem *
trib_roadmap_add (TribRoadmap     *self,
                  TribLane         lane,
                  TribRoadmapKind  kind,
                  const char      *title,
                  guint32          start,
                  guint32          end,
                  guint            group)
{
  TribRoadmapItem item = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) lane < TRIB_ROADMAP_N_LANES, NULL);
  g_return_val_if_fail (start > 0 && start <= end, NULL);

  item.lane = lane;
  item.kind = kind;
  item.title = g_strdup (title ? title : "");
  item.start = start;
  item.end = end;
  item.group = group;
  item.entity_type = G_TYPE_INVALID;
  item.link_type = G_TYPE_INVALID;
  if (group >= self->next_group)
    self->next_group = group + 1;
  g_array_append_val (self->items, item);
  return &g_array_index (self->items, TribRoadmapItem, self->items->len - 1);
}

/* Expected releases of an upstream over the horizon: its last release,
 * repeated at the interval its releases of the last year were made at. */
static void
add_release_train (TribRoadmap  *self,
                   TribPlan     *plan,
                   TribUpstream *upstream)
{
  TribStatsSnapshot *snapshot = trib_plan_get_latest_snapshot (plan, upstream, NULL);
  g_autofree char *title = NULL;
  guint32 last;
  double cadence;
  double first_k, last_k;
  guint group;

  TribCadenceSource source;
  double per_year;

  /* The cadence the patch-debt projection counts with (set on the
   * upstream, else from its statistics), anchored on the last release the
   * forge reported; a guessed cadence draws no train. */
  if (snapshot == NULL || !day_from_text (trib_stats_snapshot_get_last_release (snapshot), &last))
    return;
  per_year = trib_upstream_cadence (upstream, snapshot, &source);
  if (source == TRIB_CADENCE_DEFAULT || per_year <= 0)
    return;

  cadence = MAX (365.25 / per_year, MIN_CADENCE_DAYS);
  first_k = ceil (((double) self->first_day - last) / cadence);
  last_k = floor (((double) self->last_day - last) / cadence);
  /* Translators: an expected release of an upstream project on the roadmap */
  title = g_strdup_printf (_("%s release"), trib_upstream_get_name (upstream));
  group = self->next_group++;
  for (double k = first_k; k <= last_k; k++)
    {
      guint32 day = (guint32) llround (last + k * cadence);
      TribRoadmapItem *item;

      if (day < self->first_day || day > self->last_day)
        continue;
      item = trib_roadmap_add (self, TRIB_LANE_UPSTREAM, TRIB_ROADMAP_KIND_UPSTREAM_RELEASE,
                               title, day, day, group);
      item->entity_type = TRIB_TYPE_UPSTREAM;
      item->entity_id = trib_entity_get_id (TRIB_ENTITY (upstream));
    }
}

/* Quarters at one FTE level and role become one step of the dial. */
static void
add_investment_steps (TribRoadmap  *self,
                      TribUpstream *upstream,
                      GPtrArray    *investments)
{
  const char *name = trib_upstream_get_name (upstream);
  guint group = self->next_group++;
  guint i = 0;

  while (i < investments->len)
    {
      TribInvestment *first = g_ptr_array_index (investments, i);
      double fte = trib_investment_get_fte (first);
      TribRole role = trib_investment_get_role (first);
      GDate from, to;
      guint j = i + 1;

      while (j < investments->len)
        {
          TribInvestment *next = g_ptr_array_index (investments, j);
          TribInvestment *prev = g_ptr_array_index (investments, j - 1);
          g_autofree char *expected = trib_quarter_add (trib_investment_get_quarter (prev), 1);

          if (trib_investment_get_fte (next) != fte || trib_investment_get_role (next) != role
              || g_strcmp0 (expected, trib_investment_get_quarter (next)) != 0)
            break;
          j++;
        }

      if (fte > 0
          && trib_quarter_get_bounds (trib_investment_get_quarter (first), &from, NULL)
          && trib_quarter_get_bounds (trib_investment_get_quarter (g_ptr_array_index (investments, j - 1)),
                                      NULL, &to))
        {
          g_autofree char *number = g_strdup_printf ("%g", fte);
          g_autofree char *title = NULL;
          TribRoadmapItem *item;

          /* Translators: an upstream, its engineers and our role there, e.g. "Kubernetes: 2 FTE, contributor" */
          title = g_strdup_printf (_("%s: %s FTE, %s"), name, number,
                                   trib_enum_get_label (TRIB_TYPE_ROLE, role));
          item = trib_roadmap_add (self, TRIB_LANE_INVESTMENT, TRIB_ROADMAP_KIND_INVESTMENT, title,
                                   g_date_get_julian (&from), g_date_get_julian (&to), group);
          item->value = fte;
          item->entity_type = TRIB_TYPE_INVESTMENT;
          item->entity_id = trib_entity_get_id (TRIB_ENTITY (first));
          item->link_type = TRIB_TYPE_UPSTREAM;
          item->link_id = trib_entity_get_id (TRIB_ENTITY (upstream));
        }
      i = j;
    }
}

static int
compare_investments (gconstpointer a,
                     gconstpointer b)
{
  TribInvestment *ia = *(TribInvestment **) a, *ib = *(TribInvestment **) b;
  int cmp = g_strcmp0 (trib_investment_get_quarter (ia), trib_investment_get_quarter (ib));

  if (cmp != 0)
    return cmp;
  return compare_entities_by_id (a, b);
}

static void
add_investments (TribRoadmap *self,
                 TribPlan    *plan,
                 GPtrArray   *upstreams)
{
  GListModel *model = trib_plan_get_items (plan, TRIB_TYPE_INVESTMENT);
  g_autoptr(GPtrArray) investments = sorted_entities (model);
  g_autoptr(GHashTable) by_upstream = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < investments->len; i++)
    {
      TribInvestment *inv = g_ptr_array_index (investments, i);
      gint64 id = trib_investment_get_upstream_id (inv);
      GPtrArray *list = g_hash_table_lookup (by_upstream, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_upstream, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, inv);
    }

  for (guint i = 0; i < upstreams->len; i++)
    {
      TribUpstream *upstream = g_ptr_array_index (upstreams, i);
      gint64 id = trib_entity_get_id (TRIB_ENTITY (upstream));
      GPtrArray *list = g_hash_table_lookup (by_upstream, &id);

      if (list == NULL)
        continue;
      g_ptr_array_sort (list, compare_investments);
      add_investment_steps (self, upstream, list);
    }
}

static void
add_releases (TribRoadmap *self,
              TribPlan    *plan)
{
  GListModel *model = trib_plan_get_items (plan, TRIB_TYPE_PRODUCT_RELEASE);
  g_autoptr(GPtrArray) releases = sorted_entities (model);

  for (guint i = 0; i < releases->len; i++)
    {
      TribProductRelease *release = g_ptr_array_index (releases, i);
      TribProduct *product = TRIB_PRODUCT (trib_plan_lookup (plan, TRIB_TYPE_PRODUCT,
                                                             trib_product_release_get_product_id (release)));
      g_autofree char *title = NULL;
      guint32 ga, eom, eol;
      gboolean has_eom, has_eol;
      guint group;
      TribRoadmapItem *item;

      if (!day_from_text (trib_product_release_get_ga (release), &ga))
        continue;
      has_eom = day_from_text (trib_product_release_get_end_of_maintenance (release), &eom) && eom >= ga;
      has_eol = day_from_text (trib_product_release_get_end_of_life (release), &eol) && eol >= ga;
      if (!has_eom)
        eom = has_eol ? eol : MAX (ga, self->last_day);
      title = g_strdup_printf ("%s %s", product ? trib_product_get_name (product) : "",
                               trib_product_release_get_version (release));
      g_strstrip (title);
      group = self->next_group++;

      item = trib_roadmap_add (self, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_RELEASE, title, ga, eom, group);
      item->entity_type = TRIB_TYPE_PRODUCT_RELEASE;
      item->entity_id = trib_entity_get_id (TRIB_ENTITY (release));
      if (has_eol && eol > eom)
        {
          g_autofree char *tail = NULL;

          /* Translators: the phase of a product release after its maintenance ends */
          tail = g_strdup_printf (_("%s until end of life"), title);
          item = trib_roadmap_add (self, TRIB_LANE_PRODUCT, TRIB_ROADMAP_KIND_END_OF_LIFE, tail,
                                   eom + 1, eol, group);
          item->entity_type = TRIB_TYPE_PRODUCT_RELEASE;
          item->entity_id = trib_entity_get_id (TRIB_ENTITY (release));
        }
    }
}

static void
add_milestones (TribRoadmap *self,
                TribPlan    *plan)
{
  GListModel *model = trib_plan_get_items (plan, TRIB_TYPE_MILESTONE);
  g_autoptr(GPtrArray) milestones = sorted_entities (model);

  for (guint i = 0; i < milestones->len; i++)
    {
      TribMilestone *m = g_ptr_array_index (milestones, i);
      TribRoadmapItem *item;
      guint32 day;

      if (!day_from_text (trib_milestone_get_date (m), &day))
        continue;
      item = trib_roadmap_add (self, trib_milestone_get_lane (m), TRIB_ROADMAP_KIND_MILESTONE,
                               trib_milestone_get_title (m), day, day, 0);
      item->step = trib_milestone_get_step (m);
      item->done = trib_milestone_get_done (m);
      item->entity_type = TRIB_TYPE_MILESTONE;
      item->entity_id = trib_entity_get_id (TRIB_ENTITY (m));
      if (trib_milestone_get_upstream_id (m) > 0)
        {
          item->link_type = TRIB_TYPE_UPSTREAM;
          item->link_id = trib_milestone_get_upstream_id (m);
        }
      else if (trib_milestone_get_release_id (m) > 0)
        {
          item->link_type = TRIB_TYPE_PRODUCT_RELEASE;
          item->link_id = trib_milestone_get_release_id (m);
        }
      else if (trib_milestone_get_scenario_id (m) > 0)
        {
          item->link_type = TRIB_TYPE_SCENARIO;
          item->link_id = trib_milestone_get_scenario_id (m);
        }
    }
}

/* The plan's horizon; a plan without one gets the year of its first dated
 * milestone or release, and failing that the current year. */
static void
plan_horizon (TribPlan *plan,
              guint32  *first,
              guint32  *last)
{
  TribPlanInfo *info = trib_plan_get_info (plan);
  const char *quarter = info ? trib_plan_info_get_first_quarter (info) : NULL;
  int n = info ? trib_plan_info_get_quarters (info) : 0;
  g_autofree char *last_quarter = NULL;
  GDate a, b;

  if (quarter != NULL && n > 0 && (last_quarter = trib_quarter_add (quarter, n - 1)) != NULL
      && trib_quarter_get_bounds (quarter, &a, NULL)
      && trib_quarter_get_bounds (last_quarter, NULL, &b))
    {
      *first = g_date_get_julian (&a);
      *last = g_date_get_julian (&b);
      return;
    }

  g_date_clear (&a, 1);
  g_date_set_time_t (&a, time (NULL));
  g_date_set_dmy (&a, 1, G_DATE_JANUARY, g_date_get_year (&a));
  g_date_clear (&b, 1);
  g_date_set_dmy (&b, 31, G_DATE_DECEMBER, g_date_get_year (&a));
  *first = g_date_get_julian (&a);
  *last = g_date_get_julian (&b);
}

/**
 * trib_roadmap_new_for_plan:
 * @plan: a plan
 *
 * Collects the roadmap of @plan over its horizon: the expected releases of
 * every upstream whose cadence is known (set on it or from its statistics)
 * from its last release on, and the upstream milestones; the product
 * releases with their maintenance and end-of-life phases and the product
 * milestones; the FTE steps of every upstream; the business milestones.
 * The items are not laid out yet: call trib_roadmap_layout().
 *
 * Returns: (transfer full): the roadmap
 */
TribRoadmap *
trib_roadmap_new_for_plan (TribPlan *plan)
{
  GListModel *upstream_model;
  g_autoptr(GPtrArray) upstreams = NULL;
  TribRoadmap *self;
  guint32 first, last;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  plan_horizon (plan, &first, &last);
  self = trib_roadmap_new (first, last);

  upstream_model = trib_plan_get_items (plan, TRIB_TYPE_UPSTREAM);
  upstreams = sorted_entities (upstream_model);
  for (guint i = 0; i < upstreams->len; i++)
    add_release_train (self, plan, g_ptr_array_index (upstreams, i));
  add_releases (self, plan);
  add_investments (self, plan, upstreams);
  add_milestones (self, plan);
  return self;
}

/**
 * trib_roadmap_default_measure:
 * @item: an item
 * @user_data: unused
 *
 * A label extent without fonts, for a layout that is not drawn (the
 * report and the window lay out with their fonts' measures instead): about
 * the quarter view, four days a character, at most 32 characters.
 *
 * Returns: days past the item's start its label reaches
 */
guint
trib_roadmap_default_measure (const TribRoadmapItem *item,
                              gpointer               user_data)
{
  glong chars = g_utf8_strlen (item->title, -1);

  if (item->kind == TRIB_ROADMAP_KIND_UPSTREAM_RELEASE)
    return 0;
  return (guint) (MIN (chars, 32) * 4);
}

/**
 * trib_roadmap_layout:
 * @self: a roadmap
 * @measure: (nullable): how far each label reaches, or %NULL for
 *   trib_roadmap_default_measure()
 * @user_data: data for @measure
 *
 * Gives every item a row within its lane. Items of one group are placed as
 * one block. Blocks are placed in order of their first day (ties broken by
 * length, kind, title and id) into the first row that is free from that day
 * on — first fit in start order, which uses as few rows as any placement
 * can. Two blocks of a row never share a day, labels included. Items are
 * then sorted by lane, row and day.
 */
void
trib_roadmap_layout (TribRoadmap            *self,
                     TribRoadmapMeasureFunc  measure,
                     gpointer                user_data)
{
  g_return_if_fail (self != NULL);

  if (measure == NULL)
    measure = trib_roadmap_default_measure;

  for (int lane = 0; lane < TRIB_ROADMAP_N_LANES; lane++)
    {
      g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
      g_autoptr(GHashTable) by_key = g_hash_table_new (NULL, NULL);
      g_autoptr(GArray) row_free = g_array_new (FALSE, TRUE, sizeof (guint32));
      guint lone = 0;

      for (guint i = 0; i < self->items->len; i++)
        {
          TribRoadmapItem *item = &g_array_index (self->items, TribRoadmapItem, i);
          guint32 extent = MAX (item->end + 1, item->start + measure (item, user_data));
          Group *group = NULL;
          gpointer index;

          if ((int) item->lane != lane)
            continue;
          if (item->group != 0
              && g_hash_table_lookup_extended (by_key, GUINT_TO_POINTER (item->group), NULL, &index))
            group = &g_array_index (groups, Group, GPOINTER_TO_UINT (index));
          if (group == NULL)
            {
              Group g = { .key = item->group ? item->group : G_MAXUINT - lone++,
                          .start = item->start, .extent = extent, .first = item };

              if (item->group != 0)
                g_hash_table_insert (by_key, GUINT_TO_POINTER (item->group),
                                     GUINT_TO_POINTER (groups->len));
              g_array_append_val (groups, g);
              continue;
            }
          if (item->start < group->start || (item->start == group->start
                                             && g_strcmp0 (item->title, group->first->title) < 0))
            group->first = item;
          group->start = MIN (group->start, item->start);
          group->extent = MAX (group->extent, extent);
        }

      g_array_sort (groups, compare_groups);
      for (guint g = 0; g < groups->len; g++)
        {
          Group *group = &g_array_index (groups, Group, g);
          guint row = 0;

          while (row < row_free->len && g_array_index (row_free, guint32, row) > group->start)
            row++;
          if (row == row_free->len)
            g_array_set_size (row_free, row + 1);
          g_array_index (row_free, guint32, row) = group->extent;
          group->row = (int) row;
        }
      self->n_rows[lane] = (int) row_free->len;

      /* Hand the rows back to the items through the groups' keys. */
      g_hash_table_remove_all (by_key);
      for (guint g = 0; g < groups->len; g++)
        {
          Group *group = &g_array_index (groups, Group, g);
          g_hash_table_insert (by_key, GUINT_TO_POINTER (group->key), GINT_TO_POINTER (group->row));
          ((TribRoadmapItem *) group->first)->row = group->row;
        }
      for (guint i = 0; i < self->items->len; i++)
        {
          TribRoadmapItem *item = &g_array_index (self->items, TribRoadmapItem, i);

          if ((int) item->lane == lane && item->group != 0)
            item->row = GPOINTER_TO_INT (g_hash_table_lookup (by_key, GUINT_TO_POINTER (item->group)));
        }
    }

  g_array_sort (self->items, compare_items);
}

guint32
trib_roadmap_get_first_day (TribRoadmap *self)
{
  return self->first_day;
}

guint32
trib_roadmap_get_last_day (TribRoadmap *self)
{
  return self->last_day;
}

guint
trib_roadmap_get_n_items (TribRoadmap *self)
{
  return self->items->len;
}

/**
 * trib_roadmap_get_item:
 * @self: a roadmap
 * @index: an index below trib_roadmap_get_n_items()
 *
 * Returns: (transfer none): the item
 */
const TribRoadmapItem *
trib_roadmap_get_item (TribRoadmap *self,
                       guint        index)
{
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, TribRoadmapItem, index);
}

/**
 * trib_roadmap_get_n_rows:
 * @self: a laid-out roadmap
 * @lane: a lane
 *
 * Returns: how many rows the lane needs (0 for an empty lane)
 */
int
trib_roadmap_get_n_rows (TribRoadmap *self,
                         TribLane     lane)
{
  g_return_val_if_fail ((guint) lane < TRIB_ROADMAP_N_LANES, 0);

  return self->n_rows[lane];
}

/**
 * trib_roadmap_get_step_span:
 * @self: a roadmap
 * @step: one of the guide's three upstream-first steps
 * @start: (out): the day of its first milestone
 * @end: (out): the day of its last milestone
 *
 * Returns: whether any milestone belongs to @step
 */
gboolean
trib_roadmap_get_step_span (TribRoadmap *self,
                            TribStep     step,
                            guint32     *start,
                            guint32     *end)
{
  gboolean found = FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      const TribRoadmapItem *item = &g_array_index (self->items, TribRoadmapItem, i);

      if (item->kind != TRIB_ROADMAP_KIND_MILESTONE || item->step != step || step == TRIB_STEP_NONE)
        continue;
      if (!found || item->start < *start)
        *start = item->start;
      if (!found || item->end > *end)
        *end = item->end;
      found = TRUE;
    }
  return found;
}

/**
 * trib_roadmap_find_entity:
 * @self: a roadmap
 * @entity_type: an entity type
 * @entity_id: an id
 *
 * Returns: the index of the first item made from that entity, or -1
 */
int
trib_roadmap_find_entity (TribRoadmap *self,
                          GType        entity_type,
                          gint64       entity_id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const TribRoadmapItem *item = &g_array_index (self->items, TribRoadmapItem, i);

      if (item->entity_type == entity_type && item->entity_id == entity_id)
        return (int) i;
    }
  return -1;
}

/**
 * trib_roadmap_kind_to_string:
 * @kind: a kind
 *
 * Returns: the kind's name in the JSON of `tributary-cli roadmap`
 */
const char *
trib_roadmap_kind_to_string (TribRoadmapKind kind)
{
  switch (kind)
    {
    case TRIB_ROADMAP_KIND_MILESTONE: return "milestone";
    case TRIB_ROADMAP_KIND_UPSTREAM_RELEASE: return "upstream-release";
    case TRIB_ROADMAP_KIND_RELEASE: return "release";
    case TRIB_ROADMAP_KIND_END_OF_LIFE: return "end-of-life";
    case TRIB_ROADMAP_KIND_INVESTMENT: return "investment";
    default: g_return_val_if_reached ("milestone");
    }
}

/**
 * trib_roadmap_lane_to_string:
 * @lane: a lane
 *
 * Returns: the lane's nick, as the plan file writes it
 */
const char *
trib_roadmap_lane_to_string (TribLane lane)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TRIB_TYPE_LANE);
  GEnumValue *value = g_enum_get_value (klass, lane);

  return value ? value->value_nick : "";
}

/**
 * trib_roadmap_format_day:
 * @julian: a Julian day number
 *
 * Returns: (transfer full): the day written YYYY-MM-DD
 */
char *
trib_roadmap_format_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return trib_date_format (&date);
}
