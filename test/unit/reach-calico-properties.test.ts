/**
 * Property tests of Calico in the reachability engine, over small random
 * workspaces of pods, Kubernetes NetworkPolicies and Calico policies (written as
 * JSON manifests, so parsing, the model and the checks are exercised too):
 * - the engine agrees with a slow reference that walks Calico's evaluation for
 *   one connection at a time (protocol and port, ICMP type and code, or protocol
 *   number; peer), written independently here;
 * - a Kubernetes policy and its Calico translation (order 1000, Allow rules) give
 *   the same connlist, so the ordered path and the union path agree;
 * - an incremental update equals a full computation, and file order does not matter.
 * Seeds are fixed and runs bounded, so failures reproduce and the suite stays fast.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allowsIcmp, allowsPort, allowsProtocolNumber, connectionKey, intersectConnections, type ConnectionSet, type IcmpProtocol, type Protocol } from '../../server/src/ir/connection-set';
import { parseIp } from '../../server/src/ir/ip-range';
import type { ReachEngine, ReachNode } from '../../server/src/evaluate/reach-engine';
import { evaluateSelector } from '../../server/src/dialects/calico/selector/evaluate';
import { parseSelector } from '../../server/src/dialects/calico/selector/parser';
import { assertIncrementalEdit, connlist, workspaceOf, type Json } from '../support/object-workspace';

const RUNS = { seed: 20240917, numRuns: 40 };

// ---- the random world ---------------------------------------------------------------

const SELECTORS = ['all()', "app == 'a'", "app != 'b'", 'has(tier)', "tier in {'x'}", "!has(tier) || app == 'c'", "projectcalico.org/namespace == 'ns1'"];
const NS_SELECTORS = ['all()', "team == 't1'", "projectcalico.org/name == 'ns2'", "!has(team)"];
const NETS = [['10.0.0.0/8'], ['10.1.0.0/16', '192.168.0.0/16'], ['8.8.8.0/24']];
const PORTS = [[80], ['8000:9000'], ['http'], [53, 443]];

/** One side of a rule: mostly small shapes, so rules match often and their order matters. */
const match = fc.oneof(
  { arbitrary: fc.constant({}), weight: 3 },
  fc.record({ selector: fc.constantFrom(...SELECTORS) }),
  fc.record({ notSelector: fc.constantFrom(...SELECTORS.slice(1)) }),
  fc.record({ namespaceSelector: fc.constantFrom(...NS_SELECTORS) }),
  fc.record({ namespaceSelector: fc.constantFrom(...NS_SELECTORS), selector: fc.constantFrom(...SELECTORS) }),
  fc.record({ selector: fc.constantFrom(...SELECTORS), notSelector: fc.constantFrom(...SELECTORS.slice(1)) }),
  fc.record({ nets: fc.constantFrom(...NETS) }),
  fc.record({ notNets: fc.constantFrom(...NETS) }),
) as fc.Arbitrary<Json>;
const portMatch = fc.oneof({ arbitrary: fc.constant({}), weight: 2 }, fc.record({ ports: fc.constantFrom(...PORTS) }), fc.record({ notPorts: fc.constantFrom(...PORTS) })) as fc.Arbitrary<Json>;
const entity = (destination: boolean): fc.Arbitrary<Json> => (destination ? fc.tuple(match, portMatch).map(([m, p]) => ({ ...m, ...p })) : match);

/** ICMP matches Calico accepts: a type, a type and code. */
const ICMP_MATCHES = [undefined, { type: 8 }, { type: 8, code: 0 }, { type: 3 }, { type: 135 }];

