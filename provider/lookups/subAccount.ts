/** zoom.getSubAccount: a sub-account's id, by name. */
import { z } from "zod";
import { exactName } from "./args";
import type { LookupDefinition } from "./definition";

const getSubAccountArgs = z
  .strictObject({
    name: exactName("The sub-account's name, as Zoom shows it, matched exactly."),
    ownerEmail: z.string().min(1).max(256).optional().describe("The owner's email, to tell apart sub-accounts of the same name."),
  })
  .describe("The sub-account's `name`, and optionally its `ownerEmail`.");

export type GetSubAccountArgs = z.input<typeof getSubAccountArgs>;

export interface GetSubAccountResult {
  readonly id: string;
  readonly name: string;
  readonly ownerEmail?: string;
  readonly accountType?: string;
  readonly seats?: number;
}

export const getSubAccountDefinition: LookupDefinition<typeof getSubAccountArgs> = {
  name: "getSubAccount",
  noun: "sub-account",
  description:
    "Finds one of the master account's sub-accounts by name, for every `accountId` (SIP trunks and internal numbers are assigned to sub-accounts; every resource can act in one). Reads the master account's sub-account list (every page); needs the master account's credentials.",
  args: getSubAccountArgs,
  operations: ["accounts"],
  source: () => ({ kind: "list", operation: "accounts", itemsKey: "accounts", paginated: true }),
  returns: { kind: "one" },
  match: [
    { arg: "name", field: "name" },
    { arg: "ownerEmail", field: "ownerEmail", caseInsensitive: true },
  ],
  fields: {
    id: { type: "string", description: "The sub-account's id: the `accountId` of resources in it." },
    name: { type: "string", description: "The sub-account's name (Zoom's `account_name`).", compute: (a) => a.accountName },
    ownerEmail: { type: "string", description: "The owner's email." },
    accountType: { type: "string", description: "Zoom's account type, e.g. `Pro`." },
    seats: { type: "number", description: "Seats of the sub-account." },
  },
  describe: (a) => `"${String(a.name)}" (id ${String(a.id)}${a.ownerEmail ? `, owner ${String(a.ownerEmail)}` : ""})`,
  notFoundHint: "only a master account has sub-accounts",
  example: {
    typescript: `const branch = await zoom.getSubAccount({ name: "Example Sub One" });
const region = new zoom.TrackingField("region", { accountId: branch.id, field: "Region" });
return { regionId: region.id };`,
    yaml: `lookups:
  branch:
    function: getSubAccount
    arguments:
      name: Example Sub One
trackingFields:
  region:
    accountId: \${lookups.branch.id}
    field: Region`,
  },
};
