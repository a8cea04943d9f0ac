/**
 * Go to Definition, Find References and the workload hover: the pure answers of
 * analysis/navigate, with spans in any workspace file turned into LSP locations.
 */
import type { Hover, Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import { relatedAt, type NavLocation, type NavWorld } from '../analysis/navigate/related';
import { universeOf } from '../analysis/navigate/universe-cache';
import { workloadAt } from '../analysis/navigate/workload-at';
import { workloadHover } from '../analysis/navigate/workload-hover';
import type { ReachEngine } from '../evaluate/reach-engine';
import type { Span } from '../model/types';
import type { Workspace } from '../workspace/workspace';
import { workspaceDocument } from './file-document';
import { positionToOffset, spanToRange } from './positions';

/** Spans of any file -> LSP ranges: the open document itself, or the workspace's copy of other files. */
export type Locate = (uri: string, span: Span) => Location;

export function locator(workspace: Workspace, current?: TextDocument, currentUri?: string): Locate {
  const documents = new Map<string, TextDocument>();
  if (current) documents.set(currentUri ?? current.uri, current);
  return (uri, span) => {
    let document = documents.get(uri);
    if (!document) documents.set(uri, (document = workspaceDocument(workspace, uri)));
    return { uri, range: spanToRange(document, trimEnd(document.getText(), span)) };
  };
}

/** A block map's span runs past its last line break; a location ends at its last character. */
function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: span.start, end };
}

/**
 * The workspace as navigation sees it. `uri` is the open document's uri as the
 * workspace spells it; when the workspace does not hold that file (an untitled
 * buffer, a file outside the folders), its own policies are added.
 */
export function navWorld(workspace: Workspace, uri: string, analysis: FileAnalysis): NavWorld {
  const files = workspace.uris.flatMap((u) => {
    const file = workspace.getFile(u);
    return file ? [{ uri: u, analysis: file.analysis }] : [];
  });
  const inWorkspace = workspace.getFile(uri) !== undefined;
  return { universe: universeOf(workspace), files: inWorkspace ? files : [...files, { uri, analysis }] };
}

export function definitionAt(document: TextDocument, analysis: FileAnalysis, position: Position, world: NavWorld, locate: Locate): Location[] {
  const related = relatedAt(analysis, positionToOffset(document, position), world);
  return related ? related.targets.map((t) => landing(t, locate)) : [];
}

export function referencesAt(document: TextDocument, analysis: FileAnalysis, position: Position, world: NavWorld, locate: Locate, uri: string, includeDeclaration: boolean): Location[] {
  const related = relatedAt(analysis, positionToOffset(document, position), world);
  if (!related) return [];
  const found = related.targets.map((t) => landing(t, locate));
  return includeDeclaration ? [locate(uri, related.origin), ...found] : found;
}

/** A definition lands on the selection: a workload's pod labels, a selector's key. */
function landing(location: NavLocation, locate: Locate): Location {
  return locate(location.uri, location.selection);
}

/** Whether a workload hover may answer at the position, so a caller fetches the engine only then. */
export function isWorkloadAt(document: TextDocument, analysis: FileAnalysis, position: Position): boolean {
  return workloadAt(analysis, positionToOffset(document, position)) !== undefined;
}

/** The hover on a workload's kind, name or pod labels (null elsewhere, or for a file the engine does not know). */
export function workloadHoverAt(document: TextDocument, analysis: FileAnalysis, position: Position, uri: string, engine: ReachEngine): Hover | null {
  const hover = workloadHover(analysis, uri, positionToOffset(document, position), engine);
  return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: spanToRange(document, hover.span) } : null;
}
