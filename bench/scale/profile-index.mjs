// @ts-check
/**
 * Where does the server spend indexing a large workspace and answering the matrix? Runs
 * netpol-lens under `node --cpu-prof` on a folder (a generated one: `node bench/scale/bench.mjs`
 * leaves them in .bench/scale/), waits for the index, asks for the reachability matrix twice,
 * shuts the server down so V8 writes the profile, and prints a summary of each phase.
 *
 *   node bench/scale/profile-index.mjs .bench/scale/standard-20000 [--no-matrix]
 *
 * Like bench/lsp/profile-server.mjs it profiles its own unminified bundle of server/src.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { renderProfileSummary, summarizeProfile } from '../lsp/cpu-profile-summary.mjs';
import { LspSession } from '../lsp/lsp-session.mjs';
import { PROJECT_ROOT } from '../lsp/run-lsp-bench.mjs';
import { serverSpecs } from '../lsp/servers.mjs';

const PROFILES = path.join(PROJECT_ROOT, '.bench', 'profiles');
const BUNDLE = path.join(PROJECT_ROOT, '.bench', 'profile-build', 'server.js');
const DEADLINE_MS = 300_000;

const micros = () => Number(process.hrtime.bigint() / 1000n);

async function main() {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder) throw new Error('Usage: node bench/scale/profile-index.mjs <folder> [--no-matrix]');
  const matrix = !args.includes('--no-matrix');
  await esbuild.build({ entryPoints: [path.join(PROJECT_ROOT, 'server', 'src', 'server.ts')], outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' });
  const spec = { ...serverSpecs(PROJECT_ROOT, ['netpol-lens'])[0], args: [BUNDLE, '--stdio'] };
  fs.rmSync(PROFILES, { recursive: true, force: true });
  const session = new LspSession(spec, ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`]);
  /** @type {{ name: string, from: number, to: number }[]} */
  const phases = [];
  /** @param {string} name @param {() => Promise<unknown>} action */
  const phase = async (name, action) => {
    const from = micros();
    const started = performance.now();
    await action();
    phases.push({ name, from, to: micros() });
    console.log(`${name}: ${(performance.now() - started).toFixed(0)} ms`);
  };
  try {
    await phase('index', async () => {
      await session.initialize(pathToFileURL(path.resolve(folder)).toString(), DEADLINE_MS);
      await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, DEADLINE_MS);
    });
    if (matrix) {
      await session.settle(300, DEADLINE_MS);
      for (const name of ['matrix', 'matrix again']) await phase(name, () => session.request('netpolLens/reachabilityMatrix', {}, 'a reachability matrix', DEADLINE_MS));
    }
  } finally {
    await session.stop(30_000);
  }
  const file = fs.readdirSync(PROFILES).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`No profile in ${PROFILES}: the server did not exit cleanly.`);
  const data = JSON.parse(fs.readFileSync(path.join(PROFILES, file), 'utf8'));
  console.log(`\nRaw profile: ${path.relative(PROJECT_ROOT, path.join(PROFILES, file))}`);
  for (const { name, from, to } of phases) {
    const samples = { ...data, ...clip(data, to) };
    console.log(`\n== ${name} ==\n`);
    console.log(renderProfileSummary(summarizeProfile(samples, BUNDLE, from)));
  }
}

/**
 * The profile's samples taken before `toMicros` (summarizeProfile takes a start only).
 * @param {{ samples: number[], timeDeltas: number[], startTime: number }} data
 * @param {number} toMicros
 */
function clip(data, toMicros) {
  let at = data.startTime;
  let keep = 0;
  for (; keep < data.timeDeltas.length; keep++) {
    at += data.timeDeltas[keep];
    if (at > toMicros) break;
  }
  return { samples: data.samples.slice(0, keep), timeDeltas: data.timeDeltas.slice(0, keep) };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
