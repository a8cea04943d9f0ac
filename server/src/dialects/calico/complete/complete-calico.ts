/**
 * Completion inside a Calico selector value (`selector: app == 'web' && |`):
 * label keys with `has()`/`all()`/`global()`, operators after a label, and the
 * label's values (quoted) after an operator or inside a literal, from the
 * workspace's pods or namespaces, most used first.
 */
import { selectorAt } from '../model/selectors';
import type { CalicoPolicy, CalicoSelector } from '../model/types';
import { evaluateSelector } from '../selector/evaluate';
import { buildLabelStats, type LabelStats } from '../../../analysis/navigate/label-stats';
import { classesIn, type Universe } from '../../../analysis/navigate/universe';
import { calicoNamespaceLabels, calicoNamespaceLabelStats } from '../navigate/namespace-labels';
import { plural, type CandidateDraft } from '../../../analysis/complete/candidate';
import { selectorSlot, wordEnd, type SelectorSlot } from './selector-cursor';
import { CALICO_POLICY, type CalicoSelectorScope } from './field-schema';
import type { CompletionHooks } from '../../../analysis/complete/completion-hooks';
import { schemaDrafts } from '../../../analysis/complete/complete-schema';
import type { CursorPlace } from '../../../analysis/complete/yaml-cursor';

const OPERATORS: readonly (readonly [string, string])[] = [
  ['==', 'The label is set to exactly this value.'],
  ['!=', 'The label is not set to this value (or not set at all).'],
  ['in', 'The label is set to one of the values in `{...}`.'],
  ['not in', 'The label is not set to any value in `{...}` (or not set at all).'],
  ['contains', 'The label\'s value contains this text.'],
  ['starts with', 'The label\'s value starts with this text.'],
  ['ends with', 'The label\'s value ends with this text.'],
];

interface CalicoSite {
  readonly scope: CalicoSelectorScope;
  /** The key of the selector field (`selector`, `namespaceSelector`, ...). */
  readonly field: string;
  /** A GlobalNetworkPolicy. */
  readonly global: boolean;
  readonly namespace: string;
  readonly policy?: CalicoPolicy;
}

/** Completion in a Calico policy: its field schema, and the selector expressions' labels, operators and values. */
export const calicoCompletion: CompletionHooks<CalicoPolicy> = {
  documentKind(kind, apiVersion) {
    if (kind === 'GlobalNetworkPolicy') return 'own';
    return kind === 'NetworkPolicy' && apiVersion.includes('projectcalico.org') ? 'own' : undefined;
  },
  clusterScopedKinds: ['GlobalNetworkPolicy'],
  complete: (site) =>
    schemaDrafts(site, {
      root: CALICO_POLICY,
      values: (s, target) => {
        const source = target.kind === 'value' ? target.spec.values : undefined;
        if (source?.kind !== 'calico-selector' || target.kind !== 'value') return [];
        const calicoSite: CalicoSite = { scope: source.scope, field: target.field, global: s.global, namespace: s.namespace, ...(s.policy && { policy: s.policy }) };
        return calicoSelectorDrafts(calicoSite, s.place, s.offset, s.text, s.universe!);
      },
    }),
};

