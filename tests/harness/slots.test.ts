/** The `parallel` bound and the destroy schedule, without a host. */
import { deleteAntichains, runDeletes, Slots } from "../../harness/slots";

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

test("deleteAntichains: dependents first, rounds built bottom-up, so an independent resource goes in the last round", () => {
  // stack <- a <- b, stack <- c. Bottom-up rounds: [stack], [a, c], [b]; reversed: b, then a and c, then the stack.
  const resources = [node("stack"), node("a", [], "stack"), node("b", ["a"], "stack"), node("c", [], "stack")];
  const rounds = deleteAntichains(resources).map((round) => round.map((r) => r.urn).sort());
  expect(rounds).toEqual([["b"], ["a", "c"], ["stack"]]);
  // Two independent chains: d (no dependents) is deleted in the round of the other chain's root, not first.
  const chains = deleteAntichains([node("x"), node("y", ["x"]), node("d")]).map((round) => round.map((r) => r.urn).sort());
  expect(chains).toEqual([["y"], ["d", "x"]]);
  expect(deleteAntichains([])).toEqual([]);
});

test("runDeletes runs each antichain in parallel within the slots, one antichain after the other", async () => {
  const resources = [node("stack"), node("a", [], "stack"), node("b", [], "stack"), node("c", [], "stack"), node("d", ["a"], "stack")];
  const events: string[] = [];
  let active = 0;
  let peak = 0;
  await runDeletes(resources, new Slots(2), async (r) => {
    events.push(`start ${r.urn}`);
    active += 1;
    peak = Math.max(peak, active);
    await tick();
    active -= 1;
    events.push(`end ${r.urn}`);
    return "deleted";
  });
  const at = (e: string) => events.indexOf(e);
  // Round 1: d. Round 2: a, b, c (at most two at once). Round 3: the stack.
  expect(at("end d")).toBeLessThan(at("start a"));
  expect(at("end d")).toBeLessThan(at("start b"));
  for (const r of ["a", "b", "c"]) expect(at(`end ${r}`)).toBeLessThan(at("start stack"));
  expect(peak).toBe(2);
  expect(events.filter((e) => e.startsWith("start"))).toHaveLength(5);
});

test("runDeletes starts nothing new after a failure; a refusal (protected) spares only what it depends on", async () => {
  const started: string[] = [];
  await runDeletes([node("a"), node("b", ["a"])], new Slots(4), async (r) => {
    started.push(r.urn);
    return r.urn === "b" ? "failed" : "deleted";
  });
  expect(started).toEqual(["b"]);

  const continued: string[] = [];
  // p (protected) depends on q; r is independent: q is spared, r still deleted.
  await runDeletes([node("q"), node("p", ["q"]), node("r", []), node("s", ["r"])], new Slots(4), async (r) => {
    continued.push(r.urn);
    return r.urn === "p" ? "refused" : "deleted";
  });
  expect(continued.sort()).toEqual(["p", "r", "s"]);
});
