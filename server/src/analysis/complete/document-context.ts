/**
 * Which object the cursor is in: the YAML document around it, the dialect whose
 * policy it is (and whether it is a cluster-scoped kind), its namespace, and that
 * dialect's model of the policy when the document parses. Documents that are still
 * being written may not parse; their kind is then read from the text.
 */
import type { ParsedDocument, ParsedFile } from '../../core/parse/yaml-tree';
import { DIALECTS } from '../../dialects/registry';
import type { Dialect } from '../../dialects/dialect';
import { readMetadata } from '../../model/metadata';
import type { ObjectRef } from '../../model/types';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import type { FileAnalysis, PolicyObject } from '../file-analysis';
import { lineStart } from './yaml-lines';

export interface DocumentContext {
  readonly doc: ParsedDocument;
  /** Nothing but blanks, comments and the cursor's own line: room for a whole new policy. */
  readonly empty: boolean;
  /** The dialect whose policy the document is (or is becoming). */
  readonly dialect?: Dialect;
  /** The document's kind is one of the dialect's cluster-scoped kinds. */
  readonly global: boolean;
  /** The policy's namespace (`default` when it names none). */
  readonly namespace: string;
  readonly object?: ObjectRef;
  /** The dialect's model of the policy, when the document parses that far. */
  readonly policy?: PolicyObject;
}

export function documentContext(analysis: FileAnalysis, offset: number): DocumentContext {
  const text = analysis.parsed.text;
  // A file with nothing in it has no document yet; the cursor is in the one about to be written.
  const doc = documentAt(analysis.parsed, offset) ?? { index: 0, span: { start: 0, end: text.length }, root: null, problems: [], templated: false };
  const empty = isEmptyExceptCursorLine(text, doc, offset);
  const objects = analysis.objects.filter((o) => o.docIndex === doc.index);
  const object = objects.find((o) => o.node.span.start <= offset && offset <= o.node.span.end) ?? (objects.length === 1 ? objects[0] : undefined);
  const { dialect, kind } = object ? { dialect: DIALECTS.find((d) => d.claims(object)), kind: object.kind?.value } : dialectFromText(text.slice(doc.span.start, doc.span.end));
  const global = dialect !== undefined && kind !== undefined && (dialect.completion.clusterScopedKinds?.includes(kind) ?? false);
  const namespace = (object && readMetadata(object.node).namespace?.value) || DEFAULT_NAMESPACE;
  const policy = object && dialect ? dialect.readingOf(analysis).find((p) => p.ref === object) : undefined;
  return { doc, empty, global, namespace, ...(dialect && { dialect }), ...(object && { object }), ...(policy && { policy }) };
}

/** Documents are in file order and do not overlap: a binary search finds the one holding `offset`. */
function documentAt(parsed: ParsedFile, offset: number): ParsedDocument | undefined {
  const docs = parsed.documents;
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = docs[mid]!.span;
    if (offset < span.start) hi = mid - 1;
    else if (offset > span.end) lo = mid + 1;
    else return docs[mid];
  }
  return docs[docs.length - 1];
}

/** The dialect that surely owns the kind the text names, else one that takes it when no other does. */
function dialectFromText(text: string): { dialect: Dialect | undefined; kind: string | undefined } {
  const kind = /^kind:[ \t]*["']?(\w+)/m.exec(text)?.[1];
  const apiVersion = /^apiVersion:[ \t]*["']?([\w./-]+)/m.exec(text)?.[1] ?? '';
  const claims = DIALECTS.map((d) => [d, d.completion.documentKind(kind, apiVersion)] as const);
  const dialect = (claims.find(([, claim]) => claim === 'own') ?? claims.find(([, claim]) => claim === 'fallback'))?.[0];
  return { dialect, kind };
}

const CONTENT_LINE = /^(?![ \t]*(?:#.*)?\r?$)(?!(?:---|\.\.\.)(?:[ \t].*)?\r?$)/m;

function isEmptyExceptCursorLine(text: string, doc: ParsedDocument, offset: number): boolean {
  const start = lineStart(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  return !CONTENT_LINE.test(text.slice(doc.span.start, start)) && !CONTENT_LINE.test(text.slice(lineEnd + 1, doc.span.end));
}
