/* trib-rules.c: domain rules that every part of Tributary applies the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-rules"

#include "config.h"

#include <string.h>

#include "trib-rules.h"

/* Whether @text starts with a URI scheme ("https:", "git+ssh:"). */
static gboolean
has_scheme (const char *text)
{
  const char *p = text;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':' && p[1] == '/' && p[2] == '/';
}

/**
 * trib_url_complete:
 * @text: an address as a person typed it
 *
 * Completes an address typed without its scheme ("github.com/etcd-io/etcd")
 * into a https:// one. Leading and trailing spaces are dropped; an address
 * with a scheme is returned as it is (and still has to pass the field's
 * rules: only http:// and https:// are accepted).
 *
 * Returns: (transfer full) (nullable): the completed address, or %NULL for
 *   an empty @text
 */
char *
trib_url_complete (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (stripped[0] == '\0')
    return NULL;
  if (has_scheme (stripped) || strchr (stripped, ' ') != NULL || stripped[0] == '/')
    return g_steal_pointer (&stripped);
  return g_strconcat ("https://", stripped, NULL);
}

/**
 * trib_repository_key:
 * @repository: (nullable): a repository address, as stored or as typed
 *
 * Two addresses name one repository when they differ only in case, a
 * missing https://, trailing slashes or a ".git" ending; they then have the
 * same key.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for an empty address
 */
char *
trib_repository_key (const char *repository)
{
  g_autofree char *complete = trib_url_complete (repository);
  g_autofree char *lower = NULL;
  gsize length;

  if (complete == NULL)
    return NULL;
  lower = g_ascii_strdown (complete, -1);
  length = strlen (lower);
  while (length > 0 && lower[length - 1] == '/')
    lower[--length] = '\0';
  if (g_str_has_suffix (lower, ".git"))
    lower[length - 4] = '\0';
  return g_steal_pointer (&lower);
}

/**
 * trib_forge_from_url:
 * @url: (nullable): a repository address, with or without https://
 *
 * Tells which forge hosts a repository by its host name: github.com and its
 * subdomains are GitHub, a host with "gitlab" in its name (gitlab.com,
 * gitlab.gnome.org) is GitLab. An address still being typed
 * ("github.com/etcd") is judged as if it began with https://.
 *
 * Returns: the forge, or %TRIB_FORGE_NONE
 */
TribForge
trib_forge_from_url (const char *url)
{
  g_autofree char *complete = trib_url_complete (url);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;

  if (complete == NULL)
    return TRIB_FORGE_NONE;
  uri = g_uri_parse (complete, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return TRIB_FORGE_NONE;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_str_equal (host, "github.com") || g_str_has_suffix (host, ".github.com"))
    return TRIB_FORGE_GITHUB;
  if (strstr (host, "gitlab") != NULL)
    return TRIB_FORGE_GITLAB;
  return TRIB_FORGE_NONE;
}

/**
 * trib_currency_is_valid:
 * @code: (nullable): a currency code
 *
 * The plan's currency is an ISO 4217 code: three capital letters (EUR,
 * USD, JPY). The field's rule, the JSON import and the editors use this.
 *
 * Returns: whether @code is three ASCII capital letters
 */
gboolean
trib_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

/**
 * trib_currency_normalize:
 * @text: (nullable): a currency code as a person typed it (" eur ")
 *
 * Returns: (transfer full) (nullable): the code in capitals ("EUR"), or
 *   %NULL when @text is not three letters
 */
char *
trib_currency_normalize (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *code = g_ascii_strup (stripped, -1);

  return trib_currency_is_valid (code) ? g_steal_pointer (&code) : NULL;
}
