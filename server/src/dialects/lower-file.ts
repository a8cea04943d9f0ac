/**
 * Every dialect's policies of one analysed file, lowered into the policy IR, and
 * the tiers the dialects define before any Tier object of a workspace does. The
 * evaluator reads only what this returns.
 */
import type { FileAnalysis } from '../analysis/analyze-file';
import { rejectionsOf } from '../analysis/rejections';
import type { ObjectRef } from '../model/types';
import type { PolicyProblem, Tier } from '../ir/policy-ir';
import type { LoweredInput } from '../evaluate/types';
import { lowerNetworkPolicy, NETWORK_POLICY_TIERS } from './kubernetes/reach/lower-policy';
import { storedPolicy } from './kubernetes/stored-policy';
import { lowerCalicoPolicy } from './calico/reach/lower-policy';

export function lowerFile(uri: string, analysis: FileAnalysis): LoweredInput[] {
  const problemsOf = (ref: ObjectRef): PolicyProblem[] => rejectionsOf(analysis.findings, ref).map((f) => ({ message: f.message, source: { uri, span: f.span } }));
  return [
    ...analysis.policies.map((policy) => ({ uri, lowered: lowerNetworkPolicy({ uri, policy: storedPolicy(policy, analysis.profile), problems: problemsOf(policy.ref) }) })),
    ...analysis.calicoPolicies.map((policy) => ({ uri, lowered: lowerCalicoPolicy({ uri, policy, problems: problemsOf(policy.ref) }) })),
  ];
}

/** The tiers dialects place policies in, unless a Tier object of the workspace says otherwise. */
export const DIALECT_TIERS: readonly Tier[] = [...NETWORK_POLICY_TIERS];
