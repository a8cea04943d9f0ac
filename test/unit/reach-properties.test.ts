/**
 * Property tests of the reachability engine over small random workspaces
 * (written as JSON manifests, so parsing and the model are exercised too).
 * Seeds are fixed and runs bounded, so failures reproduce and the suite stays fast.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { connectionKey, intersectConnections, type ConnectionSet } from '../../server/src/ir/connection-set';
import type { ReachEngine, ReachNode } from '../../server/src/evaluate/reach-engine';
import { Workspace } from '../../server/src/workspace/workspace';
import { assertIncrementalEdit, connlist, workspaceOf, type Json } from '../support/object-workspace';

const RUNS = { seed: 20240601, numRuns: 30 };

const selector = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ app: fc.constantFrom('a', 'b', 'c') }) }),
  fc.record({ matchExpressions: fc.tuple(fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), fc.constantFrom('x', 'y')).map(([operator, value]) => [{ key: 'tier', operator, ...(operator === 'In' || operator === 'NotIn' ? { values: [value] } : {}) }]) }),
);
const nsSelector = fc.oneof(fc.constant({}), fc.record({ matchLabels: fc.record({ team: fc.constantFrom('t1', 't2') }) }));
const cidr = fc.constantFrom({ cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, { cidr: '0.0.0.0/0' }, { cidr: '192.168.0.0/16' }, { cidr: '2001:db8::/32' });
const peer = fc.oneof(
  selector.map((podSelector) => ({ podSelector })),
  nsSelector.map((namespaceSelector) => ({ namespaceSelector })),
  fc.tuple(selector, nsSelector).map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  cidr.map((ipBlock) => ({ ipBlock })),
);
const port = fc.oneof(
  fc.record({ port: fc.constantFrom(80, 8080, 'http') }, { requiredKeys: [] }),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(53, 8080) }),
  fc.record({ port: fc.constant(8000), endPort: fc.constantFrom(8000, 8100) }),
);
const rule = (peersKey: 'from' | 'to') =>
  fc.record({ [peersKey]: fc.array(peer, { maxLength: 2 }), ports: fc.array(port, { maxLength: 2 }) }, { requiredKeys: [] }) as fc.Arbitrary<Json>;

const policy = fc.record({
  namespace: fc.constantFrom('ns0', 'ns1'),
  podSelector: selector,
  types: fc.constantFrom<string[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(rule('from'), { maxLength: 2 }),
  egress: fc.array(rule('to'), { maxLength: 2 }),
});
type PolicySpec = typeof policy extends fc.Arbitrary<infer T> ? T : never;

const pod = fc.record({
  namespace: fc.constantFrom('ns0', 'ns1', 'ns2'),
  app: fc.constantFrom('a', 'b', 'c'),
  tier: fc.constantFrom('x', 'y', undefined),
  http: fc.constantFrom(8080, 9090, undefined),
});
type PodSpec = typeof pod extends fc.Arbitrary<infer T> ? T : never;

const world = fc.record({ pods: fc.array(pod, { minLength: 1, maxLength: 5 }), policies: fc.array(policy, { maxLength: 4 }) });

function podJson(p: PodSpec, i: number): Json {
  const labels = { app: p.app, ...(p.tier && { tier: p.tier }) };
  const ports = p.http ? [{ name: 'http', containerPort: p.http }] : [];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod${i}`, namespace: p.namespace, labels }, spec: { containers: [{ name: 'c', image: 'i', ports }] } };
}

function policyJson(p: PolicySpec, i: number): Json {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `pol${i}`, namespace: p.namespace }, spec: { podSelector: p.podSelector, policyTypes: p.types, ingress: p.ingress, egress: p.egress } };
}

const NAMESPACES: Json[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns0', labels: { team: 't1' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1', labels: { team: 't2' } } },
];

function objectsOf(w: { pods: PodSpec[]; policies: PolicySpec[] }): Json[] {
  return [...NAMESPACES, ...w.pods.map(podJson), ...w.policies.map(policyJson)];
}

const within = (small: ConnectionSet, big: ConnectionSet): boolean => connectionKey(intersectConnections(small, big)) === connectionKey(small);

/** The node of `before` holding `node` (external ranges of `after` only ever refine those of `before`). */
function counterpart(before: ReachEngine, node: ReachNode): ReachNode {
  if (node.kind === 'workload') return before.node(node.id)!;
  const r = node.range;
  return before.nodes.find((n) => n.kind === 'external' && n.range.family === r.family && n.range.start <= r.start && r.end <= n.range.end)!;
}

