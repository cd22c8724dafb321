/**
 * Tracking fields: the labels an account's schedulers tag meetings with, for usage reports by team,
 * region and project.
 *
 * Credentials are not here: the provider reads them from the stack config (`zoom:*`) or `ZOOM_*` variables.
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

const config = new pulumi.Config();
/** Projects schedulers can pick from; a list in the stack config overrides it. */
const projects = config.getObject<string[]>("projects") ?? ["Apollo", "Gemini", "Mercury"];

// The fields, by logical name. Labels are unique in an account: if one of these already exists, import it
// instead of creating it (`pulumi import`, or the `import` resource option with the field's id).
const fields: Record<string, zoom.TrackingFieldArgs> = {
  department: { field: "Department", recommendedValues: ["Engineering", "Finance", "IT", "Sales"], required: true, visible: true },
  region: { field: "Region", recommendedValues: ["AMER", "APAC", "EMEA"], visible: true },
  // Not shown to schedulers: filled in by the meetings this stack (or another one) manages.
  project: { field: "Project", recommendedValues: projects, required: false, visible: false },
};

export const trackingFieldIds = Object.fromEntries(
  Object.entries(fields).map(([name, args]) => [name, new zoom.TrackingField(name, args).trackingFieldId]),
);
