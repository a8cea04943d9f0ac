// @ts-check
// Generates a large, realistic workspace as YAML texts: namespaces with team/env
// labels, Deployments whose pods share a limited set of label combinations (as
// replicas and sibling services do), and a mix of the policies teams write:
// default deny, DNS egress, same-namespace tiers, cross-namespace access by
// labels, named and ranged ports, and ipBlocks with excepts.
//
// `shape` bends the standard mix towards what makes reachability expensive:
//   'ipblocks'      every other policy admits and sends to address blocks of its own, each
//                   with excepts, so the address space splits into thousands of ranges;
//   'named-ports'   every app declares six named ports at numbers of its own namespace, and
//                   half the policies name ports in ingress and egress rules;
//   'unique-labels' every workload carries a label no other has (as `instance` does).

const TIERS = ['web', 'api', 'db', 'cache'];
const ENVS = ['prod', 'staging', 'dev'];

export const SHAPES = ['standard', 'ipblocks', 'named-ports', 'unique-labels'];

/**
 * `{ files: Map<uri, text>, workloads, policies, namespaces }` for the given sizes.
 * @param {{ namespaces?: number, workloads?: number, policies?: number, shape?: string }} [options]
 */
export function generateWorkspace({ namespaces = 50, workloads = 2000, policies = 1000, shape = 'standard' } = {}) {
  if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}: one of ${SHAPES.join(', ')}`);
  const files = new Map();
  const perNs = Math.ceil(workloads / namespaces);
  const policiesPerNs = Math.ceil(policies / namespaces);
  let workloadCount = 0;
  let policyCount = 0;
  for (let n = 0; n < namespaces; n++) {
    const ns = `ns-${String(n).padStart(2, '0')}`;
    const docs = [namespaceDoc(ns, n)];
    for (let j = 0; j < perNs && workloadCount < workloads; j++, workloadCount++) docs.push(deploymentDoc(ns, n, j, shape));
    files.set(`file:///bench/${ns}/workloads.yaml`, docs.join('---\n'));
    const pols = [];
    for (let k = 0; k < policiesPerNs && policyCount < policies; k++, policyCount++) pols.push(shapedPolicyDoc(ns, n, k, shape));
    files.set(`file:///bench/${ns}/policies.yaml`, pols.join('---\n'));
  }
  return { files, workloads: workloadCount, policies: policyCount, namespaces };
}

/**
 * @param {string} ns
 * @param {number} n
 */
function namespaceDoc(ns, n) {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    team: t${n % 5}\n    env: ${ENVS[n % 3]}\n`;
}

/**
 * 10 apps x 4 tiers, cycled: 20 distinct label sets per namespace for 40 workloads; an app's port is its own.
 * @param {string} ns
 * @param {number} n
 * @param {number} j
 * @param {string} shape
 */
function deploymentDoc(ns, n, j, shape) {
  const app = `app-${j % 10}`;
  const tier = TIERS[j % 4];
  if (shape === 'unique-labels') return uniqueLabelsDeployment(ns, app, tier, j);
  if (shape === 'named-ports') return namedPortsDeployment(ns, n, app, tier, j);
  const labels = `app: ${app}, tier: ${tier}`;
  return deployment({ ns, name: `${app}-${tier}-${j}`, app, replicas: 3, selector: labels, labels, ports: standardPorts(j) });
}

/**
 * @param {string} ns
 * @param {number} n
 * @param {number} k
 */
function policyDoc(ns, n, k) {
  const head = (/** @type {string} */ name) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n`;
  switch (k % 10) {
    case 0:
      return head(`default-deny-${k}`) + '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
    case 1:
      return head(`dns-${k}`) + `  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]\n      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]\n`;
    case 2:
      return head(`web-to-api-${k}`) + `  podSelector: {matchLabels: {tier: api}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {tier: web}}}]\n      ports: [{port: http}]\n`;
    case 3:
      return head(`api-egress-${k}`) + `  podSelector: {matchLabels: {tier: api}}\n  policyTypes: [Egress]\n  egress:\n    - to: [{podSelector: {matchExpressions: [{key: tier, operator: In, values: [db, cache]}]}}]\n      ports: [{port: 5432}, {port: 6379}]\n`;
    case 4:
      return head(`cross-team-${k}`) + `  podSelector: {matchLabels: {app: app-${k % 10}}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: t${(n + 1) % 5}}}\n          podSelector: {matchLabels: {app: app-${(k + 1) % 10}}}\n      ports: [{port: 8080, endPort: 8090}]\n`;
    case 5:
      return head(`metrics-${k}`) + `  podSelector: {}\n  ingress:\n    - from: [{namespaceSelector: {matchLabels: {env: ${ENVS[k % 3]}}}, podSelector: {matchLabels: {tier: web}}}]\n      ports: [{port: metrics}]\n`;
    case 6:
      return head(`external-${k}`) + `  podSelector: {matchLabels: {tier: web}}\n  policyTypes: [Ingress, Egress]\n  ingress:\n    - from: [{ipBlock: {cidr: 10.${n}.0.0/16, except: [10.${n}.${k}.0/24]}}]\n      ports: [{port: 443}]\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}}]\n      ports: [{port: 443}]\n`;
    case 7:
      return head(`not-prod-${k}`) + `  podSelector: {matchLabels: {tier: db}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}\n      ports: [{port: 5432}]\n`;
    case 8:
      return head(`same-app-${k}`) + `  podSelector: {matchLabels: {app: app-${k % 10}}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {app: app-${k % 10}}}}]\n`;
    default:
      return head(`udp-range-${k}`) + `  podSelector: {matchLabels: {tier: cache}}\n  ingress:\n    - from: [{podSelector: {}}]\n      ports: [{protocol: UDP, port: 30000, endPort: 30100}, {protocol: SCTP, port: 7000}]\n`;
  }
}

