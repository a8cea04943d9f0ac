/**
 * The one edit distance behind every "did you mean" in the project (Kubernetes
 * fields, Calico fields and values, field hovers). Each caller keeps its own
 * suggestion policy (thresholds, aliases, plurals); only the distance is shared.
 */

export interface EditDistanceOptions {
  /**
   * Count swapping two neighbouring letters (`form` -> `from`) as one edit: the
   * optimal string alignment distance. Off, it is plain Levenshtein distance, where a
   * swap costs two. On by default, since swaps are the commonest typo.
   */
  readonly transpositions?: boolean;
}

/** Insertions, deletions and substitutions (and, by default, neighbour swaps) that turn `a` into `b`. */
export function editDistance(a: string, b: string, options: EditDistanceOptions = {}): number {
  const swaps = options.transpositions ?? true;
  // Three rows suffice: the current one, the one before, and the one before that (for swaps).
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
