/**
 * How deeply a YAML (or JSON) text nests, found by one loop over its characters,
 * before the `yaml` package sees it.
 *
 * The package composes nodes by recursion, and so does every reader of the tree
 * above this layer: a text nested a few thousand levels deep (`{"a":{"a":...}}`,
 * `[[[[...]]]]`, `- - - - x`) exhausts the stack, and V8 then even aborts the whole
 * process when it compiles a regular expression on that stack. Parsing only texts
 * below MAX_NESTING_DEPTH bounds every recursion on the tree at once.
 *
 * The scan counts open flow collections (`[`, `{` where a node starts, outside
 * quotes and comments) and block levels (an indentation stack, one level per `- `
 * or `? ` indicator). It may count a level or two more or fewer than the parser
 * would on odd layouts; the limit is far from both real manifests (a NetworkPolicy
 * nests about 10 levels) and the depth at which the stack runs out (thousands).
 * It stops as soon as the limit is passed, so a hostile text costs little.
 */

/** Deeper documents are not parsed; they get one "nested too deeply" problem instead. */
export const MAX_NESTING_DEPTH = 200;

export interface TooDeep {
  /** Offset of the collection (or indicator) that went past the limit. */
  readonly offset: number;
}

/** The first place `text` nests deeper than `limit`, or undefined when it never does. */
export function findTooDeep(text: string, limit = MAX_NESTING_DEPTH): TooDeep | undefined {
  return new DepthScanner(text, limit).scan();
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR || Number.isNaN(code);
}

class DepthScanner {
  private i = 0;
  /** Block levels: the column of each open block collection, and whether it is a sequence. */
  private readonly columns: number[] = [];
  private readonly sequences: boolean[] = [];
  private flow = 0;
  /** In block context: the indentation at or below which a block scalar's content ends, or -1. */
  private blockScalarParent = -1;
  /** Where the current line starts, and its indentation. */
  private lineStart = 0;
  private lineIndent = 0;

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  scan(): TooDeep | undefined {
    const text = this.text;
    while (this.i < text.length) {
      const tooDeep = this.flow > 0 ? this.scanFlowLine() : this.scanBlockLine();
      if (tooDeep) return tooDeep;
    }
    return undefined;
  }

  private get depth(): number {
    return this.columns.length + this.flow;
  }

  private tooDeep(offset: number): TooDeep | undefined {
    return this.depth > this.limit ? { offset } : undefined;
  }

  /** One line in block context, from its first character to just past its end. */
  private scanBlockLine(): TooDeep | undefined {
    const text = this.text;
    this.lineStart = this.i;
    while (text.charCodeAt(this.i) === SPACE) this.i++;
    const indent = this.i - this.lineStart;
    this.lineIndent = indent;
    const code = text.charCodeAt(this.i);
    if (code === LF || code === CR || code === 0x23 /* # */ || this.i >= text.length) return this.skipLine();
    if (this.blockScalarParent >= 0) {
      if (indent > this.blockScalarParent) return this.skipLine();
      this.blockScalarParent = -1;
    }
    if (indent === 0 && (text.startsWith('---', this.i) || text.startsWith('...', this.i)) && isBlank(text.charCodeAt(this.i + 3))) {
      this.columns.length = 0;
      this.sequences.length = 0;
      this.i += 3;
      return this.scanNodes();
    }
    const isSequence = code === 0x2d /* - */ && isBlank(text.charCodeAt(this.i + 1));
    this.closeBlocksFrom(indent, isSequence);
    this.openBlock(indent, isSequence);
    return this.tooDeep(this.i) ?? this.scanNodes();
  }

  /** Leaves the block levels a line at `indent` ends; a `- ` line under a `key:` at the same column nests in it. */
  private closeBlocksFrom(indent: number, isSequence: boolean): void {
    const columns = this.columns;
    while (columns.length > 0 && columns[columns.length - 1]! >= indent) {
      const top = columns.length - 1;
      if (columns[top] === indent && isSequence && !this.sequences[top]) return;
      columns.pop();
      this.sequences.pop();
    }
  }

  private openBlock(column: number, isSequence: boolean): void {
    const top = this.columns.length - 1;
    if (top >= 0 && this.columns[top] === column && this.sequences[top] === isSequence) return;
    this.columns.push(column);
    this.sequences.push(isSequence);
  }

