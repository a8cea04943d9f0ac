/**
 * A finding: one problem in a file, before it becomes an LSP diagnostic.
 *
 * `code` is stable and is what code actions match on (never the message text);
 * `data` carries what a fix needs to recompute its edit.
 */
import type { Span } from './parse/yaml-tree';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly data?: FindingData;
  readonly related?: readonly RelatedSpan[];
  /** `unnecessary` greys out code that has no effect (e.g. ignored egress rules). */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** Data attached to a finding so its quick fix can find the node again. */
export interface FindingData {
  /** Index of the document (`---`) holding the object. */
  readonly docIndex: number;
  /** Index inside a `kind: List` document's `items`, when the object is one. */
  readonly listIndex?: number;
  readonly [key: string]: unknown;
}

export function finding(code: string, severity: Severity, message: string, span: Span, extra: Partial<Pick<Finding, 'data' | 'related' | 'tags'>> = {}): Finding {
  return { code, severity, message, span, ...extra };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Findings in reading order; at one place, the most severe first. Makes output deterministic. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareText(a.code, b.code);
}

/**
 * Two sorted lists as one, in the order sortFindings gives their concatenation (it is a
 * stable sort, so at equal places `first`'s come first): a pass over both instead of a
 * sort of a whole file's findings after every keystroke.
 */
export function mergeSortedFindings(first: readonly Finding[], second: readonly Finding[]): Finding[] {
  const merged: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) merged.push(compareFindings(second[j]!, first[i]!) < 0 ? second[j++]! : first[i++]!);
  while (i < first.length) merged.push(first[i++]!);
  while (j < second.length) merged.push(second[j++]!);
  return merged;
}

/** Code-unit order: the same on every machine, and it leaves ICU's collation data unloaded (a few MiB of memory). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
