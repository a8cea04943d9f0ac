/**
 * Offset -> the YAML node under the cursor and the path of keys and indexes that
 * leads to it. Only keys, scalar values, flow collections (`{}`, `[a, b]`) and the
 * `-` of a sequence item count as "under the cursor": blank space, colons and
 * comments inside a block collection are not a node, so they get no hover.
 */
import type { Span, YNode, YPair } from '../../core/parse/yaml-tree';

export type PathStep = { readonly key: string; readonly pair: YPair } | { readonly index: number; readonly node: YNode };

export interface NodeHit {
  readonly path: readonly PathStep[];
  /**
   * `key`: the last step's key is hovered. `value`: the value the path leads to.
   * `item`: the `-` of the sequence item the last step leads to; the span then
   * runs from the dash to the end of the item.
   */
  readonly on: 'key' | 'value' | 'item';
  readonly span: Span;
  /** The hovered node (for a key, the value of its pair). */
  readonly node: YNode | null;
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function hitAt(root: YNode, text: string, offset: number): NodeHit | null {
  return walk(root, [], text, offset);
}

/**
 * The policy whose object holds `offset` and the node hit inside it, for the
 * locators of every dialect alike; null off every policy, or on no node of it.
 */
export function policyHitAt<P extends { readonly ref: { readonly node: YNode } }>(policies: readonly P[], text: string, offset: number): { policy: P; hit: NodeHit } | null {
  const policy = policies.find((p) => within(p.ref.node.span, offset));
  const hit = policy && hitAt(policy.ref.node, text, offset);
  return policy && hit && hit.path.length > 0 ? { policy, hit } : null;
}

function walk(node: YNode, path: PathStep[], text: string, offset: number): NodeHit | null {
  if (node.kind === 'map') return walkMap(node.items, node, path, text, offset);
  if (node.kind === 'seq') return walkSeq(node.items, node, path, text, offset);
  return within(node.span, offset) ? { path, on: 'value', span: node.span, node } : null;
}

function walkMap(items: readonly YPair[], node: YNode, path: PathStep[], text: string, offset: number): NodeHit | null {
  for (const pair of items) {
    const step = { key: pair.keyText, pair };
    if (within(pair.key.span, offset)) return { path: [...path, step], on: 'key', span: pair.key.span, node: pair.value };
    if (pair.value && within(pair.value.span, offset)) return walk(pair.value, [...path, step], text, offset);
  }
  return flowHit(node, path, offset);
}

function walkSeq(items: readonly YNode[], node: YNode, path: PathStep[], text: string, offset: number): NodeHit | null {
  for (const [index, item] of items.entries()) {
    const step = { index, node: item };
    if (within(item.span, offset)) return walk(item, [...path, step], text, offset);
    // The item's span starts after its `-`; the hovered item, dash included, runs from the dash on.
    if (isDashOf(item, text, offset)) return { path: [...path, step], on: 'item', span: { start: offset, end: Math.max(trimmedEnd(item.span, text), offset + 1) }, node: item };
  }
  return flowHit(node, path, offset);
}

/** The cursor is on the `-` that introduces this item: only blanks lie between them. */
function isDashOf(item: YNode, text: string, offset: number): boolean {
  return text[offset] === '-' && offset < item.span.start && /^[ \t]*$/.test(text.slice(offset + 1, item.span.start));
}

/** A block collection's span runs to the next line; the item the user sees ends at its last character. */
function trimmedEnd(span: Span, text: string): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** A flow collection's brackets and commas belong to it; a block collection's blank space does not. */
function flowHit(node: YNode, path: PathStep[], offset: number): NodeHit | null {
  return node.flow && within(node.span, offset) ? { path, on: 'value', span: node.span, node } : null;
}
