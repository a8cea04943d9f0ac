/**
 * What one policy does in the workspace, for its code lens: the workloads it
 * selects, and how many flows its own rules allow. A flow is an ordered pair of
 * nodes of the reachability engine (workloads, and the external address ranges it
 * splits the internet into) that a rule of this policy lets through on the
 * policy's side: (peer -> selected pod) for ingress, (selected pod -> peer) for
 * egress, a pod and itself excluded. The other end's own policies may still deny
 * some of them; the reachability panel shows what really flows.
 *
 * Counted with one bit array per rule, never pair by pair, so a policy that
 * selects every pod of a large namespace still costs a few passes over the nodes.
 */
import { ALL_CONNECTIONS, isNoConnections, NO_CONNECTIONS, unionConnections, type ConnectionSet } from '../../../ir/connection-set';
import { rangeContains } from '../../../ir/ip-range';
import type { ReachEngine, ReachNode, WorkloadNode } from '../../../evaluate/reach-engine';
import { portConnections } from '../reach/compile-parts';
import type { PolicyRef, SkippedPolicy } from '../../../evaluate/types';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from '../reach/compiled-types';
import { compiledOf } from '../reach/lower-policy';
import { selectorMatches } from '../../../model/selectors';
import { namespaceLabelsOf, type Universe } from '../../../analysis/navigate/universe';
import { rejectedSelects, workloadCount, type LensHooks } from '../../../analysis/navigate/lens-hooks';
import type { NetworkPolicy } from '../../../model/types';

export type PolicyLensInfo =
  | {
      readonly kind: 'compiled';
      readonly ref: PolicyRef;
      readonly selected: readonly WorkloadNode[];
      readonly flows: number;
      readonly peers: readonly WorkloadNode[];
      /** The directions the policy's rules govern. */
      readonly directions: readonly ('ingress' | 'egress')[];
      /** True when some allowed flow has an address range outside the cluster at its other end. */
      readonly external: boolean;
    }
  | { readonly kind: 'skipped'; readonly ref: PolicyRef; readonly selected: readonly WorkloadNode[]; readonly problems: readonly string[] };

/** The engine's view of the policy whose object starts at `start` in `uri`. */
export function policyLensInfo(engine: ReachEngine, universe: Universe, uri: string, start: number): PolicyLensInfo | undefined {
  const at = (ref: PolicyRef): boolean => ref.source.uri === uri && ref.source.span.start === start;
  const lowered = engine.policies.find((p) => at(p.ref));
  const compiled = lowered && compiledOf(lowered);
  if (lowered && compiled) return compiledInfo(engine, universe, lowered.ref, compiled);
  const skipped: SkippedPolicy | undefined = engine.skippedPolicies.find((s) => at(s.ref));
  if (!skipped) return undefined;
  const selected = skipped.subject ? engine.selectedNodes(skipped.subject) : [];
  return { kind: 'skipped', ref: skipped.ref, selected, problems: skipped.problems.map((p) => p.message) };
}

function selectedNodes(engine: ReachEngine, namespace: string, selector: CompiledPolicy['podSelector']): WorkloadNode[] {
  return engine.nodes.filter((n): n is WorkloadNode => n.kind === 'workload' && n.namespace === namespace && selectorMatches(selector, n.workload.labels));
}

function compiledInfo(engine: ReachEngine, universe: Universe, ref: PolicyRef, policy: CompiledPolicy): PolicyLensInfo {
  const nodes = engine.nodes;
  const index = new Map(nodes.map((n, i) => [n, i] as const));
  const selected = selectedNodes(engine, policy.ref.namespace, policy.podSelector);
  const selectedIndices = selected.map((n) => index.get(n)!);
  const reached = new Uint8Array(nodes.length);
  let flows = 0;
  if (policy.ingress) flows += ingressFlows(policy, policy.ingress, nodes, selectedIndices, universe, reached);
  if (policy.egress) flows += egressFlows(policy, policy.egress, nodes, selectedIndices, universe, reached);
  const peers = nodes.filter((n, i): n is WorkloadNode => reached[i] === 1 && n.kind === 'workload');
  const external = nodes.some((n, i) => reached[i] === 1 && n.kind !== 'workload');
  const directions = (['ingress', 'egress'] as const).filter((d) => policy[d] !== undefined);
  return { kind: 'compiled', ref, selected, flows, peers, directions, external };
}

/** Sources that reach each selected pod: the rules whose ports are open on that pod. */
function ingressFlows(policy: CompiledPolicy, rules: readonly CompiledRule[], nodes: readonly ReachNode[], selected: readonly number[], universe: Universe, reached: Uint8Array): number {
  const admitted = rules.map((rule) => admittedBy(policy, rule, nodes, universe));
  const groups = new Map<string, { union: Uint8Array; members: number[] }>();
  let flows = 0;
  for (const s of selected) {
    const open = rules.map((rule) => !isNoConnections(connectionsTo(rule, nodes[s]!)));
    const signature = open.map((o) => (o ? '1' : '0')).join('');
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { union: unionOf(admitted.filter((_, i) => open[i]), nodes.length), members: [] }));
    group.members.push(s);
    flows += count(group.union) - group.union[s]!;
  }
  for (const { union, members } of groups.values()) mark(reached, union, members);
  return flows;
}

