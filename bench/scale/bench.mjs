// @ts-check
/**
 * Reachability and `check` at scale: generated workspaces (bench/reach/generate.mjs) of
 * 1k workloads / 500 policies, 5k / 2k and 20k / 10k in 50 namespaces, in the standard
 * mix and in the three stress shapes (ipblocks, named-ports, unique-labels). Written to
 * .bench/scale/ (generated, never committed). For each workspace:
 *   - the lower bound: reading and parsing its YAML with the `yaml` package alone;
 *   - `netpol-lens reach` and (standard mix) `netpol-lens check`: CPU seconds, peak RSS,
 *     lines printed, and the ratio of CPU time to the bound;
 *   - (standard mix) the server over stdio: index, edit -> diagnostics, the matrix first
 *     and again with nothing changed, the what-if of the unsaved edit first and again,
 *     peak RSS.
 * Growth exponents between sizes are printed, and the targets of issue #20 as PASS/FAIL.
 * Numbers only: nothing here asserts a time. The 20k sizes run once; a shape whose
 * smaller size ran past the deadline is skipped at the larger ones, with a note.
 *
 *   node bench/scale/bench.mjs [--sizes=1000,5000,20000] [--shapes=standard,ipblocks,named-ports,unique-labels] [--deadline=120] [--no-lsp]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateWorkspace, SHAPES } from '../reach/generate.mjs';
import { lspFigures } from './lsp-figures.mjs';
import { measureNode } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NAMESPACES = 50;
/** Policies per workload count, as issue #20 sizes them. */
const POLICIES = new Map([
  [1000, 500],
  [5000, 2000],
  [20000, 10000],
]);
const GIB = 1024;

/** @param {string[]} argv */
function parseOptions(argv) {
  const options = { sizes: [1000, 5000, 20000], shapes: [...SHAPES], deadlineS: 120, lsp: true, cli: path.join(ROOT, 'dist', 'server', 'cli.js') };
  for (const arg of argv) {
    let match;
    if (arg === '--no-lsp') options.lsp = false;
    else if ((match = /^--sizes=([\d,]+)$/.exec(arg))) options.sizes = match[1].split(',').map(Number);
    else if ((match = /^--shapes=([a-z,-]+)$/.exec(arg))) options.shapes = match[1].split(',');
    else if ((match = /^--deadline=(\d+)$/.exec(arg))) options.deadlineS = Number(match[1]);
    else if ((match = /^--cli=(.+)$/.exec(arg))) options.cli = path.resolve(match[1]);
    else throw new Error(`Unknown argument ${arg}; expected --sizes=, --shapes=, --deadline=, --cli= or --no-lsp.`);
  }
  return options;
}

/**
 * @param {string} shape
 * @param {number} workloads
 */
