// `npm run test:webview` (after `node esbuild.mjs && tsc -b test/webview`): runs the
// compiled panel tests (out/webview-test/webview/**/*.test.js) with node's test
// runner and ends with one plain summary line. Arguments filter files by substring.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { testFiles } from '../support/find-tests.mjs';

const files = testFiles('out/webview-test/webview', 'No test files under out/webview-test/webview (did `tsc -b test/webview` run?).');

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
