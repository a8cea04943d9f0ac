/**
 * Where a policy sits in Calico's evaluation, as a sortable key. Reachability,
 * the ordering checks and the hovers all sort with `compareEvaluation`, so they
 * can never disagree about which policy comes first.
 *
 * Tiers run by their order (the default tier's is 1,000,000 unless a Tier object
 * says otherwise; a tier without an order comes after every tier with one), then
 * by name. Within a tier, policies run by order (none: after every policy with
 * one), then by name. Calico turns each Kubernetes NetworkPolicy into a policy
 * named `knp.default.<name>` with order 1000 in the default tier.
 */
import { DEFAULT_TIER, effectiveNamespace, effectiveOrder, effectiveTier } from './defaults';
import type { CalicoPolicy } from './types';
import { compareOrders } from '../../../evaluate/evaluation-order';

const DEFAULT_TIER_ORDER = 1_000_000;
export const KUBERNETES_POLICY_ORDER = 1000;
const KUBERNETES_NAME_PREFIX = 'knp.default.';

export interface EvaluationKey {
  /** Undefined: the tier has no order. */
  readonly tierOrder?: number;
  readonly tier: string;
  /** Undefined: the policy has no order. */
  readonly order?: number;
  /** The name Calico sorts equal orders by: `namespace/name`, or `name` for a global policy. */
  readonly sortName: string;
}

/** Tier orders declared by Tier objects, by tier name. */
export type TierOrders = ReadonlyMap<string, { readonly order?: number }>;

function tierOrderOf(tiers: TierOrders, tier: string): number | undefined {
  const declared = tiers.get(tier);
  if (declared) return declared.order;
  return tier === DEFAULT_TIER ? DEFAULT_TIER_ORDER : undefined;
}

function calicoSortName(policy: CalicoPolicy): string {
  const name = policy.metadata.name?.value ?? '';
  const namespace = effectiveNamespace(policy);
  return namespace === undefined ? name : `${namespace}/${name}`;
}

export function calicoKey(policy: CalicoPolicy, tiers: TierOrders = new Map()): EvaluationKey {
  const tier = effectiveTier(policy);
  const tierOrder = tierOrderOf(tiers, tier);
  const order = effectiveOrder(policy);
  return { ...(tierOrder !== undefined && { tierOrder }), tier, ...(order !== undefined && { order }), sortName: calicoSortName(policy) };
}

/** A Kubernetes NetworkPolicy as Calico runs it. */
export function kubernetesKey(namespace: string, name: string, tiers: TierOrders = new Map()): EvaluationKey {
  const tierOrder = tierOrderOf(tiers, DEFAULT_TIER);
  return { ...(tierOrder !== undefined && { tierOrder }), tier: DEFAULT_TIER, order: KUBERNETES_POLICY_ORDER, sortName: `${namespace}/${KUBERNETES_NAME_PREFIX}${name}` };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEvaluation(a: EvaluationKey, b: EvaluationKey): number {
  return compareOrders(a.tierOrder, b.tierOrder) || compareText(a.tier, b.tier) || compareOrders(a.order, b.order) || compareText(a.sortName, b.sortName);
}

/** Whether two policies are ordered by name alone: same tier, same order (or both none). */
export function sameOrder(a: EvaluationKey, b: EvaluationKey): boolean {
  return a.tier === b.tier && a.order === b.order;
}
