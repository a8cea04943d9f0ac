/**
 * ParsedFile -> the Kubernetes objects it holds: one per document, or one per item
 * of a `kind: List` (or `*List`) document. Non-Kubernetes YAML yields nothing.
 */
import { deref, getPair, isMap, isSeq, type ParsedDocument, type ParsedFile, type YMap } from '../parse/yaml-tree';
import { memoByObject } from './memo';
import { stringField } from './read-fields';
import type { ObjectRef } from './types';

export function collectObjects(file: ParsedFile): ObjectRef[] {
  return file.documents.flatMap(documentObjects);
}

/** The objects of one document; the same document object always gives the same ObjectRefs. */
const documentObjects = memoByObject((doc: ParsedDocument): readonly ObjectRef[] => {
  if (doc.templated || !isMap(doc.root)) return [];
  const ref = toObjectRef(doc.root, doc.index);
  if (!ref) return [];
  return isListKind(ref.kind?.value) ? listItems(doc.root, doc.index) : [ref];
});

/** A map is a Kubernetes object when it has `apiVersion` or `kind` as a top-level string. */
function toObjectRef(node: YMap, docIndex: number, listIndex?: number): ObjectRef | undefined {
  const apiVersion = stringField(node, 'apiVersion');
  const kind = stringField(node, 'kind');
  if (!apiVersion && !kind) return undefined;
  const ref: ObjectRef = { docIndex, node, ...(listIndex !== undefined && { listIndex }), ...(apiVersion && { apiVersion }), ...(kind && { kind }) };
  return ref;
}

function isListKind(kind: string | undefined): boolean {
  return kind !== undefined && kind.endsWith('List');
}

function listItems(root: YMap, docIndex: number): ObjectRef[] {
  const items = deref(getPair(root, 'items')?.value);
  if (!isSeq(items)) return [];
  const refs: ObjectRef[] = [];
  items.items.forEach((written, index) => {
    const item = deref(written);
    if (!isMap(item)) return;
    const ref = toObjectRef(item, docIndex, index);
    if (ref) refs.push(ref);
  });
  return refs;
}

export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

/**
 * A Kubernetes NetworkPolicy, or something meant as one: `kind: NetworkPolicy` with a
 * missing or `networking.k8s.io/*` apiVersion (validation reports a wrong version).
 * Calico's `projectcalico.org/v3` NetworkPolicy is a different object.
 */
export function isNetworkPolicy(ref: ObjectRef): boolean {
  if (ref.kind?.value !== 'NetworkPolicy') return false;
  const apiVersion = ref.apiVersion?.value;
  return apiVersion === undefined || apiVersion.startsWith('networking.k8s.io/');
}
