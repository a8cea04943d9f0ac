/**
 * Which workloads and namespaces of the Universe a NetworkPolicy's selectors pick,
 * with the same rules as the reachability engine: a podSelector looks in the
 * policy's namespace unless its peer has a namespaceSelector; a namespaceSelector
 * sees the automatic name label. Selectors the API server would reject are read
 * for their readable part, since navigation should still help while editing.
 */
import { classesIn, namespaceLabelsOf, type PodClass, type Universe } from '../../../analysis/navigate/universe';
import { policyNamespace } from '../../../analysis/navigate/nav-world';
import type { LabelSelector, NetworkPolicy, Peer } from '../../../model/types';
import type { ReachNamespace } from '../../../evaluate/types';
import { compileSelector, selectorMatches, type CompiledSelector } from '../../../model/selectors';

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
