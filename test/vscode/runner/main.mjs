// Runs both real-VS-Code test parts and prints one result line per test plus a summary.
//
// Why: `npm run test:vscode` must give one exit code for (A) extension-host mocha tests
// and (B) the packaged .vsix used through the UI. Output ends with "N passed, N failed".
// Usage: node main.mjs [host|user ...]   (default: both parts)
import { mkdirSync } from 'node:fs';
import { cleanUpNow } from './code-server.mjs';
import { paths } from './config.mjs';
import { runHostTests } from './host-tests.mjs';
import { runUserTest } from './user-test.mjs';

const PARTS = {
  host: ['A. extension-host tests (development extension + mocha)', runHostTests],
  user: ['B. as a user (packaged .vsix + Playwright)', runUserTest],
};

// Whatever ends this process (Ctrl+C, run.sh's timeout), no code-server may outlive it.
process.on('exit', cleanUpNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\nreceived ${sig}; stopping code-server`);
    process.exit(130);
  });
}

function print(entry) {
  if (entry.skipped) return console.log(`- ${entry.name} (skipped)`);
  console.log(`${entry.ok ? '✔' : '✖'} ${entry.name}`);
  if (entry.note) console.log(`    ${entry.note}`);
  if (!entry.ok && entry.error) console.log(trimStack(entry.error).replace(/^/gm, '    '));
}

// Stack frames inside Node, VS Code or mocha say nothing about the failure: drop them.
function trimStack(text) {
  const noise = /^\s+at .*(node:internal|extensionHostProcess\.js|node_modules\/mocha|\(<anonymous>\)$)/;
  const lines = text.split('\n').filter((line) => !noise.test(line));
  return lines.length > 15 ? [...lines.slice(0, 15), '...'].join('\n') : lines.join('\n');
}

async function main() {
  mkdirSync(paths.results, { recursive: true });
  const selected = process.argv.slice(2);
  const names = selected.length ? selected : Object.keys(PARTS);
  const all = [];
  for (const name of names) {
    if (!PARTS[name]) throw new Error(`unknown part "${name}"; use: ${Object.keys(PARTS).join(', ')}`);
    const [title, run] = PARTS[name];
    const t0 = Date.now();
    console.log(`\n${title}`);
    const entries = await run();
    entries.forEach(print);
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    all.push(...entries);
  }
  const passed = all.filter((e) => e.ok && !e.skipped).length;
  const failed = all.filter((e) => !e.ok).length;
  console.log(`\nlogs and screenshots: ${paths.results}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err?.stack ?? err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
