/**
 * Runs stepwise work (parse/steps.ts) in time slices: steps run until the slice
 * is used up, then the event loop handles whatever arrived (a keystroke, a
 * request) before the next slice. Between slices the caller may stop the work.
 */
import type { Steps } from '../core/steps';

/** The longest one slice holds the event loop. */
export const SLICE_MS = 8;

export type SliceOutcome<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/** `stop` is asked between slices; when it says so, the steps are returned (their finally blocks run) and the outcome is not done. */
export async function runInSlices<T>(steps: Steps<T>, stop: () => boolean, sliceMs = SLICE_MS): Promise<SliceOutcome<T>> {
  for (;;) {
    const deadline = performance.now() + sliceMs;
    let step = steps.next();
    while (!step.done && performance.now() < deadline) step = steps.next();
    if (step.done) return { done: true, value: step.value };
    await new Promise((resolve) => setImmediate(resolve));
    if (stop()) {
      steps.return(undefined as never);
      return { done: false };
    }
  }
}
