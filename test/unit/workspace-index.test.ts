import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSelector, selectorFromLabels } from '../../server/src/model/selectors';
import { connlistLines } from '../../server/src/evaluate/format-connlist';
import { excludeMatcher, filesExcludePatterns, globList } from '../../server/src/workspace/glob';
import { Workspace } from '../../server/src/workspace/workspace';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: web}}\n';
const PODS = [
  'apiVersion: v1\nkind: Pod\nmetadata: {name: cart, namespace: shop, labels: {app: cart}}\nspec: {containers: [{name: c, image: x}]}',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: job, labels: {app: job}}\nspec: {containers: [{name: c, image: x}]}',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n  namespace: shop\n  labels: {app: web}\n  ownerReferences: [{kind: ReplicaSet, name: web-rs, controller: true}]\nspec: {containers: [{name: c, image: x}]}',
].join('\n---\n');
const POLICY = (port: number) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: cart-in, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: cart}}\n  ingress:\n    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}}]\n      ports: [{port: ${port}}]\n`;

function workspace(): Workspace {
  const ws = new Workspace();
  ws.setFile('file:///w/ns.yaml', NAMESPACE);
  ws.setFile('file:///w/pods.yaml', PODS);
  ws.setFile('file:///w/policy.yaml', POLICY(80));
  return ws;
}

test('the index lists namespaces with their automatic name label, declared or implied', () => {
  const index = workspace().index;
  assert.deepEqual([...index.namespaces.keys()].sort(), ['default', 'shop']);
  assert.equal(index.namespaces.get('shop')?.labels.key, 'kubernetes.io/metadata.name=shop\nteam=web');
  assert.equal(index.namespaces.get('default')?.labels.key, 'kubernetes.io/metadata.name=default');
  assert.equal(index.namespaces.get('default')?.source, undefined);
  assert.deepEqual(index.namespacesSelectedBy(selectorFromLabels([['team', 'web']])).map((n) => n.name), ['shop']);
});

test('the index names workloads as netpol-analyzer does, grouping pods under their controller', () => {
  const index = workspace().index;
  assert.deepEqual(index.workloads.map((w) => w.id), ['shop/cart[Pod]', 'default/job[Pod]', 'shop/web-rs[ReplicaSet]']);
  assert.deepEqual(index.workloadsSelectedBy('shop', selectorFromLabels([['app', 'cart']])).map((w) => w.id), ['shop/cart[Pod]']);
  assert.deepEqual(index.workloadsSelectedBy('shop', compileSelector({ span: { start: 0, end: 0 }, node: null, matchLabels: [], matchExpressions: [] }).selector).length, 2);
  assert.equal([...index.reachInput().policies].length, 1);
});

test('editing a policy updates reachability incrementally, and matches a fresh computation', () => {
  const ws = workspace();
  assert.ok(connlistLines(ws.reach()).includes('default/job[Pod] => shop/cart[Pod] : TCP 80'));
  assert.equal(ws.lastReachUpdate, 'full');
  ws.setFile('file:///w/policy.yaml', POLICY(8080));
  const lines = connlistLines(ws.reach());
  assert.equal(ws.lastReachUpdate, 'incremental');
  assert.ok(lines.includes('default/job[Pod] => shop/cart[Pod] : TCP 8080'));
  const fresh = new Workspace();
  for (const uri of ws.uris) fresh.setFile(uri, ws.getFile(uri)!.text);
  assert.deepEqual(lines, connlistLines(fresh.reach()));
  ws.reach();
  assert.equal(ws.lastReachUpdate, 'cached');
});

test('editing a workload or deleting a file rebuilds, and setting the same text changes nothing', () => {
  const ws = workspace();
  ws.reach();
  assert.equal(ws.setFile('file:///w/policy.yaml', POLICY(80)), false);
  ws.setFile('file:///w/pods.yaml', PODS.replace('app: job', 'app: batch'));
  ws.reach();
  assert.equal(ws.lastReachUpdate, 'full');
  ws.deleteFile('file:///w/policy.yaml');
  assert.ok(connlistLines(ws.reach()).includes('default/job[Pod] => shop/cart[Pod] : All Connections'));
  assert.equal(ws.deleteFile('file:///w/policy.yaml'), false);
});

test('an ipBlock edit re-splits the external ranges', () => {
  const ws = workspace();
  ws.reach();
  ws.setFile('file:///w/policy.yaml', POLICY(80).replace('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}}', '{ipBlock: {cidr: 10.0.0.0/8}}'));
  const lines = connlistLines(ws.reach());
  assert.equal(ws.lastReachUpdate, 'full');
  assert.ok(lines.includes('10.0.0.0-10.255.255.255[External] => shop/cart[Pod] : TCP 80'));
});

test('exclude globs match as files.exclude does', () => {
  const excluded = excludeMatcher(['**/generated', 'charts/*/templates/**', '*.json', 'build/', 'a/{x,y}.yaml', 'b/[ab]?.yml']);
  for (const p of ['generated/x.yaml', 'deep/generated/x.yaml', 'charts/app/templates/svc.yaml', 'x.json', 'build/out.yaml', 'a/x.yaml', 'b/a1.yml']) assert.ok(excluded(p), p);
  for (const p of ['src/generated.yaml', 'charts/app/values.yaml', 'sub/x.json', 'a/z.yaml', 'b/c1.yml', 'buildx/out.yaml']) assert.ok(!excluded(p), p);
  assert.equal(excludeMatcher([])('anything'), false);
});

test('settings are read defensively', () => {
  assert.deepEqual(filesExcludePatterns({ '**/.git': true, '**/off': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
  assert.deepEqual(filesExcludePatterns(null), []);
  assert.deepEqual(globList(['a', 3, 'b']), ['a', 'b']);
  assert.deepEqual(globList('x/**'), ['x/**']);
  assert.deepEqual(globList(undefined), []);
});
