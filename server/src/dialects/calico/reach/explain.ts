/**
 * Why-traces for a pod that a Calico policy applies to: the policies in
 * evaluation order, each rule that decided part of the pair's connections (with
 * its action), what met the end of each tier, and what reached the profile.
 * It walks the very steps the matrix walked (ordered-evaluation.ts).
 */
import { calicoRulePhrase } from './describe';
import { formatConnections, type ConnectionSet } from '../../../ir/connection-set';
import { describePeer, describeRulePeers } from '../../../evaluate/describe-peer';
import type { OrderedOutcome, RuleContribution, SideTrace, TierEnd } from '../../../evaluate/trace-types';
import type { ReachMatrix } from '../../../evaluate/matrix';
import { evaluatePair, isCalicoRule, type Decision, type Direction, type StepTier } from '../../../evaluate/ordered-evaluation';
import type { ReachModel } from '../../../evaluate/reach-model';
import type { ReachNode, WorkloadNode } from '../../../evaluate/reach-nodes';
import type { PolicyRef } from '../../../evaluate/types';

type SideBase = Pick<SideTrace, 'direction' | 'subject' | 'namespace' | 'skipped'>;

export function orderedSideTrace(model: ReachModel, matrix: ReachMatrix, base: SideBase, subject: WorkloadNode, other: ReachNode, steps: readonly StepTier[]): SideTrace {
  const direction = base.direction;
  const evaluation = evaluatePair(matrix, direction, subject.cell, steps, other.cell);
  const table = matrix.table;
  const set = (id: number): ConnectionSet => table.get(id);
  const allowedBy = evaluation.decisions.map((d) => contribution(model, direction, other, d, set(d.decided)));
  const tierEnds: TierEnd[] = evaluation.tiers.map((t) => ({ tier: t.name, action: t.defaultAction, connections: formatConnections(set(t.unmatched)), connectionSet: set(t.unmatched) }));
  const ordered: OrderedOutcome = { tierEnds, profile: formatConnections(set(evaluation.profile)), profileSet: set(evaluation.profile) };
  const allowedSet = set(evaluation.allowed);
  return { ...base, status: 'isolated', isolatedBy: policiesIn(steps), allowedBy, allowed: formatConnections(allowedSet), allowedSet, ordered };
}

/** Every policy that takes part, in evaluation order, once each. */
function policiesIn(steps: readonly StepTier[]): PolicyRef[] {
  const refs: PolicyRef[] = [];
  for (const tier of steps) for (const entry of tier.policies) if (!refs.includes(entry.policy.ref)) refs.push(entry.policy.ref);
  return refs;
}

function contribution(model: ReachModel, direction: Direction, other: ReachNode, decision: Decision, connectionSet: ConnectionSet): RuleContribution {
  const { step } = decision;
  const rule = step.rule;
  const base = { policy: step.entry.policy.ref, direction, ruleIndex: rule.index, rule: rule.source, action: step.action, connections: formatConnections(connectionSet), connectionSet };
  if (isCalicoRule(rule)) return { ...base, peerText: calicoRulePhrase(rule, direction) };
  if (step.entry.kind !== 'k8s') return { ...base, peerText: '' };
  const policy = step.entry.policy;
  const peer = rule.peers === null ? undefined : rule.peers.find((p) => model.peerMatches(policy, p, other.cell));
  const peerText = peer ? describePeer(policy, peer, direction) : describeRulePeers(direction);
  return { ...base, ...(peer && { peer: peer.source }), peerText: `Allow ${peerText}` };
}
