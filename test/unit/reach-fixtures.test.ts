/**
 * Data-driven reachability tests: every folder of test/fixtures/reach (but
 * snapshots/) is a workspace; `netpol-lens reach` on it must print its
 * expected.connlist.
 * Snapshots of JSON, Markdown and `why` output live in test/fixtures/reach/snapshots.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { EXAMPLES, fixture, PROJECT_ROOT } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const ROOT = fixture('reach');
const SNAPSHOTS = path.join(ROOT, 'snapshots');
const cases = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'snapshots')
  .map((entry) => entry.name)
  .sort();

/** Absolute paths and file URIs differ per machine; snapshots hold them relative to the project. */
function portable(text: string): string {
  return text.split(pathToFileURL(PROJECT_ROOT).toString() + '/').join('file:///<project>/').split(PROJECT_ROOT + path.sep).join('');
}

function output(result: { stdout: readonly string[] }): string {
  return portable(result.stdout.join('\n') + '\n');
}

test('every semantic rule has a fixture case', () => {
  assert.ok(cases.length >= 14, `only ${cases.length} cases: ${cases.join(', ')}`);
});

for (const name of cases) {
  test(`reach connlist: ${name}`, () => {
    const result = runCli(['reach', path.join(ROOT, name)]);
    assert.equal(result.exitCode, 0, result.stderr.join('\n'));
    assertMatchesFile(output(result), path.join(ROOT, name, 'expected.connlist'));
  });
}

test('reach connlist: the tutorial in examples/tutorial', () => {
  const result = runCli(['reach', path.join(EXAMPLES, 'tutorial')]);
  assertMatchesFile(output(result), path.join(SNAPSHOTS, 'tutorial.connlist'));
});

test('tutorial facts: busybox1 reaches only the frontend, busybox2 both tiers, nothing else gets into nginx', () => {
  const lines = runCli(['reach', path.join(EXAMPLES, 'tutorial')]).stdout;
  const into = (dst: string): string[] => lines.filter((l) => l.split(' => ')[1]?.startsWith(dst)).map((l) => l.split(' => ')[0]!);
  assert.ok(lines.includes('default/busybox1[Deployment] => default/frontend[Deployment] : TCP 80'));
  assert.ok(!lines.some((l) => l.startsWith('default/busybox1[Deployment] => default/backend')));
  assert.ok(lines.includes('default/busybox2[Deployment] => default/frontend[Deployment] : TCP 80'));
  assert.ok(lines.includes('default/busybox2[Deployment] => default/backend[Deployment] : TCP 80'));
  assert.ok(!lines.some((l) => /^default\/busybox\d\[Deployment\] => default\/busybox\d/.test(l)), 'the busyboxes must not reach each other');
  assert.deepEqual(into('default/frontend['), ['default/busybox1[Deployment]', 'default/busybox2[Deployment]']);
  assert.deepEqual(into('default/backend['), ['default/busybox2[Deployment]']);
});

test('examples/ as one workspace: the tutorial keeps its own result, untouched by the other examples', () => {
  const alone = runCli(['reach', path.join(EXAMPLES, 'tutorial')]).stdout;
  const together = runCli(['reach', EXAMPLES]).stdout;
  // Between the tutorial's workloads (namespace default) and outside the cluster, every pair
  // is the tutorial's own; its unrestricted egress also reaches the other examples' pods.
  const tutorialEnd = (end: string): boolean => end.startsWith('default/') || end.endsWith('[External]');
  const tutorialPair = (line: string): boolean => line.split(' : ')[0]!.split(' => ').every(tutorialEnd);
  assert.deepEqual(together.filter(tutorialPair), alone);
  assert.ok(together.includes('default/busybox1[Deployment] => default/frontend[Deployment] : TCP 80'));
  assert.ok(together.includes('default/busybox2[Deployment] => default/backend[Deployment] : TCP 80'));
  // The other examples are still there, each in namespaces of its own.
  assert.ok(together.some((l) => l.startsWith('development/')));
});

test('reach --format json carries the pairs and their why-traces', () => {
  const result = runCli(['reach', '--format', 'json', path.join(ROOT, 'named-ports')]);
  assert.equal(result.exitCode, 0);
  const parsed = JSON.parse(result.stdout.join('\n')) as { connections: { src: string; dst: string; conn: string }[] };
  const connlist = runCli(['reach', path.join(ROOT, 'named-ports')]).stdout;
  assert.deepEqual(parsed.connections.map((c) => `${c.src} => ${c.dst} : ${c.conn}`), connlist);
  assertMatchesFile(output(result), path.join(SNAPSHOTS, 'named-ports.json.snap'));
});

