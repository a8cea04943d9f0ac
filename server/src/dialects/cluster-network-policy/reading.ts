/** This dialect's reading of a file: its cluster-wide policies. */
import { readingOf, type FileAnalysis } from '../../analysis/file-analysis';
import type { ClusterPolicy } from './model/types';

export const CLUSTER_POLICY_DIALECT_ID = 'cluster-network-policy';

export function clusterPoliciesOf(analysis: FileAnalysis): readonly ClusterPolicy[] {
  return readingOf<ClusterPolicy>(analysis, CLUSTER_POLICY_DIALECT_ID);
}
