// `npm run test:webview` (after `node esbuild.mjs && tsc -b test/webview`): runs the
// compiled panel tests (out/webview-test/webview/**/*.test.js) with node's test
// runner and ends with one plain summary line. Arguments filter files by substring.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

function findTests(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

const filter = process.argv.slice(2);
const files = findTests('out/webview-test/webview')
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();
if (files.length === 0) {
  console.error('No test files under out/webview-test/webview (did `tsc -b test/webview` run?).');
  process.exit(1);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (event) => {
  if (event.details.type === 'suite') return;
  if (event.skip || event.todo) counts.skipped++;
  else counts.passed++;
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') counts.failed++;
});
const report = stream.compose(spec);
report.pipe(process.stdout);
report.on('end', () => {
  console.log(`\nwebview tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  console.log('screenshots: test-results/webview/');
  process.exitCode = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
});
