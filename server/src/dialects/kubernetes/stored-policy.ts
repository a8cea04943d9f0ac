/**
 * A NetworkPolicy as the profile's release stores it, which is what the cluster enforces:
 * before 1.22 the API server drops `endPort` (NetworkPolicyEndPort was off by default), so
 * a port range is its first port only. Reachability reads policies through this, so it
 * agrees with the finding that says so (checks/port-check.ts, version-gates.ts).
 */
import type { ListField, NetworkPolicy, PolicyRule } from '../../model/types';
import { atLeast, type ClusterProfile, type KubernetesVersion } from '../../analysis/profile/cluster-profile';

const END_PORT_SINCE: KubernetesVersion = { major: 1, minor: 22 };

/** Memoised per policy object and release, so an untouched policy stays the same object for the engine. */
const STORED = new WeakMap<NetworkPolicy, NetworkPolicy>();

export function storedPolicy(policy: NetworkPolicy, profile: ClusterProfile): NetworkPolicy {
  if (atLeast(profile.kubernetesVersion, END_PORT_SINCE)) return policy;
  let stored = STORED.get(policy);
  if (!stored) {
    const { ingress, egress } = policy.spec;
    stored = { ...policy, spec: { ...policy.spec, ...(ingress && { ingress: withoutEndPorts(ingress) }), ...(egress && { egress: withoutEndPorts(egress) }) } };
    STORED.set(policy, stored);
  }
  return stored;
}

function withoutEndPorts(rules: ListField<PolicyRule>): ListField<PolicyRule> {
  const items = rules.items.map((rule) => {
    if (!rule.ports?.items.some((p) => p.endPort)) return rule;
    return { ...rule, ports: { ...rule.ports, items: rule.ports.items.map(({ endPort: _dropped, ...port }) => port) } };
  });
  return { ...rules, items };
}
