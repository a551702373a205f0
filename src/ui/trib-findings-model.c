/* trib-findings-model.c: a plan's strategy findings, kept up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One model per open plan, shared by the Overview's list and the sidebar's
 * count: the checks run once for a burst of changes (TribPlan's
 * changes-settled), not once per widget.
 */
#define G_LOG_DOMAIN "trib-findings"

#include "config.h"

#include "trib-findings-model.h"

struct _TribFindingsModel
{
  GObject     parent_instance;

  TribPlan   *plan;      /* not owned: the model lives as the plan's data */
  GListStore *findings;
  guint       n_counting;
  guint       n_errors;
};

enum
{
  PROP_0,
  PROP_N_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribFindingsModel, trib_findings_model, G_TYPE_OBJECT)

static void
trib_findings_model_finalize (GObject *object)
{
  TribFindingsModel *self = TRIB_FINDINGS_MODEL (object);

  g_clear_object (&self->findings);
  G_OBJECT_CLASS (trib_findings_model_parent_class)->finalize (object);
}

static void
trib_findings_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribFindingsModel *self = TRIB_FINDINGS_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_COUNTING:
      g_value_set_uint (value, self->n_counting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_findings_model_class_init (TribFindingsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_findings_model_finalize;
  object_class->get_property = trib_findings_model_get_property;

  properties[PROP_N_COUNTING] =
    g_param_spec_uint ("n-counting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_findings_model_init (TribFindingsModel *self)
{
  self->findings = g_list_store_new (TRIB_TYPE_FINDING);
}

/**
 * trib_findings_model_refresh:
 *
 * Runs the checks again now.
 */
void
trib_findings_model_refresh (TribFindingsModel *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  guint n_counting;

  g_return_if_fail (TRIB_IS_FINDINGS_MODEL (self));
  if (self->plan == NULL)
    return;
  findings = trib_checks_run (self->plan, NULL);
  self->n_errors = trib_checks_count (findings, TRIB_SEVERITY_ERROR);
  n_counting = self->n_errors + trib_checks_count (findings, TRIB_SEVERITY_WARNING);
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       findings->pdata, findings->len);
  if (n_counting != self->n_counting)
    {
      self->n_counting = n_counting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTING]);
    }
}

static void
on_changes_settled_cb (TribPlan          *plan,
                       guint              changes,
                       TribFindingsModel *self)
{
  trib_findings_model_refresh (self);
}

static void
on_plan_gone_cb (gpointer  data,
                 GObject  *plan)
{
  TribFindingsModel *self = data;
  self->plan = NULL;
}

static void
model_free (gpointer data)
{
  TribFindingsModel *self = data;

  if (self->plan != NULL)
    g_object_weak_unref (G_OBJECT (self->plan), on_plan_gone_cb, self);
  self->plan = NULL;
  g_object_unref (self);
}

/**
 * trib_findings_model_get_for_plan:
 *
 * Returns: (transfer none): the findings of @plan, shared by every widget
 *   that shows them, kept as long as the plan lives
 */
TribFindingsModel *
trib_findings_model_get_for_plan (TribPlan *plan)
{
  TribFindingsModel *self;

  g_return_val_if_fail (TRIB_IS_PLAN (plan), NULL);
  self = g_object_get_data (G_OBJECT (plan), "trib-findings-model");
  if (self != NULL)
    return self;
  self = g_object_new (TRIB_TYPE_FINDINGS_MODEL, NULL);
  self->plan = plan;
  g_object_weak_ref (G_OBJECT (plan), on_plan_gone_cb, self);
  g_signal_connect_object (plan, "changes-settled", G_CALLBACK (on_changes_settled_cb), self, 0);
  g_object_set_data_full (G_OBJECT (plan), "trib-findings-model", self, model_free);
  trib_findings_model_refresh (self);
  return self;
}

/** trib_findings_model_get_findings: Returns: (transfer none): the findings, those that count first */
GListModel *
trib_findings_model_get_findings (TribFindingsModel *self)
{
  g_return_val_if_fail (TRIB_IS_FINDINGS_MODEL (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/** trib_findings_model_get_n_counting: Returns: the errors and warnings nobody acknowledged */
guint
trib_findings_model_get_n_counting (TribFindingsModel *self)
{
  g_return_val_if_fail (TRIB_IS_FINDINGS_MODEL (self), 0);
  return self->n_counting;
}

/** trib_findings_model_get_n_errors: Returns: the errors nobody acknowledged */
guint
trib_findings_model_get_n_errors (TribFindingsModel *self)
{
  g_return_val_if_fail (TRIB_IS_FINDINGS_MODEL (self), 0);
  return self->n_errors;
}
