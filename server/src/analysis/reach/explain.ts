/**
 * Why-traces: for one ordered pair, which policies isolate each end and which
 * rules (peer and ports, with their source ranges) allow what. Computed on demand
 * from the compiled policies, so traces cost nothing until someone asks.
 */
import { evaluateSelector } from '../../calico/selector/evaluate';
import { orderedSideTrace, type OrderedOutcome } from './calico-explain';
import type { CalicoAction } from './calico-types';
import { ALL_CONNECTIONS, formatConnections, isNoConnections, NO_CONNECTIONS, unionConnections, type ConnectionSet } from './connection-set';
import { describePeer, describeRulePeers } from './describe-peer';
import type { ReachMatrix } from './matrix';
import { nearMiss } from './near-miss';
import type { ReachModel } from './reach-model';
import type { ExternalNode, ReachNode, WorkloadNode } from './reach-engine';
import { ruleConnectionSet } from './rule-connections';
import type { CompiledPolicy, CompiledRule, PolicyProblem, PolicyRef, SkippedPolicy, SourceRef } from './types';

export interface RuleContribution {
  readonly policy: PolicyRef;
  readonly direction: 'ingress' | 'egress';
  /** 0-based position in the policy's ingress or egress list. */
  readonly ruleIndex: number;
  readonly rule: SourceRef;
  /** The first peer that matches the other end; absent when the rule has no peers (all match). */
  readonly peer?: SourceRef;
  readonly peerText: string;
  /** What this rule allows towards this pair, in connlist text (`No Connections` when a named port is missing). */
  readonly connections: string;
  readonly connectionSet: ConnectionSet;
  /**
   * Set when Calico's ordered evaluation decided the side: what this rule did with
   * `connectionSet` (Kubernetes rules there are Allow). Absent in a plain union.
   */
  readonly action?: CalicoAction;
}

export type SideStatus = 'external' | 'not-isolated' | 'isolated';

export interface SideTrace {
  readonly direction: 'ingress' | 'egress';
  /** The node whose policies decide this side: the source for egress, the destination for ingress. */
  readonly subject: string;
  readonly status: SideStatus;
  readonly namespace?: string;
  readonly isolatedBy: readonly PolicyRef[];
  readonly allowedBy: readonly RuleContribution[];
  /** What this side allows for the pair, in connlist text. */
  readonly allowed: string;
  readonly allowedSet: ConnectionSet;
  /** Policies of the namespace left out because the API server would reject them. */
  readonly skipped: readonly { readonly policy: PolicyRef; readonly problems: readonly PolicyProblem[] }[];
  /**
   * Set when a Calico policy applies to the subject: `isolatedBy` then lists every
   * policy in evaluation order, `allowedBy` every rule that decided (any action),
   * and this says what met the end of each tier and what the profile allowed.
   */
  readonly ordered?: OrderedOutcome;
  /** When no rule matches the other end: a peer that would, but for one mistyped label (near-miss.ts). */
  readonly nearMiss?: string;
}

export interface PairTrace {
  readonly src: string;
  readonly dst: string;
  readonly allowed: string;
  readonly connections: ConnectionSet;
  readonly egress: SideTrace;
  readonly ingress: SideTrace;
}

export function explainPair(model: ReachModel, matrix: ReachMatrix, src: ReachNode, dst: ReachNode, connections: ConnectionSet): PairTrace {
  const egress = src.kind === 'workload' ? sideTrace(model, matrix, 'egress', src, dst) : externalSide('egress', src);
  const ingress = dst.kind === 'workload' ? sideTrace(model, matrix, 'ingress', dst, src) : externalSide('ingress', dst);
  return { src: src.id, dst: dst.id, allowed: src === dst ? 'No Connections' : formatConnections(connections), connections, egress, ingress };
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

/** True when a side lets nothing through for the pair. */
export function sideDenies(side: SideTrace): boolean {
  if (side.ordered) return isNoConnections(side.allowedSet);
  return side.status === 'isolated' && side.allowedBy.every((c) => isNoConnections(c.connectionSet));
}
