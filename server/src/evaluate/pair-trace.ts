/**
 * Why-traces: for one ordered pair, which policies isolate each end and which
 * rules (peer and ports, with their source ranges) allow what. Computed on demand
 * from the compiled policies, so traces cost nothing until someone asks.
 */
import { evaluateSelector } from '../dialects/calico/selector/evaluate';
import { orderedSideTrace } from '../dialects/calico/reach/explain';
import { ALL_CONNECTIONS, formatConnections, NO_CONNECTIONS, unionConnections, type ConnectionSet } from '../ir/connection-set';
import { describePeer, describeRulePeers } from './describe-peer';
import type { ReachMatrix } from './matrix';
import { nearMiss } from './near-miss';
import type { ReachModel } from './reach-model';
import type { ExternalNode, ReachNode, WorkloadNode } from './reach-nodes';
import type { PairTrace, RuleContribution, SideTrace } from './trace-types';
import { ruleConnectionSet } from './rule-connections';
import { selfPairOf } from './self-traffic';
import type { CompiledPolicy, CompiledRule, SkippedPolicy } from './types';

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
  const skipped = model.skipped.filter((s) => skippedApplies(model, s, subject)).map((s) => ({ policy: s.ref, problems: s.problems }));
  const base = { direction, subject: subject.id, namespace: subject.namespace, skipped };
  const steps = matrix.orderedSteps(direction, subject.cell);
  if (steps) return orderedSideTrace(model, matrix, base, subject, other, steps);
  if (isolating.length === 0) return { ...base, status: 'not-isolated', isolatedBy: [], allowedBy: [], allowed: 'All Connections', allowedSet: ALL_CONNECTIONS };
  const destination = direction === 'egress' ? other.cell : subject.cell;
  const allowedBy = isolating.flatMap((policy) => policy[direction]!.flatMap((rule) => contribution(model, policy, rule, other, destination)));
  const allowed = allowedBy.reduce((set, c) => unionConnections(set, c.connectionSet), NO_CONNECTIONS);
  const near = allowedBy.length === 0 && other.kind === 'workload' ? nearMiss(model, isolating, direction, other) : undefined;
  return { ...base, status: 'isolated', isolatedBy: isolating.map((p) => p.ref), allowedBy, allowed: formatConnections(allowed), allowedSet: allowed, ...(near && { nearMiss: near }) };
}

/** A policy left out as invalid, meant for this pod: Kubernetes ones by podSelector, Calico ones by selector. */
function skippedApplies(model: ReachModel, skipped: SkippedPolicy, subject: WorkloadNode): boolean {
  if (skipped.ref.calico) {
    if (skipped.ref.calico.kind === 'NetworkPolicy' && skipped.ref.namespace !== subject.namespace) return false;
    return !skipped.calicoSelector || evaluateSelector(skipped.calicoSelector, model.calico.podLabels(subject.cell).labels);
  }
  return skipped.ref.namespace === subject.namespace && (!skipped.podSelector || model.matches.matches(skipped.podSelector, subject.workload.labels));
}

function contribution(model: ReachModel, policy: CompiledPolicy, rule: CompiledRule, other: ReachNode, destination: number): RuleContribution[] {
  const peer = rule.peers === null ? undefined : rule.peers.find((p) => model.peerMatches(policy, p, other.cell));
  if (rule.peers !== null && !peer) return [];
  const connectionSet = ruleConnectionSet(model, rule, destination);
  const result: RuleContribution = {
    policy: policy.ref,
    direction: rule.direction,
    ruleIndex: rule.index,
    rule: rule.source,
    ...(peer && { peer: peer.source }),
    peerText: peer ? describePeer(policy, peer, rule.direction) : describeRulePeers(rule.direction),
    connections: formatConnections(connectionSet),
    connectionSet,
  };
  return [result];
}

