import { OPERATIONS } from "../../provider/client/operations";

test("every catalogued operation has a path template starting with /", () => {
  for (const op of Object.values(OPERATIONS)) expect(op.path.startsWith("/")).toBe(true);
});
