/**
 * The order policies are evaluated in, whatever their dialect: tiers by order (a
 * tier without one comes after every tier with one), then by name; within a tier,
 * policies by order (none: after every policy with one), then by name; then file
 * and position, so equal keys still sort the same way every time.
 */
import type { Policy, Tier } from '../ir/policy-ir';

export interface OrderedTier {
  readonly name: string;
  readonly endAction: 'Deny' | 'Pass';
  /** Whether equal orders run by name, or in an order the implementation chooses. */
  readonly equalOrders: 'name' | 'unspecified';
  readonly policies: readonly Policy[];
}

/** Numbers first, smallest first; "no order" counts as infinite. */
export function compareOrders(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePolicies(tiers: ReadonlyMap<string, Tier>): (a: Policy, b: Policy) => number {
  return (a, b) =>
    compareOrders(tiers.get(a.tier)?.order, tiers.get(b.tier)?.order) ||
    compareText(a.tier, b.tier) ||
    compareOrders(a.order, b.order) ||
    compareText(a.sortName, b.sortName) ||
    compareText(a.ref.source.uri, b.ref.source.uri) ||
    a.ref.source.span.start - b.ref.source.span.start;
}

/** Sorted policies grouped by tier, each tier with what happens at its end (Deny unless the tier says Pass). */
export function tiersOf(tiers: ReadonlyMap<string, Tier>, policies: readonly Policy[]): OrderedTier[] {
  const sorted = [...policies].sort(comparePolicies(tiers));
  const groups: { name: string; endAction: 'Deny' | 'Pass'; equalOrders: 'name' | 'unspecified'; policies: Policy[] }[] = [];
  for (const policy of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.name === policy.tier) last.policies.push(policy);
    else {
      const tier = tiers.get(policy.tier);
      groups.push({ name: policy.tier, endAction: tier?.endAction ?? 'Deny', equalOrders: tier?.equalOrders ?? 'name', policies: [policy] });
    }
  }
  return groups;
}
