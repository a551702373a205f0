/* test-safety.c: no command destroys what it should not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real tributary-cli, run on real files, as a user would — and as an
 * ordinary user (nobody) where root would not be stopped by permissions.
 *
 * Hostile cases tried by hand with tributary-cli; each class has a test here:
 *
 * - export-json PLAN -o PLAN; -o a hard link to PLAN; `export-json PLAN >> PLAN`;
 *   -o PLAN-journal (a document taken for the plan's journal); -o ""
 * - import-json DOC DOC --replace; import-json DOC notes.txt --replace;
 *   sample notes.txt --replace; sample over an empty file
 * - export-json A -o B where B is another plan; import-json over a plan
 *   without --replace
 * - -o a FIFO, a folder, /dev/null, a character device made with mknod (as
 *   root), a dangling symbolic link, a link to a plan, a link to a document
 * - --replace of a 0600 plan and export over a 0640 document (permissions
 *   kept); export over a 0444 document and --replace of a 0444 plan as
 *   nobody; writing into a folder nobody may write
 * - import-json FIFO (no writer), info FIFO, add-upstream FIFO, import-json
 *   a folder, /dev/zero, a missing file; import-json - from a pipe
 * - a writable plan with a stray -journal of random bytes, of text, empty;
 *   the same plan read-only to nobody
 * - new --name of 201 characters, with a line break; add-upstream
 *   --importance 9, 0, abc, 3.5; --layer sideways
 * - a plan whose file holds invalid UTF-8, an infinite number, an
 *   importance of 9, a line break in a name, a layer "sideways", a patch
 *   state of NULL (export refused, with the path)
 * - a damaged statistics history: info and add-upstream refuse it
 * - three writers and a reader at once; a plan open in the application;
 *   a program writing behind the window's back (test-safety-lock.c)
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/sysmacros.h>

#include "trib-plan.h"
#include "trib-plan-json.h"
#include "trib-test-cli.h"

static void
test_output_onto_input (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *plan = path_in (dir, "p.tributary");
  g_autofree char *doc = path_in (dir, "p.json");
  g_autofree char *hard = path_in (dir, "hard.tributary");
  g_autofree char *plan_sum = NULL, *doc_sum = NULL;

  make_sample (dir, "p.tributary");
  make_document (dir, "p.tributary", "p.json");
  g_assert_cmpint (link (plan, hard), ==, 0);
  plan_sum = trib_test_checksum (plan);
  doc_sum = trib_test_checksum (doc);

  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "p.tributary", NULL);
    assert_refused (&r, "the file being read");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "hard.tributary", NULL);
    assert_refused (&r, "the file being read");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "p.json", "p.json", "--replace", NULL);
    assert_refused (&r, "the file being read");
  }
  {
    /* The shell opens the output: the command sees that it is the plan. */
    g_autofree char *command = g_strdup_printf ("'%s' export-json p.tributary >> p.tributary", cli);
    const char *argv[] = { "/bin/sh", "-c", command, NULL };
    g_autofree char *err = NULL;
    int status;

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &status, NULL));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_nonnull (strstr (err, "plan being read"));
  }
  /* Nor beside it, where SQLite keeps its journal. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "p.tributary-journal", NULL);
    assert_refused (&r, "named like a file that SQLite keeps beside a plan");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "", NULL);
    assert_refused (&r, "No file name was given");
  }
  {
    g_autofree char *after = trib_test_checksum (plan);
    g_autofree char *doc_after = trib_test_checksum (doc);
    g_assert_cmpstr (plan_sum, ==, after);
    g_assert_cmpstr (doc_sum, ==, doc_after);
  }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "hard.tributary p.json p.tributary");
  }
  trib_test_remove_tree (dir);
}

static void
test_output_plans_only (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *other = path_in (dir, "other.tributary");
  g_autofree char *notes = path_in (dir, "notes.txt");
  g_autofree char *empty = path_in (dir, "empty.tributary");
  g_autofree char *other_sum = NULL, *notes_sum = NULL;

  make_sample (dir, "p.tributary");
  make_document (dir, "p.tributary", "p.json");
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "new", "other.tributary", "--name", "Other", NULL);
    assert_ok (&r);
  }
  g_assert_true (g_file_set_contents (notes, "my notes\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  other_sum = trib_test_checksum (other);
  notes_sum = trib_test_checksum (notes);

  /* A document never replaces a plan. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "other.tributary", NULL);
    assert_refused (&r, "a document never replaces a plan");
  }
  /* A plan replaces a plan only when asked … */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "p.json", "other.tributary", NULL);
    assert_refused (&r, "--replace");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "sample", "other.tributary", NULL);
    assert_refused (&r, "already exists");
  }
  /* … and never replaces anything else. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "p.json", "notes.txt", "--replace", NULL);
    assert_refused (&r, "not a Tributary plan, so it is not replaced");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "sample", "notes.txt", "--replace", NULL);
    assert_refused (&r, "not a Tributary plan, so it is not replaced");
  }
  {
    g_autofree char *after = trib_test_checksum (other);
    g_autofree char *notes_after = trib_test_checksum (notes);
    g_assert_cmpstr (other_sum, ==, after);
    g_assert_cmpstr (notes_sum, ==, notes_after);
  }
  /* An empty file holds nothing to lose; a plan over a plan when asked. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "sample", "empty.tributary", "--replace", NULL);
    assert_ok (&r);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "p.json", "other.tributary", "--replace", NULL);
    assert_ok (&r);
  }
  /* A document replaces a document. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "other.tributary", "-o", "p.json", NULL);
    assert_ok (&r);
  }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "empty.tributary notes.txt other.tributary p.json p.tributary");
  }
  trib_test_remove_tree (dir);
}

static void
test_output_not_regular (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *fifo = path_in (dir, "fifo");
  g_autofree char *folder = path_in (dir, "folder");
  g_autofree char *device = path_in (dir, "device");

  make_sample (dir, "p.tributary");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "fifo", NULL);
    assert_refused (&r, "is a pipe, not a regular file");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "-", "fifo", "--replace", NULL);
    /* The standard input is empty: the document is refused first. */
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "sample", "fifo", "--replace", NULL);
    assert_refused (&r, "is a pipe, not a regular file");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "folder", NULL);
    assert_refused (&r, "is a folder, not a regular file");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "/dev/null", NULL);
    assert_refused (&r, "is a device, not a regular file");
  }
  /* As root a device node would have been replaced by a plan. */
  if (geteuid () == 0 && mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    {
      g_auto(Run) r = { 0 };
      GStatBuf st;

      run (&r, dir, "sample", "device", "--replace", NULL);
      assert_refused (&r, "is a device, not a regular file");
      g_assert_cmpint (g_lstat (device, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
  /* `-o -` is the standard output. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", "-o", "-", NULL);
    assert_ok (&r);
    g_assert_true (g_str_has_prefix (r.out, "{\n"));
  }
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  trib_test_remove_tree (dir);
}

static void
test_output_symlink (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *plan = path_in (dir, "real.tributary");
  g_autofree char *link = path_in (dir, "link.tributary");
  g_autofree char *doc_link = path_in (dir, "link.json");
  g_autofree char *dangling = path_in (dir, "dangling.json");
  g_autofree char *target = NULL;

  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "new", "real.tributary", "--name", "Empty", NULL);
    assert_ok (&r);
  }
  g_assert_cmpint (symlink ("real.tributary", link), ==, 0);
  g_assert_cmpint (symlink ("real.json", doc_link), ==, 0);
  g_assert_cmpint (symlink ("nowhere/missing.json", dangling), ==, 0);
  g_assert_true (g_file_set_contents (path_in (dir, "real.json"), "{}\n", -1, NULL));

  /* Replacing through a link writes the file it names and keeps the link. */
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "sample", "link.tributary", "--replace", NULL);
    assert_ok (&r);
  }
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.tributary");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TribPlan) opened = trib_plan_open (plan, TRIB_PLAN_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (trib_plan_count (opened, TRIB_TYPE_UPSTREAM), >, 0);
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *contents = NULL;
    run (&r, dir, "export-json", "real.tributary", "-o", "link.json", NULL);
    assert_ok (&r);
    g_assert_true (g_file_test (doc_link, G_FILE_TEST_IS_SYMLINK));
    g_assert_true (g_file_get_contents (path_in (dir, "real.json"), &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "{\n  \"acknowledgements\""));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "real.tributary", "-o", "dangling.json", NULL);
    assert_refused (&r, "symbolic link to a file that does not exist");
  }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "dangling.json link.json link.tributary real.json real.tributary");
  }
  trib_test_remove_tree (dir);
}

