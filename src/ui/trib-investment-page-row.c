/* trib-investment-page-row.c: one upstream's line of the investment grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid binds cells to these rows: a row keeps the numbers of its line
 * and says when they changed ("revision") or where the grid's cursor is in
 * it ("cursor"), so that an edit or a cursor move touches two cells, not
 * the thousands of a large plan.
 */
#define G_LOG_DOMAIN "trib-investment-page"

#include "config.h"

#include "trib-investment-page-row.h"

struct _TribInvestmentRow
{
  GObject                parent_instance;

  TribInvestmentRowKind  kind;
  TribUpstream          *upstream;
  guint                  n_quarters;
  double                *values;
  gboolean              *has;
  TribRole              *roles;
  double                 total;
  guint                  revision;
  int                    cursor;
};

enum
{
  PROP_0,
  PROP_REVISION,
  PROP_CURSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribInvestmentRow, trib_investment_row, G_TYPE_OBJECT)

static void
trib_investment_row_finalize (GObject *object)
{
  TribInvestmentRow *self = TRIB_INVESTMENT_ROW (object);

  g_clear_object (&self->upstream);
  g_free (self->values);
  g_free (self->has);
  g_free (self->roles);
  G_OBJECT_CLASS (trib_investment_row_parent_class)->finalize (object);
}

static void
trib_investment_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribInvestmentRow *self = TRIB_INVESTMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;
    case PROP_CURSOR:
      g_value_set_int (value, self->cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_investment_row_class_init (TribInvestmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_investment_row_finalize;
  object_class->get_property = trib_investment_row_get_property;

  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURSOR] =
    g_param_spec_int ("cursor", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_investment_row_init (TribInvestmentRow *self)
{
  self->cursor = -1;
}

/**
 * trib_investment_row_new:
 * @upstream: (nullable): the upstream of an upstream's row
 *
 * Returns: (transfer full): an empty row of @n_quarters quarters
 */
TribInvestmentRow *
trib_investment_row_new (TribInvestmentRowKind  kind,
                         TribUpstream          *upstream,
                         guint                  n_quarters)
{
  TribInvestmentRow *self = g_object_new (TRIB_TYPE_INVESTMENT_ROW, NULL);

  self->kind = kind;
  self->upstream = upstream ? g_object_ref (upstream) : NULL;
  self->n_quarters = n_quarters;
  self->values = g_new0 (double, MAX (n_quarters, 1));
  self->has = g_new0 (gboolean, MAX (n_quarters, 1));
  self->roles = g_new0 (TribRole, MAX (n_quarters, 1));
  return self;
}

/** trib_investment_row_get_kind: Returns: what the row stands for */
TribInvestmentRowKind
trib_investment_row_get_kind (TribInvestmentRow *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self), 0);
  return self->kind;
}

/** trib_investment_row_get_upstream: Returns: (transfer none) (nullable): its upstream */
TribUpstream *
trib_investment_row_get_upstream (TribInvestmentRow *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self), NULL);
  return self->upstream;
}

/**
 * trib_investment_row_update:
 * @table: the plan's investments
 *
 * Reads the row's numbers from @table, and tells the cells bound to it
 * only if one changed.
 *
 * Returns: whether anything changed
 */
gboolean
trib_investment_row_update (TribInvestmentRow   *self,
                            TribInvestmentTable *table)
{
  gint64 id = self->upstream ? trib_entity_get_id (TRIB_ENTITY (self->upstream)) : 0;
  gboolean changed = FALSE;
  double total = 0;

  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self), FALSE);

  for (guint q = 0; q < self->n_quarters; q++)
    {
      double value;
      gboolean has;
      TribRole role = TRIB_ROLE_USER;

      switch (self->kind)
        {
        case TRIB_INVESTMENT_ROW_TOTAL:
          value = trib_investment_table_get_quarter_total (table, q);
          has = TRUE;
          break;
        case TRIB_INVESTMENT_ROW_COST:
          value = trib_investment_table_get_quarter_cost (table, q);
          has = TRUE;
          break;
        case TRIB_INVESTMENT_ROW_UPSTREAM:
        default:
          {
            TribInvestment *inv = trib_investment_table_lookup (table, id, q);
            has = inv != NULL;
            value = inv ? trib_investment_get_fte (inv) : 0;
            role = inv ? trib_investment_get_role (inv) : TRIB_ROLE_USER;
          }
        }
      if (value != self->values[q] || has != self->has[q] || role != self->roles[q])
        {
          self->values[q] = value;
          self->has[q] = has;
          self->roles[q] = role;
          changed = TRUE;
        }
      total += value;
    }
  if (total != self->total)
    {
      self->total = total;
      changed = TRUE;
    }
  if (changed)
    {
      self->revision++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
  return changed;
}

/** trib_investment_row_get_value: Returns: engineers (or cost) in quarter @q */
double
trib_investment_row_get_value (TribInvestmentRow *self,
                               guint              q)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self) && q < self->n_quarters, 0);
  return self->values[q];
}

/** trib_investment_row_has_value: Returns: whether quarter @q has an investment */
gboolean
trib_investment_row_has_value (TribInvestmentRow *self,
                               guint              q)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self) && q < self->n_quarters, FALSE);
  return self->has[q];
}

/** trib_investment_row_get_role: Returns: the role aimed for in quarter @q */
TribRole
trib_investment_row_get_role (TribInvestmentRow *self,
                              guint              q)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self) && q < self->n_quarters, 0);
  return self->roles[q];
}

/** trib_investment_row_get_total: Returns: the sum over the quarters */
double
trib_investment_row_get_total (TribInvestmentRow *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self), 0);
  return self->total;
}

/** trib_investment_row_get_cursor: Returns: the column of the grid's cursor, or -1 */
int
trib_investment_row_get_cursor (TribInvestmentRow *self)
{
  g_return_val_if_fail (TRIB_IS_INVESTMENT_ROW (self), -1);
  return self->cursor;
}

/** trib_investment_row_set_cursor: puts the grid's cursor in @column (-1: not here). */
void
trib_investment_row_set_cursor (TribInvestmentRow *self,
                                int                column)
{
  g_return_if_fail (TRIB_IS_INVESTMENT_ROW (self));
  if (self->cursor == column)
    return;
  self->cursor = column;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}
