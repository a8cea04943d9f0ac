/** FileAnalysis -> LSP diagnostics. */
import type { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver';
import type { Span } from '../core/parse/yaml-tree';
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

/**
 * toDiagnostics for the versions of open documents. After a keystroke nearly every finding
 * is the object it was (findings are kept per unchanged document), and so is its
 * diagnostic when its ranges come out the same: such a diagnostic is not built again, and
 * the thousand of a 50,000-line file are not new objects for the garbage collector after
 * every keystroke. The ranges are computed every time, so a kept diagnostic is never
 * stale; its other fields come from the finding object, which does not change.
 */
export class DiagnosticsConverter {
  private readonly made = new WeakMap<Finding, Diagnostic>();

  convert(document: TextDocument, analysis: FileAnalysis, extra: readonly Finding[] = []): Diagnostic[] {
    const findings = extra.length > 0 ? mergeSortedFindings(analysis.findings, sortFindings(extra)) : analysis.findings;
    return findings.map((f) => {
      const kept = this.made.get(f);
      if (kept && sameRanges(document, f, kept)) return kept;
      const made = toDiagnostic(document, f);
      this.made.set(f, made);
      return made;
    });
  }
}

/** Whether `made`, the diagnostic of `f` in some version, has the ranges `f` has in `document` (and its uri). */
function sameRanges(document: TextDocument, f: Finding, made: Diagnostic): boolean {
  if (!sameRange(made.range, f.span, document)) return false;
  const related = made.relatedInformation ?? [];
  return (f.related ?? []).every((r, i) => related[i]?.location.uri === document.uri && sameRange(related[i].location.range, r.span, document));
}

function sameRange(range: Range, span: Span, document: TextDocument): boolean {
  const start = document.positionAt(span.start);
  if (start.line !== range.start.line || start.character !== range.start.character) return false;
  const end = document.positionAt(span.end);
  return end.line === range.end.line && end.character === range.end.character;
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
