/**
 * A small, library-neutral view of a parsed YAML document.
 *
 * Everything above the parse layer works on these types, so only `parse/` ever
 * imports the `yaml` package. Every node keeps the UTF-16 offsets of its source
 * text, which are the same units LSP positions use; parsed spans keep them
 * relative to their document and move with it (document-span.ts).
 */

/** Where one region of parsed text currently starts in its file (see document-span.ts). */
export interface DocumentBase {
  offset: number;
}

/** A half-open range of UTF-16 offsets into the file text: `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type YNode = YMap | YSeq | YScalar | YAlias;

interface YNodeBase {
  readonly span: Span;
  /** True for `{...}` / `[...]` flow collections; false for block style and scalars. */
  readonly flow: boolean;
}

export interface YScalar extends YNodeBase {
  readonly kind: 'scalar';
  /**
   * The value as kubectl reads it: YAML 1.2's core schema, except where a plain scalar means
   * something else under YAML 1.1, which kubectl uses (parse/kubectl-scalars.ts).
   */
  readonly value: string | number | boolean | bigint | null;
  /** Set when `value` is YAML 1.1's reading and YAML 1.2 would read the text otherwise. */
  readonly yaml11?: true;
  /** How the scalar was written, which matters for edits that must keep quoting. */
  readonly style: 'plain' | 'single' | 'double' | 'block';
  /** The exact source text of the scalar, quotes included. */
  readonly source: string;
}

export interface YAlias extends YNodeBase {
  readonly kind: 'alias';
  readonly source: string;
  /**
   * The anchored node `*name` stands for (the very node of `&name`, with its own
   * spans), or undefined when the anchor is unknown or contains the alias itself.
   */
  readonly target?: YNode;
}

export interface YPair {
  readonly key: YNode;
  /** The key as text (`String(value)` for scalar keys, the source text otherwise). */
  readonly keyText: string;
  /** Null only when the pair has no value node at all; `key:` gives a null scalar. */
  readonly value: YNode | null;
  /** From the start of the key to the end of the value. */
  readonly span: Span;
}

export interface YMap extends YNodeBase {
  readonly kind: 'map';
  readonly items: readonly YPair[];
}

export interface YSeq extends YNodeBase {
  readonly kind: 'seq';
  readonly items: readonly YNode[];
}

/** A YAML syntax error or warning, with the range the parser blamed. */
export interface SyntaxProblem {
  readonly span: Span;
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  readonly index: number;
  /** The whole document, including its `---` marker and trailing comments. */
  readonly span: Span;
  /** Null for an empty document. */
  readonly root: YNode | null;
  readonly problems: readonly SyntaxProblem[];
  /** True when the document holds Helm/Go template markers (`{{ ... }}`). */
  readonly templated: boolean;
}

export interface ParsedFile {
  readonly text: string;
  readonly documents: readonly ParsedDocument[];
  /** The `---` regions the documents were parsed from, kept so the next version can reuse them. */
  readonly regions?: readonly ParsedRegion[];
}

/** One region of text between document markers and the documents parsed from it. */
export interface ParsedRegion {
  /** Where the region starts now; every span of its documents reads through it. */
  readonly base: DocumentBase;
  readonly text: string;
  readonly documents: readonly ParsedDocument[];
}

/** Looks up a key in a map node; returns the pair so callers keep both spans. */
export function getPair(map: YMap, key: string): YPair | undefined {
  return map.items.find((pair) => pair.keyText === key);
}

export function isMap(node: YNode | null | undefined): node is YMap {
  return node?.kind === 'map';
}

export function isSeq(node: YNode | null | undefined): node is YSeq {
  return node?.kind === 'seq';
}

export function isScalar(node: YNode | null | undefined): node is YScalar {
  return node?.kind === 'scalar';
}

/**
 * The node an alias stands for, or the node itself. Readers of values call this,
 * so `matchLabels: *common` reads as the labels of `&common`, as Kubernetes reads
 * it, and never as an empty (select-all) selector.
 */
export function deref(node: YNode | null | undefined): YNode | null {
  if (node === null || node === undefined) return null;
  return node.kind === 'alias' ? (node.target ?? node) : node;
}

/** True for a missing value, `key:`, `key: null` and `key: ~`. */
export function isNullish(node: YNode | null | undefined): boolean {
  return node === null || node === undefined || (node.kind === 'scalar' && node.value === null);
}
