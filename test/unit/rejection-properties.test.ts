/**
 * One validity decision, checked over random policies: a policy (Kubernetes or
 * Calico) has an error finding exactly when the reachability engine reports it
 * rejected (skipped, with its problems), and the engine never meets a part it
 * cannot read in a policy no check rejected (an "Internal error" problem).
 *
 * Policies start valid and get at most one mutation each: a wrong shape, a bad value
 * of every kind the API server refuses, a YAML syntax error, an alias (valid or of a
 * bad selector), or an error finding that does not reject (listed below by code).
 * Each object is its own file, so a file's error findings are its policy's.
 * Seeds are fixed and runs bounded, so failures reproduce and the suite stays fast.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import { calicoPoliciesOf } from '../../server/src/dialects/calico/reading';
import { clusterPoliciesOf } from '../../server/src/dialects/cluster-network-policy/reading';
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Workspace } from '../../server/src/workspace/workspace';

const RUNS = { seed: 20261207, numRuns: 150 };

/** Error findings that do not make the object rejected: our own bugs, and a selector YAML read as a tag (still stored). */
const NOT_REJECTING: ReadonlySet<string> = new Set(['netpol/internal-error', 'calico/internal-error', 'calico/selector-yaml-tag']);

type Json = Record<string, unknown>;

// ---- Kubernetes -------------------------------------------------------------------

const k8sSelector = fc.constantFrom<Json>({}, { matchLabels: { app: 'a' } }, { matchExpressions: [{ key: 'tier', operator: 'In', values: ['x'] }] });
const k8sPeer = fc.oneof(
  k8sSelector.map((podSelector) => ({ podSelector })),
  k8sSelector.map((namespaceSelector) => ({ namespaceSelector })),
  fc.constant({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }),
  fc.constant({ ipBlock: { cidr: '2001:db8::/32' } }),
);
const k8sPort = fc.constantFrom<Json>({ port: 80 }, { protocol: 'UDP', port: 53 }, { port: 'http' }, { port: 8000, endPort: 8500 }, { protocol: 'SCTP' });
const k8sRule = (peersKey: 'from' | 'to') => fc.record({ [peersKey]: fc.array(k8sPeer, { maxLength: 2 }), ports: fc.array(k8sPort, { maxLength: 2 }) }, { requiredKeys: [] }) as fc.Arbitrary<Json>;
const k8sPolicy = fc.record({
  podSelector: k8sSelector,
  types: fc.constantFrom<string[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(k8sRule('from'), { minLength: 1, maxLength: 2 }),
  egress: fc.array(k8sRule('to'), { maxLength: 2 }),
});
type K8sSpec = typeof k8sPolicy extends fc.Arbitrary<infer T> ? T : never;

function k8sJson(p: K8sSpec, name: string): Json {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'ns0' }, spec: { podSelector: p.podSelector, policyTypes: p.types, ingress: p.ingress, egress: p.egress } };
}

type Mutation = (policy: Json) => Json | string;

const spec = (p: Json): Json => p['spec'] as Json;
const firstRule = (p: Json): Json => (spec(p)['ingress'] as Json[])[0]!;
const withPeer = (peer: unknown): Mutation => (p) => (firstRule(p)['from'] = [peer], p);
const withPort = (port: unknown): Mutation => (p) => (firstRule(p)['ports'] = [port], p);
const withSpec = (key: string, value: unknown): Mutation => (p) => (spec(p)[key] = value, p);

