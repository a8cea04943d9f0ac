/**
 * `check`'s DNS warning and `why` answer the same question, so they must agree: a
 * policy gets `netpol/egress-without-dns` exactly when the reachability engine denies
 * UDP 53 from the pods it selects to the kube-dns pods. An ipBlock is read as
 * addresses outside the cluster by both (it never selects the kube-dns pods).
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowsPort } from '../../server/src/ir/connection-set';
import { explainLines } from '../../server/src/evaluate/format-why';
import { Workspace } from '../../server/src/workspace/workspace';

const WORKLOADS = `
apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
spec:
  containers: [{name: coredns, image: coredns, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: web, image: nginx}]
`;

function policy(egress: string): string {
  return `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
${egress}`;
}

const CASES: Record<string, string> = {
  'everything but the metadata address': `    - to:
        - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}`,
  'the private range, UDP 53': `    - to:
        - ipBlock: {cidr: 10.0.0.0/8}
      ports: [{protocol: UDP, port: 53}]`,
  'kube-dns by selectors': `    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{protocol: UDP, port: 53}]`,
  'anywhere (no to)': `    - ports: [{protocol: UDP, port: 53}]`,
  'nothing (deny all)': `    []`,
};

for (const [name, egress] of Object.entries(CASES)) {
  test(`check and why agree on DNS: egress to ${name}`, () => {
    const ws = new Workspace();
    ws.setFile('file:///w/workloads.yaml', WORKLOADS);
    ws.setFile('file:///w/policy.yaml', policy(egress));
    const warned = ws.getFile('file:///w/policy.yaml')!.analysis.findings.some((f) => f.code === 'netpol/egress-without-dns');
    const engine = ws.reach();
    const web = engine.node('shop/web[Pod]')!;
    const dns = engine.node('kube-system/coredns[Pod]')!;
    assert.equal(engine.skippedPolicies.length, 0);
    const dnsAllowed = allowsPort(engine.connections(web, dns), 'UDP', 53);
    const why = explainLines(engine.explain(web, dns), (source) => source.uri, { protocol: 'UDP', port: 53 }).join('\n');
    assert.equal(warned, !dnsAllowed, `check ${warned ? 'warns' : 'is silent'}, but reach ${dnsAllowed ? 'allows' : 'denies'} UDP 53 to kube-dns:\n${why}`);
  });
}
