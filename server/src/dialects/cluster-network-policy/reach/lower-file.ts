/** A file's cluster-wide policies lowered for the evaluator. */
import type { FileAnalysis } from '../../../analysis/file-analysis';
import type { ObjectRef } from '../../../model/types';
import type { Lowered, PolicyProblem } from '../../../ir/policy-ir';
import { clusterPoliciesOf } from '../reading';
import { lowerClusterPolicy } from './lower-policy';

export function lowerClusterPolicies(uri: string, analysis: FileAnalysis, problemsOf: (ref: ObjectRef) => PolicyProblem[]): Lowered[] {
  return clusterPoliciesOf(analysis).map((policy) => lowerClusterPolicy({ uri, policy, problems: problemsOf(policy.ref) }));
}
