/**
 * Document symbols (outline, breadcrumbs, Go to Symbol) and workspace symbols
 * (policies and workloads of every file), from analysis/symbols.
 */
import type { DocumentSymbol, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import { documentSymbols, type SymbolNode, type SymbolRole } from '../analysis/symbols/document-symbols';
import { DIALECTS } from '../dialects/registry';
import { rankSymbols, type WorkspaceSymbolEntry, type WorkspaceSymbolKind } from '../analysis/symbols/workspace-symbols';
import type { Workspace } from '../workspace/workspace';
import type { Locate } from './navigation';
import { spanToRange } from './positions';

const DOCUMENT_KINDS: Record<SymbolRole, SymbolKind> = { policy: 5, rule: 6, peer: 8 };
const WORKSPACE_KINDS: Record<WorkspaceSymbolKind, SymbolKind> = { policy: 5, workload: 19 };

export function documentSymbolsFor(document: TextDocument, analysis: FileAnalysis): DocumentSymbol[] {
  return documentSymbols(analysis).map((node) => toDocumentSymbol(document, node));
}

function toDocumentSymbol(document: TextDocument, node: SymbolNode): DocumentSymbol {
  const range = spanToRange(document, trimmed(document, node.span));
  const selection = spanToRange(document, node.selection);
  return {
    name: node.name,
    ...(node.detail && { detail: node.detail }),
    kind: DOCUMENT_KINDS[node.role],
    range,
    selectionRange: selection,
    children: node.children.map((child) => toDocumentSymbol(document, child)),
  };
}

/** Block collections end after their last line break; the outline's range ends at the last character. */
function trimmed(document: TextDocument, span: { start: number; end: number }): { start: number; end: number } {
  const text = document.getText();
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: span.start, end };
}

export function workspaceSymbolsFor(workspace: Workspace, query: string, locate: Locate): WorkspaceSymbol[] {
  return rankSymbols(workspaceEntries(workspace), query).map((entry) => ({
    name: entry.name,
    kind: WORKSPACE_KINDS[entry.kind],
    containerName: entry.container,
    location: locate(entry.uri, entry.selection),
  }));
}

function* workspaceEntries(workspace: Workspace): Iterable<WorkspaceSymbolEntry> {
  const index = workspace.index;
  for (const dialect of DIALECTS) {
    for (const uri of workspace.uris) {
      const analysis = workspace.getFile(uri)?.analysis;
      for (const policy of analysis ? dialect.readingOf(analysis) : []) {
        const entry = dialect.symbols.workspaceEntry(policy);
        yield { ...entry, kind: 'policy', uri, span: policy.ref.node.span, selection: policy.metadata.name?.span ?? policy.ref.node.span };
      }
    }
  }
  for (const w of index.workloads) {
    yield { name: `${w.namespace}/${w.object.name.value}`, kind: 'workload', container: w.object.kind, uri: w.source.uri, span: w.source.span, selection: w.object.name.span };
  }
}
