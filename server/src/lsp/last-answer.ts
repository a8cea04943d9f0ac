/**
 * The last answer to a request, kept while what it was computed from is unchanged: the
 * panel asks for the matrix again on every reveal and refresh, and with nothing changed
 * in the workspace the answer is the same, however long it took to compute.
 */
import type { WorkspaceIndexer } from './index-runner';

export class LastAnswer<T> {
  private key: string | undefined;
  private value: T | undefined;

  /** The kept answer when `key` (the workspace version and the request's parameters) is unchanged. */
  get(key: string): T | undefined {
    return key === this.key ? this.value : undefined;
  }

  set(key: string, value: T): void {
    this.key = key;
    this.value = value;
  }

  /**
   * The kept answer for the view's key, or one computed now. `compute` answers for the
   * workspace as it is when it returns (WorkspaceIndexer.reachView starts over after a
   * change), so the key read then is the new answer's. `computed` hears of each answer
   * that was computed rather than kept, with the time it took.
   */
  async keptOr(key: () => string, compute: () => Promise<T>, computed: (ms: number) => void): Promise<T> {
    const kept = this.get(key());
    if (kept !== undefined) return kept;
    const started = performance.now();
    const value = await compute();
    this.set(key(), value);
    computed(performance.now() - started);
    return value;
  }
}

/** What a view of the workspace depends on: its version, whether the first index is still running, and the request's parameters. */
export function viewKey(indexer: Pick<WorkspaceIndexer, 'workspace' | 'indexing'>, params: unknown): string {
  return `${indexer.workspace.version}|${indexer.indexing}|${JSON.stringify(params ?? {})}`;
}