/** Text mutations: JSON is YAML, and YAML can say more (anchors, aliases) or be broken. */
const K8S_MUTATIONS: readonly Mutation[] = [
  (p) => p,
  (p) => ((p['apiVersion'] = 'networking.k8s.io/v1beta1'), p),
  (p) => ((p['metadata'] = { namespace: 'ns0' }), p),
  (p) => ((p['metadata'] = { name: 'Bad_Name', namespace: 'ns0' }), p),
  withSpec('policyTypes', ['ingress']),
  withSpec('policyTypes', ['Ingress', 'Egress', 'Ingress', 'Egress']),
  withSpec('podSelector', 'app=web'),
  withSpec('podSelector', { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] }),
  withSpec('podSelector', { matchExpressions: [{ key: 'app', operator: 'In' }] }),
  withSpec('podSelector', { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] }),
  withSpec('podSelector', { matchLabels: { app: 'not a value' } }),
  withSpec('podSelector', { matchLabels: { 'bad key!': 'a' } }),
  withSpec('ingress', { from: [] }),
  withSpec('surprise', true),
  withPeer({}),
  withPeer({ podSelector: null }),
  withPeer({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }),
  withPeer({ ipBlock: { cidr: '10.0.0.0/33' } }),
  withPeer({ ipBlock: { except: ['10.1.0.0/16'] } }),
  withPeer({ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } }),
  withPeer({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } }),
  withPeer({ ipBlock: { cidr: '10.0.0.0/8', except: '10.1.0.0/16' } }),
  withPeer('podSelector'),
  withPeer({ podSelector: { matchLabels: ['app'] } }),
  withPort({ port: 70000 }),
  withPort({ port: 0 }),
  withPort({ port: 100, endPort: 50 }),
  withPort({ port: 'http', endPort: 90 }),
  withPort({ endPort: 90 }),
  withPort({ port: '80' }),
  withPort({ port: 'HTTP_Web' }),
  withPort({ protocol: 'tcp', port: 80 }),
  withPort({ protocol: 'ICMP' }),
  withPort(80),
  (p) => ((firstRule(p)['ports'] = { port: 80 }), p),
  // An alias to the policy's own (valid) selector: evaluated like the selector written out.
  (p) => (withPeer({ podSelector: 'ALIAS' })(p), JSON.stringify(p).replace('"podSelector":', '"podSelector": &sel ').replace('"ALIAS"', '*sel')),
  // An alias to a bad selector: rejected like the selector written out.
  (p) => (withSpec('podSelector', { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] })(p), withPeer({ namespaceSelector: 'ALIAS' })(p), JSON.stringify(p).replace('"podSelector":', '"podSelector": &sel ').replace('"ALIAS"', '*sel')),
  // A YAML syntax error: the flow sequence of policyTypes is never closed.
  (p) => JSON.stringify(p).replace(/"policyTypes":\[([^\]]*)\]/, '"policyTypes":[$1'),
];

// ---- Calico -----------------------------------------------------------------------

const calicoEntity = fc.constantFrom<Json>({}, { selector: "app == 'a'" }, { namespaceSelector: 'all()' }, { nets: ['10.0.0.0/8'] }, { notSelector: 'has(tier)' });
const calicoRule = fc.record({ action: fc.constantFrom('Allow', 'Deny', 'Pass', 'Log'), source: calicoEntity, destination: calicoEntity });
const calicoPolicy = fc.record({
  global: fc.boolean(),
  order: fc.constantFrom(undefined, 100, 1000),
  selector: fc.constantFrom('all()', "app == 'a'", 'has(tier)'),
  types: fc.constantFrom<string[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(calicoRule, { minLength: 1, maxLength: 2 }),
  egress: fc.array(calicoRule, { maxLength: 2 }),
});
type CalicoSpec = typeof calicoPolicy extends fc.Arbitrary<infer T> ? T : never;

function calicoJson(p: CalicoSpec, name: string): Json {
  const kind = p.global ? 'GlobalNetworkPolicy' : 'NetworkPolicy';
  const metadata = p.global ? { name } : { name, namespace: 'ns0' };
  return { apiVersion: 'projectcalico.org/v3', kind, metadata, spec: { ...(p.order !== undefined && { order: p.order }), selector: p.selector, types: p.types, ingress: p.ingress, egress: p.egress } };
}

const firstCalicoRule = (p: Json): Json => (spec(p)['ingress'] as Json[])[0]!;
const withCalicoRule = (patch: Json): Mutation => (p) => (Object.assign(firstCalicoRule(p), patch), p);

const CALICO_MUTATIONS: readonly Mutation[] = [
  (p) => p,
  withSpec('selector', "app == 'a"),
  withSpec('selector', 'app ='),
  withSpec('order', 'first'),
  withSpec('types', ['ingress']),
  withSpec('surprise', 1),
  withCalicoRule({ action: 'Accept' }),
  withCalicoRule({ destination: { ports: [80] } }),
  withCalicoRule({ protocol: 'TCP', destination: { ports: [70000] } }),
  withCalicoRule({ protocol: 'TCP', destination: { ports: ['9000:8000'] } }),
  withCalicoRule({ source: { nets: ['10.0.0.0/33'] } }),
  withCalicoRule({ source: { selector: 'has(' } }),
  withCalicoRule({ protocol: 'TCPP' }),
  (p) => JSON.stringify(p).replace(/"types":\[([^\]]*)\]/, '"types":[$1'),
];

