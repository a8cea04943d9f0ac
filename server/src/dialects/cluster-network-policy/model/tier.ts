/** Which tier a cluster-wide policy runs in: Admin for AdminNetworkPolicy, Baseline for BaselineAdminNetworkPolicy, `spec.tier` for ClusterNetworkPolicy. */
import type { ClusterPolicy } from './types';

export type ClusterTier = 'Admin' | 'Baseline';

export function tierOf(policy: ClusterPolicy): ClusterTier {
  if (policy.kind === 'AdminNetworkPolicy') return 'Admin';
  if (policy.kind === 'BaselineAdminNetworkPolicy') return 'Baseline';
  return policy.spec?.tier?.value === 'Baseline' ? 'Baseline' : 'Admin';
}
