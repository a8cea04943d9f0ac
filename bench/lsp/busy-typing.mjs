// @ts-check
/**
 * Typing while workspace-wide work runs: netpol-lens only (yaml-language-server has no
 * workspace index or reachability). On a generated workspace (bench/reach/generate.mjs),
 * one character is typed into an open policy file, one edit at a time:
 *   - with nothing else under way (the baseline);
 *   - right after asking for the reachability matrix while the engine must be rebuilt
 *     from scratch (a workload's labels were changed just before);
 *   - while the first index of the workspace is still running.
 * Prints edit → diagnostics medians for each, and how long the matrix and the index
 * took. Then, on a larger workspace (5,000 workloads, 2,500 policies by default), the
 * p50/p95/max of typing and hover latency during a reachability matrix computation
 * (typing-during-matrix.mjs; the target is a p95 under 50 ms). Numbers only; nothing
 * here asserts a time.
 *
 *   node bench/lsp/busy-typing.mjs [--workloads=2000] [--policies=1000] [--namespaces=50] [--edits=9]
 *                                  [--large-workloads=5000] [--large-policies=2500] [--rounds=2] [--large-only]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateWorkspace } from '../reach/generate.mjs';
import { LspSession } from './lsp-session.mjs';
import { serverSpecs } from './servers.mjs';
import { median } from './stats.mjs';
import { latencyRow, typingDuringMatrix } from './typing-during-matrix.mjs';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FOLDER = path.join(PROJECT_ROOT, '.bench', 'busy');
const DEADLINE_MS = 120_000;

/** @param {string[]} argv */
function parseOptions(argv) {
  const options = { workloads: 2000, policies: 1000, namespaces: 50, edits: 9, largeWorkloads: 5000, largePolicies: 2500, rounds: 2, largeOnly: false };
  for (const arg of argv) {
    if (arg === '--large-only') {
      options.largeOnly = true;
      continue;
    }
    const match = /^--(workloads|policies|namespaces|edits|large-workloads|large-policies|rounds)=(\d+)$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}; expected --large-only, or --workloads=, --policies=, --namespaces=, --edits=, --large-workloads=, --large-policies= or --rounds= with a number.`);
    const key = match[1].replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    options[/** @type {'workloads'} */ (key)] = Number(match[2]);
  }
  return options;
}

/**
 * Writes the generated workspace (its uris are `file:///bench/<ns>/<file>`) below FOLDER.
 * @param {Map<string, string>} files
 * @returns {Map<string, { uri: string, text: string }>} by generated uri
 */
function writeWorkspace(files) {
  fs.rmSync(FOLDER, { recursive: true, force: true });
  const written = new Map();
  for (const [generated, text] of files) {
    const file = path.join(FOLDER, generated.replace('file:///bench/', ''));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.set(generated, { uri: pathToFileURL(file).toString(), text });
  }
  return written;
}

/**
 * Types an `x` or deletes it at a fixed place and waits for that version's diagnostics.
 * @param {LspSession} session
 * @param {string} uri
 * @param {{ line: number, character: number }} at
 * @param {boolean} typing
 */
async function oneEdit(session, uri, at, typing) {
  const afterSeq = session.seq;
  const started = performance.now();
  const range = typing ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
  const version = await session.change(uri, range, typing ? 'x' : '');
  const published = await session.nextDiagnostics(uri, afterSeq, version, DEADLINE_MS);
  return published.at - started;
}

/**
 * @param {string} text
 * @param {string} needle
 */
function positionOf(text, needle) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** @param {ReturnType<typeof parseOptions>} options */
export async function runBusyTyping(options) {
  const generated = generateWorkspace(options);
  const files = writeWorkspace(generated.files);
  const policies = /** @type {{ uri: string, text: string }} */ (files.get('file:///bench/ns-07/policies.yaml'));
  const workloads = /** @type {{ uri: string, text: string }} */ (files.get('file:///bench/ns-07/workloads.yaml'));
  const at = positionOf(policies.text, 'policyTypes');
  const label = positionOf(workloads.text, 'tier: ');
  const [spec] = serverSpecs(PROJECT_ROOT, ['netpol-lens']);
  const rootUri = pathToFileURL(FOLDER).toString();
  console.log(`netpol-lens on a generated workspace of ${generated.workloads} workloads, ${generated.policies} policies, ${generated.namespaces} namespaces:`);

  // While the first index runs: open the policy file at once and type.
  let session = new LspSession(spec);
  const indexStarted = performance.now();
  await session.initialize(rootUri, DEADLINE_MS);
  await session.open(policies.uri, policies.text);
  const duringIndex = [];
  for (let i = 0; i < options.edits && !spec.ready.test(session); i++) duringIndex.push(await oneEdit(session, policies.uri, at, i % 2 === 0));
  await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, DEADLINE_MS);
  const indexMs = performance.now() - indexStarted;
  await session.stop();

  session = new LspSession(spec);
  try {
    await session.initialize(rootUri, DEADLINE_MS);
    await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, DEADLINE_MS);
    await session.open(policies.uri, policies.text);
    await session.open(workloads.uri, workloads.text);
    await session.settle(300, DEADLINE_MS);
    const idle = [];
    for (let i = 0; i < options.edits; i++) idle.push(await oneEdit(session, policies.uri, at, i % 2 === 0));

    // A relabelled workload changes the workspace's shape (the next matrix needs a full
    // build) and what the policy file's workspace findings are computed against.
    let relabels = 0;
    const relabel = async () => {
      const afterSeq = session.seq;
      const version = await session.change(workloads.uri, { start: label, end: { line: label.line, character: label.character + 1 } }, relabels++ % 2 === 0 ? 'T' : 't');
      await session.nextDiagnostics(workloads.uri, afterSeq, version, DEADLINE_MS);
      await session.settle(200, DEADLINE_MS);
    };
    const afterRelabel = [];
    for (let i = 0; i < options.edits; i++) {
      await relabel();
      afterRelabel.push(await oneEdit(session, policies.uri, at, i % 2 === 0));
    }
    const duringReach = [];
    const matrixMs = [];
    for (let i = 0; i < options.edits; i++) {
      await relabel();
      const requested = performance.now();
      const matrix = session.request('netpolLens/reachabilityMatrix', {}, 'a reachability matrix', DEADLINE_MS).then(() => performance.now() - requested);
      duringReach.push(await oneEdit(session, policies.uri, at, i % 2 === 0));
      matrixMs.push(await matrix);
    }
    const row = (/** @type {string} */ what, /** @type {number[]} */ samples) => `  ${what.padEnd(58)} ${median(samples).toFixed(1).padStart(7)} ms  (max ${Math.max(...samples).toFixed(1)}, n=${samples.length})`;
    console.log(row('edit → diagnostics, nothing else under way', idle));
    console.log(row('edit → diagnostics, first after a workload relabel', afterRelabel));
    console.log(row('the same, sent just after a matrix request', duringReach));
    console.log(row('  that matrix (full rebuild, restarted to include the edit)', matrixMs));
    if (duringIndex.length > 0) console.log(row('edit → diagnostics during the first index', duringIndex));
    else console.log('  (the first index finished before the first edit could be sent)');
    console.log(`  first index, initialize to ready: ${indexMs.toFixed(0)} ms`);
  } finally {
    await session.stop();
  }
}

