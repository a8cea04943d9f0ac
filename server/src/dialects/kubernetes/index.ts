/** The Kubernetes NetworkPolicy dialect (networking.k8s.io/v1), as the registry lists it. */
import type { NetworkPolicy } from '../../model/types';
import type { Dialect } from '../dialect';
import { checkNetworkPolicies } from './checks/run-checks';
import { kubernetesCompletion } from './complete/complete-kubernetes';
import { describeNetworkPolicy } from './describe/describe-policy';
import { kubernetesExplain } from './explain/explain-node';
import { kubernetesFixes } from './fixes';
import { isNetworkPolicy, readNetworkPolicy } from './model/read-network-policy';
import { kubernetesNavigation } from './navigate/navigation';
import { kubernetesLenses } from './navigate/policy-flows';
import { exposureReport } from './reach/exposure';
import { lowerNetworkPolicies } from './reach/lower-file';
import { NETWORK_POLICY_TIERS } from './reach/lower-policy';
import { KUBERNETES_DIALECT_ID, kubernetesPoliciesOf } from './reading';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import { kubernetesRecipes } from './recipes/render-all';
import { kubernetesSymbols } from './symbols/outline';
import { policyWorkspaceFindings } from './workspace-findings';

export const kubernetes: Dialect<NetworkPolicy> = {
  id: KUBERNETES_DIALECT_ID,
  title: 'Kubernetes NetworkPolicy',
  policyKinds: ['NetworkPolicy'],
  claims: isNetworkPolicy,
  read: (objects) => objects.filter(isNetworkPolicy).map(readNetworkPolicy),
  readingOf: kubernetesPoliciesOf,
  check: checkNetworkPolicies,
  acceptedErrors: ['netpol/internal-error'],
  findings: { prefix: 'netpol', help: 'A Kubernetes NetworkPolicy (networking.k8s.io/v1) that the API server would reject, or that does not do what it appears to do.' },
  workspace: { policyFindings: policyWorkspaceFindings },
  explain: kubernetesExplain,
  symbols: kubernetesSymbols,
  fixes: kubernetesFixes,
  describe: describeNetworkPolicy,
  navigate: kubernetesNavigation,
  lenses: kubernetesLenses,
  completion: kubernetesCompletion,
  recipes: kubernetesRecipes,
  namespaceOf: (policy) => policy.metadata.namespace?.value || DEFAULT_NAMESPACE,
  lower: lowerNetworkPolicies,
  tiers: NETWORK_POLICY_TIERS,
  exposure: exposureReport,
};
