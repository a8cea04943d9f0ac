/**
 * Which object the cursor is in: the YAML document around it, the policy kind
 * (Kubernetes or Calico, namespaced or global), its namespace, and the model of
 * that policy when the document parses. Documents that are still being written
 * may not parse; their kind is then read from the text.
 */
import type { ParsedDocument, ParsedFile } from '../../core/parse/yaml-tree';
import type { CalicoPolicy } from '../../dialects/calico/model/types';
import { isCalicoPolicy } from '../../dialects/calico/model/read-policy';
import { readMetadata } from '../../model/metadata';
import type { NetworkPolicy, ObjectRef } from '../../model/types';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import type { FileAnalysis } from '../analyze-file';
import { lineStart } from './yaml-lines';

export type PolicyFlavor = 'k8s' | 'calico' | 'calico-global';

export interface DocumentContext {
  readonly doc: ParsedDocument;
  /** Nothing but blanks, comments and the cursor's own line: room for a whole new policy. */
  readonly empty: boolean;
  readonly flavor?: PolicyFlavor;
  /** The policy's namespace (`default` when it names none). */
  readonly namespace: string;
  readonly object?: ObjectRef;
  readonly policy?: NetworkPolicy;
  readonly calicoPolicy?: CalicoPolicy;
}

export function documentContext(analysis: FileAnalysis, offset: number): DocumentContext {
  const text = analysis.parsed.text;
  // A file with nothing in it has no document yet; the cursor is in the one about to be written.
  const doc = documentAt(analysis.parsed, offset) ?? { index: 0, span: { start: 0, end: text.length }, root: null, problems: [], templated: false };
  const empty = isEmptyExceptCursorLine(text, doc, offset);
  const objects = analysis.objects.filter((o) => o.docIndex === doc.index);
  const object = objects.find((o) => o.node.span.start <= offset && offset <= o.node.span.end) ?? (objects.length === 1 ? objects[0] : undefined);
  const flavor = object ? flavorOf(object) : flavorFromText(text.slice(doc.span.start, doc.span.end));
  const namespace = (object && readMetadata(object.node).namespace?.value) || DEFAULT_NAMESPACE;
  const policy = object ? analysis.policies.find((p) => p.ref === object) : undefined;
  const calicoPolicy = object ? analysis.calicoPolicies.find((p) => p.ref === object) : undefined;
  return { doc, empty, namespace, ...(flavor && { flavor }), ...(object && { object }), ...(policy && { policy }), ...(calicoPolicy && { calicoPolicy }) };
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

function flavorOf(object: ObjectRef): PolicyFlavor | undefined {
  if (isCalicoPolicy(object)) return object.kind?.value === 'GlobalNetworkPolicy' ? 'calico-global' : 'calico';
  if (object.kind?.value !== 'NetworkPolicy') return undefined;
  const apiVersion = object.apiVersion?.value;
  return apiVersion === undefined || apiVersion.startsWith('networking.k8s.io/') ? 'k8s' : undefined;
}

function flavorFromText(text: string): PolicyFlavor | undefined {
  const kind = /^kind:[ \t]*["']?(\w+)/m.exec(text)?.[1];
  const apiVersion = /^apiVersion:[ \t]*["']?([\w./-]+)/m.exec(text)?.[1] ?? '';
  if (kind === 'GlobalNetworkPolicy') return 'calico-global';
  if (kind !== 'NetworkPolicy') return undefined;
  return apiVersion.includes('projectcalico.org') ? 'calico' : 'k8s';
}

const CONTENT_LINE = /^(?![ \t]*(?:#.*)?\r?$)(?!(?:---|\.\.\.)(?:[ \t].*)?\r?$)/m;

function isEmptyExceptCursorLine(text: string, doc: ParsedDocument, offset: number): boolean {
  const start = lineStart(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  return !CONTENT_LINE.test(text.slice(doc.span.start, start)) && !CONTENT_LINE.test(text.slice(lineEnd + 1, doc.span.end));
}
