/**
 * Where the cursor is in a block YAML document, read from the lines around it:
 * the path of keys and sequence items from the document root, whether a key or a
 * value is being written, the word typed so far, and what is already there
 * (sibling keys of a map, items of a list), so completion never offers a key twice.
 *
 *   `    - fr|`       -> key in a new item:   spec > ingress > [item], prefix "fr"
 *   `      app: we|`  -> value of app:       ... > matchLabels > app, prefix "we"
 *   `  types: [In|`   -> item of a flow list: spec > types, prefix "In"
 */
import type { Span } from '../../core/parse/yaml-tree';
import { lineAt, nextLine, parseLine, previousLine, withoutComment, type YamlLine } from './yaml-lines';

/** A key or a sequence item on the way from the root to the cursor, with the line that opens it. */
export type PathStep = { readonly key: string; readonly line: YamlLine } | { readonly item: true; readonly line: YamlLine };

export interface ValueAtCursor {
  /** The value as written on the line (comment excluded), quotes included. */
  readonly raw: string;
  /** Offset of the first character of `raw`. */
  readonly start: number;
  /** True when the cursor sits right after the colon: an inserted value needs a space first. */
  readonly needsSpace: boolean;
}

export interface CursorPlace {
  /**
   * `key`: a key of the map at `path` (or, when `path` ends with an item, either
   * a key of that item's map or the item itself when the list holds scalars).
   * `value`: the scalar after the last key of `path`. `flow-item`: an item of the
   * `[...]` list after the last key of `path`.
   */
  readonly mode: 'key' | 'value' | 'flow-item';
  readonly path: readonly PathStep[];
  /** The word typed before the cursor (without an opening quote). */
  readonly prefix: string;
  /** What a chosen completion replaces: the whole word around the cursor. */
  readonly replace: Span;
  /** Key mode: the key is already followed by `:` on its line, so only the name is inserted. */
  readonly hasColon: boolean;
  /** Column where the key or item being written starts, for indenting inserted lines. */
  readonly column: number;
  /** Key mode: keys already in the map. Items: values already in the list. */
  readonly siblings: readonly string[];
  /** Value mode: the whole value on the cursor's line. */
  readonly value?: ValueAtCursor;
  /** A quote opened before the cursor and not yet closed (value and flow-item modes). */
  readonly quote?: '"' | "'";
}

