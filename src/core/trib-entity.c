/* trib-entity.c: base class of every entity of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entity keeps its field values in an array of GValues described by the
 * class's TribField table. Setting a property of an entity that belongs to a
 * plan goes through the plan, which validates the value, commits it to the
 * plan file and records it for undo before the property notifies.
 */
#define G_LOG_DOMAIN "trib-entity"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "trib-entity.h"
#include "trib-plan.h"

typedef struct
{
  gint64    id;
  GValue   *values;
  TribPlan *plan; /* not owned: the plan owns its entities */
} TribEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TribEntity, trib_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_BASE_PROPS
};

static GParamSpec *base_properties[N_BASE_PROPS];

/* GObject runs instance init before the subclass's fields are known to the
 * base init, so values are allocated on first use by this constructor hook. */
static GValue *
ensure_values (TribEntity *self)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);

  if (G_UNLIKELY (priv->values == NULL))
    {
      TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);

      priv->values = g_new0 (GValue, MAX (klass->n_fields, 1));
      for (guint i = 0; i < klass->n_fields; i++)
        trib_field_init_default (&klass->fields[i], &priv->values[i]);
    }
  return priv->values;
}

static void
trib_entity_finalize (GObject *object)
{
  TribEntity *self = TRIB_ENTITY (object);
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);

  for (guint i = 0; priv->values && i < klass->n_fields; i++)
    if (G_IS_VALUE (&priv->values[i]))
      g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (trib_entity_parent_class)->finalize (object);
}

static void
trib_entity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TribEntity *self = TRIB_ENTITY (object);
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, priv->id);
  else if (prop_id >= N_BASE_PROPS && prop_id < N_BASE_PROPS + klass->n_fields)
    g_value_copy (&ensure_values (self)[prop_id - N_BASE_PROPS], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trib_entity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TribEntity *self = TRIB_ENTITY (object);
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);

  if (prop_id >= N_BASE_PROPS && prop_id < N_BASE_PROPS + klass->n_fields)
    {
      g_autoptr(GError) error = NULL;

      if (!trib_entity_set_value (self, prop_id - N_BASE_PROPS, value, &error))
        {
          /* A binding or g_object_set() cannot receive an error: the plan
           * tells its windows, which show it; the value stays unchanged. */
          if (priv->plan != NULL)
            trib_plan_report_error (priv->plan, error);
          else
            g_message ("%s", error->message);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trib_entity_class_init (TribEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_entity_finalize;
  object_class->get_property = trib_entity_get_property;
  object_class->set_property = trib_entity_set_property;

  klass->parent_field = -1;

  base_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_BASE_PROPS, base_properties);
}

static void
trib_entity_init (TribEntity *self)
{
}

/**
 * trib_entity_class_install_fields:
 *
 * Called from a subclass's class_init: installs one property per field.
 */
void
trib_entity_class_install_fields (TribEntityClass *klass,
                                  const char      *table,
                                  const char      *json_key,
                                  const char      *label,
                                  const TribField *fields,
                                  guint            n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit get_property and set_property. */
  object_class->get_property = trib_entity_get_property;
  object_class->set_property = trib_entity_set_property;

  klass->table = table;
  klass->json_key = json_key;
  klass->label = label;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->parent_field = -1;
  klass->title_field = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      klass->pspecs[i] = trib_field_param_spec (&fields[i]);
      g_object_class_install_property (object_class, N_BASE_PROPS + i, klass->pspecs[i]);
      if (fields[i].flags & TRIB_FIELD_PARENT)
        klass->parent_field = i;
    }
}

int
trib_entity_class_find_field (TribEntityClass *klass,
                              const char      *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_strcmp0 (klass->fields[i].name, name) == 0 ||
        g_strcmp0 (klass->pspecs[i]->name, name) == 0)
      return i;
  return -1;
}

gint64
trib_entity_get_id (TribEntity *self)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_ENTITY (self), 0);

  return priv->id;
}

void
_trib_entity_set_id (TribEntity *self,
                     gint64      id)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);

  /* An id is given once, before anyone watches the entity. */
  priv->id = id;
}

TribPlan *
trib_entity_get_plan (TribEntity *self)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_ENTITY (self), NULL);

  return priv->plan;
}

void
_trib_entity_set_plan (TribEntity *self,
                       TribPlan   *plan)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);

  priv->plan = plan;
}

const GValue *
trib_entity_peek_value (TribEntity *self,
                        guint       field)
{
  g_return_val_if_fail (TRIB_IS_ENTITY (self), NULL);
  g_return_val_if_fail (field < TRIB_ENTITY_GET_CLASS (self)->n_fields, NULL);

  return &ensure_values (self)[field];
}

void
_trib_entity_store_value (TribEntity   *self,
                          guint         field,
                          const GValue *value)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);
  GValue *values = ensure_values (self);

  if (trib_field_values_equal (&klass->fields[field], &values[field], value))
    return;
  g_value_copy (value, g_value_reset (&values[field]));
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[field]);
}

/* Takes the contents of @value without notifying: used while loading. */
void
_trib_entity_take_value (TribEntity *self,
                         guint       field,
                         GValue     *value)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);

  /* Loading fills every field: skip the defaults. */
  if (priv->values == NULL)
    priv->values = g_new0 (GValue, MAX (TRIB_ENTITY_GET_CLASS (self)->n_fields, 1));
  if (G_IS_VALUE (&priv->values[field]))
    g_value_unset (&priv->values[field]);
  priv->values[field] = *value;
  memset (value, 0, sizeof *value);
}

