/**
 * The hover entry point: a file's analysis and a cursor offset in, the Markdown for
 * the policy node under the cursor and that node's span out (or null when the cursor
 * is on no policy node). Each dialect explains its own policies (its ExplainHooks);
 * the first that has a node there answers. Pure; the hover service only converts
 * positions and wraps the result.
 */
import type { ParsedFile } from '../../core/parse/yaml-tree';
import type { Finding } from '../../core/finding';
import type { ObjectRef } from '../../model/types';
import { DIALECTS } from '../../dialects/registry';
import type { PolicyObject } from '../file-analysis';
import { rejectionsOf } from '../rejections';
import type { ExplainOptions, Explanation } from './types';
import type { ClusterProfile } from '../profile/cluster-profile';

export type { ExplainOptions, Explanation, SelectorScope, WorkspaceMatcher } from './types';

export interface ExplainInput {
  readonly parsed: ParsedFile;
  /** Each dialect's policies, by dialect id (FileAnalysis.readings). */
  readonly readings: ReadonlyMap<string, readonly PolicyObject[]>;
  /** The file's findings: a policy with rejections (analysis/rejections.ts) is explained as rejected. */
  readonly findings?: readonly Finding[];
  /** The cluster profile the file was judged for: hovers say what reachability assumed under it. */
  readonly profile?: ClusterProfile;
}

export function explainAt(input: ExplainInput, offset: number, options: ExplainOptions = {}): Explanation | null {
  const findings = input.findings;
  const rejections = findings ? (ref: ObjectRef) => rejectionsOf(findings, ref) : () => [];
  for (const dialect of DIALECTS) {
    const policies = input.readings.get(dialect.id) ?? [];
    if (policies.length === 0) continue;
    const explanation = dialect.explain.explainAt({ text: input.parsed.text, policies, rejectionsOf: rejections, ...(input.profile && { profile: input.profile }) }, offset, options);
    if (explanation) return explanation;
  }
  return null;
}
