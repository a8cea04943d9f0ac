/**
 * Merging two peers into one (OR -> AND) and splitting one peer into two (AND -> OR).
 * Both are the smallest possible edits: in block style a merge turns the second
 * item's dash into a space, so its keys join the first item's map, and a split turns
 * the space before a key into a dash; in flow style `}, {` becomes `, ` and back.
 */
import { isMap, isSeq, type YMap, type YSeq } from '../../../core/parse/yaml-tree';
import type { FileAnalysis } from '../../../analysis/file-analysis';
import type { FindingData } from '../../../core/finding';
import type { NodePath } from '../../../analysis/checks/finding-data';
import { replace, type Fix, type FindingFix, type TextEdit } from '../../../analysis/fixes/fix';
import { locate, nodeAt, objectRoot, pathOf, stringData } from '../../../analysis/fixes/locate';
import { columnOf, detectStyle, lineStartOf } from '../../../analysis/fixes/yaml-style';

export const mergePeersFix: FindingFix = (analysis, data) => {
  const path = pathOf(data);
  const root = objectRoot(analysis.parsed, data);
  const index = path?.[path.length - 1];
  if (!path || !root || typeof index !== 'number') return undefined;
  const list = nodeAt(root, path.slice(0, -1));
  const first = isSeq(list) ? list.items[index] : undefined;
  const second = isSeq(list) ? list.items[index + 1] : undefined;
  if (!isSeq(list) || !isMap(first) || !isMap(second)) return undefined;
  if (first.items.some((a) => second.items.some((b) => a.keyText === b.keyText))) return undefined;
  const edit = mergeEdit(analysis.parsed.text, list, first, second);
  return edit && { title: 'Merge into one peer (pods matching podSelector in namespaces matching namespaceSelector)', kind: 'quickfix', edits: [edit] };
};

function mergeEdit(text: string, list: YSeq, first: YMap, second: YMap): TextEdit | undefined {
  if (!list.flow && !first.flow && !second.flow) {
    const dash = text.lastIndexOf('-', second.span.start - 1);
    const lineStart = lineStartOf(text, second.span.start);
    if (dash < lineStart || text.slice(lineStart, dash).trim() !== '' || columnOf(text, first.span.start) !== columnOf(text, second.span.start)) return undefined;
    return replace({ start: dash, end: dash + 1 }, ' ');
  }
  if (first.flow && second.flow && first.items.length > 0 && second.items.length > 0) {
    const span = { start: first.items[first.items.length - 1]!.span.end, end: second.items[0]!.key.span.start };
    return text.slice(span.start, span.end).includes('#') ? undefined : replace(span, ', ');
  }
  return undefined;
}

/**
 * Splits the peer at `peerPath` so that `key` and the keys after it form a new peer
 * right below. Undefined when the layout is not one a single small edit can split.
 */
function splitPeer(analysis: FileAnalysis, data: FindingData, peerPath: NodePath, key: string): TextEdit | undefined {
  const root = objectRoot(analysis.parsed, data);
  const list = root ? nodeAt(root, peerPath.slice(0, -1)) : undefined;
  const peer = root ? nodeAt(root, peerPath) : undefined;
  if (!isSeq(list) || !isMap(peer)) return undefined;
  const at = peer.items.findIndex((p) => p.keyText === key);
  if (at < 1) return undefined;
  const text = analysis.parsed.text;
  const pair = peer.items[at]!;
  if (!peer.flow && !list.flow) {
    const dashColumn = columnOf(text, list.span.start);
    const lineStart = lineStartOf(text, pair.key.span.start);
    const keyColumn = columnOf(text, pair.key.span.start);
    if (text.slice(lineStart, pair.key.span.start).trim() !== '' || keyColumn !== columnOf(text, peer.span.start) || keyColumn - dashColumn < 2) return undefined;
    return replace({ start: lineStart + dashColumn, end: lineStart + dashColumn + 1 }, '-');
  }
  if (!peer.flow) return undefined;
  const span = { start: peer.items[at - 1]!.span.end, end: pair.key.span.start };
  if (text.slice(span.start, span.end).includes('#')) return undefined;
  if (list.flow) return replace(span, '}, {');
  const eol = detectStyle(analysis.parsed).eol;
  return replace(span, `}${eol}${' '.repeat(columnOf(text, list.span.start))}- {`);
}

/** The refactoring offered on a merged peer: namespaceSelector AND podSelector -> two peers (OR). */
export function splitPeerRefactor(analysis: FileAnalysis, data: FindingData, peerPath: NodePath): Fix | undefined {
  const root = objectRoot(analysis.parsed, data);
  const peer = root ? nodeAt(root, peerPath) : undefined;
  if (!isMap(peer)) return undefined;
  const keys = peer.items.map((p) => p.keyText);
  if (keys.includes('ipBlock') || !keys.includes('podSelector') || !keys.includes('namespaceSelector')) return undefined;
  // Each half becomes a peer of its own, so each must select something by itself: a null
  // selector (`namespaceSelector:`) is "not set", and its half would be an empty peer.
  if (peer.items.some((p) => (p.keyText === 'podSelector' || p.keyText === 'namespaceSelector') && !isMap(p.value))) return undefined;
  const later = keys.indexOf('podSelector') > keys.indexOf('namespaceSelector') ? 'podSelector' : 'namespaceSelector';
  const edit = splitPeer(analysis, data, peerPath, later);
  return edit && { title: 'Split into two peers (all pods of those namespaces OR those pods in this namespace)', kind: 'refactor.rewrite', edits: [edit] };
}

export const splitIpBlockFix: FindingFix = (analysis, data) => {
  const path = pathOf(data);
  const key = stringData(data, 'splitAt');
  if (!path || !key || !isMap(locate(analysis, data))) return undefined;
  const edit = splitPeer(analysis, data, path, key);
  return edit && { title: 'Move ipBlock into a peer of its own', kind: 'quickfix', edits: [edit] };
};
