/**
 * What the CLI does with inputs it cannot read: one line on stderr each, the path
 * skipped, exit status 3, never a stack trace and never a hang (a FIFO would block
 * a read until a writer comes, so these tests would time out if one were opened).
 * Symbolic links inside a folder are followed once.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { DIST, fixture } from '../support/paths';

const POLICY = fs.readFileSync(fixture('cli', 'check', 'mixed.yaml'), 'utf8');

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-inputs-'));
}

test('a FIFO, given or inside a folder, is skipped with one line and never opened', (t) => {
  const dir = tempFolder();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'a.yaml'), POLICY);
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  const inFolder = runCli(['check', dir]);
  assert.deepEqual(inFolder.stderr, [`netpol-lens check: ${path.join(dir, 'pipe.yaml')}: a FIFO, not a file: skipped`]);
  assert.equal(inFolder.stdout.length, 3);
  assert.equal(inFolder.exitCode, 3);
  const given = runCli(['describe', path.join(dir, 'pipe.yaml')]);
  assert.deepEqual(given, { stdout: [], stderr: [`netpol-lens describe: ${path.join(dir, 'pipe.yaml')}: a FIFO, not a file: skipped`], exitCode: 3 });
});

test('a device given as a path is skipped with one line', () => {
  assert.deepEqual(runCli(['reach', '/dev/null']), { stdout: [], stderr: ['netpol-lens reach: /dev/null: a device, not a file: skipped'], exitCode: 3 });
});

test('a file that fails to read is one line, not a stack trace', () => {
  // /proc/self/mem is a regular file whose read fails (EIO) even for root, who may read any mode.
  const result = runCli(['check', '/proc/self/mem', fixture('cli', 'check', 'clean.yaml')]);
  assert.deepEqual(result, { stdout: [], stderr: ['netpol-lens check: /proc/self/mem: cannot be read (EIO)'], exitCode: 3 });
});

test('a folder and a file without read permission are one line each', (t) => {
  if (process.getuid?.() === 0) return t.skip('root reads any file whatever its mode');
  const dir = tempFolder();
  t.after(() => {
    fs.chmodSync(path.join(dir, 'closed'), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  fs.mkdirSync(path.join(dir, 'closed'));
  fs.writeFileSync(path.join(dir, 'secret.yaml'), POLICY, { mode: 0o000 });
  fs.chmodSync(path.join(dir, 'closed'), 0o000);
  const result = runCli(['check', dir]);
  assert.deepEqual(result.stderr, [`netpol-lens check: ${path.join(dir, 'closed')}: cannot be read (permission denied)`, `netpol-lens check: ${path.join(dir, 'secret.yaml')}: cannot be read (permission denied)`]);
  assert.equal(result.exitCode, 3);
});

test('symlinked manifests and folders are followed once: no loop, no file read twice', (t) => {
  const dir = tempFolder();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'real'));
  fs.writeFileSync(path.join(dir, 'real', 'a.yaml'), POLICY);
  fs.mkdirSync(path.join(dir, 'links'));
  fs.symlinkSync(path.join(dir, 'real', 'a.yaml'), path.join(dir, 'links', 'b.yaml'));
  fs.symlinkSync(dir, path.join(dir, 'links', 'loop'));
  const outside = tempFolder();
  t.after(() => fs.rmSync(outside, { recursive: true, force: true }));
  fs.writeFileSync(path.join(outside, 'c.yaml'), POLICY.replace(/ns1/g, 'ns2'));
  fs.symlinkSync(path.join(outside, 'c.yaml'), path.join(dir, 'links', 'c.yaml'));
  const result = runCli(['check', dir]);
  assert.deepEqual(result.stderr, []);
  // a.yaml once (through links/b.yaml, found first), c.yaml once through its link.
  assert.deepEqual(
    result.stdout.map((l) => l.split(' ')[0]!.replace(/:\d+:\d+$/, '')),
    [...Array(3).fill(path.join(dir, 'links', 'b.yaml')), ...Array(3).fill(path.join(dir, 'links', 'c.yaml'))],
  );
});

test('a broken symbolic link inside a folder is one line', (t) => {
  const dir = tempFolder();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'dangling.yaml'));
  assert.deepEqual(runCli(['check', dir]), { stdout: [], stderr: [`netpol-lens check: ${path.join(dir, 'dangling.yaml')}: broken symbolic link`], exitCode: 3 });
});

test('the built binary prints one line and exits 3 on a FIFO, within seconds', (t) => {
  const dir = tempFolder();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  const run = spawnSync(process.execPath, [path.join(DIST, 'server', 'cli.js'), 'check', path.join(dir, 'pipe.yaml')], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.status, 3, run.stderr);
  assert.equal(run.stderr, `netpol-lens check: ${path.join(dir, 'pipe.yaml')}: a FIFO, not a file: skipped\n`);
  assert.equal(run.stdout, '');
});

test('the built binary piped into a reader that stops early (| head -1) ends quietly', (t) => {
  const dir = tempFolder();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // More output (~300 KB) than a pipe holds, so the pipe is closed before everything is written.
  for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(dir, `p${i}.yaml`), POLICY.replace(/ns1/g, `ns${i}`));
  const run = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${path.join(DIST, 'server', 'cli.js')}' check '${dir}' | head -1 >/dev/null`], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.stderr, '');
});
