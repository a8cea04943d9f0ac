/**
 * Why-traces: for one ordered pair, which policies decide each end and which
 * rules (peer and ports, with their source ranges) allow what. Computed on demand
 * from the lowered policies, so traces cost nothing until someone asks.
 */
import { ALL_CONNECTIONS, formatConnections, NO_CONNECTIONS, unionConnections, type ConnectionSet } from '../ir/connection-set';
import type { Policy, PolicyRule } from '../ir/policy-ir';
import type { ReachMatrix } from './matrix';
import { addressAssumption } from './address-assumption';
import { hostNetworkAssumption } from './host-network-assumption';
import { nearMiss } from './near-miss';
import { orderedSideTrace } from './ordered-trace';
import type { ReachModel } from './reach-model';
import type { ExternalNode, ReachNode, WorkloadNode } from './reach-nodes';
import type { PairTrace, RuleContribution, SideTrace } from './trace-types';
import { selfPairOf } from './self-traffic';

/**
 * For a workload and itself the sides are still traced (hovers read which policies
 * isolate it): between two of its pods they decide; a bare Pod has no second pod.
 */
export function explainPair(model: ReachModel, matrix: ReachMatrix, src: ReachNode, dst: ReachNode, connections: ConnectionSet): PairTrace {
  const egress = src.kind === 'workload' ? sideTrace(model, matrix, 'egress', src, dst) : externalSide('egress', src);
  const ingress = dst.kind === 'workload' ? sideTrace(model, matrix, 'ingress', dst, src) : externalSide('ingress', dst);
  const self = src === dst && src.kind === 'workload' ? selfPairOf(src) : undefined;
  return { src: src.id, dst: dst.id, allowed: formatConnections(connections), connections, egress, ingress, ...(self && { self }) };
}

function externalSide(direction: 'ingress' | 'egress', node: ExternalNode): SideTrace {
  return { direction, subject: node.id, status: 'external', isolatedBy: [], allowedBy: [], allowed: 'All Connections', allowedSet: ALL_CONNECTIONS, skipped: [] };
}

/** `subject` is the pod whose policies apply; `other` is the peer at the far end. */
function sideTrace(model: ReachModel, matrix: ReachMatrix, direction: 'ingress' | 'egress', subject: WorkloadNode, other: ReachNode): SideTrace {
  const isolating = matrix.isolating(direction, subject.cell);
  const skipped = model.skipped.filter((s) => s.noteIn !== undefined && model.matchesNode(s.noteIn, subject.cell)).map((s) => ({ policy: s.ref, problems: s.problems }));
  const base = { direction, subject: subject.id, namespace: subject.namespace, skipped };
  const sentences = [hostNetworkAssumption(model, direction, subject, other), other.kind === 'workload' ? addressAssumption(isolating, direction, model) : undefined];
  const assumption = sentences
    .filter((s): s is string => s !== undefined)
    .map((s, i) => (i === 0 ? s : s[0]!.toUpperCase() + s.slice(1)))
    .join(' ');
  return { ...decidedSide(model, matrix, base, isolating, subject, other), ...(assumption !== '' && { assumption }) };
}

function decidedSide(model: ReachModel, matrix: ReachMatrix, base: Pick<SideTrace, 'direction' | 'subject' | 'namespace' | 'skipped'>, isolating: readonly Policy[], subject: WorkloadNode, other: ReachNode): SideTrace {
  const direction = base.direction;
  const steps = matrix.orderedSteps(direction, subject.cell);
  if (steps) return orderedSideTrace(model, matrix, base, subject, other, steps);
  if (isolating.length === 0) return { ...base, status: 'not-isolated', isolatedBy: [], allowedBy: [], allowed: 'All Connections', allowedSet: ALL_CONNECTIONS };
  const destination = direction === 'egress' ? other.cell : subject.cell;
  const allowedBy = isolating.flatMap((policy) => policy[direction]!.flatMap((rule) => contribution(model, matrix, policy, rule, other, destination)));
  const allowed = allowedBy.reduce((set, c) => unionConnections(set, c.connectionSet), NO_CONNECTIONS);
  const near = allowedBy.length === 0 && other.kind === 'workload' ? nearMiss(model, isolating, direction, other) : undefined;
  return { ...base, status: 'isolated', isolatedBy: isolating.map((p) => p.ref), allowedBy, allowed: formatConnections(allowed), allowedSet: allowed, ...(near && { nearMiss: near }) };
}

function contribution(model: ReachModel, matrix: ReachMatrix, policy: Policy, rule: PolicyRule, other: ReachNode, destination: number): RuleContribution[] {
  const peer = rule.peers === null ? undefined : rule.peers.find((p) => model.matchesNode(p.match, other.cell));
  if (rule.peers !== null && !peer) return [];
  const connectionSet = matrix.table.get(matrix.connectionOf(rule, destination));
  const result: RuleContribution = {
    policy: policy.ref,
    direction: rule.direction,
    ruleIndex: rule.index,
    rule: rule.source,
    ...(peer?.source && { peer: peer.source }),
    peerText: peer ? peer.text : rule.anyPeerText,
    connections: formatConnections(connectionSet),
    connectionSet,
  };
  return [result];
}
