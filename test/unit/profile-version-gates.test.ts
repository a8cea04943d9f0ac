/**
 * The target Kubernetes release decides what is an error: strict IP/CIDR validation
 * (KEP-4858, on by default from 1.36), endPort (dropped before 1.22), and which describe
 * format kubectl prints (`To Port Range:` from 1.31). Messages name the release assumed.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { describeNetworkPolicy } from '../../server/src/dialects/kubernetes/describe/describe-policy';
import { DEFAULT_PROFILE, parseKubernetesVersion, type ClusterProfile } from '../../server/src/analysis/profile/cluster-profile';

const POLICY = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: web, namespace: shop}',
  'spec:',
  '  podSelector: {}',
  '  policyTypes: [Egress]',
  '  egress:',
  '  - to:',
  '    - ipBlock: {cidr: 10.0.0.1/8}',
  '    - ipBlock: {cidr: 010.1.0.0/16}',
  '    ports:',
  '    - {port: 32000, endPort: 32768}',
  '    - {protocol: UDP, port: 53}',
  '    - {protocol: TCP, port: 53}',
  '',
].join('\n');

function profile(version: string): ClusterProfile {
  return { ...DEFAULT_PROFILE, kubernetesVersion: parseKubernetesVersion(version)!, versionGiven: true };
}

function findings(version?: string): string[] {
  return analyzeText(POLICY, undefined, version ? profile(version) : DEFAULT_PROFILE).findings.map((f) => `${f.severity} ${f.code}: ${f.message}`);
}

test('versions parse as kubectl and cloud providers print them', () => {
  assert.deepEqual(parseKubernetesVersion('1.35'), { major: 1, minor: 35 });
  assert.deepEqual(parseKubernetesVersion('v1.29.4-eks-036c24b'), { major: 1, minor: 29 });
  assert.deepEqual(parseKubernetesVersion('v1.30.1+k3s1'), { major: 1, minor: 30 });
  for (const bad of ['', '1', '2.0', 'latest', '1.x']) assert.equal(parseKubernetesVersion(bad), undefined, bad);
});

test('from 1.36 host bits and leading zeros are errors that name the release', () => {
  const got = findings('1.36');
  assert.equal(got.filter((f) => f.startsWith('error netpol/cidr-host-bits') && f.includes('Kubernetes 1.36 rejects it: StrictIPCIDRValidation is on by default from 1.36.')).length, 1, got.join('\n'));
  assert.equal(got.filter((f) => f.startsWith('error netpol/non-standard-cidr')).length, 1, got.join('\n'));
  assert.ok(!got.some((f) => f.includes('end-port-unsupported')));
});

test('before 1.36 the same values are warnings that say when they become errors', () => {
  const got = findings('1.35');
  assert.ok(got.some((f) => f.startsWith('warning netpol/cidr-host-bits') && f.endsWith('Kubernetes 1.35 accepts it with a warning; from 1.36 (StrictIPCIDRValidation) the API server rejects it.')), got.join('\n'));
  assert.ok(got.some((f) => f.startsWith('warning netpol/non-standard-cidr')), got.join('\n'));
  assert.ok(!got.some((f) => f.startsWith('error')), got.join('\n'));
});

test('the default profile assumes the newest release and says so', () => {
  const got = findings();
  assert.ok(got.some((f) => f.startsWith('error netpol/cidr-host-bits') && f.includes('(assumed: the newest release)')), got.join('\n'));
});

test('before 1.22 endPort is dropped, and the finding says what the rule then allows', () => {
  const got = findings('1.21');
  assert.ok(got.includes('warning netpol/end-port-unsupported: Kubernetes 1.21: endPort is dropped by the API server, so this rule allows port 32000 only, not 32000-32768. NetworkPolicyEndPort is on by default from 1.22.'), got.join('\n'));
  assert.ok(!findings('1.22').some((f) => f.includes('end-port-unsupported')));
});

test('describe prints a port range as kubectl of the target release does', () => {
  const policy = kubernetesPoliciesOf(analyzeText(POLICY))[0]!;
  assert.match(describeNetworkPolicy(policy), /To Port Range: 32000-32768\/TCP/);
  assert.match(describeNetworkPolicy(policy, { kubectlVersion: { major: 1, minor: 31 } }), /To Port Range: 32000-32768\/TCP/);
  const old = describeNetworkPolicy(policy, { kubectlVersion: { major: 1, minor: 30 } });
  assert.match(old, /To Port: 32000\/TCP/);
  assert.doesNotMatch(old, /Port Range/);
});
