import type { KindFixture } from "./types";

export const trackingField: KindFixture = {
  kind: "TrackingField",
  operations: { create: "trackingfieldCreate", read: "trackingfieldList", lookup: "trackingfieldList", update: "trackingfieldUpdate", delete: "trackingfieldDelete" },
  declarations: [
    { name: "TrackingField", declare: (n) => ({ field: `Reliability field ${n}`, recommendedValues: ["a", "b"], required: n % 2 === 0 }) },
  ],
  matches: (o, d) => o.kind === "TrackingField" && o.item.field === d.field,
  change: (d) => ({ ...d, required: !d.required }),
  portalListing: { operation: "trackingfieldList", itemsKey: "tracking_fields", paginated: false, per: "account" },
  chaos: {
    limit: 20,
    fresh: (r, n) => ({ field: `Chaos field ${n}`, recommendedValues: r.values(), required: r.chance(0.5), visible: r.chance(0.5) }),
    update: (r, a) => (r.chance(0.5) ? { ...a, required: !a.required } : { ...a, recommendedValues: r.values() }),
    declaredInZoom: async (a, item) => [
      ["field", a.field, item.field],
      ["required", a.required, item.required],
      ["visible", a.visible, item.visible],
      ["recommended values", [...(a.recommendedValues as string[])].sort(), [...((item.recommended_values as string[] | undefined) ?? [])].sort()],
    ],
  },
  pathInputs: ["accountId"],
  textInputs: ["field"],
};
