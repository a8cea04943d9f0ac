/**
 * Where a syntax problem is shown. The `yaml` package reports some errors at the
 * place where it noticed them, which is not where the user has to look:
 *
 * - an unclosed `[` or `{` is reported where the collection should have ended,
 *   often at the end of the file (a zero-width range on an empty last line) or at
 *   the next key; the user needs to see the opening bracket;
 * - an unclosed quote is reported at the end of everything the string swallowed;
 * - a duplicate key is reported on its first character only;
 * - some positions are one past the end of the text, or cover a trailing newline.
 *
 * This module moves such ranges onto the node at fault and makes every range
 * visible: inside the text, not ending in line breaks, and at least one character
 * wide when the text has any. It only needs the parser's own nodes and offsets.
 */
import * as yaml from 'yaml';
import type { Span } from './yaml-tree';

type Range = readonly [number, number, number];

/** Lazily built lookups over one document's nodes; most documents never need them. */
export class ProblemSpans {
  private readonly claimed = new Set<unknown>();
  private index: { flow: { node: yaml.YAMLMap | yaml.YAMLSeq; range: Range }[]; quoted: Range[]; keys: Range[] } | undefined;

  constructor(
    private readonly doc: yaml.Document.Parsed,
    private readonly text: string,
  ) {}

  spanOf(error: yaml.YAMLError): Span {
    const [rawStart, rawEnd] = error.pos;
    const start = clamp(rawStart, this.text.length);
    const raw = { start, end: clamp(Math.max(rawEnd, rawStart), this.text.length) };
    return visible(this.blamed(error, start) ?? raw, this.text);
  }

  /** The span of the node really at fault, for the errors whose reported position is only where parsing gave up. */
  private blamed(error: yaml.YAMLError, at: number): Span | undefined {
    if (error.code === 'DUPLICATE_KEY') return this.keyAt(at);
    const flow = /^Flow (map|sequence)\b/.exec(error.message);
    if (flow && (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT')) return this.unclosedFlow(flow[1] === 'map', at);
    if (error.code === 'MISSING_CHAR' && /^Missing closing .?quote/.test(error.message)) return this.unclosedQuote(at);
    return undefined;
  }

  /**
   * The unclosed collection ends exactly where the parser reports the missing
   * bracket. Nested unclosed collections end at the same offset and get one error
   * each, innermost first, so each error claims the innermost one left.
   */
  private unclosedFlow(isMap: boolean, at: number): Span | undefined {
    const found = this.lookups()
      .flow.filter(({ node, range }) => yaml.isMap(node) === isMap && range[1] === at && !this.claimed.has(node) && this.isUnclosed(node, range))
      .sort((a, b) => b.range[0] - a.range[0])[0];
    if (!found) return undefined;
    this.claimed.add(found.node);
    return this.openingLine(found.range[0], found.range[1]);
  }

  /** Closed means a closing bracket follows the last item (a `}` inside the last item does not count). */
  private isUnclosed(node: yaml.YAMLMap | yaml.YAMLSeq, range: Range): boolean {
    const last: unknown = node.items[node.items.length - 1];
    const lastNode = yaml.isPair(last) ? (last.value ?? last.key) : last;
    const contentEnd = yaml.isNode(lastNode) && lastNode.range ? lastNode.range[1] : range[0] + 1;
    return !this.text.slice(contentEnd, range[1]).includes(yaml.isMap(node) ? '}' : ']');
  }

  /** The error offset is the end of the quoted scalar, which ran on to the end of the text. */
  private unclosedQuote(at: number): Span | undefined {
    const range = this.lookups().quoted.find((r) => r[1] === at);
    return range ? this.openingLine(range[0], range[1]) : undefined;
  }

  /** The parser reports the key's start (before any anchor or tag); the key itself is the first key from there on that line. */
  private keyAt(at: number): Span | undefined {
    const lineEnd = endOfLine(this.text, at);
    const range = this.lookups()
      .keys.filter((r) => r[0] >= at && r[0] < lineEnd)
      .sort((a, b) => a[0] - b[0])[0];
    return range ? { start: range[0], end: range[1] } : undefined;
  }

  /** From an opening bracket or quote to the end of its line (or of the node, if sooner). */
  private openingLine(start: number, end: number): Span {
    return { start, end: Math.min(end, endOfLine(this.text, start)) };
  }

  private lookups(): NonNullable<ProblemSpans['index']> {
    if (this.index) return this.index;
    const index: NonNullable<ProblemSpans['index']> = { flow: [], quoted: [], keys: [] };
    yaml.visit(this.doc, {
      Pair: (_key, pair) => {
        if (yaml.isNode(pair.key) && pair.key.range) index.keys.push(pair.key.range);
      },
      Map: (_key, node) => {
        if (node.flow && node.range) index.flow.push({ node, range: node.range });
      },
      Seq: (_key, node) => {
        if (node.flow && node.range) index.flow.push({ node, range: node.range });
      },
      Scalar: (_key, node) => {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) index.quoted.push(node.range);
      },
    });
    this.index = index;
    return index;
  }
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

function endOfLine(text: string, from: number): number {
  const newline = text.slice(from).search(/\r?\n/);
  return newline < 0 ? text.length : from + newline;
}

/**
 * A span the editor can show: trailing line breaks dropped (indentation is kept,
 * since it can be the fault), and an empty span widened to the token it touches,
 * or, at the end of a line or of the file, to the last token before it (the
 * first one after it when there is none before).
 */
function visible(span: Span, text: string): Span {
  let { start, end } = span;
  while (end > start && isLineBreak(text[end - 1])) end--;
  if (end > start) return { start, end };
  if (start < text.length && !isLineBreak(text[start])) {
    const token = /\S+|[ \t]+/y;
    token.lastIndex = start;
    return { start, end: start + (token.exec(text)?.[0].length ?? 1) };
  }
  let last = start;
  while (last > 0 && /\s/.test(text[last - 1]!)) last--;
  if (last === 0) return nextToken(text, start);
  let first = last;
  while (first > 0 && !/\s/.test(text[first - 1]!)) first--;
  return { start: first, end: last };
}

/** The first token from `start` on, for a problem with nothing before it; empty only for blank text. */
function nextToken(text: string, start: number): Span {
  const token = /\S+/g;
  token.lastIndex = start;
  const found = token.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : { start, end: start };
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}
