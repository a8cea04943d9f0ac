/**
 * Findings kept per document, relative to the document's start, so that after an
 * edit the findings of every unchanged document are reused instead of recomputed:
 * moved to the document's new offset and given its new index.
 *
 * Only findings that depend on nothing but the document's own text may be kept
 * this way (see PolicyCheck.crossDocument).
 */
import type { ParsedDocument } from '../parse/yaml-tree';
import type { Finding } from './finding';

/** Document text -> its findings with spans relative to the document's start. */
export type DocumentFindingsCache = ReadonlyMap<string, readonly Finding[]>;

export function documentKey(text: string, doc: ParsedDocument): string {
  return text.slice(doc.span.start, doc.span.end);
}

/** Always plain numbers: a parsed span would move with its document and be counted twice. */
export function toRelative(findings: readonly Finding[], doc: ParsedDocument): Finding[] {
  const start = doc.span.start;
  return findings.map((f) => move(f, -start, true));
}

export function fromRelative(findings: readonly Finding[], doc: ParsedDocument): Finding[] {
  return findings.map((f) => {
    const moved = move(f, doc.span.start);
    return moved.data && moved.data.docIndex !== doc.index ? { ...moved, data: { ...moved.data, docIndex: doc.index } } : moved;
  });
}

function move(f: Finding, delta: number, always = false): Finding {
  if (delta === 0 && !always) return f;
  const span = { start: f.span.start + delta, end: f.span.end + delta };
  const related = f.related?.map((r) => ({ ...r, span: { start: r.span.start + delta, end: r.span.end + delta } }));
  return { ...f, span, ...(related && { related }) };
}
