/**
 * The matrix's cells as the server sent them: runs of palette indexes, row by row
 * (server/src/workspace/matrix-runs.ts), never expanded. 20,000 workloads are 400
 * million cells but a few hundred thousand runs; the panel draws a few hundred cells
 * at a time, and finds each by a binary search over where the runs start (starting
 * from the run it found last: the next cell of a row is usually in it or the next one).
 * Passes over the whole matrix (column widths, the graph's namespace overview) walk
 * the runs themselves.
 */

export class MatrixCells {
  /** Where run k starts, as a cell position (row * size + col); one more entry for the end. */
  private readonly starts: Float64Array;
  private hint = 0;

  /** `runs`: `[palette index, count, ...]`, already checked to hold size² cells (webview-protocol.ts). */
  constructor(
    private readonly runs: ArrayLike<number>,
    readonly size: number,
  ) {
    const count = runs.length / 2;
    this.starts = new Float64Array(count + 1);
    let position = 0;
    for (let k = 0; k < count; k++) {
      this.starts[k] = position;
      position += runs[2 * k + 1]!;
    }
    this.starts[count] = position;
  }

  get runCount(): number {
    return this.starts.length - 1;
  }

  /** The first cell position of run k; `start(k + 1) - 1` is its last. */
  start(k: number): number {
    return this.starts[k]!;
  }

  /** The palette index of run k. */
  value(k: number): number {
    return this.runs[2 * k]!;
  }

  /** The palette index of the cell from node `row` to node `col`. */
  at(row: number, col: number): number {
    return this.runs[2 * this.runOf(row * this.size + col)]!;
  }

  /** The run that holds a cell position. */
  runOf(position: number): number {
    const starts = this.starts;
    const hint = this.hint;
    if (starts[hint]! <= position && position < starts[hint + 1]!) return hint;
    if (hint + 2 < starts.length && starts[hint + 1]! <= position && position < starts[hint + 2]!) return (this.hint = hint + 1);
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return (this.hint = lo);
  }
}
