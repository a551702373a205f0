/* trib-dates.c: dates and quarters as a plan writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-dates"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trib-dates.h"

/* Quarters are counted from year 0 so that adding and subtracting them is
 * integer arithmetic. */
#define ORDINAL(year, quarter) ((year) * 4 + (quarter) - 1)
#define MIN_YEAR 1000
#define MAX_YEAR 9999

/**
 * trib_date_is_valid:
 * @text: (nullable): a date
 *
 * Returns: whether @text is a real day written YYYY-MM-DD (years 1900 to
 *   9999)
 */
gboolean
trib_date_is_valid (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return y >= 1900 && y <= 9999 && g_date_valid_dmy (d, m, y);
}

/**
 * trib_date_parse:
 * @text: (nullable): a date written YYYY-MM-DD
 * @date: (out caller-allocates): the day
 *
 * Returns: whether @text is a valid date (see trib_date_is_valid())
 */
gboolean
trib_date_parse (const char *text,
                 GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (!trib_date_is_valid (text))
    return FALSE;
  g_date_set_dmy (date, atoi (text + 8), atoi (text + 5), atoi (text));
  return TRUE;
}

/**
 * trib_date_format:
 * @date: a valid day
 *
 * Returns: (transfer full): @date written YYYY-MM-DD
 */
char *
trib_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * trib_quarter_parse:
 * @text: (nullable): a quarter
 * @year: (out) (optional): its year
 * @quarter: (out) (optional): its number, 1 to 4
 *
 * Returns: whether @text is a quarter written YYYY-Qn ("2027-Q1")
 */
gboolean
trib_quarter_parse (const char *text,
                    int        *year,
                    int        *quarter)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q')
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[6] < '1' || text[6] > '4')
    return FALSE;
  if (year)
    *year = atoi (text);
  if (quarter)
    *quarter = text[6] - '0';
  return TRUE;
}

/**
 * trib_quarter_format:
 * @year: a year from 1000 to 9999
 * @quarter: 1 to 4
 *
 * Returns: (transfer full): the quarter written YYYY-Qn
 */
char *
trib_quarter_format (int year,
                     int quarter)
{
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return g_strdup_printf ("%04d-Q%d", year, quarter);
}

static char *
format_ordinal (int ordinal)
{
  if (ordinal < ORDINAL (MIN_YEAR, 1) || ordinal > ORDINAL (MAX_YEAR, 4))
    return NULL;
  return trib_quarter_format (ordinal / 4, ordinal % 4 + 1);
}

/**
 * trib_quarter_add:
 * @quarter: a quarter written YYYY-Qn
 * @n: how many quarters to go forwards (or backwards, if negative)
 *
 * Returns: (transfer full) (nullable): the quarter @n quarters after
 *   @quarter ("2027-Q4" + 1 is "2028-Q1"), or %NULL if @quarter is not a
 *   quarter or the result is outside the years 1000 to 9999
 */
char *
trib_quarter_add (const char *quarter,
                  int         n)
{
  int year, q;

  if (!trib_quarter_parse (quarter, &year, &q))
    return NULL;
  if (n > 4 * MAX_YEAR || n < -4 * MAX_YEAR)
    return NULL;
  return format_ordinal (ORDINAL (year, q) + n);
}

/**
 * trib_quarter_diff:
 * @from: a quarter written YYYY-Qn
 * @to: another
 * @n: (out): how many quarters @to comes after @from (negative if before)
 *
 * Returns: whether both are quarters
 */
gboolean
trib_quarter_diff (const char *from,
                   const char *to,
                   int        *n)
{
  int fy, fq, ty, tq;

  if (!trib_quarter_parse (from, &fy, &fq) || !trib_quarter_parse (to, &ty, &tq))
    return FALSE;
  if (n)
    *n = ORDINAL (ty, tq) - ORDINAL (fy, fq);
  return TRUE;
}

/**
 * trib_quarter_index:
 * @first: the first quarter of a horizon (a plan's first quarter)
 * @n_quarters: how many quarters the horizon has
 * @quarter: a quarter
 *
 * Returns: the position of @quarter within the horizon, from 0 to
 *   @n_quarters - 1, or -1 if it lies outside or either is not a quarter
 */
int
trib_quarter_index (const char *first,
                    int         n_quarters,
                    const char *quarter)
{
  int n;

  if (!trib_quarter_diff (first, quarter, &n) || n < 0 || n >= n_quarters)
    return -1;
  return n;
}

/**
 * trib_quarter_from_date:
 * @date: a date written YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the quarter the day falls in
 *   ("2027-05-10" is in "2027-Q2"), or %NULL if @date is not a date
 */
char *
trib_quarter_from_date (const char *date)
{
  GDate day;

  if (!trib_date_parse (date, &day))
    return NULL;
  return trib_quarter_format (g_date_get_year (&day), (g_date_get_month (&day) - 1) / 3 + 1);
}

/**
 * trib_quarter_get_bounds:
 * @quarter: a quarter written YYYY-Qn
 * @first_day: (out caller-allocates) (optional): its first day
 * @last_day: (out caller-allocates) (optional): its last day
 *
 * Returns: whether @quarter is a quarter
 */
gboolean
trib_quarter_get_bounds (const char *quarter,
                         GDate      *first_day,
                         GDate      *last_day)
{
  int year, q;

  if (!trib_quarter_parse (quarter, &year, &q) || year < 1)
    return FALSE;
  if (first_day)
    {
      g_date_clear (first_day, 1);
      g_date_set_dmy (first_day, 1, (GDateMonth) (3 * q - 2), (GDateYear) year);
    }
  if (last_day)
    {
      GDateMonth month = (GDateMonth) (3 * q);

      g_date_clear (last_day, 1);
      g_date_set_dmy (last_day, g_date_get_days_in_month (month, (GDateYear) year), month,
                      (GDateYear) year);
    }
  return TRUE;
}
