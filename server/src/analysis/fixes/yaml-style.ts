/**
 * How this file writes YAML, so inserted text looks as if the author typed it: the
 * indent step of nested maps, where a block sequence's dashes sit relative to their
 * key (indented under it, or "zero-indented" at the key's column), the gap between a
 * dash and its item, and the line ending (LF or CRLF). Each is the most common
 * choice in the file; files too small to say get Kubernetes-docs defaults.
 */
import type { ParsedFile, YNode } from '../../core/parse/yaml-tree';

export interface YamlStyle {
  /** Columns from a key to its nested map's keys. */
  readonly indent: number;
  /** Columns from a key to the dashes of its block sequence (0 = zero-indented). */
  readonly seqOffset: number;
  /** Columns from a dash to its item's content (2 for "- item"). */
  readonly dashGap: number;
  readonly eol: '\n' | '\r\n';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where new items go above the item starting its line at `lineStart`: comment lines right above it belong to it. */
export function aboveComments(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const previous = lineStartOf(text, start - 1);
    if (!text.slice(previous, start).trim().startsWith('#')) break;
    start = previous;
  }
  return start;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Style is a property of the parse; a whole-file code action request asks for it once per fix. */
const CACHE = new WeakMap<ParsedFile, YamlStyle>();

export function detectStyle(parsed: ParsedFile): YamlStyle {
  const cached = CACHE.get(parsed);
  if (cached) return cached;
  const style = computeStyle(parsed);
  CACHE.set(parsed, style);
  return style;
}

function computeStyle(parsed: ParsedFile): YamlStyle {
  const text = parsed.text;
  const tally = { indent: new Map<number, number>(), seqOffset: new Map<number, number>(), dashGap: new Map<number, number>() };
  for (const doc of parsed.documents) if (doc.root) visit(text, doc.root, tally);
  const indent = mostCommon(tally.indent) ?? 2;
  return {
    indent,
    seqOffset: mostCommon(tally.seqOffset) ?? indent,
    dashGap: mostCommon(tally.dashGap) ?? 2,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/**
 * The style of one block collection and what it holds, falling back on the file's:
 * an item appended to a list is written as that list's own items are, even where the
 * rest of the file chose otherwise (a compact `- to:` list in a file that indents its
 * lists). `ownOffset` is the collection's own offset from its key, when it has one.
 */
export function styleWithin(text: string, node: YNode, file: YamlStyle, ownOffset?: number): YamlStyle {
  const tally = { indent: new Map<number, number>(), seqOffset: new Map<number, number>(), dashGap: new Map<number, number>() };
  if (ownOffset !== undefined) count(tally.seqOffset, ownOffset);
  visit(text, node, tally);
  return {
    indent: mostCommon(tally.indent) ?? file.indent,
    seqOffset: mostCommon(tally.seqOffset) ?? file.seqOffset,
    dashGap: mostCommon(tally.dashGap) ?? file.dashGap,
    eol: file.eol,
  };
}

type Tally = Record<'indent' | 'seqOffset' | 'dashGap', Map<number, number>>;

function visit(text: string, node: YNode, tally: Tally): void {
  if (node.flow) return;
  if (node.kind === 'map') {
    for (const pair of node.items) {
      const value = pair.value;
      if (!value || value.flow) continue;
      const keyColumn = columnOf(text, pair.key.span.start);
      // Only values that start on a line of their own tell how far nesting goes.
      const ownLine = lineStartOf(text, value.span.start) > pair.key.span.start;
      if (value.kind === 'map' && value.items.length > 0 && ownLine) count(tally.indent, columnOf(text, value.span.start) - keyColumn);
      if (value.kind === 'seq' && value.items.length > 0 && ownLine) count(tally.seqOffset, columnOf(text, value.span.start) - keyColumn);
      visit(text, value, tally);
    }
  }
  if (node.kind === 'seq') {
    for (const item of node.items) {
      const dash = text.lastIndexOf('-', item.span.start - 1);
      const sameLine = dash >= 0 && lineStartOf(text, dash) === lineStartOf(text, item.span.start);
      if (item.kind === 'map' && !item.flow && sameLine) count(tally.dashGap, item.span.start - dash);
      visit(text, item, tally);
    }
  }
}

function count(map: Map<number, number>, value: number): void {
  if (value < 0 || value > 16) return;
  map.set(value, (map.get(value) ?? 0) + 1);
}

/** The most frequent value; ties go to the smaller, which is the more common YAML habit. */
function mostCommon(map: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, n] of [...map.entries()].sort((a, b) => a[0] - b[0])) {
    if (n > bestCount) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}
