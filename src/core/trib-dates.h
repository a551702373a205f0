/* trib-dates.h: dates and quarters as a plan writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan writes dates as YYYY-MM-DD and quarters as YYYY-Qn. The engine,
 * the report and the window compute with them through these helpers, so
 * that a quarter is parsed, counted and printed one way everywhere.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  trib_date_is_valid       (const char  *text);
gboolean  trib_date_parse          (const char  *text,
                                    GDate       *date);
char     *trib_date_format         (const GDate *date);

gboolean  trib_quarter_parse       (const char  *text,
                                    int         *year,
                                    int         *quarter);
char     *trib_quarter_format      (int          year,
                                    int          quarter);
char     *trib_quarter_add         (const char  *quarter,
                                    int          n);
gboolean  trib_quarter_diff        (const char  *from,
                                    const char  *to,
                                    int         *n);
int       trib_quarter_index       (const char  *first,
                                    int          n_quarters,
                                    const char  *quarter);
char     *trib_quarter_from_date   (const char  *date);
gboolean  trib_quarter_get_bounds  (const char  *quarter,
                                    GDate       *first_day,
                                    GDate       *last_day);

G_END_DECLS
