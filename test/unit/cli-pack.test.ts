/**
 * The npm package as users get it: `npm pack` (what the registry would serve),
 * then `npx netpol-lens` from that tarball in an empty folder, far from the
 * project, so the bin must work without a build in place. Uses the dist/ the
 * test run built (`--ignore-scripts` skips the prepack build, which would
 * rewrite dist/ under the other tests' feet).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fixture, PROJECT_ROOT } from '../support/paths';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('the packed package runs as `npx netpol-lens` in an empty folder', { timeout: 180_000 }, (t) => {
  const packs = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-pack-'));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-empty-'));
  t.after(() => {
    fs.rmSync(packs, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  });
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], { cwd: PROJECT_ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  const files = packed[0]!.files.map((f) => f.path);
  assert.ok(files.includes('bin/netpol-lens') && files.includes('dist/server/cli.js'), files.join('\n'));
  // Sources and tests stay out; examples/ ships, since the extension's walkthrough opens it.
  assert.deepEqual(
    files.filter((f) => /^(server|client|test|node_modules|out)\//.test(f)),
    [],
  );
  assert.ok(files.includes('examples/tutorial/policies.yaml'), files.join('\n'));
  const input = fixture('cli', 'check', 'mixed.yaml');
  const run = spawnSync(NPM, ['exec', '--yes', '--prefer-offline', '--no-audit', '--no-fund', '--package', path.join(packs, packed[0]!.filename), '--', 'netpol-lens', 'check', '--min-severity', 'warning', input], { cwd: empty, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(
    run.stdout.split('\n').map((l) => l.split(' ').slice(1, 3).join(' ')),
    ['error netpol/invalid-cidr', 'warning netpol/egress-without-dns', 'warning netpol/separate-peers', ''],
  );
  assert.deepEqual(fs.readdirSync(empty), []);
});
