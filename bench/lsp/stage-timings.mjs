// @ts-check
/**
 * Where an edit's time goes inside our server, stage by stage, in-process (each line is
 * timed on its own, from scratch): the YAML library, our parse, the whole file analysis,
 * and the LSP diagnostics; then the
 * server's incremental path (analysis given the previous one) after the benchmark's
 * one-character edit, and the one `---` document that edit touches, analysed alone:
 * the floor for a server that redoes only what the edit changed. Workspace-wide
 * findings (the index, cross-file selector matching) are not in these numbers; the
 * profile (profile-server.mjs) shows them.
 *
 *   node bench/lsp/stage-timings.mjs [--lines=50000] [--runs=5]
 *
 * Each stage runs once to warm up, then `runs` times; the median is reported.
 */
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generateManifest } from '../generate/generate-manifest.mjs';
import { middleEditPosition } from './positions.mjs';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = path.join(ROOT, '.bench', 'stage-build', 'stages.cjs');

/**
 * @typedef {typeof import('./stages-entry.js')} Stages
 */

/** Bundles stages-entry.ts (and the server code it imports) and loads it. */
async function loadStages() {
  await esbuild.build({ entryPoints: [path.join(ROOT, 'bench', 'lsp', 'stages-entry.ts')], outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return /** @type {Stages} */ (createRequire(import.meta.url)(BUNDLE));
}

/**
 * @param {() => unknown} work
 * @param {number} runs
 */
function time(work, runs) {
  work();
  /** @type {number[]} */
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/**
 * The text of the `---` document that contains `line`.
 * @param {string} text
 * @param {number} line
 */
function documentAround(text, line) {
  const lines = text.split('\n');
  let start = line;
  while (start > 0 && lines[start - 1] !== '---') start--;
  let end = line;
  while (end < lines.length && lines[end] !== '---') end++;
  return lines.slice(start, end).join('\n');
}

/** @param {string[]} argv */
function options(argv) {
  /** @type {Record<string, number>} */
  const named = {};
  for (const arg of argv) {
    const match = /^--([a-z]+)=(\d+)$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}; expected --lines=N or --runs=N.`);
    named[match[1]] = Number(match[2]);
  }
  return { lines: named.lines ?? 50000, runs: named.runs ?? 5 };
}

async function main() {
  const { lines: targetLines, runs } = options(process.argv.slice(2));
  const stages = await loadStages();
  const { text } = generateManifest({ targetLines, seed: 1 });
  const analysis = stages.analyze(text);
  const yamlMs = time(() => stages.yamlOnly(text), runs);
  const parseMs = time(() => stages.parseOnly(text), runs);
  const analyzeMs = time(() => stages.analyze(text), runs);
  const diagnosticsMs = time(() => stages.diagnostics(text, analysis), runs);
  const at = middleEditPosition(text);
  const lines = text.split('\n');
  const edited = [...lines.slice(0, at.line), `${lines[at.line]}x`, ...lines.slice(at.line + 1)].join('\n');
  const incrementalMs = time(() => stages.analyze(edited, analysis), runs);
  const oneDocument = documentAround(text, at.line);
  const oneDocumentMs = time(() => stages.diagnostics(oneDocument, stages.analyze(oneDocument)), runs * 20);
  /** @type {[string, number][]} */
  const rows = [
    ['yaml.parseAllDocuments, whole text', yamlMs],
    ['parseFile (library + our tree)', parseMs],
    ['analyzeText (parse + model + checks)', analyzeMs],
    ['toDiagnostics (findings -> LSP)', diagnosticsMs],
    ['analyzeText after one edit, incremental', incrementalMs],
  ];
  console.log(`In-process stages on ${lines.length - 1} lines (${analysis.parsed.documents.length} documents, ${analysis.findings.length} findings), median of ${runs}:`);
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms`);
  console.log(`  ${'one document alone (analyze + LSP)'.padEnd(40)} ${oneDocumentMs.toFixed(2).padStart(8)} ms  (${oneDocument.split('\n').length} lines)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