/* Permissions bind only an ordinary user: as root, the refusals run as nobody. */
static void
test_output_permissions (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *private_plan = path_in (dir, "private.tributary");
  g_autofree char *doc = path_in (dir, "p.json");
  g_autofree char *ro_doc = path_in (dir, "ro.json");
  g_autofree char *ro_plan = path_in (dir, "ro.tributary");
  g_autofree char *locked_dir = path_in (dir, "locked");
  g_autofree char *ro_sum = NULL, *ro_plan_sum = NULL;
  gboolean nobody = geteuid () == 0;

  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  make_sample (dir, "p.tributary");
  make_document (dir, "p.tributary", "p.json");

  /* A replaced file keeps its permissions. */
  make_sample (dir, "private.tributary");
  g_assert_cmpint (g_chmod (private_plan, 0600), ==, 0);
  g_assert_cmpint (g_chmod (doc, 0640), ==, 0);
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "p.json", "private.tributary", "--replace", NULL);
    assert_ok (&r);
  }
  g_assert_cmpuint (mode_of (private_plan), ==, 0600);
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "private.tributary", "-o", "p.json", NULL);
    assert_ok (&r);
  }
  g_assert_cmpuint (mode_of (doc), ==, 0640);
  g_assert_cmpint (g_chmod (doc, 0644), ==, 0);

  /* A read-only file is not replaced, even though its folder is writable. */
  make_document (dir, "p.tributary", "ro.json");
  make_sample (dir, "ro.tributary");
  g_assert_cmpint (g_chmod (ro_doc, 0444), ==, 0);
  g_assert_cmpint (g_chmod (ro_plan, 0444), ==, 0);
  g_assert_cmpint (g_chmod (path_in (dir, "p.tributary"), 0644), ==, 0);
  ro_sum = trib_test_checksum (ro_doc);
  ro_plan_sum = trib_test_checksum (ro_plan);
  {
    g_auto(Run) r = { 0 };
    run_as (&r, dir, nobody, "export-json", "p.tributary", "-o", "ro.json", NULL);
    assert_refused (&r, "“ro.json” is read-only, so it was not replaced");
  }
  {
    g_auto(Run) r = { 0 };
    run_as (&r, dir, nobody, "import-json", "p.json", "ro.tributary", "--replace", NULL);
    assert_refused (&r, "“ro.tributary” is read-only, so it was not replaced");
  }
  {
    g_auto(Run) r = { 0 };
    run_as (&r, dir, nobody, "add-upstream", "ro.tributary", "x", "https://github.com/a/b", NULL);
    assert_refused (&r, "read-only");
  }
  {
    /* Reading a read-only plan is fine. */
    g_auto(Run) r = { 0 };
    run_as (&r, dir, nobody, "info", "ro.tributary", NULL);
    assert_ok (&r);
  }
  {
    g_autofree char *after = trib_test_checksum (ro_doc);
    g_autofree char *plan_after = trib_test_checksum (ro_plan);
    g_assert_cmpstr (ro_sum, ==, after);
    g_assert_cmpstr (ro_plan_sum, ==, plan_after);
  }

  /* A folder that may not be written: the folder is named, not the file. */
  g_assert_cmpint (g_mkdir (locked_dir, 0555), ==, 0);
  if (nobody || geteuid () != 0)
    {
      g_auto(Run) r = { 0 };
      run_as (&r, dir, nobody, "export-json", "p.tributary", "-o", "locked/out.json", NULL);
      assert_refused (&r, "The folder holding “out.json” is read-only");
      g_assert_false (g_file_test (path_in (locked_dir, "out.json"), G_FILE_TEST_EXISTS));
    }

  g_chmod (ro_doc, 0644);
  g_chmod (ro_plan, 0644);
  trib_test_remove_tree (dir);
}

