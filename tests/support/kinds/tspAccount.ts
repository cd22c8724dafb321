import { userKey } from "../../reliability/support/account";
import type { KindFixture } from "./types";

export const tspAccount: KindFixture = {
  kind: "TspAccount",
  operations: { create: "userTSPCreate", read: "userTSP", lookup: "userTSPs", update: "userTSPUpdate", delete: "userTSPDelete" },
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
  chaos: {
    limit: 3,
    fresh: (r, n) => {
      const user = r.freeTspUser();
      return user === undefined ? undefined : { userId: user, conferenceCode: `${10_000_000 + n}`, leaderPin: `${1000 + r.int(9000)}` };
    },
    update: (r, a, n) => (r.chance(0.5) ? { ...a, conferenceCode: `${20_000_000 + n}` } : { ...a, leaderPin: `${1000 + r.int(9000)}` }),
    slot: (a) => String(a.userId),
    declaredInZoom: async (a, item) => [
      ["conference code", a.conferenceCode, item.conference_code],
      ["leader PIN", a.leaderPin, item.leader_pin],
    ],
  },
  pathInputs: ["userId", "accountId"],
  textInputs: ["conferenceCode"],
  bounded: true,
};
