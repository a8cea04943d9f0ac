/**
 * The defaults the API server applies to a NetworkPolicy before anything reads it.
 * Describe, explain, validation and reachability all ask here, so they agree.
 */
import type { NetworkPolicy, PolicyType, PortSpec } from '../../model/types';

/**
 * policyTypes as the API server stores them: the explicit list when one is given
 * (only valid values kept), otherwise Ingress, plus Egress when egress rules exist.
 */
export function effectivePolicyTypes(policy: NetworkPolicy): PolicyType[] {
  const written = policy.spec.policyTypes;
  if (written && written.items.length > 0) {
    const types = written.items.map((t) => t.value).filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
    return [...new Set(types)];
  }
  // An `egress:` key with an empty list is not "egress rules exist": the API server checks len > 0.
  const hasEgressRules = (policy.spec.egress?.items.length ?? 0) > 0;
  return hasEgressRules ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether the policy's effective policyTypes include this direction. */
export function affects(policy: NetworkPolicy, type: PolicyType): boolean {
  return effectivePolicyTypes(policy).includes(type);
}

/** A port's protocol with the default applied: TCP. */
export function effectiveProtocol(port: PortSpec): string {
  return port.protocol?.value ?? 'TCP';
}
