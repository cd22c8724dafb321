/**
 * The tracking-fields example as YAML. Credentials come from `zoom:*` stack config or `ZOOM_*` variables.
 */
import * as path from "path";
import { ZoomStack } from "pulumi-zoom";

const fields = new ZoomStack("tracking-fields", { file: path.join(__dirname, "zoom.yaml") });

export const trackingFieldIds = {
  department: fields.trackingFields.department.trackingFieldId,
  region: fields.trackingFields.region.trackingFieldId,
  project: fields.trackingFields.project.trackingFieldId,
};
