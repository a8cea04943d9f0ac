/**
 * Moves a parsed document to another place in its file: every span shifted by
 * `delta`. Used when an unchanged document is reused after an edit above it, which
 * costs a walk over its nodes instead of a new parse.
 */
import type { ParsedDocument, Span, SyntaxProblem, YNode, YPair } from './yaml-tree';

export function shiftDocument(doc: ParsedDocument, delta: number, index: number): ParsedDocument {
  if (delta === 0) return doc.index === index ? doc : { ...doc, index };
  const shifter = new Shifter(delta, doc.hasAliases === true);
  return {
    index,
    span: shifter.span(doc.span),
    root: doc.root ? shifter.node(doc.root) : null,
    problems: doc.problems.map((p): SyntaxProblem => ({ ...p, span: shifter.span(p.span) })),
    templated: doc.templated,
    ...(doc.hasAliases !== undefined && { hasAliases: doc.hasAliases }),
  };
}

class Shifter {
  /** Old node -> its shifted copy, so aliases point at the copy of their anchor. */
  private readonly copies = new Map<YNode, YNode>();

  constructor(
    private readonly delta: number,
    private readonly hasAliases: boolean,
  ) {}

  span(span: Span): Span {
    return { start: span.start + this.delta, end: span.end + this.delta };
  }

  node(node: YNode): YNode {
    const copy = this.copy(node);
    // Remembering copies is needed only for alias targets, so documents without aliases skip it.
    if (this.hasAliases) this.copies.set(node, copy);
    return copy;
  }

  // Objects are built with fixed shapes (no spread) so V8 keeps this walk monomorphic and cheap.
  private copy(node: YNode): YNode {
    const span = this.span(node.span);
    switch (node.kind) {
      case 'scalar':
        return { kind: 'scalar', span, flow: node.flow, value: node.value, style: node.style, source: node.source };
      case 'seq':
        return { kind: 'seq', span, flow: node.flow, items: node.items.map((item) => this.node(item)) };
      case 'map':
        return { kind: 'map', span, flow: node.flow, items: node.items.map((pair) => this.pair(pair)) };
      case 'alias': {
        // Anchors come before their aliases in document order, so the target's copy exists.
        const target = node.target ? this.copies.get(node.target) : undefined;
        return target ? { kind: 'alias', span, flow: node.flow, source: node.source, target } : { kind: 'alias', span, flow: node.flow, source: node.source };
      }
    }
  }

  private pair(pair: YPair): YPair {
    const key = this.node(pair.key);
    const value = pair.value ? this.node(pair.value) : null;
    return { key, keyText: pair.keyText, value, span: this.span(pair.span) };
  }
}
