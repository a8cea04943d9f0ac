/**
 * Every dialect's policies of one analysed file, lowered into the policy IR, and
 * the tiers the dialects define before any Tier object of a workspace does. The
 * evaluator reads only what this returns.
 */
import type { FileAnalysis } from '../analysis/file-analysis';
import { rejectionsOf } from '../analysis/rejections';
import type { ObjectRef } from '../model/types';
import type { PolicyProblem, Tier } from '../ir/policy-ir';
import type { LoweredInput } from '../evaluate/types';
import { DIALECTS } from './registry';

export function lowerFile(uri: string, analysis: FileAnalysis): LoweredInput[] {
  const problemsOf = (ref: ObjectRef): PolicyProblem[] => rejectionsOf(analysis.findings, ref).map((f) => ({ message: f.message, source: { uri, span: f.span } }));
  return DIALECTS.flatMap((dialect) => dialect.lower(uri, analysis, problemsOf).map((lowered) => ({ uri, lowered })));
}

/** The tiers dialects place policies in, unless a Tier object of the workspace says otherwise. */
export const DIALECT_TIERS: readonly Tier[] = DIALECTS.flatMap((dialect) => dialect.tiers ?? []);

/** The namespaces a file's policies live in: they exist, whether or not a Namespace object says so. */
export function policyNamespaces(analysis: FileAnalysis): string[] {
  return DIALECTS.flatMap((dialect) => dialect.readingOf(analysis).flatMap((policy) => dialect.namespaceOf(policy) ?? []));
}
