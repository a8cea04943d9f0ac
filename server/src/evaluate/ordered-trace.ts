/**
 * Why-traces for a pod that a policy other than an additive one applies to: the
 * policies in evaluation order, each rule that decided part of the pair's
 * connections (with its action), what met the end of each tier, and what was
 * passed beyond the last. It walks the very steps the matrix walked
 * (ordered-evaluation.ts).
 */
import { formatConnections, type ConnectionSet } from '../ir/connection-set';
import type { Enforcer, PolicyRef } from '../ir/policy-ir';
import type { OrderedOutcome, RuleContribution, SideTrace, TierEnd } from './trace-types';
import type { ReachMatrix } from './matrix';
import { evaluatePair, type Decision, type Direction, type StepTier } from './ordered-evaluation';
import type { ReachModel } from './reach-model';
import type { ReachNode, WorkloadNode } from './reach-nodes';

type SideBase = Pick<SideTrace, 'direction' | 'subject' | 'namespace' | 'skipped'>;

/** Who traces say runs an ordered evaluation when no policy names it. */
const ANY_ENFORCER: Enforcer = { name: 'The network plugin', afterLastTier: 'the default allows' };

export function orderedSideTrace(model: ReachModel, matrix: ReachMatrix, base: SideBase, subject: WorkloadNode, other: ReachNode, steps: readonly StepTier[]): SideTrace {
  const direction = base.direction;
  const evaluation = evaluatePair(matrix, direction, subject.cell, steps, other.cell);
  const set = (id: number): ConnectionSet => matrix.table.get(id);
  const allowedBy = evaluation.decisions.map((d) => contribution(model, direction, other, d, set(d.decided)));
  const tierEnds: TierEnd[] = evaluation.tiers.map((t) => ({ tier: t.name, action: t.endAction, connections: formatConnections(set(t.unmatched)), connectionSet: set(t.unmatched) }));
  const enforcer = steps.flatMap((t) => t.policies).find((p) => !p.additive)?.enforcer ?? ANY_ENFORCER;
  const ordered: OrderedOutcome = { enforcer, tierEnds, profile: formatConnections(set(evaluation.profile)), profileSet: set(evaluation.profile) };
  const allowedSet = set(evaluation.allowed);
  return { ...base, status: 'isolated', isolatedBy: policiesIn(steps), allowedBy, allowed: formatConnections(allowedSet), allowedSet, ordered };
}

/** Every policy that takes part, in evaluation order, once each. */
function policiesIn(steps: readonly StepTier[]): PolicyRef[] {
  const refs: PolicyRef[] = [];
  for (const tier of steps) for (const policy of tier.policies) if (!refs.includes(policy.ref)) refs.push(policy.ref);
  return refs;
}

function contribution(model: ReachModel, direction: Direction, other: ReachNode, decision: Decision, connectionSet: ConnectionSet): RuleContribution {
  const { step } = decision;
  const rule = step.rule;
  const base = { policy: step.policy.ref, direction, ruleIndex: rule.index, rule: rule.source, action: step.action, connections: formatConnections(connectionSet), connectionSet };
  if (rule.phrase !== undefined) return { ...base, peerText: rule.phrase };
  const peer = rule.peers === null ? undefined : rule.peers.find((p) => model.matchesNode(p.match, other.cell));
  return { ...base, ...(peer?.source && { peer: peer.source }), peerText: `${step.action} ${peer ? peer.text : rule.anyPeerText}` };
}
