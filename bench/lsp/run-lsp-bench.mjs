// @ts-check
/**
 * The LSP benchmark: generates the manifests, runs every server on every size one after
 * the other (never in parallel, so they do not compete for the CPU), prints the tables
 * and writes .bench/results.json.
 *
 *   node bench/lsp/run-lsp-bench.mjs [--sizes=200,5000,50000] [--servers=netpol-lens,yaml-language-server]
 *                                    [--edits=11] [--hovers=200] [--completions=100] [--deadlineMs=120000]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateManifest } from '../generate/generate-manifest.mjs';
import { measureServer } from './measure-server.mjs';
import { idleNodeRssMiB } from './process-usage.mjs';
import { NOTES, renderSize, renderTargets } from './report.mjs';
import { SERVER_IDS, serverSpecs, WORKSPACE_DIR } from './servers.mjs';
import { checkTargets } from './targets.mjs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS = path.join(PROJECT_ROOT, '.bench', 'results.json');
const SEED = 1;
const WARMUP_SEED = 7;

/**
 * @typedef {object} BenchOptions
 * @property {number[]} sizes
 * @property {string[]} servers
 * @property {number} edits
 * @property {number} hovers
 * @property {number} completions
 * @property {number} deadlineMs
 *
 * @typedef {import('./targets.mjs').SizeResult} SizeResult
 */

/** @type {BenchOptions} */
const DEFAULTS = { sizes: [200, 5000, 50000], servers: SERVER_IDS, edits: 11, hovers: 200, completions: 100, deadlineMs: 120_000 };

/**
 * @param {string[]} argv
 * @returns {BenchOptions}
 */
export function parseOptions(argv) {
  const options = { ...DEFAULTS };
  for (const arg of argv) {
    const match = /^--([a-zA-Z]+)=(.*)$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}; expected --name=value.`);
    const [, name, value] = match;
    if (name === 'sizes') options.sizes = value.split(',').map(Number);
    else if (name === 'servers') options.servers = value.split(',');
    else if (name === 'edits' || name === 'hovers' || name === 'completions' || name === 'deadlineMs') options[name] = Number(value);
    else throw new Error(`Unknown option --${name}.`);
  }
  if (options.sizes.some((n) => !(n > 0))) throw new Error('--sizes takes positive line counts, e.g. --sizes=200,5000.');
  return options;
}

const WORKSPACE = path.join(PROJECT_ROOT, WORKSPACE_DIR);

/**
 * Writes a generated manifest into the benchmark workspace and returns its uri.
 * @param {string} name
 * @param {string} text
 */
function writeManifest(name, text) {
  const file = path.join(WORKSPACE, `manifest-${name}.yaml`);
  fs.mkdirSync(WORKSPACE, { recursive: true });
  fs.writeFileSync(file, text);
  return { uri: pathToFileURL(file).toString(), text };
}

/**
 * Runs the benchmark and returns 0 when every run succeeded, 1 otherwise.
 * @param {BenchOptions} options
 */
export async function runLspBenchmark(options) {
  const specs = serverSpecs(PROJECT_ROOT, options.servers);
  const labels = Object.fromEntries(specs.map((spec) => [spec.id, spec.label]));
  const warmupText = generateManifest({ targetLines: 200, seed: WARMUP_SEED }).text;
  console.log(`LSP benchmark: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  console.log(`${options.edits} edits, ${options.hovers} hovers, ${options.completions} completions per server and size; ratios are ours / theirs.`);
  const loadBefore = os.loadavg()[0];
  const nodeBaselineMiB = await idleNodeRssMiB();
  if (loadBefore > os.cpus().length) console.log(`Warning: load average ${loadBefore.toFixed(1)} on ${os.cpus().length} CPUs; other processes will inflate wall times (CPU times less so).`);
  console.log('');
  /** @type {SizeResult[]} */
  const sizes = [];
  for (const targetLines of options.sizes) {
    const generated = generateManifest({ targetLines, seed: SEED });
    // The workspace holds this size's manifest and the warm-up file, nothing else.
    fs.rmSync(WORKSPACE, { recursive: true, force: true });
    const warmup = writeManifest('warmup', warmupText);
    const manifest = writeManifest(String(targetLines), generated.text);
    /** @type {SizeResult} */
    const size = { targetLines, lines: generated.lines, documents: generated.documents, policies: generated.policies, bytes: Buffer.byteLength(generated.text), runs: {}, errors: {} };
    for (const spec of specs) {
      const started = Date.now();
      try {
        const outsideUri = pathToFileURL(path.join(PROJECT_ROOT, '.bench', 'outside', `manifest-${targetLines}.yaml`)).toString();
        size.runs[spec.id] = await measureServer(spec, { rootUri: pathToFileURL(WORKSPACE).toString(), manifest, warmup, outsideUri, nodeBaselineMiB, ...options });
      } catch (error) {
        size.errors[spec.id] = error instanceof Error ? error.message : String(error);
      }
      process.stderr.write(`  measured ${spec.id} on ${generated.lines} lines in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    sizes.push(size);
    console.log(`${renderSize(size, specs.map((s) => s.id), labels)}\n`);
  }
  const targets = checkTargets(sizes);
  console.log(`${NOTES}\n- An idle \`node\` process (nothing loaded) has an RSS of ${nodeBaselineMiB.toFixed(1)} MiB on this machine.\n`);
  console.log(renderTargets(targets));
  writeResults({ options, labels, loadAverage: { before: loadBefore, after: os.loadavg()[0] }, nodeBaselineMiB, sizes, targets });
  console.log(`\nResults written to ${path.relative(PROJECT_ROOT, RESULTS)}.`);
  return sizes.some((size) => Object.keys(size.errors).length > 0) ? 1 : 0;
}

/** @param {object} results */
function writeResults(results) {
  const machine = { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, ...results }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  Promise.resolve(process.argv.slice(2)).then((argv) => runLspBenchmark(parseOptions(argv))).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
