/**
 * Calico in the reachability engine: the examples/calico tutorial with its
 * expected connlist and the facts it teaches, why-traces that name Calico
 * policies, rules and actions, JSON traces, and invalid Calico policies left out.
 * The mixed Calico + Kubernetes fixture workspaces (test/fixtures/reach/calico-*)
 * run with the other reach fixtures in reach-fixtures.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { Workspace } from '../../server/src/workspace/workspace';
import { EXAMPLES, fixture, PROJECT_ROOT } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const CALICO_EXAMPLE = path.join(EXAMPLES, 'calico');
const SNAPSHOTS = fixture('calico', 'reach');
const REACH = fixture('reach');

function portable(text: string): string {
  return text.split(pathToFileURL(PROJECT_ROOT).toString() + '/').join('file:///<project>/').split(PROJECT_ROOT + path.sep).join('');
}

function output(result: { stdout: readonly string[] }): string {
  return portable(result.stdout.join('\n') + '\n');
}

test('examples/calico: the expected connlist', () => {
  const result = runCli(['reach', CALICO_EXAMPLE]);
  assert.equal(result.exitCode, 0, result.stderr.join('\n'));
  assert.deepEqual(result.stderr, []);
  assertMatchesFile(output(result), path.join(SNAPSHOTS, 'examples-calico.connlist'));
});

test('examples/calico facts: development talks within itself and is reached from test, DNS works, outside is refused', () => {
  const lines = runCli(['reach', CALICO_EXAMPLE]).stdout;
  const conn = (src: string, dst: string): string | undefined => lines.find((l) => l.startsWith(`${src} => ${dst} : `))?.split(' : ')[1];
  const dev = ['development/api[Deployment]', 'development/web[Deployment]'];
  // Pods in development reach each other, on everything.
  assert.equal(conn(dev[0]!, dev[1]!), 'All Connections');
  assert.equal(conn(dev[1]!, dev[0]!), 'All Connections');
  // ...and are reached from test.
  for (const d of dev) assert.equal(conn('test/tester[Deployment]', d), 'All Connections');
  // ...but development's egress stays in env=dev namespaces: it does not reach test.
  for (const d of dev) assert.equal(conn(d, 'test/tester[Deployment]'), undefined);
  // DNS works for every pod, and it is the only thing that reaches kube-dns.
  const dns = 'kube-system/coredns[Deployment]';
  for (const src of [...dev, 'test/tester[Deployment]', 'outside/outsider[Deployment]']) assert.equal(conn(src, dns), 'TCP 53,UDP 53', src);
  // Traffic from outside into the managed namespaces is refused (outside itself has no
  // env label, so the global policies leave its own egress alone), and nothing reaches outside.
  for (const d of [...dev, 'test/tester[Deployment]']) assert.equal(conn('outside/outsider[Deployment]', d), undefined, d);
  assert.deepEqual(lines.filter((l) => l.includes('=> outside/') && !l.includes('[External] =>')), []);
  // The default deny at order 5000 leaves nothing to or from outside the cluster for the managed namespaces.
  assert.deepEqual(lines.filter((l) => l.includes('[External]') && !l.includes('outside/')), []);
});

const WHY_CASES: { name: string; args: string[]; exitCode: number }[] = [
  { name: 'examples-outsider-web', args: ['outsider', 'web', CALICO_EXAMPLE], exitCode: 1 },
  { name: 'examples-web-dns-udp', args: ['web', 'coredns', '--port', '53/UDP', CALICO_EXAMPLE], exitCode: 0 },
  { name: 'deny-before-allow-client-server', args: ['client', 'server', path.join(REACH, 'calico-deny-before-allow')], exitCode: 1 },
  { name: 'allow-before-deny-client-server', args: ['client', 'server', path.join(REACH, 'calico-allow-before-deny')], exitCode: 0 },
  { name: 'pass-trusted-web', args: ['trusted', 'web', path.join(REACH, 'calico-pass')], exitCode: 0 },
  { name: 'pass-untrusted-api', args: ['untrusted', 'api', path.join(REACH, 'calico-pass')], exitCode: 0 },
  { name: 'log-app-db', args: ['app', 'db', path.join(REACH, 'calico-log')], exitCode: 0 },
  { name: 'k8s-interleaved-app-db', args: ['app', 'db', path.join(REACH, 'calico-k8s-interleaved')], exitCode: 0 },
  { name: 'nets-app-10.1', args: ['ns1/app', '10.1.2.3', path.join(REACH, 'calico-nets')], exitCode: 1 },
  { name: 'icmp-pass-client-server', args: ['client', 'server', path.join(REACH, 'calico-icmp-pass')], exitCode: 0 },
  { name: 'deny-icmp-then-allow-client-server', args: ['client', 'server', path.join(REACH, 'calico-deny-icmp-then-allow')], exitCode: 0 },
];

for (const c of WHY_CASES) {
  test(`why (Calico): ${c.name}`, () => {
    const result = runCli(['why', ...c.args]);
    assert.equal(result.exitCode, c.exitCode, result.stderr.join('\n') + result.stdout.join('\n'));
    assertMatchesFile(output(result), path.join(SNAPSHOTS, `why-${c.name}.txt`));
  });
}

test('why names the Kubernetes policy at order 1000 between the Calico ones, in evaluation order', () => {
  const text = runCli(['why', 'app', 'db', path.join(REACH, 'calico-k8s-interleaved')]).stdout.join('\n');
  const order = ['deny-debug (tier default, order 500)', 'NetworkPolicy ns1/db-from-app (Kubernetes, order 1000)', 'metrics-after (tier default, order 1500)'].map((s) => text.indexOf(s));
  assert.ok(order.every((i) => i >= 0), text);
  assert.deepEqual([...order].sort((a, b) => a - b), order);
});

test('reach --format json carries Calico actions, kinds and orders', () => {
  const result = runCli(['reach', '--format', 'json', path.join(REACH, 'calico-allow-before-deny')]);
  assert.equal(result.exitCode, 0);
  assertMatchesFile(output(result), path.join(SNAPSHOTS, 'allow-before-deny.json.snap'));
  type Contribution = { action?: string; calico?: { kind: string; order?: number } };
  const parsed = JSON.parse(result.stdout.join('\n')) as { connections: { src: string; trace: { ingress: { allowedBy: Contribution[] } } }[] };
  const client = parsed.connections.find((c) => c.src === 'ns1/client[Pod]' && c.trace.ingress.allowedBy.length > 0);
  assert.deepEqual(client?.trace.ingress.allowedBy.map((c) => [c.action, c.calico?.kind, c.calico?.order]), [
    ['Allow', 'NetworkPolicy', 100],
    ['Deny', 'NetworkPolicy', 200],
  ]);
});

test('an invalid Calico policy is left out, and traces of the pods it meant say so', () => {
  const ws = new Workspace();
  const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ns1, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: i}]}\n`;
  ws.setFile('file:///w/pods.yaml', `${pod('a')}---\n${pod('b')}`);
  ws.setFile('file:///w/bad.yaml', 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: bad, namespace: ns1}\nspec:\n  selector: app == "b"\n  ingress:\n    - action: Deny\n      protocol: tcp\n');
  const engine = ws.reach();
  assert.deepEqual(engine.policies, []);
  assert.equal(engine.skippedPolicies.length, 1);
  assert.match(engine.skippedPolicies[0]!.problems.map((p) => p.message).join(' '), /Protocol names are case sensitive: write "TCP"/);
  const trace = engine.explain(engine.node('ns1/a[Pod]')!, engine.node('ns1/b[Pod]')!);
  assert.equal(trace.allowed, 'All Connections');
  assert.deepEqual(trace.ingress.skipped.map((s) => s.policy.id), ['ns1/bad']);
  assert.deepEqual(engine.explain(engine.node('ns1/b[Pod]')!, engine.node('ns1/a[Pod]')!).ingress.skipped, []);
});

test('a Calico rule the engine cannot evaluate matches nothing, and the policy says why', () => {
  const ws = new Workspace();
  ws.setFile('file:///w/pods.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns1, labels: {app: a}}\nspec: {containers: [{name: c, image: i}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: ns1, labels: {app: b}}\nspec: {containers: [{name: c, image: i}]}\n');
  ws.setFile('file:///w/sa.yaml', 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: by-sa, namespace: ns1}\nspec:\n  selector: app == "b"\n  ingress:\n    - action: Allow\n      source:\n        serviceAccounts:\n          names: [api]\n');
  const engine = ws.reach();
  assert.equal(engine.connections(engine.node('ns1/a[Pod]')!, engine.node('ns1/b[Pod]')!).TCP.length, 0);
  assert.match(engine.policies[0]!.notes.join(' '), /ingress rule 1 matches on service accounts/);
});

test('every fixture folder, broken manifests and Calico included, goes through reach and why without an exception', () => {
  const folders = ['parse', 'model', 'diagnostics', 'fixes', 'hover', path.join('calico', 'model'), path.join('calico', 'diagnostics'), path.join('calico', 'fixes')];
  for (const folder of folders) {
    const ws = new Workspace();
    const root = fixture(folder);
    for (const name of fs.readdirSync(root).filter((n) => n.endsWith('.yaml'))) ws.setFile(`file:///ws/${name}`, fs.readFileSync(path.join(root, name), 'utf8'));
    const engine = ws.reach();
    const nodes = engine.nodes.slice(0, 12);
    for (const src of nodes) for (const dst of nodes) if (src !== dst) assert.equal(engine.explain(src, dst).src, src.id, folder);
  }
});