  /** The rest of a block line from a place where a node may start: indicators, properties, a flow collection, a scalar. */
  private scanNodes(): TooDeep | undefined {
    const text = this.text;
    for (;;) {
      while (text.charCodeAt(this.i) === SPACE || text.charCodeAt(this.i) === TAB) this.i++;
      const code = text.charCodeAt(this.i);
      const next = text.charCodeAt(this.i + 1);
      if ((code === 0x2d /* - */ || code === 0x3f /* ? */ || code === 0x3a /* : */) && isBlank(next)) {
        this.i++;
        if (code !== 0x3a) {
          this.openBlock(this.i + 1 - this.lineStart, code === 0x2d);
          const tooDeep = this.tooDeep(this.i);
          if (tooDeep) return tooDeep;
        }
        continue;
      }
      if (code === 0x26 /* & */ || code === 0x21 /* ! */) {
        while (this.i < text.length && !isBlank(text.charCodeAt(this.i))) this.i++;
        continue;
      }
      if (code === 0x5b /* [ */ || code === 0x7b /* { */) return this.scanFlowLine();
      if (code === 0x7c /* | */ || code === 0x3e /* > */) {
        this.blockScalarParent = this.lineIndent;
        return this.skipLine();
      }
      if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
        this.skipQuoted(code);
        continue;
      }
      if (!this.skipPlain()) return undefined;
    }
  }

  /**
   * Past a plain scalar (a key, or a value) on a block line. True when it stopped at a
   * value indicator (`key: `), after which a node may start; false at the end of the line.
   */
  private skipPlain(): boolean {
    const text = this.text;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === LF) {
        this.i++;
        return false;
      }
      if (code === 0x23 /* # */ && isBlank(text.charCodeAt(this.i - 1))) {
        this.skipLine();
        return false;
      }
      if (code === 0x3a /* : */ && isBlank(text.charCodeAt(this.i + 1))) return true;
      this.i++;
    }
    return false;
  }

  /** Flow context, which may span lines: brackets count, quotes and comments are skipped, indentation means nothing. */
  private scanFlowLine(): TooDeep | undefined {
    const text = this.text;
    let nodeStart = true;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (code === LF) {
        this.i++;
        if (this.flow === 0) return undefined;
        nodeStart = true;
        continue;
      }
      if (code === 0x5b || code === 0x7b) {
        if (nodeStart || this.flow === 0) {
          this.flow++;
          const tooDeep = this.tooDeep(this.i);
          if (tooDeep) return tooDeep;
        }
        this.i++;
        nodeStart = true;
        continue;
      }
      if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
        if (this.flow > 0) this.flow--;
        this.i++;
        nodeStart = false;
        if (this.flow === 0) return this.skipLine();
        continue;
      }
      if (code === 0x23 /* # */ && (nodeStart || isBlank(text.charCodeAt(this.i - 1)))) {
        this.skipToLineEnd();
        continue;
      }
      if ((code === 0x22 || code === 0x27) && nodeStart) {
        this.skipQuoted(code);
        nodeStart = false;
        continue;
      }
      nodeStart = code === 0x2c /* , */ || code === 0x3a /* : */ || (nodeStart && isBlank(code)) || (nodeStart && (code === 0x3f || code === 0x2d) && isBlank(text.charCodeAt(this.i + 1)));
      this.i++;
    }
    return undefined;
  }

  /** Past a quoted scalar, which may span lines; `\` escapes in double quotes, `''` in single ones. */
  private skipQuoted(quote: number): void {
    const text = this.text;
    this.i++;
    while (this.i < text.length) {
      const code = text.charCodeAt(this.i);
      if (quote === 0x22 && code === 0x5c /* \ */) {
        this.i += 2;
        continue;
      }
      this.i++;
      if (code === quote) {
        if (quote === 0x27 && text.charCodeAt(this.i) === 0x27) {
          this.i++;
          continue;
        }
        return;
      }
    }
  }

  private skipToLineEnd(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end < 0 ? this.text.length : end;
  }

  private skipLine(): undefined {
    this.skipToLineEnd();
    this.i++;
    return undefined;
  }
}
