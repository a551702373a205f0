/* test-report.c: the PDF report, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>

#include "trib-report.h"
#include "trib-report-error.h"
#include "trib-sample.h"
#include "trib-test-util.h"

static const char *cli;

#ifndef POPPLER_HAS_AUTOPTR
/* poppler-glib 22.12 (Debian 12) declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)
#endif

static const TribReportSections all_sections[] = {
  TRIB_REPORT_SECTION_SUMMARY, TRIB_REPORT_SECTION_BUSINESS, TRIB_REPORT_SECTION_ROADMAP,
  TRIB_REPORT_SECTION_HEALTH, TRIB_REPORT_SECTION_INVESTMENT, TRIB_REPORT_SECTION_PATCHES,
  TRIB_REPORT_SECTION_PRODUCTS, TRIB_REPORT_SECTION_PLATFORM, TRIB_REPORT_SECTION_CHECKS,
  TRIB_REPORT_SECTION_ASSUMPTIONS,
};

/* The headings the issue names, word for word. */
static const char *headings[] = {
  "Executive summary", "Business models", "Roadmap", "Upstream health", "Investment", "Patches",
  "Products", "Platform map", "Strategy checks", "Assumptions and methods",
};

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

  return poppler_page_get_text (page);
}

/* How many pixels of the page, drawn small on white, are not white. */
static guint
ink (PopplerPage *page,
     double       scale)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint count = 0;
  int stride;
  guchar *data;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale), (int) (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xffffff) != 0xffffff)
        count++;
  cairo_surface_destroy (surface);
  return count;
}

/* What every report must be: its pages have text and ink, its fonts are
 * embedded, its charts are vectors, its metadata names the plan. Returns
 * the whole text. */
