/**
 * Findings kept per document, relative to the document's start, so that after an
 * edit the findings of every unchanged document (the same ParsedDocument object,
 * see parse/parse-documents.ts) are reused instead of recomputed: moved to the
 * document's current offset.
 *
 * Only findings that depend on nothing but the document's own text may be kept
 * this way (see PolicyCheck.crossDocument). Spans are stored as numbers, because
 * a check may build a span of its own that would not move with the document.
 */
import type { ParsedDocument } from '../parse/yaml-tree';
import type { Finding } from './finding';

/** Document -> findings relative to its start; the document object stands for its text and its index. */
export class DocumentFindings {
  private readonly byDocument = new WeakMap<ParsedDocument, readonly Finding[]>();

  get(doc: ParsedDocument, compute: () => readonly Finding[]): Finding[] {
    let relative = this.byDocument.get(doc);
    if (!relative) {
      relative = toRelative(compute(), doc);
      this.byDocument.set(doc, relative);
    }
    return fromRelative(relative, doc);
  }
}

/** Always plain numbers: a parsed span would move with its document and be counted twice. */
function toRelative(findings: readonly Finding[], doc: ParsedDocument): Finding[] {
  const start = doc.span.start;
  return findings.map((f) => move(f, -start, true));
}

function fromRelative(findings: readonly Finding[], doc: ParsedDocument): Finding[] {
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
