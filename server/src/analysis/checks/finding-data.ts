/**
 * The `data` every finding carries so a fix can find its node again in a newer
 * parse: the document (and List item) holding the object, and the path of keys and
 * indexes from the object's root to the node. Offsets are never stored: they go
 * stale with the first keystroke, paths rarely do, and fixes check what they find.
 */
import type { Span, YNode } from '../../core/parse/yaml-tree';
import type { ObjectRef } from '../../model/types';
import type { FindingData } from '../../core/finding';

/** Keys and 0-based sequence indexes from an object's root map to a node. */
export type NodePath = readonly (string | number)[];

export interface PathData extends FindingData {
  readonly path: NodePath;
}

export function objectData(ref: ObjectRef): FindingData {
  return { docIndex: ref.docIndex, ...(ref.listIndex !== undefined && { listIndex: ref.listIndex }) };
}

/** Finding data for a node of the object: where it is, plus anything the fix needs. */
export function dataAt(ref: ObjectRef, path: NodePath, extra: Record<string, unknown> = {}): PathData {
  return { ...objectData(ref), path, ...extra };
}

/**
 * The path to the node with exactly this span inside `root`, or undefined. The model
 * keeps spans, not paths, so checks that start from the model ask here.
 */
export function pathToSpan(root: YNode, span: Span): NodePath | undefined {
  return search(root, span, []);
}

function search(node: YNode, span: Span, path: (string | number)[]): NodePath | undefined {
  if (node.span.start === span.start && node.span.end === span.end) return [...path];
  if (span.start < node.span.start || span.end > node.span.end) return undefined;
  if (node.kind === 'map') {
    for (const pair of node.items) {
      if (!pair.value) continue;
      const found = search(pair.value, span, [...path, pair.keyText]);
      if (found) return found;
    }
  }
  if (node.kind === 'seq') {
    for (let i = 0; i < node.items.length; i++) {
      const found = search(node.items[i]!, span, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