static void
test_input_regular_only (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *fifo = path_in (dir, "fifo");
  gint64 start;

  make_sample (dir, "p.tributary");
  make_document (dir, "p.tributary", "p.json");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  /* A pipe with no writer would block an open for reading forever. */
  start = g_get_monotonic_time ();
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "fifo", "x.tributary", NULL);
    assert_refused (&r, "“fifo” is a pipe, not a file, so it was not read");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "info", "fifo", NULL);
    assert_refused (&r, "“fifo” is a pipe, not a file");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "add-upstream", "fifo", "x", "https://github.com/a/b", NULL);
    assert_refused (&r, "“fifo” is a pipe, not a file");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "fifo", NULL);
    assert_refused (&r, "“fifo” is a pipe, not a file");
  }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", ".", "x.tributary", NULL);
    assert_refused (&r, "is a folder, not a file, so it was not read");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "/dev/zero", "x.tributary", NULL);
    assert_refused (&r, "is a device, not a file, so it was not read");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "import-json", "missing.json", "x.tributary", NULL);
    assert_refused (&r, "“missing.json” does not exist");
  }
  g_assert_false (g_file_test (path_in (dir, "x.tributary"), G_FILE_TEST_EXISTS));

  /* The standard input is read when it is a pipe. */
  {
    g_autofree char *command = g_strdup_printf ("cat p.json | '%s' import-json - x.tributary", cli);
    const char *argv[] = { "/bin/sh", "-c", command, NULL };
    int status;

    g_assert_true (g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, NULL));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  trib_test_remove_tree (dir);
}