/**
 * @param {string} ns
 * @param {string} app
 * @param {string} tier
 * @param {number} j
 */
function uniqueLabelsDeployment(ns, app, tier, j) {
  const name = `${app}-${tier}-${j}`;
  return deployment({ ns, name, app, selector: `app: ${app}, tier: ${tier}, instance: ${name}`, labels: `app: ${app}, tier: ${tier}, instance: ${name}, build: b${j}`, ports: standardPorts(j) });
}

const PORT_NAMES = ['http', 'grpc', 'admin', 'metrics', 'health', 'debug'];

/**
 * Six named ports whose numbers depend on the namespace and the app: 500 distinct
 * declared-port sets in 50 namespaces, the same pod classes as the standard mix.
 * @param {string} ns
 * @param {number} n
 * @param {string} app
 * @param {string} tier
 * @param {number} j
 */
function namedPortsDeployment(ns, n, app, tier, j) {
  const ports = PORT_NAMES.map((name, i) => `            - {name: ${name}, containerPort: ${8000 + i * 100 + ((n * 10 + (j % 10)) * (i + 1)) % 97}}`).join('\n');
  const labels = `app: ${app}, tier: ${tier}`;
  return deployment({ ns, name: `${app}-${tier}-${j}`, app, selector: labels, labels, ports });
}

/** The two ports every Deployment but the named-ports shape's declares. @param {number} j */
function standardPorts(j) {
  return `            - {name: http, containerPort: ${8080 + ((j % 10) % 3)}}\n            - {name: metrics, containerPort: 9100}`;
}

/**
 * A Deployment of one container; `selector` and `labels` are flow-map contents, `ports` the list's lines.
 * @param {{ ns: string, name: string, app: string, replicas?: number, selector: string, labels: string, ports: string }} d
 */
function deployment({ ns, name, app, replicas, selector, labels, ports }) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${replicas === undefined ? '' : `  replicas: ${replicas}\n`}  selector:
    matchLabels: {${selector}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
        - name: main
          image: registry.example/${app}:1.0
          ports:
${ports}
`;
}

/**
 * @param {string} ns
 * @param {number} n
 * @param {number} k
 * @param {string} shape
 */
function shapedPolicyDoc(ns, n, k, shape) {
  if (k % 10 === 0 || k % 2 === 0 || shape === 'standard' || shape === 'unique-labels') return policyDoc(ns, n, k);
  const head = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${shape}-${k}\n  namespace: ${ns}\nspec:\n`;
  const app = `app-${k % 10}`;
  if (shape === 'ipblocks') {
    // A /24 of the namespace's own /16 with two holes, and a /24 outside it with one.
    const third = k % 256;
    return (
      head +
      `  podSelector: {matchLabels: {app: ${app}, tier: web}}\n  policyTypes: [Ingress, Egress]\n  ingress:\n` +
      `    - from: [{ipBlock: {cidr: 10.${n}.${third}.0/24, except: [10.${n}.${third}.${(k * 16) % 256}/28, 10.${n}.${third}.${(k * 16 + 128) % 256}/29]}}]\n      ports: [{port: 443}]\n` +
      `  egress:\n    - to: [{ipBlock: {cidr: 172.${16 + (n % 16)}.${third}.0/24, except: [172.${16 + (n % 16)}.${third}.${(k * 8) % 256}/29]}}]\n      ports: [{port: 8443}]\n`
    );
  }
  // named-ports: ingress and egress rules that name ports, resolved at each destination.
  const [a, b] = [PORT_NAMES[k % 6], PORT_NAMES[(k + 2) % 6]];
  return (
    head +
    `  podSelector: {matchLabels: {app: ${app}}}\n  policyTypes: [Ingress, Egress]\n  ingress:\n` +
    `    - from: [{namespaceSelector: {matchLabels: {team: t${n % 5}}}, podSelector: {matchLabels: {tier: ${TIERS[k % 4]}}}}]\n      ports: [{port: ${a}}, {port: ${b}}]\n` +
    `  egress:\n    - to: [{namespaceSelector: {matchLabels: {env: ${ENVS[k % 3]}}}, podSelector: {matchLabels: {tier: ${TIERS[(k + 1) % 4]}}}}]\n      ports: [{port: ${b}}, {port: ${a}, protocol: TCP}]\n`
  );
}
