/**
 * Calico's evaluation order, with Kubernetes NetworkPolicies in it.
 *
 * Calico converts every Kubernetes NetworkPolicy into a Calico policy named
 * `knp.default.<name>` in the default tier with order 1000, whose rules are all
 * Allow. Tiers run by their order (the default tier's is 1,000,000 unless a Tier
 * object says otherwise; a tier without an order comes last), then by name;
 * within a tier, policies run by order (none: after every policy with one), then
 * by name.
 */
import { compareEvaluation, KUBERNETES_NAME_PREFIX, KUBERNETES_POLICY_ORDER, tierOrderOf, type EvaluationKey } from '../dialects/calico/model/policy-order';
import type { CompiledCalicoPolicy } from '../dialects/calico/reach/types';
import type { CompiledPolicy, ReachTier } from './types';

const DEFAULT_TIER = 'default';

export type OrderedPolicy =
  | { readonly kind: 'k8s'; readonly policy: CompiledPolicy; readonly tier: string; readonly order: number; readonly sortName: string }
  | { readonly kind: 'calico'; readonly policy: CompiledCalicoPolicy; readonly tier: string; readonly order?: number; readonly sortName: string };

export interface OrderedTier {
  readonly name: string;
  readonly defaultAction: 'Deny' | 'Pass';
  readonly policies: readonly OrderedPolicy[];
}

export function kubernetesEntry(policy: CompiledPolicy): OrderedPolicy {
  const { namespace, name } = policy.ref;
  return { kind: 'k8s', policy, tier: DEFAULT_TIER, order: KUBERNETES_POLICY_ORDER, sortName: `${namespace}/${KUBERNETES_NAME_PREFIX}${name}` };
}

export function calicoEntry(policy: CompiledCalicoPolicy): OrderedPolicy {
  return { kind: 'calico', policy, tier: policy.tier, ...(policy.order !== undefined && { order: policy.order }), sortName: policy.sortName };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calico's order (calico/model/evaluation-order.ts), then file and position so equal keys still sort the same way every time. */
function compareOrdered(tiers: ReadonlyMap<string, ReachTier>): (a: OrderedPolicy, b: OrderedPolicy) => number {
  const key = (p: OrderedPolicy): EvaluationKey => {
    const order = tierOrderOf(tiers, p.tier);
    return { tier: p.tier, sortName: p.sortName, ...(p.order !== undefined && { order: p.order }), ...(order !== undefined && { tierOrder: order }) };
  };
  return (a, b) =>
    compareEvaluation(key(a), key(b)) ||
    compareText(a.policy.ref.source.uri, b.policy.ref.source.uri) ||
    a.policy.ref.source.span.start - b.policy.ref.source.span.start;
}

/** Sorted policies grouped by tier, each tier with what happens at its end. */
export function tiersOf(tiers: ReadonlyMap<string, ReachTier>, policies: readonly OrderedPolicy[]): OrderedTier[] {
  const sorted = [...policies].sort(compareOrdered(tiers));
  const groups: OrderedTier[] = [];
  for (const entry of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.name === entry.tier) (last.policies as OrderedPolicy[]).push(entry);
    else groups.push({ name: entry.tier, defaultAction: tiers.get(entry.tier)?.defaultAction ?? 'Deny', policies: [entry] });
  }
  return groups;
}
