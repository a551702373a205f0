/* trib-finding.c: one thing a strategy check found in a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-finding"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-finding.h"

struct _TribFinding
{
  GObject parent_instance;

  const char          *rule;     /* static: the rule's stable id */
  TribSeverity         severity;
  char                *message;
  const char          *argument; /* static, translated */
  GPtrArray           *subjects; /* TribEntity, the first is what an acknowledgement names */
  char                *subject_key;
  TribAcknowledgement *ack;
};

enum
{
  PROP_0,
  PROP_MESSAGE,
  PROP_ACKNOWLEDGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribFinding, trib_finding, G_TYPE_OBJECT)

static void
trib_finding_dispose (GObject *object)
{
  TribFinding *self = TRIB_FINDING (object);

  g_clear_pointer (&self->subjects, g_ptr_array_unref);
  g_clear_object (&self->ack);

  G_OBJECT_CLASS (trib_finding_parent_class)->dispose (object);
}

static void
trib_finding_finalize (GObject *object)
{
  TribFinding *self = TRIB_FINDING (object);

  g_free (self->message);
  g_free (self->subject_key);

  G_OBJECT_CLASS (trib_finding_parent_class)->finalize (object);
}

static void
trib_finding_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TribFinding *self = TRIB_FINDING (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_ACKNOWLEDGED:
      g_value_set_boolean (value, self->ack != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_finding_class_init (TribFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_finding_dispose;
  object_class->finalize = trib_finding_finalize;
  object_class->get_property = trib_finding_get_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACKNOWLEDGED] =
    g_param_spec_boolean ("acknowledged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_finding_init (TribFinding *self)
{
  self->subjects = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * trib_finding_new:
 * @rule: the rule's stable id, a static string
 * @severity: how serious it is
 * @message: one sentence that names the entities
 * @argument: the guide's argument in one sentence, a static string
 *
 * Returns: (transfer full): a new finding without subjects
 */
TribFinding *
trib_finding_new (const char   *rule,
                  TribSeverity  severity,
                  const char   *message,
                  const char   *argument)
{
  TribFinding *self = g_object_new (TRIB_TYPE_FINDING, NULL);

  self->rule = rule;
  self->severity = severity;
  self->message = g_strdup (message);
  self->argument = argument;
  return self;
}

/**
 * trib_finding_add_subject:
 *
 * Adds @entity to the entities involved. The first one added is the
 * subject an acknowledgement names; a finding without subjects is about
 * the whole plan.
 */
void
trib_finding_add_subject (TribFinding *self,
                          TribEntity  *entity)
{
  g_return_if_fail (TRIB_IS_FINDING (self));
  g_return_if_fail (TRIB_IS_ENTITY (entity));

  if (self->subject_key == NULL)
    self->subject_key = trib_subject_key_for_entity (entity);
  g_ptr_array_add (self->subjects, g_object_ref (entity));
}

/**
 * trib_finding_get_rule:
 *
 * Returns: the stable id of the rule, such as "investment-jump"
 */
const char *
trib_finding_get_rule (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  return self->rule;
}

/**
 * trib_finding_get_severity:
 *
 * Returns: the severity the rule gave, acknowledged or not
 */
TribSeverity
trib_finding_get_severity (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), TRIB_SEVERITY_INFO);
  return self->severity;
}

/**
 * trib_finding_get_effective_severity:
 *
 * Returns: the severity, or %TRIB_SEVERITY_INFO once acknowledged: an
 *   acknowledged finding no longer counts as a warning or an error
 */
TribSeverity
trib_finding_get_effective_severity (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), TRIB_SEVERITY_INFO);
  return self->ack ? TRIB_SEVERITY_INFO : self->severity;
}

/**
 * trib_finding_get_message:
 *
 * Returns: one sentence, for people, that names the entities
 */
const char *
trib_finding_get_message (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  return self->message;
}

/**
 * trib_finding_get_argument:
 *
 * Returns: the guide's argument behind the rule, in one sentence
 */
const char *
trib_finding_get_argument (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  return self->argument;
}

/**
 * trib_finding_get_subjects:
 *
 * Returns: (transfer none) (element-type TribEntity): the entities involved
 */
GPtrArray *
trib_finding_get_subjects (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  return self->subjects;
}

/* A release is "Tessellate Platform 3.0", not "3.0"; a base names its
 * upstream. */