// ---- cluster-wide (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy) ----

const clusterSelector = fc.constantFrom<Json>({}, { matchLabels: { team: 'a' } }, { matchExpressions: [{ key: 'env', operator: 'Exists' }] });
const clusterPeer = fc.oneof(clusterSelector.map((namespaces) => ({ namespaces })), clusterSelector.map((podSelector) => ({ pods: { namespaceSelector: {}, podSelector } })));
const clusterPolicy = fc.record({
  kind: fc.constantFrom('AdminNetworkPolicy', 'ClusterNetworkPolicy'),
  priority: fc.integer({ min: 0, max: 1000 }),
  subject: clusterPeer,
  action: fc.constantFrom('Deny', 'Pass', 'allow'),
  ingress: fc.array(clusterPeer, { minLength: 1, maxLength: 2 }),
  port: fc.integer({ min: 1, max: 65535 }),
});
type ClusterSpec = typeof clusterPolicy extends fc.Arbitrary<infer T> ? T : never;

function clusterJson(p: ClusterSpec, name: string): Json {
  const v2 = p.kind === 'ClusterNetworkPolicy';
  const action = p.action === 'allow' ? (v2 ? 'Accept' : 'Allow') : p.action;
  const ports = v2 ? { protocols: [{ tcp: { destinationPort: { number: p.port } } }] } : { ports: [{ portNumber: { protocol: 'TCP', port: p.port } }] };
  return {
    apiVersion: `policy.networking.k8s.io/${v2 ? 'v1alpha2' : 'v1alpha1'}`,
    kind: p.kind,
    metadata: { name },
    spec: { ...(v2 && { tier: 'Admin' }), priority: p.priority, subject: p.subject, ingress: [{ name: 'r', action, from: p.ingress, ...ports }] },
  };
}

const clusterRule = (p: Json): Json => (spec(p)['ingress'] as Json[])[0]!;
const CLUSTER_MUTATIONS: readonly Mutation[] = [
  (p) => p,
  withSpec('priority', 1001),
  withSpec('priority', '10'),
  withSpec('subject', { namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } }),
  withSpec('subject', {}),
  withSpec('ingress', Array.from({ length: 101 }, () => ({ action: 'Deny', from: [{ namespaces: {} }] }))),
  (p) => ((clusterRule(p)['action'] = 'Reject'), p),
  (p) => ((clusterRule(p)['from'] = []), p),
  (p) => ((clusterRule(p)['from'] = [{ networks: ['10.0.0.0/8'] }]), p),
  (p) => ((clusterRule(p)['name'] = 'x'.repeat(101)), p),
  (p) => ((p['apiVersion'] = 'policy.networking.k8s.io/v1'), p),
  (p) => ((p['metadata'] = { name: 'Bad_Name' }), p),
  (p) => JSON.stringify(p).replace(/"from":\[/, '"from":[[ '),
];

// ---- the property -------------------------------------------------------------------

interface Case {
  readonly uri: string;
  readonly text: string;
}

function textOf(object: Json | string): string {
  return typeof object === 'string' ? object : JSON.stringify(object);
}

