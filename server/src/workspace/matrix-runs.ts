/**
 * The matrix's cells on the wire. A workspace of 2,000 workloads has four million
 * cells but a handful of distinct ones, and long stretches of the same one (a row of
 * denied cells); as one object per cell it would be hundreds of megabytes of JSON.
 * So each distinct cell is sent once, in a palette, and the cells row by row as runs:
 * `[palette index, how many, palette index, how many, ...]`.
 */

/** Collects palette indexes in row-major order into runs. */
export class CellRuns {
  readonly runs: number[] = [];

  push(index: number): void {
    this.pushRun(index, 1);
  }

  /** `count` cells of one index at once. */
  pushRun(index: number, count: number): void {
    const last = this.runs.length - 2;
    if (last >= 0 && this.runs[last] === index) this.runs[last + 1]! += count;
    else this.runs.push(index, count);
  }
}

/**
 * The palette index of every cell, row by row; undefined when the runs are not
 * `total` cells of indexes below `paletteSize` (a malformed answer).
 */
export function expandRuns(runs: readonly number[], total: number, paletteSize: number): number[] | undefined {
  if (runs.length % 2 !== 0) return undefined;
  const cells: number[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    const index = runs[i]!;
    const count = runs[i + 1]!;
    if (!Number.isInteger(index) || index < 0 || index >= paletteSize || !Number.isInteger(count) || count < 1 || cells.length + count > total) return undefined;
    for (let k = 0; k < count; k++) cells.push(index);
  }
  return cells.length === total ? cells : undefined;
}
