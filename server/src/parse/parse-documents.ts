/**
 * Text -> ParsedFile. With convert-node.ts and problem-spans.ts, the only code
 * that imports the `yaml` package.
 *
 * The `yaml` package is error-tolerant: it always returns documents, with errors
 * attached, so broken input becomes data here and nothing throws.
 */
import * as yaml from 'yaml';
import { NodeConverter } from './convert-node';
import { ProblemSpans } from './problem-spans';
import { documentRegions } from './document-regions';
import { shiftDocument } from './shift-document';
import type { ParsedDocument, ParsedFile, ParsedRegion, SyntaxProblem, YNode } from './yaml-tree';

/** Helm and other Go templates: `{{ .Values.x }}`, `{{- if ... }}`. */
const TEMPLATE_MARKER = /\{\{-?\s|\{\{[.$a-zA-Z/]/;

/**
 * Parses every document of the text. With `previous` (the parse of an earlier
 * version of the same file), documents whose text did not change are reused,
 * moved to their new offsets, so an edit costs the parse of one document.
 */
export function parseFile(text: string, previous?: ParsedFile): ParsedFile {
  const reusable = regionsByText(previous);
  const documents: ParsedDocument[] = [];
  const regions: ParsedRegion[] = [];
  for (const { start, end } of documentRegions(text)) {
    const regionText = text.slice(start, end);
    const old = reusable.get(regionText);
    const docs = old
      ? old.documents.map((doc, i) => shiftDocument(doc, start - old.start, documents.length + i))
      : parseRegion(regionText).map((doc, i) => shiftDocument(doc, start, documents.length + i));
    documents.push(...docs);
    regions.push({ start, text: regionText, documents: docs });
  }
  return { text, documents, regions };
}

function regionsByText(previous: ParsedFile | undefined): Map<string, ParsedRegion> {
  const map = new Map<string, ParsedRegion>();
  for (const region of previous?.regions ?? []) if (!map.has(region.text)) map.set(region.text, region);
  return map;
}

/** Parses one region's text; spans are relative to the region until shifted. */
function parseRegion(text: string): ParsedDocument[] {
  let parsed: yaml.Document.Parsed[];
  try {
    const all = yaml.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
    parsed = Array.isArray(all) ? all : [];
  } catch (error) {
    // The library reports problems as data; this guards against its own bugs.
    const span = { start: 0, end: Math.min(text.length, 1) };
    const message = `YAML parser failed: ${error instanceof Error ? error.message : String(error)}`;
    const problem: SyntaxProblem = { span, code: 'yaml/syntax', message, severity: 'error' };
    return [{ index: 0, span: { start: 0, end: text.length }, root: null, problems: [problem], templated: false }];
  }
  return parsed.map((doc, index) => convertDocument(doc, index, text, regionEnd(parsed, index, text)));
}

/**
 * A document's region runs to the start of the next one (or the end of the text).
 * The parser's own range can stop early when it gives up on broken text (after a
 * closed flow root, the rest is "unexpected tokens"), or run one character into
 * the next `---` on some broken input; the region is what belongs to the document,
 * for its span and for template detection.
 */
function regionEnd(parsed: readonly yaml.Document.Parsed[], index: number, text: string): number {
  const next = parsed[index + 1];
  return next ? next.range[0] : text.length;
}

function convertDocument(doc: yaml.Document.Parsed, index: number, text: string, end: number): ParsedDocument {
  const start = doc.range[0];
  const spans = new ProblemSpans(doc, text);
  const converter = new NodeConverter(text);
  const root = emptyToNull(converter.convert(doc.contents));
  const problems = [
    ...doc.errors.map((e) => toProblem(e, 'error', spans)),
    ...doc.warnings.map((w) => toProblem(w, 'warning', spans)),
    ...converter.problems,
  ];
  const templated = TEMPLATE_MARKER.test(text.slice(start, end));
  return { index, span: { start, end }, root, problems, templated, hasAliases: converter.sawAlias };
}

/** A document with no content (`---` alone, or only comments) reads as a zero-width null scalar; it has no root. */
function emptyToNull(root: YNode | null): YNode | null {
  return root && root.kind === 'scalar' && root.value === null && root.source === '' ? null : root;
}

function toProblem(error: yaml.YAMLError, severity: 'error' | 'warning', spans: ProblemSpans): SyntaxProblem {
  // The library appends " at line X, column Y:" and a source excerpt; the editor shows the location itself.
  const message = error.message.split(/ at line \d+, column \d+/)[0]!.trim();
  return { span: spans.spanOf(error), code: `yaml/${error.code.toLowerCase().replace(/_/g, '-')}`, message, severity };
}
