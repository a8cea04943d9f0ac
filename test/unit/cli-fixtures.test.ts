/**
 * Every CLI fixture: `test/fixtures/cli/<command>/<case>.args` holds the arguments,
 * one a line (`#` lines are comments), run from test/fixtures/cli so printed paths
 * are short and stable; `<case>.expected.txt` holds stdout, then stderr and the exit
 * status under `--- stderr` and `--- exit`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runCliAsync } from '../../server/src/cli/run-cli';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const ROOT = fixture('cli');

function argsFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? argsFiles(path.join(folder, e.name)) : e.name.endsWith('.args') ? [path.join(folder, e.name)] : []))
    .sort();
}

process.chdir(ROOT);
for (const file of argsFiles(ROOT)) {
  const name = path.relative(ROOT, file).slice(0, -'.args'.length);
  test(`netpol-lens ${name}`, async () => {
    const args = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    const result = await runCliAsync(args, { cwd: ROOT });
    // JSON names files by URI; the checkout's location is not part of the output.
    const printed = [...result.stdout, '--- stderr', ...result.stderr, `--- exit ${result.exitCode}`, ''].join('\n').replaceAll(pathToFileURL(ROOT).href, 'file:///FIXTURES/cli');
    assertMatchesFile(printed, file.slice(0, -'.args'.length) + '.expected.txt');
  });
}
