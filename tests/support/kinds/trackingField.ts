import type { KindFixture } from "./types";

export const trackingField: KindFixture = {
  kind: "TrackingField",
  createOperation: "trackingfieldCreate",
  readOperation: "trackingfieldList",
  lookupOperation: "trackingfieldList",
  writes: { update: "trackingfieldUpdate", delete: "trackingfieldDelete" },
  declarations: [
    { name: "TrackingField", declare: (n) => ({ field: `Reliability field ${n}`, recommendedValues: ["a", "b"], required: n % 2 === 0 }) },
  ],
  matches: (o, d) => o.kind === "TrackingField" && o.item.field === d.field,
  change: (d) => ({ ...d, required: !d.required }),
  portalListing: { operation: "trackingfieldList", itemsKey: "tracking_fields", paginated: false, per: "account" },
  pathInputs: ["accountId"],
  textInputs: ["field"],
};
