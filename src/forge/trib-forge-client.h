/* trib-forge-client.h: what a forge says about one repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trib-forge-http.h"
#include "trib-types.h"

G_BEGIN_DECLS

/* How many contributor pages (of 100) and commit pages a fetch reads. */
#define TRIB_FORGE_MAX_CONTRIBUTOR_PAGES 10
#define TRIB_FORGE_MAX_COMMIT_PAGES      10
#define TRIB_FORGE_WEEKS                 52

/**
 * TribForgeContributor:
 *
 * One entry of a contributor list (see TribContributor in the engine).
 */
typedef struct
{
  char  *handle;
  char  *email;
  gint64 contributions;
} TribForgeContributor;

/**
 * TribForgeStats:
 *
 * Everything one fetch learnt about a repository. Dates are YYYY-MM-DD,
 * times YYYY-MM-DDTHH:MM:SSZ; strings are %NULL when the forge did not say.
 */
typedef struct
{
  char     *source;            /* the API address of the repository */
  char     *web_url;           /* the repository's address as the forge names it now */
  int       stars;
  int       forks;
  int       watchers;
  int       open_issues;
  char     *created;
  char     *last_push;
  gboolean  archived;
  char     *license;
  char     *default_branch;
  GArray   *contributors;      /* TribForgeContributor */
  gboolean  contributors_capped;
  char     *contributors_note; /* why the list is short or missing */
  int       releases_last_year;
  char     *last_release;
  GArray   *weekly_commits;    /* 52 ints, oldest week first; NULL when unknown */
  char     *commits_note;      /* why they are unknown */
  gboolean  not_modified;      /* every answer was 304: nothing changed */
} TribForgeStats;

void trib_forge_stats_free (TribForgeStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribForgeStats, trib_forge_stats_free)

#define TRIB_TYPE_FORGE_CLIENT (trib_forge_client_get_type ())

G_DECLARE_DERIVABLE_TYPE (TribForgeClient, trib_forge_client, TRIB, FORGE_CLIENT, GObject)

typedef struct _TribForgeFetch TribForgeFetch;

struct _TribForgeClientClass
{
  GObjectClass parent_class;

  /* Turns a repository's web address into the API address of the
   * repository, or fails saying what is wrong with it. */
  char *(*api_url)     (TribForgeClient *self,
                        const char      *repository,
                        GError         **error);
  /* Starts the first request of @fetch; later steps chain from there. */
  void  (*start)       (TribForgeClient *self,
                        TribForgeFetch  *fetch);
};

TribForgeClient *trib_forge_client_new          (TribForge             forge,
                                                 TribForgeHttp        *http,
                                                 const char           *base_url);
TribForgeHttp   *trib_forge_client_get_http     (TribForgeClient      *self);
const char      *trib_forge_client_get_base_url (TribForgeClient      *self);
const char      *trib_forge_client_get_name     (TribForgeClient      *self);
void             trib_forge_client_set_now      (TribForgeClient      *self,
                                                 gint64                now);
gint64           trib_forge_client_get_now      (TribForgeClient      *self);

void             trib_forge_client_fetch_async  (TribForgeClient      *self,
                                                 const char           *repository,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
TribForgeStats  *trib_forge_client_fetch_finish (TribForgeClient      *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

const char      *trib_forge_default_api_url     (TribForge             forge);

G_END_DECLS
