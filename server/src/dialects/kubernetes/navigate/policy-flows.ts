/**
 * What one policy does in the workspace, for its code lens: the workloads it
 * selects, and how many flows its own rules allow. A flow is an ordered pair of
 * nodes of the reachability engine (workloads, and the external address ranges it
 * splits the internet into) that a rule of this policy lets through on the
 * policy's side: (peer -> selected pod) for ingress, (selected pod -> peer) for
 * egress, a pod and itself excluded. The other end's own policies may still deny
 * some of them; the reachability panel shows what really flows.
 *
 * Counted with one bit array of cells (pod classes and external ranges) per rule,
 * never pair by pair, so a policy that selects every pod of a large namespace costs
 * a few passes over the classes, plus one visit of each peer the lens lists.
 * Everything is asked of the engine on the lowered policy (its subject, each rule's
 * peers and connections), so the lens counts what reach and why evaluate.
 */
import { isNoConnections, type ConnectionSet } from '../../../ir/connection-set';
import type { Policy, PolicyRule } from '../../../ir/policy-ir';
import type { ReachEngine, WorkloadNode } from '../../../evaluate/reach-engine';
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
  const found = findPolicy(engine, uri, start);
  if (found?.kind === 'compiled') return loweredInfo(engine, found.policy);
  return found;
}

/** The policy at `start` in `uri` with the workloads it selects, its rules left uncounted (the `selects` lens). */
function policySelection(engine: ReachEngine, uri: string, start: number): { readonly skipped: boolean; readonly selected: readonly WorkloadNode[] } | undefined {
  const found = findPolicy(engine, uri, start);
  if (found?.kind === 'compiled') return { skipped: false, selected: engine.selectedNodes(found.policy.subject) };
  return found && { skipped: true, selected: found.selected };
}

function findPolicy(engine: ReachEngine, uri: string, start: number): { readonly kind: 'compiled'; readonly policy: Policy } | Extract<PolicyLensInfo, { kind: 'skipped' }> | undefined {
  const at = (ref: PolicyRef): boolean => ref.source.span.start === start && ref.source.uri === uri;
  const lowered = engine.policies.find((p) => at(p.ref));
  if (lowered) return { kind: 'compiled', policy: lowered };
  const skipped: SkippedPolicy | undefined = engine.skippedPolicies.find((s) => at(s.ref));
  if (!skipped) return undefined;
  const selected = skipped.subject ? engine.selectedNodes(skipped.subject) : [];
  return { kind: 'skipped', ref: skipped.ref, selected, problems: skipped.problems.map((p) => p.message) };
}

/**
 * Counted per cell (a pod class, or an external range): every workload of a class is
 * selected, admitted and reached alike, so a pass over the cells and the count of
 * nodes in each does what a pass over every node did. Only the peers, which the lens
 * lists, are visited one by one.
 */
function loweredInfo(engine: ReachEngine, policy: Policy): PolicyLensInfo {
  const selectedCells = engine.selectedCells(policy.subject);
  const reached = new Reached(engine);
  const allows = (rules: readonly PolicyRule[]): PolicyRule[] => rules.filter((rule) => rule.action === 'Allow');
  let flows = 0;
  if (policy.ingress) flows += ingressFlows(engine, allows(policy.ingress), selectedCells, reached);
  if (policy.egress) flows += egressFlows(engine, allows(policy.egress), selectedCells, reached);
  const nodes = engine.nodes;
  const positions = reached.positions();
  const peers = positions.map((i) => nodes[i]!).filter((n): n is WorkloadNode => n.kind === 'workload');
  const external = peers.length < positions.length;
  const directions = (['ingress', 'egress'] as const).filter((d) => policy[d] !== undefined);
  return { kind: 'compiled', ref: policy.ref, selected: engine.selectedNodes(policy.subject), flows, peers, directions, external };
}

