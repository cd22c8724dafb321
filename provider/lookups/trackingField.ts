/** zoom.getTrackingField: a tracking field's id and allowed values, by name. */
import { z } from "zod";
import { exactName, lookupAccountId } from "./args";
import { readsList, type LookupDefinition } from "./definition";

const getTrackingFieldArgs = z
  .strictObject({ field: exactName("The tracking field's name, matched exactly."), accountId: lookupAccountId })
  .describe("The field's name (`field`), and optionally `accountId`.");
export type GetTrackingFieldArgs = z.input<typeof getTrackingFieldArgs>;

export interface GetTrackingFieldResult {
  readonly id: string;
  readonly field: string;
  readonly required?: boolean;
  readonly visible?: boolean;
  readonly recommendedValues?: readonly string[];
}

export const getTrackingFieldDefinition: LookupDefinition<typeof getTrackingFieldArgs> = {
  name: "getTrackingField",
  noun: "tracking field",
  description:
    "Finds one of the account's tracking fields by name, with its id and recommended values, for meetings' `trackingFields` when the field is managed elsewhere (another stack, the web portal). One request: Zoom's list is not paginated.",
  args: getTrackingFieldArgs,
  ...readsList({ operation: "trackingfieldList", itemsKey: "tracking_fields", paginated: false }),
  returns: { kind: "one" },
  match: [{ arg: "field", field: "field" }],
  fields: {
    id: { type: "string", description: "The field's id." },
    field: { type: "string", description: "The field's name." },
    required: { type: "boolean", description: "Whether meetings must set it." },
    visible: { type: "boolean", description: "Whether participants see it." },
    recommendedValues: { type: "string[]", description: "The values Zoom offers for it." },
  },
  describe: (f) => `"${String(f.field)}" (id ${String(f.id)})`,
  example: {
    typescript: `const costCenter = await zoom.getTrackingField({ field: "Cost center" });
const review = new zoom.Meeting("review", {
  topic: "Review",
  type: 2,
  trackingFields: [{ field: costCenter.field, value: costCenter.recommendedValues?.[0] ?? "none" }],
});
return { reviewId: review.meetingId };`,
    yaml: `lookups:
  costCenter:
    function: getTrackingField
    arguments:
      field: Cost center
meetings:
  review:
    topic: Review
    type: 2
    trackingFields:
      - field: \${lookups.costCenter.field}
        value: CC-1`,
  },
};
