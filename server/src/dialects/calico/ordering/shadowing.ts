/**
 * Ordering traps, found over policy shapes so the same code serves one file and
 * the whole workspace:
 * - a Deny rule that never takes effect, because an Allow rule evaluated before
 *   it (earlier in its policy, or in a policy with a lower order) matches all of
 *   its traffic for all of its pods;
 * - two policies of equal order (or both without one) that can apply to the same
 *   pods with different actions, so that only their names decide which runs first.
 */
import { compareEvaluation, sameOrder, type EvaluationKey } from '../model/policy-order';
import { appliesToAllOf, mayShareEndpoints, ruleCovers } from './covers';
import type { Direction, PolicyShape, RuleShape } from './shapes';

export interface ShadowedDeny {
  readonly policy: PolicyShape;
  readonly rule: RuleShape;
  readonly by: PolicyShape;
  readonly byRule: RuleShape;
}

export interface OrderTie {
  /** The policy that runs first: its name sorts first. */
  readonly first: PolicyShape;
  readonly second: PolicyShape;
  readonly direction: Direction;
}

/** Whether `a` is surely evaluated before `b`: same tier, or both tiers with a known order. */
export function evaluatedBefore(a: EvaluationKey, b: EvaluationKey): boolean {
  const comparable = a.tier === b.tier || (a.tierOrder !== undefined && b.tierOrder !== undefined);
  return comparable && compareEvaluation(a, b) < 0;
}

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** The Deny rules of `targets` that an earlier Allow rule (in their own policy or in `all`) already decides. */
export function shadowedDenies(targets: readonly PolicyShape[], all: readonly PolicyShape[]): ShadowedDeny[] {
  const found: ShadowedDeny[] = [];
  for (const policy of targets) {
    for (const direction of DIRECTIONS) {
      if (!policy.types.includes(direction) || !policy.rules[direction].some((r) => r.action === 'Deny')) continue;
      const allows = (other: PolicyShape): boolean => other.rules[direction].some((r) => r.action === 'Allow');
      const earlier = all
        .filter((other) => other !== policy && other.types.includes(direction) && allows(other) && evaluatedBefore(other.key, policy.key) && appliesToAllOf(other, policy))
        .sort((a, b) => compareEvaluation(a.key, b.key));
      for (const rule of policy.rules[direction]) {
        if (rule.action !== 'Deny') continue;
        const shadow = ownShadow(policy, rule) ?? otherShadow(earlier, direction, rule);
        if (shadow) found.push({ policy, rule, ...shadow });
      }
    }
  }
  return found;
}

function ownShadow(policy: PolicyShape, rule: RuleShape): { by: PolicyShape; byRule: RuleShape } | undefined {
  const byRule = policy.rules[rule.direction].find((r) => r.index < rule.index && r.action === 'Allow' && ruleCovers(r, rule));
  return byRule && { by: policy, byRule };
}

function otherShadow(earlier: readonly PolicyShape[], direction: Direction, rule: RuleShape): { by: PolicyShape; byRule: RuleShape } | undefined {
  for (const by of earlier) {
    const byRule = by.rules[direction].find((r) => r.action === 'Allow' && ruleCovers(r, rule));
    if (byRule) return { by, byRule };
  }
  return undefined;
}

/** The actions that decide traffic, per direction (Log decides nothing). */
function decisiveActions(policy: PolicyShape, direction: Direction): Set<string> {
  return new Set(policy.rules[direction].map((r) => r.action).filter((a) => a === 'Allow' || a === 'Deny' || a === 'Pass'));
}

/** Pairs of a target and another policy of equal order whose relative order changes what happens. */
export function orderTies(targets: readonly PolicyShape[], all: readonly PolicyShape[]): OrderTie[] {
  const ties: OrderTie[] = [];
  for (const policy of targets) {
    for (const other of all) {
      if (other === policy || !sameOrder(policy.key, other.key) || !mayShareEndpoints(policy, other)) continue;
      const direction = DIRECTIONS.find((d) => policy.types.includes(d) && other.types.includes(d) && conflicting(decisiveActions(policy, d), decisiveActions(other, d)));
      if (!direction) continue;
      const [first, second] = compareEvaluation(policy.key, other.key) <= 0 ? [policy, other] : [other, policy];
      ties.push({ first, second, direction });
    }
  }
  return ties;
}

/** Two policies conflict when one can decide with an action the other never uses. */
function conflicting(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].some((action) => b.size > 0 && !b.has(action)) || [...b].some((action) => a.size > 0 && !a.has(action));
}
