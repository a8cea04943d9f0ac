// Runs every compiled test file (out/test/**/*.test.js) with node's own test runner.
// Arguments filter files by substring.
import { spawnSync } from 'node:child_process';
import { testFiles } from './support/find-tests.mjs';

const files = testFiles('out/test', 'No test files found under out/test (did `tsc -b` run?).');
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
