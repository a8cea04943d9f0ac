/**
 * A generated workspace large enough that building its reachability takes many
 * steps: namespaces with Deployments of varied labels and ports, and policies that
 * select by labels across namespaces and open ports and ipBlocks. Deterministic.
 */
const TIERS = ['web', 'api', 'db', 'cache', 'queue'];

export interface GeneratedFile {
  readonly name: string;
  readonly text: string;
}

export function manyWorkloads(namespaces: number, perNamespace: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    const workloads = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    group: g${n % 4}\n`];
    for (let w = 0; w < perNamespace; w++) workloads.push(deployment(ns, w));
    files.push({ name: `${ns}/workloads.yaml`, text: workloads.join('---\n') });
    const policies = TIERS.map((tier, t) => policy(ns, n, tier, t));
    files.push({ name: `${ns}/policies.yaml`, text: policies.join('---\n') });
  }
  return files;
}

function deployment(ns: string, w: number): string {
  const tier = TIERS[w % TIERS.length]!;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${w}
  namespace: ${ns}
spec:
  selector:
    matchLabels: {app: app-${w}}
  template:
    metadata:
      labels: {app: app-${w}, tier: ${tier}, shard: s${w % 7}}
    spec:
      containers:
        - name: main
          image: example/app
          ports: [{name: http, containerPort: ${8000 + (w % 5)}}, {name: metrics, containerPort: 9090}]
`;
}

function policy(ns: string, n: number, tier: string, t: number): string {
  // Each tier talks to the next one: egress to it here, ingress from the previous tier there.
  const from = TIERS[(t + TIERS.length - 1) % TIERS.length]!;
  const to = TIERS[(t + 1) % TIERS.length]!;
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${tier}-access
  namespace: ${ns}
spec:
  podSelector:
    matchLabels: {tier: ${tier}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {tier: ${from}}}
        - namespaceSelector: {matchLabels: {group: g${(n + t) % 4}}}
          podSelector: {matchExpressions: [{key: shard, operator: In, values: [s${t}, s${t + 1}]}]}
      ports: [{port: http}, {port: ${8000 + t}, endPort: ${8002 + t}}]
  egress:
    - to:
        - namespaceSelector: {}
          podSelector: {matchLabels: {tier: ${to}}}
        - ipBlock: {cidr: 10.${n}.0.0/16, except: [10.${n}.${t}.0/24]}
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
`;
}
