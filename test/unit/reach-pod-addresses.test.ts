/**
 * Whether an ipBlock matches pods is the cluster profile's call: by default it matches
 * only addresses outside the cluster, and traces say so; with ipBlocksMatchPods and
 * podCidrs, a range that covers the pod range matches the pods. Calico nets match pod
 * addresses by definition, once podCidrs says where they are.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PROFILE, type ClusterProfile } from '../../server/src/analysis/profile/cluster-profile';
import { explainLines } from '../../server/src/evaluate/format-why';
import { Workspace } from '../../server/src/workspace/workspace';

const PODS = ['a', 'b']
  .map((name) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ns1, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: i}]}\n`)
  .join('---\n');

function workspace(policy: string, profile: ClusterProfile = DEFAULT_PROFILE): Workspace {
  const ws = new Workspace(profile);
  ws.setFile('file:///w/pods.yaml', PODS);
  ws.setFile('file:///w/policy.yaml', policy);
  return ws;
}

function allowed(ws: Workspace, src: string, dst: string): string {
  const engine = ws.reach();
  return engine.explain(engine.node(src)!, engine.node(dst)!).allowed;
}

function why(ws: Workspace, src: string, dst: string): string[] {
  const engine = ws.reach();
  return explainLines(engine.explain(engine.node(src)!, engine.node(dst)!), () => 'x');
}

const EGRESS_ANYWHERE_BUT_METADATA =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out, namespace: ns1}\nspec:\n  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]\n';
const CALICO_NETS =
  'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: out, namespace: ns1}\nspec:\n  selector: app == "a"\n  types: [Egress]\n  egress:\n    - action: Allow\n      destination: {nets: [10.0.0.0/8]}\n';
const MATCHING: ClusterProfile = { ...DEFAULT_PROFILE, podCidrs: ['10.244.0.0/16'], ipBlocksMatchPods: true };

test('by default an ipBlock matches no pod, and the trace says what it assumed', () => {
  const ws = workspace(EGRESS_ANYWHERE_BUT_METADATA);
  assert.equal(allowed(ws, 'ns1/a[Pod]', 'ns1/b[Pod]'), 'No Connections');
  assert.ok(why(ws, 'ns1/a[Pod]', 'ns1/b[Pod]').some((line) => line.startsWith('  Assumption: an ipBlock is matched only against addresses outside the cluster')));
});

test('with pod ranges and ipBlocksMatchPods, an ipBlock that covers the pod range matches the pods', () => {
  const ws = workspace(EGRESS_ANYWHERE_BUT_METADATA, MATCHING);
  assert.equal(allowed(ws, 'ns1/a[Pod]', 'ns1/b[Pod]'), 'All Connections');
  assert.ok(why(ws, 'ns1/a[Pod]', 'ns1/b[Pod]').some((line) => line === '  Assumption: pod addresses are taken to be in 10.244.0.0/16 (cluster profile), and an ipBlock that covers one of them matches those pods.'));
});

test('an ipBlock whose except covers the pod range does not match the pods', () => {
  const policy = EGRESS_ANYWHERE_BUT_METADATA.replace('except: [169.254.169.254/32]', 'except: [10.0.0.0/8]');
  assert.equal(allowed(workspace(policy, MATCHING), 'ns1/a[Pod]', 'ns1/b[Pod]'), 'No Connections');
});

test('Calico nets match pod addresses whatever the plugin setting, once the pod ranges are known', () => {
  assert.equal(allowed(workspace(CALICO_NETS), 'ns1/a[Pod]', 'ns1/b[Pod]'), 'No Connections');
  assert.ok(why(workspace(CALICO_NETS), 'ns1/a[Pod]', 'ns1/b[Pod]').some((line) => line.includes('would match pods too, but the pod ranges are not known')));
  const rangesOnly: ClusterProfile = { ...DEFAULT_PROFILE, podCidrs: ['10.244.0.0/16'] };
  assert.equal(allowed(workspace(CALICO_NETS, rangesOnly), 'ns1/a[Pod]', 'ns1/b[Pod]'), 'All Connections');
  assert.ok(why(workspace(CALICO_NETS, rangesOnly), 'ns1/a[Pod]', 'ns1/b[Pod]').some((line) => line.includes('match pod addresses by definition (nets, networks) match the pods in 10.244.0.0/16')));
  // The same ranges for an ipBlock: the plugin's call, off by default.
  assert.equal(allowed(workspace(EGRESS_ANYWHERE_BUT_METADATA, rangesOnly), 'ns1/a[Pod]', 'ns1/b[Pod]'), 'No Connections');
  assert.equal(allowed(workspace(CALICO_NETS, MATCHING), 'ns1/a[Pod]', 'ns1/b[Pod]'), 'All Connections');
});

test('a range far from any pod range needs no assumption', () => {
  const policy = EGRESS_ANYWHERE_BUT_METADATA.replace('cidr: 0.0.0.0/0, except: [169.254.169.254/32]', 'cidr: 203.0.113.0/24');
  assert.ok(!why(workspace(policy), 'ns1/a[Pod]', 'ns1/b[Pod]').some((line) => line.includes('Assumption')));
});
