/**
 * Named ports for `ports[].port`: the container port names of the pods the rule's
 * ports apply to. An ingress port names a port of the policy's own pods (the
 * destination); an egress port names a port of the pods the rule's `to` reaches.
 */
import type { NetworkPolicy, PolicyRule } from '../../model/types';
import { compileSelector, fromRequirements, selectorMatches, type CompiledSelector } from '../selectors';
import { classesIn, namespaceLabelsOf, type PodClass, type Universe } from '../navigate/universe';
import { plural, yamlString, type CandidateDraft } from './candidate';
import type { CursorPlace } from './yaml-cursor';

interface PortName {
  readonly name: string;
  readonly protocols: Set<string>;
  readonly numbers: Set<number>;
  workloads: number;
}

export function namedPortDrafts(place: CursorPlace, direction: string | undefined, policy: NetworkPolicy | undefined, namespace: string, offset: number, universe: Universe): CandidateDraft[] {
  const classes = direction === 'egress' ? egressTargets(policy, namespace, offset, universe) : ingressTargets(policy, namespace, universe);
  const names = new Map<string, PortName>();
  for (const cls of classes) {
    for (const port of cls.ports) {
      if (port.name === undefined) continue;
      let entry = names.get(port.name);
      if (!entry) names.set(port.name, (entry = { name: port.name, protocols: new Set(), numbers: new Set(), workloads: 0 }));
      entry.protocols.add(port.protocol);
      entry.numbers.add(port.port);
    }
    for (const name of new Set(cls.ports.map((p) => p.name).filter((n): n is string => n !== undefined))) names.get(name)!.workloads += cls.weight;
  }
  const sorted = [...names.values()].sort((a, b) => b.workloads - a.workloads || (a.name < b.name ? -1 : 1));
  const whose = direction === 'egress' ? 'destination' : 'selected';
  return sorted.map((p) => ({
    label: p.name,
    kind: 'port',
    detail: `${[...p.protocols].sort().join('/')} ${[...p.numbers].sort((a, b) => a - b).join(', ')} on ${plural(p.workloads, `${whose} workload`)}`,
    insertText: (place.value?.needsSpace ? ' ' : '') + (place.quote ? p.name : yamlString(p.name)),
  }));
}

/** Ingress ports are ports of the policy's own pods. */
function ingressTargets(policy: NetworkPolicy | undefined, namespace: string, universe: Universe): PodClass[] {
  const selector = policy?.spec.podSelector ? compileSelector(policy.spec.podSelector) : undefined;
  const compiled = selector && selector.problems.length === 0 ? selector.selector : fromRequirements([]);
  return classesIn(universe, [namespace]).filter((c) => selectorMatches(compiled, c.labels));
}

/** Egress ports are ports of the rule's destinations: its pod peers, or every pod without `to`. */
function egressTargets(policy: NetworkPolicy | undefined, namespace: string, offset: number, universe: Universe): PodClass[] {
  const rule = policy?.spec.egress?.items.find((r) => r.span.start <= offset && offset <= r.span.end);
  const peers = rule?.peers?.items ?? [];
  if (!rule || peers.length === 0) return classesIn(universe, universe.namespaces.keys());
  return classesIn(universe, universe.namespaces.keys()).filter((c) => peers.some((peer) => peerMatches(peer, c, namespace, universe)));
}

function peerMatches(peer: NonNullable<PolicyRule['peers']>['items'][number], cls: PodClass, namespace: string, universe: Universe): boolean {
  if (peer.ipBlock && !peer.podSelector && !peer.namespaceSelector) return false;
  const ns = peer.namespaceSelector ? compiled(peer.namespaceSelector) : undefined;
  if (ns ? !selectorMatches(ns, namespaceLabelsOf(universe, cls.namespace)) : cls.namespace !== namespace) return false;
  return !peer.podSelector || selectorMatches(compiled(peer.podSelector), cls.labels);
}

/** A selector the API server would reject is read leniently here: completion should still help. */
function compiled(selector: Parameters<typeof compileSelector>[0]): CompiledSelector {
  return compileSelector(selector).selector;
}
