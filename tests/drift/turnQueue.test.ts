/**
 * TurnQueue: jobs run one at a time, in order, each in a turn of the event loop of its own, so what arrives
 * between two jobs (here: an immediate the first job schedules, as an answer's callback would be) is handled
 * before the next job; a failing job fails only its own promise.
 */
import { TurnQueue } from "../../provider/inventory/turns";

test("jobs run in order, with the event loop turning between them", async () => {
  const order: string[] = [];
  const queue = new TurnQueue();
  const jobs = ["a", "b", "c"].map((name) =>
    queue.run(() => {
      order.push(name);
      setImmediate(() => order.push(`after ${name}`));
      return name.toUpperCase();
    }),
  );
  expect(await Promise.all(jobs)).toEqual(["A", "B", "C"]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual(["a", "after a", "b", "after b", "c", "after c"]);
});

test("a job that throws rejects its own promise; the jobs after it still run", async () => {
  const queue = new TurnQueue();
  const failed = queue.run(async () => {
    throw new Error("no");
  });
  const next = queue.run(() => "still");
  await expect(failed).rejects.toThrow("no");
  await expect(next).resolves.toBe("still");
});
