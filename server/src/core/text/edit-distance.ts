/**
 * The one edit distance behind every "did you mean" in the project (every dialect's
 * fields and values, field hovers). Each caller keeps its own
 * suggestion policy (thresholds, aliases, plurals); only the distance is shared.
 */

export interface EditDistanceOptions {
  /**
   * Count swapping two neighbouring letters (`form` -> `from`) as one edit: the
   * optimal string alignment distance. Off, it is plain Levenshtein distance, where a
   * swap costs two. On by default, since swaps are the commonest typo.
   */
  readonly transpositions?: boolean;
  /**
   * Stop once the distance is sure to exceed this: the answer is then `atMost + 1`.
   * A search for near matches among thousands of labels cares only whether a text is near.
   */
  readonly atMost?: number;
}

let ROWS: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Insertions, deletions and substitutions (and, by default, neighbour swaps) that turn `a` into `b`. */
export function editDistance(a: string, b: string, options: EditDistanceOptions = {}): number {
  const swaps = options.transpositions ?? true;
  const atMost = options.atMost ?? Infinity;
  if (Math.abs(a.length - b.length) > atMost) return atMost + 1;
  // Three rows suffice: the current one, the one before, and the one before that (for swaps).
  // The rows are kept between calls (nothing here is re-entered): a search compares thousands
  // of short texts, and allocating rows for each cost more than comparing them.
  const width = b.length + 1;
  if (ROWS[0].length < width) ROWS = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, previous, current] = ROWS;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (swaps && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // Every later row is at least this row's minimum less one (a swap looks two rows back).
    if (rowMinimum > atMost + 1) return atMost + 1;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.length]!;
}
