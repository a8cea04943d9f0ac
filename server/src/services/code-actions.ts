/**
 * Code actions: quick fixes for findings (matched on code and data, never on message
 * text), refactorings and source actions at the cursor. Everything is computed by the
 * pure fixes in analysis/fixes; this module only converts to LSP shapes.
 */
import type { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import type { FindingData } from '../core/finding';
import { quickFixes, refactoringsAt, sourceActionsAt } from '../analysis/fixes';
import type { Fix } from '../analysis/fixes/fix';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { positionToOffset, spanToRange } from './positions';

export function codeActionsFor(document: TextDocument, analysis: FileAnalysis, params: CodeActionParams): CodeAction[] {
  if (!analysis.relevant) return [];
  const span = { start: positionToOffset(document, params.range.start), end: positionToOffset(document, params.range.end) };
  const actions: CodeAction[] = [];
  const theirs = clientDiagnostics(params.context.diagnostics);
  for (const finding of analysis.findings) {
    if (finding.span.start > span.end || span.start > finding.span.end) continue;
    const key = identity(finding.code, finding.data);
    const diagnostic = theirs.get(key) ?? toDiagnostic(document, finding);
    theirs.delete(key);
    for (const fix of quickFixes(analysis, finding.code, finding.data)) actions.push(toAction(document, fix, [diagnostic]));
  }
  // The rest of the client's diagnostics are workspace findings (the file alone cannot
  // tell them); their fixes re-locate and verify their node from the data, as all do.
  for (const diagnostic of theirs.values()) {
    const data = diagnostic.data as FindingData | undefined;
    if (typeof data?.docIndex !== 'number') continue;
    for (const fix of quickFixes(analysis, String(diagnostic.code), data)) actions.push(toAction(document, fix, [diagnostic]));
  }
  for (const fix of refactoringsAt(analysis, span)) actions.push(toAction(document, fix));
  for (const fix of sourceActionsAt(analysis, span)) actions.push(toAction(document, fix));
  const only = params.context.only;
  return only && only.length > 0 ? actions.filter((a) => only.some((kind) => a.kind === kind || a.kind?.startsWith(`${kind}.`))) : actions;
}

/**
 * The client's own diagnostics by code and data, so each fix is linked to the squiggle
 * the editor shows. Messages are never compared.
 */
function clientDiagnostics(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic> {
  const byIdentity = new Map<string, Diagnostic>();
  for (const d of diagnostics) if (d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string') byIdentity.set(identity(d.code, d.data), d);
  return byIdentity;
}

function identity(code: string, data: unknown): string {
  return `${code} ${JSON.stringify(data ?? null)}`;
}

function toAction(document: TextDocument, fix: Fix, diagnostics?: Diagnostic[]): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: spanToRange(document, e.span), newText: e.newText }));
  const action: CodeAction = { title: fix.title, kind: fix.kind as CodeActionKind, edit: { changes: { [document.uri]: edits } } };
  if (diagnostics) action.diagnostics = diagnostics;
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}
