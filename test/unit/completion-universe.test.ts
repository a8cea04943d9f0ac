/**
 * Completion must not walk the whole workspace per keystroke: the label statistics
 * (the Universe) are rebuilt only when a label, port or name changes. Typing in a
 * policy, or moving workloads down a file, keeps the very same statistics; changing
 * a pod label does not. Navigation's Universe also follows moves, since it gives
 * locations.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelUniverseOf, universeOf } from '../../server/src/analysis/navigate/universe-cache';
import { Workspace } from '../../server/src/workspace/workspace';

const WORKLOADS = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  podSelector: {}\n';

test('label statistics survive policy edits and workload moves, not label changes', () => {
  const ws = new Workspace();
  ws.setFile('file:///w.yaml', WORKLOADS);
  ws.setFile('file:///p.yaml', POLICY);
  const first = labelUniverseOf(ws);
  assert.deepEqual(first.podLabels.get('shop')?.keys.map((k) => k.key), ['app']);

  ws.setFile('file:///p.yaml', `${POLICY}  policyTypes: [Ingress]\n`);
  assert.equal(labelUniverseOf(ws), first, 'a policy edit keeps the statistics');

  ws.setFile('file:///w.yaml', `# a comment that moves the workload down\n${WORKLOADS}`);
  assert.equal(labelUniverseOf(ws), first, 'a move keeps the statistics');

  ws.setFile('file:///p.yaml', POLICY.replace('namespace: shop', 'namespace: billing'));
  const renamed = labelUniverseOf(ws);
  assert.notEqual(renamed, first, 'a namespace only a policy names still exists for the index');
  assert.deepEqual([...renamed.namespaces.keys()], ['billing', 'shop']);

  ws.setFile('file:///w.yaml', WORKLOADS.replace('app: web', 'app: shop-web'));
  const changed = labelUniverseOf(ws);
  assert.notEqual(changed, renamed, 'a label change rebuilds them');
  assert.deepEqual(changed.podLabels.get('shop')?.byKey.get('app')?.values, [{ value: 'shop-web', count: 1 }]);
});

test('the navigation universe follows moves, since its answers are locations', () => {
  const ws = new Workspace();
  ws.setFile('file:///w.yaml', WORKLOADS);
  ws.setFile('file:///p.yaml', POLICY);
  const first = universeOf(ws);
  ws.setFile('file:///p.yaml', `${POLICY}  policyTypes: [Ingress]\n`);
  assert.equal(universeOf(ws), first, 'a policy edit keeps it');
  ws.setFile('file:///w.yaml', `# moved\n${WORKLOADS}`);
  const moved = universeOf(ws);
  assert.notEqual(moved, first);
  assert.equal(moved.workloads[0]!.source.span.start, '# moved\n'.length);
});

test('completion and navigation share the universe of one index', () => {
  const ws = new Workspace();
  ws.setFile('file:///w.yaml', WORKLOADS);
  ws.setFile('file:///p.yaml', POLICY);
  const located = universeOf(ws);
  assert.equal(labelUniverseOf(ws), located, 'built once for both');
  ws.setFile('file:///w.yaml', `# moved\n${WORKLOADS}`);
  const moved = universeOf(ws);
  assert.notEqual(moved, located);
  assert.equal(labelUniverseOf(ws), located, 'the label statistics are kept across a move, where navigation rebuilt');
});
