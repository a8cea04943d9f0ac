/** YAML -> LabelSelector and SelectorRequirement. */
import { endOf } from '../core/parse/document-span';
import { deref, getPair, isMap, isScalar, isSeq, type YMap, type YPair } from '../core/parse/yaml-tree';
import { labelEntries, scalarText, stringField } from './read-fields';
import type { Field, LabelSelector, SelectorRequirement } from './types';

/**
 * Reads a selector from its pair. What a null value (`podSelector:` alone) means
 * depends on the Go type behind the field, and the model follows the API server:
 * `spec.podSelector` is a struct, so null decodes to an empty selector (all pods);
 * a peer's selectors are pointers, so null decodes to "not set", exactly as if
 * the key were absent (and `namespaceSelector:` does NOT mean all namespaces).
 */
export function readSelector(pair: YPair | undefined, nullMeans: 'empty' | 'absent' = 'empty'): LabelSelector | undefined {
  if (!pair) return undefined;
  const node = deref(pair.value);
  if (nullMeans === 'absent' && (node === null || (isScalar(node) && node.value === null))) return undefined;
  const span = node ? node.span : endOf(pair.key.span);
  if (node !== null && !isMap(node) && !(isScalar(node) && node.value === null)) return undefined;
  const map = isMap(node) ? node : undefined;
  return {
    span,
    keySpan: pair.key.span,
    node,
    matchLabels: labelEntries(map, 'matchLabels'),
    matchExpressions: readRequirements(map),
  };
}

function readRequirements(map: YMap | undefined): SelectorRequirement[] {
  const list = deref(map ? getPair(map, 'matchExpressions')?.value : undefined);
  if (!isSeq(list)) return [];
  const result: SelectorRequirement[] = [];
  for (const written of list.items) {
    const item = deref(written);
    if (!isMap(item)) continue;
    const valuesPair = getPair(item, 'values');
    const valuesNode = deref(valuesPair?.value);
    const values: Field<string>[] = [];
    if (isSeq(valuesNode)) {
      for (const v of valuesNode.items) {
        const text = scalarText(v);
        if (text) values.push(text);
      }
    }
    const key = stringField(item, 'key');
    const operator = stringField(item, 'operator');
    result.push({
      span: item.span,
      ...(key && { key }),
      ...(operator && { operator }),
      values,
      ...(valuesNode && { valuesSpan: valuesNode.span }),
    });
  }
  return result;
}
