import { formatId, parseId } from "../../provider/framework/ids";

test("an id carries the scope it needs, and the optional account only when set", () => {
  expect(formatId(["accountId"], { zoomId: "85746065432" })).toBe("85746065432");
  expect(formatId(["accountId"], { accountId: "sub1", zoomId: "85746065432" })).toBe("sub1/85746065432");
  expect(formatId(["accountId", "userId"], { userId: "me", zoomId: "1" })).toBe("me/1");
  expect(formatId(["accountId", "userId"], { accountId: "sub1", userId: "u@x.com", zoomId: "2" })).toBe("sub1/u%40x.com/2");
});

test("ids parse back to the same parts", () => {
  const parts = ["accountId", "userId"] as const;
  for (const ref of [{ userId: "me", zoomId: "1" }, { accountId: "a/b", userId: "u@x.com", zoomId: "2" }]) {
    expect(parseId(parts, formatId(parts, ref), "TspAccount")).toEqual(ref);
  }
});

test("a malformed id is refused with the expected form", () => {
  expect(() => parseId(["accountId", "userId"], "1", "TspAccount")).toThrow('invalid zoom:TspAccount id "1": expected "[<accountId>/]<userId>/<zoomId>"');
  expect(() => parseId(["accountId"], "a/b/c", "Meeting")).toThrow("invalid zoom:Meeting id");
  expect(() => parseId(["accountId"], "a/", "Meeting")).toThrow("empty segment");
});
