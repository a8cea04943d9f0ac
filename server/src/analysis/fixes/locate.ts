/**
 * Finds a finding's node again from its data: document, List item, then the path of
 * keys and indexes. Data arrives from the client as JSON, so every part is checked.
 */
import { getPair, isMap, isSeq, type ParsedFile, type YMap, type YNode, type YPair } from '../../core/parse/yaml-tree';
import type { FileAnalysis, PolicyObject } from '../file-analysis';
import type { FindingData } from '../../core/finding';
import type { NodePath } from '../checks/finding-data';

export function pathOf(data: FindingData): NodePath | undefined {
  const path = data['path'];
  if (!Array.isArray(path)) return undefined;
  return path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0)) ? (path as NodePath) : undefined;
}

export function stringData(data: FindingData, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

/** The root map of the object the data points at: a document, or an item of a List. */
export function objectRoot(parsed: ParsedFile, data: FindingData): YMap | undefined {
  if (typeof data.docIndex !== 'number') return undefined;
  const root = parsed.documents[data.docIndex]?.root;
  if (!isMap(root)) return undefined;
  if (data.listIndex === undefined) return root;
  const items = getPair(root, 'items')?.value;
  const item = isSeq(items) && typeof data.listIndex === 'number' ? items.items[data.listIndex] : undefined;
  return isMap(item) ? item : undefined;
}

export function nodeAt(root: YNode, path: NodePath): YNode | undefined {
  let node: YNode | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') node = isSeq(node) ? node.items[part] : undefined;
    else node = isMap(node) ? (getPair(node, part)?.value ?? undefined) : undefined;
  }
  return node;
}

/** The pair whose key is the last (string) element of the path. */
function pairAt(root: YNode, path: NodePath): YPair | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  return isMap(parent) ? getPair(parent, key) : undefined;
}

/** The node the finding data points at, in the current parse. */
export function locate(analysis: FileAnalysis, data: FindingData): YNode | undefined {
  const root = objectRoot(analysis.parsed, data);
  const path = pathOf(data);
  return root && path ? nodeAt(root, path) : undefined;
}

export function locatePair(analysis: FileAnalysis, data: FindingData): YPair | undefined {
  const root = objectRoot(analysis.parsed, data);
  const path = pathOf(data);
  return root && path ? pairAt(root, path) : undefined;
}

/** The policy among `policies` (one dialect's, of the analysed file) that the finding's data names. */
export function policyOf<P extends PolicyObject>(policies: readonly P[], data: FindingData): P | undefined {
  return policies.find((p) => p.ref.docIndex === data.docIndex && p.ref.listIndex === data.listIndex);
}
