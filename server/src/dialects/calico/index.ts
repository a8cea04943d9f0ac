/** The Calico dialect (projectcalico.org/v3 NetworkPolicy and GlobalNetworkPolicy), as the registry lists it. */
import type { Dialect } from '../dialect';
import { checkCalicoPolicies } from './checks';
import { calicoCompletion } from './complete/complete-calico';
import { calicoExplain } from './explain/explain-node';
import { calicoFixes } from './fixes';
import { isCalicoPolicy, readCalicoPolicies } from './model/read-policy';
import { readCalicoTiers } from './model/read-tier';
import type { CalicoPolicy } from './model/types';
import { CALICO_NAMESPACE_NAME_LABEL } from './navigate/namespace-labels';
import { calicoLenses, calicoNavigation } from './navigate/navigation';
import { lowerCalicoPolicies } from './reach/lower-file';
import { effectiveNamespace } from './model/defaults';
import { CALICO_DIALECT_ID, calicoPoliciesOf } from './reading';
import { calicoSymbols } from './symbols/outline';
import { calicoWorkspaceFindings } from './workspace-order';

export const calico: Dialect<CalicoPolicy> = {
  id: CALICO_DIALECT_ID,
  title: 'Calico',
  policyKinds: ['NetworkPolicy', 'GlobalNetworkPolicy'],
  claims: isCalicoPolicy,
  read: readCalicoPolicies,
  readTiers: readCalicoTiers,
  readingOf: calicoPoliciesOf,
  check: checkCalicoPolicies,
  // A Calico selector that YAML read as a tag still stores a valid selector.
  acceptedErrors: ['calico/internal-error', 'calico/selector-yaml-tag'],
  findings: { prefix: 'calico', help: 'A Calico projectcalico.org/v3 NetworkPolicy or GlobalNetworkPolicy that Calico would reject, or that does not do what it appears to do.' },
  // Ordering traps that involve other files' policies, or Kubernetes NetworkPolicies.
  workspace: { fileFindings: calicoWorkspaceFindings },
  explain: calicoExplain,
  symbols: calicoSymbols,
  fixes: calicoFixes,
  navigate: calicoNavigation,
  lenses: calicoLenses,
  completion: calicoCompletion,
  namespaceNameLabel: CALICO_NAMESPACE_NAME_LABEL,
  namespaceOf: effectiveNamespace,
  lower: lowerCalicoPolicies,
};
