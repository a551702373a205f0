/* trib-overview-page-horizon.c: a shorter horizon is asked about first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fewer quarters, or a later first quarter, can leave investments outside
 * the plan's horizon. Nothing is clamped or dropped silently: the page
 * says how many investments, in which quarters, and the user decides.
 */
#define G_LOG_DOMAIN "trib-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-dates.h"
#include "trib-overview-page-private.h"

static int
compare_quarters (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The distinct quarters of investments inside the horizon
 * (@first, @n) that fall outside (@new_first, @new_n), sorted; and how many
 * investments that is. */
static GPtrArray *
stranded_quarters (TribPlan   *plan,
                   const char *first,
                   int         n,
                   const char *new_first,
                   int         new_n,
                   guint      *n_investments)
{
  GListModel *investments = trib_plan_get_items (plan, TRIB_TYPE_INVESTMENT);
  g_autoptr(GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);

  *n_investments = 0;
  for (guint i = 0; i < g_list_model_get_n_items (investments); i++)
    {
      g_autoptr(TribInvestment) investment = g_list_model_get_item (investments, i);
      const char *quarter = trib_investment_get_quarter (investment);

      if (trib_quarter_index (first, n, quarter) < 0 ||
          trib_quarter_index (new_first, new_n, quarter) >= 0)
        continue;
      (*n_investments)++;
      if (!g_ptr_array_find_with_equal_func (quarters, quarter, g_str_equal, NULL))
        g_ptr_array_add (quarters, g_strdup (quarter));
    }
  /* YYYY-Qn sorts as text. */
  g_ptr_array_sort (quarters, compare_quarters);
  return g_steal_pointer (&quarters);
}

typedef struct
{
  TribOverviewPage  *page;
  TribPlanInfoField  field;
  GValue             value;
  GtkWidget         *row;
} HorizonChange;

static void
horizon_change_free (HorizonChange *change)
{
  g_object_unref (change->page);
  g_object_unref (change->row);
  g_value_unset (&change->value);
  g_free (change);
}

static void
on_horizon_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        HorizonChange    *change)
{
  _trib_overview_page_finish_horizon (change->page, change->field, &change->value, change->row,
                                      g_strcmp0 (response, "change") == 0);
}

/* Asks before a new horizon leaves investments outside it. Returns whether
 * the question was asked (the change then waits for the answer, given to
 * _trib_overview_page_finish_horizon()). */
gboolean
_trib_overview_page_confirm_horizon (TribOverviewPage  *self,
                 TribPlanInfoField  field,
                 const GValue      *value,
                 GtkWidget         *row)
{
  const char *first = trib_plan_info_get_first_quarter (self->info);
  int n = trib_plan_info_get_quarters (self->info);
  const char *new_first = first;
  int new_n = n;
  g_autoptr(GPtrArray) quarters = NULL;
  g_autofree char *last = NULL;
  g_autofree char *new_last = NULL;
  g_autofree char *body = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *change_label = NULL;
  g_autofree char *span = NULL;
  guint n_investments;
  GtkWidget *dialog;
  HorizonChange *change;
  GtkRoot *root;

  if (field == TRIB_PLAN_INFO_FIELD_QUARTERS)
    new_n = g_value_get_int (value);
  else
    new_first = g_value_get_string (value);
  if (first == NULL || new_first == NULL)
    return FALSE;

  quarters = stranded_quarters (self->plan, first, n, new_first, new_n, &n_investments);
  if (n_investments == 0)
    return FALSE;

  /* One question at a time: the same change arriving again while it is
   * asked (the field loses the focus to the question) waits for the
   * answer, which sets the field either way. */
  if (self->horizon_dialog != NULL)
    return TRUE;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root))
    {
      _trib_overview_page_finish_horizon (self, field, value, row, FALSE);
      return TRUE;
    }

  last = trib_quarter_add (first, n - 1);
  new_last = trib_quarter_add (new_first, new_n - 1);
  span = quarters->len == 1
         ? g_strdup (g_ptr_array_index (quarters, 0))
         /* Translators: a span of quarters, e.g. “2028-Q2 to 2028-Q4”. */
         : g_strdup_printf (_("%s to %s"), (char *) g_ptr_array_index (quarters, 0),
                            (char *) g_ptr_array_index (quarters, quarters->len - 1));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u investment, in %s, would fall outside the plan’s "
                                       "horizon of %s to %s. It is not deleted: it stays in "
                                       "the plan, outside the horizon, until the horizon "
                                       "covers its quarter again.",
                                       "%u investments, in %s, would fall outside the plan’s "
                                       "horizon of %s to %s. They are not deleted: they stay "
                                       "in the plan, outside the horizon, until the horizon "
                                       "covers their quarters again.",
                                       n_investments),
                          n_investments, span, new_first, new_last ? new_last : new_first);
  if (field == TRIB_PLAN_INFO_FIELD_QUARTERS)
    {
      keep = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Keep %d Quarter",
                                           "_Keep %d Quarters", n), n);
      change_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Shorten to %d Quarter",
                                                   "_Shorten to %d Quarters", new_n), new_n);
    }
  else
    {
      /* Translators: %s is a quarter, e.g. “Keep 2027-Q1”. */
      keep = g_strdup_printf (_("_Keep %s"), first);
      /* Translators: %s is a quarter, e.g. “Start in 2027-Q3”. */
      change_label = g_strdup_printf (_("_Start in %s"), new_first);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Leave Investments Outside the Plan?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", keep,
                                    "change", change_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  change = g_new0 (HorizonChange, 1);
  change->page = g_object_ref (self);
  change->field = field;
  change->row = g_object_ref (row);
  g_value_init (&change->value, G_VALUE_TYPE (value));
  g_value_copy (value, &change->value);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_horizon_response_cb), change,
                         (GClosureNotify) horizon_change_free, G_CONNECT_DEFAULT);
  self->horizon_dialog = dialog;
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
