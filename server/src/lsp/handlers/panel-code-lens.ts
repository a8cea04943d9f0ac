/**
 * A code lens above each policy of a dialect whose policies the panel shows: "Show reachability". It runs the client
 * command netpolLens.showReachability with the policy's position. What the policy
 * selects, and that the API server would reject it, have lenses of their own
 * (services/code-lens.ts), so this one repeats neither.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../../analysis/file-analysis';
import { DIALECTS } from '../../dialects/registry';
import { SHOW_REACHABILITY_COMMAND, type ShowReachabilityArgs } from '../../protocol';

export function policyCodeLenses(document: TextDocument, analysis: FileAnalysis): CodeLens[] {
  const policies = DIALECTS.flatMap((dialect) => (dialect.lenses.showReachability ? dialect.readingOf(analysis) : []));
  return policies.map((policy) => {
    const position = document.positionAt(policy.ref.node.span.start);
    const args: ShowReachabilityArgs = [document.uri, position];
    return { range: { start: position, end: position }, command: { title: 'Show reachability', command: SHOW_REACHABILITY_COMMAND, arguments: [...args] } };
  });
}
