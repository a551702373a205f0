/* test-ui-upstreams.c: the upstreams page and its form, and the overview
 * page, driven in real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test builds a plan file in the isolated test home, shows the page in
 * a plan window (or, for the overview, a window with a toast overlay), works
 * it with real key presses sent through the X server (trib-test-input.h)
 * and its widgets, then closes the plan and reads the file back with
 * sqlite, so what the person did is proven to have reached the file.
 */
#include "config.h"

#include "trib-overview-page.h"
#include "trib-sample.h"
#include "trib-upstreams-page.h"
#include "trib-test-ui.h"

/* Adding with the keyboard alone: Ctrl+Shift+A from a row, the rows typed
 * into, Return from the importance row; the new row then has the focus, so
 * Enter edits it and not the row focused before. */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  TribEntityForm *form;
  TribUpstream *upstream;
  GtkWidget *forge;

  show_upstreams (f);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes", "Apache-2.0", 5,
                TRIB_DECISION_INVEST);
  pump ();
  g_assert_cmpstr (stack_page (f), ==, "list");
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (row (f, 0)));
  pump ();
  g_assert_true (focus_within (f->window, child (f->page, "column_view")));

  form = open_form_with_key (f);
  g_assert_nonnull (form);
  g_assert_null (trib_entity_form_get_entity (form));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "Add Upstream");
  /* A new upstream has no name yet: nothing to save, and no scolding. */
  g_assert_false (save_enabled (form));
  g_assert_false (gtk_widget_has_css_class (form_row (form, "name"), "error"));
  /* The form opens in its first row. */
  g_assert_true (focus_within (GTK_WIDGET (form), form_row (form, "name")));

  trib_test_type (GTK_WIDGET (form), "etcd");
  /* One Tab to the next row. */
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Tab, 0);
  g_assert_true (focus_within (GTK_WIDGET (form), form_row (form, "repository")));
  /* Without https://: its forge is recognised, so is the address. */
  trib_test_type (GTK_WIDGET (form), "github.com/etcd-io/etcd");
  forge = form_row (form, "forge");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (forge)), ==, TRIB_FORGE_GITHUB);
  g_assert_false (gtk_widget_has_css_class (form_row (form, "repository"), "error"));
  type_into (form, "license", "Apache-2.0");
  type_into (form, "purls", "pkg:golang/go.etcd.io/etcd, pkg:deb/debian/etcd");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "layer")), TRIB_LAYER_BELOW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "decision")), TRIB_DECISION_INVEST);
  type_into (form, "notes", "Key-value store.");
  /* Return in the notes is a new line, not a save. */
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  trib_test_type (GTK_WIDGET (form), "We run it in every cluster.");
  g_assert_true (find_form () == form);

  /* Importance is typed like any row, and Return submits from it. */
  type_into (form, "importance", "4");
  g_assert_true (save_enabled (form));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  g_assert_cmpuint (trib_plan_count (f->plan, TRIB_TYPE_UPSTREAM), ==, 2);
  upstream = TRIB_UPSTREAM (trib_table_page_get_selected (table (f)));
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Add upstream “etcd”");

  /* The keyboard is on the new row: Enter edits etcd, not Kubernetes. */
  g_assert_true (focus_within (f->window, child (f->page, "column_view")));
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity (form) == TRIB_ENTITY (upstream));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Escape, 0);
  pump ();
  g_assert_null (find_form ());

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT count(*) FROM upstream", "2");
  assert_query (f->path, "SELECT name || '|' || forge || '|' || importance || '|' || decision "
                         "|| '|' || layer || '|' || license || '|' || repository FROM upstream "
                         "WHERE name = 'etcd'",
                "etcd|github|4|invest|below|Apache-2.0|https://github.com/etcd-io/etcd");
  assert_query (f->path, "SELECT notes FROM upstream WHERE name = 'etcd'",
                "Key-value store.\nWe run it in every cluster.");
  assert_query (f->path, "SELECT purls FROM upstream WHERE name = 'etcd'",
                "[\"pkg:golang/go.etcd.io/etcd\",\"pkg:deb/debian/etcd\"]");
}

