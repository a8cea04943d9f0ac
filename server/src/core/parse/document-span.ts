/**
 * Spans that move with their document.
 *
 * Every span of a parsed document is stored relative to the start of the text it
 * was parsed from, plus a reference to that text's `DocumentBase`, and reads as an
 * absolute file offset through `start` and `end`. When an edit above a document
 * moves it, the parser sets the base's offset once instead of copying the
 * document's tree, and every span read from it (nodes, model objects, findings,
 * reachability traces) reads the new offsets. The objects read from an unchanged
 * document therefore stay valid, and stay the same objects, across edits.
 *
 * Code that derives a span from another one (a point after a key, a range inside a
 * scalar) and keeps it beyond the current request must build it with `spanLike`, so
 * that it moves too. A plain `{ start, end }` is fine for answers computed on the
 * spot (hovers, edits, completion).
 */
import type { DocumentBase, Span } from './yaml-tree';

export type { DocumentBase } from './yaml-tree';

export class DocumentSpan implements Span {
  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly base: DocumentBase,
  ) {}

  get start(): number {
    return this.from + this.base.offset;
  }

  get end(): number {
    return this.to + this.base.offset;
  }

  /** The base, for spans derived from this one. */
  get documentBase(): DocumentBase {
    return this.base;
  }

  /** Spans travel as plain `{ start, end }` (protocol messages, snapshots). */
  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

/** A span with the absolute offsets `start`..`end` that moves with the document of `anchor`. */
export function spanLike(anchor: Span, start: number, end: number): Span {
  if (anchor instanceof DocumentSpan) {
    const base = anchor.documentBase;
    return new DocumentSpan(start - base.offset, end - base.offset, base);
  }
  return { start, end };
}

/** The empty span at the end of `span` (where a missing value would go), moving with it. */
export function endOf(span: Span): Span {
  return spanLike(span, span.end, span.end);
}
