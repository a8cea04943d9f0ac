/**
 * Edits that take one entry out of a collection and leave every other byte alone:
 * a list item (`- Ingress`, or `Ingress` in `[Ingress, Ingress]`) or a map pair
 * (`values: [x]`). In block style the entry's whole lines go, comments on them
 * included; in flow style the entry and one separating comma. Undefined when the
 * entry shares a line with something that must stay (e.g. the first key of a
 * `- key: v` item): guessing there could break the YAML.
 */
import type { Span, YNode, YPair } from '../../core/parse/yaml-tree';
import { contentEnd, pairContentEnd } from '../../core/parse/node-spans';
import { replace, type TextEdit } from './fix';
import { lineEndAfter } from './yaml-edits';
import { lineStartOf } from './yaml-style';

/** Removes `items[index]` of a list. */
export function removeSeqItem(text: string, list: YNode, index: number): TextEdit | undefined {
  if (list.kind !== 'seq') return undefined;
  const item = list.items[index];
  if (!item) return undefined;
  if (list.flow) return removeFlowEntry(list.items.map((i) => ({ start: i.span.start, end: i.span.end })), index);
  const dash = text.lastIndexOf('-', item.span.start - 1);
  if (dash < 0) return undefined;
  return removeLines(text, dash, contentEnd(item));
}

/** Removes `pair` from `map`. */
export function removePair(text: string, map: YNode, pair: YPair): TextEdit | undefined {
  if (map.kind !== 'map') return undefined;
  const index = map.items.indexOf(pair);
  if (index < 0) return undefined;
  if (map.flow) return removeFlowEntry(map.items.map((p) => ({ start: p.key.span.start, end: pairContentEnd(p) })), index);
  return removeLines(text, pair.key.span.start, pairContentEnd(pair));
}

/** The lines from `start`'s to `end`'s, when `start` is the first text on its line. */
function removeLines(text: string, start: number, end: number): TextEdit | undefined {
  const lineStart = lineStartOf(text, start);
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  return replace({ start: lineStart, end: lineEndAfter(text, end) }, '');
}

/** A flow entry with the comma after it (or, for the last, the comma before it). */
function removeFlowEntry(entries: readonly Span[], index: number): TextEdit {
  const entry = entries[index]!;
  if (index + 1 < entries.length) return replace({ start: entry.start, end: entries[index + 1]!.start }, '');
  if (index > 0) return replace({ start: entries[index - 1]!.end, end: entry.end }, '');
  return replace(entry, '');
}
