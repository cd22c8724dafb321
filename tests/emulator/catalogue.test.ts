/**
 * The operations catalogue (catalogue/operations.ts) against Zoom's OpenAPI documents: every row's method
 * and path exist in the right document(s), with the row's operationId and rate-limit label.
 */
import { OPERATIONS, type Operation } from "../../catalogue/operations";
import { describeWithSpec, loadZoomSpec, specFound, ZoomSpec } from "../support/spec";

// Without the documents every row is skipped (describeWithSpec) and nothing reads them.
const spec = specFound() ? loadZoomSpec() : undefined;
const rows = Object.entries(OPERATIONS) as [string, Operation][];

describeWithSpec.each(rows)("%s", (key, op) => {
  const plain = spec?.operation("plain", op.method, op.path);
  const master = spec?.operation("master", op.method, `/accounts/{accountId}${op.path}`);
  // `GET /accounts` (plainOnly) is in the master-account reference as it is; the checker files it as plain.
  const owner = op.scope === "plainOnly" ? plain : master;

  test("its key is its operationId", () => {
    expect(op.id).toBe(key);
  });

  test("exists in the master-account document with that operationId", () => {
    expect(owner?.operationId).toBe(op.id);
  });

  test(op.scope === "accountOnly" ? "is absent from the plain document" : "exists in the plain document", () => {
    if (op.scope === "accountOnly") expect(plain).toBeUndefined();
    else expect(plain?.operationId).toBe(op.id);
  });

  if (op.scope === "plainOnly") {
    test("has no /accounts/{accountId} form", () => expect(master).toBeUndefined());
  }

  test(op.categoryAssumed ? "has no rate-limit label (category assumed)" : `is labelled ${op.category}`, () => {
    for (const documented of [plain, master]) {
      if (!documented) continue;
      const label = ZoomSpec.rateLimitLabel(documented);
      if (op.categoryAssumed) expect(label).toBeUndefined();
      else expect(label).toBe(op.category);
    }
  });
});
