/**
 * Which labels a Kubernetes label selector under the cursor can see, and what
 * its other requirements already narrow them to:
 *
 * - `spec.podSelector`: pods of the policy's namespace;
 * - a peer's `podSelector`: pods of the namespaces its sibling `namespaceSelector`
 *   picks, or of the policy's namespace when there is none;
 * - a `namespaceSelector`: namespaces, with their automatic name label.
 */
import type { LabelSelector, NetworkPolicy, Peer, Span } from '../../../model/types';
import { compileSelector, selectorMatches, type CompiledSelector } from '../../../model/selectors';
import { buildLabelStats, type LabelCarrier, type LabelStats } from '../../../analysis/navigate/label-stats';
import { classesIn, type PodClass, type Universe } from '../../../analysis/navigate/universe';
import type { PathStep } from '../../../analysis/complete/yaml-cursor';

export type SelectorRole = 'policy-pods' | 'peer-pods' | 'namespaces';

export interface SelectorScope {
  readonly role: SelectorRole;
  /** Pod classes (pods) or namespaces in scope, before the selector's own requirements. */
  readonly carriers: readonly LabelCarrier[];
  /** Statistics of `carriers` when no other requirement narrows them (precomputed). */
  readonly stats?: LabelStats;
  /** The selector as written in the model, when the document parses that far. */
  readonly selector?: LabelSelector;
}

/** The innermost podSelector / namespaceSelector step of the path and its scope. */
export function selectorScope(path: readonly PathStep[], policy: NetworkPolicy | undefined, namespace: string, universe: Universe): SelectorScope | undefined {
  const index = findLastIndex(path, (s) => 'key' in s && (s.key === 'podSelector' || s.key === 'namespaceSelector'));
  if (index < 0) return undefined;
  const step = path[index]!;
  const keyOffset = step.line.start + step.line.content;
  const found = policy ? selectorAtKey(policy, keyOffset) : undefined;
  const key = 'key' in step ? step.key : '';
  const inPeer = path.slice(0, index).some((s) => 'key' in s && (s.key === 'from' || s.key === 'to'));
  const selector = found?.selector;
  if (key === 'namespaceSelector') {
    const carriers = [...universe.namespaces.values()].map((ns) => ({ labels: ns.labels.labels, weight: 1 }));
    return { role: 'namespaces', carriers, stats: universe.namespaceLabels, ...(selector && { selector }) };
  }
  if (!inPeer) return podScope('policy-pods', [namespace], universe, selector);
  const namespaces = found?.peer?.namespaceSelector;
  if (!namespaces) return podScope('peer-pods', [namespace], universe, selector);
  const compiled = compileSelector(namespaces);
  const names = [...universe.namespaces.values()].filter((ns) => compiled.problems.length > 0 || selectorMatches(compiled.selector, ns.labels)).map((ns) => ns.name);
  return { ...podScope('peer-pods', names, universe, selector), ...(compiled.selector.matchesAll && { stats: universe.allPodLabels }) };
}

function podScope(role: SelectorRole, namespaces: readonly string[], universe: Universe, selector: LabelSelector | undefined): SelectorScope {
  const classes: PodClass[] = classesIn(universe, namespaces);
  const stats = namespaces.length === 1 ? universe.podLabels.get(namespaces[0]!) : undefined;
  return { role, carriers: classes, ...(stats && { stats }), ...(selector && { selector }) };
}

/**
 * Label statistics of the scope narrowed by the selector's other requirements:
 * everything written except what sits on the cursor's line and, for a value,
 * the requirement on the key being given a value.
 */
export function narrowedStats(scope: SelectorScope, cursorLine: Span, exceptKey?: string): LabelStats {
  const others = otherRequirements(scope.selector, cursorLine, exceptKey);
  if (!others || others.matchesAll) return scope.stats ?? buildLabelStats(scope.carriers);
  return buildLabelStats(scope.carriers.filter((c) => selectorMatches(others, c.labels)));
}

function otherRequirements(selector: LabelSelector | undefined, cursorLine: Span, exceptKey: string | undefined): CompiledSelector | undefined {
  if (!selector) return undefined;
  const away = (span: Span): boolean => span.end < cursorLine.start || span.start > cursorLine.end;
  const trimmed: LabelSelector = {
    ...selector,
    matchLabels: selector.matchLabels.filter((e) => away(e.key.span) && e.key.value !== exceptKey),
    matchExpressions: selector.matchExpressions.filter((r) => away(r.span) && r.key?.value !== exceptKey),
  };
  return compileSelector(trimmed).selector;
}

interface FoundSelector {
  readonly selector: LabelSelector;
  readonly peer?: Peer;
}

/** The selector of the policy whose key starts at `offset`. */
function selectorAtKey(policy: NetworkPolicy, offset: number): FoundSelector | undefined {
  const own = policy.spec.podSelector;
  if (own?.keySpan?.start === offset) return { selector: own };
  for (const rule of [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])]) {
    for (const peer of rule.peers?.items ?? []) {
      if (peer.podSelector?.keySpan?.start === offset) return { selector: peer.podSelector, peer };
      if (peer.namespaceSelector?.keySpan?.start === offset) return { selector: peer.namespaceSelector, peer };
      const nullSelector = peer.node.kind === 'map' && peer.node.items.some((p) => p.key.span.start === offset);
      if (nullSelector) return { selector: emptyAt(offset), peer };
    }
  }
  return undefined;
}

/** A selector key written with no value yet (`podSelector:`): no requirements, but the peer is known. */
function emptyAt(offset: number): LabelSelector {
  return { span: { start: offset, end: offset }, node: null, matchLabels: [], matchExpressions: [] };
}

function findLastIndex<T>(list: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i]!)) return i;
  return -1;
}
