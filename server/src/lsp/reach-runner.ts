/**
 * Brings a workspace's reachability up to date without holding up the server.
 *
 * The engine is built or updated by steps (parse/steps.ts) run in slices
 * of a few milliseconds; between slices the event loop handles whatever arrived, so
 * a keystroke's diagnostics never wait for a long computation. A change to the
 * workspace while it runs supersedes it: the unfinished work is dropped and started
 * again from the new state. A request that is cancelled stops waiting, and when no
 * request waits any more the work stops. Requests that arrive while it runs share it.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { ReachEngine } from '../evaluate/reach-engine';
import type { Workspace } from '../workspace/workspace';
import { cancelled } from './run-safe';
import { runInSlices, SLICE_MS } from './slices';

interface Waiter {
  readonly resolve: (engine: ReachEngine) => void;
  readonly reject: (error: unknown) => void;
  readonly token: CancellationToken | undefined;
}

export class ReachRunner {
  private readonly waiters = new Set<Waiter>();
  private running = false;

  /** `sliceMs` 0 runs one step per slice, which makes the interleaving exact in tests. */
  constructor(
    private readonly workspace: Workspace,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** The engine for the workspace as it is when the computation ends; rejected with RequestCancelled if `token` is cancelled first. */
  engine(token?: CancellationToken): Promise<ReachEngine> {
    if (!this.running && this.workspace.reachIsCurrent) return Promise.resolve(this.workspace.reach());
    return new Promise<ReachEngine>((resolve, reject) => {
      this.waiters.add({ resolve, reject, token });
      // run() settles every waiter itself and never rejects.
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.dropCancelled() > 0) {
        const version = this.workspace.version;
        const outcome = await runInSlices(this.workspace.reachSteps(), () => this.dropCancelled() === 0 || this.workspace.version !== version, this.sliceMs);
        // Superseded, no longer awaited, or stopped by a synchronous reach() elsewhere (the steps then end without an engine).
        const engine = outcome.done ? (outcome.value as ReachEngine | undefined) : undefined;
        if (!engine) {
          // What superseded the work (a keystroke) has its own work queued: that goes first.
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        for (const waiter of this.waiters) waiter.resolve(engine);
        this.waiters.clear();
      }
    } catch (error) {
      for (const waiter of this.waiters) waiter.reject(error);
      this.waiters.clear();
    } finally {
      this.running = false;
    }
  }

  /** Rejects the waiters whose request was cancelled; returns how many still wait. */
  private dropCancelled(): number {
    for (const waiter of this.waiters) {
      if (!waiter.token?.isCancellationRequested) continue;
      waiter.reject(cancelled());
      this.waiters.delete(waiter);
    }
    return this.waiters.size;
  }
}
