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
 * Everything is asked of the engine on the lowered policy (its subject, each rule's
 * peers and connections), so the lens counts what reach and why evaluate.
 */
import { isNoConnections, type ConnectionSet } from '../../../ir/connection-set';
import type { Policy, PolicyRule } from '../../../ir/policy-ir';
import type { ReachEngine, ReachNode, WorkloadNode } from '../../../evaluate/reach-engine';
import type { PolicyRef, SkippedPolicy } from '../../../evaluate/types';
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
export function policyLensInfo(engine: ReachEngine, uri: string, start: number): PolicyLensInfo | undefined {
  const at = (ref: PolicyRef): boolean => ref.source.uri === uri && ref.source.span.start === start;
  const lowered = engine.policies.find((p) => at(p.ref));
  if (lowered) return loweredInfo(engine, lowered);
  const skipped: SkippedPolicy | undefined = engine.skippedPolicies.find((s) => at(s.ref));
  if (!skipped) return undefined;
  const selected = skipped.subject ? engine.selectedNodes(skipped.subject) : [];
  return { kind: 'skipped', ref: skipped.ref, selected, problems: skipped.problems.map((p) => p.message) };
}

function loweredInfo(engine: ReachEngine, policy: Policy): PolicyLensInfo {
  const nodes = engine.nodes;
  const index = new Map(nodes.map((n, i) => [n, i] as const));
  const selected = engine.selectedNodes(policy.subject);
  const selectedIndices = selected.map((n) => index.get(n)!);
  const reached = new Uint8Array(nodes.length);
  const allows = (rules: readonly PolicyRule[]): PolicyRule[] => rules.filter((rule) => rule.action === 'Allow');
  let flows = 0;
  if (policy.ingress) flows += ingressFlows(engine, allows(policy.ingress), index, selectedIndices, reached);
  if (policy.egress) flows += egressFlows(engine, allows(policy.egress), index, selectedIndices, reached);
  const peers = nodes.filter((n, i): n is WorkloadNode => reached[i] === 1 && n.kind === 'workload');
  const external = nodes.some((n, i) => reached[i] === 1 && n.kind !== 'workload');
  const directions = (['ingress', 'egress'] as const).filter((d) => policy[d] !== undefined);
  return { kind: 'compiled', ref: policy.ref, selected, flows, peers, directions, external };
}

type NodeIndex = ReadonlyMap<ReachNode, number>;

/** Sources that reach each selected pod: the rules whose ports are open on that pod. */
function ingressFlows(engine: ReachEngine, rules: readonly PolicyRule[], index: NodeIndex, selected: readonly number[], reached: Uint8Array): number {
  const nodes = engine.nodes;
  const admitted = rules.map((rule) => admittedBy(engine, rule, index));
  const groups = new Map<string, { union: Uint8Array; members: number[] }>();
  let flows = 0;
  for (const s of selected) {
    const open = rules.map((rule) => !isNoConnections(connectionsTo(engine, rule, nodes[s]!)));
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
function egressFlows(engine: ReachEngine, rules: readonly PolicyRule[], index: NodeIndex, selected: readonly number[], reached: Uint8Array): number {
  const nodes = engine.nodes;
  const union = new Uint8Array(nodes.length);
  for (const rule of rules) {
    admittedBy(engine, rule, index).forEach((v, i) => {
      if (v && !union[i] && !isNoConnections(connectionsTo(engine, rule, nodes[i]!))) union[i] = 1;
    });
  }
  const total = count(union);
  let flows = 0;
  for (const s of selected) flows += total - union[s]!;
  mark(reached, union, selected);
  return flows;
}

/** The nodes a rule's peers match, as the engine matches them (all nodes when the rule has no peers). */
function admittedBy(engine: ReachEngine, rule: PolicyRule, index: NodeIndex): Uint8Array {
  const admitted = new Uint8Array(index.size);
  for (const node of engine.ruleNodes(rule)) admitted[index.get(node)!] = 1;
  return admitted;
}

/** What a rule allows towards a destination: named ports resolve against the destination's container ports. */
function connectionsTo(engine: ReachEngine, rule: PolicyRule, destination: ReachNode): ConnectionSet {
  return rule.uniform ?? engine.ruleConnections(rule, destination);
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
  resolve({ policy, uri, lens, engine }) {
    const info = policyLensInfo(engine, uri, policy.ref.node.span.start);
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
