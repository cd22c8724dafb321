/** Lines the YAML suites' files share. */

/** A `trackingFields` section with one field, `team` (label Team, two recommended values), that meetings use. */
export const TEAM_FIELD_SECTION = ["trackingFields:", "  team:", "    field: Team", "    recommendedValues: [Platform, Data]"] as const;
