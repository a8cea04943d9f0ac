/**
 * Findings kept per document, so that after an edit the findings of every
 * unchanged document (the same ParsedDocument object, see parse/parse-documents.ts)
 * are reused instead of recomputed.
 *
 * Only findings that depend on nothing but the document's own text may be kept
 * this way (see PolicyCheck.crossDocument). A check may build a span of its own,
 * which would not move with the document, so the kept findings get spans of their
 * own: the same offsets, anchored to the document (parse/document-span.ts), so
 * they read the document's current place after any edit above it.
 */
import { spanLike } from './parse/document-span';
import type { ParsedDocument, Span } from './parse/yaml-tree';
import type { Finding } from './finding';

/** Document -> its findings, whose spans move with it; the document object stands for its text and its index. */
export class DocumentFindings {
  private readonly byDocument = new WeakMap<ParsedDocument, readonly Finding[]>();

  get(doc: ParsedDocument, compute: () => readonly Finding[]): readonly Finding[] {
    let kept = this.byDocument.get(doc);
    if (!kept) {
      kept = compute().map((f) => anchored(f, doc));
      this.byDocument.set(doc, kept);
    }
    return kept;
  }
}

function anchored(f: Finding, doc: ParsedDocument): Finding {
  const move = (span: Span): Span => spanLike(doc.span, span.start, span.end);
  const related = f.related?.map((r) => ({ ...r, span: move(r.span) }));
  return { ...f, span: move(f.span), ...(related && { related }) };
}