static char *
display_name (TribEntity *entity)
{
  TribPlan *plan = trib_entity_get_plan (entity);
  g_autofree char *title = trib_entity_get_title (entity);
  TribEntity *owner = NULL;

  if (plan != NULL && TRIB_IS_PRODUCT_RELEASE (entity))
    owner = trib_plan_lookup (plan, TRIB_TYPE_PRODUCT,
                              trib_product_release_get_product_id (TRIB_PRODUCT_RELEASE (entity)));
  else if (plan != NULL && TRIB_IS_RELEASE_BASE (entity))
    owner = trib_plan_lookup (plan, TRIB_TYPE_UPSTREAM,
                              trib_release_base_get_upstream_id (TRIB_RELEASE_BASE (entity)));
  if (owner != NULL)
    {
      g_autofree char *owner_title = trib_entity_get_title (owner);
      return g_strdup_printf ("%s %s", owner_title, title);
    }
  return g_steal_pointer (&title);
}

/**
 * trib_finding_get_subject_name:
 * @index: the position of an entity involved
 *
 * Returns: (transfer full): its name for people ("Tessellate Platform 3.0"
 *   for a release)
 */
char *
trib_finding_get_subject_name (TribFinding *self,
                               guint        index)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  g_return_val_if_fail (index < self->subjects->len, NULL);
  return display_name (g_ptr_array_index (self->subjects, index));
}

/**
 * trib_finding_get_subject_names:
 *
 * Returns: (transfer full): the names of the entities involved, joined by
 *   ", " — or the empty string for a finding about the whole plan
 */
char *
trib_finding_get_subject_names (TribFinding *self)
{
  GString *names = g_string_new (NULL);

  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  for (guint i = 0; i < self->subjects->len; i++)
    {
      g_autofree char *title = display_name (g_ptr_array_index (self->subjects, i));
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, title);
    }
  return g_string_free (names, FALSE);
}

/**
 * trib_finding_get_subject_key:
 *
 * Returns: the subject an acknowledgement of this finding names
 *   ("upstream:5"), or the empty string for the whole plan
 */
const char *
trib_finding_get_subject_key (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  return self->subject_key ? self->subject_key : "";
}

/**
 * trib_finding_set_subject_entity:
 *
 * Makes @entity, not the first of the entities involved, the subject an
 * acknowledgement names (a release base, say, while the message names its
 * release and upstream).
 */
void
trib_finding_set_subject_entity (TribFinding *self,
                                 TribEntity  *entity)
{
  g_return_if_fail (TRIB_IS_FINDING (self));
  g_return_if_fail (TRIB_IS_ENTITY (entity));

  g_free (self->subject_key);
  self->subject_key = trib_subject_key_for_entity (entity);
}

/**
 * trib_finding_get_acknowledgement:
 *
 * Returns: (transfer none) (nullable): the acknowledgement of this finding
 */
TribAcknowledgement *
trib_finding_get_acknowledgement (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), NULL);
  return self->ack;
}

/**
 * trib_finding_set_acknowledgement:
 *
 * Records that @ack acknowledges this finding.
 */
void
trib_finding_set_acknowledgement (TribFinding         *self,
                                  TribAcknowledgement *ack)
{
  g_return_if_fail (TRIB_IS_FINDING (self));

  if (g_set_object (&self->ack, ack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACKNOWLEDGED]);
}

/**
 * trib_finding_is_acknowledged:
 *
 * Returns: whether someone acknowledged this finding with a reason
 */
gboolean
trib_finding_is_acknowledged (TribFinding *self)
{
  g_return_val_if_fail (TRIB_IS_FINDING (self), FALSE);
  return self->ack != NULL;
}

/**
 * trib_subject_key_for_entity:
 *
 * Returns: (transfer full): how an acknowledgement names @entity: its
 *   table and id, "upstream:5"
 */
char *
trib_subject_key_for_entity (TribEntity *entity)
{
  g_return_val_if_fail (TRIB_IS_ENTITY (entity), NULL);
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, TRIB_ENTITY_GET_CLASS (entity)->table,
                          trib_entity_get_id (entity));
}

/**
 * trib_severity_get_nick:
 *
 * Returns: "info", "warning" or "error", for machines
 */
const char *
trib_severity_get_nick (TribSeverity severity)
{
  switch (severity)
    {
    case TRIB_SEVERITY_ERROR:
      return "error";
    case TRIB_SEVERITY_WARNING:
      return "warning";
    case TRIB_SEVERITY_INFO:
    default:
      return "info";
    }
}

/**
 * trib_severity_get_label:
 *
 * Returns: the severity's name for people
 */
const char *
trib_severity_get_label (TribSeverity severity)
{
  switch (severity)
    {
    case TRIB_SEVERITY_ERROR:
      return _("Error");
    case TRIB_SEVERITY_WARNING:
      return _("Warning");
    case TRIB_SEVERITY_INFO:
    default:
      return _("Note");
    }
}
