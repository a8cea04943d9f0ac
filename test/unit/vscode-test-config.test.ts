/**
 * `.vscode-test.mjs` (@vscode/test-cli) runs the same extension-host suite as
 * `npm run test:vscode`: every suite/*.test.js in name order, with the mocha
 * settings of suite/index.js. `--list-configuration` resolves the configuration
 * without downloading or starting VS Code.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';

test('the @vscode/test-cli configuration runs the extension-host suite as index.js does', () => {
  const bin = path.join(PROJECT_ROOT, 'node_modules', '@vscode', 'test-cli', 'out', 'bin.mjs');
  const listed = JSON.parse(execFileSync(process.execPath, [bin, '--list-configuration'], { cwd: PROJECT_ROOT, encoding: 'utf8' })) as { config: { mocha: { ui: string; timeout: number }; workspaceFolder: string }; env: { VSCODE_TEST_OPTIONS: string } }[];
  assert.equal(listed.length, 1);
  const suite = path.join(PROJECT_ROOT, 'test', 'vscode', 'suite');
  const expected = fs.readdirSync(suite).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(suite, f));
  assert.deepEqual((JSON.parse(listed[0]!.env.VSCODE_TEST_OPTIONS) as { files: string[] }).files, expected);
  const index = fs.readFileSync(path.join(suite, 'index.js'), 'utf8');
  const { ui, timeout } = listed[0]!.config.mocha;
  assert.match(index, new RegExp(`new Mocha\\(\\{ ui: '${ui}', timeout: ${String(timeout).replace(/(\d)(?=(\d{3})+$)/g, '$1_')},`));
  assert.equal(listed[0]!.config.workspaceFolder, 'examples');
});
