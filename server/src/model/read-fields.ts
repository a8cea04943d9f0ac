/**
 * Small readers from YAML tree nodes to model fields. Each returns undefined when
 * the node has another shape, leaving the complaint to validation.
 *
 * Every reader looks through aliases (`deref`), so a field written as `*name`
 * reads as its anchor's value, with the anchor's spans (where it is written).
 */
import { endOf } from '../core/parse/document-span';
import { deref, getPair, isMap, isScalar, isSeq, type YMap, type YNode, type YPair } from '../core/parse/yaml-tree';
import type { Field, LabelEntry, ListField } from './types';

/** A string field; numbers and booleans are read as their text, as Kubernetes would not. */
export function stringField(map: YMap | undefined, key: string): Field<string> | undefined {
  const pair = map ? getPair(map, key) : undefined;
  const value = deref(pair?.value);
  if (!pair || !isScalar(value) || typeof value.value !== 'string') return undefined;
  return { value: value.value, span: value.span, keySpan: pair.key.span };
}

export function scalarText(written: YNode | null): Field<string> | undefined {
  const node = deref(written);
  if (!isScalar(node) || node.value === null) return undefined;
  return { value: String(node.value), span: node.span };
}

export function mapField(map: YMap | undefined, key: string): { pair: YPair; map: YMap } | undefined {
  const pair = map ? getPair(map, key) : undefined;
  const value = deref(pair?.value);
  return pair && isMap(value) ? { pair, map: value } : undefined;
}

/** A list field: `key: [...]` or a block sequence. `key:` with no value counts as an empty list. */
export function listField<T>(map: YMap | undefined, key: string, readItem: (node: YNode, index: number) => T | undefined): ListField<T> | undefined {
  const pair = map ? getPair(map, key) : undefined;
  if (!pair) return undefined;
  const node = deref(pair.value);
  if (node === null || (isScalar(node) && node.value === null)) {
    const span = node ? node.span : endOf(pair.key.span);
    return { span, keySpan: pair.key.span, node: node ?? pair.key, items: [] };
  }
  if (!isSeq(node)) return undefined;
  const items: T[] = [];
  node.items.forEach((item, index) => {
    const read = readItem(deref(item) ?? item, index);
    if (read !== undefined) items.push(read);
  });
  return { span: node.span, keySpan: pair.key.span, node, items };
}

/** String-to-string maps (labels, annotations, matchLabels). Non-scalar values are skipped. */
export function labelEntries(map: YMap | undefined, key: string): LabelEntry[] {
  const found = mapField(map, key);
  if (!found) return [];
  const entries: LabelEntry[] = [];
  for (const pair of found.map.items) {
    const node = deref(pair.value);
    if (!isScalar(node) && node !== null) continue;
    const value = isScalar(node) && node.value !== null ? String(node.value) : '';
    const valueSpan = node ? node.span : endOf(pair.key.span);
    entries.push({ key: { value: pair.keyText, span: pair.key.span }, value: { value, span: valueSpan } });
  }
  return entries;
}
