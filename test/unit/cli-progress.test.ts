/**
 * Progress lines go to stderr, and only when stderr is a terminal: under a
 * pseudo-terminal (`script`) they appear there while stdout (a file) is exactly the
 * report; with stderr a pipe nothing but the report and its notes is printed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { DIST, EXAMPLES } from '../support/paths';

const CLI = path.join(DIST, 'server', 'cli.js');
const TUTORIAL = path.join(EXAMPLES, 'tutorial');

test('progress on a terminal stderr, never on stdout', (t) => {
  if (spawnSync('script', ['--version']).status !== 0) return t.skip('util-linux script is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-progress-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'out.txt');
  const terminal = spawnSync('script', ['-qec', `'${process.execPath}' '${CLI}' reach '${TUTORIAL}' > '${out}'`, '/dev/null'], { encoding: 'utf8' });
  assert.equal(terminal.status, 0, terminal.stderr);
  assert.match(terminal.stdout, /reading manifests/);
  const piped = spawnSync(process.execPath, [CLI, 'reach', TUTORIAL], { encoding: 'utf8' });
  assert.equal(piped.stderr, '');
  assert.equal(fs.readFileSync(out, 'utf8'), piped.stdout);
});
