/**
 * Ordered evaluation for one pod class and direction, over every peer node at once
 * (for the matrix) or for one peer (for a why-trace); both walk the same steps, so
 * they cannot disagree.
 *
 * Per tier, rules run in policy order: the first rule that matches a connection
 * decides it (Allow, Deny; Pass sends it to the next tier; Log only records and
 * goes on). What no rule of a tier decided meets the tier's end: denied (or
 * passed on, for a tier whose end action is Pass). What is passed beyond the
 * last tier is allowed (a plugin may name what allows it, e.g. a namespace profile). Connections are sets, so one rule can decide TCP 80 while
 * the rest goes on to the next rule.
 */
import { ALL, NONE, type ConnectionTable, type ConnId } from '../ir/connection-table';
import type { Policy, PolicyRule, RuleAction } from '../ir/policy-ir';
import type { OrderedTier } from './evaluation-order';
import type { ReachModel } from './reach-model';

export type Direction = 'ingress' | 'egress';

/** What the evaluation asks the matrix (ReachMatrix): the nodes each rule matches, and what it allows towards one. */
export interface RuleMatches {
  readonly table: ConnectionTable;
  nodesOf(rule: PolicyRule): Int32Array;
  connectionOf(rule: PolicyRule, destination: number): ConnId;
}

export interface Step {
  readonly policy: Policy;
  readonly action: RuleAction;
  readonly rule: PolicyRule;
  /** The peer nodes the rule matches, ascending. */
  readonly nodes: Int32Array;
}

export interface StepTier {
  readonly name: string;
  readonly endAction: 'Deny' | 'Pass';
  readonly equalOrders: 'name' | 'unspecified';
  /** Every policy of the tier that applies, in order, rules or not: a policy without rules still makes the tier apply. */
  readonly policies: readonly Policy[];
  readonly steps: readonly Step[];
}

/** The rules that can decide for `owner`, tier by tier: a rule's own-side condition must hold for the owner pod. */
export function orderedSteps(model: ReachModel, matrix: RuleMatches, direction: Direction, owner: number, tiers: readonly OrderedTier[]): StepTier[] {
  return tiers.map((tier) => ({ ...tier, steps: tier.policies.flatMap((policy) => stepsOf(model, matrix, direction, owner, policy)) }));
}

function stepsOf(model: ReachModel, matrix: RuleMatches, direction: Direction, owner: number, policy: Policy): Step[] {
  const steps: Step[] = [];
  for (const rule of policy[direction] ?? []) {
    if (rule.unmodelled.length > 0) continue;
    if (rule.own && !model.matchesNode(rule.own, owner)) continue;
    steps.push({ policy, action: rule.action, rule, nodes: matrix.nodesOf(rule) });
  }
  return steps;
}

/**
 * A key that is equal for two owners exactly when their vectors are: the steps,
 * and, when a rule names a port, the owner's declared ports (ingress ports
 * resolve on the owner; nothing else about it matters once the steps are known).
 */
export function stepsKey(model: ReachModel, direction: Direction, tiers: readonly StepTier[], owner: number): string {
  const parts = tiers.map((tier) => `${tier.name}:${tier.endAction}:${tier.steps.map((s) => `${s.policy.uid}${s.rule.direction[0]}${s.rule.index}`).join(',')}`);
  const named = direction === 'ingress' && tiers.some((tier) => tier.steps.some((s) => !s.rule.uniform));
  return `o|${parts.join('|')}${named ? `#${model.portsKey(owner)}` : ''}`;
}

/** What the rule matches towards a peer node: ingress resolves ports on the owner, egress on the peer. */
function connectionTo(matrix: RuleMatches, direction: Direction, owner: number, step: Step, node: number): ConnId {
  return matrix.connectionOf(step.rule, direction === 'ingress' || step.rule.uniform ? owner : node);
}

/** The step's connection when it is the same for every peer node, else -1. */
function fixedConnection(matrix: RuleMatches, direction: Direction, owner: number, step: Step): ConnId {
  return direction === 'ingress' || step.rule.uniform ? matrix.connectionOf(step.rule, owner) : -1;
}

/** The allowed connections towards (egress) or from (ingress) every node, as interned ids. */
export function buildOrderedVector(model: ReachModel, matrix: RuleMatches, direction: Direction, owner: number, tiers: readonly StepTier[]): Int32Array {
  const table = matrix.table;
  const n = model.nodeCount;
  const allowed = new Int32Array(n);
  let remaining = new Int32Array(n).fill(ALL);
  for (const tier of tiers) {
    const passed = new Int32Array(n);
    for (const step of tier.steps) {
      if (step.action === 'Log') continue;
      const fixed = fixedConnection(matrix, direction, owner, step);
      if (fixed === NONE) continue;
      for (const node of step.nodes) {
        const left = remaining[node]!;
        if (left === NONE) continue;
        const decided = table.intersect(fixed >= 0 ? fixed : connectionTo(matrix, direction, owner, step, node), left);
        if (decided === NONE) continue;
        remaining[node] = table.subtract(left, decided);
        if (step.action === 'Allow') allowed[node] = table.union(allowed[node]!, decided);
        else if (step.action === 'Pass') passed[node] = table.union(passed[node]!, decided);
      }
    }
    if (tier.endAction === 'Pass') for (let i = 0; i < n; i++) passed[i] = table.union(passed[i]!, remaining[i]!);
    remaining = passed;
  }
  // Past the last tier: allowed.
  for (let i = 0; i < n; i++) allowed[i] = table.union(allowed[i]!, remaining[i]!);
  return allowed;
}

export interface Decision {
  readonly step: Step;
  /** What this rule decided (or, for Log, recorded) for the pair. */
  readonly decided: ConnId;
}

export interface TierOutcome {
  readonly name: string;
  readonly endAction: 'Deny' | 'Pass';
  /** What no rule of the tier decided: denied at its end (or passed on, with end action Pass). */
  readonly unmatched: ConnId;
}

export interface PairEvaluation {
  readonly decisions: readonly Decision[];
  readonly tiers: readonly TierOutcome[];
  /** What was passed beyond the last tier, and so allowed. */
  readonly profile: ConnId;
  readonly allowed: ConnId;
}

/** The same walk as buildOrderedVector, for one peer node, recording each rule that decided something. */
export function evaluatePair(matrix: RuleMatches, direction: Direction, owner: number, tiers: readonly StepTier[], node: number): PairEvaluation {
  const table = matrix.table;
  const decisions: Decision[] = [];
  const outcomes: TierOutcome[] = [];
  let allowed = NONE;
  let remaining = ALL;
  for (const tier of tiers) {
    let passed = NONE;
    for (const step of tier.steps) {
      if (remaining === NONE || !contains(step.nodes, node)) continue;
      const decided = table.intersect(connectionTo(matrix, direction, owner, step, node), remaining);
      if (decided === NONE) continue;
      decisions.push({ step, decided });
      if (step.action === 'Log') continue;
      remaining = table.subtract(remaining, decided);
      if (step.action === 'Allow') allowed = table.union(allowed, decided);
      else if (step.action === 'Pass') passed = table.union(passed, decided);
    }
    outcomes.push({ name: tier.name, endAction: tier.endAction, unmatched: remaining });
    remaining = tier.endAction === 'Pass' ? table.union(passed, remaining) : passed;
  }
  return { decisions, tiers: outcomes, profile: remaining, allowed: table.union(allowed, remaining) };
}

function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
