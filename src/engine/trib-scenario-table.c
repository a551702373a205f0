/* trib-scenario-table.c: the columns of a scenario's yearly projection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-engine"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "trib-scenario-table.h"

#define COLUMN(key, label, kind) { #key, label, TRIB_SCENARIO_VALUE_##kind, G_STRUCT_OFFSET (TribScenarioYear, key) }

static const TribScenarioColumn columns[] = {
  COLUMN (year, N_("Year"), YEAR),
  COLUMN (users, N_("Users"), COUNT),
  COLUMN (new_customers, N_("New customers"), COUNT),
  COLUMN (customers, N_("Customers"), COUNT),
  COLUMN (arr, N_("Recurring revenue"), MONEY),
  COLUMN (services_revenue, N_("Services revenue"), MONEY),
  COLUMN (revenue, N_("Revenue"), MONEY),
  COLUMN (cogs, N_("Cost of revenue"), MONEY),
  COLUMN (gross_margin, N_("Gross margin"), SHARE),
  COLUMN (rd, N_("R&D"), MONEY),
  COLUMN (sm, N_("Sales and marketing"), MONEY),
  COLUMN (ga, N_("G&A"), MONEY),
  COLUMN (operating_result, N_("Operating result"), MONEY),
  COLUMN (cash, N_("Cumulative cash"), MONEY),
  COLUMN (consultants, N_("Consultants"), COUNT),
  COLUMN (patch_stock, N_("Carried patches"), COUNT),
  COLUMN (maintenance_fte, N_("Patch upkeep (FTE)"), FTE),
  COLUMN (own_fte, N_("Own platform engineering (FTE)"), FTE),
  COLUMN (community_fte, N_("Community engineering (FTE)"), FTE),
  COLUMN (paid_fte, N_("Paid engineering (FTE)"), FTE),
  COLUMN (upkeep_share, N_("Share spent on upkeep"), SHARE),
};

/**
 * trib_scenario_columns:
 * @n_columns: (out): the number of columns
 *
 * Returns: (transfer none) (array length=n_columns): the columns of a
 *   yearly projection, in the order tables show them
 */
const TribScenarioColumn *
trib_scenario_columns (guint *n_columns)
{
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

/**
 * trib_scenario_column_lookup:
 * @key: a column's key ("revenue")
 *
 * Returns: (transfer none) (nullable): the column
 */
const TribScenarioColumn *
trib_scenario_column_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (strcmp (columns[i].key, key) == 0)
      return &columns[i];
  return NULL;
}

/**
 * trib_scenario_round:
 * @kind: what the value is
 * @value: a value
 *
 * Returns: @value rounded as it is shown and exported: money to the cent,
 *   the rest to four decimals
 */
double
trib_scenario_round (TribScenarioValueKind kind,
                     double                value)
{
  double r;

  switch (kind)
    {
    case TRIB_SCENARIO_VALUE_YEAR:
      r = round (value);
      break;
    case TRIB_SCENARIO_VALUE_MONEY:
      r = round (value * 100) / 100;
      break;
    case TRIB_SCENARIO_VALUE_COUNT:
    case TRIB_SCENARIO_VALUE_FTE:
    case TRIB_SCENARIO_VALUE_SHARE:
    default:
      r = round (value * 10000) / 10000;
      break;
    }
  return r == 0 ? 0 : r; /* no -0 */
}

/**
 * trib_scenario_column_value:
 * @column: a column
 * @year: a year of a projection
 *
 * Returns: the value of @column in @year, rounded with trib_scenario_round()
 */
double
trib_scenario_column_value (const TribScenarioColumn *column,
                            const TribScenarioYear   *year)
{
  g_return_val_if_fail (column != NULL && year != NULL, 0);

  if (column->kind == TRIB_SCENARIO_VALUE_YEAR)
    return G_STRUCT_MEMBER (int, year, column->offset);
  return trib_scenario_round (column->kind, G_STRUCT_MEMBER (double, year, column->offset));
}

/* Digits in groups of three with a thin space, so that 12 500 000 reads at a glance
 * in any locale without guessing its separators. */
static char *
group_digits (const char *number)
{
  GString *out = g_string_new (NULL);
  const char *digits = number[0] == '-' ? number + 1 : number;
  const char *dot = strchr (digits, '.');
  gsize n = dot ? (gsize) (dot - digits) : strlen (digits);

  if (digits != number)
    g_string_append (out, "−");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, "\u2009");
      g_string_append_c (out, digits[i]);
    }
  if (dot)
    g_string_append (out, dot);
  return g_string_free (out, FALSE);
}

/**
 * trib_scenario_format_value:
 * @kind: what the value is
 * @value: a value
 *
 * Returns: (transfer full): @value for people: money in whole units with
 *   grouped digits, shares as percentages, counts and FTE with one decimal
 */
char *
trib_scenario_format_value (TribScenarioValueKind kind,
                            double                value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (kind)
    {
    case TRIB_SCENARIO_VALUE_YEAR:
      return g_strdup_printf ("%d", (int) value);
    case TRIB_SCENARIO_VALUE_MONEY:
      g_ascii_formatd (buf, sizeof buf, "%.0f", round (value) == 0 ? 0 : round (value));
      return group_digits (buf);
    case TRIB_SCENARIO_VALUE_SHARE:
      g_ascii_formatd (buf, sizeof buf, "%.1f", value * 100);
      return g_strdup_printf ("%s %%", buf);
    case TRIB_SCENARIO_VALUE_COUNT:
      g_ascii_formatd (buf, sizeof buf, "%.0f", round (value) == 0 ? 0 : round (value));
      return group_digits (buf);
    case TRIB_SCENARIO_VALUE_FTE:
    default:
      g_ascii_formatd (buf, sizeof buf, "%.1f", value);
      return group_digits (buf);
    }
}

/**
 * trib_csv_append_field:
 * @out: a CSV line being written
 * @text: a field
 *
 * Appends @text as one CSV field (RFC 4180): quoted when it holds a comma,
 * a quote or a line break, quotes doubled.
 */
void
trib_csv_append_field (GString    *out,
                       const char *text)
{
  g_return_if_fail (out != NULL && text != NULL);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * trib_csv_append_number:
 * @out: a CSV line being written
 * @value: a number, already rounded
 *
 * Appends @value with a dot for decimals and no more digits than it needs.
 */
void
trib_csv_append_number (GString *out,
                        double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (out != NULL);

  g_ascii_formatd (buf, sizeof buf, "%.4f", value == 0 ? 0 : value);
  if (strchr (buf, '.') != NULL)
    {
      char *end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  g_string_append (out, buf);
}
