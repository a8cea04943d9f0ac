/**
 * Code lenses above policies: how many workloads each selects and how many flows
 * its rules allow, each opening the workloads as references. Each case is a
 * workspace (test/fixtures/code-lens/<case>.yaml alone, or the tutorial example);
 * the resolved lenses are rendered and compared with <case>.expected.txt.
 *
 * The flow count must agree with the reachability panel's focus view
 * (workspace/policy-focus.ts), which traces every pair through the engine.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver';
import { policyLensInfo } from '../../server/src/dialects/kubernetes/navigate/policy-flows';
import { universeOf } from '../../server/src/analysis/navigate/universe-cache';
import { policyLenses, resolvePolicyLens, type LensData } from '../../server/src/services/code-lens';
import { locator } from '../../server/src/services/navigation';
import { textDocument } from '../../server/src/services/positions';
import { policyAt, policyFocus } from '../../server/src/workspace/policy-focus';
import { Workspace } from '../../server/src/workspace/workspace';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

function workspaceOf(files: readonly string[]): Workspace {
  const workspace = new Workspace();
  for (const file of files) workspace.setFile(pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
  return workspace;
}

function renderLens(lens: CodeLens, workspace: Workspace): string[] {
  const [, , locations] = lens.command!.arguments as [string, unknown, { uri: string; range: { start: { line: number; character: number } } }[]];
  const targets = locations.map((l) => {
    const line = (workspace.getFile(l.uri)?.text ?? '').split('\n')[l.range.start.line]?.trim() ?? '';
    return `    -> ${path.basename(fileURLToPath(l.uri))}:${l.range.start.line + 1} | ${line}`;
  });
  return [`  line ${lens.range.start.line + 1}: ${lens.command!.title} (${lens.command!.command})`, ...targets];
}

function check(files: readonly string[], expected: string): void {
  const workspace = workspaceOf(files);
  const engine = workspace.reach();
  const universe = universeOf(workspace);
  const lines: string[] = [];
  for (const uri of workspace.uris) {
    const entry = workspace.getFile(uri)!;
    const document = textDocument(entry.text, uri);
    const lenses = policyLenses(document, entry.analysis, uri);
    if (lenses.length === 0) continue;
    lines.push(`${path.basename(fileURLToPath(uri))}:`);
    for (const lens of lenses) lines.push(...renderLens(resolvePolicyLens(lens, lens.data as LensData, uri, entry.analysis, engine, () => universe, locator(workspace, document, uri)), workspace));
    for (const policy of kubernetesPoliciesOf(entry.analysis)) {
      const info = policyLensInfo(engine, uri, policy.ref.node.span.start);
      const focus = policyFocus(engine, policyAt(engine, uri, policy.ref.node.span.start), workspace.version, () => ({ uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
      if (info?.kind === 'compiled' && focus.complete) assert.equal(info.flows, focus.flows.length, `flows of ${info.ref.id} differ from the panel's`);
    }
  }
  assertMatchesFile(`${lines.join('\n')}\n`, expected);
}

describe('code lenses', () => {
  for (const name of fixtureCases('code-lens')) {
    test(name, () => check([fixture('code-lens', `${name}.yaml`)], fixture('code-lens', `${name}.expected.txt`)));
  }
  test('examples/tutorial', () => check([path.join(EXAMPLES, 'tutorial', 'policies.yaml'), path.join(EXAMPLES, 'tutorial', 'workloads.yaml')], fixture('code-lens', 'examples-tutorial.expected.txt')));
});