/* Saving an edit changes every edited field as one undo step; Escape
 * closes without saving. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  TribUpstream *upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                         "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  g_autoptr(GError) error = NULL;
  TribEntityForm *form;

  show_upstreams (f);
  trib_table_page_focus_entity (table (f), TRIB_ENTITY (upstream));
  pump ();
  trib_test_key (f->window, GDK_KEY_Return, 0);
  pump ();
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (trib_entity_form_get_entity (form) == TRIB_ENTITY (upstream));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_row (form, "name"))), ==, "etcd");
  g_assert_true (save_enabled (form));

  type_into (form, "name", "etcd-io");
  type_into (form, "importance", "5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "layer")), TRIB_LAYER_BELOW);
  type_into (form, "intermediary", "Debian");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 5);
  g_assert_cmpint (trib_upstream_get_layer (upstream), ==, TRIB_LAYER_BELOW);
  g_assert_cmpstr (trib_upstream_get_intermediary (upstream), ==, "Debian");
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");

  /* One undo takes back all four changes. */
  g_assert_true (trib_plan_undo (f->plan, &error));
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd");
  g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 3);
  g_assert_null (trib_upstream_get_intermediary (upstream));
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_no_error (error);

  /* Editing without changing anything records nothing. */
  trib_table_page_open_form (table (f), TRIB_ENTITY (upstream));
  pump ();
  trib_test_key (GTK_WIDGET (find_form ()), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());
  g_assert_cmpstr (trib_plan_get_undo_label (f->plan), ==, "Edit upstream “etcd”");

  /* Escape closes without saving. */
  form = trib_table_page_open_form (table (f), TRIB_ENTITY (upstream));
  pump ();
  type_into (form, "name", "something else");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Escape, 0);
  pump ();
  g_assert_null (find_form ());
  g_assert_cmpstr (trib_upstream_get_name (upstream), ==, "etcd-io");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT name || '|' || importance || '|' || layer || '|' || intermediary "
                         "FROM upstream", "etcd-io|5|below|Debian");
}

/* A refused importance says why and is never clamped; "abc" is refused
 * too; the importance row is one Tab stop. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  TribUpstream *upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd",
                                         "Apache-2.0", 3, TRIB_DECISION_ADOPT);
  const char *wrong[] = { "9", "-3", "abc", "2.5" };
  TribEntityForm *form;
  GtkWidget *importance;

  show_upstreams (f);
  form = trib_table_page_open_form (table (f), TRIB_ENTITY (upstream));
  pump ();
  importance = form_row (form, "importance");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      type_into (form, "importance", wrong[i]);
      g_assert_false (save_enabled (form));
      g_assert_true (gtk_widget_has_css_class (importance, "error"));
      g_assert_nonnull (find_label (GTK_WIDGET (form), "Importance: expected an integer from 1 to 5"));
      /* Return tries, says why, and keeps the form and the typed text. */
      trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
      pump ();
      g_assert_true (find_form () == form);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (importance)), ==, wrong[i]);
      g_assert_cmpint (trib_upstream_get_importance (upstream), ==, 3);
    }

  /* From the importance row, one Tab reaches the next row. */
  type_into (form, "importance", "2");
  g_assert_false (gtk_widget_has_css_class (importance, "error"));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Tab, 0);
  g_assert_true (focus_within (GTK_WIDGET (form), form_row (form, "decision")));

  type_into (form, "name", "   ");
  g_assert_false (save_enabled (form));
  g_assert_true (gtk_widget_has_css_class (form_row (form, "name"), "error"));
  g_assert_nonnull (find_label (GTK_WIDGET (form), "Name: must not be empty"));
  type_into (form, "name", "etcd");

  type_into (form, "repository", "not a url");
  g_assert_false (save_enabled (form));
  g_assert_true (gtk_widget_has_css_class (form_row (form, "repository"), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (form_row (form, "repository")), ==,
                   "Repository: expected an http:// or https:// address");

  /* Save does nothing while anything is wrong, even when forced. */
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  pump ();
  g_assert_true (find_form () == form);
  g_assert_cmpstr (trib_upstream_get_repository (upstream), ==, "https://github.com/etcd-io/etcd");

  type_into (form, "repository", "https://github.com/etcd-io/etcd");
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT repository || '|' || importance FROM upstream",
                "https://github.com/etcd-io/etcd|2");
}

/* A second upstream with the same repository: a warning, and the person
 * decides (here: to save it). */
