/**
 * Text -> ParsedFile. The only module that imports the `yaml` package.
 *
 * The `yaml` package is error-tolerant: it always returns documents, with errors
 * attached, so broken input becomes data here and nothing throws.
 */
import * as yaml from 'yaml';
import type { ParsedDocument, ParsedFile, Span, SyntaxProblem, YNode, YPair } from './yaml-tree';

/** Helm and other Go templates: `{{ .Values.x }}`, `{{- if ... }}`. */
const TEMPLATE_MARKER = /\{\{-?\s|\{\{[.$a-zA-Z/]/;

export function parseFile(text: string): ParsedFile {
  const documents: ParsedDocument[] = [];
  let parsed: ReturnType<typeof yaml.parseAllDocuments>;
  try {
    parsed = yaml.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    // The library reports problems as data; this guards against its own bugs.
    const span = { start: 0, end: Math.min(text.length, 1) };
    const message = `YAML parser failed: ${error instanceof Error ? error.message : String(error)}`;
    const problem: SyntaxProblem = { span, code: 'yaml/syntax', message, severity: 'error' };
    return { text, documents: [{ index: 0, span: { start: 0, end: text.length }, root: null, problems: [problem], templated: false }] };
  }
  const list = Array.isArray(parsed) ? parsed : [];
  list.forEach((doc, index) => documents.push(convertDocument(doc as yaml.Document.Parsed, index, text)));
  return { text, documents };
}

function convertDocument(doc: yaml.Document.Parsed, index: number, text: string): ParsedDocument {
  const [start, , end] = doc.range;
  const span = { start, end };
  const problems = [
    ...doc.errors.map((e) => toProblem(e, 'error', text)),
    ...doc.warnings.map((w) => toProblem(w, 'warning', text)),
  ];
  const templated = TEMPLATE_MARKER.test(text.slice(start, end));
  return { index, span, root: convertNode(doc.contents, text), problems, templated };
}

function toProblem(error: yaml.YAMLError, severity: 'error' | 'warning', text: string): SyntaxProblem {
  const [start, rawEnd] = error.pos;
  const end = Math.min(Math.max(rawEnd, start), text.length);
  // The library appends " at line X, column Y:" and a source excerpt; the editor shows the location itself.
  const message = error.message.split(/ at line \d+, column \d+/)[0]!.trim();
  return { span: { start: Math.min(start, text.length), end }, code: `yaml/${error.code.toLowerCase().replace(/_/g, '-')}`, message, severity };
}

function spanOf(node: yaml.Node, text: string): Span {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: Math.min(range[1], text.length) };
}

function convertNode(node: unknown, text: string): YNode | null {
  if (node === null || node === undefined) return null;
  if (yaml.isMap(node)) {
    const items = node.items.map((pair) => convertPair(pair, text)).filter((p): p is YPair => p !== null);
    return { kind: 'map', span: spanOf(node, text), flow: node.flow === true, items };
  }
  if (yaml.isSeq(node)) {
    const items = node.items.map((item) => convertNode(item, text)).filter((n): n is YNode => n !== null);
    return { kind: 'seq', span: spanOf(node, text), flow: node.flow === true, items };
  }
  if (yaml.isScalar(node)) {
    const span = spanOf(node, text);
    return { kind: 'scalar', span, flow: false, value: scalarValue(node.value), style: scalarStyle(node.type), source: text.slice(span.start, span.end) };
  }
  if (yaml.isAlias(node)) {
    const span = spanOf(node, text);
    return { kind: 'alias', span, flow: false, source: text.slice(span.start, span.end) };
  }
  return null;
}

function convertPair(pair: yaml.Pair<unknown, unknown>, text: string): YPair | null {
  const key = convertNode(pair.key, text);
  if (key === null) return null;
  const value = convertNode(pair.value, text);
  const keyText = key.kind === 'scalar' ? String(key.value) : text.slice(key.span.start, key.span.end);
  const end = value && value.span.end > key.span.end ? value.span.end : key.span.end;
  return { key, keyText, value, span: { start: key.span.start, end } };
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
