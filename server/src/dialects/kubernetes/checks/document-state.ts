/**
 * Whether the document holding a policy has YAML syntax errors. Checks about intent
 * (DNS, OR-vs-AND, allow-all, missing namespace) wait until the document parses:
 * on half-typed YAML the parser's recovery would make them guesses about text the
 * user has not finished writing. Checks of what the API server rejects still run.
 */
import type { NetworkPolicy } from '../../../model/types';
import type { CheckContext } from './check';

export function hasSyntaxErrors(policy: NetworkPolicy, context: CheckContext): boolean {
  const document = context.file.documents[policy.ref.docIndex];
  return document !== undefined && document.problems.some((p) => p.severity === 'error');
}