static void
test_input_stray_journal (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *plan = path_in (dir, "p.tributary");
  g_autofree char *journal = path_in (dir, "p.tributary-journal");
  const char *contents[] = { "stray text left by an editor\n", NULL, "" };
  guint8 noise[600];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  make_sample (dir, "p.tributary");

  for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
    {
      g_auto(Run) info = { 0 };
      g_auto(Run) exported = { 0 };

      if (contents[c] != NULL)
        g_assert_true (g_file_set_contents (journal, contents[c], -1, NULL));
      else
        g_assert_true (g_file_set_contents (journal, (char *) noise, sizeof noise, NULL));

      /* Readable by someone who may not write it: never called read-only. */
      if (geteuid () == 0 && contents[c] != NULL && contents[c][0] != '\0')
        {
          g_auto(Run) r = { 0 };
          run_as (&r, dir, TRUE, "info", "p.tributary", NULL);
          g_assert_cmpint (r.status, ==, 1);
          g_assert_null (strstr (r.err, "read-only"));
          g_assert_nonnull (strstr (r.err, "half-changed"));
        }

      run (&info, dir, "info", "p.tributary", NULL);
      assert_ok (&info);
      g_assert_nonnull (strstr (info.out, "Tessellate"));
      run (&exported, dir, "export-json", "p.tributary", "-o", "p.json", NULL);
      assert_ok (&exported);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TribPlan) opened = trib_plan_open (plan, 0, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "p.json p.tributary");
  }
  trib_test_remove_tree (dir);
}