function calicoSelectorDrafts(site: CalicoSite, place: CursorPlace, offset: number, text: string, universe: Universe): CandidateDraft[] {
  const value = place.value;
  if (!value || site.scope === 'service-accounts') return [];
  const yamlQuote = value.raw.startsWith('"') || value.raw.startsWith("'") ? value.raw[0] : undefined;
  const innerStart = value.start + (yamlQuote ? 1 : 0);
  if (offset < innerStart) return [];
  const slot = selectorSlot(text.slice(innerStart, offset));
  if (!slot) return [];
  const stats = scopeStats(site, offset, universe);
  const literalQuote = yamlQuote === "'" ? '"' : "'";
  const space = value.needsSpace ? ' ' : '';
  const nounFor = site.scope === 'namespaces' ? 'namespace' : 'workload';
  const closes = yamlQuote !== undefined && value.raw.length > 1 && value.raw.endsWith(yamlQuote);
  const innerEnd = Math.max(offset, value.start + value.raw.length - (closes ? 1 : 0));
  const replaceFrom = (start: number, literal?: '"' | "'") => ({ start: innerStart + start, end: offset + wordEnd(text.slice(offset, innerEnd), literal) });
  switch (slot.kind) {
    case 'label':
      return [...labelDrafts(stats, slot, nounFor, space, replaceFrom(slot.start)), ...(slot.inHas ? [] : functionDrafts(site, space, replaceFrom(slot.start)))];
    case 'operator':
      return OPERATORS.map(([op, doc]) => ({ label: op, kind: 'operator', detail: doc, insertText: `${op} `, retrigger: true, replace: { start: offset, end: offset } }));
    case 'value':
      return valueDrafts(stats, slot, nounFor, literalQuote, replaceFrom(slot.start, slot.literal));
    case 'logical':
      return [
        { label: '&&', kind: 'operator', detail: 'and: both sides must match', insertText: '&& ', retrigger: true, replace: { start: offset, end: offset } },
        { label: '||', kind: 'operator', detail: 'or: either side may match', insertText: '|| ', retrigger: true, replace: { start: offset, end: offset } },
      ];
  }
}

function labelDrafts(stats: LabelStats, slot: Extract<SelectorSlot, { kind: 'label' }>, noun: string, space: string, replace: { start: number; end: number }): CandidateDraft[] {
  return stats.keys.map((k) => ({
    label: k.key,
    kind: 'label-key',
    detail: `on ${plural(k.count, noun)} · ${plural(k.values.length, 'value')}`,
    insertText: (slot.start === 0 ? space : '') + k.key + (slot.inHas ? '' : ' '),
    ...(!slot.inHas && { retrigger: true }),
    replace,
  }));
}

function functionDrafts(site: CalicoSite, space: string, replace: { start: number; end: number }): CandidateDraft[] {
  const drafts: CandidateDraft[] = [
    { label: 'has()', kind: 'function', detail: 'the label is set, to any value', insertText: `${space}has(\${1})$0`, snippet: true, retrigger: true, replace },
    { label: 'all()', kind: 'function', detail: 'everything in scope', insertText: `${space}all()`, replace },
  ];
  if (site.scope === 'namespaces' && site.field === 'namespaceSelector') {
    drafts.push({ label: 'global()', kind: 'function', detail: 'non-namespaced resources (global network sets, host endpoints)', insertText: `${space}global()`, replace });
  }
  return drafts;
}

function valueDrafts(stats: LabelStats, slot: Extract<SelectorSlot, { kind: 'value' }>, noun: string, quote: string, replace: { start: number; end: number }): CandidateDraft[] {
  const values = stats.byKey.get(slot.label)?.values ?? [];
  return values.map((v) => ({
    label: v.value,
    kind: 'label-value',
    detail: `matches ${plural(v.count, noun)}`,
    insertText: slot.literal ? v.value : `${quote}${v.value}${quote}`,
    ...(!slot.literal && { filterText: `${quote}${v.value}` }),
    replace,
  }));
}

/** The labels a selector at the cursor can see, by its role and the policy's scope. */
function scopeStats(site: CalicoSite, offset: number, universe: Universe): LabelStats {
  if (site.scope === 'namespaces') return calicoNamespaceLabelStats(universe);
  const placed = site.policy ? selectorAt([site.policy], offset) : undefined;
  const entityNamespaces = site.scope === 'entity-pods' ? placed?.rule?.[placed.entity ?? 'source']?.namespaceSelector : undefined;
  const namespaceSelector = entityNamespaces ?? (site.global ? site.policy?.spec.namespaceSelector : undefined);
  if (namespaceSelector) return buildLabelStats(classesIn(universe, namespacesMatching(namespaceSelector, universe)));
  if (site.global) return universe.allPodLabels;
  return universe.podLabels.get(site.namespace) ?? buildLabelStats([]);
}

function namespacesMatching(selector: CalicoSelector, universe: Universe): string[] {
  const all = [...universe.namespaces.keys()];
  if (!selector.parse.ok) return all;
  const ast = selector.parse.ast;
  return [...universe.namespaces.values()].filter((ns) => evaluateSelector(ast, calicoNamespaceLabels(ns))).map((ns) => ns.name);
}
