/**
 * Spreads a burst of local work over turns of the event loop. When one list sweep answers the reads of
 * thousands of objects at once, their continuations (find, compare, declare: CPU only) would all run in one
 * go, and meanwhile no answer of any other request is taken in and no rate-limit permit goes back: the paced
 * requests of other kinds stall for as long as the burst takes (seconds on a busy machine, in drift and import
 * of 5,000 objects). `await turn()` before each piece of such work runs the pieces in order, `perTurn` of them per
 * turn of the event loop, with I/O in between.
 */
export function turnTaker(perTurn: number): () => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  let count = 0;
  return () => {
    const mine = chain.then(() => (++count % perTurn === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined));
    chain = mine;
    return mine;
  };
}