/** Checks the property on one workspace; returns how many policies were rejected and how many active. */
function check(cases: readonly Case[]): { rejected: number; active: number } {
  const ws = new Workspace();
  for (const c of cases) ws.setFile(c.uri, c.text);
  const engine = ws.reach();
  const skipped = new Map(engine.skippedPolicies.map((s) => [s.ref.source.uri, s]));
  const active = new Set(engine.policies.map((p) => p.ref.source.uri));
  for (const c of cases) {
    const analysis = ws.getFile(c.uri)!.analysis;
    // A document too broken to read as a policy at all is no policy for anyone.
    if (kubernetesPoliciesOf(analysis).length + calicoPoliciesOf(analysis).length + clusterPoliciesOf(analysis).length !== 1) continue;
    const errors = analysis.findings.filter((f) => f.severity === 'error' && !NOT_REJECTING.has(f.code));
    const rejected = skipped.get(c.uri);
    const context = `${c.text}\nfindings: ${analysis.findings.map((f) => `${f.severity} ${f.code}`).join(', ')}\nengine: ${rejected ? rejected.problems.map((p) => p.message).join(' | ') : 'active'}`;
    assert.equal(rejected !== undefined, errors.length > 0, `error finding <=> rejected by the engine\n${context}`);
    assert.equal(active.has(c.uri), errors.length === 0, `no error finding <=> active in the engine\n${context}`);
    for (const problem of rejected?.problems ?? []) assert.doesNotMatch(problem.message, /^Internal error/, context);
  }
  return { rejected: skipped.size, active: active.size };
}

test('a Kubernetes policy has an error finding exactly when reach reports it rejected', () => {
  const mutated = fc.tuple(k8sPolicy, fc.nat(K8S_MUTATIONS.length - 1));
  fc.assert(
    fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (policies) => {
      check(policies.map(([p, m], i) => ({ uri: `file:///w/k8s${i}.yaml`, text: textOf(K8S_MUTATIONS[m]!(k8sJson(p, `pol${i}`))) })));
    }),
    RUNS,
  );
});

test('a Calico policy has an error finding exactly when reach reports it rejected', () => {
  const mutated = fc.tuple(calicoPolicy, fc.nat(CALICO_MUTATIONS.length - 1));
  fc.assert(
    fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (policies) => {
      check(policies.map(([p, m], i) => ({ uri: `file:///w/calico${i}.yaml`, text: textOf(CALICO_MUTATIONS[m]!(calicoJson(p, `cpol${i}`))) })));
    }),
    RUNS,
  );
});

test('a cluster-wide policy has an error finding exactly when reach reports it rejected', () => {
  const mutated = fc.tuple(clusterPolicy, fc.nat(CLUSTER_MUTATIONS.length - 1));
  fc.assert(
    fc.property(fc.array(mutated, { minLength: 1, maxLength: 4 }), (policies) => {
      check(policies.map(([p, m], i) => ({ uri: `file:///w/cluster${i}.yaml`, text: textOf(CLUSTER_MUTATIONS[m]!(clusterJson(p, `anp${i}`))) })));
    }),
    RUNS,
  );
});

test('every cluster-wide mutation rejects, alone', () => {
  const base = fc.sample(clusterPolicy, { seed: 3, numRuns: 1 })[0]!;
  const cases = CLUSTER_MUTATIONS.map((m, i) => ({ uri: `file:///w/one-cluster${i}.yaml`, text: textOf(m(structuredClone(clusterJson(base, `a${i}`)))) }));
  const counts = check(cases);
  assert.equal(counts.active, 1);
  assert.equal(counts.rejected, cases.length - 1);
});

test('every mutation is tried: each one alone, Kubernetes and Calico side by side', () => {
  const base = fc.sample(k8sPolicy, { seed: 1, numRuns: 1 })[0]!;
  const calicoBase = fc.sample(calicoPolicy, { seed: 1, numRuns: 1 })[0]!;
  const cases: Case[] = [
    ...K8S_MUTATIONS.map((m, i) => ({ uri: `file:///w/one-k8s${i}.yaml`, text: textOf(m(structuredClone(k8sJson(base, `m${i}`)))) })),
    ...CALICO_MUTATIONS.map((m, i) => ({ uri: `file:///w/one-calico${i}.yaml`, text: textOf(m(structuredClone(calicoJson(calicoBase, `c${i}`)))) })),
  ];
  const counts = check(cases);
  // The mutations are meant to reject (all but the first and the valid alias of each list): the test would prove nothing if they did not.
  assert.equal(counts.active, 3);
  assert.equal(counts.rejected, cases.length - 3);
});
