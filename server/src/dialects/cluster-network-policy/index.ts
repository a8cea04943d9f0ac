/**
 * The cluster-wide policies of policy.networking.k8s.io (v1alpha1 AdminNetworkPolicy
 * and BaselineAdminNetworkPolicy, v1alpha2 ClusterNetworkPolicy), as the registry lists it.
 */
import type { Dialect } from '../dialect';
import { checkClusterPolicies } from './checks';
import { clusterCompletion } from './complete/complete-cluster';
import { clusterRecipes } from './complete/recipes';
import { clusterExplain } from './explain/explain-hooks';
import { describeClusterPolicy } from './explain/describe-policy';
import { isClusterPolicy, readClusterPolicies } from './model/read-policy';
import type { ClusterPolicy } from './model/types';
import { clusterLenses, clusterNavigation } from './navigate/navigation';
import { lowerClusterPolicies } from './reach/lower-file';
import { CLUSTER_TIERS } from './reach/lower-policy';
import { CLUSTER_POLICY_DIALECT_ID, clusterPoliciesOf } from './reading';
import { clusterSymbols } from './symbols/outline';
import { clusterWorkspaceFindings } from './checks/priority-check';
import { clusterDnsFix } from './fixes/dns-fix';

export const clusterNetworkPolicy: Dialect<ClusterPolicy> = {
  id: CLUSTER_POLICY_DIALECT_ID,
  title: 'cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy)',
  policyKinds: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'],
  claims: isClusterPolicy,
  read: readClusterPolicies,
  readingOf: clusterPoliciesOf,
  check: (_file, policies) => checkClusterPolicies(policies),
  acceptedErrors: [],
  findings: { prefix: 'cnp', help: 'An AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy (policy.networking.k8s.io) that the API server would reject, or that does not do what it appears to do.' },
  workspace: { fileFindings: clusterWorkspaceFindings },
  explain: clusterExplain,
  symbols: clusterSymbols,
  fixes: { quickFixes: { 'cnp/deny-blocks-dns': [clusterDnsFix] } },
  describe: (policy) => describeClusterPolicy(policy),
  navigate: clusterNavigation,
  lenses: clusterLenses,
  completion: clusterCompletion,
  recipes: clusterRecipes,
  namespaceOf: () => undefined,
  lower: lowerClusterPolicies,
  tiers: CLUSTER_TIERS,
};
