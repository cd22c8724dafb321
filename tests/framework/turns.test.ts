/** A burst of local work (drift's comparisons, import's declarations) takes turns with I/O, in order. */
import { turnTaker } from "../../provider/framework/turns";

test("pieces run in their order, a few per turn of the event loop, with other callbacks in between", async () => {
  const log: (number | string)[] = [];
  const turn = turnTaker(2);
  setImmediate(() => log.push("other"));
  await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      await turn();
      log.push(i);
    }),
  );
  expect(log).toEqual([0, "other", 1, 2, 3, 4, 5]);
});

test("without a turn taken, the same burst would run to its end before anything else", async () => {
  const log: (number | string)[] = [];
  setImmediate(() => log.push("other"));
  await Promise.all(Array.from({ length: 6 }, async (_, i) => void log.push(i)));
  expect(log).toEqual([0, 1, 2, 3, 4, 5]);
});
