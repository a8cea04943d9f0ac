import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { EXAMPLES } from '../support/paths';

test('check reports nothing for the tutorial and exits 0', () => {
  const result = runCli(['check', path.join(EXAMPLES, 'tutorial')]);
  assert.deepEqual(result.stdout.filter((l) => / error /.test(l)), []);
  assert.equal(result.exitCode, 0);
});

test('check reports the YAML syntax error of the mistakes file and exits 1', () => {
  const file = path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml');
  const result = runCli(['check', file]);
  assert.equal(result.exitCode, 1);
  assert.ok(result.stdout.some((line) => line.startsWith(`${file}:`) && line.includes(' error yaml/syntax ')), result.stdout.join('\n'));
});

test('check on a missing path exits 3 and says so', () => {
  const result = runCli(['check', '/nonexistent/folder']);
  assert.equal(result.exitCode, 3);
  assert.match(result.stderr.join('\n'), /no such file or folder/);
});
