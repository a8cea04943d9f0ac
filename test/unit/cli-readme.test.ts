/**
 * README's command-line section: every command has an example, and every example
 * runs (from the project root, as README shows it) to exit 0 or 1 with no complaint
 * on stderr. The `--git` example needs a remote branch; examples/ci's test runs it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { PROJECT_ROOT } from '../support/paths';

const section = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8').split('## On the command line')[1]!.split('\n## ')[0]!;
const examples = [...section.matchAll(/^ {4}node bin\/netpol-lens (.*?)(?:\s+#.*)?$/gm)].map((m) => m[1]!.replace(/\s*>.*$/, ''));

/** Splits a shell line into words, honouring single quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

test('README shows one example for each command', () => {
  const commands = runCli(['--help']).stdout.filter((l) => /^ {2}\w/.test(l)).map((l) => l.trim().split(' ')[0]!);
  assert.deepEqual([...new Set(examples.map((e) => e.split(' ')[0]))].sort(), [...commands].sort());
});

test('README examples run', () => {
  process.chdir(PROJECT_ROOT);
  for (const example of examples.filter((e) => !e.includes('--git'))) {
    const result = runCli(words(example));
    assert.ok(result.exitCode === 0 || result.exitCode === 1, `${example}: exit ${result.exitCode} ${result.stderr.join('\n')}`);
    assert.deepEqual(result.stderr, [], example);
    assert.ok(result.stdout.length > 0, example);
  }
});
