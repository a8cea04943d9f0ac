/**
 * `yaml` package nodes -> the library-neutral YNode tree of yaml-tree.ts.
 *
 * One converter serves one document, because anchors are per document. Nodes are
 * converted in document order, so every `&name` is known before any `*name` that
 * may refer to it: an alias gets the converted anchored node as its `target` (the
 * same object, so a thousand aliases of one anchor cost nothing), an alias inside
 * its own anchor (a cycle) gets none, and an alias of an unknown anchor gets none
 * and a problem, since Kubernetes tools refuse such a document.
 */
import * as yaml from 'yaml';
import { DocumentSpan, type DocumentBase } from './document-span';
import { yaml11Reading } from './kubectl-scalars';
import type { Span, SyntaxProblem, YNode, YPair } from './yaml-tree';

/** Marks an anchor whose node is still being converted. */
const PENDING = 'pending';

export class NodeConverter {
  readonly problems: SyntaxProblem[] = [];
  private readonly anchors = new Map<string, YNode | typeof PENDING>();

  /** `text` is the region being parsed; spans are relative to it and move with `base`. */
  constructor(
    private readonly text: string,
    private readonly base: DocumentBase,
  ) {}

  convert(node: unknown): YNode | null {
    if (node === null || node === undefined) return null;
    const anchor = yaml.isNode(node) && !yaml.isAlias(node) ? node.anchor : undefined;
    if (anchor) this.anchors.set(anchor, PENDING);
    const result = this.convertFresh(node);
    if (anchor && result) this.anchors.set(anchor, result);
    return result;
  }

  private convertFresh(node: unknown): YNode | null {
    if (yaml.isMap(node)) {
      const items = node.items.map((pair) => this.convertPair(pair)).filter((p): p is YPair => p !== null);
      return { kind: 'map', span: this.covering(node, items), flow: node.flow === true, items };
    }
    if (yaml.isSeq(node)) {
      const items = node.items.map((item) => this.convert(item)).filter((n): n is YNode => n !== null);
      return { kind: 'seq', span: this.covering(node, items), flow: node.flow === true, items };
    }
    if (yaml.isScalar(node)) {
      const [start, end] = this.rangeOf(node);
      const style = scalarStyle(node.type);
      const source = this.text.slice(start, end);
      const yaml11 = style === 'plain' ? yaml11Reading(source) : undefined;
      const value = yaml11 ?? scalarValue(node.value);
      return { kind: 'scalar', span: this.span(start, end), flow: false, value, style, source, ...(yaml11 !== undefined && { yaml11: true }) };
    }
    if (yaml.isAlias(node)) return this.convertAlias(node);
    return null;
  }

  private convertAlias(node: yaml.Alias): YNode {
    const [start, end] = this.rangeOf(node);
    const span = this.span(start, end);
    const target = this.anchors.get(node.source);
    if (target === undefined && node.source !== '') {
      const message = `Unknown anchor "${node.source}": an alias must refer to an anchor (&${node.source}) set before it in the same document.`;
      this.problems.push({ span, code: 'yaml/unresolved-alias', message, severity: 'error' });
    }
    const resolved = target !== undefined && target !== PENDING ? target : undefined;
    return { kind: 'alias', span, flow: false, source: this.text.slice(start, end), ...(resolved && { target: resolved }) };
  }

  private convertPair(pair: yaml.Pair<unknown, unknown>): YPair | null {
    const key = this.convert(pair.key);
    if (key === null) return null;
    const value = this.convert(pair.value);
    const base = this.base.offset;
    const keyText = key.kind === 'scalar' ? String(key.value) : this.text.slice(key.span.start - base, key.span.end - base);
    const end = value && value.span.end > key.span.end ? value.span.end : key.span.end;
    return { key, keyText, value, span: this.span(key.span.start - base, end - base) };
  }

  /** The node's range in the region text, clamped to it. */
  private rangeOf(node: yaml.Node): [number, number] {
    const range = node.range;
    if (!range) return [0, 0];
    const start = Math.min(range[0], this.text.length);
    return [start, Math.min(Math.max(range[1], start), this.text.length)];
  }

  /**
   * A collection's span widened to cover its items. The parser's range of a block
   * map used as an explicit key (`? a: b`) starts after its first key; everything
   * above relies on children lying inside their parent.
   */
  private covering(node: yaml.Node, items: readonly { readonly span: Span }[]): Span {
    let [start, end] = this.rangeOf(node);
    if (items.length > 0) {
      const base = this.base.offset;
      start = Math.min(start, items[0]!.span.start - base);
      end = Math.max(end, items[items.length - 1]!.span.end - base);
    }
    return this.span(start, end);
  }

  private span(start: number, end: number): Span {
    return new DocumentSpan(start, end, this.base);
  }
}

function scalarValue(value: unknown): string | number | boolean | bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  // Dates and other tagged values stay as their string form.
  return String(value);
}

function scalarStyle(type: string | undefined): 'plain' | 'single' | 'double' | 'block' {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return 'block';
    default:
      return 'plain';
  }
}
