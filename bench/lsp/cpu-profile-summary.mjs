// @ts-check
/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) of the bundled server: self time
 * per source module, and inclusive time per function of our own code.
 *
 * The server is one esbuild bundle, so profile frames all point into dist/server/server.js.
 * esbuild writes a `// path/to/module.ts` comment before each module's code, and those
 * comments map a bundle line back to its module without needing the source map.
 *
 *   node bench/lsp/cpu-profile-summary.mjs .bench/profiles/<file>.cpuprofile
 */
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} CpuProfile
 * @typedef {{ name: string, ms: number }} Entry
 */

/**
 * A function that maps a 0-based line of a bundle to the module it came from.
 * @param {string} file
 */
function moduleLocator(file) {
  /** @type {{ line: number, module: string }[]} */
  const starts = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const match = /^\/\/ ((?:node_modules|server|client)\/\S+\.[cm]?[jt]s)$/.exec(text);
      if (match) starts.push({ line, module: match[1] });
    });
  return (/** @type {number} */ line) => {
    let found = '(bundle prelude)';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.module;
    }
    return found;
  };
}

/**
 * @param {CpuProfile} profile
 * @param {number} fromMicros only samples taken at or after this time count
 * @returns {Map<number, number>} milliseconds of self time per node id
 */
function selfTimes(profile, fromMicros) {
  /** @type {Map<number, number>} */
  const self = new Map();
  let at = profile.startTime + (profile.timeDeltas[0] ?? 0);
  // timeDeltas[i] is the time between sample i-1 and sample i; it is billed to sample i-1.
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const id = profile.samples[i];
    if (at >= fromMicros) self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i + 1] / 1000);
    at += profile.timeDeltas[i + 1];
  }
  return self;
}

/**
 * @param {Map<string, number>} totals
 * @param {number} limit
 * @returns {Entry[]}
 */
function top(totals, limit) {
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, limit);
}

/**
 * @param {CpuProfile} profile
 * @param {string} bundle path of the bundle the frames point into
 * @param {number} [fromMicros] ignore samples before this time: V8 stamps samples with the
 *   monotonic clock, the one `process.hrtime` reads, so another process can mark a moment
 */
export function summarizeProfile(profile, bundle, fromMicros = 0) {
  const locate = moduleLocator(bundle);
  const bundleUrl = pathToFileURL(bundle).toString();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** @param {ProfileNode} node */
  const moduleOf = (node) => {
    const { url, lineNumber, functionName } = node.callFrame;
    if (url === bundleUrl || url === bundle) return locate(lineNumber);
    if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
    return url.startsWith('node:') ? url : '(other)';
  };
  const self = selfTimes(profile, fromMicros);
  /** @type {Map<string, number>} */
  const perModule = new Map();
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const node = /** @type {ProfileNode} */ (byId.get(id));
    total += ms;
    perModule.set(moduleOf(node), (perModule.get(moduleOf(node)) ?? 0) + ms);
    // Inclusive time of our own functions: each function counts once per stack, so recursion is not double-billed.
    const seen = new Set();
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
      const frame = /** @type {ProfileNode} */ (byId.get(at));
      const module = moduleOf(frame);
      if (!module.startsWith('server/')) continue;
      const key = `${frame.callFrame.functionName || '(anonymous)'}  ${module}`;
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      seen.add(key);
    }
  }
  return { totalMs: total, modules: top(perModule, 15), functions: top(inclusive, 25) };
}

/**
 * @param {ReturnType<typeof summarizeProfile>} summary
 * @returns {string}
 */
export function renderProfileSummary(summary) {
  /** @param {Entry} e */
  const row = (e) => `${e.ms.toFixed(0).padStart(8)} ms ${((100 * e.ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${e.name}`;
  return [
    `Sampled time: ${summary.totalMs.toFixed(0)} ms`,
    '',
    'Self time by module:',
    ...summary.modules.map(row),
    '',
    'Inclusive time of our functions (server/src):',
    ...summary.functions.map(row),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: node bench/lsp/cpu-profile-summary.mjs <file.cpuprofile> [bundle.js]');
  const bundle = process.argv[3] ?? fileURLToPath(new URL('../../dist/server/server.js', import.meta.url));
  console.log(renderProfileSummary(summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')), bundle)));
}
