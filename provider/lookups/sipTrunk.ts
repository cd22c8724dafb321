/**
 * zoom.getSipTrunks and zoom.getSipTrunk: the SIP trunks of the master account (their ids and DNIS, which a
 * SipTrunk assignment needs) or those assigned to a sub-account.
 */
import { z } from "zod";
import { DNIS_PREFIX_LENGTH } from "../../schema/sipTrunk";
import { zoomId } from "../../schema/common";
import { exactName } from "./args";
import { readsList, type LookupDefinition, type ResultField } from "./definition";

const trunkAccountId = zoomId("Sub-account id, or `me` for the master account")
  .default("me")
  .describe("`me` (the default): the master account's own trunks, those a SipTrunk can assign; a sub-account id: the trunks assigned to it.");

const trunkFields: Record<string, ResultField> = {
  id: { type: "string", description: "The trunk's id: a SipTrunk's `trunkId`." },
  name: { type: "string", description: "The trunk's name." },
  dnis: { type: "string", description: "The trunk's DNIS (for a sub-account: the DNIS it was assigned with)." },
  dnisPrefix: {
    type: "string",
    description: "The first five digits of the DNIS: every sub-account DNIS of this trunk must start with them.",
    compute: (t) => (typeof t.dnis === "string" ? t.dnis.slice(0, DNIS_PREFIX_LENGTH) : undefined),
  },
  sipServerAddress: { type: "string", description: "IP address or domain of the trunk's SIP server." },
  numberPrefix: { type: "string", description: "Prefix of the trunk's numbers; `0`: every call goes through this trunk." },
  outboundCallerId: { type: "string", description: "Outbound caller id." },
};

const describeTrunk = (t: Readonly<Record<string, unknown>>) => `"${String(t.name)}" (id ${String(t.id)}, DNIS ${String(t.dnis)})`;
/** Master-account or sub-account trunks: one short list, no pages. */
const TRUNKS = { operation: "ListSIPTrunks", itemsKey: "sip_trunks", paginated: false } as const;

const getSipTrunksArgs = z.strictObject({ accountId: trunkAccountId }).describe("Optionally `accountId`.");
export type GetSipTrunksArgs = z.input<typeof getSipTrunksArgs>;

export interface SipTrunkInfo {
  readonly id: string;
  readonly name: string;
  readonly dnis: string;
  readonly dnisPrefix: string;
  readonly sipServerAddress?: string;
  readonly numberPrefix?: string;
  readonly outboundCallerId?: string;
}

export interface GetSipTrunksResult {
  readonly accountId: string;
  readonly sipTrunks: readonly SipTrunkInfo[];
}

export const getSipTrunksDefinition: LookupDefinition<typeof getSipTrunksArgs> = {
  name: "getSipTrunks",
  noun: "SIP trunk",
  description:
    "Lists SIP Connected Audio trunks: the master account's own (`accountId` `me`, the default), whose ids and DNIS prefixes a SipTrunk assignment needs, or those assigned to a sub-account. Master-account API: needs the master account's credentials.",
  args: getSipTrunksArgs,
  ...readsList(TRUNKS),
  returns: { kind: "all", key: "sipTrunks", itemType: "SipTrunkInfo" },
  fields: trunkFields,
  echo: ["accountId"],
  describe: describeTrunk,
  example: {
    typescript: `const { sipTrunks } = await zoom.getSipTrunks({});
return { trunks: sipTrunks.map((trunk) => \`\${trunk.name}: \${trunk.id}, DNIS prefix \${trunk.dnisPrefix}\`) };`,
    yaml: `# The whole list: read it in the program as stack.lookups.masterTrunks.
lookups:
  masterTrunks:
    function: getSipTrunks
    arguments: {}`,
  },
};

const getSipTrunkArgs = z
  .strictObject({
    name: exactName("The trunk's name, matched exactly.").optional(),
    id: zoomId("Trunk id").optional().describe("The trunk's id."),
    accountId: trunkAccountId,
  })
  .refine((args) => (args.name === undefined) !== (args.id === undefined), { error: "give exactly one of name or id" })
  .describe("Exactly one of `name` or `id`, and optionally `accountId`.");
export type GetSipTrunkArgs = z.input<typeof getSipTrunkArgs>;

export const getSipTrunkDefinition: LookupDefinition<typeof getSipTrunkArgs> = {
  name: "getSipTrunk",
  noun: "SIP trunk",
  description:
    "Finds one SIP Connected Audio trunk by name (or id): of the master account by default, with the id and DNIS prefix a SipTrunk assignment needs. Master-account API: needs the master account's credentials.",
  args: getSipTrunkArgs,
  ...readsList(TRUNKS),
  returns: { kind: "one" },
  match: [
    { arg: "name", field: "name" },
    { arg: "id", field: "id" },
  ],
  fields: trunkFields,
  describe: describeTrunk,
  notFoundHint: "Zoom configures a master account's trunks with the SIP Connected Audio plan",
  example: {
    typescript: `const branch = await zoom.getSubAccount({ name: "Example Sub One" });
const trunk = await zoom.getSipTrunk({ name: "trunk1" });
const assigned = new zoom.SipTrunk("branch", { accountId: branch.id, trunkId: trunk.id, dnis: \`\${trunk.dnisPrefix}001\` });
return { sipServer: assigned.sipServerAddress };`,
    yaml: `lookups:
  trunk:
    function: getSipTrunk
    arguments:
      name: trunk1
sipTrunks:
  branch:
    accountId: \${config.subAccountId}
    trunkId: \${lookups.trunk.id}
    dnis: \${config.dnis} # a reference is a whole value: the DNIS, starting with the trunk's dnisPrefix`,
  },
};
