/**
 * The binary writes stdout as it is rendered (write-lines.ts), in chunks that wait for
 * a full pipe to drain. What it prints must be what joining every line gave: the same
 * bytes for every `reach` fixture, through a reader slow enough to make it wait, and a
 * reader that stops early (`| head -1`) still ends it quietly.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { runCli, runCliAsync } from '../../server/src/cli/run-cli';
import { writeLines } from '../../server/src/cli/write-lines';
import { DIST, fixture } from '../support/paths';

const CLI = path.join(DIST, 'server', 'cli.js');
const REACH = fixture('cli', 'reach');

/** A stream with a small buffer whose writes complete later, as a slow pipe's reader does. */
function slowReader(): { stream: Writable; text: () => string; waits: () => number } {
  const chunks: string[] = [];
  let waits = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  const write = stream.write.bind(stream) as (chunk: string) => boolean;
  stream.write = ((chunk: string) => {
    const ok = write(chunk);
    if (!ok) waits++;
    return ok;
  }) as Writable['write'];
  return { stream, text: () => chunks.join(''), waits: () => waits };
}

function argsOf(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

test('writeLines writes what joining the lines gave, waiting whenever the reader is behind', async () => {
  const lines = Array.from({ length: 40_000 }, (_, i) => `ns-${i % 50}/w-${i}[Deployment] => ns-${(i * 7) % 50}/w-${i + 1}[Deployment] : ${i % 3 === 0 ? 'All Connections' : `TCP ${i}`}`);
  const reader = slowReader();
  await writeLines(reader.stream, lines);
  assert.equal(reader.text(), lines.join('\n') + '\n');
  assert.ok(reader.waits() > 0, 'the chunks outran a 1 KiB buffer, so some waited for it to drain');
});

test('writeLines writes nothing for no lines, and an empty line as a line', async () => {
  const none = slowReader();
  await writeLines(none.stream, []);
  assert.equal(none.text(), '');
  const blank = slowReader();
  await writeLines(blank.stream, ['a', '', 'b']);
  assert.equal(blank.text(), 'a\n\nb\n');
});

const cwd = process.cwd();
for (const file of fs.readdirSync(REACH).filter((name) => name.endsWith('.args')).sort()) {
  const args = argsOf(path.join(REACH, file));
  // svg is laid out asynchronously: runCli refuses it, so there is no joined output to compare.
  if (args.includes('svg')) continue;
  test(`reach ${file.slice(0, -'.args'.length)}: streamed stdout is the joined stdout`, async (t) => {
    process.chdir(fixture('cli'));
    t.after(() => process.chdir(cwd));
    const joined = runCli(args).stdout;
    const reader = slowReader();
    await writeLines(reader.stream, (await runCliAsync(args)).stdout);
    assert.equal(reader.text(), joined.length > 0 ? joined.join('\n') + '\n' : '');
  });
}

test('the built binary prints the connlist fixture byte for byte', () => {
  const args = argsOf(path.join(REACH, 'format-txt.args'));
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: fixture('cli'), encoding: 'utf8' });
  const expected = fs.readFileSync(path.join(REACH, 'format-txt.expected.txt'), 'utf8');
  assert.equal(run.stdout, expected.slice(0, expected.indexOf('--- stderr\n')));
});

test('reach with a connlist larger than a pipe holds, piped into head -1, ends quietly', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-stream-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // 300 pods and no policy: 89,700 lines, about 4 MB.
  const pods = Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  namespace: shop\n  labels:\n    app: a${i}\n`);
  fs.writeFileSync(path.join(dir, 'pods.yaml'), pods.join('---\n'));
  const run = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${CLI}' reach '${dir}' | head -1`], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '0.0.0.0-255.255.255.255[External] => shop/pod-0[Pod] : All Connections\n');
});
