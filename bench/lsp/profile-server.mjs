// @ts-check
/**
 * Where does our server spend an edit? Runs netpol-lens under `node --cpu-prof` on a
 * generated manifest, opens it, makes one-character edits in the middle (as the
 * benchmark does), shuts the server down cleanly so V8 writes the profile, and prints
 * a summary by module and by function.
 *
 *   node bench/lsp/profile-server.mjs [--lines=50000] [--edits=10]
 *
 * It profiles its own unminified bundle of server/src (in .bench/profile-build/), built
 * with the same esbuild options as dist/, because dist/ is rebuilt, sometimes minified
 * for packaging, whenever anyone builds, and a profile needs the exact code it sampled.
 * The raw profile stays in .bench/profiles/ for Chrome DevTools or speedscope.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generateManifest } from '../generate/generate-manifest.mjs';
import { renderProfileSummary, summarizeProfile } from './cpu-profile-summary.mjs';
import { LspSession } from './lsp-session.mjs';
import { middleEditPosition } from './positions.mjs';
import { PROJECT_ROOT } from './run-lsp-bench.mjs';
import { serverSpecs, WORKSPACE_DIR } from './servers.mjs';

const PROFILES = path.join(PROJECT_ROOT, '.bench', 'profiles');
const BUNDLE = path.join(PROJECT_ROOT, '.bench', 'profile-build', 'server.js');
const DEADLINE_MS = 120_000;

/** @param {string[]} argv */
function options(argv) {
  const named = Object.fromEntries(argv.map((arg) => /^--([a-z]+)=(\d+)$/.exec(arg)).map((m, i) => {
    if (!m) throw new Error(`Unknown argument ${argv[i]}; expected --lines=N or --edits=N.`);
    return [m[1], Number(m[2])];
  }));
  return { lines: named.lines ?? 50000, edits: named.edits ?? 10 };
}

async function main() {
  const { lines, edits } = options(process.argv.slice(2));
  await esbuild.build({ entryPoints: [path.join(PROJECT_ROOT, 'server', 'src', 'server.ts')], outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' });
  const spec = { ...serverSpecs(PROJECT_ROOT, ['netpol-lens'])[0], args: [BUNDLE, '--stdio'] };
  const { text } = generateManifest({ targetLines: lines, seed: 1 });
  const workspace = path.join(PROJECT_ROOT, WORKSPACE_DIR);
  const file = path.join(workspace, `manifest-${lines}.yaml`);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(file, text);
  fs.rmSync(PROFILES, { recursive: true, force: true });
  const session = new LspSession(spec, ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`]);
  let editsFrom = 0;
  const uri = pathToFileURL(file).toString();
  try {
    await session.initialize(pathToFileURL(workspace).toString(), DEADLINE_MS);
    await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, DEADLINE_MS);
    let seq = session.seq;
    await session.open(uri, text);
    await session.nextDiagnostics(uri, seq, 1, DEADLINE_MS);
    const at = middleEditPosition(text);
    editsFrom = Number(process.hrtime.bigint() / 1000n);
    for (let i = 0; i < edits; i++) {
      seq = session.seq;
      const started = performance.now();
      const range = i % 2 === 0 ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const version = await session.change(uri, range, i % 2 === 0 ? 'x' : '');
      const published = await session.nextDiagnostics(uri, seq, version, DEADLINE_MS);
      console.log(`edit ${i + 1}: ${(published.at - started).toFixed(1)} ms`);
    }
  } finally {
    await session.stop();
  }
  const profile = fs.readdirSync(PROFILES).find((name) => name.endsWith('.cpuprofile'));
  if (!profile) throw new Error(`No profile in ${PROFILES}: the server did not exit cleanly.`);
  const data = JSON.parse(fs.readFileSync(path.join(PROFILES, profile), 'utf8'));
  console.log(`\nRaw profile (startup, index, open and edits): ${path.relative(PROJECT_ROOT, path.join(PROFILES, profile))}`);
  console.log(`Summary of the ${edits} edits only, from the first didChange to shutdown:\n`);
  console.log(renderProfileSummary(summarizeProfile(data, BUNDLE, editsFrom)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