function writeWorkspace(shape, workloads) {
  const policies = POLICIES.get(workloads) ?? Math.round(workloads / 2);
  const generated = generateWorkspace({ namespaces: NAMESPACES, workloads, policies, shape });
  const folder = path.join(ROOT, '.bench', 'scale', `${shape}-${workloads}`);
  fs.rmSync(folder, { recursive: true, force: true });
  for (const [uri, text] of generated.files) {
    const file = path.join(folder, uri.replace('file:///bench/', ''));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { folder, policies: generated.policies };
}

/**
 * The smallest CPU time of `runs` runs (the steadiest figure on a shared machine).
 * @param {string[]} args
 * @param {number} runs
 * @param {number} deadlineMs
 */
async function best(args, runs, deadlineMs) {
  /** @type {import('./measure.mjs').Measured | undefined} */
  let kept;
  for (let i = 0; i < runs; i++) {
    const m = await measureNode(args, { cwd: ROOT, deadlineMs });
    if (!kept || m.timedOut || m.cpuMs < kept.cpuMs) kept = m;
    if (m.timedOut) break;
  }
  return /** @type {import('./measure.mjs').Measured} */ (kept);
}

const s = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (/** @type {number} */ m) => `${m.toFixed(0)} MiB`;
const pad = (/** @type {string} */ text, /** @type {number} */ width) => text.padEnd(width);

/** @param {import('./measure.mjs').Measured} m */
function cpuOrNote(m, deadlineS = 0) {
  if (m.timedOut) return `no result within ${deadlineS} s`;
  if (m.exitCode !== 0 && m.exitCode !== 1) return `failed (exit ${m.exitCode})`;
  return `${s(m.cpuMs)} CPU`;
}

/**
 * log(b/a) / log(nb/na): 1 is linear, 2 quadratic.
 * @param {number} a
 * @param {number} b
 * @param {number} na
 * @param {number} nb
 */
function growth(a, b, na, nb) {
  return Math.log(b / a) / Math.log(nb / na);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const deadlineMs = options.deadlineS * 1000;
  /** @type {{ shape: string, workloads: number, policies: number, bound: any, reach?: any, check?: any, lsp?: any, skipped?: string }[]} */
  const rows = [];
  // CPU seconds swing with the machine's load (shared cores, caches): the figures are read with it.
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
  console.log(`load average at the start: ${load()} (${os.cpus().length} cores)`);
  for (const shape of options.shapes) {
    let stop = '';
    for (const workloads of options.sizes) {
      const { folder, policies } = writeWorkspace(shape, workloads);
      const label = `${shape} ${workloads / 1000}k/${policies / 1000}k`;
      if (stop) {
        console.log(`${pad(label, 24)} skipped: ${stop}`);
        rows.push({ shape, workloads, policies, bound: undefined, skipped: stop });
        continue;
      }
      const runs = workloads >= 20000 ? 1 : 2;
      const bound = await best([path.join(ROOT, 'bench', 'scale', 'read-and-parse.mjs'), folder], runs, deadlineMs);
      const reach = await best([options.cli, 'reach', folder], runs, deadlineMs);
      /** @type {{ shape: string, workloads: number, policies: number, bound: any, reach: any, check?: any, lsp?: any }} */
      const row = { shape, workloads, policies, bound, reach };
      rows.push(row);
      if (reach.timedOut) stop = `reach had no result within ${options.deadlineS} s at a smaller size`;
      const ratio = reach.timedOut ? '' : `, ${(reach.cpuMs / bound.cpuMs).toFixed(2)}x the bound`;
      console.log(`${pad(label, 24)} read+parse ${s(bound.cpuMs)} CPU | reach ${cpuOrNote(reach, options.deadlineS)}${ratio}, ${mib(reach.peakRssMiB)}, ${reach.lines} lines`);
      if (shape !== 'standard') continue;
      const check = await best([options.cli, 'check', folder], runs, deadlineMs);
      row.check = check;
      console.log(`${pad('', 24)} check ${cpuOrNote(check, options.deadlineS)} (${(check.cpuMs / bound.cpuMs).toFixed(2)}x the bound), ${mib(check.peakRssMiB)}, ${check.lines} lines`);
      if (!options.lsp) continue;
      const file = path.join(folder, 'ns-07', 'policies.yaml');
      try {
        const lsp = await lspFigures(ROOT, folder, { path: file, text: fs.readFileSync(file, 'utf8') }, { deadlineMs });
        row.lsp = lsp;
        const t = (/** @type {{ wallMs: number, cpuMs: number }} */ x) => `${s(x.wallMs)} (CPU ${s(x.cpuMs)})`;
        console.log(`${pad('', 24)} server: index ${t(lsp.index)}; edit -> diagnostics ${lsp.edit.wallMs.toFixed(0)} ms (CPU ${lsp.edit.cpuMs.toFixed(0)} ms); matrix ${t(lsp.matrixFirst)}, again ${t(lsp.matrixAgain)}; what-if ${t(lsp.whatIfFirst)}, again ${t(lsp.whatIfAgain)}; ${mib(lsp.peakRssMiB)}`);
      } catch (error) {
        console.log(`${pad('', 24)} server: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      }
    }
  }
  console.log(`load average at the end: ${load()}`);
  printGrowth(rows);
  printTargets(rows);
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench', 'scale-results.json'), JSON.stringify(rows, null, 2));
}

/** @param {any[]} rows */
function printGrowth(rows) {
  console.log('\nGrowth between sizes (CPU time; 1 is linear, 2 quadratic):');
  for (const shape of new Set(rows.map((r) => r.shape))) {
    const done = rows.filter((r) => r.shape === shape && r.reach && !r.reach.timedOut);
    const parts = [];
    for (let i = 1; i < done.length; i++) {
      const [a, b] = [done[i - 1], done[i]];
      const pair = `${a.workloads / 1000}k->${b.workloads / 1000}k`;
      parts.push(`${pair}: read+parse ${growth(a.bound.cpuMs, b.bound.cpuMs, a.workloads, b.workloads).toFixed(2)}, reach ${growth(a.reach.cpuMs, b.reach.cpuMs, a.workloads, b.workloads).toFixed(2)}` + (a.check && b.check ? `, check ${growth(a.check.cpuMs, b.check.cpuMs, a.workloads, b.workloads).toFixed(2)}` : ''));
    }
    console.log(`  ${pad(shape, 14)} ${parts.join('; ') || 'one size only'}`);
  }
}

/** @param {any[]} rows */
function printTargets(rows) {
  console.log('\nTargets of issue #20 (20k workloads / 10k policies unless said):');
  const big = rows.find((r) => r.shape === 'standard' && r.workloads === 20000);
  /** @param {string} what @param {boolean | undefined} ok @param {string} measured */
  const line = (what, ok, measured) => console.log(`  ${ok === undefined ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL'}  ${pad(what, 58)} ${measured}`);
  const lsp = big?.lsp;
  line('index (initialize -> ready) <= 8 s', lsp && lsp.index.wallMs <= 8000, lsp ? s(lsp.index.wallMs) : '');
  line('edit -> diagnostics <= 50 ms', lsp && lsp.edit.wallMs <= 50, lsp ? `${lsp.edit.wallMs.toFixed(0)} ms` : '');
  line('matrix first <= 2 s', lsp && lsp.matrixFirst.wallMs <= 2000, lsp ? s(lsp.matrixFirst.wallMs) : '');
  line('matrix again, nothing changed, <= 100 ms', lsp && lsp.matrixAgain.wallMs <= 100, lsp ? `${lsp.matrixAgain.wallMs.toFixed(0)} ms` : '');
  line('server peak RSS <= 1 GiB', lsp && lsp.peakRssMiB <= GIB, lsp ? mib(lsp.peakRssMiB) : '');
  line('check <= 15 s', big?.check && !big.check.timedOut && big.check.cpuMs <= 15000, big?.check ? cpuOrNote(big.check) : '');
  for (const r of rows) {
    const label = `${r.shape} ${r.workloads / 1000}k`;
    if (!r.reach) {
      line(`reach ${label} <= 1.5x read+parse (+2 us a line)`, false, r.skipped ?? '');
      continue;
    }
    const allowed = 1.5 * r.bound.cpuMs + 0.002 * r.reach.lines;
    line(`reach ${label} <= 1.5x read+parse (+2 us a line)`, !r.reach.timedOut && r.reach.cpuMs <= allowed, r.reach.timedOut ? 'no result' : `${s(r.reach.cpuMs)} of ${s(allowed)} allowed`);
    line(`reach ${label} peak RSS <= 1 GiB`, !r.reach.timedOut && r.reach.peakRssMiB <= GIB, r.reach.timedOut ? 'no result' : mib(r.reach.peakRssMiB));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    },
  );
}
