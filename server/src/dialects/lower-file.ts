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

/**
 * The namespaces a file's policies live in: they exist, whether or not a Namespace object
 * says so. Each once, in the order of their first policy; kept per analysis, since the
 * workspace index asks it of every file after each keystroke in any of them.
 */
export function policyNamespaces(analysis: FileAnalysis): readonly string[] {
  let names = POLICY_NAMESPACES.get(analysis);
  if (!names) {
    const found = new Set<string>();
    for (const dialect of DIALECTS) {
      for (const policy of dialect.readingOf(analysis)) {
        const namespace = dialect.namespaceOf(policy);
        if (namespace !== undefined) found.add(namespace);
      }
    }
    names = [...found];
    POLICY_NAMESPACES.set(analysis, names);
  }
  return names;
}

const POLICY_NAMESPACES = new WeakMap<FileAnalysis, readonly string[]>();
