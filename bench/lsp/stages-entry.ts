/**
 * The server's own stages, callable in-process. stage-timings.mjs bundles this file
 * with esbuild and times each stage without LSP, pipes or the event loop in between,
 * which tells how an edit's cost splits between the YAML library, our conversion,
 * the model and checks, and the conversion to LSP diagnostics.
 */
import * as yaml from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../../server/src/analysis/analyze-file';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { toDiagnostics } from '../../server/src/services/diagnostics';

/** The YAML library alone, with the options parse-documents.ts passes. */
export function yamlOnly(text: string): number {
  return yaml.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true }).length;
}

export function parseOnly(text: string): number {
  return parseFile(text).documents.length;
}

/** With `previous`, the server's incremental path: documents whose text did not change are reused. */
export function analyze(text: string, previous?: FileAnalysis): FileAnalysis {
  return analyzeText(text, previous);
}

export function diagnostics(text: string, analysis: FileAnalysis): number {
  return toDiagnostics(TextDocument.create('file:///bench/manifest.yaml', 'yaml', 1, text), analysis).length;
}
