/** zoom.getTspSettings: a user's TSP accounts (conference codes, leader PINs as secrets, dial-in numbers). */
import { z } from "zod";
import { lookupAccountId, lookupUserId } from "./args";
import { readsList, type LookupDefinition } from "./definition";

const getTspSettingsArgs = z.strictObject({ userId: lookupUserId, accountId: lookupAccountId }).describe("Optionally `userId` and `accountId`.");
export type GetTspSettingsArgs = z.input<typeof getTspSettingsArgs>;

export interface TspDialInNumber {
  readonly code?: string;
  readonly countryLabel?: string;
  readonly number?: string;
  readonly type?: string;
}

export interface TspAccountInfo {
  /** "1" or "2". */
  readonly id: string;
  readonly conferenceCode: string;
  /** Secret: a secret Output in the Output form; plain in the Promise form. */
  readonly leaderPin: string;
  readonly tspBridge?: string;
  readonly dialInNumbers?: readonly TspDialInNumber[];
}

export interface GetTspSettingsResult {
  readonly userId: string;
  readonly accountId?: string;
  readonly tspAccounts: readonly TspAccountInfo[];
}

export const getTspSettingsDefinition: LookupDefinition<typeof getTspSettingsArgs> = {
  name: "getTspSettings",
  noun: "TSP account",
  description:
    "Lists a user's TSP (Telephony Service Provider) accounts: which ids (`1`, `2`) are taken before adding a TspAccount, and the conference codes and dial-in numbers to show participants. Leader PINs are secrets. Fails with Zoom's answer when TSP is not enabled on the account.",
  args: getTspSettingsArgs,
  ...readsList({ operation: "userTSPs", itemsKey: "tsp_accounts", paginated: false }, (args) => ({ userId: args.userId })),
  returns: { kind: "all", key: "tspAccounts", itemType: "TspAccountInfo" },
  fields: {
    id: { type: "string", description: "`1` or `2`." },
    conferenceCode: { type: "string", description: "The conference code." },
    leaderPin: { type: "string", description: "The leader PIN.", secret: true },
    tspBridge: { type: "string", description: "`US_TSP_TB` or `EU_TSP_TB`." },
    dialInNumbers: { type: "TspDialInNumber[]", description: "Dial-in numbers (`code`, `countryLabel`, `number`, `type`)." },
  },
  echo: ["userId", "accountId"],
  describe: (t) => `TSP account ${String(t.id)}`,
  example: {
    typescript: `const tsp = zoom.getTspSettingsOutput({ userId: "ada.lovelace@example.com" });
// A secret Output: the result carries leader PINs.
return { bridges: tsp.tspAccounts.apply((accounts) => accounts.map((a) => ({ id: a.id, leaderPin: a.leaderPin }))) };`,
    yaml: `# Read it in the program as stack.lookups.adaTsp (a secret Output: it carries leader PINs).
lookups:
  adaTsp:
    function: getTspSettings
    arguments:
      userId: ada.lovelace@example.com`,
  },
};
