// @ts-check
/**
 * `npm run bench`: the LSP benchmark (bench/lsp), typing while workspace-wide work runs
 * (bench/lsp/busy-typing.mjs), the reachability benchmark, reachability, `check` and the
 * server at scale (bench/scale/bench.mjs: 1k to 20k workloads, standard mix and stress
 * shapes), then the panel's webview in headless Chromium (bench/webview/bench.mjs). Each runs
 * as its own process, so they cannot disturb each other's timing or memory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOptions, PROJECT_ROOT, runLspBenchmark } from './lsp/run-lsp-bench.mjs';

async function main() {
  let code = await runLspBenchmark(parseOptions(process.argv.slice(2)));
  for (const [title, script] of [
    ['Typing while workspace-wide work runs (bench/lsp/busy-typing.mjs)', path.join(PROJECT_ROOT, 'bench', 'lsp', 'busy-typing.mjs')],
    ['Reachability benchmark (bench/reach/bench.mjs)', path.join(PROJECT_ROOT, 'bench', 'reach', 'bench.mjs')],
    ['At scale: reach, check and the server on 1k to 20k workloads (bench/scale/bench.mjs)', path.join(PROJECT_ROOT, 'bench', 'scale', 'bench.mjs')],
    ['Reachability panel in headless Chromium (bench/webview/bench.mjs)', path.join(PROJECT_ROOT, 'bench', 'webview', 'bench.mjs')],
  ]) {
    if (!fs.existsSync(script)) continue;
    console.log(`\n${title}\n`);
    const result = spawnSync(process.execPath, [script], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (result.error) console.error(`${script} could not start: ${result.error.message}`);
    if (result.status !== 0) code = 1;
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