test('reach --format md is a table of the same pairs', () => {
  const result = runCli(['reach', '--format=md', path.join(ROOT, 'ports')]);
  assertMatchesFile(output(result), path.join(SNAPSHOTS, 'ports.md'));
  assert.equal(result.stdout.length - 2, runCli(['reach', path.join(ROOT, 'ports')]).stdout.length);
});

test('reach rejects an unknown format and reports missing paths', () => {
  assert.equal(runCli(['reach', '--format', 'yaml', ROOT]).exitCode, 2);
  const missing = runCli(['reach', '/nonexistent/folder']);
  assert.equal(missing.exitCode, 3);
  assert.match(missing.stderr.join('\n'), /no such file or folder/);
});

test('reach notes the policies it ignores as invalid', () => {
  const result = runCli(['reach', path.join(ROOT, 'invalid-policies')]);
  assert.equal(result.stderr.length, 3);
  assert.match(result.stderr.join('\n'), /ns1\/bad-cidr is ignored .*"10\.0\.0\.0\/33" is not a valid CIDR/);
  // The same words as `check`: the engine reads the checks' decision, not a second validation of its own.
  assert.match(result.stderr.join('\n'), /ns1\/bad-operator is ignored .*Unknown selector operator "Equals"/);
  assert.match(result.stderr.join('\n'), /ns1\/bad-shape is ignored .*"ports" must be a list, not a map\./);
});

const WHY_CASES: { name: string; args: string[]; exitCode: number }[] = [
  { name: 'tutorial-busybox1-backend', args: ['busybox1', 'backend', path.join(EXAMPLES, 'tutorial')], exitCode: 1 },
  { name: 'tutorial-busybox2-backend-port', args: ['default/busybox2', 'default/backend[Deployment]', '--port', '80/TCP', path.join(EXAMPLES, 'tutorial')], exitCode: 0 },
  { name: 'named-ports-client-web-a', args: ['client', 'web-a', path.join(ROOT, 'named-ports')], exitCode: 0 },
  { name: 'named-ports-client-web-c', args: ['client', 'web-c', path.join(ROOT, 'named-ports')], exitCode: 1 },
  { name: 'both-sides-port-443', args: ['ns1/client', 'ns1/server', '--port', 'TCP/443', path.join(ROOT, 'both-sides')], exitCode: 1 },
  { name: 'ip-block-external-to-app', args: ['10.2.3.4', 'app', path.join(ROOT, 'ip-block')], exitCode: 0 },
  { name: 'invalid-policies-b-to-a', args: ['b', 'a', path.join(ROOT, 'invalid-policies')], exitCode: 0 },
  { name: 'label-typo-web-api', args: ['web', 'api', path.join(ROOT, 'label-typo')], exitCode: 1 },
  { name: 'self-traffic-deployment', args: ['web', 'web', path.join(ROOT, 'self-traffic')], exitCode: 0 },
  { name: 'self-traffic-pod', args: ['solo', 'solo', path.join(ROOT, 'self-traffic')], exitCode: 0 },
];

for (const c of WHY_CASES) {
  test(`why: ${c.name}`, () => {
    const result = runCli(['why', ...c.args]);
    assert.equal(result.exitCode, c.exitCode, result.stderr.join('\n') + result.stdout.join('\n'));
    assertMatchesFile(output(result), path.join(SNAPSHOTS, `why-${c.name}.txt`));
  });
}

test('why explains unknown and ambiguous names instead of guessing', () => {
  const unknown = runCli(['why', 'nobody', 'web-a', path.join(ROOT, 'named-ports')]);
  assert.equal(unknown.exitCode, 2);
  assert.match(unknown.stderr.join('\n'), /no workload or external address matches "nobody"/);
  const ambiguous = runCli(['why', 'client', 'web', path.join(ROOT, 'pod-selector-peer')]);
  assert.equal(ambiguous.exitCode, 2);
  assert.match(ambiguous.stderr.join('\n'), /"client" is ambiguous: ns1\/client\[Pod\], ns2\/client\[Pod\]/);
  assert.equal(runCli(['why', 'a', 'b', '--port', '80/ICMP', ROOT]).exitCode, 2);
});
