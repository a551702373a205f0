/* trib-investment-table.c: engineers per upstream and quarter, with totals and cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The investment grid, its chart and the report read the same table: one
 * pass over the plan's investments within its horizon. The cost of a
 * quarter is its engineers times a quarter of the plan's engineer-year
 * cost (the one setting that owns it).
 */
#define G_LOG_DOMAIN "trib-investment"

#include "config.h"

#include "trib-investment-table.h"
#include "trib-dates.h"

typedef struct
{
  gint64           upstream_id;
  double           total;
  double          *fte;    /* n_quarters */
  TribInvestment **cells;  /* n_quarters, not owned: the plan keeps them */
} Row;

struct _TribInvestmentTable
{
  guint       n_quarters;
  char      **quarters;
  GHashTable *rows;        /* upstream id → Row */
  double     *totals;
  double      year_cost;
};

static void
row_free (Row *row)
{
  g_free (row->fte);
  g_free (row->cells);
  g_free (row);
}

/**
 * trib_investment_table_new:
 * @plan: a plan
 *
 * Reads the investments of @plan within its horizon. A plan without a
 * first quarter has an empty table.
 *
 * Returns: (transfer full): the table
 */
TribInvestmentTable *
trib_investment_table_new (TribPlan *plan)
{
  TribInvestmentTable *self;
  TribPlanInfo *info;
  GListModel *investments;
  const char *first;
  int first_year = 0, first_q = 0;
  guint n;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);

  info = trib_plan_get_info (plan);
  first = trib_plan_info_get_first_quarter (info);
  self = g_new0 (TribInvestmentTable, 1);
  self->n_quarters = (first && *first) ? (guint) trib_plan_info_get_quarters (info) : 0;
  self->quarters = g_new0 (char *, self->n_quarters + 1);
  for (guint q = 0; q < self->n_quarters; q++)
    self->quarters[q] = trib_quarter_add (first, (int) q);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) row_free);
  self->totals = g_new0 (double, MAX (self->n_quarters, 1));
  self->year_cost = trib_plan_info_get_engineer_year_cost (info);

  investments = trib_plan_get_items (plan, TRIB_TYPE_INVESTMENT);
  n = self->n_quarters && trib_quarter_parse (first, &first_year, &first_q)
      ? g_list_model_get_n_items (investments) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribInvestment) inv = g_list_model_get_item (investments, i);
      gint64 id = trib_investment_get_upstream_id (inv);
      double fte = trib_investment_get_fte (inv);
      int year, quarter, q;
      Row *row;

      /* One parse a quarter: this loop runs over every investment. */
      if (!trib_quarter_parse (trib_investment_get_quarter (inv), &year, &quarter))
        continue;
      q = (year - first_year) * 4 + (quarter - first_q);
      if (q < 0 || q >= (int) self->n_quarters)
        continue;
      row = g_hash_table_lookup (self->rows, &id);
      if (row == NULL)
        {
          row = g_new0 (Row, 1);
          row->upstream_id = id;
          row->fte = g_new0 (double, self->n_quarters);
          row->cells = g_new0 (TribInvestment *, self->n_quarters);
          g_hash_table_insert (self->rows, &row->upstream_id, row);
        }
      /* The plan keeps one investment per upstream and quarter. */
      row->cells[q] = inv;
      row->fte[q] += fte;
      row->total += fte;
      self->totals[q] += fte;
    }
  return self;
}

/**
 * trib_investment_table_reload_upstream:
 * @plan: the plan the table was read from
 * @upstream_id: an upstream whose investments changed
 *
 * Reads again the investments of @upstream_id only (through the plan's
 * reference lists, without scanning every investment) and corrects the
 * totals: what one edit in a grid of thousands of upstreams needs.
 */
void
trib_investment_table_reload_upstream (TribInvestmentTable *self,
                                       TribPlan            *plan,
                                       gint64               upstream_id)
{
  GListModel *investments;
  Row *row;
  guint n;

  g_return_if_fail (self != NULL);
  if (self->n_quarters == 0)
    return;
  row = g_hash_table_lookup (self->rows, &upstream_id);
  if (row != NULL)
    {
      for (guint q = 0; q < self->n_quarters; q++)
        self->totals[q] -= row->fte[q];
      g_hash_table_remove (self->rows, &upstream_id);
    }
  investments = trib_plan_get_referring (plan, TRIB_TYPE_INVESTMENT, "upstream_id", upstream_id, NULL);
  n = investments ? g_list_model_get_n_items (investments) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribInvestment) inv = g_list_model_get_item (investments, i);
      int q = trib_quarter_index (self->quarters[0], (int) self->n_quarters, trib_investment_get_quarter (inv));
      double fte = trib_investment_get_fte (inv);

      if (q < 0)
        continue;
      row = g_hash_table_lookup (self->rows, &upstream_id);
      if (row == NULL)
        {
          row = g_new0 (Row, 1);
          row->upstream_id = upstream_id;
          row->fte = g_new0 (double, self->n_quarters);
          row->cells = g_new0 (TribInvestment *, self->n_quarters);
          g_hash_table_insert (self->rows, &row->upstream_id, row);
        }
      row->cells[q] = inv;
      row->fte[q] += fte;
      row->total += fte;
      self->totals[q] += fte;
    }
}

