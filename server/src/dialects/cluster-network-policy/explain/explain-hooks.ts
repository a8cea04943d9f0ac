/** The hover entry point the registry calls. */
import type { ExplainHooks } from '../../../analysis/explain/explain-hooks';
import type { ClusterPolicy } from '../model/types';
import { explainClusterPolicyAt } from './explain-policy';

export const clusterExplain: ExplainHooks<ClusterPolicy> = {
  explainAt: (site, offset) => explainClusterPolicyAt(site.policies, offset, (policy) => site.rejectionsOf(policy.ref)),
};