const calicoRule = fc
  .record({
    action: fc.constantFrom('Allow', 'Deny', 'Pass', 'Log'),
    protocol: fc.constantFrom<string | number | undefined>(undefined, 'TCP', 'UDP', 'ICMP', 'ICMPv6', 1, 47, 'UDPLite'),
    notProtocol: fc.constantFrom<string | number | undefined>(undefined, undefined, 'UDP', 'ICMP', 47),
    icmp: fc.constantFrom(...ICMP_MATCHES),
    notICMP: fc.constantFrom(...ICMP_MATCHES),
    ipVersion: fc.constantFrom(undefined, undefined, 4, 6),
    source: entity(false),
    destination: entity(true),
  })
  .map(({ protocol, notProtocol, icmp, notICMP, ipVersion, destination, ...rest }) => {
    // Calico rejects ports without a protocol that has them: give such rules TCP.
    const needsProtocol = destination['ports'] !== undefined || destination['notPorts'] !== undefined;
    const proto = needsProtocol && !(protocol === 'TCP' || protocol === 'UDP') ? 'TCP' : protocol;
    // ICMP matches need an ICMP protocol; ICMP is IPv4's and ICMPv6 IPv6's; nets are IPv4 here.
    const family = proto === 'ICMP' || proto === 1 ? 4 : proto === 'ICMPv6' ? 6 : undefined;
    const notFamily = notProtocol === 'ICMP' ? 4 : undefined;
    const hasNets = [rest.source, destination].some((e) => e['nets'] !== undefined || e['notNets'] !== undefined);
    const fits = (wanted: number | undefined): boolean => wanted === undefined || wanted === ipVersion;
    const version = ipVersion !== undefined && fits(family) && fits(notFamily) && (!hasNets || ipVersion === 4) ? ipVersion : undefined;
    return {
      ...rest,
      destination,
      ...(proto !== undefined && { protocol: proto }),
      ...(notProtocol !== undefined && notProtocol !== proto && { notProtocol }),
      ...(family && icmp && { icmp }),
      ...(family && notICMP && { notICMP }),
      ...(version !== undefined && { ipVersion: version }),
    };
  });

