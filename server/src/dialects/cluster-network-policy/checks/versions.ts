/** The versions each kind is served in, and the names of its parts there. */
import type { ClusterPolicy, ClusterPolicyKind } from '../model/types';

export const SERVED_VERSION: Readonly<Record<ClusterPolicyKind, string>> = {
  AdminNetworkPolicy: 'v1alpha1',
  BaselineAdminNetworkPolicy: 'v1alpha1',
  ClusterNetworkPolicy: 'v1alpha2',
};

export interface VersionRules {
  /** The rule actions the kind accepts. */
  readonly actions: readonly string[];
  /** Most rules per direction, most peers per rule, most port entries per rule. */
  readonly maxRules: number;
  readonly maxPeers: number;
  readonly maxPorts: number;
  /** `ports` (v1alpha1) or `protocols` (v1alpha2). */
  readonly portsKey: 'ports' | 'protocols';
}

export function rulesOf(policy: ClusterPolicy): VersionRules {
  switch (policy.kind) {
    case 'AdminNetworkPolicy':
      return { actions: ['Allow', 'Deny', 'Pass'], maxRules: 100, maxPeers: 100, maxPorts: 100, portsKey: 'ports' };
    case 'BaselineAdminNetworkPolicy':
      return { actions: ['Allow', 'Deny'], maxRules: 100, maxPeers: 100, maxPorts: 100, portsKey: 'ports' };
    case 'ClusterNetworkPolicy':
      return { actions: ['Accept', 'Deny', 'Pass'], maxRules: 25, maxPeers: 25, maxPorts: 25, portsKey: 'protocols' };
  }
}
