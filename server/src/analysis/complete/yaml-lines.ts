/**
 * Block YAML read line by line, for completion. While the user types, the
 * document is often not valid YAML (`  matc` on a line of its own), so the
 * structure around the cursor is read from indentation, dashes and `key:` on each
 * line, the way a person reads it, instead of from the parse tree.
 *
 * Lines are read on demand, walking outward from the cursor, so the cost of a
 * completion grows with the size of the object being edited, not of the file.
 */

export interface YamlLine {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, before `\r\n` or `\n`. */
  readonly end: number;
  readonly text: string;
  /** Columns of the `- ` markers that open sequence items at the start of the line. */
  readonly dashes: readonly number[];
  /** Column of the first character after the indentation and the dashes. */
  readonly content: number;
  /** The key, when the content is `key:` or `key: value`. Quotes are removed. */
  readonly key?: string;
  /** Column just past the key's `:`, when there is a key. */
  readonly colon?: number;
  /** The value written after `key:` (or the whole content without a key), without a trailing comment. */
  readonly value: string;
  /** Blank, or only a comment: such lines say nothing about structure. */
  readonly blank: boolean;
  /** `---` or `...` at column 0: a document boundary. */
  readonly boundary: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`][^#]*?)[ \t]*:(?=[ \t]|$)/;

function readLine(text: string, start: number): YamlLine {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return parseLine(text.slice(start, end), start);
}

export function parseLine(line: string, start: number): YamlLine {
  const dashes: number[] = [];
  let column = 0;
  while (column < line.length && (line[column] === ' ' || line[column] === '\t')) column++;
  while (line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ' || line[column + 1] === '\t')) {
    dashes.push(column);
    column++;
    while (column < line.length && (line[column] === ' ' || line[column] === '\t')) column++;
  }
  const rest = line.slice(column);
  const boundary = /^(---|\.\.\.)(\s|$)/.test(line);
  const blank = rest === '' || rest.startsWith('#');
  const base = { start, end: start + line.length, text: line, dashes, content: column, blank: blank && dashes.length === 0, boundary };
  const match = KEY.exec(rest);
  if (!match) return { ...base, value: withoutComment(rest) };
  const colon = column + match[0].length;
  return { ...base, key: unquote(match[1]!), colon, value: withoutComment(line.slice(colon)).trim() };
}

/** The line holding `offset`. */
export function lineAt(text: string, offset: number): YamlLine {
  return readLine(text, lineStart(text, offset));
}

/** Offset of the start of the line holding `offset` (lastIndexOf with a negative start would search from 0). */
export function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The line before `line`, or undefined at the start of the text. */
export function previousLine(text: string, line: YamlLine): YamlLine | undefined {
  if (line.start === 0) return undefined;
  return readLine(text, lineStart(text, line.start - 1));
}

/** The line after `line`, or undefined at the end of the text. */
export function nextLine(text: string, line: YamlLine): YamlLine | undefined {
  const newline = text.indexOf('\n', line.end);
  return newline < 0 ? undefined : readLine(text, newline + 1);
}

function unquote(key: string): string {
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** A `#` starts a comment only at the start or after a blank, and never inside quotes. */
export function withoutComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(value[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t')) {
      return value.slice(0, i).trimEnd();
    }
  }
  return value.trimEnd();
}
