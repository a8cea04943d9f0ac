/**
 * How often each label key and value occurs among things that carry labels (pod
 * classes weighted by their workloads, or namespaces), most used first. Built
 * once per workspace shape; completion filters carriers only when the selector
 * being written already has other requirements.
 */

export interface LabelCarrier {
  readonly labels: ReadonlyMap<string, string>;
  /** How many workloads (or namespaces) carry exactly these labels. */
  readonly weight: number;
}

export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

export interface KeyStats {
  readonly key: string;
  /** How many carry the key, with any value. */
  readonly count: number;
  /** Most used first, then by value. */
  readonly values: readonly ValueCount[];
}

export interface LabelStats {
  /** Everything in scope, with or without labels. */
  readonly total: number;
  /** Most used first, then by key. */
  readonly keys: readonly KeyStats[];
  readonly byKey: ReadonlyMap<string, KeyStats>;
}

export function buildLabelStats(carriers: readonly LabelCarrier[]): LabelStats {
  const counts = new Map<string, Map<string, number>>();
  let total = 0;
  for (const carrier of carriers) {
    total += carrier.weight;
    for (const [key, value] of carrier.labels) {
      let values = counts.get(key);
      if (!values) counts.set(key, (values = new Map()));
      values.set(value, (values.get(value) ?? 0) + carrier.weight);
    }
  }
  const keys = [...counts].map(([key, values]): KeyStats => {
    const list = [...values].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || compare(a.value, b.value));
    return { key, count: list.reduce((sum, v) => sum + v.count, 0), values: list };
  });
  keys.sort((a, b) => b.count - a.count || compare(a.key, b.key));
  return { total, keys, byKey: new Map(keys.map((k) => [k.key, k])) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
