/** The Kubernetes dialect's reading of a file: its NetworkPolicies (networking.k8s.io/v1). */
import { readingOf, type FileAnalysis } from '../../analysis/file-analysis';
import type { NetworkPolicy } from '../../model/types';

export const KUBERNETES_DIALECT_ID = 'kubernetes';

/** The file's Kubernetes NetworkPolicies, in file order. */
export function kubernetesPoliciesOf(analysis: FileAnalysis): readonly NetworkPolicy[] {
  return readingOf<NetworkPolicy>(analysis, KUBERNETES_DIALECT_ID);
}