static void
test_duplicate_repository (Fixture       *f,
                           gconstpointer  data)
{
  TribEntityForm *form;

  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 3,
                TRIB_DECISION_ADOPT);
  show_upstreams (f);
  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  form = open_form_with_key (f);
  g_assert_nonnull (form);
  trib_test_type (GTK_WIDGET (form), "etcd fork");
  type_into (form, "repository", "GitHub.com/etcd-io/etcd/");
  g_assert_nonnull (find_label (GTK_WIDGET (form), "“etcd” has this repository too"));
  g_assert_true (save_enabled (form));
  type_into (form, "repository", "github.com/etcd-io/etcd-fork");
  g_assert_null (find_label (GTK_WIDGET (form), "has this repository too"));
  type_into (form, "repository", "https://github.com/etcd-io/etcd.git");
  g_assert_nonnull (find_label (GTK_WIDGET (form), "“etcd” has this repository too"));
  trib_test_key (GTK_WIDGET (form), GDK_KEY_Return, 0);
  pump ();
  g_assert_null (find_form ());

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pump ();
  assert_query (f->path, "SELECT count(*) FROM upstream WHERE repository LIKE '%etcd-io/etcd%'", "2");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *search;

  show_upstreams (f);
  add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4, TRIB_DECISION_MAINTAIN);
  add_upstream (f->plan, "Kubernetes", "https://github.com/kubernetes/kubernetes", "Apache-2.0", 5,
                TRIB_DECISION_INVEST);
  add_upstream (f->plan, "containerd", "https://github.com/containerd/containerd", "Apache-2.0", 4,
                TRIB_DECISION_ADOPT);
  add_upstream (f->plan, "curl", "https://github.com/curl/curl", "curl", 3, TRIB_DECISION_WATCH);
  add_upstream (f->plan, "In-house scheduler", "https://gitlab.com/acme/scheduler", "MIT", 2,
                TRIB_DECISION_BUILD_IN_HOUSE);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (stack_page (f), ==, "list");

  trib_test_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK);
  search = child (f->page, "search_entry");
  g_assert_true (focus_within (f->window, search));

  trib_test_type (f->window, "CONT");                /* name, any case */
  trib_test_input_settle (300);                       /* the search entry's delay */
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (trib_upstream_get_name (row (f, 0)), ==, "containerd");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f->page, "count_label"))), ==, "1 of 5");

  gtk_editable_set_text (GTK_EDITABLE (search), "gitlab.com");  /* repository */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (trib_upstream_get_name (row (f, 0)), ==, "In-house scheduler");

  gtk_editable_set_text (GTK_EDITABLE (search), "apache");      /* licence */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (search), "invest");      /* decision, by its label */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (trib_upstream_get_name (row (f, 0)), ==, "Kubernetes");

  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "no-results");

  /* An edit that makes an upstream match shows it. */
  {
    g_autoptr(GError) error = NULL;
    TribEntity *curl = trib_plan_lookup (f->plan, TRIB_TYPE_UPSTREAM, 4);

    g_assert_true (trib_entity_set_string (curl, "name", "zzz-curl", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_rows (f), ==, 1);
    g_assert_cmpstr (stack_page (f), ==, "list");
  }

  /* Escape clears the search. */
  trib_test_key (f->window, GDK_KEY_Escape, 0);
  g_assert_cmpuint (n_rows (f), ==, 5);
  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f->page, "count_label"))), ==, "5 upstreams");
}

