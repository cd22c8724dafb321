/**
 * zoom:SipTrunk — one of the master account's SIP Connected Audio trunks, assigned to a sub-account
 * (master-account API only).
 *
 * Special cases over the shared flow: Zoom has no update, so every change replaces the assignment, and the
 * old one is removed first (the replacement has the same trunk, and so the same id); the id of the
 * assignment is the trunk's own id, chosen by the caller; reads look the trunk up in the sub-account's list;
 * the DNIS prefix rule is checked locally when an earlier DNIS that Zoom accepted shows the prefix, and
 * Zoom's answer is explained otherwise.
 */
import type * as pulumi from "@pulumi/pulumi";
import { DNIS_PREFIX_LENGTH, sipTrunkSchema, type SipTrunkArgs, type SipTrunkInputs } from "../../schema/sipTrunk";
import { findInAccountList, listedById, live, resourceClass, SCOPE } from "../framework/declare";
import type { ResourceDefinition, ZoomObject } from "../framework/definition";
import { camelCaseOf } from "../framework/case";
import { shown } from "../framework/validate";

/** A sub-account's assigned trunks: one short list, no pagination. */
const TRUNK_LIST = { operation: "ListSIPTrunks", itemsKey: "sip_trunks", paginated: false } as const;

/** Zoom's assigned trunk in the resource's shape: its id is the `trunkId` input. */
function normalizeTrunk(live: ZoomObject): Record<string, unknown> {
  const { id, ...rest } = camelCaseOf(live);
  return { ...rest, trunkId: id === undefined ? undefined : String(id) };
}

/** How to find the DNIS prefix, for error messages. */
const PREFIX_HINT =
  "the first five digits of the sub-account's DNIS must equal the first five digits of the master trunk's DNIS (List SIP trunks with accountId `me` shows it)";

/**
 * The DNIS prefix rule, where the prefix is known without asking Zoom: Zoom accepted the old DNIS for the same
 * trunk, so the old DNIS starts with the trunk's prefix.
 */
function checkDnisPrefix(inputs: SipTrunkInputs, olds: Partial<SipTrunkInputs> | undefined) {
  if (olds?.trunkId !== inputs.trunkId || typeof olds.dnis !== "string" || olds.dnis.length < DNIS_PREFIX_LENGTH) return [];
  const prefix = olds.dnis.slice(0, DNIS_PREFIX_LENGTH);
  if (typeof inputs.dnis !== "string" || inputs.dnis.startsWith(prefix)) return [];
  return [
    {
      property: "dnis",
      reason: `must start with ${prefix}, the DNIS prefix of SIP trunk "${inputs.trunkId}" (as its current DNIS ${olds.dnis.length > 40 ? shown(olds.dnis) : olds.dnis} shows): ${PREFIX_HINT}`,
    },
  ];
}

export const sipTrunkDefinition = {
  kind: "SipTrunk",
  description:
    "Assigns one of the master account's SIP Connected Audio trunks to a sub-account, with the sub-account's DNIS and outbound caller id. Zoom cannot change an assignment: any change removes it and assigns the trunk again.",
  idParts: ["accountId"],
  lostCreate:
    "the assignment is looked for in the sub-account's trunks (the trunk id with the declared DNIS) before it is tried again",
  accountIdRequired: true,
  schema: sipTrunkSchema,
  properties: {
    accountId: SCOPE,
    ...live("trunkId", "dnis", "outboundCallerId"),
  },
  outputs: {
    name: { type: "string", description: "The trunk's name, as the master account configured it." },
    numberPrefix: {
      type: "string",
      description: "Prefix of the trunk's SIP Connected Audio numbers; `0` means every call is routed through this trunk.",
    },
    sipServerAddress: { type: "string", description: "IP address or domain of the trunk's SIP server." },
  },
  normalize: normalizeTrunk,
  // 2301: "SIP Trunk does not exist" (not assigned to the sub-account); 2001: the sub-account is gone.
  goneCodes: [2301, 2001],
  create: {
    operation: "AssignSIPTrunks",
    body: ({ trunk_id: id, ...rest }) => ({ sip_trunks: [{ id, ...rest }] }),
    // The assignment is known by the trunk's id. Zoom's answer (documented both as 204 and as a list without
    // the caller id) is not relied on: the assignment is read back from the sub-account's list.
    zoomId: (_answer, inputs) => inputs.trunkId,
    answerIsObject: false,
  },
  read: listedById(TRUNK_LIST),
  update: "replace",
  delete: { operation: "DeleteASIPTrunk", pathParams: (ref) => ({ trunkId: ref.zoomId }) },
  // The replacement is the same trunk in the same sub-account: assigning it before removing the old one
  // would clash, and removing the old one afterwards would remove the new one too.
  deleteBeforeReplace: true,
  errors: [
    {
      operation: "create",
      zoomCode: 300,
      zoomField: /\.id$/,
      explain: (inputs) =>
        `SIP trunk "${inputs.trunkId}" is not one of the master account's SIP trunks (trunkId; List SIP trunks with accountId \`me\` shows them)`,
    },
    {
      operation: "create",
      zoomCode: 300,
      zoomField: /\.dnis$/,
      explain: (inputs) => `Zoom refused the DNIS ${inputs.dnis} for SIP trunk "${inputs.trunkId}": ${PREFIX_HINT}`,
    },
    {
      // Zoom's documented answer names no field: it is one of the two problems above.
      operation: "create",
      zoomCode: 300,
      zoomMessage: /`sip_trunks` object are invalid/,
      explain: (inputs) =>
        `Zoom refused the assignment: either "${inputs.trunkId}" is not one of the master account's SIP trunks (trunkId), or the DNIS ${inputs.dnis} does not carry that trunk's prefix: ${PREFIX_HINT}`,
    },
    {
      operation: "create",
      zoomCode: 300,
      zoomMessage: /Only a master account can perform this action on a subaccount/,
      explain: (inputs) =>
        `"${inputs.accountId}" is not a sub-account of the master account the credentials belong to; SIP trunks can only be assigned to sub-accounts (accountId)`,
    },
    {
      operation: "create",
      zoomCode: 300,
      zoomMessage: /missing SIP Trunk Configurations/,
      explain: () => "the master account has no SIP trunks to assign; Zoom configures them with the SIP Connected Audio plan",
    },
    {
      operation: "create",
      zoomCode: 2001,
      explain: (inputs) => `the sub-account "${inputs.accountId}" does not exist (accountId)`,
    },
  ],
  hooks: {
    check: checkDnisPrefix,
    // The assignment is known by its trunk id; it is ours if it carries the DNIS we sent.
    findCreated: findInAccountList(TRUNK_LIST, (trunk, inputs: SipTrunkInputs) => String(trunk.id) === inputs.trunkId && trunk.dnis === inputs.dnis),
  },
} satisfies ResourceDefinition<typeof sipTrunkSchema>;

/** `SipTrunk.get(name, id)` adopts an existing assignment by id (`<subAccountId>/<trunkId>`). */
export class SipTrunk extends resourceClass<SipTrunkArgs>(sipTrunkDefinition) {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly trunkId: pulumi.Output<string>;
  declare readonly dnis: pulumi.Output<string>;
  declare readonly outboundCallerId: pulumi.Output<string | undefined>;
  /** The trunk's name, as the master account configured it. */
  declare readonly name: pulumi.Output<string>;
  declare readonly numberPrefix: pulumi.Output<string>;
  declare readonly sipServerAddress: pulumi.Output<string>;
}
