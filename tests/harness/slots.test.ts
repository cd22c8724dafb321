/** The `parallel` bound and the destroy schedule, without a host. */
import { inReverseDependencyOrder, Slots } from "./slots";

const tick = () => new Promise((resolve) => setImmediate(resolve));

test("Slots runs at most `size` at once, in the order they asked", async () => {
  const slots = new Slots(2);
  let active = 0;
  let peak = 0;
  const started: number[] = [];
  const runs = Array.from({ length: 6 }, (_, i) =>
    slots.run(async () => {
      started.push(i);
      active += 1;
      peak = Math.max(peak, active);
      await tick();
      active -= 1;
      return i;
    }),
  );
  expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(peak).toBe(2);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
});

test("Slots frees a slot when an operation fails", async () => {
  const slots = new Slots(1);
  await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  expect(await slots.run(async () => "next")).toBe("next");
  expect(() => new Slots(0)).toThrow(/positive integer/);
});

const node = (urn: string, dependencies: string[] = [], parent?: string) => ({ urn, dependencies, ...(parent ? { parent } : {}) });

test("inReverseDependencyOrder deletes dependents first, independent ones concurrently", async () => {
  // stack <- a <- b, stack <- c: b before a, a and c before the stack; b and c may overlap.
  const resources = [node("stack"), node("a", [], "stack"), node("b", ["a"], "stack"), node("c", [], "stack")];
  const events: string[] = [];
  let active = 0;
  let peak = 0;
  await inReverseDependencyOrder(resources, async (r) => {
    events.push(`start ${r.urn}`);
    active += 1;
    peak = Math.max(peak, active);
    await tick();
    active -= 1;
    events.push(`end ${r.urn}`);
    return true;
  });
  const at = (e: string) => events.indexOf(e);
  expect(at("end b")).toBeLessThan(at("start a"));
  expect(at("end a")).toBeLessThan(at("start stack"));
  expect(at("end c")).toBeLessThan(at("start stack"));
  expect(peak).toBe(2);
  expect(events.filter((e) => e.startsWith("start"))).toHaveLength(4);
});

test("inReverseDependencyOrder starts nothing new after a failure", async () => {
  const resources = [node("a"), node("b", ["a"])];
  const started: string[] = [];
  await inReverseDependencyOrder(resources, async (r) => {
    started.push(r.urn);
    return r.urn !== "b";
  });
  expect(started).toEqual(["b"]);
  await inReverseDependencyOrder([], async () => true);
});