static char *
check_report (const char *path,
              const char *plan_name,
              const char *organisation,
              gboolean    render_all)
{
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(PopplerFontInfo) fonts = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *author = poppler_document_get_author (doc);
  g_autofree char *subject = poppler_document_get_subject (doc);
  g_autofree char *first = NULL;
  int n = poppler_document_get_n_pages (doc);
  guint n_fonts = 0;
  gboolean landscape = FALSE;

  g_assert_cmpint (n, >=, 11);   /* title page and ten sections */
  g_assert_cmpstr (title, ==, plan_name);
  if (organisation)
    g_assert_cmpstr (author, ==, organisation);
  g_assert_nonnull (subject);
  g_assert_nonnull (strstr (subject, plan_name));
  g_assert_cmpint (poppler_document_get_creation_date (doc), >, 0);

  first = page_text (doc, 0);
  g_assert_nonnull (strstr (first, plan_name));

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("Page %d", i + 1);
      GList *images = poppler_page_get_image_mapping (page);
      double w, h;

      g_assert_cmpuint (strlen (g_strstrip (text)), >, 20);
      g_assert_nonnull (strstr (text, number));
      /* Charts are vectors: not one raster image in the document. */
      g_assert_null (images);
      poppler_page_get_size (page, &w, &h);
      landscape |= w > h;
      if (render_all || i < 12 || i % 25 == 0 || i == n - 1)
        g_assert_cmpuint (ink (page, 0.2), >, 50);
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  g_assert_true (landscape);

  g_assert_true (poppler_font_info_scan (fonts, n, &iter));
  do
    {
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      n_fonts++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_assert_cmpuint (n_fonts, >, 0);

  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* The PDF's outline lists the section headings, in order; each is also on
 * a page as a line of its own. */
static void
assert_headings (const char         *path,
                 const char         *text,
                 TribReportSections  sections)
{
  g_autoptr(PopplerDocument) doc = open_pdf (path);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  g_autoptr(GPtrArray) outline = g_ptr_array_new_with_free_func (g_free);
  guint expected = 0;

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_ptr_array_add (outline, g_strdup (action->any.title));
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", headings[i]);

      if (!(sections & all_sections[i]))
        continue;
      g_assert_cmpuint (expected, <, outline->len);
      g_assert_cmpstr (g_ptr_array_index (outline, expected), ==, headings[i]);
      g_assert_nonnull (strstr (text, line));
      expected++;
    }
  g_assert_cmpuint (outline->len, ==, expected);
}

static void
test_sample (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autofree char *text = NULL;
  TribReportOptions options;
  TribPlanInfo *info;

  g_assert_no_error (error);
  info = trib_plan_get_info (plan);
  trib_report_options_init (&options);
  options.today = g_strdup ("2027-06-15");
  g_assert_true (trib_report_write (plan, &options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  text = check_report (pdf, trib_plan_info_get_name (info), trib_plan_info_get_organisation (info), TRUE);
  assert_headings (pdf, text, TRIB_REPORT_SECTIONS_ALL);
  /* Data of each part of the plan reaches the text. */
  g_assert_nonnull (strstr (text, "Tessellate Platform 3.1"));
  g_assert_nonnull (strstr (text, "Kubernetes"));
  g_assert_nonnull (strstr (text, "Today"));
  g_assert_nonnull (strstr (text, "Find the gaps"));
  g_assert_nonnull (strstr (text, "Turn up the dial"));
  g_assert_nonnull (strstr (text, "Product roadmap"));
  g_assert_nonnull (strstr (text, "Certification matrix"));

  trib_report_options_clear (&options);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void
test_unicode (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "unicode.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *name = "路线图计划 2027";
  const char *arabic = "مكتبة الشبكة";
  g_autoptr(TribPlan) plan = trib_plan_create (path, name, &error);
  g_autoptr(TribUpstream) upstream = trib_upstream_new ();
  g_autoptr(TribMilestone) milestone = trib_milestone_new ();
  g_autofree char *text = NULL;
  TribReportOptions options;

  g_assert_no_error (error);
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (upstream), "name", arabic, &error));
  g_assert_true (trib_plan_add (plan, TRIB_ENTITY (upstream), &error));
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (milestone), "title", "Ärzte-Modul: 製品版リリース", &error));
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (milestone), "date", "2026-06-01", &error));
  g_assert_true (trib_plan_add (plan, TRIB_ENTITY (milestone), &error));
  g_assert_no_error (error);

  trib_report_options_init (&options);
  /* The date range brings the milestone onto the timeline whatever the
   * plan's horizon. */
  options.from = g_strdup ("2026-01-01");
  options.to = g_strdup ("2026-12-31");
  g_assert_true (trib_report_write (plan, &options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = check_report (pdf, name, NULL, TRUE);
  assert_headings (pdf, text, TRIB_REPORT_SECTIONS_ALL);
  g_assert_nonnull (strstr (text, name));
  /* Right-to-left text comes back wrapped in bidi controls, and a text
   * extractor may put its words in either order: look for each word. */
  {
    g_autoptr(GString) plain = g_string_new (NULL);

    for (const char *p = text; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c != 0x200E && c != 0x200F && !(c >= 0x202A && c <= 0x202E))
          g_string_append_unichar (plain, c);
      }
    /* poppler-glib gives right-to-left runs in visual order. */
    for (guint w = 0; w < 2; w++)
      {
        const char *word = w == 0 ? "مكتبة" : "الشبكة";
        g_autofree char *visual = g_utf8_strreverse (word, -1);

        g_assert_true (strstr (plain->str, word) != NULL || strstr (plain->str, visual) != NULL);
      }
  }
  g_assert_true (g_utf8_validate (arabic, -1, NULL));
  g_assert_nonnull (strstr (text, "Ärzte-Modul"));

  trib_report_options_clear (&options);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void
test_large (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_plan_create (path, "Five thousand upstreams", &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  TribReportOptions options;
  int continued = 0;

  g_assert_no_error (error);
  trib_plan_begin (plan, "upstreams");
  for (int i = 0; i < 5000; i++)
    {
      g_autoptr(TribUpstream) u = trib_upstream_new ();
      g_autofree char *n = g_strdup_printf ("upstream-%04d", i);

      g_assert_true (trib_entity_set_string (TRIB_ENTITY (u), "name", n, &error));
      g_assert_true (trib_entity_set_int (TRIB_ENTITY (u), "importance", 1 + i % 5, &error));
      g_assert_true (trib_plan_add (plan, TRIB_ENTITY (u), &error));
    }
  g_assert_true (trib_plan_commit (plan, &error));
  g_assert_no_error (error);

  trib_report_options_init (&options);
  g_assert_true (trib_report_write (plan, &options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = check_report (pdf, "Five thousand upstreams", NULL, FALSE);
  assert_headings (pdf, text, TRIB_REPORT_SECTIONS_ALL);
  g_assert_nonnull (strstr (text, "upstream-0000"));
  g_assert_nonnull (strstr (text, "upstream-4999"));

  /* The health table runs over many pages, each with its header row. */
  doc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 50);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);

      if (strstr (t, "upstream-") != NULL && strstr (t, "Importance") != NULL && strstr (t, "Change") != NULL)
        continued++;
    }
  g_assert_cmpint (continued, >, 50);

  trib_report_options_clear (&options);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void
test_cli (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int status;
  double w, h;

  g_assert_no_error (error);
  trib_plan_close (plan);
  g_clear_object (&plan);
  before = trib_test_checksum (path);

  {
    const char *argv[] = { cli, "report", path, "-o", pdf, "--paper", "letter",
                           "--sections", "summary,roadmap", NULL };

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  doc = open_pdf (pdf);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);
      g_string_append (text, t);
      g_string_append_c (text, '\n');
    }
  assert_headings (pdf, text->str, TRIB_REPORT_SECTION_SUMMARY | TRIB_REPORT_SECTION_ROADMAP);

  /* Bad input: a clear message, exit status 2, nothing written, the plan untouched. */
  {
    const char *bad[][8] = {
      { cli, "report", path, "-o", pdf, "--sections", "summary,nonsense", NULL },
      { cli, "report", path, "-o", pdf, "--paper", "a3", NULL },
      { cli, "report", path, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
        g_assert_true (g_spawn_sync (dir, (char **) bad[i], NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &out, &err, &status, &error));
        g_assert_cmpint (WEXITSTATUS (status), ==, 2);
        g_assert_true (g_str_has_prefix (err, "tributary-cli report: "));
      }
    g_assert_nonnull (strstr (err, "-o"));
  }
  /* The report never replaces the plan it reads. */
  {
    const char *argv[] = { cli, "report", path, "-o", path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_true (g_str_has_prefix (err, "tributary-cli: "));
    g_assert_cmpstr (trib_test_checksum (path), ==, before);
  }
  trib_test_remove_tree (dir);
}

static void
test_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  TribReportSections sections = 0;
  TribReportOptions options;
  TribPaper paper;

  g_assert_true (trib_report_sections_parse ("summary, roadmap", &sections, &error));
  g_assert_cmpint (sections, ==, TRIB_REPORT_SECTION_SUMMARY | TRIB_REPORT_SECTION_ROADMAP);
  list = trib_report_sections_to_string (sections);
  g_assert_cmpstr (list, ==, "summary,roadmap");
  g_assert_true (trib_report_sections_parse ("all", &sections, &error));
  g_assert_cmpint (sections, ==, TRIB_REPORT_SECTIONS_ALL);
  g_assert_false (trib_report_sections_parse ("summary,bogus", &sections, &error));
  g_assert_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "bogus"));
  g_clear_error (&error);
  g_assert_false (trib_report_sections_parse ("", &sections, &error));
  g_clear_error (&error);

  g_assert_true (trib_paper_parse ("Letter", &paper));
  g_assert_cmpint (paper, ==, TRIB_PAPER_LETTER);
  g_assert_false (trib_paper_parse ("a3", &paper));

  trib_report_options_init (&options);
  options.from = g_strdup ("2028-01-01");
  options.to = g_strdup ("2027-01-01");
  g_assert_false (trib_report_options_check (&options, &error));
  g_assert_nonnull (strstr (error->message, "swap"));
  g_clear_error (&error);
  g_free (options.to);
  options.to = g_strdup ("2028-13-01");
  g_assert_false (trib_report_options_check (&options, &error));
  g_clear_error (&error);
  trib_report_options_clear (&options);
}