static void
test_flags_validated (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *plan = path_in (dir, "p.tributary");
  g_autofree char *long_name = g_strnfill (201, 'n');
  g_autofree char *before = NULL;
  const char *importance[] = { "9", "0", "abc", "3.5" };

  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "new", "a.tributary", "--name", long_name, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "Name: expected"));
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "new", "a.tributary", "--name", "two\nlines", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  g_assert_false (g_file_test (path_in (dir, "a.tributary"), G_FILE_TEST_EXISTS));

  make_sample (dir, "p.tributary");
  before = trib_test_checksum (plan);
  for (guint i = 0; i < G_N_ELEMENTS (importance); i++)
    {
      g_auto(Run) r = { 0 };
      run (&r, dir, "add-upstream", "p.tributary", "x", "https://github.com/a/b",
           "--importance", importance[i], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "Importance: expected an integer from 1 to 5"));
    }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "add-upstream", "p.tributary", "x", "https://github.com/a/b", "--layer",
         "sideways", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "Layer: expected"));
  }
  {
    g_autofree char *name = g_strnfill (201, 'u');
    g_auto(Run) r = { 0 };
    run (&r, dir, "add-upstream", "p.tributary", name, "https://github.com/a/b", NULL);
    assert_refused (&r, "Name: expected");
  }
  {
    g_autofree char *after = trib_test_checksum (plan);
    g_assert_cmpstr (before, ==, after);
  }
  trib_test_remove_tree (dir);
}

/* A damaged file's values are not exported: the document would not read back. */
static void
test_export_damaged_values (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *plan = path_in (dir, "p.tributary");
  struct {
    const char *damage;
    const char *path;
    const char *repair;
  } cases[] = {
    { "UPDATE upstream SET name = CAST(X'66C328' AS TEXT) WHERE id = (SELECT min(id) FROM upstream);",
      "upstreams[0].name: ", "UPDATE upstream SET name = 'fixed' WHERE id = (SELECT min(id) FROM upstream);" },
    { "UPDATE investment SET fte = 9e999 WHERE id = (SELECT min(id) FROM investment);",
      "investments[0].fte: ", "UPDATE investment SET fte = 1 WHERE id = (SELECT min(id) FROM investment);" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE upstream SET importance = 9 WHERE id = (SELECT max(id) FROM upstream);",
      ".importance: expected an integer from 1 to 5",
      "UPDATE upstream SET importance = 3 WHERE id = (SELECT max(id) FROM upstream);" },
    { "UPDATE plan SET name = 'a' || char(10) || 'b';", "plan.name: ",
      "UPDATE plan SET name = 'Repaired';" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE upstream SET layer = 'sideways' WHERE id = "
      "(SELECT min(id) FROM upstream);", ".layer: unknown value “sideways”",
      "UPDATE upstream SET layer = 'below' WHERE id = (SELECT min(id) FROM upstream);" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE patch SET state = 'lost' WHERE id = "
      "(SELECT min(id) FROM patch);", ".state: unknown value “lost”",
      "UPDATE patch SET state = 'merged' WHERE id = (SELECT min(id) FROM patch);" },
  };

  make_sample (dir, "p.tributary");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) refused = { 0 };
      g_auto(Run) to_stdout = { 0 };
      g_auto(Run) repaired = { 0 };

      sql (plan, cases[i].damage);
      run (&refused, dir, "export-json", "p.tributary", "-o", "p.json", NULL);
      assert_refused (&refused, cases[i].path);
      g_assert_false (g_file_test (path_in (dir, "p.json"), G_FILE_TEST_EXISTS));
      run (&to_stdout, dir, "export-json", "p.tributary", NULL);
      assert_refused (&to_stdout, cases[i].path);
      g_assert_cmpstr (to_stdout.out, ==, "");

      sql (plan, cases[i].repair);
      run (&repaired, dir, "export-json", "p.tributary", "-o", "p.json", NULL);
      assert_ok (&repaired);
      g_unlink (path_in (dir, "p.json"));
    }
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "p.tributary");
  }
  trib_test_remove_tree (dir);
}

