/**
 * "Did you mean": for a selector that matches nothing, the label of the workspace
 * closest to one it requires (`app: wbe` -> `app=web`), offered only when the
 * selector with that one label changed matches something. Typos in label values
 * are the commonest reason a correct-looking policy selects nothing.
 */
import { compileSelector, selectorMatches, type LabelSet } from '../model/selectors';
import { editDistance } from '../core/text/edit-distance';
import type { LabelEntry, LabelSelector } from '../model/types';

/** Something a selector may match: a workload (or a namespace) and how to name it. */
export interface LabelCarrier {
  readonly labels: LabelSet;
  /** `shop/web`, `kube-system/kube-dns`, or a namespace's name. */
  readonly name: string;
}

export interface NearestLabel {
  /** The matchLabels entry to change. */
  readonly entry: LabelEntry;
  readonly key: string;
  readonly value: string;
  /** What the corrected selector matches. */
  readonly names: readonly string[];
}

const LISTED = 3;

export function nearestLabel(selector: LabelSelector, carriers: readonly LabelCarrier[]): NearestLabel | undefined {
  if (selector.matchLabels.length === 0) return undefined;
  const candidates = distinctLabels(carriers);
  let best: { entry: LabelEntry; key: string; value: string; distance: number } | undefined;
  for (const entry of selector.matchLabels) {
    const written = `${entry.key.value}=${entry.value.value}`;
    // About one typo per four characters: `app=wbe` is app=web, `app=api` is not app=web.
    const limit = Math.max(1, Math.floor(written.length / 4));
    // The edit distance is at least the difference in length: only lengths within the limit can be near.
    for (let length = written.length - limit; length <= written.length + limit; length++) {
      for (const { text, key, value } of candidates.get(length) ?? []) {
        const distance = editDistance(written, text, { atMost: limit });
        if (distance === 0 || distance > limit || (best && distance >= best.distance)) continue;
        best = { entry, key, value, distance };
      }
    }
  }
  if (!best) return undefined;
  const corrected = compileSelector(withLabel(selector, best.entry, best.key, best.value));
  if (corrected.problems.length > 0) return undefined;
  const names = carriers.filter((c) => selectorMatches(corrected.selector, c.labels)).map((c) => c.name);
  return names.length > 0 ? { entry: best.entry, key: best.key, value: best.value, names } : undefined;
}

interface Candidate {
  readonly text: string;
  readonly key: string;
  readonly value: string;
}

/**
 * The distinct `key=value` labels of the carriers, by length of that text: many workloads
 * share their labels, and a typo is searched only among texts of about its length. Read
 * once per list of carriers (the index keeps one list per scope).
 */
const DISTINCT = new WeakMap<readonly LabelCarrier[], ReadonlyMap<number, readonly Candidate[]>>();

function distinctLabels(carriers: readonly LabelCarrier[]): ReadonlyMap<number, readonly Candidate[]> {
  let byLength = DISTINCT.get(carriers);
  if (!byLength) {
    const seen = new Set<string>();
    const found = new Map<number, Candidate[]>();
    for (const carrier of carriers) {
      for (const [key, value] of carrier.labels.labels) {
        const text = `${key}=${value}`;
        if (seen.has(text)) continue;
        seen.add(text);
        const list = found.get(text.length) ?? [];
        list.push({ text, key, value });
        found.set(text.length, list);
      }
    }
    byLength = found;
    DISTINCT.set(carriers, byLength);
  }
  return byLength;
}

/** `did you mean app=web (shop/web)?` */
export function didYouMean(nearest: NearestLabel): string {
  const more = nearest.names.length > LISTED ? `, and ${nearest.names.length - LISTED} more` : '';
  return `did you mean ${nearest.key}=${nearest.value} (${nearest.names.slice(0, LISTED).join(', ')}${more})?`;
}

function withLabel(selector: LabelSelector, entry: LabelEntry, key: string, value: string): LabelSelector {
  const matchLabels = selector.matchLabels.map((e) => (e === entry ? { key: { ...e.key, value: key }, value: { ...e.value, value } } : e));
  return { ...selector, matchLabels };
}