/**
 * trib_entity_set_value:
 *
 * Changes one field. An entity that belongs to a plan commits the change to
 * the plan file and records it for undo; an invalid value is refused with an
 * error that names the field.
 */
gboolean
trib_entity_set_value (TribEntity   *self,
                       guint         field,
                       const GValue *value,
                       GError      **error)
{
  TribEntityPrivate *priv = trib_entity_get_instance_private (self);
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);
  g_auto(GValue) converted = G_VALUE_INIT;
  g_autofree char *message = NULL;
  const TribField *f;

  g_return_val_if_fail (TRIB_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (field < klass->n_fields, FALSE);

  f = &klass->fields[field];
  g_value_init (&converted, trib_field_value_type (f));
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID,
                   _("%s: cannot hold a value of type %s"), _(f->label), G_VALUE_TYPE_NAME (value));
      return FALSE;
    }

  if (priv->plan != NULL)
    return trib_plan_update (priv->plan, self, field, &converted, error);

  if (!trib_field_validate (f, &converted, &message))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s: %s", _(f->label), message);
      return FALSE;
    }
  _trib_entity_store_value (self, field, &converted);
  return TRUE;
}

/**
 * trib_entity_set_from_text:
 *
 * Sets the field @name from what a person typed.
 */
gboolean
trib_entity_set_from_text (TribEntity *self,
                           const char *name,
                           const char *text,
                           GError    **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);
  int field = trib_entity_class_find_field (klass, name);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;

  g_return_val_if_fail (field >= 0, FALSE);

  if (!trib_field_parse_text (&klass->fields[field], text, &value, &message))
    {
      g_set_error (error, TRIB_PLAN_ERROR, TRIB_PLAN_ERROR_INVALID, "%s: %s",
                   _(klass->fields[field].label), message);
      return FALSE;
    }
  return trib_entity_set_value (self, field, &value, error);
}

/**
 * trib_entity_get_title:
 *
 * Returns: the text that names this entity for people.
 */
char *
trib_entity_get_title (TribEntity *self)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);
  return trib_field_to_display (&klass->fields[klass->title_field],
                                trib_entity_peek_value (self, klass->title_field));
}

static const GValue *
lookup (TribEntity *self,
        const char *name,
        GType       type)
{
  int field = trib_entity_class_find_field (TRIB_ENTITY_GET_CLASS (self), name);

  g_return_val_if_fail (field >= 0, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_VALUE_TYPE (trib_entity_peek_value (self, field), type), NULL);

  return trib_entity_peek_value (self, field);
}

const char *
trib_entity_get_string (TribEntity *self,
                        const char *name)
{
  const GValue *v = lookup (self, name, G_TYPE_STRING);
  return v ? g_value_get_string (v) : NULL;
}

int
trib_entity_get_int (TribEntity *self,
                     const char *name)
{
  const GValue *v = lookup (self, name, G_TYPE_INT);
  return v ? g_value_get_int (v) : 0;
}

double
trib_entity_get_double (TribEntity *self,
                        const char *name)
{
  const GValue *v = lookup (self, name, G_TYPE_DOUBLE);
  return v ? g_value_get_double (v) : 0.0;
}

gboolean
trib_entity_get_bool (TribEntity *self,
                      const char *name)
{
  const GValue *v = lookup (self, name, G_TYPE_BOOLEAN);
  return v ? g_value_get_boolean (v) : FALSE;
}

int
trib_entity_get_enum (TribEntity *self,
                      const char *name)
{
  const GValue *v = lookup (self, name, G_TYPE_ENUM);
  return v ? g_value_get_enum (v) : 0;
}

gint64
trib_entity_get_ref (TribEntity *self,
                     const char *name)
{
  const GValue *v = lookup (self, name, G_TYPE_INT64);
  return v ? g_value_get_int64 (v) : 0;
}

static gboolean
set_named (TribEntity   *self,
           const char   *name,
           const GValue *value,
           GError      **error)
{
  int field = trib_entity_class_find_field (TRIB_ENTITY_GET_CLASS (self), name);

  g_return_val_if_fail (field >= 0, FALSE);

  return trib_entity_set_value (self, field, value, error);
}

gboolean
trib_entity_set_string (TribEntity *self,
                        const char *name,
                        const char *value,
                        GError    **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return set_named (self, name, &v, error);
}

gboolean
trib_entity_set_int (TribEntity *self,
                     const char *name,
                     int         value,
                     GError    **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  return set_named (self, name, &v, error);
}

gboolean
trib_entity_set_double (TribEntity *self,
                        const char *name,
                        double      value,
                        GError    **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return set_named (self, name, &v, error);
}

gboolean
trib_entity_set_bool (TribEntity *self,
                      const char *name,
                      gboolean    value,
                      GError    **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  return set_named (self, name, &v, error);
}

gboolean
trib_entity_set_enum (TribEntity *self,
                      const char *name,
                      int         value,
                      GError    **error)
{
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (self);
  int field = trib_entity_class_find_field (klass, name);
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_val_if_fail (field >= 0 && klass->fields[field].kind == TRIB_FIELD_ENUM, FALSE);

  g_value_init (&v, klass->fields[field].enum_type ());
  g_value_set_enum (&v, value);
  return trib_entity_set_value (self, field, &v, error);
}

gboolean
trib_entity_set_ref (TribEntity *self,
                     const char *name,
                     gint64      value,
                     GError    **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  return set_named (self, name, &v, error);
}
