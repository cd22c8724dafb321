import type { KindFixture } from "./types";

export const internalNumber: KindFixture = {
  kind: "InternalNumber",
  createOperation: "AddInternalNumbers",
  readOperation: "ListInternalNumbers",
  lookupOperation: "ListInternalNumbers",
  writes: { update: "UpdateAnInternalNumber", delete: "DeleteAnInternalNumber" },
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
  pathInputs: ["accountId"],
  textInputs: ["displayNumber", "labels"],
};
