/**
 * Renders a ParsedFile as readable text for snapshot tests: every document, its
 * syntax problems and its YAML tree, each node with its 1-based `line:col` span.
 *
 * Positions come from TextDocument (not from the parser), so a wrong offset, a
 * CRLF miscount or a UTF-16 slip shows up as a wrong line:col a reviewer can see.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument, ParsedFile, Span, SyntaxProblem, YNode } from '../../server/src/core/parse/yaml-tree';

/** Formats spans of one text as `line:col-line:col`, 1-based, columns in UTF-16 units. */
export class SpanFormatter {
  private readonly document: TextDocument;

  constructor(readonly text: string) {
    this.document = TextDocument.create('file:///fixture.yaml', 'yaml', 0, text);
  }

  position(offset: number): string {
    const p = this.document.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  }

  span(span: Span): string {
    return `${this.position(span.start)}-${this.position(span.end)}`;
  }

  /** The source of a span on one line, shortened, for problems whose message alone is vague. */
  excerpt(span: Span, max = 40): string {
    const source = this.text.slice(span.start, span.end);
    const shown = source.length > max ? `${source.slice(0, max)}…` : source;
    return JSON.stringify(shown);
  }
}

export function renderParsedFile(parsed: ParsedFile): string {
  const format = new SpanFormatter(parsed.text);
  const lines = [`file: ${parsed.text.length} chars, ${parsed.documents.length} document(s)`];
  for (const doc of parsed.documents) lines.push(...renderDocument(doc, format));
  return lines.join('\n') + '\n';
}

function renderDocument(doc: ParsedDocument, format: SpanFormatter): string[] {
  const flags = doc.templated ? ' templated' : '';
  const lines = [`document ${doc.index} ${format.span(doc.span)}${flags}`];
  for (const problem of doc.problems) lines.push(`  ${renderProblem(problem, format)}`);
  if (doc.root === null) lines.push('  (empty)');
  else lines.push(...renderNode(doc.root, format, '  '));
  return lines;
}

export function renderProblem(problem: SyntaxProblem, format: SpanFormatter): string {
  return `${problem.severity} ${problem.code} ${format.span(problem.span)} ${format.excerpt(problem.span)}: ${problem.message}`;
}

/** One line per node; map entries as `key: value`, sequence items as `- value`. */
export function renderNode(node: YNode, format: SpanFormatter, indent: string, prefix = ''): string[] {
  const head = `${indent}${prefix}${describeNode(node, format)}`;
  if (node.kind === 'map') {
    const children = node.items.flatMap((pair) => {
      const key = `${JSON.stringify(pair.keyText)} ${format.span(pair.key.span)}${pair.key.kind === 'scalar' ? '' : ` (${pair.key.kind} key)`}: `;
      if (pair.value === null) return [`${indent}  ${key}(no value) pair ${format.span(pair.span)}`];
      return renderNode(pair.value, format, `${indent}  `, key);
    });
    return [head, ...children];
  }
  if (node.kind === 'seq') return [head, ...node.items.flatMap((item) => renderNode(item, format, `${indent}  `, '- '))];
  return [head];
}

function describeNode(node: YNode, format: SpanFormatter): string {
  const where = format.span(node.span);
  switch (node.kind) {
    case 'map':
      return `${node.flow ? 'flow ' : ''}map ${where} (${node.items.length})`;
    case 'seq':
      return `${node.flow ? 'flow ' : ''}seq ${where} (${node.items.length})`;
    case 'alias':
      return `alias ${node.source} ${where}`;
    case 'scalar':
      return `${describeValue(node.value)} ${node.style} ${where}`;
  }
}

function describeValue(value: string | number | boolean | bigint | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
