/**
 * A fast reader for the plain subset of YAML that generated manifests, and many written
 * by hand, keep to: block maps and sequences, one-line flow collections, plain
 * single-line scalars, quoted ones without escapes, and comments on lines of their own
 * (see findContentLine for which). It builds the very tree the
 * `yaml` package and convert-node.ts build (the same nodes, values, styles, spans), in
 * one pass over the text and without the package's lexer, CST and document model, which
 * cost about fourteen times more CPU on a workspace of thousands of workloads.
 *
 * Anything outside the subset makes it give up (undefined), and the region is parsed by
 * the `yaml` package as before: comments after content, escapes, anchors, aliases, tags, block scalars,
 * multi-line scalars, empty values, tabs and carriage returns, directives, a
 * second document, duplicate keys, and every kind of error. It never reports a problem
 * of its own: a region it accepts has none. test/unit/simple-region.test.ts compares
 * both readings over generated workspaces and every fixture of the repository.
 */
import { DocumentSpan, type DocumentBase } from './document-span';
import { yaml11Reading } from './kubectl-scalars';
import type { ParsedDocument, Span, YMap, YNode, YPair, YScalar, YSeq } from './yaml-tree';

/** Characters this reader leaves to the `yaml` package wherever they appear but in a comment line. */
const OUTSIDE_SUBSET = /[\t\r#&*!|>%@`?\\]|\{\{/;
/** A comment on a line of its own (a carriage return, a line break to YAML, stays outside it). */
const COMMENT_LINE = /^ *#[^\r\n]*$/gm;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DOUBLE = 34;
const SINGLE = 39;

/** A block key is `[A-Za-z0-9_][A-Za-z0-9_./-]*`: plain, no spaces, no indicator first. */
function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isKeyPart(c: number): boolean {
  return isKeyStart(c) || c === 46 || c === 47 || c === 45;
}

/** Whether a map already has a key of this text (the yaml package refuses duplicates; they are left to it). */
function hasKey(items: readonly YPair[], keyText: string): boolean {
  for (const item of items) if (item.keyText === keyText) return true;
  return false;
}
/** Characters a plain scalar may not start with (a `-` only when a space or the end follows). */
const INDICATORS = new Set([':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?']);
const FLOW_STOP = new Set([',', '[', ']', '{', '}']);
/**
 * First characters (by code) of the scalars that may read as something else than their
 * text: YAML 1.2's null, booleans and numbers, and YAML 1.1's (kubectl-scalars.ts).
 */
const MAY_RESOLVE: readonly boolean[] = (() => {
  const may: boolean[] = [];
  for (const c of '0123456789+-.~nNtTfFyYoO') may[c.charCodeAt(0)] = true;
  return may;
})();
/** Deeper than this, the region is left to the full parse, which bounds depth for every reader (nesting-depth.ts). */
const MAX_DEPTH = 64;

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
const GIVE_UP = Symbol('outside the subset');

/**
 * The documents of one region (see parse-documents.ts), as the full parse would read
 * them, or undefined when the region is not in the subset.
 */
export function readSimpleRegion(text: string, base: DocumentBase): ParsedDocument[] | undefined {
  if (outsideSubset(text)) return undefined;
  try {
    return [new SimpleReader(text, base).document()];
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * Whether the text holds what this reader leaves to the `yaml` package. A comment line may
 * say anything, but a template marker makes the document a template wherever it is.
 */
function outsideSubset(text: string): boolean {
  if (!text.includes('#')) return OUTSIDE_SUBSET.test(text);
  return text.includes('{{') || OUTSIDE_SUBSET.test(text.replace(COMMENT_LINE, ''));
}

function giveUp(): never {
  throw GIVE_UP;
}

/** A content line: where it starts and its indentation. */
interface Line {
  readonly start: number;
  readonly indent: number;
  readonly end: number;
}

class SimpleReader {
  /** The start of the first line not read yet. */
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly base: DocumentBase,
  ) {}

  document(): ParsedDocument {
    const { text } = this;
    let start: number | undefined;
    if (text.startsWith('---')) {
      const end = this.lineEnd(0);
      for (let i = 3; i < end; i++) if (text[i] !== ' ') giveUp();
      start = 0;
      this.next = this.after(end);
    }
    const first = this.contentLine();
    if (!first || first.indent !== 0) giveUp();
    start ??= first.start;
    const root = this.block(first);
    if (this.contentLine()) giveUp();
    return { index: 0, span: this.span(start, text.length), root, problems: [], templated: false };
  }

  /** The next line with content from `this.next` (blank lines skipped), or undefined at the end. */
  private contentLine(): Line | undefined {
    // Asked twice from one place: after a value (is the next line deeper?) and by the collection holding it.
    if (this.lastFrom === this.next) return this.lastLine;
    this.lastFrom = this.next;
    this.lastLine = this.findContentLine();
    return this.lastLine;
  }

  private lastFrom = -1;
  private lastLine: Line | undefined;

  /**
   * Comment lines are passed over like blank ones when they are indented as the content
   * line after them (or, at the end, not at all). The `yaml` package hands such a comment
   * up to the collection that goes on at that indentation, where it sits before an entry
   * and leaves every range alone; a comment indented otherwise can stay with a collection
   * that ends there and stretch its range (and its parent's) over the comment.
   */
  private findContentLine(): Line | undefined {
    const { text } = this;
    let at = this.next;
    let commentIndent: number | undefined;
    while (at < text.length) {
      const end = this.lineEnd(at);
      let i = at;
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (i < end && text.charCodeAt(i) === HASH) {
        if (commentIndent !== undefined && commentIndent !== i - at) giveUp();
        commentIndent = i - at;
      } else if (i < end) {
        // Another document (or its end) inside a region: leave it to the full parse.
        if (i === at && (text.startsWith('---', at) || text.startsWith('...', at))) giveUp();
        if (commentIndent !== undefined && commentIndent !== i - at) giveUp();
        return { start: at, indent: i - at, end };
      }
      at = this.after(end);
    }
    if (commentIndent !== undefined && commentIndent !== 0) giveUp();
    return undefined;
  }

  private lineEnd(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end < 0 ? this.text.length : end;
  }

  /** Past the newline that ends a line at `end` (the end of the text when there is none). */
  private after(end: number): number {
    return end < this.text.length ? end + 1 : end;
  }

  private isSeqEntry(line: Line): boolean {
    const at = line.start + line.indent;
    return this.text[at] === '-' && (at + 1 === line.end || this.text[at + 1] === ' ');
  }

  /** How many collections are open; see MAX_DEPTH. */
  private depth = 0;

  enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  leave(): void {
    this.depth--;
  }

  /** A block collection starting on `line`, at its indentation. */
  private block(line: Line): YNode {
    if (this.isSeqEntry(line)) return this.seq(line);
    return this.map(line.start + line.indent, line);
  }

  /** The length of a block key at `at` (plain or quoted) followed by `:` and a space or the end of the line, or 0. */
  private keyAt(at: number, end: number): number {
    const { text } = this;
    let colon: number;
    const first = text.charCodeAt(at);
    if (first === DOUBLE || first === SINGLE) colon = this.quotedEnd(at, end);
    else {
      if (!isKeyStart(first)) return 0;
      colon = at + 1;
      while (colon < end && isKeyPart(text.charCodeAt(colon))) colon++;
    }
    if (colon >= end || text.charCodeAt(colon) !== COLON) return 0;
    if (colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE) return 0;
    return colon - at;
  }

  /**
   * Past the closing quote of the quoted scalar that opens at `at`, which must close on its
   * line; escapes (`\\` is outside the subset anyway) and `''` in single quotes are given up on.
   */
  quotedEnd(at: number, end: number): number {
    const quote = this.text.charCodeAt(at);
    const close = this.text.indexOf(quote === DOUBLE ? '"' : "'", at + 1);
    if (close < 0 || close >= end) giveUp();
    if (quote === SINGLE && this.text.charCodeAt(close + 1) === SINGLE) giveUp();
    return close + 1;
  }

  /** A single- or double-quoted scalar from its opening quote at `start` to `end`, past its closing one. */
  quoted(start: number, end: number): YScalar {
    const source = this.text.slice(start, end);
    const style = source.charCodeAt(0) === DOUBLE ? 'double' : 'single';
    return { kind: 'scalar', span: this.span(start, end), flow: false, value: source.slice(1, -1), style, source };
  }

  /** A block key (see keyAt), plain or quoted. */
  private key(at: number, length: number): YScalar {
    const first = this.text.charCodeAt(at);
    return first === DOUBLE || first === SINGLE ? this.quoted(at, at + length) : this.scalar(at, at + length);
  }

  /** A block map whose first key is at `at` on `line`; its other keys are at the same column. */
  private map(at: number, line: Line): YMap {
    const column = at - line.start;
    const first = at;
    this.enter();
    const items: YPair[] = [];
    let end = 0;
    for (;;) {
      const length = this.keyAt(at, line.end);
      if (length === 0) giveUp();
      const key = this.key(at, length);
      let i = at + length + 1;
      while (i < line.end && this.text.charCodeAt(i) === 32) i++;
      let value: YNode;
      if (i < line.end) value = this.inline(i, line, column);
      else {
        this.next = this.after(line.end);
        const below = this.contentLine();
        if (below && below.indent > column) value = this.block(below);
        else if (below && below.indent === column && this.isSeqEntry(below)) value = this.seq(below);
        else giveUp();
      }
      const keyText = typeof key.value === 'string' ? key.value : String(key.value);
      if (hasKey(items, keyText)) giveUp();
      items.push({ key, keyText, value, span: this.span(at, this.endOf(value)) });
      end = this.next;
      const following = this.contentLine();
      if (!following || following.indent < column) break;
      // Deeper: a continuation or an error. A `-` at the key's column after a complete value: an error.
      if (following.indent > column || this.isSeqEntry(following)) giveUp();
      line = following;
      at = following.start + column;
    }
    this.leave();
    return { kind: 'map', span: this.span(first, end), flow: false, items };
  }

  /** A block sequence whose first `-` starts `line`; its other entries are at the same column. */
  private seq(line: Line): YSeq {
    const column = line.indent;
    const first = line.start + column;
    this.enter();
    const items: YNode[] = [];
    let end = 0;
    for (;;) {
      const dash = line.start + column;
      let i = dash + 1;
      while (i < line.end && this.text.charCodeAt(i) === 32) i++;
      if (i === line.end) {
        this.next = this.after(line.end);
        const below = this.contentLine();
        if (!below || below.indent <= column) giveUp();
        items.push(this.block(below));
      } else if (this.text[i] === '-' && (i + 1 === line.end || this.text[i + 1] === ' ')) giveUp();
      else if (this.keyAt(i, line.end) > 0) items.push(this.map(i, line));
      else items.push(this.inline(i, line, column));
      end = this.next;
      const following = this.contentLine();
      if (!following || following.indent < column) break;
      if (following.indent > column) giveUp();
      if (!this.isSeqEntry(following)) break;
      line = following;
    }
    this.leave();
    return { kind: 'seq', span: this.span(first, end), flow: false, items };
  }

  /** Where a node ends, relative to the region. */
  endOf(node: YNode): number {
    return node.span.end - this.base.offset;
  }

  /**
   * A value that starts at `at` on `line` and ends with it: a flow collection or a plain
   * scalar. A more indented line below would continue it (or be an error): given up.
   */
  private inline(at: number, line: Line, column: number): YNode {
    let node: YNode;
    if (this.text[at] === '{' || this.text[at] === '[') {
      const flow = new FlowReader(this, at, line.end);
      node = flow.node();
      for (let i = flow.at; i < line.end; i++) if (this.text.charCodeAt(i) !== 32) giveUp();
    } else if (this.text[at] === '"' || this.text[at] === "'") {
      const close = this.quotedEnd(at, line.end);
      node = this.quoted(at, close);
      for (let i = close; i < line.end; i++) if (this.text.charCodeAt(i) !== 32) giveUp();
    } else {
      let end = line.end;
      while (this.text.charCodeAt(end - 1) === 32) end--;
      for (let i = at; i < end; i++) {
        const c = this.text[i]!;
        if (c === '[' || c === ']' || c === '{' || c === '}') giveUp();
        if (c === ':' && (i + 1 === end || this.text[i + 1] === ' ')) giveUp();
      }
      node = this.plainScalar(at, end);
    }
    this.next = this.after(line.end);
    const below = this.contentLine();
    if (below && below.indent > column) giveUp();
    return node;
  }

  /** A plain scalar in block context; its first character must not be an indicator. */
  plainScalar(start: number, end: number): YScalar {
    const first = this.text[start];
    if (first === undefined || INDICATORS.has(first)) giveUp();
    if (first === '-' && (start + 1 === end || this.text[start + 1] === ' ')) giveUp();
    return this.scalar(start, end);
  }

  scalar(start: number, end: number): YScalar {
    const source = this.text.slice(start, end);
    // Most scalars are names: a first character no number, boolean or null starts with settles it.
    const first = source.charCodeAt(0);
    if (!MAY_RESOLVE[first]) return { kind: 'scalar', span: this.span(start, end), flow: false, value: source, style: 'plain', source };
    const yaml11 = yaml11Reading(source);
    if (yaml11 !== undefined) return { kind: 'scalar', span: this.span(start, end), flow: false, value: yaml11, style: 'plain', source, yaml11: true };
    return { kind: 'scalar', span: this.span(start, end), flow: false, value: coreValue(source), style: 'plain', source };
  }

  char(at: number): string | undefined {
    return this.text[at];
  }

  span(start: number, end: number): Span {
    return new DocumentSpan(start, end, this.base);
  }
}

/** One flow collection (or a flow scalar) that opens and closes on one line. */
class FlowReader {
  at: number;

  constructor(
    private readonly reader: SimpleReader,
    start: number,
    private readonly end: number,
  ) {
    this.at = start;
  }

  node(): YNode {
    const c = this.reader.char(this.at);
    if (c !== '{' && c !== '[') return this.scalar();
    this.reader.enter();
    const node = c === '{' ? this.map() : this.seq();
    this.reader.leave();
    return node;
  }

  private map(): YMap {
    const open = this.at++;
    const items: YPair[] = [];
    this.spaces();
    if (this.reader.char(this.at) !== '}') {
      for (;;) {
        const key = this.scalar();
        // `{a}` or `{a:b}`: a key without a value, or a scalar with a colon; rare, left to the full parse.
        if (this.reader.char(this.at) !== ':' || this.reader.char(this.at + 1) !== ' ') giveUp();
        this.at += 2;
        this.spaces();
        const value = this.node();
        const keyText = typeof key.value === 'string' ? key.value : String(key.value);
        if (hasKey(items, keyText)) giveUp();
        items.push({ key, keyText, value, span: this.reader.span(this.reader.endOf(key) - key.source.length, this.reader.endOf(value)) });
        this.spaces();
        if (this.reader.char(this.at) === '}') break;
        this.comma();
      }
    }
    this.at++;
    return { kind: 'map', span: this.reader.span(open, this.at), flow: true, items };
  }

  private seq(): YSeq {
    const open = this.at++;
    const items: YNode[] = [];
    this.spaces();
    if (this.reader.char(this.at) !== ']') {
      for (;;) {
        items.push(this.node());
        this.spaces();
        if (this.reader.char(this.at) === ']') break;
        this.comma();
      }
    }
    this.at++;
    return { kind: 'seq', span: this.reader.span(open, this.at), flow: true, items };
  }

  /** A `,` and the spaces after it; a trailing comma (`[a, ]`) is left to the full parse. */
  private comma(): void {
    if (this.reader.char(this.at) !== ',') giveUp();
    this.at++;
    this.spaces();
    const c = this.reader.char(this.at);
    if (c === ']' || c === '}') giveUp();
  }

  private spaces(): void {
    while (this.at < this.end && this.reader.char(this.at) === ' ') this.at++;
    if (this.at >= this.end) giveUp();
  }

  /** A plain scalar inside a flow collection: up to a flow indicator or a `:` that ends a key. */
  private scalar(): YScalar {
    const start = this.at;
    const c = this.reader.char(start);
    if (c === '"' || c === "'") {
      this.at = this.reader.quotedEnd(start, this.end);
      const after = this.reader.char(this.at);
      // What may follow a flow scalar: the rest of the collection, or `: ` after a key.
      if (after !== ' ' && after !== ',' && after !== ']' && after !== '}' && after !== ':') giveUp();
      return this.reader.quoted(start, this.at);
    }
    let i = start;
    for (; i < this.end; i++) {
      const c = this.reader.char(i)!;
      if (FLOW_STOP.has(c)) break;
      if (c === ':') {
        const after = this.reader.char(i + 1);
        if (i + 1 >= this.end || after === ' ' || (after !== undefined && FLOW_STOP.has(after))) break;
      }
    }
    let last = i;
    while (last > start && this.reader.char(last - 1) === ' ') last--;
    if (last === start) giveUp();
    this.at = i;
    return this.reader.plainScalar(start, last);
  }
}

/** The value YAML 1.2's core schema gives a plain scalar, as the `yaml` package resolves it (its tags tried in order). */
function coreValue(source: string): string | number | boolean | null {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}
