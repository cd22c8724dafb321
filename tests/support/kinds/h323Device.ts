import type { KindFixture } from "./types";

export const h323Device: KindFixture = {
  kind: "H323Device",
  operations: { create: "deviceCreate", read: "deviceList", lookup: "deviceList", update: "deviceUpdate", delete: "deviceDelete" },
  declarations: [
    { name: "H323Device", declare: (n) => ({ name: `reliability-room-${n}`, ip: `192.0.2.${(n % 250) + 1}`, protocol: "SIP", encryption: "auto" }) },
  ],
  matches: (o, d) => o.kind === "H323Device" && o.item.name === d.name,
  change: (d) => ({ ...d, encryption: d.encryption === "yes" ? "no" : "yes" }),
  portalListing: { operation: "deviceList", itemsKey: "devices", paginated: true, per: "account" },
  chaos: {
    limit: 20,
    fresh: (r, n) => ({ name: `chaos-room-${n}`, ip: `198.51.100.${1 + r.int(250)}`, protocol: r.pick(["H.323", "SIP"]), encryption: r.pick(["auto", "yes", "no"]) }),
    update: (r, a) => (r.chance(0.5) ? { ...a, encryption: r.pick(["auto", "yes", "no"]) } : { ...a, ip: `198.51.100.${1 + r.int(250)}` }),
    // A new name is an update in place for Zoom; still a change worth having.
    replace: (_r, a, n) => ({ ...a, name: `chaos-room-${n}` }),
    declaredInZoom: async (a, item) => ["name", "ip", "protocol", "encryption"].map((field) => [field, a[field], item[field]] as const),
  },
  pathInputs: ["accountId"],
  textInputs: ["name"],
};
