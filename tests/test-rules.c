/* test-rules.c: the domain rules, the labels and the quarter helpers of core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trib-dates.h"
#include "trib-enums.h"
#include "trib-entities.h"
#include "trib-labels.h"
#include "trib-plan.h"
#include "trib-rules.h"

static void
test_forge_from_url (void)
{
  static const struct { const char *url; TribForge forge; } cases[] = {
    { "https://github.com/etcd-io/etcd", TRIB_FORGE_GITHUB },
    { "https://GitHub.com/etcd-io/etcd", TRIB_FORGE_GITHUB },
    { "github.com/etcd-io/etcd", TRIB_FORGE_GITHUB },
    { "  github.com/etcd-io  ", TRIB_FORGE_GITHUB },
    { "http://api.github.com/repos/a/b", TRIB_FORGE_GITHUB },
    { "https://notgithub.com/a/b", TRIB_FORGE_NONE },
    { "https://github.com.example.org/a", TRIB_FORGE_NONE },
    { "https://gitlab.com/libvirt/libvirt", TRIB_FORGE_GITLAB },
    { "gitlab.gnome.org/GNOME/glib", TRIB_FORGE_GITLAB },
    { "https://gitlab.freedesktop.org/mesa/mesa", TRIB_FORGE_GITLAB },
    { "https://git.kernel.org/pub/scm", TRIB_FORGE_NONE },
    { "", TRIB_FORGE_NONE },
    { NULL, TRIB_FORGE_NONE },
    { "not a url", TRIB_FORGE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].url ? cases[i].url : "(null)");
      g_assert_cmpint (trib_forge_from_url (cases[i].url), ==, cases[i].forge);
    }
}

static void
test_repository_key (void)
{
  const char *same[] = {
    "https://github.com/etcd-io/etcd",
    "github.com/etcd-io/etcd",
    "https://GitHub.com/etcd-io/etcd/",
    "https://github.com/etcd-io/etcd.git",
    "  github.com/Etcd-IO/etcd//  ",
  };
  g_autofree char *key = trib_repository_key (same[0]);
  g_autofree char *other = trib_repository_key ("https://github.com/etcd-io/etcd-operator");
  g_autofree char *gitlab = trib_repository_key ("https://gitlab.com/etcd-io/etcd");

  g_assert_cmpstr (key, ==, "https://github.com/etcd-io/etcd");
  for (guint i = 1; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *k = trib_repository_key (same[i]);
      g_assert_cmpstr (k, ==, key);
    }
  g_assert_cmpstr (other, !=, key);
  g_assert_cmpstr (gitlab, !=, key);
  g_assert_null (trib_repository_key (NULL));
  g_assert_null (trib_repository_key ("   "));
}

static void
test_url_complete (void)
{
  g_autofree char *a = trib_url_complete (" github.com/a/b ");
  g_autofree char *b = trib_url_complete ("http://example.org");
  g_autofree char *c = trib_url_complete ("   ");
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (a, ==, "https://github.com/a/b");
  g_assert_cmpstr (b, ==, "http://example.org");
  g_assert_null (c);

  /* An address typed without https:// is accepted by the field, completed. */
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (upstream), "repository",
                                            "github.com/etcd-io/etcd", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_upstream_get_repository (upstream), ==, "https://github.com/etcd-io/etcd");
  g_assert_false (trib_entity_set_from_text (TRIB_ENTITY (upstream), "repository",
                                             "ftp://example.org/x", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
}

static void
test_currency (void)
{
  g_autoptr(TribPlanInfo) info = trib_plan_info_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *eur = trib_currency_normalize (" eur ");
  g_autofree char *eu = trib_currency_normalize ("eu");

  g_assert_true (trib_currency_is_valid ("EUR"));
  g_assert_true (trib_currency_is_valid ("JPY"));
  g_assert_false (trib_currency_is_valid ("eu"));
  g_assert_false (trib_currency_is_valid ("eur"));
  g_assert_false (trib_currency_is_valid ("EU"));
  g_assert_false (trib_currency_is_valid ("EURO"));
  g_assert_false (trib_currency_is_valid ("E1R"));
  g_assert_false (trib_currency_is_valid (NULL));
  g_assert_cmpstr (eur, ==, "EUR");
  g_assert_null (eu);

  /* The field's rule is the same one: typed text is put in capitals,
   * anything else is refused with the rule's words. */
  g_assert_true (trib_entity_set_from_text (TRIB_ENTITY (info), "currency", "usd", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "USD");
  g_assert_false (trib_entity_set_from_text (TRIB_ENTITY (info), "currency", "eu", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Currency: expected a three-letter currency code such as EUR");
  g_clear_error (&error);
  g_assert_false (trib_entity_set_string (TRIB_ENTITY (info), "currency", "eur", &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "USD");
}

static void
test_labels (void)
{
  GType enums[] = {
    TRIB_TYPE_FORGE, TRIB_TYPE_LAYER, TRIB_TYPE_DECISION, TRIB_TYPE_ROLE, TRIB_TYPE_PATCH_STATE,
    TRIB_TYPE_TARGET_KIND, TRIB_TYPE_CERT_STATUS, TRIB_TYPE_BUSINESS_MODEL, TRIB_TYPE_LANE,
    TRIB_TYPE_STEP,
  };
  guint n_types;
  GType *types = trib_plan_entity_types (&n_types);

  /* Every value of every enumeration has a label of its own. */
  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[e]);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = trib_enum_get_label (enums[e], klass->values[i].value);

          g_test_message ("%s %s: %s", g_type_name (enums[e]), klass->values[i].value_nick, label);
          g_assert_cmpstr (label, !=, "");
          g_assert_true (g_hash_table_add (seen, (gpointer) label));
        }
      g_assert_cmpstr (trib_enum_get_label (enums[e], klass->n_values), ==, "");
    }
  g_assert_cmpstr (trib_enum_get_label (TRIB_TYPE_DECISION, TRIB_DECISION_BUILD_IN_HOUSE), ==,
                   "Build in house");
  g_assert_cmpstr (trib_enum_get_label (TRIB_TYPE_FORGE, TRIB_FORGE_GITLAB), ==, "GitLab");

  for (guint t = 0; t < n_types; t++)
    {
      g_autofree char *one = trib_entity_type_count (types[t], 1);
      g_autofree char *two = trib_entity_type_count (types[t], 2);

      g_assert_true (g_str_has_prefix (one, "1 "));
      g_assert_true (g_str_has_prefix (two, "2 "));
      g_assert_cmpstr (one + 2, !=, two + 2);
      g_assert_cmpstr (trib_entity_type_get_plural (types[t]), !=, "");
    }
  {
    g_autofree char *patches = trib_entity_type_count (TRIB_TYPE_PATCH, 3);
    g_assert_cmpstr (patches, ==, "3 patches");
  }
}

static void
test_dates (void)
{
  GDate day;
  g_autofree char *formatted = NULL;

  g_assert_true (trib_date_is_valid ("2028-02-29"));
  g_assert_false (trib_date_is_valid ("2027-02-29"));
  g_assert_false (trib_date_is_valid ("2027-1-01"));
  g_assert_false (trib_date_is_valid ("+027-01-01"));
  g_assert_false (trib_date_is_valid (NULL));
  g_assert_true (trib_date_parse ("2027-05-10", &day));
  g_assert_cmpint (g_date_get_year (&day), ==, 2027);
  g_assert_cmpint (g_date_get_month (&day), ==, 5);
  g_assert_cmpint (g_date_get_day (&day), ==, 10);
  g_assert_false (trib_date_parse ("2027-13-10", &day));
  g_date_set_dmy (&day, 3, 1, 2029);
  formatted = trib_date_format (&day);
  g_assert_cmpstr (formatted, ==, "2029-01-03");
}

static void
test_quarters (void)
{
  static const struct { const char *from; int n; const char *to; } adds[] = {
    { "2027-Q1", 0, "2027-Q1" },
    { "2027-Q4", 1, "2028-Q1" },
    { "2027-Q1", -1, "2026-Q4" },
    { "2027-Q2", 11, "2030-Q1" },
    { "2027-Q3", -10, "2025-Q1" },
    { "9999-Q4", 1, NULL },
    { "2027-Q5", 1, NULL },
  };
  int year = 0, q = 0, n = 0;
  GDate first, last;

  g_assert_true (trib_quarter_parse ("2027-Q3", &year, &q));
  g_assert_cmpint (year, ==, 2027);
  g_assert_cmpint (q, ==, 3);
  g_assert_false (trib_quarter_parse ("2027-Q0", NULL, NULL));
  g_assert_false (trib_quarter_parse ("2027Q1", NULL, NULL));
  g_assert_false (trib_quarter_parse ("27-Q1", NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      g_autofree char *to = trib_quarter_add (adds[i].from, adds[i].n);
      g_assert_cmpstr (to, ==, adds[i].to);
      if (to != NULL)
        {
          g_assert_true (trib_quarter_diff (adds[i].from, to, &n));
          g_assert_cmpint (n, ==, adds[i].n);
        }
    }
  {
    g_autofree char *text = trib_quarter_format (2031, 2);
    g_assert_cmpstr (text, ==, "2031-Q2");
  }

  /* Positions within a horizon of eight quarters from 2027-Q1. */
  g_assert_cmpint (trib_quarter_index ("2027-Q1", 8, "2027-Q1"), ==, 0);
  g_assert_cmpint (trib_quarter_index ("2027-Q1", 8, "2028-Q4"), ==, 7);
  g_assert_cmpint (trib_quarter_index ("2027-Q1", 8, "2029-Q1"), ==, -1);
  g_assert_cmpint (trib_quarter_index ("2027-Q1", 8, "2026-Q4"), ==, -1);
  g_assert_cmpint (trib_quarter_index ("2027-Q1", 8, "nonsense"), ==, -1);

  {
    g_autofree char *a = trib_quarter_from_date ("2027-05-10");
    g_autofree char *b = trib_quarter_from_date ("2027-12-31");
    g_autofree char *c = trib_quarter_from_date ("2027-02-30");
    g_assert_cmpstr (a, ==, "2027-Q2");
    g_assert_cmpstr (b, ==, "2027-Q4");
    g_assert_null (c);
  }
  g_assert_true (trib_quarter_get_bounds ("2028-Q1", &first, &last));
  g_assert_cmpint (g_date_get_month (&first), ==, 1);
  g_assert_cmpint (g_date_get_day (&first), ==, 1);
  g_assert_cmpint (g_date_get_month (&last), ==, 3);
  g_assert_cmpint (g_date_get_day (&last), ==, 31);
  g_assert_true (trib_quarter_get_bounds ("2027-Q2", NULL, &last));
  g_assert_cmpint (g_date_get_day (&last), ==, 30);
}

/* The same, within a plan's own horizon. */
static void
test_plan_horizon (void)
{
  g_autoptr(TribPlanInfo) info = trib_plan_info_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (trib_plan_info_quarter_index (info, "2027-Q1"), ==, -1);
  g_assert_null (trib_plan_info_quarter_at (info, 0));
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (info), "first_quarter", "2027-Q3", &error));
  g_assert_true (trib_entity_set_int (TRIB_ENTITY (info), "quarters", 6, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trib_plan_info_quarter_index (info, "2027-Q3"), ==, 0);
  g_assert_cmpint (trib_plan_info_quarter_index (info, "2028-Q4"), ==, 5);
  g_assert_cmpint (trib_plan_info_quarter_index (info, "2029-Q1"), ==, -1);
  {
    g_autofree char *first = trib_plan_info_quarter_at (info, 0);
    g_autofree char *last = trib_plan_info_quarter_at (info, 5);
    g_autofree char *beyond = trib_plan_info_quarter_at (info, 6);

    g_assert_cmpstr (first, ==, "2027-Q3");
    g_assert_cmpstr (last, ==, "2028-Q4");
    g_assert_null (beyond);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rules/forge-from-url", test_forge_from_url);
  g_test_add_func ("/rules/url-complete", test_url_complete);
  g_test_add_func ("/rules/repository-key", test_repository_key);
  g_test_add_func ("/rules/currency", test_currency);
  g_test_add_func ("/rules/labels", test_labels);
  g_test_add_func ("/rules/dates", test_dates);
  g_test_add_func ("/rules/quarters", test_quarters);
  g_test_add_func ("/rules/plan-horizon", test_plan_horizon);

  return g_test_run ();
}
