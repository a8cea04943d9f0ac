/** FileAnalysis -> LSP diagnostics. */
import type { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import { mergeSortedFindings, sortFindings, type Finding, type Severity } from '../core/finding';
import { spanToRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'netpol-lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };
const TAG: Record<'unnecessary' | 'deprecated', DiagnosticTag> = { unnecessary: 1, deprecated: 2 };

/** `extra`: findings from outside the file's own analysis (the workspace-aware ones). */
export function toDiagnostics(document: TextDocument, analysis: FileAnalysis, extra: readonly Finding[] = []): Diagnostic[] {
  // The analysis's findings are sorted already: the extra ones are sorted and merged in, not the whole file's sorted again.
  const findings = extra.length > 0 ? mergeSortedFindings(analysis.findings, sortFindings(extra)) : analysis.findings;
  return findings.map((f) => toDiagnostic(document, f));
}

export function toDiagnostic(document: TextDocument, f: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(document, f.span),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.code,
    message: f.message,
  };
  if (f.data) diagnostic.data = f.data;
  if (f.tags?.length) diagnostic.tags = f.tags.map((t) => TAG[t]);
  if (f.related?.length) {
    diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri: document.uri, range: spanToRange(document, r.span) }, message: r.message }));
  }
  return diagnostic;
}