test('property: adding an allow rule never removes a connection', () => {
  fc.assert(
    fc.property(world, fc.nat(), rule('from'), rule('to'), (w, pick, ingressRule, egressRule) => {
      fc.pre(w.policies.length > 0);
      const before = workspaceOf(objectsOf(w)).reach();
      const target = w.policies[pick % w.policies.length]!;
      const grown = { ...target, ingress: target.types.includes('Ingress') ? [...target.ingress, ingressRule] : target.ingress, egress: target.types.includes('Egress') ? [...target.egress, egressRule] : target.egress };
      const after = workspaceOf(objectsOf({ ...w, policies: w.policies.map((p) => (p === target ? grown : p)) })).reach();
      for (const src of after.nodes) {
        for (const dst of after.nodes) {
          if (src === dst) continue;
          const [s, d] = [counterpart(before, src), counterpart(before, dst)];
          if (s === d) continue;
          assert.ok(within(before.connections(s, d), after.connections(src, dst)), `${src.id} => ${dst.id} lost connections`);
        }
      }
    }),
    RUNS,
  );
});

test('property: a new policy adds nothing to a direction it newly isolates, except through its own rules', () => {
  fc.assert(
    fc.property(world, policy, (w, extra) => {
      const before = workspaceOf(objectsOf(w)).reach();
      const after = workspaceOf(objectsOf({ ...w, policies: [...w.policies, extra] })).reach();
      const id = `${extra.namespace}/pol${w.policies.length}`;
      for (const src of after.nodes) {
        for (const dst of after.nodes) {
          if (src === dst) continue;
          const [s, d] = [counterpart(before, src), counterpart(before, dst)];
          if (s === d) continue;
          const old = before.explain(s, d);
          const now = after.explain(src, dst);
          for (const side of ['ingress', 'egress'] as const) {
            if (old[side].status !== 'not-isolated' || now[side].status !== 'isolated') continue;
            assert.ok(now[side].allowedBy.every((c) => c.policy.id === id), `${side} of ${src.id} => ${dst.id} allowed by another policy`);
            assert.ok(within(now.connections, old.connections), `${src.id} => ${dst.id} gained connections`);
          }
        }
      }
    }),
    RUNS,
  );
});

test('property: results do not depend on file or document order', () => {
  fc.assert(
    fc.property(world, fc.infiniteStream(fc.nat()), (w, randoms) => {
      const objects = objectsOf(w);
      const shuffled = objects.map((_, i) => i).sort((a, b) => (randoms.next().value % 3) - 1 || a - b);
      const reference = connlist(workspaceOf(objects).reach());
      assert.deepEqual(connlist(workspaceOf(objects, shuffled).reach()), reference);
      // All objects in one file, as `---` documents in reverse order.
      const single = new Workspace();
      single.setFile('file:///w/all.yaml', [...objects].reverse().map((o) => JSON.stringify(o)).join('\n---\n'));
      assert.deepEqual(connlist(single.reach()), reference);
    }),
    RUNS,
  );
});

test('property: an incremental update after editing one policy equals a full computation', () => {
  fc.assert(
    fc.property(world, policy, fc.nat(), (w, replacement, pick) => {
      fc.pre(w.policies.length > 0);
      const index = NAMESPACES.length + w.pods.length + (pick % w.policies.length);
      assertIncrementalEdit(objectsOf(w), index, policyJson(replacement, pick % w.policies.length));
    }),
    RUNS,
  );
});