const WORD_AFTER = /^[^\s:#,\]}'"]*/;
const KEY_WORD = /^[A-Za-z0-9_./-]*$/;

export function cursorPlace(text: string, offset: number): CursorPlace | undefined {
  const line = lineAt(text, offset);
  const before = parseLine(text.slice(line.start, offset), line.start);
  if (before.boundary || before.text.trimStart().startsWith('#')) return undefined;
  if (before.key !== undefined && before.colon !== undefined) return valuePlace(text, line, before, offset);
  return keyPlace(text, line, before, offset);
}

function keyPlace(text: string, line: YamlLine, before: YamlLine, offset: number): CursorPlace | undefined {
  const prefix = before.text.slice(before.content);
  if (!KEY_WORD.test(prefix)) return undefined;
  const after = text.slice(offset, line.end);
  const word = WORD_AFTER.exec(after)![0];
  const rest = after.slice(word.length);
  const hasColon = /^[ \t]*:/.test(rest);
  if (!hasColon && rest.trim() !== '' && !rest.trimStart().startsWith('#')) return undefined;
  const ownItems = before.dashes.map((): PathStep => ({ item: true, line }));
  const parents = ancestors(text, line, before.dashes[0] ?? before.content, before.dashes.length > 0);
  const path = [...parents, ...ownItems];
  const innermostDash = before.dashes[before.dashes.length - 1];
  const siblings = innermostDash === undefined ? mapKeys(text, line, before.content) : [...itemKeys(text, line, before.content), ...listValues(text, line, innermostDash)];
  return { mode: 'key', path, prefix, replace: { start: offset - prefix.length, end: offset + word.length }, hasColon, column: before.content, siblings };
}

function valuePlace(text: string, line: YamlLine, before: YamlLine, offset: number): CursorPlace | undefined {
  const key = before.key!;
  const parents = ancestors(text, line, before.dashes[0] ?? before.content, before.dashes.length > 0);
  const path: PathStep[] = [...parents, ...before.dashes.map((): PathStep => ({ item: true, line })), { key, line }];
  const afterColon = line.text.slice(before.colon!);
  const blanks = afterColon.length - afterColon.trimStart().length;
  const start = line.start + before.colon! + blanks;
  const raw = withoutComment(afterColon.slice(blanks));
  if (offset < start && raw !== '') return undefined;
  const typed = text.slice(Math.min(start, offset), offset).trimStart();
  if (typed.startsWith('[')) return flowPlace(line, path, before.content, typed, offset);
  if (typed.startsWith('{') || typed.startsWith('|') || typed.startsWith('>') || typed.startsWith('&') || typed.startsWith('*')) return undefined;
  const quote = typed.startsWith('"') || typed.startsWith("'") ? (typed[0] as '"' | "'") : undefined;
  const prefix = quote ? typed.slice(1) : typed;
  const after = text.slice(offset, line.end);
  const closing = quote ? after.indexOf(quote) : -1;
  const word = quote ? after.slice(0, closing >= 0 ? closing : after.length) : WORD_AFTER.exec(after)![0];
  const value: ValueAtCursor = { raw, start: Math.min(start, offset), needsSpace: offset === line.start + before.colon! };
  return { mode: 'value', path, prefix, replace: { start: offset - prefix.length, end: offset + word.length }, hasColon: true, column: before.content, siblings: [], value, ...(quote && { quote }) };
}

/** `key: [a, b, c|`: the item being typed and the items already in the list. */
function flowPlace(line: YamlLine, path: PathStep[], column: number, typed: string, offset: number): CursorPlace | undefined {
  const open = typed.lastIndexOf('[');
  if (open !== 0 || typed.includes(']') || typed.includes('{')) return undefined;
  const parts = typed.slice(1).split(',');
  const current = parts.pop()!.trimStart();
  const quote = current.startsWith('"') || current.startsWith("'") ? (current[0] as '"' | "'") : undefined;
  const prefix = quote ? current.slice(1) : current;
  const tail = line.text.slice(offset - line.start);
  const word = WORD_AFTER.exec(tail)![0];
  const closing = tail.indexOf(']');
  const later = closing < 0 ? [] : tail.slice(word.length, closing).split(',').slice(1);
  const siblings = [...parts, ...later].map((p) => p.trim().replace(/^["']|["']$/g, '')).filter((p) => p !== '');
  return { mode: 'flow-item', path, prefix, replace: { start: offset - prefix.length, end: offset + word.length }, hasColon: true, column, siblings, ...(quote && { quote }) };
}

/**
 * The keys and items enclosing a node that starts at `column` on `line`, read
 * upwards. `isItem`: the node is a sequence item (its dash is at `column`), which
 * a key at the same column may own (`key:` then `- item` without indentation).
 */
function ancestors(text: string, line: YamlLine, column: number, isItem: boolean): PathStep[] {
  const reversed: PathStep[] = [];
  let threshold = column;
  let item = isItem;
  for (let l = previousLine(text, line); l && !(threshold === 0 && !item); l = previousLine(text, l)) {
    if (l.boundary) break;
    if (l.blank) continue;
    const openers = [...l.dashes.map((c) => ({ column: c, key: undefined as string | undefined })), ...(l.key !== undefined ? [{ column: l.content, key: l.key }] : [])];
    let found = -1;
    for (let i = openers.length - 1; i >= 0; i--) {
      const o = openers[i]!;
      const compact = item && o.key !== undefined && o.column === threshold;
      if (o.column < threshold || compact) {
        found = i;
        break;
      }
    }
    if (found < 0) continue;
    for (let i = found; i >= 0; i--) reversed.push(openers[i]!.key !== undefined ? { key: openers[i]!.key!, line: l } : { item: true, line: l });
    threshold = openers[0]!.column;
    item = openers[0]!.key === undefined;
  }
  return reversed.reverse();
}

/** Keys of the block map whose keys sit at `column`, around `line` (not counting the line itself). */
function mapKeys(text: string, line: YamlLine, column: number): string[] {
  return mapEntries(text, line, column, false).map(([key]) => key);
}

/** Keys at `column` below `line`, up to the end of the map. */
function itemKeys(text: string, line: YamlLine, column: number): string[] {
  return entriesBelow(text, line, column).map(([key]) => key);
}

/**
 * The `key: value` entries of the block map whose keys sit at `column`, read
 * around `line` (whose own entry is included when `withLine`). Values are as
 * written on the key's line; nested blocks read as "".
 */
export function mapEntries(text: string, line: YamlLine, column: number, withLine = true): [string, string][] {
  const above: [string, string][] = [];
  const own = line.key !== undefined && line.content === column;
  if (!(own && line.dashes.length > 0)) {
    for (let l = previousLine(text, line); l && !l.boundary; l = previousLine(text, l)) {
      if (l.blank) continue;
      if (l.key !== undefined && l.content === column) {
        above.push([l.key, l.value]);
        if (l.dashes.length > 0) break;
        continue;
      }
      if ((l.dashes[0] ?? l.content) < column) break;
    }
  }
  const self: [string, string][] = withLine && own ? [[line.key!, line.value]] : [];
  return [...above.reverse(), ...self, ...entriesBelow(text, line, column)];
}

function entriesBelow(text: string, line: YamlLine, column: number): [string, string][] {
  const entries: [string, string][] = [];
  for (let l = nextLine(text, line); l && !l.boundary; l = nextLine(text, l)) {
    if (l.blank) continue;
    if ((l.dashes[0] ?? l.content) < column) break;
    if (l.dashes.length === 0 && l.key !== undefined && l.content === column) entries.push([l.key, l.value]);
  }
  return entries;
}

/** Scalar items of the block sequence whose dashes sit at `dash`, around `line`. */
function listValues(text: string, line: YamlLine, dash: number): string[] {
  const values: string[] = [];
  const visit = (l: YamlLine): boolean => {
    if (l.blank) return true;
    const first = l.dashes[0] ?? l.content;
    if (first < dash || (first === dash && l.dashes.length === 0)) return false;
    if (l.dashes[l.dashes.length - 1] === dash && l.key === undefined && l.value !== '') values.push(l.value.replace(/^["']|["']$/g, ''));
    return true;
  };
  for (let l = previousLine(text, line); l && !l.boundary && visit(l); l = previousLine(text, l));
  for (let l = nextLine(text, line); l && !l.boundary && visit(l); l = nextLine(text, l));
  return values;
}

/** The path as text, for tests and messages: `spec.ingress[].from[].podSelector`. */
export function formatPath(path: readonly PathStep[]): string {
  return path.map((s) => ('key' in s ? `.${s.key}` : '[]')).join('').replace(/^\./, '');
}
