/** The workspace's profile file: what it sets, what it reports, and how layers merge. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PROFILE } from '../../server/src/analysis/profile/cluster-profile';
import { mergeProfile, readProfileFile } from '../../server/src/analysis/profile/profile-file';

test('a valid profile sets every field it names, CIDRs in canonical form', () => {
  const file = readProfileFile('kubernetesVersion: "1.34"\npodCIDRs: [10.244.0.0/16, "fd00:10:244:0::/56"]\nserviceCIDRs:\n  - 10.96.0.0/12\nplugin: calico\n');
  assert.deepEqual(file.findings, []);
  assert.deepEqual(file.overrides, { kubernetesVersion: { major: 1, minor: 34 }, versionGiven: true, podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/12'], plugin: 'calico' });
});

test('wrong entries are findings at their node, and the rest still counts', () => {
  const text = 'kubernetesVersion: latest\npodCidrs: [10.0.0.0/8]\npodCIDRs: [10.0.0.0/8, banana]\nplugin: weave\n';
  const file = readProfileFile(text);
  const at = (f: { span: { start: number; end: number } }): string => text.slice(f.span.start, f.span.end);
  assert.deepEqual(file.findings.map((f) => [at(f), f.message]), [
    ['latest', 'kubernetesVersion must be a release such as "1.35".'],
    ['podCidrs', 'Unknown profile setting "podCidrs" (did you mean "podCIDRs"?): the profile knows kubernetesVersion, podCIDRs, serviceCIDRs, plugin.'],
    ['banana', 'podCIDRs: "banana" is not a CIDR such as 10.244.0.0/16.'],
    ['weave', 'plugin must be one of generic, calico, cilium, antrea, ovn-kubernetes.'],
  ]);
  assert.deepEqual(file.overrides, { podCidrs: ['10.0.0.0/8'] });
});

test('an unquoted version means what it says: 1.30 is 1.30, not the number 1.3', () => {
  assert.deepEqual(readProfileFile('kubernetesVersion: 1.30\n').overrides.kubernetesVersion, { major: 1, minor: 30 });
});

test('layers merge in order: defaults, then settings or flags, then the file', () => {
  const merged = mergeProfile(DEFAULT_PROFILE, { plugin: 'cilium', podCidrs: ['10.0.0.0/8'] }, readProfileFile('plugin: calico\n').overrides);
  assert.equal(merged.plugin, 'calico');
  assert.deepEqual(merged.podCidrs, ['10.0.0.0/8']);
  assert.equal(merged.kubernetesVersion, DEFAULT_PROFILE.kubernetesVersion);
});

test('hostile input gives findings, never a throw', () => {
  for (const text of ['', '- a\n- b\n', 'kubernetesVersion: [1, 2]\n', 'podCIDRs: {a: b}\n', 'plugin:\n', '{{ .Values }}\n', 'a: &x [*x]\n']) {
    assert.doesNotThrow(() => readProfileFile(text), text);
  }
});
