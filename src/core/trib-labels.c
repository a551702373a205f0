/* trib-labels.c: the words people read for the values of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trib-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-labels.h"
#include "trib-enums.h"
#include "trib-entities.h"

typedef struct
{
  GType      (*get_type) (void);
  const char *context;
  const char *labels[8]; /* by value, which counts from 0 */
} EnumLabels;

/* Marked with NC_() so that each enumeration has its own context: "None"
 * as a forge and "None" as an upstream-first step may translate apart. */
static const EnumLabels enum_labels[] = {
  { trib_forge_get_type, "forge", { NC_("forge", "None"), "GitHub", "GitLab" } },
  { trib_layer_get_type, "layer",
    { NC_("layer", "Above the platform"), NC_("layer", "Platform"),
      NC_("layer", "Below the platform") } },
  { trib_decision_get_type, "decision",
    { NC_("decision", "Adopt"), NC_("decision", "Invest"), NC_("decision", "Maintain"),
      NC_("decision", "Watch"), NC_("decision", "Replace"), NC_("decision", "Build in house") } },
  { trib_role_get_type, "role",
    { NC_("role", "User"), NC_("role", "Contributor"), NC_("role", "Maintainer"),
      NC_("role", "Leader") } },
  { trib_patch_state_get_type, "patch state",
    { NC_("patch state", "Carried"), NC_("patch state", "Proposed upstream"),
      NC_("patch state", "Merged upstream"), NC_("patch state", "Dropped") } },
  { trib_target_kind_get_type, "target kind",
    { NC_("target kind", "Hardware"), NC_("target kind", "Operating system"),
      NC_("target kind", "Cloud"), NC_("target kind", "Partner software") } },
  { trib_cert_status_get_type, "certification status",
    { NC_("certification status", "Planned"), NC_("certification status", "In progress"),
      NC_("certification status", "Certified"), NC_("certification status", "Failed") } },
  { trib_business_model_get_type, "business model",
    { NC_("business model", "Open core"), NC_("business model", "Hybrid"),
      NC_("business model", "Certified open platform"),
      NC_("business model", "Services and support"), NC_("business model", "Freemium or SaaS"),
      NC_("business model", "Custom") } },
  { trib_lane_get_type, "lane",
    { NC_("lane", "Upstream"), NC_("lane", "Product"), NC_("lane", "Investment"),
      NC_("lane", "Business") } },
  { trib_step_get_type, "upstream-first step",
    { NC_("upstream-first step", "None"), NC_("upstream-first step", "Find the gaps"),
      NC_("upstream-first step", "Turn up the dial"),
      NC_("upstream-first step", "Product roadmap") } },
};

/**
 * trib_enum_get_label:
 * @enum_type: an enumeration of trib-types.h (%TRIB_TYPE_FORGE, …)
 * @value: one of its values
 *
 * Returns: (transfer none): the value's name for people, translated
 *   ("Build in house"); the value's nick for an enumeration without
 *   labels, "" for a value out of range
 */
const char *
trib_enum_get_label (GType enum_type,
                     int   value)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), "");

  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (enum_labels[i].get_type () == enum_type)
      {
        const char *label;

        if (value < 0 || value >= (int) G_N_ELEMENTS (enum_labels[i].labels))
          return "";
        label = enum_labels[i].labels[value];
        return label ? g_dpgettext2 (GETTEXT_PACKAGE, enum_labels[i].context, label) : "";
      }

  {
    /* Enum classes live as long as the program: the nick stays valid. */
    GEnumValue *ev = g_enum_get_value (g_type_class_ref (enum_type), value);

    return ev ? ev->value_nick : "";
  }
}

typedef struct
{
  GType      (*get_type) (void);
  const char *singular;
  const char *plural;
} TypeLabels;

static const TypeLabels type_labels[] = {
  { trib_upstream_get_type, N_("%u upstream"), N_("%u upstreams") },
  { trib_stats_snapshot_get_type, N_("%u statistics snapshot"), N_("%u statistics snapshots") },
  { trib_investment_get_type, N_("%u investment"), N_("%u investments") },
  { trib_patch_get_type, N_("%u patch"), N_("%u patches") },
  { trib_product_get_type, N_("%u product"), N_("%u products") },
  { trib_product_release_get_type, N_("%u product release"), N_("%u product releases") },
  { trib_release_base_get_type, N_("%u upstream base"), N_("%u upstream bases") },
  { trib_certification_get_type, N_("%u certification"), N_("%u certifications") },
  { trib_scenario_get_type, N_("%u scenario"), N_("%u scenarios") },
  { trib_milestone_get_type, N_("%u milestone"), N_("%u milestones") },
  { trib_acknowledgement_get_type, N_("%u acknowledgement"), N_("%u acknowledgements") },
};

static const TypeLabels *
find_type (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_labels); i++)
    if (type_labels[i].get_type () == type)
      return &type_labels[i];
  return NULL;
}

/**
 * trib_entity_type_count:
 * @entity_type: an entity type of a plan
 * @n: how many
 *
 * Returns: (transfer full): "1 patch", "3 patches", in the plural form of
 *   the language
 */
char *
trib_entity_type_count (GType entity_type,
                        guint n)
{
  const TypeLabels *labels = find_type (entity_type);

  g_return_val_if_fail (labels != NULL, g_strdup_printf ("%u", n));

  /* The formats come from the table above, each with one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, labels->singular, labels->plural, n), n);
#pragma GCC diagnostic pop
}

/**
 * trib_entity_type_get_plural:
 * @entity_type: an entity type of a plan
 *
 * Returns: (transfer none): what a list of them is called ("Upstreams"),
 *   translated
 */
const char *
trib_entity_type_get_plural (GType entity_type)
{
  static const struct { GType (*get_type) (void); const char *name; } names[] = {
    { trib_upstream_get_type, N_("Upstreams") },
    { trib_stats_snapshot_get_type, N_("Statistics snapshots") },
    { trib_investment_get_type, N_("Investments") },
    { trib_patch_get_type, N_("Patches") },
    { trib_product_get_type, N_("Products") },
    { trib_product_release_get_type, N_("Product releases") },
    { trib_release_base_get_type, N_("Upstream bases") },
    { trib_certification_get_type, N_("Certifications") },
    { trib_scenario_get_type, N_("Scenarios") },
    { trib_milestone_get_type, N_("Milestones") },
    { trib_acknowledgement_get_type, N_("Acknowledgements") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].get_type () == entity_type)
      return _(names[i].name);
  g_return_val_if_reached ("");
}
