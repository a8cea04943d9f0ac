/**
 * `netpol-lens describe PATH...`. The tutorial snapshot was made with the real kubectl
 * 1.32 (scripts/kubectl-describe-oracle.mjs on examples/tutorial/policies.yaml; the
 * folder's other file holds no policy), so a diff here after UPDATE_SNAPSHOTS=1 is a
 * change to review against kubectl, not to accept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { EXAMPLES, fixture, SHARED } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

/** What cli.ts writes to stdout for a result. */
function printed(lines: readonly string[]): string {
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

test('describe prints every policy of the tutorial folder, a blank line between them', () => {
  const result = runCli(['describe', path.join(EXAMPLES, 'tutorial')]);
  assert.equal(result.exitCode, 0);
  assert.deepEqual(result.stderr, []);
  assertMatchesFile(printed(result.stdout), fixture('describe', 'cli', 'tutorial.stdout.txt'));
});

test('describe prints a golden file as kubectl did, Created on aside', (t) => {
  const golden = path.join(SHARED, 'golden', 'kubectl-describe');
  if (!fs.existsSync(golden)) return t.skip(`no golden files in ${golden}`);
  const result = runCli(['describe', path.join(golden, 'both-types.yaml')]);
  const expected = fs.readFileSync(path.join(golden, 'both-types.describe.txt'), 'utf8').replace(/^Created on:.*\n/m, '');
  assert.equal(result.exitCode, 0);
  assert.equal(printed(result.stdout), expected);
});

test('describe joins the policies of several files in the order given', () => {
  const files = ['list', 'creation-timestamp'].map((name) => fixture('describe', `${name}.yaml`));
  const expected = files.map((file) => fs.readFileSync(file.replace(/\.yaml$/, '.describe.txt'), 'utf8')).join('\n');
  const result = runCli(['describe', ...files]);
  assert.equal(result.exitCode, 0);
  assert.equal(printed(result.stdout), expected);
});

test('describe on a missing path says so and exits 3, still describing the paths that exist', () => {
  const result = runCli(['describe', '/nonexistent/folder', fixture('describe', 'list.yaml')]);
  assert.equal(result.exitCode, 3);
  assert.deepEqual(result.stderr, ['netpol-lens describe: /nonexistent/folder: no such file or folder']);
  assert.equal(printed(result.stdout), fs.readFileSync(fixture('describe', 'list.describe.txt'), 'utf8'));
});

test('describe on a missing path alone exits 3 with only that complaint', () => {
  const result = runCli(['describe', '/nonexistent/file.yaml']);
  assert.equal(result.exitCode, 3);
  assert.deepEqual(result.stdout, []);
  assert.deepEqual(result.stderr, ['netpol-lens describe: /nonexistent/file.yaml: no such file or folder']);
});

test('describe on files without policies prints nothing, says so, and exits 0', () => {
  const result = runCli(['describe', path.join(EXAMPLES, 'tutorial', 'workloads.yaml')]);
  assert.equal(result.exitCode, 0);
  assert.deepEqual(result.stdout, []);
  assert.deepEqual(result.stderr, ['netpol-lens describe: no NetworkPolicy found']);
});
