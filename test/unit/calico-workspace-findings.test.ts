/**
 * Ordering traps across the workspace (workspace/calico-order.ts): Deny rules
 * that an Allow of another file, or a Kubernetes NetworkPolicy at order 1000,
 * already decides, and equal orders across files. Each folder of
 * test/fixtures/calico/workspace is a workspace; what the file checks and the
 * workspace add are rendered per file and compared with <case>.expected.txt.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { sortFindings, type Finding } from '../../server/src/core/finding';
import { textDocument, oneBased } from '../../server/src/services/positions';
import { calicoWorkspaceFindings } from '../../server/src/dialects/calico/workspace-order';
import { Workspace } from '../../server/src/workspace/workspace';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const ROOT = fixture('calico', 'workspace');
const CASES = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

function workspaceOf(name: string): Workspace {
  const workspace = new Workspace();
  for (const file of fs.readdirSync(`${ROOT}/${name}`).sort()) workspace.setFile(`file:///ws/${file}`, fs.readFileSync(`${ROOT}/${name}/${file}`, 'utf8'));
  return workspace;
}

function render(workspace: Workspace, uri: string, findings: readonly Finding[], origin: string): string[] {
  const document = textDocument(workspace.getFile(uri)!.text);
  return sortFindings(findings).map((f) => {
    const { line, column } = oneBased(document, f.span.start);
    return `${uri.slice('file:///ws/'.length)}:${line}:${column} [${origin}] ${f.severity} ${f.code} ${f.message}`;
  });
}

const ORDERING = /^calico\/(deny-shadowed|equal-order)$/;

for (const name of CASES) {
  test(`Calico ordering traps across the workspace: ${name}`, () => {
    const workspace = workspaceOf(name);
    const lines: string[] = [];
    for (const uri of workspace.uris) {
      const { analysis } = workspace.getFile(uri)!;
      const own = analysis.findings.filter((f) => ORDERING.test(f.code));
      const extra = calicoWorkspaceFindings(uri, analysis, workspace.index);
      lines.push(...render(workspace, uri, own, 'file'), ...render(workspace, uri, extra, 'workspace'));
      // The two never report the same thing.
      for (const f of extra) assert.ok(!own.some((o) => o.code === f.code && o.span.start === f.span.start), `${f.code} reported twice`);
    }
    assertMatchesFile(lines.join('\n') + '\n', `${ROOT}/${name}.expected.txt`);
  });
}

test('a workspace of one file adds nothing to what the file reports among its Calico policies', () => {
  const text = fs.readFileSync(fixture('calico', 'diagnostics', 'ordering.yaml'), 'utf8');
  const workspace = new Workspace();
  workspace.setFile('file:///ws/ordering.yaml', text);
  const { analysis } = workspace.getFile('file:///ws/ordering.yaml')!;
  assert.deepEqual(calicoWorkspaceFindings('file:///ws/ordering.yaml', analysis, workspace.index), []);
});
