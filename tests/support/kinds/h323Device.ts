import type { KindFixture } from "./types";

export const h323Device: KindFixture = {
  kind: "H323Device",
  createOperation: "deviceCreate",
  readOperation: "deviceList",
  lookupOperation: "deviceList",
  writes: { update: "deviceUpdate", delete: "deviceDelete" },
  declarations: [
    { name: "H323Device", declare: (n) => ({ name: `reliability-room-${n}`, ip: `192.0.2.${(n % 250) + 1}`, protocol: "SIP", encryption: "auto" }) },
  ],
  matches: (o, d) => o.kind === "H323Device" && o.item.name === d.name,
  change: (d) => ({ ...d, encryption: d.encryption === "yes" ? "no" : "yes" }),
  portalListing: { operation: "deviceList", itemsKey: "devices", paginated: true, per: "account" },
  pathInputs: ["accountId"],
  textInputs: ["name"],
};
