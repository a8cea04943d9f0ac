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
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { quickFixes } from '../../server/src/analysis/fixes';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { runCli } from '../../server/src/cli/run-cli';
import { Workspace } from '../../server/src/workspace/workspace';
import { workspaceFindings } from '../../server/src/workspace/workspace-findings';
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

test('a label typo: the finding names the nearest label, and its quick fix writes it', () => {
  const folder = path.join(ROOT, 'label-typo');
  const workspace = new Workspace();
  for (const name of fs.readdirSync(folder)) workspace.setFile(`file:///${name}`, fs.readFileSync(path.join(folder, name), 'utf8'));
  const text = fs.readFileSync(path.join(folder, 'policies.yaml'), 'utf8');
  const analysis = analyzeText(text);
  const findings = workspaceFindings(analysis, workspace.index);
  const fixed = findings.map((f) => quickFixes(analysis, f.code, f.data).map((fix) => [f.code, fix.title, applyEdits(text, fix.edits).split('\n').filter((l) => /app: /.test(l)).join(' | ')]));
  assert.deepEqual(fixed, [
    [['netpol/selects-nothing', 'Change to app=api', '      app: api |               app: wbe']],
    [['netpol/peer-matches-nothing', 'Change to app=web', '      app: apo |               app: web']],
  ]);
});
