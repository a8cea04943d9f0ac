// Entry point VS Code calls inside the extension host (the payload's extensionTestsPath).
//
// Why: VS Code calls run() and ignores how it ends (a throwing run() still exits 0), so
// this module runs every suite/*.test.js with mocha and writes the outcome to the JSON
// file named by NETPOL_LENS_VSCODE_RESULTS, atomically (tmp + rename), for the runner.
// Plain CommonJS: the extension host loads it with require(), no build step needed.
// To add tests (hovers via vscode.executeHoverProvider, code actions, ...), drop a
// <feature>.test.js file next to this one; helpers.js has the waiting and position helpers.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');
const RESULTS_ENV = 'NETPOL_LENS_VSCODE_RESULTS';

function writeResults(results) {
  const file = process.env[RESULTS_ENV];
  if (!file) throw new Error(`${RESULTS_ENV} is not set: start the tests with test/vscode/run.sh`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

function runMocha() {
  // Mocha comes from the project, not from VS Code: require it by absolute path.
  const Mocha = require(path.join(ROOT, 'node_modules', 'mocha'));
  // NETPOL_LENS_VSCODE_GREP runs only the tests whose full title matches it (to iterate on one file).
  const grep = process.env.NETPOL_LENS_VSCODE_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .forEach((f) => mocha.addFile(path.join(__dirname, f)));
  const tests = [];
  const record = (state) => (test, err) => tests.push({
    fullTitle: test.fullTitle(),
    state,
    durationMs: test.duration,
    error: err ? String(err.stack || err.message || err) : undefined,
    // A figure a test measured (test.note), printed by the runner under the test's name.
    note: typeof test.note === 'string' ? test.note : undefined,
  });
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(tests));
    runner.on('pass', record('passed'));
    runner.on('fail', record('failed')); // also fires for failing hooks
    runner.on('pending', record('pending'));
  });
}

exports.run = async function run() {
  const started = Date.now();
  let results;
  try {
    const tests = await runMocha();
    results = { tests, durationMs: Date.now() - started };
  } catch (err) {
    // A test file that fails to load lands here: report it, never a silent pass.
    results = { tests: [], error: String(err && (err.stack || err.message) || err), durationMs: Date.now() - started };
  }
  writeResults(results);
  if (results.error || results.tests.some((t) => t.state === 'failed')) {
    throw new Error('netpol-lens VS Code tests failed (see the results file)');
  }
};
