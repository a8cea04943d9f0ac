/**
 * Calico hovers with the workspace: where a policy sits in Calico's evaluation
 * order among the workspace's policies that can apply to the same pods, with
 * Kubernetes NetworkPolicies at order 1000, through ExplainOptions.workspace
 * and workspace/calico-order.ts. The hovers of single files are fixtures in
 * test/fixtures/hover/calico-*.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { explainAt } from '../../server/src/analysis/explain/explain-at';
import { Workspace } from '../../server/src/workspace/workspace';
import { offsetAfter } from '../support/markers';
import { EXAMPLES, fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

function workspaceOf(folder: string): Workspace {
  const workspace = new Workspace();
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) workspace.setFile(`file:///ws/${name}`, fs.readFileSync(path.join(folder, name), 'utf8'));
  return workspace;
}

function hoverAfter(workspace: Workspace, file: string, marker: string, back = 1): string {
  const text = workspace.getFile(`file:///ws/${file}`)!.text;
  const explanation = explainAt(analyzeText(text), offsetAfter(text, marker) - back, { workspace: () => workspace.index });
  assert.ok(explanation, `no hover after ${marker}`);
  return explanation.markdown;
}

test('examples/calico: the development policy comes first, then DNS, then the default deny', () => {
  const markdown = hoverAfter(workspaceOf(path.join(EXAMPLES, 'calico')), 'policies.yaml', 'order: 500\n', 2);
  assertMatchesFile(markdown + '\n', fixture('calico', 'hover', 'examples-development-order.md'));
  const list = markdown.slice(markdown.indexOf('**In this workspace**'));
  const positions = ['development-ns-allow', '"dns-allow"', '"default-deny"'].map((name) => list.indexOf(name));
  assert.ok(positions.every((p) => p > 0), list);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  assert.ok(!list.includes('test-ns-allow'), 'a policy of another namespace applies to other pods');
});

test('a Kubernetes NetworkPolicy sits at order 1000 between Calico policies at 500 and 1500', () => {
  const markdown = hoverAfter(workspaceOf(fixture('reach', 'calico-k8s-interleaved')), 'manifests.yaml', 'order: 1500');
  assertMatchesFile(markdown + '\n', fixture('calico', 'hover', 'k8s-interleaved-order.md'));
  assert.match(markdown, /1\. NetworkPolicy "ns1\/deny-debug" \(order 500\)\n2\. Kubernetes NetworkPolicy "ns1\/db-from-app" \(order 1000 for Calico\)\n3\. \*\*NetworkPolicy "ns1\/metrics-after" \(order 1500\)\*\* \(this policy\)/);
});

test('policies of equal order are marked as ordered by name, and the hovered policy is the edited text', () => {
  const workspace = workspaceOf(fixture('reach', 'calico-equal-order'));
  const markdown = hoverAfter(workspace, 'manifests.yaml', 'name: b-allow-all', 3);
  assert.match(markdown, /1\. NetworkPolicy "ns1\/a-deny-batch" \(order 100\), same order: by name\n2\. \*\*NetworkPolicy "ns1\/b-allow-all" \(order 100\)\*\* \(this policy\)/);
  // An unsaved edit of the hovered policy counts, not the indexed copy.
  const text = workspace.getFile('file:///ws/manifests.yaml')!.text.replace('order: 100\n  selector: app == \'store\'\n  types: [Ingress]\n  ingress:\n    - action: Allow', 'order: 50\n  selector: app == \'store\'\n  types: [Ingress]\n  ingress:\n    - action: Allow');
  const explanation = explainAt(analyzeText(text), offsetAfter(text, 'name: b-allow-all') - 3, { workspace: () => workspace.index });
  assert.match(explanation!.markdown, /1\. \*\*NetworkPolicy "ns1\/b-allow-all" \(order 50\)\*\* \(this policy\)\n2\. NetworkPolicy "ns1\/a-deny-batch" \(order 100\)$/);
});

test('without the workspace, a Calico hover says where the order sits relative to Kubernetes policies only', () => {
  const text = fs.readFileSync(path.join(EXAMPLES, 'calico', 'policies.yaml'), 'utf8');
  const explanation = explainAt(analyzeText(text), offsetAfter(text, 'order: 500\n') - 2);
  assert.ok(explanation);
  assert.match(explanation.markdown, /It runs before the Kubernetes NetworkPolicies, which Calico evaluates at order 1000\./);
  assert.doesNotMatch(explanation.markdown, /In this workspace/);
});

test('every offset of every Calico fixture gets a hover or null, never an exception', () => {
  const folders = [fixture('calico', 'diagnostics'), fixture('calico', 'model'), fixture('calico', 'fixes'), path.join(EXAMPLES, 'calico')];
  let hovers = 0;
  for (const folder of folders) {
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.yaml'))) {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      const analysis = analyzeText(text);
      const workspace = new Workspace();
      workspace.setFile('file:///ws/f.yaml', text);
      const options = { workspace: () => workspace.index };
      for (let offset = 0; offset <= text.length; offset++) {
        const explanation = explainAt(analysis, offset, options);
        if (!explanation) continue;
        hovers++;
        assert.ok(explanation.span.start <= offset && offset <= explanation.span.end + 1, `${name}@${offset}: the span covers the cursor`);
        assert.ok(explanation.markdown.length > 0);
      }
    }
  }
  assert.ok(hovers > 1000, `only ${hovers} hovers`);
});
