/** The Calico dialect's reading of a file: its projectcalico.org/v3 NetworkPolicies and GlobalNetworkPolicies. */
import { readingOf, type FileAnalysis } from '../../analysis/file-analysis';
import type { CalicoPolicy } from './model/types';

export const CALICO_DIALECT_ID = 'calico';

/** The file's Calico policies, in file order. */
export function calicoPoliciesOf(analysis: FileAnalysis): readonly CalicoPolicy[] {
  return readingOf<CalicoPolicy>(analysis, CALICO_DIALECT_ID);
}
