/**
 * A fix is a title and a list of minimal text edits: insertions and replacements at
 * exact offsets of the current text, computed from the YAML tree. Nothing is ever
 * re-serialised, so comments, key order, quoting and blank lines elsewhere survive.
 * services/code-actions.ts turns fixes into LSP code actions.
 */
import type { Span } from '../../core/parse/yaml-tree';
import type { FileAnalysis } from '../file-analysis';
import type { FindingData } from '../../core/finding';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** LSP code action kinds, as plain strings so the core stays free of LSP imports. */
export type FixKind = 'quickfix' | 'source' | 'refactor.rewrite';

export interface Fix {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply with one keystroke (VS Code's "auto fix"). */
  readonly isPreferred?: boolean;
}

/**
 * A quick fix for one finding code. It receives the finding's data, re-locates its node
 * in the current analysis, checks the node is still what the finding described, and
 * returns undefined when it is not (the diagnostic was stale) or no edit is safe.
 */
export type FindingFix = (analysis: FileAnalysis, data: FindingData) => Fix | undefined;

export function replace(span: Span, newText: string): TextEdit {
  return { span, newText };
}

export function insert(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
}

/**
 * Applies non-overlapping edits to a text, as an LSP client does: insertions at the
 * same offset appear in the order of the array. Used by tests and the CLI.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => b.edit.span.start - a.edit.span.start || b.edit.span.end - a.edit.span.end || b.index - a.index);
  let result = text;
  for (const { edit } of order) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

/** What the code actions ask of each dialect (analysis/fixes/index.ts). */
export interface FixHooks {
  /** Quick fixes by the finding code they fix. */
  readonly quickFixes: Readonly<Record<string, readonly FindingFix[]>>;
  /** Refactorings offered at a span. */
  refactoringsAt?(analysis: FileAnalysis, span: Span): Fix[];
  /** Source actions offered at a span. */
  sourceActionsAt?(analysis: FileAnalysis, span: Span): Fix[];
}
