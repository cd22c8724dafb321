import type { KindEnv, KindFixture } from "./types";

/** Three trunks, two sub-accounts: the six possible assignments, by `n`. */
function trunkSlot(env: KindEnv, n: number): { accountId: string; trunk: { id: string; dnis: string } } {
  const trunks = env.accounts.master.sipTrunks;
  const slot = n % (trunks.length * env.accounts.subAccounts.length);
  const trunk = trunks[slot % trunks.length]!;
  const account = env.accounts.subAccounts[Math.floor(slot / trunks.length)];
  if (!account) throw new Error(`the emulator has no sub-account ${Math.floor(slot / trunks.length)}`);
  return { accountId: account.id, trunk };
}

/** No update: every change replaces (delete before create). */
export const sipTrunk: KindFixture = {
  kind: "SipTrunk",
  operations: { create: "AssignSIPTrunks", read: "ListSIPTrunks", lookup: "ListSIPTrunks", delete: "DeleteASIPTrunk" },
  declarations: [
    {
      name: "SipTrunk",
      declare: (n, env) => {
        const { accountId, trunk } = trunkSlot(env, n);
        return { accountId, trunkId: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}${String(n % 1000).padStart(3, "0")}` };
      },
    },
  ],
  matches: (o, d) => o.kind === "SipTrunk" && o.key.split(" ")[1] === d.accountId && String(o.item.id) === d.trunkId,
  portalListing: { operation: "ListSIPTrunks", itemsKey: "sip_trunks", paginated: false, per: "subAccount" },
  chaos: {
    limit: 6,
    fresh: (r, n) => {
      const slot = r.freeTrunkSlot();
      return slot && { accountId: slot.accountId, trunkId: slot.trunkId, dnis: `${slot.prefix}${String(n % 1000).padStart(3, "0")}` };
    },
    replace: (_r, a, n) => ({ ...a, dnis: `${String(a.dnis).slice(0, 5)}${String(n % 1000).padStart(3, "0")}` }),
    slot: (a) => `${String(a.accountId)}/${String(a.trunkId)}`,
    declaredInZoom: async (a, item) => [["dnis", a.dnis, item.dnis]],
  },
  pathInputs: ["accountId", "trunkId"],
  textInputs: ["outboundCallerId"],
  bounded: true,
};
