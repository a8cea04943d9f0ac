/**
 * Workspace-aware findings through `netpol-lens check` on fixture workspaces: each
 * folder of test/fixtures/workspace-findings/ is one workspace, its expected output
 * `<case>.expected.txt` beside it. The language server publishes the same findings
 * (test/lsp/workspace-diagnostics.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const ROOT = fixture('workspace-findings');
const CASES = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

for (const name of CASES) {
  test(`workspace findings: ${name}`, () => {
    const result = runCli(['check', path.join(ROOT, name)]);
    const output = result.stdout.map((line) => line.replace(ROOT + path.sep, '')).join('\n') + '\n';
    assertMatchesFile(output, path.join(ROOT, `${name}.expected.txt`));
  });
}

test('look-alikes stay silent: matching selectors, unknown namespaces, a folder of policies alone', () => {
  for (const name of ['all-match', 'policies-only']) {
    const result = runCli(['check', path.join(ROOT, name)]);
    const workspaceCodes = result.stdout.filter((l) => /netpol\/(selects-nothing|peer-matches-nothing|named-port-undeclared)/.test(l));
    assert.deepEqual(workspaceCodes, [], name);
  }
});

test('every workspace-aware code is exercised by the mismatches workspace', () => {
  const output = runCli(['check', path.join(ROOT, 'mismatches')]).stdout.join('\n');
  for (const code of ['netpol/selects-nothing', 'netpol/peer-matches-nothing', 'netpol/named-port-undeclared']) assert.ok(output.includes(code), code);
});
