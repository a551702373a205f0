/* trib-entity-form-private.h: what the files of TribEntityForm share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-entity-form.h"

G_BEGIN_DECLS

typedef struct _FieldRow FieldRow;

typedef struct
{
  GtkWidget *group;      /* AdwPreferencesGroup */
  GtkLabel  *errors;
  GtkLabel  *warnings;
} Group;

struct _FieldRow
{
  TribEntityForm  *form;
  guint            index;    /* in the entity class's field table */
  const TribField *field;
  GtkWidget       *row;      /* marked when its value is refused */
  GtkWidget       *input;    /* AdwEntryRow, AdwComboRow, GtkSwitch or GtkTextView */
  Group           *group;
  GArray          *ref_ids;  /* references: the id at each position of the choice */
  char            *tooltip;  /* to restore once the value is right again */
  char            *warning;
  gboolean         touched;  /* changed by the person: its errors are shown */
  gboolean         user_set;
};

struct _TribEntityForm
{
  AdwWindow        parent_instance;

  TribPageContext *context;
  TribPlan        *plan;
  GType            entity_type;
  TribEntityClass *klass;
  TribEntity      *entity;      /* NULL while adding */
  const TribFormGroup *groups;  /* only while constructing */
  GPtrArray       *rows;        /* FieldRow, in the order shown */
  GPtrArray       *group_list;  /* Group */
  gboolean         syncing;     /* the form itself is changing a row */
  gboolean         save_tried;  /* every error is shown from now on */

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkBox          *groups_box;
};

FieldRow *_trib_entity_form_find_row       (TribEntityForm      *self,
                                            const char          *name);
void      _trib_entity_form_row_free       (gpointer             data);
gboolean  _trib_entity_form_read_row       (FieldRow            *row,
                                            GValue              *value,
                                            char               **message);
void      _trib_entity_form_load_row       (FieldRow            *row,
                                            const GValue        *value);
void      _trib_entity_form_build_rows     (TribEntityForm      *self,
                                            const TribFormGroup *groups);
gboolean  _trib_entity_form_validate       (TribEntityForm      *self);
void      _trib_entity_form_row_changed    (FieldRow            *row);
void      _trib_entity_form_row_activated  (FieldRow            *row);

G_END_DECLS