/** Sources that reach each selected pod: the rules whose ports are open on that pod's class. */
function ingressFlows(engine: ReachEngine, rules: readonly PolicyRule[], selectedCells: readonly number[], reached: Reached): number {
  const admitted = rules.map((rule) => cellSet(engine, engine.ruleCells(rule)));
  const groups = new Map<string, { union: Uint8Array; size: number; members: number[] }>();
  let flows = 0;
  for (const cell of selectedCells) {
    const open = rules.map((rule) => !isNoConnections(connectionsTo(engine, rule, cell)));
    const signature = open.map((o) => (o ? '1' : '0')).join('');
    let group = groups.get(signature);
    if (!group) {
      const union = unionOf(admitted.filter((_, i) => open[i]), engine.cellCount);
      groups.set(signature, (group = { union, size: nodesIn(engine, union), members: [] }));
    }
    const members = engine.nodesOfCell(cell);
    group.members.push(...members);
    // Each member reaches the union but itself, which is in it exactly when its class is.
    flows += members.length * (group.size - group.union[cell]!);
  }
  for (const { union, members } of groups.values()) reached.mark(union, members);
  return flows;
}

/** Destinations the selected pods reach: the same for every selected pod, itself excluded. */
function egressFlows(engine: ReachEngine, rules: readonly PolicyRule[], selectedCells: readonly number[], reached: Reached): number {
  const union = new Uint8Array(engine.cellCount);
  for (const rule of rules) {
    for (const cell of engine.ruleCells(rule)) if (!union[cell] && !isNoConnections(connectionsTo(engine, rule, cell))) union[cell] = 1;
  }
  const total = nodesIn(engine, union);
  let flows = 0;
  const members: number[] = [];
  for (const cell of selectedCells) {
    const inCell = engine.nodesOfCell(cell);
    members.push(...inCell);
    flows += inCell.length * (total - union[cell]!);
  }
  reached.mark(union, members);
  return flows;
}

/** The nodes at the other end of some flow, visited one by one: the lens lists them. */
class Reached {
  private readonly seen: Uint8Array;
  private readonly list: number[] = [];

  constructor(private readonly engine: ReachEngine) {
    this.seen = new Uint8Array(engine.nodes.length);
  }

  /** The nodes of the cells in `union`, but the one member when `members` is a single pod (its traffic to itself is no flow). */
  mark(union: Uint8Array, members: readonly number[]): void {
    const only = members.length === 1 ? members[0] : undefined;
    union.forEach((v, cell) => {
      if (!v) return;
      for (const i of this.engine.nodesOfCell(cell)) {
        if (i === only || this.seen[i]) continue;
        this.seen[i] = 1;
        this.list.push(i);
      }
    });
  }

  /** Positions in the engine's nodes, ascending. */
  positions(): number[] {
    return this.list.sort((a, b) => a - b);
  }
}

function cellSet(engine: ReachEngine, cells: Iterable<number>): Uint8Array {
  const set = new Uint8Array(engine.cellCount);
  for (const cell of cells) set[cell] = 1;
  return set;
}

/** What a rule allows towards a destination: named ports resolve against the destination's container ports. */
function connectionsTo(engine: ReachEngine, rule: PolicyRule, destinationCell: number): ConnectionSet {
  return rule.uniform ?? engine.ruleConnections(rule, destinationCell);
}

function unionOf(sets: readonly Uint8Array[], length: number): Uint8Array {
  const union = new Uint8Array(length);
  for (const set of sets) set.forEach((v, i) => v && (union[i] = 1));
  return union;
}

/** How many nodes the cells of a set hold. */
function nodesIn(engine: ReachEngine, cells: Uint8Array): number {
  let n = 0;
  cells.forEach((v, cell) => v && (n += engine.nodesOfCell(cell).length));
  return n;
}

/** The code lenses of a NetworkPolicy, counted by the reachability engine. */
export const kubernetesLenses: LensHooks<NetworkPolicy> = {
  kinds: ['selects', 'flows'],
  showReachability: true,
  resolve({ policy, uri, lens, engine }) {
    const workloads = (nodes: readonly WorkloadNode[]) => nodes.map((n) => n.workload);
    if (lens === 'selects') {
      const found = policySelection(engine, uri, policy.ref.node.span.start);
      if (!found) return { title: 'selects no workload', workloads: [] };
      return { title: found.skipped ? rejectedSelects(found.selected.length) : `selects ${workloadCount(found.selected.length)}`, workloads: workloads(found.selected) };
    }
    const info = policyLensInfo(engine, uri, policy.ref.node.span.start);
    if (!info) return { title: 'allows no traffic', workloads: [] };
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
