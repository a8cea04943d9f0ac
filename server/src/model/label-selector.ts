/** YAML -> LabelSelector and SelectorRequirement. */
import { getPair, isMap, isScalar, isSeq, type YMap, type YPair } from '../parse/yaml-tree';
import { labelEntries, scalarText, stringField } from './read-fields';
import type { Field, LabelSelector, SelectorRequirement } from './types';

/**
 * Reads a selector from its pair. `podSelector:` with no value (null) reads as an
 * empty selector, which is what the API server stores for it.
 */
export function readSelector(pair: YPair | undefined): LabelSelector | undefined {
  if (!pair) return undefined;
  const node = pair.value;
  const span = node ? node.span : { start: pair.key.span.end, end: pair.key.span.end };
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
  const pair = map ? getPair(map, 'matchExpressions') : undefined;
  if (!pair || !isSeq(pair.value)) return [];
  const result: SelectorRequirement[] = [];
  for (const item of pair.value.items) {
    if (!isMap(item)) continue;
    const valuesPair = getPair(item, 'values');
    const values: Field<string>[] = [];
    if (valuesPair && isSeq(valuesPair.value)) {
      for (const v of valuesPair.value.items) {
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
      ...(valuesPair?.value && { valuesSpan: valuesPair.value.span }),
    });
  }
  return result;
}
