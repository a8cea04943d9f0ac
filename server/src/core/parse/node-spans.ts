/**
 * Where a node's own text ends. A block collection's span runs on over the trailing
 * newline and any comment lines after its last entry; underlines and insertions
 * want the end of the last value actually written.
 */
import type { Span, YNode, YPair } from './yaml-tree';

export function contentEnd(node: YNode): number {
  if (!node.flow && node.kind === 'map' && node.items.length > 0) return pairContentEnd(node.items[node.items.length - 1]!);
  if (!node.flow && node.kind === 'seq' && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]!);
  if (node.kind === 'scalar' && node.style === 'block') return trimTrailingBreaks(node);
  return node.span.end;
}

export function pairContentEnd(pair: YPair): number {
  return pair.value ? Math.max(contentEnd(pair.value), pair.key.span.end) : pair.key.span.end;
}

/** From the start of the key to the end of its value's text. */
export function pairSpan(pair: YPair): Span {
  return { start: pair.key.span.start, end: pairContentEnd(pair) };
}

export function nodeSpan(node: YNode): Span {
  return { start: node.span.start, end: contentEnd(node) };
}

function trimTrailingBreaks(node: YNode & { source?: string }): number {
  const source = node.kind === 'scalar' ? node.source : '';
  const trimmed = source.replace(/[\r\n]+$/, '');
  return node.span.start + trimmed.length;
}
