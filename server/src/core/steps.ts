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

/**
 * Units of work done by stepwise code: an element compared, located or filled in.
 * The loops of the reachability path add to it, so a test can bound the work of
 * a single step by counting (a time would depend on the machine) and catch a step
 * whose work grows with the workspace. Counting is one addition per unit.
 */
export const stepWork = { units: 0 };

/** How many units a stepwise loop does before it yields, where the work per item is one unit. */
export const UNITS_PER_STEP = 1024;

/**
 * `items` sorted by `compare` (stably), yielding every UNITS_PER_STEP comparisons: a
 * bottom-up merge sort, since Array.prototype.sort of many thousands of items is one
 * long step.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let from = [...items];
  let to = new Array<T>(from.length);
  let budget = UNITS_PER_STEP;
  for (let width = 1; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(start + width, from.length);
      const end = Math.min(start + 2 * width, from.length);
      let i = start;
      let j = middle;
      for (let k = start; k < end; k++) {
        if (i < middle && (j >= end || compare(from[j]!, from[i]!) >= 0)) to[k] = from[i++]!;
        else to[k] = from[j++]!;
        stepWork.units++;
        if (--budget === 0) {
          budget = UNITS_PER_STEP;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Calls `each` on every item, yielding every UNITS_PER_STEP items. */
export function* forEachSteps<T>(items: Iterable<T>, each: (item: T, index: number) => void): Steps<void> {
  let index = 0;
  for (const item of items) {
    each(item, index);
    stepWork.units++;
    if (++index % UNITS_PER_STEP === 0) yield;
  }
}
