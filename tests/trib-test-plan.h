/* trib-test-plan.h: building small plans in tests, one entity a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trib-plan.h"
#include "trib-test-util.h"

/* Sets "name=value" pairs on @entity from their text form, as the window's
 * fields and the command line do, and adds it to @plan. */
static inline TribEntity *
trib_test_add (TribPlan   *plan,
               GType       type,
               const char *first_name,
               ...)
{
  g_autoptr(TribEntity) entity = g_object_new (type, NULL);
  g_autoptr(GError) error = NULL;
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *value = va_arg (args, const char *);
      trib_entity_set_from_text (entity, name, value, &error);
      g_assert_no_error (error);
      name = va_arg (args, const char *);
    }
  va_end (args);
  trib_plan_add (plan, entity, &error);
  g_assert_no_error (error);
  return entity; /* the plan keeps it */
}

static inline char *
trib_test_id (TribEntity *entity)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, trib_entity_get_id (entity));
}

/* Sets one plan setting from its text form, in place. */
static inline void
trib_test_set_info (TribPlan   *plan,
                    const char *name,
                    const char *text)
{
  TribEntity *info = TRIB_ENTITY (trib_plan_get_info (plan));
  g_autoptr(TribEntity) copy = g_object_new (TRIB_TYPE_PLAN_INFO, NULL);
  TribEntityClass *klass = TRIB_ENTITY_GET_CLASS (info);
  int field = trib_entity_class_find_field (klass, name);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (field, >=, 0);
  trib_entity_set_from_text (copy, name, text, &error);
  g_assert_no_error (error);
  trib_plan_update (plan, info, (guint) field, trib_entity_peek_value (copy, (guint) field), &error);
  g_assert_no_error (error);
}
