/**
 * Which workloads and namespaces of the Universe a policy's selectors pick, with
 * the same rules as the reachability engine: a podSelector looks in the
 * policy's namespace unless its peer has a namespaceSelector; a namespaceSelector
 * sees the automatic name label. Selectors the API server would reject are read
 * for their readable part, since navigation should still help while editing.
 */
import { CALICO_NAMESPACE_NAME_LABEL, classesIn, namespaceLabelsOf, type PodClass, type Universe } from './universe';
import type { PlacedSelector } from '../../dialects/calico/model/selectors';
import type { CalicoPolicy, CalicoSelector } from '../../dialects/calico/model/types';
import { evaluateSelector } from '../../dialects/calico/selector/evaluate';
import type { LabelSelector, NetworkPolicy, Peer } from '../../model/types';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import type { ReachNamespace, ReachWorkload } from '../../evaluate/types';
import { compileSelector, selectorMatches, type CompiledSelector } from '../../model/selectors';

export function policyNamespace(policy: NetworkPolicy | CalicoPolicy): string {
  return policy.metadata.namespace?.value || DEFAULT_NAMESPACE;
}

export function readableSelector(selector: LabelSelector | undefined): CompiledSelector | undefined {
  return selector ? compileSelector(selector).selector : undefined;
}

/** Pod classes a NetworkPolicy's podSelector picks (a missing podSelector reads as `{}`). */
export function selectedClasses(policy: NetworkPolicy, universe: Universe): PodClass[] {
  const selector = readableSelector(policy.spec.podSelector);
  return classesIn(universe, [policyNamespace(policy)]).filter((c) => !selector || selectorMatches(selector, c.labels));
}

/** Whether a pod peer admits pods of `cls` (ipBlock peers admit no pods). */
export function peerAdmits(policy: NetworkPolicy, peer: Peer, cls: { namespace: string; labels: ReadonlyMap<string, string> }, universe: Universe): boolean {
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  const namespaces = readableSelector(peer.namespaceSelector);
  if (namespaces ? !selectorMatches(namespaces, namespaceLabelsOf(universe, cls.namespace)) : cls.namespace !== policyNamespace(policy)) return false;
  const pods = readableSelector(peer.podSelector);
  return !pods || selectorMatches(pods, cls.labels);
}

export function peerClasses(policy: NetworkPolicy, peer: Peer, universe: Universe): PodClass[] {
  return classesIn(universe, universe.namespaces.keys()).filter((c) => peerAdmits(policy, peer, c, universe));
}

export function namespacesPicked(selector: LabelSelector | undefined, universe: Universe): ReachNamespace[] {
  const compiled = readableSelector(selector);
  return [...universe.namespaces.values()].filter((ns) => !compiled || selectorMatches(compiled, ns.labels));
}

/** Labels Calico sees on a namespace: its own, the Kubernetes name label and Calico's name label. */
function calicoNamespaceLabels(ns: ReachNamespace): ReadonlyMap<string, string> {
  return new Map([...ns.labels.labels, [CALICO_NAMESPACE_NAME_LABEL, ns.name]]);
}

export function calicoNamespacesPicked(selector: CalicoSelector | undefined, universe: Universe): ReachNamespace[] {
  const all = [...universe.namespaces.values()];
  if (!selector || !selector.parse.ok) return all;
  const ast = selector.parse.ast;
  return all.filter((ns) => evaluateSelector(ast, calicoNamespaceLabels(ns)));
}

/** The namespaces whose endpoints a Calico selector looks at, by where it sits. */
export function calicoScope(policy: CalicoPolicy, placed: PlacedSelector, universe: Universe): string[] {
  const entityNamespaces = placed.entity ? placed.rule?.[placed.entity]?.namespaceSelector : undefined;
  const global = policy.kind === 'GlobalNetworkPolicy';
  const chosen = entityNamespaces ?? (global ? policy.spec.namespaceSelector : undefined);
  if (chosen) return calicoNamespacesPicked(chosen, universe).map((ns) => ns.name);
  return global ? [...universe.namespaces.keys()] : [policyNamespace(policy)];
}

/** Workloads a Calico endpoint selector (selector or notSelector) picks. */
export function calicoWorkloads(policy: CalicoPolicy, placed: PlacedSelector, universe: Universe): ReachWorkload[] {
  const parse = placed.selector.parse;
  if (!parse.ok) return [];
  const negate = placed.selector.role === 'entity-not-selector';
  const classes = classesIn(universe, calicoScope(policy, placed, universe));
  return classes.filter((c) => evaluateSelector(parse.ast, c.labels) !== negate).flatMap((c) => c.workloads);
}
