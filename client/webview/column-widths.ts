/**
 * The widest cell text of every column, read from the runs without visiting each
 * cell: a column is as wide as the widest text any shown row puts in it. One pass
 * over the runs sorts the stretches of shown rows into buckets by the width of their
 * text, widest first; each bucket then gives its width to the columns no wider bucket
 * reached, and a "next unset column" table (union-find) skips the columns already
 * set, so the work grows with the runs and the columns, not with rows × columns.
 * The diagonal (a workload and itself) and a pair of external ranges show no text
 * and do not count.
 */
import type { MatrixNode } from '../../server/src/protocol';
import type { MatrixCells } from './matrix-cells';

/**
 * Per node index: the widest text width of its column over `rows`, or 0 when no text
 * is wider than `floor` (texts that narrow leave a column at its minimum width anyway,
 * and "all", the text of every allowed cell, is one of them: they need no pass).
 */
export function widestCellTexts(cells: MatrixCells, nodes: readonly MatrixNode[], rows: readonly number[], paletteWidth: readonly number[], floor: number): Float64Array {
  const n = nodes.length;
  const widths = [...new Set(paletteWidth.filter((w) => w > floor))].sort((a, b) => b - a);
  const rankOf = paletteWidth.map((w) => (w > floor ? widths.indexOf(w) : -1));
  const buckets = widths.map(() => new Stretches());
  const shown = new Uint8Array(n);
  for (const row of rows) shown[row] = 1;
  const inside = workloadColumns(nodes);
  for (let k = 0; k < cells.runCount; k++) {
    const rank = rankOf[cells.value(k)]!;
    if (rank < 0) continue;
    const bucket = buckets[rank]!;
    const last = cells.start(k + 1) - 1;
    // A run may run on into the next rows: one stretch per row.
    for (let position = cells.start(k); position <= last; ) {
      const row = Math.floor(position / n);
      const end = Math.min(last, row * n + n - 1);
      if (shown[row]) {
        if (nodes[row]!.kind !== 'external') addStretch(bucket, row, position - row * n, end - row * n);
        else for (const [a, b] of inside) addStretch(bucket, row, Math.max(a, position - row * n), Math.min(b, end - row * n));
      }
      position = end + 1;
    }
  }
  return paint(n, widths, buckets);
}

/** Pairs of first and last columns, in a typed array that doubles as it fills: a million of them are usual. */
class Stretches {
  items = new Int32Array(1024);
  length = 0;

  push(a: number, b: number): void {
    if (this.length + 2 > this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = a;
    this.items[this.length++] = b;
  }
}

/** Columns a to b of `row`, less its diagonal cell, which shows no text. */
function addStretch(bucket: Stretches, row: number, a: number, b: number): void {
  if (a > b) return;
  if (a <= row && row <= b) {
    if (a < row) bucket.push(a, row - 1);
    if (row < b) bucket.push(row + 1, b);
  } else bucket.push(a, b);
}

/** The stretches of consecutive workload columns (an external row's text counts only there). */
function workloadColumns(nodes: readonly MatrixNode[]): [number, number][] {
  const spans: [number, number][] = [];
  nodes.forEach((node, i) => {
    if (node.kind === 'external') return;
    const last = spans[spans.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else spans.push([i, i]);
  });
  return spans;
}

function paint(n: number, widths: readonly number[], buckets: readonly Stretches[]): Float64Array {
  const result = new Float64Array(n);
  // next[c]: the first column at or after c that no wider text has reached yet (n: none).
  const next = new Int32Array(n + 1);
  for (let c = 0; c <= n; c++) next[c] = c;
  const find = (c: number): number => {
    while (next[c] !== c) {
      next[c] = next[next[c]!]!;
      c = next[c]!;
    }
    return c;
  };
  buckets.forEach((bucket, rank) => {
    const items = bucket.items;
    for (let i = 0; i < bucket.length; i += 2) {
      const last = items[i + 1]!;
      for (let c = find(items[i]!); c <= last; c = find(c + 1)) {
        result[c] = widths[rank]!;
        next[c] = c + 1;
      }
    }
  });
  return result;
}
