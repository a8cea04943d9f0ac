/**
 * Every reader treats a rejected policy alike, over examples/ as the README has a new
 * user open it: the last document of mistakes/broken-policies.yaml (`policyTypes:
 * [Ingress, Egress` never closed) is a YAML syntax error, so it is rejected. reach and
 * why note it as ignored, the panel lists it among the ignored policies, the policy
 * focus and its code lenses say it is ignored, and no reader counts it as active:
 * the tutorial's pods in `default` are not isolated by it.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { universeOf } from '../../server/src/analysis/navigate/universe-cache';
import { runCli } from '../../server/src/cli/run-cli';
import { policyLenses, resolvePolicyLens, type LensData } from '../../server/src/services/code-lens';
import { locator } from '../../server/src/services/navigation';
import { textDocument } from '../../server/src/services/positions';
import { policyAt, policyFocus } from '../../server/src/workspace/policy-focus';
import { matrixView } from '../../server/src/workspace/reach-view';
import { Workspace } from '../../server/src/workspace/workspace';
import { EXAMPLES } from '../support/paths';

const BROKEN = path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml');
const BROKEN_URI = pathToFileURL(BROKEN).toString();

function examplesWorkspace(): Workspace {
  const ws = new Workspace();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) ws.setFile(pathToFileURL(full).toString(), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(EXAMPLES);
  return ws;
}

/** The offset of the `unclosed` policy, the document with the syntax error. */
function unclosedStart(ws: Workspace): number {
  const policy = kubernetesPoliciesOf(ws.getFile(BROKEN_URI)!.analysis).find((p) => p.metadata.name?.value === 'unclosed');
  assert.ok(policy, 'examples/mistakes/broken-policies.yaml still holds the unclosed policy');
  return policy.ref.node.span.start;
}

test('the engine skips the policy of a document with a YAML syntax error, and counts it nowhere', () => {
  const ws = examplesWorkspace();
  const engine = ws.reach();
  assert.ok(engine.skippedPolicies.some((s) => s.ref.id === 'shop/unclosed' && s.problems.some((p) => /Flow sequence/.test(p.message))));
  assert.ok(!engine.policies.some((p) => p.ref.id === 'shop/unclosed'));
});

test('reach and why note the unclosed policy as ignored, and the tutorial still reaches', () => {
  const reach = runCli(['reach', EXAMPLES]);
  assert.match(reach.stderr.join('\n'), /shop\/unclosed is ignored \(the API server would reject it\): Flow sequence/);
  assert.ok(reach.stdout.includes('default/busybox1[Deployment] => default/frontend[Deployment] : TCP 80'), reach.stdout.join('\n'));
  const why = runCli(['why', 'busybox1', 'frontend', EXAMPLES]);
  const text = why.stdout.join('\n');
  assert.match(text, /^Result: allowed: TCP 80$/m);
});

test("the panel lists the unclosed policy among the ignored ones", () => {
  const ws = examplesWorkspace();
  const locate = (source: { uri: string }) => ({ uri: source.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  const view = matrixView(ws.reach(), { version: ws.version, indexing: false }, locate);
  assert.ok(view.skippedPolicies.some((s) => s.policy.id === 'shop/unclosed'), JSON.stringify(view.skippedPolicies.map((s) => s.policy.id)));
});

test('the policy focus and the code lenses of the unclosed policy say it is ignored', () => {
  const ws = examplesWorkspace();
  const engine = ws.reach();
  const start = unclosedStart(ws);
  const found = policyAt(engine, BROKEN_URI, start);
  assert.equal(found?.kind, 'skipped');
  const locate = (source: { uri: string }) => ({ uri: source.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  assert.deepEqual(policyFocus(engine, found, ws.version, locate).flows, []);
  const entry = ws.getFile(BROKEN_URI)!;
  const document = textDocument(entry.text, BROKEN_URI);
  const titles = policyLenses(document, entry.analysis, BROKEN_URI)
    .filter((lens) => (lens.data as LensData).start === start)
    .map((lens) => resolvePolicyLens(lens, lens.data as LensData, BROKEN_URI, entry.analysis, engine, () => universeOf(ws), locator(ws, document, BROKEN_URI)).command!.title);
  assert.equal(titles.length, 2);
  assert.match(titles[0]!, /^written for (no workload|[0-9]+ workloads?)$/);
  assert.equal(titles[1], 'ignored: the API server would reject it');
});
