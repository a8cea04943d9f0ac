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
import { findTooDeep, MAX_NESTING_DEPTH } from './nesting-depth';
import { readSimpleRegion } from './simple-region';
import { DocumentSpan, type DocumentBase } from './document-span';
import { runToEnd, type Steps } from '../steps';
import type { ParsedDocument, ParsedFile, ParsedRegion, SyntaxProblem, YNode } from './yaml-tree';

/** Helm and other Go templates: `{{ .Values.x }}`, `{{- if ... }}`. */
const TEMPLATE_MARKER = /\{\{-?\s|\{\{[.$a-zA-Z/]/;

/**
 * Parses every document of the text. With `previous` (the parse of an earlier
 * version of the same file), the regions whose text did not change are reused:
 * their documents move to their new offsets by an update of their region's base
 * (parse/document-span.ts), without a parse or a copy, so an edit costs the parse
 * of the one region it touched. `previous` is handed over: its reused documents
 * now belong to, and read the offsets of, the new text.
 */
export function parseFile(text: string, previous?: ParsedFile): ParsedFile {
  return runToEnd(parseFileSteps(text, previous));
}

/** parseFile as steps (steps.ts): one step per region parsed, so a large file can be parsed in time slices. */
export function* parseFileSteps(text: string, previous?: ParsedFile): Steps<ParsedFile> {
  const reusable = new ReusableRegions(previous, text);
  const documents: ParsedDocument[] = [];
  const regions: ParsedRegion[] = [];
  for (const { start, end } of documentRegions(text)) {
    const old = reusable.take(start, end);
    if (old) {
      old.base.offset = start;
      // A region whose documents keep their places in the file is kept whole: nothing of it is allocated again.
      const kept = old.documents.length === 0 || old.documents[0]!.index === documents.length ? old : { ...old, documents: old.documents.map((doc, i) => withIndex(doc, documents.length + i)) };
      for (const doc of kept.documents) documents.push(doc);
      regions.push(kept);
      continue;
    }
    // A new region gets a copy of its text of its own.
    const regionText = ownCopy(text.slice(start, end));
    const base = { offset: start };
    const docs = parseRegion(regionText, base).map((doc, i) => withIndex(doc, documents.length + i));
    yield;
    for (const doc of docs) documents.push(doc);
    regions.push({ base, text: regionText, documents: docs });
  }
  return { text, documents, regions };
}

/**
 * The previous version's regions that reappear unchanged. An edit leaves the regions
 * before it where they were and moves those after it by the change in length, so a
 * region is looked for at those two places and taken when its text is the same
 * (one comparison per region, no hashing of the whole file). Each is taken at most once, so
 * two regions never share a base. A document pasted somewhere else is parsed again.
 */
class ReusableRegions {
  private readonly byStart = new Map<number, ParsedRegion>();
  private readonly delta: number;

  constructor(
    previous: ParsedFile | undefined,
    private readonly text: string,
  ) {
    this.delta = previous ? text.length - previous.text.length : 0;
    for (const region of previous?.regions ?? []) this.byStart.set(region.base.offset, region);
  }

  /** The region whose text is the new text's from `start` to `end`. */
  take(start: number, end: number): ParsedRegion | undefined {
    return this.takeAt(start, start, end) ?? (this.delta !== 0 ? this.takeAt(start - this.delta, start, end) : undefined);
  }

  private takeAt(oldStart: number, start: number, end: number): ParsedRegion | undefined {
    const region = this.byStart.get(oldStart);
    // String equality on a slice is several times faster than startsWith at an offset in V8.
    if (!region || region.text.length !== end - start || region.text !== this.text.slice(start, end)) return undefined;
    this.byStart.delete(oldStart);
    return region;
  }
}

/**
 * The region's text, not tied to the file's. A JavaScript substring may keep its
 * whole parent string alive, and a region, with the scalar sources sliced from it,
 * outlives the version of the file it was parsed from: without a copy, every
 * version in which some document was re-parsed would stay in memory (for a
 * 50,000-line file, 1.5 MB per edited document in a long session). Concatenation
 * makes V8 copy the characters when the result is sliced.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** A document keeps its identity (and what was read from it) unless documents were added or removed before it. */
function withIndex(doc: ParsedDocument, index: number): ParsedDocument {
  return doc.index === index ? doc : { ...doc, index };
}

/**
 * Parses one region's text; spans are relative to the region and read through `base`.
 * A region in the plain subset of YAML is read by simple-region.ts, the same tree at a
 * fraction of the cost; any other by the `yaml` package.
 */
function parseRegion(text: string, base: DocumentBase): ParsedDocument[] {
  // The fast reader gives up far below the depth limit, so what it accepts is never too deep.
  const simple = readSimpleRegion(text, base);
  if (simple) return simple;
  const tooDeep = findTooDeep(text);
  if (tooDeep) return [tooDeepDocument(text, tooDeep.offset, base)];
  return parseRegionWithYaml(text, base);
}

/** A region read by the `yaml` package alone, whatever it holds (exported for the test that compares both readings). */
export function parseRegionWithYaml(text: string, base: DocumentBase): ParsedDocument[] {
  let parsed: yaml.Document.Parsed[];
  try {
    const all = yaml.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
    parsed = Array.isArray(all) ? all : [];
  } catch (error) {
    // The library reports problems as data; this guards against its own bugs.
    const span = new DocumentSpan(0, Math.min(text.length, 1), base);
    const message = `YAML parser failed: ${error instanceof Error ? error.message : String(error)}`;
    const problem: SyntaxProblem = { span, code: 'yaml/syntax', message, severity: 'error' };
    return [{ index: 0, span: new DocumentSpan(0, text.length, base), root: null, problems: [problem], templated: false }];
  }
  return parsed.map((doc, index) => convertDocument(doc, index, text, regionEnd(parsed, index, text), base));
}

/**
 * A region nested deeper than the parser and every reader of its tree can recurse
 * is not parsed: it becomes one document with no root and one problem, so it costs
 * one scan of its text and shows one clear diagnostic.
 */
function tooDeepDocument(text: string, offset: number, base: DocumentBase): ParsedDocument {
  const span = new DocumentSpan(offset, Math.min(offset + 1, text.length), base);
  const message = `Nested too deeply to analyse: this document nests more than ${MAX_NESTING_DEPTH} levels deep here, so NetworkPolicy Lens does not read it.`;
  const problem: SyntaxProblem = { span, code: 'yaml/too-deep', message, severity: 'error' };
  return { index: 0, span: new DocumentSpan(0, text.length, base), root: null, problems: [problem], templated: false };
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

function convertDocument(doc: yaml.Document.Parsed, index: number, text: string, end: number, base: DocumentBase): ParsedDocument {
  const start = doc.range[0];
  const spans = new ProblemSpans(doc, text);
  const converter = new NodeConverter(text, base);
  const root = emptyToNull(converter.convert(doc.contents));
  const problems = [
    ...doc.errors.map((e) => toProblem(e, 'error', spans, base)),
    ...doc.warnings.map((w) => toProblem(w, 'warning', spans, base)),
    ...converter.problems,
  ];
  const templated = TEMPLATE_MARKER.test(text.slice(start, end));
  return { index, span: new DocumentSpan(start, end, base), root, problems, templated };
}

/** A document with no content (`---` alone, or only comments) reads as a zero-width null scalar; it has no root. */
function emptyToNull(root: YNode | null): YNode | null {
  return root && root.kind === 'scalar' && root.value === null && root.source === '' ? null : root;
}

function toProblem(error: yaml.YAMLError, severity: 'error' | 'warning', spans: ProblemSpans, base: DocumentBase): SyntaxProblem {
  // The library appends " at line X, column Y:" and a source excerpt; the editor shows the location itself.
  const message = error.message.split(/ at line \d+, column \d+/)[0]!.trim();
  const { start, end } = spans.spanOf(error);
  return { span: new DocumentSpan(start, end, base), code: `yaml/${error.code.toLowerCase().replace(/_/g, '-')}`, message, severity };
}
