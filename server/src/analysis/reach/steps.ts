/**
 * Stepwise computations. The reachability engine is built and updated by
 * generators that yield between small units of work (a policy compiled, a pod
 * class's vector built, a row of the matrix filled), so a caller that must stay
 * responsive (the language server) can run them in time slices and stop between
 * any two steps; everything else runs them to the end at once.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