/**
 * trib_investment_table_free:
 *
 * Frees the table.
 */
void
trib_investment_table_free (TribInvestmentTable *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->quarters);
  g_hash_table_unref (self->rows);
  g_free (self->totals);
  g_free (self);
}

/**
 * trib_investment_table_get_n_quarters:
 *
 * Returns: the quarters of the plan's horizon
 */
guint
trib_investment_table_get_n_quarters (TribInvestmentTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_quarters;
}

/**
 * trib_investment_table_get_quarter:
 *
 * Returns: the quarter @q of the horizon, YYYY-Qn
 */
const char *
trib_investment_table_get_quarter (TribInvestmentTable *self,
                                   guint                q)
{
  g_return_val_if_fail (self != NULL && q < self->n_quarters, NULL);
  return self->quarters[q];
}

/**
 * trib_investment_table_quarter_index:
 *
 * Returns: the position of @quarter in the horizon, or -1
 */
int
trib_investment_table_quarter_index (TribInvestmentTable *self,
                                     const char          *quarter)
{
  g_return_val_if_fail (self != NULL, -1);
  if (self->n_quarters == 0)
    return -1;
  return trib_quarter_index (self->quarters[0], (int) self->n_quarters, quarter);
}

/**
 * trib_investment_table_lookup:
 *
 * Returns: (transfer none) (nullable): the investment in @upstream_id in
 *   quarter @q
 */
TribInvestment *
trib_investment_table_lookup (TribInvestmentTable *self,
                              gint64               upstream_id,
                              guint                q)
{
  Row *row;

  g_return_val_if_fail (self != NULL, NULL);
  row = g_hash_table_lookup (self->rows, &upstream_id);
  return row && q < self->n_quarters ? row->cells[q] : NULL;
}

/**
 * trib_investment_table_get_fte:
 *
 * Returns: the engineers in @upstream_id in quarter @q
 */
double
trib_investment_table_get_fte (TribInvestmentTable *self,
                               gint64               upstream_id,
                               guint                q)
{
  Row *row;

  g_return_val_if_fail (self != NULL, 0);
  row = g_hash_table_lookup (self->rows, &upstream_id);
  return row && q < self->n_quarters ? row->fte[q] : 0;
}

/**
 * trib_investment_table_get_upstream_total:
 *
 * Returns: the engineer-quarters in @upstream_id over the horizon
 */
double
trib_investment_table_get_upstream_total (TribInvestmentTable *self,
                                          gint64               upstream_id)
{
  Row *row;

  g_return_val_if_fail (self != NULL, 0);
  row = g_hash_table_lookup (self->rows, &upstream_id);
  return row ? row->total : 0;
}

/**
 * trib_investment_table_get_quarter_total:
 *
 * Returns: the engineers in every upstream in quarter @q
 */
double
trib_investment_table_get_quarter_total (TribInvestmentTable *self,
                                         guint                q)
{
  g_return_val_if_fail (self != NULL && q < self->n_quarters, 0);
  return self->totals[q];
}

/**
 * trib_investment_table_get_quarter_cost:
 *
 * Returns: what quarter @q's engineers cost: their number times a quarter
 *   of the engineer-year cost
 */
double
trib_investment_table_get_quarter_cost (TribInvestmentTable *self,
                                        guint                q)
{
  g_return_val_if_fail (self != NULL && q < self->n_quarters, 0);
  return self->totals[q] * self->year_cost / 4.0;
}

/**
 * trib_investment_table_get_total_cost:
 *
 * Returns: the cost of every quarter of the horizon together
 */
double
trib_investment_table_get_total_cost (TribInvestmentTable *self)
{
  double total = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint q = 0; q < self->n_quarters; q++)
    total += trib_investment_table_get_quarter_cost (self, q);
  return total;
}

/**
 * trib_investment_table_get_engineer_year_cost:
 *
 * Returns: the plan's cost of one engineer-year
 */
double
trib_investment_table_get_engineer_year_cost (TribInvestmentTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->year_cost;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const Row *ra = *(Row * const *) a, *rb = *(Row * const *) b;

  if (ra->total != rb->total)
    return ra->total < rb->total ? 1 : -1;
  return ra->upstream_id < rb->upstream_id ? -1 : ra->upstream_id > rb->upstream_id;
}

/**
 * trib_investment_table_top_upstreams:
 * @max: how many at most
 *
 * Returns: (transfer full) (element-type gint64): the ids of the upstreams
 *   with the most engineer-quarters, most first (ties by id), without those
 *   that get none
 */
GArray *
trib_investment_table_top_upstreams (TribInvestmentTable *self,
                                     guint                max)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, ids);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Row *) value)->total > 0)
      g_ptr_array_add (rows, value);
  g_ptr_array_sort (rows, compare_totals);
  for (guint i = 0; i < rows->len && i < max; i++)
    g_array_append_val (ids, ((Row *) g_ptr_array_index (rows, i))->upstream_id);
  return ids;
}