static void
test_errors (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  TribReportOptions options;

  g_assert_no_error (error);
  trib_report_options_init (&options);
  g_assert_false (trib_report_write (plan, &options, nowhere, NULL, NULL, NULL, &error));
  g_assert_error (error, TRIB_REPORT_ERROR, TRIB_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (trib_report_write (plan, &options, pdf, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  trib_report_options_clear (&options);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

static void
progress_cb (double      fraction,
             const char *section,
             gpointer    user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  TribReportOptions options;

  trib_report_options_init (&options);
  g_assert_true (trib_report_write (plan, &options, pdf, progress_cb, seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 12);   /* start, ten sections, done */
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  trib_report_options_clear (&options);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

/* The preview pages are the PDF's pages: as many, the same sizes. */
static void
test_render_pages (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.tributary", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = trib_sample_write (path, FALSE, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  TribReportOptions options;

  g_assert_no_error (error);
  trib_report_options_init (&options);
  options.paper = TRIB_PAPER_LETTER;
  options.today = g_strdup ("2027-06-15");
  g_assert_true (trib_report_write (plan, &options, pdf, NULL, NULL, NULL, &error));
  pages = trib_report_render_pages (plan, &options, NULL, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  g_assert_cmpuint (pages->len, ==, poppler_document_get_n_pages (doc));
  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      cairo_rectangle_t extents;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_true (cairo_recording_surface_get_extents (g_ptr_array_index (pages, i), &extents));
      g_assert_cmpfloat_with_epsilon (extents.width, w, 0.01);
      g_assert_cmpfloat_with_epsilon (extents.height, h, 0.01);
    }
  trib_report_options_clear (&options);
  trib_plan_close (plan);
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  g_test_add_func ("/report/options", test_options);
  g_test_add_func ("/report/sample", test_sample);
  g_test_add_func ("/report/unicode", test_unicode);
  g_test_add_func ("/report/errors", test_errors);
  g_test_add_func ("/report/progress", test_progress);
  g_test_add_func ("/report/render-pages", test_render_pages);
  g_test_add_func ("/report/cli", test_cli);
  g_test_add_func ("/report/large", test_large);
  return g_test_run ();
}
