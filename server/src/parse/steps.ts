/**
 * Stepwise computations. Long work (parsing a large file region by region,
 * building the reachability engine policy by policy and row by row) is written as
 * generators that yield between small units of work, so a caller that must stay
 * responsive (the language server) can run them in time slices and stop between
 * any two steps; everything else runs them to the end at once. It sits in the
 * lowest layer so that every layer can use it.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