static void
sort_by (Fixture      *f,
         const char   *title,
         GtkSortType   order)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (child (f->page, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (c), title) == 0)
        {
          gtk_column_view_sort_by_column (view, c, order);
          pump ();
          return;
        }
    }
  g_error ("no column “%s”", title);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  const int importances[] = { 3, 5, 1, 4, 2 };
  const char *names[] = { "delta", "Alpha", "echo", "charlie", "Bravo" };
  TribUpstream *upstreams[G_N_ELEMENTS (names)];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    upstreams[i] = add_upstream (f->plan, names[i], "https://example.org/x", "MIT", importances[i],
                                 (TribDecision) (i % 6));
  show_upstreams (f);

  /* By name, ignoring case, from the start. */
  for (guint i = 0; i < 5; i++)
    {
      const char *expected[] = { "Alpha", "Bravo", "charlie", "delta", "echo" };
      g_assert_cmpstr (trib_upstream_get_name (row (f, i)), ==, expected[i]);
    }

  sort_by (f, "Importance", GTK_SORT_ASCENDING);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_importance (row (f, i)), ==, i + 1);
  sort_by (f, "Importance", GTK_SORT_DESCENDING);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_importance (row (f, i)), ==, 5 - i);

  /* An edit re-sorts the rows in place. */
  g_assert_true (trib_entity_set_int (TRIB_ENTITY (upstreams[2]), "importance", 5, &error));
  g_assert_no_error (error);
  pump ();
  g_assert_cmpint (trib_upstream_get_importance (row (f, 0)), ==, 5);
  g_assert_cmpint (trib_upstream_get_importance (row (f, 1)), ==, 5);
  g_assert_cmpint (trib_upstream_get_importance (row (f, 4)), ==, 2);

  sort_by (f, "Decision", GTK_SORT_ASCENDING); /* in its natural order */
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (trib_upstream_get_decision (row (f, i - 1)), <=, trib_upstream_get_decision (row (f, i)));
}

static GtkWidget *
count_value (Fixture *f,
             guint    index)
{
  GtkWidget *box = child (f->page, "counts_box");
  GtkWidget *card = gtk_widget_get_first_child (box);

  for (guint i = 0; i < index; i++)
    card = gtk_widget_get_next_sibling (card);
  /* flow box child → card → value label */
  return gtk_widget_get_first_child (gtk_widget_get_first_child (card));
}

/* Each count card shows the count of the entity type its caption names,
 * on a plan that has a different number of each (the sample). */