/**
 * Typing during a matrix computation on the larger workspace.
 * @param {ReturnType<typeof parseOptions>} options
 */
export async function runTypingDuringMatrix(options) {
  const generated = generateWorkspace({ workloads: options.largeWorkloads, policies: options.largePolicies, namespaces: options.namespaces });
  const files = writeWorkspace(generated.files);
  const policies = /** @type {{ uri: string, text: string }} */ (files.get('file:///bench/ns-07/policies.yaml'));
  const workloads = /** @type {{ uri: string, text: string }} */ (files.get('file:///bench/ns-07/workloads.yaml'));
  const [spec] = serverSpecs(PROJECT_ROOT, ['netpol-lens']);
  console.log(`netpol-lens on a generated workspace of ${generated.workloads} workloads, ${generated.policies} policies, ${generated.namespaces} namespaces, during a matrix computation:`);
  const session = new LspSession(spec);
  try {
    await session.initialize(pathToFileURL(FOLDER).toString(), DEADLINE_MS * 5);
    await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, DEADLINE_MS * 5);
    await session.open(policies.uri, policies.text);
    await session.open(workloads.uri, workloads.text);
    await session.settle(300, DEADLINE_MS);
    const hoverAt = positionOf(policies.text, 'podSelector');
    const result = await typingDuringMatrix(session, { workloadsUri: workloads.uri, relabelAt: positionOf(workloads.text, 'tier: '), hoverUri: policies.uri, hoverAt, rounds: options.rounds });
    console.log(latencyRow('edit → diagnostics during the matrix (target p95 < 50 ms)', result.edits));
    console.log(latencyRow('hover during the matrix', result.hovers));
    console.log(latencyRow('the matrix (full rebuild)', result.matrix));
  } finally {
    await session.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseOptions(process.argv.slice(2));
  (options.largeOnly ? Promise.resolve() : runBusyTyping(options)).then(() => runTypingDuringMatrix(options)).then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
