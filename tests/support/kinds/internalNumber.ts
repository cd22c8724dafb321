import type { KindFixture } from "./types";

export const internalNumber: KindFixture = {
  kind: "InternalNumber",
  operations: { create: "AddInternalNumbers", read: "ListInternalNumbers", lookup: "ListInternalNumbers", update: "UpdateAnInternalNumber", delete: "DeleteAnInternalNumber" },
  declarations: [
    {
      name: "InternalNumber",
      declare: (n) => ({
        number: `+1415555${String(n).padStart(4, "0")}`,
        displayNumber: `+1 415 555 ${String(n).padStart(4, "0")}`,
        country: "US",
        labels: `reliability ${n}`,
        languages: "en-US",
        type: "toll",
      }),
    },
  ],
  matches: (o, d) => o.kind === "InternalNumber" && o.item.number === d.number,
  change: (d, n) => ({ ...d, labels: `changed ${n}` }),
  portalListing: { operation: "ListInternalNumbers", itemsKey: "internal_numbers", paginated: true, per: "account" },
  chaos: {
    limit: 20,
    fresh: (r, n) => ({
      number: `+1650555${String(n).padStart(4, "0")}`,
      displayNumber: `+1 650 555 ${String(n).padStart(4, "0")}`,
      country: "US",
      labels: `chaos ${n}`,
      languages: r.pick(["en-US", "de-DE", "fr-FR"]),
      type: r.pick(["toll", "tollfree"]),
    }),
    update: (_r, a, n) => ({ ...a, labels: `chaos label ${n}` }),
    declaredInZoom: async (a, item) => [
      ["labels", a.labels, item.labels],
      ["languages", a.languages, item.languages],
      ["type", a.type === "toll" ? 0 : 1, item.type],
    ],
  },
  pathInputs: ["accountId"],
  textInputs: ["displayNumber", "labels"],
};