const calicoPolicy = fc.record({
  global: fc.boolean(),
  namespace: fc.constantFrom('ns0', 'ns1'),
  namespaceSelector: fc.constantFrom(undefined, ...NS_SELECTORS),
  tier: fc.constantFrom('default', 'default', 'sec', 'late'),
  order: fc.constantFrom(undefined, 100, 200, 1000, 1500),
  selector: fc.constantFrom(...SELECTORS),
  types: fc.constantFrom<string[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(calicoRule, { maxLength: 3 }),
  egress: fc.array(calicoRule, { maxLength: 3 }),
});
type CalicoSpec = typeof calicoPolicy extends fc.Arbitrary<infer T> ? T : never;

const k8sPeer = fc.oneof(
  fc.record({ podSelector: fc.constantFrom({}, { matchLabels: { app: 'a' } }, { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }) }),
  fc.record({ namespaceSelector: fc.constantFrom({}, { matchLabels: { team: 't1' } }) }),
  fc.constant({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }),
);
const k8sPort = fc.constantFrom({ port: 80 }, { protocol: 'UDP', port: 53 }, { port: 'http' }, { port: 8000, endPort: 8500 });
const k8sPolicy = fc.record({
  namespace: fc.constantFrom('ns0', 'ns1'),
  podSelector: fc.constantFrom({}, { matchLabels: { app: 'a' } }, { matchLabels: { app: 'b' } }),
  types: fc.constantFrom<string[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(fc.record({ from: fc.array(k8sPeer, { maxLength: 2 }), ports: fc.array(k8sPort, { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 2 }),
  egress: fc.array(fc.record({ to: fc.array(k8sPeer, { maxLength: 2 }), ports: fc.array(k8sPort, { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 2 }),
});
type K8sSpec = typeof k8sPolicy extends fc.Arbitrary<infer T> ? T : never;

const pod = fc.record({ namespace: fc.constantFrom('ns0', 'ns1', 'ns2'), app: fc.constantFrom('a', 'b', 'c'), tier: fc.constantFrom('x', 'y', undefined), http: fc.constantFrom(8080, 9090, undefined) });
type PodSpec = typeof pod extends fc.Arbitrary<infer T> ? T : never;

const world = fc.record({ pods: fc.array(pod, { minLength: 1, maxLength: 4 }), calico: fc.array(calicoPolicy, { maxLength: 4 }), k8s: fc.array(k8sPolicy, { maxLength: 2 }) });
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const NAMESPACE_LABELS: Record<string, Record<string, string>> = { ns0: { team: 't1' }, ns1: { team: 't2' }, ns2: {} };
const BASE: Json[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns0', labels: NAMESPACE_LABELS['ns0'] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1', labels: NAMESPACE_LABELS['ns1'] } },
  { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'sec' }, spec: { order: 10 } },
  // After the default tier, and what no rule decides there is passed on (to the profile), not denied.
  { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'late' }, spec: { order: 2_000_000, defaultAction: 'Pass' } },
];
const TIER_ORDERS: Record<string, number> = { sec: 10, default: 1_000_000, late: 2_000_000 };

function podJson(p: PodSpec, i: number): Json {
  const labels = { app: p.app, ...(p.tier && { tier: p.tier }) };
  const ports = p.http ? [{ name: 'http', containerPort: p.http }] : [];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod${i}`, namespace: p.namespace, labels }, spec: { containers: [{ name: 'c', image: 'i', ports }] } };
}

function calicoName(p: CalicoSpec, i: number): string {
  // Names collide in order on purpose (p0, p1, ...), so ties by name are exercised.
  return p.tier === 'default' ? `p${i}` : `${p.tier}.p${i}`;
}

function calicoJson(p: CalicoSpec, i: number): Json {
  const metadata = p.global ? { name: calicoName(p, i) } : { name: calicoName(p, i), namespace: p.namespace };
  const spec = {
    ...(p.tier !== 'default' && { tier: p.tier }),
    ...(p.order !== undefined && { order: p.order }),
    selector: p.selector,
    ...(p.global && p.namespaceSelector && { namespaceSelector: p.namespaceSelector }),
    types: p.types,
    ...(p.types.includes('Ingress') && { ingress: p.ingress }),
    ...(p.types.includes('Egress') && { egress: p.egress }),
  };
  return { apiVersion: 'projectcalico.org/v3', kind: p.global ? 'GlobalNetworkPolicy' : 'NetworkPolicy', metadata, spec };
}

function k8sJson(p: K8sSpec, i: number): Json {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `k${i}`, namespace: p.namespace }, spec: { podSelector: p.podSelector, policyTypes: p.types, ingress: p.ingress, egress: p.egress } };
}

function objectsOf(w: World): Json[] {
  return [...BASE, ...w.pods.map(podJson), ...w.calico.map(calicoJson), ...w.k8s.map(k8sJson)];
}

// ---- the reference: Calico's evaluation, one connection at a time ----------------------

type Endpoint = { readonly kind: 'pod'; readonly pod: PodSpec; readonly index: number } | { readonly kind: 'ip'; readonly ip: string };

type Connection =
  | { readonly protocol: Protocol; readonly port: number }
  | { readonly protocol: IcmpProtocol; readonly type: number; readonly code: number }
  | { readonly protocol: number };

const PROTOCOL_NUMBERS: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1, ICMPv6: 58, UDPLite: 136 };

function protocolNumber(protocol: string | number): number {
  return typeof protocol === 'number' ? protocol : PROTOCOL_NUMBERS[protocol]!;
}

function portOf(c: Connection): number | undefined {
  return 'port' in c ? c.port : undefined;
}

/** The ICMP match of a rule against a connection: ICMP of either family, same type, and same code when one is given. */
function icmpMatches(match: Json, c: Connection): boolean {
  if (!('type' in c)) return false;
  return match['type'] === c.type && (match['code'] === undefined || match['code'] === c.code);
}

function allows(set: ConnectionSet, c: Connection): boolean {
  if ('port' in c) return allowsPort(set, c.protocol, c.port);
  if ('type' in c) return allowsIcmp(set, c.protocol, c.type, c.code);
  return allowsProtocolNumber(set, c.protocol);
}

function describe(c: Connection): string {
  return 'port' in c ? `${c.protocol}/${c.port}` : 'type' in c ? `${c.protocol} ${c.type}/${c.code}` : `protocol ${c.protocol}`;
}

function labelsOf(p: PodSpec): Map<string, string> {
  return new Map(Object.entries({ app: p.app, ...(p.tier && { tier: p.tier }), 'projectcalico.org/namespace': p.namespace, 'projectcalico.org/orchestrator': 'k8s' }));
}

function namespaceLabels(name: string): Map<string, string> {
  return new Map(Object.entries({ ...NAMESPACE_LABELS[name], 'kubernetes.io/metadata.name': name, 'projectcalico.org/name': name }));
}

function sel(text: string, labels: Map<string, string>): boolean {
  const parsed = parseSelector(text);
  assert.ok(parsed.ok, text);
  return evaluateSelector(parsed.ast, labels);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const a = parseIp(ip)!;
  const b = parseIp(base!)!;
  if (a.family !== b.family) return false;
  const shift = BigInt((a.family === 4 ? 32 : 128) - Number(bits));
  return a.value >> shift === b.value >> shift;
}

function portMatches(list: readonly (number | string)[], c: Connection, dst: Endpoint): boolean {
  const port = portOf(c);
  if (port === undefined) return false;
  return list.some((p) => {
    if (typeof p === 'number') return p === port;
    const range = /^(\d+):(\d+)$/.exec(p);
    if (range) return Number(range[1]) <= port && port <= Number(range[2]);
    return dst.kind === 'pod' && dst.pod.http === port && p === 'http' && c.protocol === 'TCP';
  });
}

/** `namespace`: the policy's, for a namespaced policy. */
function calicoEntityMatches(e: Json, namespace: string | undefined, node: Endpoint, c: Connection, isDestination: boolean): boolean {
  const selector = e['selector'] as string | undefined;
  const notSelector = e['notSelector'] as string | undefined;
  const nsSelector = e['namespaceSelector'] as string | undefined;
  const nets = e['nets'] as string[] | undefined;
  const notNets = e['notNets'] as string[] | undefined;
  if (isDestination && e['ports'] && !portMatches(e['ports'] as (number | string)[], c, node)) return false;
  if (isDestination && e['notPorts'] && portMatches(e['notPorts'] as (number | string)[], c, node)) return false;
  const scoped = selector !== undefined || nsSelector !== undefined || (namespace !== undefined && notSelector !== undefined);
  if (node.kind === 'ip') {
    if (scoped) return false;
    // Felix renders a rule per IP version; a side whose nets are all IPv4 (as here) exists in IPv4 only.
    if ((nets || notNets) && parseIp(node.ip)!.family !== 4) return false;
    if (nets && !nets.some((n) => inCidr(node.ip, n))) return false;
    return !notNets?.some((n) => inCidr(node.ip, n));
  }
  if (nets) return false;
  const labels = labelsOf(node.pod);
  if (notSelector && sel(notSelector, labels)) return false;
  if (!scoped) return true;
  if (nsSelector !== undefined ? !sel(nsSelector, namespaceLabels(node.pod.namespace)) : namespace !== undefined && node.pod.namespace !== namespace) return false;
  return selector === undefined || sel(selector, labels);
}

type Verdict = 'Allow' | 'Deny' | 'Pass' | 'Log' | undefined;

interface RefPolicy {
  readonly tier: string;
  readonly tierOrder: number;
  readonly order: number;
  readonly name: string;
  readonly directions: readonly string[];
  readonly applies: (subject: PodSpec) => boolean;
  /** The action of the first rule of this policy matching, or undefined. */
  readonly decide: (direction: 'ingress' | 'egress', subject: Endpoint, peer: Endpoint, c: Connection) => Verdict[];
}

function calicoRef(p: CalicoSpec, i: number): RefPolicy {
  const namespace = p.global ? undefined : p.namespace;
  return {
    tier: p.tier,
    tierOrder: TIER_ORDERS[p.tier]!,
    order: p.order ?? Number.POSITIVE_INFINITY,
    name: p.global ? calicoName(p, i) : `${p.namespace}/${calicoName(p, i)}`,
    directions: p.types.map((t) => t.toLowerCase()),
    applies: (s) => (p.global ? !p.namespaceSelector || sel(p.namespaceSelector, namespaceLabels(s.namespace)) : s.namespace === p.namespace) && sel(p.selector, labelsOf(s)),
    decide: (direction, subject, peer, c) =>
      (p.types.includes(direction === 'ingress' ? 'Ingress' : 'Egress') ? p[direction] : []).map((rule): Verdict => {
        const r = rule as Json;
        const number = protocolNumber(c.protocol);
        if (r['protocol'] !== undefined && protocolNumber(r['protocol'] as string | number) !== number) return undefined;
        if (r['notProtocol'] !== undefined && protocolNumber(r['notProtocol'] as string | number) === number) return undefined;
        if (r['icmp'] !== undefined && !icmpMatches(r['icmp'] as Json, c)) return undefined;
        if (r['notICMP'] !== undefined && icmpMatches(r['notICMP'] as Json, c)) return undefined;
        // A rule exists for one IP version when it says so or its protocol is ICMP (IPv4) or ICMPv6 (IPv6):
        // then it meets no message of the other ICMP and no address of the other family.
        const version = (r['ipVersion'] as number | undefined) ?? (number === 1 && r['protocol'] !== undefined ? 4 : number === 58 && r['protocol'] !== undefined ? 6 : undefined);
        if (version === 4 && number === 58) return undefined;
        if (version === 6 && number === 1) return undefined;
        if (version !== undefined && peer.kind === 'ip' && parseIp(peer.ip)!.family !== version) return undefined;
        const [src, dst] = direction === 'ingress' ? [peer, subject] : [subject, peer];
        const ok = calicoEntityMatches(r['source'] as Json, namespace, src, c, false) && calicoEntityMatches(r['destination'] as Json, namespace, dst, c, true);
        return ok ? (r['action'] as Verdict) : undefined;
      }),
  };
}

function k8sPeerMatches(peer: Json, namespace: string, node: Endpoint): boolean {
  const block = peer['ipBlock'] as { cidr: string; except: string[] } | undefined;
  if (block) return node.kind === 'ip' && inCidr(node.ip, block.cidr) && !block.except.some((e) => inCidr(node.ip, e));
  if (node.kind === 'ip') return false;
  const matches = (selector: Json, labels: Record<string, string>): boolean => {
    const ml = (selector['matchLabels'] ?? {}) as Record<string, string>;
    const exprs = (selector['matchExpressions'] ?? []) as { key: string }[];
    return Object.entries(ml).every(([k, v]) => labels[k] === v) && exprs.every((e) => labels[e.key] !== undefined);
  };
  const ns = peer['namespaceSelector'] as Json | undefined;
  if (ns ? !matches(ns, { ...NAMESPACE_LABELS[node.pod.namespace], 'kubernetes.io/metadata.name': node.pod.namespace }) : node.pod.namespace !== namespace) return false;
  const pods = peer['podSelector'] as Json | undefined;
  return !pods || matches(pods, Object.fromEntries(labelsOf(node.pod)));
}

function k8sPortMatches(port: Json, c: Connection, dst: Endpoint): boolean {
  const number = portOf(c);
  if (((port['protocol'] as string | undefined) ?? 'TCP') !== c.protocol || number === undefined) return false;
  const value = port['port'];
  if (value === 'http') return dst.kind === 'pod' && dst.pod.http === number && c.protocol === 'TCP';
  return (value as number) <= number && number <= ((port['endPort'] as number | undefined) ?? (value as number));
}

function k8sRef(p: K8sSpec, i: number): RefPolicy {
  const selector = p.podSelector as Json;
  return {
    tier: 'default',
    tierOrder: 1_000_000,
    order: 1000,
    name: `${p.namespace}/knp.default.k${i}`,
    directions: p.types.map((t) => t.toLowerCase()),
    applies: (s) => s.namespace === p.namespace && Object.entries((selector['matchLabels'] ?? {}) as Record<string, string>).every(([k, v]) => labelsOf(s).get(k) === v),
    decide: (direction, subject, peer, c) =>
      (p.types.includes(direction === 'ingress' ? 'Ingress' : 'Egress') ? (p[direction] as Json[]) : []).map((rule): Verdict => {
        const peers = (rule[direction === 'ingress' ? 'from' : 'to'] ?? []) as Json[];
        const ports = (rule['ports'] ?? []) as Json[];
        const dst = direction === 'ingress' ? subject : peer;
        const peerOk = peers.length === 0 || peers.some((x) => k8sPeerMatches(x, p.namespace, peer));
        const portOk = ports.length === 0 || ports.some((x) => k8sPortMatches(x, c, dst));
        return peerOk && portOk ? 'Allow' : undefined;
      }),
  };
}

/** One side, walked as Calico does: tiers in order, first matching rule decides, end of tier denies, profile allows. */
function sideAllows(policies: readonly RefPolicy[], direction: 'ingress' | 'egress', subject: Endpoint, peer: Endpoint, c: Connection): boolean {
  if (subject.kind === 'ip') return true;
  const applying = policies
    .filter((p) => p.directions.includes(direction) && p.applies(subject.pod))
    .sort((a, b) => a.tierOrder - b.tierOrder || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0) || a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let index = 0;
  while (index < applying.length) {
    const tier = applying[index]!.tier;
    let passed = false;
    for (; index < applying.length && applying[index]!.tier === tier; index++) {
      if (passed) continue;
      for (const verdict of applying[index]!.decide(direction, subject, peer, c)) {
        if (verdict === 'Allow') return true;
        if (verdict === 'Deny') return false;
        if (verdict === 'Pass') {
          passed = true;
          break;
        }
      }
    }
    if (!passed && tier !== 'late') return false;
  }
  return true;
}

function refPolicies(w: World): RefPolicy[] {
  return [...w.calico.map(calicoRef), ...w.k8s.map(k8sRef)];
}

const SAMPLES: readonly Connection[] = [
  { protocol: 'TCP', port: 80 },
  { protocol: 'TCP', port: 443 },
  { protocol: 'TCP', port: 8080 },
  { protocol: 'TCP', port: 8500 },
  { protocol: 'TCP', port: 9090 },
  { protocol: 'UDP', port: 53 },
  { protocol: 'UDP', port: 8080 },
  { protocol: 'SCTP', port: 80 },
  { protocol: 'ICMP', type: 8, code: 0 },
  { protocol: 'ICMP', type: 8, code: 3 },
  { protocol: 'ICMP', type: 3, code: 1 },
  { protocol: 'ICMP', type: 0, code: 0 },
  { protocol: 'ICMPv6', type: 128, code: 0 },
  { protocol: 'ICMPv6', type: 135, code: 0 },
  { protocol: 'ICMPv6', type: 8, code: 0 },
  { protocol: 47 },
  { protocol: 50 },
  { protocol: 136 },
];
const ADDRESSES = ['10.1.2.3', '10.9.9.9', '8.8.8.8', '1.2.3.4', '2001:db8::1'];

function nodeOf(engine: ReachEngine, e: Endpoint): ReachNode {
  if (e.kind === 'pod') return engine.node(`${e.pod.namespace}/pod${e.index}[Pod]`)!;
  const ip = parseIp(e.ip)!;
  return engine.nodes.find((n) => n.kind === 'external' && n.range.family === ip.family && n.range.start <= ip.value && ip.value <= n.range.end)!;
}

test('property: the engine agrees with a connection-by-connection walk of Calico\'s evaluation', () => {
  fc.assert(
    fc.property(world, (w) => {
      const engine = workspaceOf(objectsOf(w)).reach();
      assert.deepEqual(engine.skippedPolicies.map((s) => s.problems.map((p) => p.message)), [], 'the generated policies are valid');
      const policies = refPolicies(w);
      const pods: Endpoint[] = w.pods.map((p, index) => ({ kind: 'pod', pod: p, index }));
      const ips: Endpoint[] = ADDRESSES.map((ip) => ({ kind: 'ip', ip }));
      for (const src of [...pods, ...ips]) {
        for (const dst of [...pods, ...ips]) {
          if (src === dst || (src.kind === 'ip' && dst.kind === 'ip')) continue;
          const set = engine.connections(nodeOf(engine, src), nodeOf(engine, dst));
          for (const c of SAMPLES) {
            const expected = sideAllows(policies, 'egress', src, dst, c) && sideAllows(policies, 'ingress', dst, src, c);
            assert.equal(allows(set, c), expected, `${JSON.stringify(src)} => ${JSON.stringify(dst)} ${describe(c)}`);
          }
        }
      }
    }),
    RUNS,
  );
});

test('property: traces and the matrix agree on every Calico-evaluated pair', () => {
  fc.assert(
    fc.property(world, (w) => {
      const engine = workspaceOf(objectsOf(w)).reach();
      for (const src of engine.nodes) {
        for (const dst of engine.nodes) {
          if (src === dst) continue;
          const trace = engine.explain(src, dst);
          if (!trace.egress.ordered && !trace.ingress.ordered) continue;
          const cell = connectionKey(engine.connections(src, dst));
          assert.equal(connectionKey(intersectConnections(trace.egress.allowedSet, trace.ingress.allowedSet)), cell, `${src.id} => ${dst.id}`);
        }
      }
    }),
    { ...RUNS, numRuns: 20 },
  );
});

/** A Kubernetes policy written as the Calico policy Calico makes of it: order 1000, one Allow rule per peer and port. */
function translate(p: K8sSpec, i: number): Json {
  const rules = (direction: 'ingress' | 'egress'): Json[] =>
    (p[direction] as Json[]).flatMap((rule) => {
      const peers = (rule[direction === 'ingress' ? 'from' : 'to'] ?? []) as Json[];
      const ports = (rule['ports'] ?? []) as Json[];
      const peerEntities: Json[] = peers.length === 0 ? [{}] : peers.map(peerEntity);
      const portParts: Json[] = ports.length === 0 ? [{}] : ports.map((port) => ({ protocol: (port['protocol'] as string | undefined) ?? 'TCP', ports: [port['endPort'] ? `${port['port'] as number}:${port['endPort'] as number}` : port['port']] }));
      return peerEntities.flatMap((peer) =>
        portParts.map((part) => {
          const ports = part['ports'] as unknown[] | undefined;
          const far = direction === 'ingress' ? 'source' : 'destination';
          const destination = { ...(direction === 'egress' ? peer : {}), ...(ports && { ports }) };
          return { action: 'Allow', ...(part['protocol'] ? { protocol: part['protocol'] } : {}), [far]: direction === 'ingress' ? peer : destination, ...(direction === 'ingress' && ports ? { destination: { ports } } : {}) };
        }),
      );
    });
  const spec = { order: 1000, selector: k8sSelector(p.podSelector as Json), types: p.types, ...(p.types.includes('Ingress') && { ingress: rules('ingress') }), ...(p.types.includes('Egress') && { egress: rules('egress') }) };
  return { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: `knp.default.k${i}`, namespace: p.namespace }, spec };
}

function k8sSelector(selector: Json): string {
  const parts = [
    ...Object.entries((selector['matchLabels'] ?? {}) as Record<string, string>).map(([k, v]) => `${k} == '${v}'`),
    ...((selector['matchExpressions'] ?? []) as { key: string }[]).map((e) => `has(${e.key})`),
  ];
  return parts.length === 0 ? 'all()' : parts.join(' && ');
}

function peerEntity(peer: Json): Json {
  const block = peer['ipBlock'] as { cidr: string; except: string[] } | undefined;
  if (block) return { nets: [block.cidr], ...(block.except.length > 0 && { notNets: block.except }) };
  const ns = peer['namespaceSelector'] as Json | undefined;
  const pods = peer['podSelector'] as Json | undefined;
  return { ...(ns && { namespaceSelector: k8sSelector(ns) }), ...(pods ? { selector: k8sSelector(pods) } : ns ? {} : { selector: 'all()' }) };
}

test('property: a Kubernetes policy and its Calico translation at order 1000 allow the same', () => {
  fc.assert(
    fc.property(fc.array(pod, { minLength: 1, maxLength: 4 }), fc.array(k8sPolicy, { minLength: 1, maxLength: 3 }), (pods, policies) => {
      const pure = [...BASE, ...pods.map(podJson), ...policies.map(k8sJson)];
      const translated = [...BASE, ...pods.map(podJson), ...policies.map(translate)];
      const a = workspaceOf(pure).reach();
      const b = workspaceOf(translated).reach();
      assert.deepEqual(b.skippedPolicies.map((s) => s.problems.map((p) => p.message)), []);
      assert.deepEqual(connlist(b), connlist(a));
    }),
    RUNS,
  );
});

test('property: with Calico policies, an incremental update after editing one policy equals a full computation', () => {
  fc.assert(
    fc.property(world, calicoPolicy, fc.nat(), (w, replacement, pick) => {
      fc.pre(w.calico.length > 0);
      const which = pick % w.calico.length;
      assertIncrementalEdit(objectsOf(w), BASE.length + w.pods.length + which, calicoJson(replacement, which));
    }),
    RUNS,
  );
});

test('property: with Calico policies, results do not depend on file order', () => {
  fc.assert(
    fc.property(world, fc.infiniteStream(fc.nat()), (w, randoms) => {
      const objects = objectsOf(w);
      const shuffled = objects.map((_, i) => i).sort((a, b) => (randoms.next().value % 3) - 1 || a - b);
      assert.deepEqual(connlist(workspaceOf(objects, shuffled).reach()), connlist(workspaceOf(objects).reach()));
    }),
    RUNS,
  );
});
