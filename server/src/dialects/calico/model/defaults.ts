/**
 * The defaults Calico applies to a policy before anything reads it. Describe,
 * hovers, checks and reachability ask here, so they all agree.
 */
import type { CalicoPolicy } from './types';

export type CalicoPolicyType = 'Ingress' | 'Egress';

export const DEFAULT_TIER = 'default';

/**
 * `types` as Calico stores them: the written list (valid values, once each) when
 * it is not empty; otherwise from the rules present: no egress rules -> Ingress
 * (even with no ingress rules either), egress rules only -> Egress, both -> both.
 */
export function effectiveTypes(policy: CalicoPolicy): CalicoPolicyType[] {
  const written = policy.spec.types?.items ?? [];
  if (written.length > 0) {
    const valid = written.map((t) => t.value).filter((t): t is CalicoPolicyType => t === 'Ingress' || t === 'Egress');
    return [...new Set(valid)];
  }
  const ingress = (policy.spec.ingress?.items.length ?? 0) > 0;
  const egress = (policy.spec.egress?.items.length ?? 0) > 0;
  if (!egress) return ['Ingress'];
  return ingress ? ['Ingress', 'Egress'] : ['Egress'];
}

/** True when `types` was left out (or empty), so Calico derives it from the rules. */
export function typesAreDefaulted(policy: CalicoPolicy): boolean {
  return (policy.spec.types?.items.length ?? 0) === 0;
}

export function effectiveTier(policy: CalicoPolicy): string {
  const tier = policy.spec.tier?.value;
  return tier === undefined || tier === '' ? DEFAULT_TIER : tier;
}

/**
 * The order within the tier; undefined means "no order", which Calico treats as
 * infinite: the policy comes after every policy with an order. Equal orders are
 * applied by name.
 */
export function effectiveOrder(policy: CalicoPolicy): number | undefined {
  return policy.spec.order?.value;
}

/**
 * The namespace of a namespaced Calico NetworkPolicy; undefined for a
 * GlobalNetworkPolicy. Calico's reference gives "default" when none is written
 * (kubectl would use the current context's namespace instead).
 */
export function effectiveNamespace(policy: CalicoPolicy): string | undefined {
  if (policy.kind === 'GlobalNetworkPolicy') return undefined;
  return policy.metadata.namespace?.value || 'default';
}
