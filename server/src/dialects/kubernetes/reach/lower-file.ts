/** A file's NetworkPolicies lowered for the evaluator, as the cluster profile's release stores them. */
import type { FileAnalysis } from '../../../analysis/file-analysis';
import type { ObjectRef } from '../../../model/types';
import type { Lowered, PolicyProblem } from '../../../ir/policy-ir';
import { kubernetesPoliciesOf } from '../reading';
import { storedPolicy } from '../stored-policy';
import { lowerNetworkPolicy } from './lower-policy';

export function lowerNetworkPolicies(uri: string, analysis: FileAnalysis, problemsOf: (ref: ObjectRef) => PolicyProblem[]): Lowered[] {
  return kubernetesPoliciesOf(analysis).map((policy) => lowerNetworkPolicy({ uri, policy: storedPolicy(policy, analysis.profile), problems: problemsOf(policy.ref) }));
}
