/**
 * Code lenses above each policy, one fact each in plain words: the workloads it
 * selects, and the workloads its rules let traffic come from or go to (or that the
 * API server would reject it), each opening the references (the workloads in
 * question). Lenses are listed cheaply and counted when the editor shows them (resolve).
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/analyze-file';
import { rejectionsOf } from '../analysis/rejections';
import { plural } from '../analysis/complete/candidate';
import { calicoWorkloads } from '../analysis/navigate/peer-match';
import { policyLensInfo, type PolicyLensInfo } from '../dialects/kubernetes/navigate/policy-flows';
import { workloadLocations } from '../analysis/navigate/related';
import type { Universe } from '../analysis/navigate/universe';
import type { ReachEngine, WorkloadNode } from '../evaluate/reach-engine';
import { policySelectors } from '../dialects/calico/model/selectors';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArgs } from '../protocol';
import type { Locate } from './navigation';

export interface LensData {
  readonly uri: string;
  /** Offset of the policy's object, which identifies it in the file. */
  readonly start: number;
  readonly lens: 'selects' | 'flows';
}

/** Unresolved lenses (no command yet) for the policies of a file; `uri` as the workspace spells it. */
export function policyLenses(document: TextDocument, analysis: FileAnalysis, uri: string): CodeLens[] {
  const lens = (start: number, kind: LensData['lens']): CodeLens => {
    const position = document.positionAt(start);
    const data: LensData = { uri, start, lens: kind };
    return { range: { start: position, end: position }, data };
  };
  return [
    ...analysis.policies.flatMap((p) => [lens(p.ref.node.span.start, 'selects'), lens(p.ref.node.span.start, 'flows')]),
    ...analysis.calicoPolicies.map((p) => lens(p.ref.node.span.start, 'selects')),
  ];
}

export function isLensData(data: unknown): data is LensData {
  const d = data as Partial<LensData> | null | undefined;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.start === 'number' && (d.lens === 'selects' || d.lens === 'flows');
}

/** Counts the lens's workloads or flows and makes it open them as references. */
/** `documentUri`: the document as the editor names it, where the references peek opens. */
export function resolvePolicyLens(lens: CodeLens, data: LensData, documentUri: string, analysis: FileAnalysis, engine: ReachEngine, universe: Universe, locate: Locate): CodeLens {
  const withCommand = (title: string, locations: ShowReferencesArgs[2]): CodeLens => {
    const args: ShowReferencesArgs = [documentUri, lens.range.start, locations];
    return { range: lens.range, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [...args] } };
  };
  const calico = analysis.calicoPolicies.find((p) => p.ref.node.span.start === data.start);
  if (calico) {
    const placed = policySelectors(calico).find((s) => s.selector.role === 'policy-selector');
    const selected = placed ? calicoWorkloads(calico, placed, universe) : [];
    const title = rejectionsOf(analysis.findings, calico.ref).length > 0 ? rejectedSelects(selected.length) : `selects ${workloadCount(selected.length)}`;
    return withCommand(title, workloadLocations(selected).map((l) => locate(l.uri, l.selection)));
  }
  const info = policyLensInfo(engine, universe, data.uri, data.start);
  if (!info) return withCommand(data.lens === 'selects' ? 'selects no workload' : 'allows no traffic', []);
  const places = (nodes: readonly WorkloadNode[]) => workloadLocations(nodes.map((n) => n.workload)).map((l) => locate(l.uri, l.selection));
  if (data.lens === 'selects') return withCommand(info.kind === 'skipped' ? rejectedSelects(info.selected.length) : `selects ${workloadCount(info.selected.length)}`, places(info.selected));
  if (info.kind === 'skipped') return withCommand('ignored: the API server would reject it', []);
  return withCommand(rulesTitle(info), places(info.peers));
}

/** `allows traffic from 2 workloads`, `... to no workload and outside the cluster`, `... with 3 workloads` (both directions). */
function rulesTitle(info: Extract<PolicyLensInfo, { kind: 'compiled' }>): string {
  const [only, other] = info.directions;
  const word = other ? 'with' : only === 'egress' ? 'to' : 'from';
  return `allows traffic ${word} ${workloadCount(info.peers.length)}${info.external ? ' and outside the cluster' : ''}`;
}

function workloadCount(count: number): string {
  return count === 0 ? 'no workload' : plural(count, 'workload');
}

/** A rejected policy selects nothing; its other lens says it is ignored, so this one only says whom it was written for. */
function rejectedSelects(count: number): string {
  return `written for ${workloadCount(count)}`;
}
