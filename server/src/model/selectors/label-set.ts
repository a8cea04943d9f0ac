/**
 * LabelSet: an immutable set of labels with a canonical key, so that equal label
 * sets can be interned and selector matches computed once per distinct set.
 */
import type { LabelEntry } from '../types';

export interface LabelSet {
  /** Canonical text of the labels (sorted `k=v` joined by newlines): equal sets have equal keys. */
  readonly key: string;
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * Builds a label set from pairs. When a key repeats, the last value wins, which
 * is what a YAML map with a duplicate key would mean to the API server.
 */
export function labelSetOf(pairs: Iterable<readonly [string, string]>): LabelSet {
  const labels = new Map<string, string>();
  for (const [key, value] of pairs) labels.set(key, value);
  const key = [...labels.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  return { key, labels };
}

/** A label set from model entries (metadata.labels, template labels, matchLabels). */
export function labelSetFromEntries(entries: readonly LabelEntry[], extra: readonly (readonly [string, string])[] = []): LabelSet {
  return labelSetOf([...entries.map((e): [string, string] => [e.key.value, e.value.value]), ...extra]);
}

export const EMPTY_LABEL_SET: LabelSet = labelSetOf([]);

/** `app=web, tier=db` for messages; `(no labels)` when empty. */
export function formatLabelSet(set: LabelSet): string {
  if (set.labels.size === 0) return '(no labels)';
  return set.key.split('\n').join(', ');
}
