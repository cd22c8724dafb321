/**
 * zoom:InternalNumber — one internal phone number of SIP Connected Audio (master-account API only).
 *
 * Special cases over the shared flow: numbers are created through Zoom's batch add endpoint (a batch of one;
 * the object comes back wrapped in `internal_numbers`); there is no GET by id, so reads look the number up in
 * the (cached, paginated) list; Zoom's `type` is `0`/`1` and is spelled `toll`/`tollfree` here; Zoom forces
 * `allow_join` on for a visible number, which the schema and normalization account for.
 */
import type * as pulumi from "@pulumi/pulumi";
import { internalNumberSchema, type InternalNumberArgs, type InternalNumberInputs, type INTERNAL_NUMBER_LANGUAGES } from "../../schema/internalNumber";
import { idOf } from "../framework/answers";
import { findInAccountList, listedById, live, resourceClass, SCOPE, unknownSubAccount } from "../framework/declare";
import type { ResourceDefinition, ZoomObject } from "../framework/definition";
import { camelCaseOf } from "../framework/case";

type NumberType = "toll" | "tollfree";

const ZOOM_TYPE: Readonly<Record<NumberType, 0 | 1>> = { toll: 0, tollfree: 1 };

/** Zoom's `0`/`1`; anything else is passed through so a surprise shows up as a diff, not as a wrong name. */
function typeFromZoom(value: unknown): unknown {
  if (value === 0) return "toll";
  if (value === 1) return "tollfree";
  return value;
}

/** The body's `type` in Zoom's numbering, when present. */
function withZoomType(body: ZoomObject): ZoomObject {
  const type = body.type;
  return type === "toll" || type === "tollfree" ? { ...body, type: ZOOM_TYPE[type] } : body;
}

/** The number list, as the read spec and `findCreated` both use it. */
const NUMBER_LIST = { operation: "ListInternalNumbers", itemsKey: "internal_numbers", paginated: true } as const;

/**
 * Zoom's number in the resource's shape. `allowJoin` is what Zoom enforces, `true` for a visible number,
 * whatever the answer carries; `assigned_accounts` (list only) is left out so a create and a read agree.
 */
function normalizeNumber(live: ZoomObject): Record<string, unknown> {
  const { id, assignedAccounts: _assignedAccounts, ...rest } = camelCaseOf(live);
  return {
    ...rest,
    type: typeFromZoom(rest.type),
    allowJoin: rest.visible === true ? true : rest.allowJoin,
    numberId: id === undefined ? undefined : String(id),
  };
}

export const internalNumberDefinition = {
  kind: "InternalNumber",
  description:
    "An internal phone number (owned by the organization, not by Zoom) for SIP Connected Audio, added to the master account or a sub-account, with how it is shown and whether it can be used to join meetings.",
  idParts: ["accountId"],
  lostCreate:
    "the number is looked for in the account's internal numbers before it is tried again",
  schema: internalNumberSchema,
  properties: {
    ...live("number", "displayNumber", "country", "labels", "languages", "type", "visible", "allowJoin", "allowForExternalMeetings"),
    accountId: SCOPE,
  },
  outputs: {
    numberId: { type: "string", description: "Zoom's id of the internal number." },
  },
  normalize: normalizeNumber,
  // 2303: "Internal Number does not exist"; 2001: the account is gone, and its numbers with it.
  goneCodes: [2303, 2001],
  create: {
    operation: "AddInternalNumbers",
    // A batch of one: Zoom's add endpoint is the only way to create a number.
    body: (zoom) => ({ internal_numbers: [withZoomType(zoom)] }),
    zoomId: (answer) => idOf(firstOf(answer.internal_numbers)),
    answerIsObject: true,
    answerObject: (answer) => firstOf(answer.internal_numbers),
  },
  read: listedById(NUMBER_LIST),
  update: {
    operation: "UpdateAnInternalNumber",
    pathParams: (ref) => ({ numberId: ref.zoomId }),
    body: "changed",
    shapeBody: withZoomType,
  },
  delete: { operation: "DeleteAnInternalNumber", pathParams: (ref) => ({ numberId: ref.zoomId }) },
  errors: [
    {
      operation: "create",
      zoomCode: 300,
      zoomMessage: /`number` field has already been used/,
      explain: (inputs) =>
        `the number ${inputs.number} is already an internal number of an account; numbers are unique: import it (\`InternalNumber.get\` with its id) or remove it there first`,
    },
    {
      operation: "update",
      zoomCode: 300,
      zoomMessage: /`number` field has already been used/,
      explain: (inputs) => `cannot change the number to ${inputs.number}: it is already an internal number of an account`,
    },
    unknownSubAccount(),
  ],
  hooks: {
    // Numbers are unique, so a create whose outcome is unknown is found again by its number.
    findCreated: findInAccountList(NUMBER_LIST, (item, inputs: InternalNumberInputs) => item.number === inputs.number),
  },
} satisfies ResourceDefinition<typeof internalNumberSchema>;

function firstOf(list: unknown): ZoomObject | undefined {
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return typeof first === "object" && first !== null && !Array.isArray(first) ? (first as ZoomObject) : undefined;
}

/** `InternalNumber.get(name, id)` adopts an existing internal number by id (`[<accountId>/]<numberId>`; without an account, the master's). */
export class InternalNumber extends resourceClass<InternalNumberArgs>(internalNumberDefinition) {
  declare readonly number: pulumi.Output<string>;
  declare readonly displayNumber: pulumi.Output<string>;
  declare readonly country: pulumi.Output<string>;
  declare readonly labels: pulumi.Output<string>;
  declare readonly languages: pulumi.Output<(typeof INTERNAL_NUMBER_LANGUAGES)[number]>;
  declare readonly type: pulumi.Output<NumberType>;
  declare readonly visible: pulumi.Output<boolean>;
  declare readonly allowJoin: pulumi.Output<boolean>;
  declare readonly allowForExternalMeetings: pulumi.Output<boolean>;
  declare readonly accountId: pulumi.Output<string>;
  /** Zoom's id of the internal number. */
  declare readonly numberId: pulumi.Output<string>;
}
