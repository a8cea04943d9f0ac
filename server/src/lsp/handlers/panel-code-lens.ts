/**
 * A code lens above each NetworkPolicy: "Show reachability", with how many
 * workloads the policy selects (or that the API server would reject it). It runs
 * the client command netpolLens.showReachability with the policy's position.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../../analysis/analyze-file';
import type { ReachEngine } from '../../analysis/reach/reach-engine';
import type { NetworkPolicy } from '../../model/types';
import { SHOW_REACHABILITY_COMMAND, type ShowReachabilityArgs } from '../../protocol';
import { policyAt, selectedWorkloads } from '../../workspace/policy-focus';

/** `engine` is undefined for a file outside the workspace folders: the lens then has no count. */
export function policyCodeLenses(document: TextDocument, uri: string, analysis: FileAnalysis, engine: ReachEngine | undefined): CodeLens[] {
  return analysis.policies.map((policy) => {
    const position = document.positionAt(policy.ref.node.span.start);
    const args: ShowReachabilityArgs = [document.uri, position];
    return { range: { start: position, end: position }, command: { title: lensTitle(policy, uri, engine), command: SHOW_REACHABILITY_COMMAND, arguments: [...args] } };
  });
}

function lensTitle(policy: NetworkPolicy, uri: string, engine: ReachEngine | undefined): string {
  const found = engine && policyAt(engine, uri, policy.ref.node.span.start);
  if (!engine || !found) return 'Show reachability';
  if (found.kind === 'skipped') return 'Show reachability (ignored: the API server would reject this policy)';
  const count = selectedWorkloads(engine, found.policy.ref.namespace, found.policy.podSelector).length;
  return `Show reachability (selects ${count} workload${count === 1 ? '' : 's'})`;
}
