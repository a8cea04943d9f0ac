/**
 * Code lenses above each policy, one fact each in plain words: the workloads it
 * selects, and the workloads its rules let traffic come from or go to (or that the
 * API server would reject it), each opening the references (the workloads in
 * question). Each dialect says which lenses its policies get and counts them
 * (its LensHooks). Lenses are listed cheaply and counted when the editor shows them (resolve).
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import type { LensKind } from '../analysis/navigate/lens-hooks';
import { workloadLocations } from '../analysis/navigate/nav-world';
import type { Universe } from '../analysis/navigate/universe';
import { DIALECTS } from '../dialects/registry';
import { rejectionsOf } from '../analysis/rejections';
import type { ReachEngine } from '../evaluate/reach-engine';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArgs } from '../protocol';
import type { Locate } from './navigation';

export interface LensData {
  readonly uri: string;
  /** Offset of the policy's object, which identifies it in the file. */
  readonly start: number;
  readonly lens: LensKind;
}

/** Unresolved lenses (no command yet) for the policies of a file; `uri` as the workspace spells it. */
export function policyLenses(document: TextDocument, analysis: FileAnalysis, uri: string): CodeLens[] {
  const lens = (start: number, kind: LensData['lens']): CodeLens => {
    const position = document.positionAt(start);
    const data: LensData = { uri, start, lens: kind };
    return { range: { start: position, end: position }, data };
  };
  return DIALECTS.flatMap((dialect) => dialect.readingOf(analysis).flatMap((p) => dialect.lenses.kinds.map((kind) => lens(p.ref.node.span.start, kind))));
}

export function isLensData(data: unknown): data is LensData {
  const d = data as Partial<LensData> | null | undefined;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.start === 'number' && (d.lens === 'selects' || d.lens === 'flows');
}

/**
 * Counts the lens's workloads or flows and makes it open them as references.
 * `documentUri`: the document as the editor names it, where the references peek opens.
 * `universe` is asked for only by the dialects whose lenses read it: NetworkPolicy lenses
 * count with the engine, and the first of them after a workload edit need not build it.
 */
export function resolvePolicyLens(lens: CodeLens, data: LensData, documentUri: string, analysis: FileAnalysis, engine: ReachEngine, universe: () => Universe, locate: Locate): CodeLens {
  const withCommand = (title: string, locations: ShowReferencesArgs[2]): CodeLens => {
    const args: ShowReferencesArgs = [documentUri, lens.range.start, locations];
    return { range: lens.range, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [...args] } };
  };
  for (const dialect of DIALECTS) {
    const policy = dialect.readingOf(analysis).find((p) => p.ref.node.span.start === data.start);
    if (!policy) continue;
    const query = {
      analysis,
      policy,
      uri: data.uri,
      lens: data.lens,
      rejections: rejectionsOf(analysis.findings, policy.ref),
      engine,
      get universe() {
        return universe();
      },
    };
    const answer = dialect.lenses.resolve(query);
    return withCommand(answer.title, workloadLocations(answer.workloads).map((l) => locate(l.uri, l.selection)));
  }
  return withCommand(data.lens === 'selects' ? 'selects no workload' : 'allows no traffic', []);
}
