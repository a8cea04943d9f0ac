// The compiled test files a runner hands to node's test runner, shared by
// test/run-node-tests.mjs (`npm test`) and test/webview/run.mjs (`npm run test:webview`).
// Node 20's `--test` takes file paths, not globs, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findTests(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

/**
 * Every `*.test.js` under `folder` whose path contains one of the command line's
 * arguments (all of them when there are none), sorted. With none found it prints
 * `whenNone` and exits with 1: a run that tests nothing must not pass.
 */
export function testFiles(folder, whenNone) {
  const filter = process.argv.slice(2);
  const files = findTests(folder)
    .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
    .sort();
  if (files.length === 0) {
    console.error(whenNone);
    process.exit(1);
  }
  return files;
}
