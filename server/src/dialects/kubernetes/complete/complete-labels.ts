/**
 * Label keys and values for Kubernetes selectors, drawn from the labels the
 * workspace's pods and namespaces really carry, most used first, each with how
 * many workloads (or namespaces) it would match together with what the selector
 * already requires.
 */
import { NAMESPACE_NAME_LABEL } from '../../../model/namespaces';
import { buildLabelStats, type KeyStats, type LabelStats, type ValueCount } from '../../../analysis/navigate/label-stats';
import type { Universe } from '../../../analysis/navigate/universe';
import { plural, yamlString, type CandidateDraft } from '../../../analysis/complete/candidate';
import { narrowedStats, type SelectorScope } from './selector-scope';
import type { CursorPlace } from '../../../analysis/complete/yaml-cursor';

const SHOWN_VALUES = 5;

/**
 * Keys for `matchLabels` (inserted as `key: `) or for `matchExpressions[].key`
 * (`plainKey`). Keys found together with the selector's other requirements come
 * first; keys only other pods carry follow, since with them it would match nothing.
 */
export function labelKeyDrafts(scope: SelectorScope, place: CursorPlace, cursorLine: { start: number; end: number }, plainKey: boolean): CandidateDraft[] {
  const narrowed = narrowedStats(scope, cursorLine);
  const all = wholeScope(scope);
  const present = new Set(plainKey ? [] : place.siblings);
  const noun = scope.role === 'namespaces' ? 'namespace' : 'workload';
  const rest = all.keys.filter((k) => !narrowed.byKey.has(k.key));
  return [...narrowed.keys, ...rest]
    .filter((k) => !present.has(k.key))
    .map((k): CandidateDraft => {
      const insert = plainKey || place.hasColon ? k.key : `${k.key}: `;
      const alone = !narrowed.byKey.has(k.key);
      return {
        label: k.key,
        kind: 'label-key',
        detail: alone ? `on ${plural(k.count, noun)}, none with the other labels` : `on ${plural(k.count, noun)} · ${plural(k.values.length, 'value')}`,
        documentation: keyDocumentation(k, noun, scope),
        insertText: (place.mode === 'value' && place.value?.needsSpace ? ' ' : '') + insert,
        ...(!plainKey && !place.hasColon && { retrigger: true }),
      };
    });
}

/** Values of `key`, for `matchLabels` values and `matchExpressions[].values` items, the same way. */
export function labelValueDrafts(scope: SelectorScope, key: string, place: CursorPlace, cursorLine: { start: number; end: number }, universe: Universe): CandidateDraft[] {
  const narrowed = narrowedStats(scope, cursorLine, key).byKey.get(key)?.values ?? [];
  const found = new Set(narrowed.map((v) => v.value));
  const rest = (wholeScope(scope).byKey.get(key)?.values ?? []).filter((v) => !found.has(v.value));
  const present = new Set(place.siblings);
  const noun = scope.role === 'namespaces' ? 'namespace' : 'workload';
  // Among namespaces, as many match each value (one, for a name): the busier namespace comes first.
  const workloadsOf = (value: string): number | undefined => (scope.role === 'namespaces' ? namespaceWorkloads(universe, key, value) : undefined);
  const byUse = (list: readonly ValueCount[]): ValueCount[] => [...list].sort((a, b) => b.count - a.count || (workloadsOf(b.value) ?? 0) - (workloadsOf(a.value) ?? 0) || (a.value < b.value ? -1 : 1));
  return [...byUse(narrowed), ...byUse(rest)]
    .filter((v) => !present.has(v.value))
    .map((v): CandidateDraft => {
      const text = place.quote ? v.value : yamlString(v.value);
      const space = place.mode === 'value' && place.value?.needsSpace ? ' ' : '';
      const workloads = workloadsOf(v.value);
      const count = found.has(v.value) ? `matches ${plural(v.count, noun)}` : `matches no ${noun} with the other labels (${v.count} alone)`;
      return {
        label: v.value,
        kind: key === NAMESPACE_NAME_LABEL && scope.role === 'namespaces' ? 'namespace' : 'label-value',
        detail: `${count}${workloads !== undefined ? ` (${plural(workloads, 'workload')})` : ''}`,
        insertText: space + text,
        ...(text !== v.value && { filterText: v.value }),
      };
    });
}

function wholeScope(scope: SelectorScope): LabelStats {
  return scope.stats ?? buildLabelStats(scope.carriers);
}

function keyDocumentation(k: KeyStats, noun: string, scope: SelectorScope): string {
  const where = scope.role === 'namespaces' ? 'namespaces' : scope.role === 'policy-pods' ? 'pods of the policy namespace' : 'pods this peer can match';
  const shown = k.values.slice(0, SHOWN_VALUES).map((v) => `\`${v.value}\` (${v.count})`).join(', ');
  const more = k.values.length > SHOWN_VALUES ? `, and ${k.values.length - SHOWN_VALUES} more` : '';
  return `Label \`${k.key}\`, set on ${plural(k.count, noun)} among the ${where}.\n\nValues: ${shown}${more}.`;
}

/** Workloads in the namespaces whose label `key` has `value`. */
function namespaceWorkloads(universe: Universe, key: string, value: string): number {
  let count = 0;
  for (const ns of universe.namespaces.values()) {
    if (ns.labels.labels.get(key) === value) count += universe.podLabels.get(ns.name)?.total ?? 0;
  }
  return count;
}
