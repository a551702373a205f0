/* trib-entity-form.h: the dialog that adds or edits one entity of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "trib-page-context.h"

G_BEGIN_DECLS

/* Rows of the form, in groups: @fields names the entity's fields,
 * separated by spaces, in the order they are shown. An array of groups
 * ends with { NULL, NULL }. Fields in no group follow in a last group. */
typedef struct
{
  const char *title;   /* translated; NULL for none */
  const char *fields;
} TribFormGroup;

#define TRIB_TYPE_ENTITY_FORM (trib_entity_form_get_type ())

G_DECLARE_FINAL_TYPE (TribEntityForm, trib_entity_form, TRIB, ENTITY_FORM, AdwWindow)

GtkWidget  *trib_entity_form_new             (TribPageContext     *context,
                                              GType                entity_type,
                                              TribEntity          *entity,
                                              const TribFormGroup *groups);
TribEntity *trib_entity_form_get_entity      (TribEntityForm      *self);
GType       trib_entity_form_get_entity_type (TribEntityForm      *self);
GtkWidget  *trib_entity_form_get_row         (TribEntityForm      *self,
                                              const char          *field);
void        trib_entity_form_set_value       (TribEntityForm      *self,
                                              const char          *field,
                                              const GValue        *value);
void        trib_entity_form_set_text        (TribEntityForm      *self,
                                              const char          *field,
                                              const char          *text);
char       *trib_entity_form_get_text        (TribEntityForm      *self,
                                              const char          *field);
gboolean    trib_entity_form_read_value      (TribEntityForm      *self,
                                              const char          *field,
                                              GValue              *value,
                                              char               **message);
gboolean    trib_entity_form_is_user_set     (TribEntityForm      *self,
                                              const char          *field);
void        trib_entity_form_set_warning     (TribEntityForm      *self,
                                              const char          *field,
                                              const char          *message);
gboolean    trib_entity_form_is_valid        (TribEntityForm      *self);
gboolean    trib_entity_form_save            (TribEntityForm      *self);

G_END_DECLS
