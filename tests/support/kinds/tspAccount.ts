import { userKey } from "../../reliability/support/account";
import type { KindFixture } from "./types";

export const tspAccount: KindFixture = {
  kind: "TspAccount",
  createOperation: "userTSPCreate",
  readOperation: "userTSP",
  lookupOperation: "userTSPs",
  writes: { update: "userTSPUpdate", delete: "userTSPDelete" },
  declarations: [
    {
      name: "TspAccount",
      // The master account's second user: the tests seed one TSP account for it, so slot 2 comes and goes.
      declare: (n, env) => ({ userId: env.accounts.master.users[1]!.id, conferenceCode: `77${String(n).padStart(6, "0")}`, leaderPin: `${n}` }),
    },
  ],
  matches: (o, d, accounts) =>
    o.kind === "TspAccount" &&
    o.key.split(" ")[2]!.startsWith(`${userKey(accounts, undefined, String(d.userId))}/`) &&
    o.item.conference_code === d.conferenceCode,
  change: (d, n) => ({ ...d, conferenceCode: `88${String(n).padStart(6, "0")}` }),
  portalListing: { operation: "userTSPs", itemsKey: "tsp_accounts", paginated: false, per: "tspUser" },
  userInId: true,
  pathInputs: ["userId", "accountId"],
  textInputs: ["conferenceCode"],
  bounded: true,
};
