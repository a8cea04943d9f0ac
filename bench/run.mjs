// @ts-check
/**
 * `npm run bench`: the LSP benchmark (bench/lsp), then the reachability benchmark when
 * it exists. By convention every benchmark folder has a `run.mjs` that exits non-zero
 * on failure; this file runs bench/reach/bench.mjs as its own process so the two cannot
 * disturb each other's timing or memory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOptions, PROJECT_ROOT, runLspBenchmark } from './lsp/run-lsp-bench.mjs';

async function main() {
  let code = await runLspBenchmark(parseOptions(process.argv.slice(2)));
  const reach = path.join(PROJECT_ROOT, 'bench', 'reach', 'bench.mjs');
  if (fs.existsSync(reach)) {
    console.log('\nReachability benchmark (bench/reach/bench.mjs)\n');
    const result = spawnSync(process.execPath, [reach], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (result.error) console.error(`bench/reach/bench.mjs could not start: ${result.error.message}`);
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