/** Destinations the selected pods reach: the same for every selected pod, itself excluded. */
function egressFlows(policy: CompiledPolicy, rules: readonly CompiledRule[], nodes: readonly ReachNode[], selected: readonly number[], universe: Universe, reached: Uint8Array): number {
  const union = new Uint8Array(nodes.length);
  for (const rule of rules) {
    const admitted = admittedBy(policy, rule, nodes, universe);
    admitted.forEach((v, i) => {
      if (v && !union[i] && !isNoConnections(connectionsTo(rule, nodes[i]!))) union[i] = 1;
    });
  }
  const total = count(union);
  let flows = 0;
  for (const s of selected) flows += total - union[s]!;
  mark(reached, union, selected);
  return flows;
}

/** The nodes a rule's peers match (all nodes when the rule has no peers). */
function admittedBy(policy: CompiledPolicy, rule: CompiledRule, nodes: readonly ReachNode[], universe: Universe): Uint8Array {
  const admitted = new Uint8Array(nodes.length);
  nodes.forEach((node, i) => {
    if (rule.peers === null || rule.peers.some((peer) => peerMatches(policy, peer, node, universe))) admitted[i] = 1;
  });
  return admitted;
}

function peerMatches(policy: CompiledPolicy, peer: CompiledPeer, node: ReachNode, universe: Universe): boolean {
  if (node.kind === 'external') return peer.kind === 'ipBlock' && rangeContains(peer.cidr, node.range) && !peer.except.some((e) => rangeContains(e, node.range));
  if (peer.kind === 'ipBlock') return false;
  if (peer.namespaceSelector ? !selectorMatches(peer.namespaceSelector, namespaceLabelsOf(universe, node.namespace)) : node.namespace !== policy.ref.namespace) return false;
  return !peer.podSelector || selectorMatches(peer.podSelector, node.workload.labels);
}

/** What a rule allows towards a destination: named ports resolve against the destination's container ports. */
function connectionsTo(rule: CompiledRule, destination: ReachNode): ConnectionSet {
  if (rule.uniform) return rule.uniform;
  if (rule.ports === null) return ALL_CONNECTIONS;
  const ports = destination.kind === 'workload' ? destination.workload.ports : [];
  return rule.ports.reduce((set, port) => unionConnections(set, portConnections(port, ports)), NO_CONNECTIONS);
}

function unionOf(sets: readonly Uint8Array[], length: number): Uint8Array {
  const union = new Uint8Array(length);
  for (const set of sets) set.forEach((v, i) => v && (union[i] = 1));
  return union;
}

/** Peers for the lens's references: the nodes at the other end of some flow of `members`. */
function mark(reached: Uint8Array, set: Uint8Array, members: readonly number[]): void {
  const only = members.length === 1 ? members[0] : undefined;
  set.forEach((v, i) => v && i !== only && (reached[i] = 1));
}

function count(set: Uint8Array): number {
  let n = 0;
  for (const v of set) n += v;
  return n;
}

/** The code lenses of a NetworkPolicy, counted by the reachability engine. */
export const kubernetesLenses: LensHooks<NetworkPolicy> = {
  kinds: ['selects', 'flows'],
  showReachability: true,
  resolve({ policy, uri, lens, engine, universe }) {
    const info = policyLensInfo(engine, universe, uri, policy.ref.node.span.start);
    if (!info) return { title: lens === 'selects' ? 'selects no workload' : 'allows no traffic', workloads: [] };
    const workloads = (nodes: readonly WorkloadNode[]) => nodes.map((n) => n.workload);
    if (lens === 'selects') return { title: info.kind === 'skipped' ? rejectedSelects(info.selected.length) : `selects ${workloadCount(info.selected.length)}`, workloads: workloads(info.selected) };
    if (info.kind === 'skipped') return { title: 'ignored: the API server would reject it', workloads: [] };
    return { title: rulesTitle(info), workloads: workloads(info.peers) };
  },
};

/** `allows traffic from 2 workloads`, `... to no workload and outside the cluster`, `... with 3 workloads` (both directions). */
function rulesTitle(info: Extract<PolicyLensInfo, { kind: 'compiled' }>): string {
  const [only, other] = info.directions;
  const word = other ? 'with' : only === 'egress' ? 'to' : 'from';
  return `allows traffic ${word} ${workloadCount(info.peers.length)}${info.external ? ' and outside the cluster' : ''}`;
}
