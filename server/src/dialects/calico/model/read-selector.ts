/** A selector field (`selector: app == 'web'`) -> CalicoSelector, parsed once, with its offset map. */
import { endOf } from '../../../core/parse/document-span';
import { getPair, isScalar, type Span, type YMap } from '../../../core/parse/yaml-tree';
import type { LocalSpan } from '../selector/ast';
import { parseSelector } from '../selector/parser';
import { scalarValueOffsets, valueSpanToFile } from './scalar-offsets';
import type { CalicoSelector, SelectorRole } from './types';

/**
 * Reads `key` of `map` as a selector. `key:` with no value reads as the empty
 * selector (all()), as Calico stores it; a value that is not a string (a number,
 * a map) reads as absent, and the schema check reports its type.
 */
export function readCalicoSelector(map: YMap | undefined, key: string, role: SelectorRole): CalicoSelector | undefined {
  const pair = map ? getPair(map, key) : undefined;
  if (!pair) return undefined;
  const node = pair.value;
  const keySpan = pair.key.span;
  if (node === null || (isScalar(node) && node.value === null)) {
    const span = node ? node.span : endOf(keySpan);
    return { role, keySpan, node, text: '', span, parse: parseSelector('') };
  }
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const offsets = scalarValueOffsets(node);
  return { role, keySpan, node, text: node.value, span: node.span, scalar: node, ...(offsets && { offsets }), parse: parseSelector(node.value) };
}

/**
 * A range of the selector's text as a file span. Without an offset map (an
 * unusual scalar), or for a selector with no scalar, the whole value is blamed.
 */
export function selectorSpanToFile(selector: CalicoSelector, local: LocalSpan): Span {
  if (!selector.scalar) return selector.span;
  return valueSpanToFile(selector.scalar, selector.offsets, local.start, local.end);
}