/* A damaged statistics history is noticed by every command, not only by
 * export-json, which reads all of it. */
static void
test_damaged_history (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *plan = path_in (dir, "p.tributary");
  g_autoptr(GString) rows = g_string_new ("BEGIN;");
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int root = 0, page_size = 0;
  int fd;

  make_sample (dir, "p.tributary");
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (rows, "INSERT INTO snapshot (upstream_id, taken_at, license) VALUES "
                            "((SELECT min(id) FROM upstream), '2027-01-01T00:00:00Z', "
                            "'Apache-2.0 %d');", i);
  g_string_append (rows, "COMMIT;");
  sql (plan, rows->str);

  g_assert_cmpint (sqlite3_open (plan, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'snapshot';",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The history's root page gets a page type that does not exist. */
  fd = g_open (plan, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, "\x42\x42\x42\x42\x42\x42\x42\x42", 8, (off_t) (root - 1) * page_size), ==, 8);
  close (fd);

  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "info", "p.tributary", NULL);
    assert_refused (&r, "damaged");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "add-upstream", "p.tributary", "x", "https://github.com/a/b", NULL);
    assert_refused (&r, "damaged");
  }
  {
    g_auto(Run) r = { 0 };
    run (&r, dir, "export-json", "p.tributary", NULL);
    assert_refused (&r, "damaged");
  }
  trib_test_remove_tree (dir);
}

/* The window's Save As and Export JSON go through the same rules. */
static void
test_window_paths (void)
{
  g_autofree char *dir = trib_test_make_dir ();
  g_autofree char *path = path_in (dir, "p.tributary");
  g_autofree char *notes = path_in (dir, "notes.txt");
  g_autofree char *other = path_in (dir, "other.tributary");
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPlan) plan = NULL;

  make_sample (dir, "p.tributary");
  make_sample (dir, "other.tributary");
  g_assert_cmpint (g_chmod (other, 0600), ==, 0);
  g_assert_true (g_file_set_contents (notes, "notes\n", -1, NULL));
  plan = trib_plan_open (path, TRIB_PLAN_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_false (trib_plan_export_json (plan, path, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trib_plan_export_json (plan, other, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (trib_plan_save_as (plan, notes, &error));
  g_assert_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_NOT_A_PLAN);
  g_clear_error (&error);
  g_assert_cmpstr (trib_plan_get_path (plan), ==, path);

  g_assert_true (trib_plan_save_as (plan, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (other), ==, 0600);
  g_assert_true (trib_entity_set_string (TRIB_ENTITY (trib_plan_get_info (plan)), "name",
                                         "Saved as", &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  {
    g_autofree char *listing = trib_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "notes.txt other.tributary p.tributary");
  }
  trib_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (argc, >=, 2);
  cli = argv[1];

  g_test_add_func ("/safety/output/onto-input", test_output_onto_input);
  g_test_add_func ("/safety/output/plans-only", test_output_plans_only);
  g_test_add_func ("/safety/output/not-regular", test_output_not_regular);
  g_test_add_func ("/safety/output/symlink", test_output_symlink);
  g_test_add_func ("/safety/output/permissions", test_output_permissions);
  g_test_add_func ("/safety/input/regular-only", test_input_regular_only);
  g_test_add_func ("/safety/input/stray-journal", test_input_stray_journal);
  g_test_add_func ("/safety/values/flags", test_flags_validated);
  g_test_add_func ("/safety/values/export-damaged", test_export_damaged_values);
  g_test_add_func ("/safety/values/damaged-history", test_damaged_history);
  g_test_add_func ("/safety/window-paths", test_window_paths);

  return g_test_run ();
}
