/**
 * Where each character of a YAML string scalar's value sits in the file.
 *
 * A selector's syntax error is found in the scalar's value, but must be shown on
 * the file's text, and the two differ: quotes, `''` in single-quoted scalars,
 * escapes such as `\"` or `\u0026` in double-quoted ones, and line folding (a line
 * break inside a flow scalar reads as one space) all shift offsets. This module
 * decodes the scalar's source again while recording, for every UTF-16 unit of the
 * value, the offset it came from, relative to the scalar's start (so the offsets
 * stay right when the document moves). If the decoding does not reproduce the
 * value the parser produced (a case this module does not know), it answers
 * undefined and callers fall back to the whole scalar: a coarse range is better
 * than a wrong one.
 */
import { spanLike } from '../../../core/parse/document-span';
import type { Span, YScalar } from '../../../core/parse/yaml-tree';

/**
 * `offsets[i]` is the offset of value unit `i` from the scalar's start;
 * `offsets[value.length]` is the end of the value's source (before a closing quote). Undefined when unknown.
 */
export function scalarValueOffsets(scalar: YScalar): readonly number[] | undefined {
  if (typeof scalar.value !== 'string') return undefined;
  const decoded = decode(scalar);
  if (!decoded || decoded.text !== scalar.value) return undefined;
  return decoded.offsets;
}

/** Maps a range of the value onto the file; without offsets, the whole scalar. */
export function valueSpanToFile(scalar: YScalar, offsets: readonly number[] | undefined, start: number, end: number): Span {
  if (!offsets) return scalar.span;
  const last = offsets.length - 1;
  const at = scalar.span.start;
  const from = at + offsets[Math.max(0, Math.min(start, last))]!;
  const to = at + offsets[Math.max(0, Math.min(end, last))]!;
  return spanLike(scalar.span, from, Math.max(from, to));
}

interface Decoded {
  readonly text: string;
  readonly offsets: readonly number[];
}

function decode(scalar: YScalar): Decoded | undefined {
  const source = scalar.source;
  switch (scalar.style) {
    case 'plain':
      return foldFlow(source, 0, 'plain');
    case 'single':
    case 'double':
      if (source.length < 2) return undefined;
      return foldFlow(source.slice(1, -1), 1, scalar.style);
    case 'block':
      return decodeBlock(source, 0);
  }
}

class Output {
  readonly units: string[] = [];
  readonly offsets: number[] = [];
  /** How many of the last units are unescaped blanks, which a line fold removes. */
  trailingBlanks = 0;

  emit(text: string, at: number, raw: boolean): void {
    for (let i = 0; i < text.length; i++) {
      this.units.push(text[i]!);
      this.offsets.push(at);
    }
    this.trailingBlanks = raw && (text === ' ' || text === '\t') ? this.trailingBlanks + 1 : 0;
  }

  dropTrailingBlanks(): void {
    this.units.length -= this.trailingBlanks;
    this.offsets.length -= this.trailingBlanks;
    this.trailingBlanks = 0;
  }

  finish(end: number): Decoded {
    return { text: this.units.join(''), offsets: [...this.offsets, end] };
  }
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Length of the line break at `i` (`\r\n` counts as one break). */
function breakLength(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
}

/**
 * Flow scalar folding (YAML 1.2 §7.3): a single line break becomes a space, each
 * empty line a `\n`; blanks around breaks are dropped. Double-quoted scalars also
 * decode escapes, and `\` before a break joins the lines with nothing.
 */
function foldFlow(text: string, base: number, style: 'plain' | 'single' | 'double'): Decoded | undefined {
  const out = new Output();
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isBreak(c)) {
      out.dropTrailingBlanks();
      i = fold(text, i, base, out, ' ');
    } else if (style === 'double' && c === '\\') {
      if (isBreak(text[i + 1])) {
        i = fold(text, i + 1, base, out, '');
        continue;
      }
      const escape = decodeEscape(text, i);
      if (!escape) return undefined;
      out.emit(escape.text, base + i, false);
      i += escape.length;
    } else if (style === 'single' && c === "'" && text[i + 1] === "'") {
      out.emit("'", base + i, false);
      i += 2;
    } else {
      out.emit(c, base + i, true);
      i++;
    }
  }
  return out.finish(base + text.length);
}