static void
test_overview_counts_match_captions (Fixture       *f,
                                     gconstpointer  data)
{
  static const struct { const char *caption; GType (*type) (void); } cards[] = {
    { "Upstreams", trib_upstream_get_type },
    { "Statistics Snapshots", trib_stats_snapshot_get_type },
    { "Investments", trib_investment_get_type },
    { "Patches", trib_patch_get_type },
    { "Products", trib_product_get_type },
    { "Product Releases", trib_product_release_get_type },
    { "Upstream Bases", trib_release_base_get_type },
    { "Certifications", trib_certification_get_type },
    { "Scenarios", trib_scenario_get_type },
    { "Milestones", trib_milestone_get_type },
    { "Acknowledgements", trib_acknowledgement_get_type },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = g_strconcat (f->path, ".sample.tributary", NULL);
  TribPlan *sample = trib_sample_write (sample_path, FALSE, &error);
  guint n_types, seen = 0;

  g_assert_no_error (error);
  /* The fixture's plan is replaced by the sample for this test. */
  trib_plan_close (f->plan);
  g_object_unref (f->plan);
  f->plan = sample;
  trib_plan_entity_types (&n_types);
  g_assert_cmpuint (G_N_ELEMENTS (cards), ==, n_types);

  show_page (f, trib_overview_page_new (f->plan));
  for (GtkWidget *box_child = gtk_widget_get_first_child (child (f->page, "counts_box"));
       box_child != NULL; box_child = gtk_widget_get_next_sibling (box_child))
    {
      GtkWidget *card = gtk_widget_get_first_child (box_child);
      GtkWidget *value = gtk_widget_get_first_child (card);
      GtkWidget *caption = gtk_widget_get_next_sibling (value);
      guint i;

      for (i = 0; i < G_N_ELEMENTS (cards); i++)
        if (g_strcmp0 (cards[i].caption, gtk_label_get_text (GTK_LABEL (caption))) == 0)
          break;
      g_assert_cmpuint (i, <, G_N_ELEMENTS (cards));
      {
        g_autofree char *expected = g_strdup_printf ("%u", trib_plan_count (f->plan, cards[i].type ()));
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, expected);
      }
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (cards));
  g_unlink (sample_path);
}

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TribPlanInfo *info = trib_plan_get_info (f->plan);
  GtkWidget *name_row, *currency_row, *quarters;
  g_autofree char *first_quarter = NULL;
  TribUpstream *upstream;

  show_page (f, trib_overview_page_new (f->plan));
  name_row = child (f->page, "name_row");
  currency_row = child (f->page, "currency_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Test Plan");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 0))), ==, "0");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Cloud Platform 2027");
  g_signal_emit_by_name (name_row, "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_name (info), ==, "Cloud Platform 2027");

  /* Refused: the row says why and the plan keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "E1");
  g_assert_true (gtk_widget_has_css_class (currency_row, "error"));
  g_signal_emit_by_name (currency_row, "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "EUR");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (currency_row), ==,
                   "Currency: expected a three-letter code such as EUR");
  gtk_editable_set_text (GTK_EDITABLE (currency_row), "usd");
  g_assert_false (gtk_widget_has_css_class (currency_row, "error"));
  g_signal_emit_by_name (currency_row, "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_currency (info), ==, "USD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency_row)), ==, "USD");

  first_quarter = g_strdup (trib_plan_info_get_first_quarter (info));
  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "first_quarter_row")), "2027-Q5");
  g_signal_emit_by_name (child (f->page, "first_quarter_row"), "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_first_quarter (info), ==, first_quarter);
  g_assert_true (gtk_widget_has_css_class (child (f->page, "first_quarter_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "first_quarter_row")), "2027-Q1");
  g_signal_emit_by_name (child (f->page, "first_quarter_row"), "entry-activated");
  g_assert_cmpstr (trib_plan_info_get_first_quarter (info), ==, "2027-Q1");

  quarters = child (f->page, "quarters_spin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (quarters), 12);
  g_assert_cmpint (trib_plan_info_get_quarters (info), ==, 12);

  gtk_editable_set_text (GTK_EDITABLE (child (f->page, "handles_row")), "alice, bob,");
  g_signal_emit_by_name (child (f->page, "handles_row"), "entry-activated");
  g_assert_cmpuint (g_strv_length ((char **) trib_plan_info_get_team_handles (info)), ==, 2);

  /* The description is applied when the focus leaves it. */
  {
    GtkWidget *view = child (f->page, "description_view");

    gtk_widget_grab_focus (view);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Line one\nLine two", -1);
    gtk_widget_grab_focus (name_row);
    pump ();
    g_assert_cmpstr (trib_plan_info_get_description (info), ==, "Line one\nLine two");
    g_assert_true (trib_plan_undo (f->plan, &error));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 0))), ==, "0");
    g_assert_null (trib_plan_info_get_description (info));
  }

  /* Undo reaches the rows. */
  g_assert_true (trib_plan_undo (f->plan, &error));  /* handles */
  g_assert_true (trib_plan_undo (f->plan, &error));  /* quarters */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (quarters)), ==, 8);
  g_assert_true (trib_plan_redo (f->plan, &error));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (quarters)), ==, 12);
  g_assert_no_error (error);

  /* Counts follow the plan. */
  upstream = add_upstream (f->plan, "etcd", "https://github.com/etcd-io/etcd", "Apache-2.0", 4,
                           TRIB_DECISION_INVEST);
  add_dependents (f->plan, upstream, 2, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 0))), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 2))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 3))), ==, "1");
  g_assert_true (trib_plan_undo (f->plan, &error));  /* the patch */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_value (f, 3))), ==, "0");

  trib_plan_close (f->plan);
  assert_query (f->path, "SELECT name || '|' || currency || '|' || first_quarter || '|' || quarters FROM plan",
                "Cloud Platform 2027|USD|2027-Q1|12");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The isolated XDG_DATA_DIRS hide the MIME database, without which the
   * icon loader cannot recognise the theme's SVG icons: load the system's
   * before isolating (as GLib documents). */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = trib_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/upstreams/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/ui/upstreams/edit", Fixture, NULL, fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/ui/upstreams/invalid", Fixture, NULL, fixture_setup, test_invalid, fixture_teardown);
  g_test_add ("/ui/upstreams/duplicate-repository", Fixture, NULL, fixture_setup,
              test_duplicate_repository, fixture_teardown);
  g_test_add ("/ui/upstreams/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/ui/upstreams/sort", Fixture, NULL, fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/ui/overview/counts-match-captions", Fixture, NULL, fixture_setup,
              test_overview_counts_match_captions, fixture_teardown);
  g_test_add ("/ui/overview/edit-and-count", Fixture, NULL, fixture_setup, test_overview,
              fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
