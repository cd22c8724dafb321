/**
 * zoom:TrackingField — a meeting tracking field. Read from the account's tracking-field list rather than by id:
 * the list holds whole fields and is not paginated, so one request refreshes every field of an account (shared
 * through the list cache). PATCH and DELETE by id.
 */
import type * as pulumi from "@pulumi/pulumi";
import { trackingFieldSchema, type TrackingFieldArgs, type TrackingFieldInputs } from "../../schema/trackingField";
import { camelCaseOf } from "../framework/case";
import { findInAccountList, listedById, resourceClass, SCOPE } from "../framework/declare";
import type { ResourceDefinition } from "../framework/definition";
import { set } from "../framework/equality";

/** The account's tracking fields, as the read spec and `findCreated` both use them. */
const FIELD_LIST = { operation: "trackingfieldList", itemsKey: "tracking_fields", paginated: false } as const;

export const trackingFieldDefinition = {
  kind: "TrackingField",
  description:
    "A meeting tracking field: a label, optionally with recommended values, that schedulers fill in on meetings. Labels are unique in an account.",
  idParts: ["accountId"],
  lostCreate:
    "the tracking field is looked for by its label (unique in the account) before it is tried again",
  schema: trackingFieldSchema,
  properties: {
    field: { source: "live" },
    recommendedValues: { source: "live", onRemove: { reset: [] } },
    required: { source: "live" },
    visible: { source: "live" },
    accountId: SCOPE,
  },
  outputs: {
    trackingFieldId: { type: "string", description: "Zoom's id of the tracking field." },
  },
  normalize: (live) => {
    const out = camelCaseOf(live);
    return { ...out, trackingFieldId: out.id, recommendedValues: out.recommendedValues ?? [] };
  },
  equality: { recommendedValues: set() },
  goneCodes: [5110],
  create: {
    operation: "trackingfieldCreate",
    answerIsObject: true,
  },
  read: listedById(FIELD_LIST),
  update: { operation: "trackingfieldUpdate", pathParams: (ref) => ({ fieldId: ref.zoomId }), body: "changed" },
  delete: { operation: "trackingfieldDelete", pathParams: (ref) => ({ fieldId: ref.zoomId }) },
  errors: [
    {
      operation: "create",
      zoomCode: 200,
      explain: (inputs) =>
        `a tracking field labelled "${inputs.field}" already exists in this account; labels are unique: import it (id from \`pulumi-zoom import --kinds trackingFields\`) or choose another label`,
    },
    {
      operation: "update",
      zoomCode: 200,
      explain: (inputs) => `another tracking field is already labelled "${inputs.field}"; labels are unique in an account`,
    },
  ],
  hooks: {
    // Labels are unique, so a create whose outcome is unknown is found again by its label.
    findCreated: findInAccountList(FIELD_LIST, (field, inputs: TrackingFieldInputs) => field.field === inputs.field),
  },
} satisfies ResourceDefinition<typeof trackingFieldSchema>;

/** `TrackingField.get(name, id)` adopts an existing tracking field by id (`[<accountId>/]<fieldId>`). */
export class TrackingField extends resourceClass<TrackingFieldArgs>(trackingFieldDefinition) {
  declare readonly field: pulumi.Output<string>;
  declare readonly recommendedValues: pulumi.Output<string[]>;
  declare readonly required: pulumi.Output<boolean>;
  declare readonly visible: pulumi.Output<boolean>;
  declare readonly accountId: pulumi.Output<string | undefined>;
  /** Zoom's id of the tracking field. */
  declare readonly trackingFieldId: pulumi.Output<string>;
}
