/**
 * Values for `ports[].port`: the container ports of the pods the rule's ports apply
 * to, by name and then by number. An ingress port is a port of the policy's own pods
 * (the destination); an egress port is a port of the pods the rule's `to` reaches.
 * A number is offered only while the cursor's value could still become one (a quoted
 * value is a name).
 */
import type { NetworkPolicy, PolicyRule } from '../../../model/types';
import { compileSelector, fromRequirements, selectorMatches, type CompiledSelector } from '../../../model/selectors';
import { classesIn, namespaceLabelsOf, type PodClass, type Universe } from '../../../analysis/navigate/universe';
import { plural, yamlString, type CandidateDraft } from '../../../analysis/complete/candidate';
import type { CursorPlace } from '../../../analysis/complete/yaml-cursor';

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
  const space = place.value?.needsSpace ? ' ' : '';
  const byName: CandidateDraft[] = sorted.map((p) => ({
    label: p.name,
    kind: 'port',
    detail: `${[...p.protocols].sort().join('/')} ${[...p.numbers].sort((a, b) => a - b).join(', ')} on ${plural(p.workloads, `${whose} workload`)}`,
    insertText: space + (place.quote ? p.name : yamlString(p.name)),
  }));
  return place.quote ? byName : [...byName, ...portNumberDrafts(classes, whose, space)];
}

/** `80`: TCP 80 (http) on 2 selected workloads. */
function portNumberDrafts(classes: readonly PodClass[], whose: string, space: string): CandidateDraft[] {
  const numbers = new Map<number, { protocols: Set<string>; names: Set<string>; workloads: number }>();
  for (const cls of classes) {
    for (const port of cls.ports) {
      let entry = numbers.get(port.port);
      if (!entry) numbers.set(port.port, (entry = { protocols: new Set(), names: new Set(), workloads: 0 }));
      entry.protocols.add(port.protocol);
      if (port.name !== undefined) entry.names.add(port.name);
    }
    for (const number of new Set(cls.ports.map((p) => p.port))) numbers.get(number)!.workloads += cls.weight;
  }
  const sorted = [...numbers].sort(([a, x], [b, y]) => y.workloads - x.workloads || a - b);
  return sorted.map(([number, p]) => {
    const names = p.names.size > 0 ? ` (${[...p.names].sort().join(', ')})` : '';
    return { label: String(number), kind: 'port', detail: `${[...p.protocols].sort().join('/')} ${number}${names} on ${plural(p.workloads, `${whose} workload`)}`, insertText: space + String(number) };
  });
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
