/**
 * Why-traces for a pod that a policy other than an additive one applies to: the
 * policies in evaluation order, each rule that decided part of the pair's
 * connections (with its action), what met the end of each tier, and what was
 * passed beyond the last. It walks the very steps the matrix walked
 * (ordered-evaluation.ts).
 */
import { formatConnections, type ConnectionSet } from '../ir/connection-set';
import { NONE } from '../ir/connection-table';
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
  const ambiguity = ambiguityOf(matrix, direction, subject, other, steps);
  const ordered: OrderedOutcome = { enforcer, tierEnds, profile: formatConnections(set(evaluation.profile)), profileSet: set(evaluation.profile), ...(ambiguity && { ambiguity }) };
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

/**
 * Policies of one tier with the same order, where the tier leaves their order to the
 * implementation, whose rules both match this pair: the answer depends on which runs
 * first. The trace says so, and which order it took (by name).
 */
function ambiguityOf(matrix: ReachMatrix, direction: Direction, subject: WorkloadNode, other: ReachNode, steps: readonly StepTier[]): string | undefined {
  for (const tier of steps) {
    if (tier.equalOrders !== 'unspecified') continue;
    const matching = new Map<number, PolicyRef[]>();
    for (const step of tier.steps) {
      const order = step.policy.order;
      if (order === undefined || !step.nodes.includes(other.cell)) continue;
      const destination = direction === 'ingress' || step.rule.uniform ? subject.cell : other.cell;
      if (matrix.connectionOf(step.rule, destination) === NONE) continue;
      const refs = matching.get(order) ?? [];
      if (!refs.includes(step.policy.ref)) refs.push(step.policy.ref);
      matching.set(order, refs);
    }
    for (const [order, refs] of matching) {
      if (refs.length < 2) continue;
      const names = refs.map((r) => r.id);
      return `${names.join(' and ')} have the same order (${order}) in tier ${tier.name} and both match this traffic: the implementation may apply either first. This answer applies them by name (${names.join(', then ')}).`;
    }
  }
  return undefined;
}
