/** A file's Calico policies lowered for the evaluator. */
import type { FileAnalysis } from '../../../analysis/file-analysis';
import type { ObjectRef } from '../../../model/types';
import type { Lowered, PolicyProblem } from '../../../ir/policy-ir';
import { calicoPoliciesOf } from '../reading';
import { lowerCalicoPolicy } from './lower-policy';

export function lowerCalicoPolicies(uri: string, analysis: FileAnalysis, problemsOf: (ref: ObjectRef) => PolicyProblem[]): Lowered[] {
  return calicoPoliciesOf(analysis).map((policy) => lowerCalicoPolicy({ uri, policy, problems: problemsOf(policy.ref) }));
}