/** Consumes the break at `i`, the blanks and empty lines after it; emits `single` or one `\n` per empty line. */
function fold(text: string, i: number, base: number, out: Output, single: string): number {
  const breakAt = i;
  i += breakLength(text, i);
  const emptyLines: number[] = [];
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (!isBreak(text[i])) break;
    emptyLines.push(i);
    i += breakLength(text, i);
  }
  if (emptyLines.length === 0) out.emit(single, base + breakAt, false);
  for (const at of emptyLines) out.emit('\n', base + at, false);
  return i;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function decodeEscape(text: string, at: number): { text: string; length: number } | undefined {
  const kind = text[at + 1];
  if (kind === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { text: simple, length: 2 };
  const digits = HEX_ESCAPES[kind];
  if (digits === undefined) return undefined;
  const hex = text.slice(at + 2, at + 2 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(code), length: 2 + digits };
}

/** Literal (`|`) and folded (`>`) block scalars, with their chomping and indentation indicators. */
function decodeBlock(source: string, base: number): Decoded | undefined {
  const header = /^([|>])([1-9]?)([+-]?)([1-9]?)[^\n]*\n?/.exec(source);
  if (!header) return undefined;
  const folded = header[1] === '>';
  const chomp = header[3];
  const lines = splitLines(source, header[0].length);
  const explicit = Number(header[2] || header[4] || 0);
  const indent = explicit || Math.min(...lines.filter((l) => l.text.trim() !== '').map((l) => l.text.length - l.text.trimStart().length));
  if (!Number.isFinite(indent)) return { text: '', offsets: [base + source.length] };
  const out = new Output();
  let pendingBreaks: number[] = [];
  let previousContent = false;
  for (const line of lines) {
    if (line.text.trim() === '') {
      pendingBreaks.push(line.start + Math.min(indent, line.text.length));
      continue;
    }
    if (previousContent) emitBlockBreaks(out, pendingBreaks, base, folded);
    else for (const at of pendingBreaks) out.emit('\n', base + at, false);
    pendingBreaks = [];
    out.emit(line.text.slice(indent), base + line.start + indent, false);
    fixOffsets(out, line.text.length - indent, base + line.start + indent);
    pendingBreaks.push(line.start + line.text.length);
    previousContent = true;
  }
  if (chomp === '+') for (const at of pendingBreaks) out.emit('\n', base + at, false);
  else if (chomp !== '-' && previousContent && pendingBreaks.length > 0) out.emit('\n', base + pendingBreaks[0]!, false);
  return out.finish(base + source.length);
}

/** Between two content lines: literal keeps every break; folded turns a lone break into a space. */
function emitBlockBreaks(out: Output, breaks: readonly number[], base: number, folded: boolean): void {
  if (folded && breaks.length === 1) out.emit(' ', base + breaks[0]!, false);
  else if (folded) for (const at of breaks.slice(1)) out.emit('\n', base + at, false);
  else for (const at of breaks) out.emit('\n', base + at, false);
}

/** `emit` gives every unit of a chunk the chunk's offset; a copied line needs one offset per unit. */
function fixOffsets(out: Output, count: number, start: number): void {
  const first = out.offsets.length - count;
  for (let k = 0; k < count; k++) out.offsets[first + k] = start + k;
}

function splitLines(source: string, from: number): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let start = from;
  while (start < source.length) {
    let end = start;
    while (end < source.length && !isBreak(source[end])) end++;
    lines.push({ text: source.slice(start, end), start });
    start = end < source.length ? end + breakLength(source, end) : end;
  }
  return lines;
}
