/**
 * ParsedFile -> the Kubernetes objects it holds: one per document, or one per item
 * of a `kind: List` (or `*List`) document. Non-Kubernetes YAML yields nothing.
 */
import { deref, getPair, isMap, isSeq, type ParsedDocument, type ParsedFile, type YMap } from '../core/parse/yaml-tree';
import { memoByObject } from './memo';
import { stringField } from './read-fields';
import type { Field, ObjectRef } from './types';

export function collectObjects(file: ParsedFile): ObjectRef[] {
  // A loop, not flatMap: this runs over every document of a file after each keystroke.
  const objects: ObjectRef[] = [];
  for (const doc of file.documents) for (const ref of documentObjects(doc)) objects.push(ref);
  return objects;
}

/** The objects of one document; the same document object always gives the same ObjectRefs. */
const documentObjects = memoByObject((doc: ParsedDocument): readonly ObjectRef[] => {
  if (doc.templated || !isMap(doc.root)) return [];
  const ref = toObjectRef(doc.root, doc.index);
  if (!ref) return [];
  return isListKind(ref.kind?.value) ? listItems(doc.root, doc.index, itemDefaults(ref)) : [ref];
});

/**
 * What an item of a typed list is when it does not say: the API server returns a `PodList`
 * (any `<Kind>List`) with items that carry no `kind` or `apiVersion`, since the list's
 * kind names theirs. A plain `List` holds objects of any kind, so its items must say.
 * The inherited fields point at the list's own `kind:` and `apiVersion:`.
 */
interface ItemDefaults {
  readonly apiVersion?: Field<string>;
  readonly kind?: Field<string>;
}

function itemDefaults(list: ObjectRef): ItemDefaults {
  const listKind = list.kind?.value ?? '';
  const itemKind = listKind.slice(0, -'List'.length);
  if (itemKind === '' || !list.kind) return {};
  return { kind: { ...list.kind, value: itemKind }, ...(list.apiVersion && { apiVersion: list.apiVersion }) };
}

/** A map is a Kubernetes object when it has `apiVersion` or `kind` as a top-level string. */
function toObjectRef(node: YMap, docIndex: number, listIndex?: number, defaults: ItemDefaults = {}): ObjectRef | undefined {
  const apiVersion = stringField(node, 'apiVersion') ?? defaults.apiVersion;
  const kind = stringField(node, 'kind') ?? defaults.kind;
  if (!apiVersion && !kind) return undefined;
  const ref: ObjectRef = { docIndex, node, ...(listIndex !== undefined && { listIndex }), ...(apiVersion && { apiVersion }), ...(kind && { kind }) };
  return ref;
}

function isListKind(kind: string | undefined): boolean {
  return kind !== undefined && kind.endsWith('List');
}

function listItems(root: YMap, docIndex: number, defaults: ItemDefaults): ObjectRef[] {
  const items = deref(getPair(root, 'items')?.value);
  if (!isSeq(items)) return [];
  const refs: ObjectRef[] = [];
  items.items.forEach((written, index) => {
    const item = deref(written);
    if (!isMap(item)) return;
    const ref = toObjectRef(item, docIndex, index, defaults);
    if (ref) refs.push(ref);
  });
  return refs;
}
