/** The workspace's profile file: what it sets, what it reports, and how layers merge. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PROFILE } from '../../server/src/analysis/profile/cluster-profile';
import { mergeProfile, readProfileFile } from '../../server/src/analysis/profile/profile-file';

test('a valid profile sets the release', () => {
  const file = readProfileFile('kubernetesVersion: "1.34"\n');
  assert.deepEqual(file.findings, []);
  assert.deepEqual(file.overrides, { kubernetesVersion: { major: 1, minor: 34 }, versionGiven: true });
});

const KNOWN = 'kubernetesVersion, plugin, podCidrs, ipBlocksMatchPods, hostNetwork, nodeCidrs, serviceCidrs';

test('wrong entries are findings at their node, and the rest still counts', () => {
  const text = 'kubernetesVersoin: "1.30"\nkubernetesVersion: latest\nnetworkPlugin: calico\nplugin: flannel\n';
  const file = readProfileFile(text);
  const at = (f: { span: { start: number; end: number } }): string => text.slice(f.span.start, f.span.end);
  assert.deepEqual(file.findings.map((f) => [at(f), f.message]), [
    ['kubernetesVersoin', `Unknown profile setting "kubernetesVersoin" (did you mean "kubernetesVersion"?): the profile knows ${KNOWN}.`],
    ['latest', 'kubernetesVersion must be a release such as "1.35".'],
    ['networkPlugin', `Unknown profile setting "networkPlugin": the profile knows ${KNOWN}.`],
    ['flannel', 'plugin is one of generic, calico, cilium.'],
  ]);
  assert.deepEqual(file.overrides, {});
});

test('an unquoted version means what it says: 1.30 is 1.30, not the number 1.3', () => {
  assert.deepEqual(readProfileFile('kubernetesVersion: 1.30\n').overrides.kubernetesVersion, { major: 1, minor: 30 });
});

test('layers merge in order, a later layer winning', () => {
  const merged = mergeProfile(DEFAULT_PROFILE, readProfileFile('kubernetesVersion: "1.30"\n').overrides, { kubernetesVersion: { major: 1, minor: 33 }, versionGiven: true });
  assert.deepEqual(merged.kubernetesVersion, { major: 1, minor: 33 });
  assert.deepEqual(mergeProfile(DEFAULT_PROFILE, {}), DEFAULT_PROFILE);
});

test('hostile input gives findings, never a throw', () => {
  for (const text of ['', '- a\n- b\n', 'kubernetesVersion: [1, 2]\n', 'kubernetesVersion:\n', '{{ .Values }}\n', 'a: &x [*x]\n']) {
    assert.doesNotThrow(() => readProfileFile(text), text);
  }
});

test('pod ranges and whether ipBlocks match pod addresses are profile settings', () => {
  const file = readProfileFile('podCidrs: [10.244.0.0/16, "fd00:10:244::/56"]\nipBlocksMatchPods: true\n');
  assert.deepEqual(file.findings, []);
  assert.deepEqual(file.overrides, { podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], ipBlocksMatchPods: true });
  const wrong = readProfileFile('podCidrs: [10.244.0.0/33, pods]\nipBlocksMatchPods: maybe\n');
  assert.deepEqual(
    wrong.findings.map((f) => f.message),
    ['podCidrs lists CIDRs such as "10.244.0.0/16".', 'podCidrs lists CIDRs such as "10.244.0.0/16".', 'ipBlocksMatchPods is true or false.'],
  );
});

test('the plugin sets the defaults of what plugins do differently; a setting given beside it wins', () => {
  const calico = mergeProfile(DEFAULT_PROFILE, readProfileFile('plugin: calico\n').overrides);
  assert.equal(calico.ipBlocksMatchPods, true);
  assert.equal(calico.hostNetwork, 'node');
  assert.equal(mergeProfile(DEFAULT_PROFILE, readProfileFile('plugin: cilium\n').overrides).ipBlocksMatchPods, false);
  // A later layer naming the plugin still loses to an explicit setting of an earlier one.
  const explicit = mergeProfile(DEFAULT_PROFILE, { ipBlocksMatchPods: false }, readProfileFile('plugin: calico\nhostNetwork: pod\n').overrides);
  assert.equal(explicit.ipBlocksMatchPods, false);
  assert.equal(explicit.hostNetwork, 'pod');
  assert.equal(DEFAULT_PROFILE.plugin, 'generic');
  assert.equal(DEFAULT_PROFILE.ipBlocksMatchPods, false);
});

test('node and Service ranges are lists of CIDRs; hostNetwork is node or pod', () => {
  const file = readProfileFile('nodeCidrs: [192.168.0.0/24]\nserviceCidrs: 10.96.0.0/12\nhostNetwork: pod\n');
  assert.deepEqual(file.findings, []);
  assert.deepEqual(file.overrides, { nodeCidrs: ['192.168.0.0/24'], serviceCidrs: ['10.96.0.0/12'], hostNetwork: 'pod' });
  const wrong = readProfileFile('serviceCidrs: [services]\nhostNetwork: host\n');
  assert.deepEqual(
    wrong.findings.map((f) => f.message),
    ['serviceCidrs lists CIDRs such as "10.96.0.0/12".', 'hostNetwork is one of node, pod.'],
  );
});
