// @ts-check
/**
 * The objects that surround policies in a real manifest: a Namespace per team, and a
 * Deployment plus a Service per app. Policies select these by their labels, so their
 * labels are the vocabulary the policy generator draws from.
 */

/**
 * @typedef {object} App
 * @property {string} name
 * @property {string} tier
 * @property {{ name: string, port: number, protocol: string }[]} ports
 *
 * @typedef {object} NamespaceInfo
 * @property {string} name
 * @property {string} team
 * @property {string} env
 * @property {App[]} apps
 */

export const TEAMS = ['payments', 'checkout', 'search', 'identity', 'catalog', 'shipping', 'analytics', 'platform', 'messaging', 'billing'];
export const ENVS = ['prod', 'staging', 'dev'];
const APP_NAMES = ['api', 'web', 'worker', 'cache', 'db', 'queue', 'auth', 'indexer', 'gateway', 'scheduler', 'exporter', 'frontend'];
const TIERS = ['frontend', 'backend', 'data', 'ops'];
const PORT_CHOICES = [
  { name: 'http', port: 8080, protocol: 'TCP' },
  { name: 'grpc', port: 9000, protocol: 'TCP' },
  { name: 'metrics', port: 9090, protocol: 'TCP' },
  { name: 'postgres', port: 5432, protocol: 'TCP' },
  { name: 'redis', port: 6379, protocol: 'TCP' },
  { name: 'statsd', port: 8125, protocol: 'UDP' },
];

/**
 * Decides a namespace's team, environment and apps.
 * @param {import('./random.mjs').Random} random
 * @param {number} index
 * @returns {NamespaceInfo}
 */
export function planNamespace(random, index) {
  const team = TEAMS[index % TEAMS.length];
  const env = random.pick(ENVS);
  const apps = random.sample(APP_NAMES, random.int(2, 5)).map((name) => ({
    name,
    tier: random.pick(TIERS),
    ports: random.sample(PORT_CHOICES, random.int(1, 3)),
  }));
  return { name: `${team}-${env}-${index}`, team, env, apps };
}

/**
 * @param {import('./yaml-writer.mjs').YamlWriter} out
 * @param {NamespaceInfo} ns
 */
export function writeNamespace(out, ns) {
  out.separator();
  out.comment(0, `Namespace of the ${ns.team} team (${ns.env}).`);
  out.line(0, 'apiVersion: v1');
  out.line(0, 'kind: Namespace');
  out.line(0, 'metadata:');
  out.line(1, `name: ${ns.name}`);
  out.map(1, 'labels', { team: ns.team, env: ns.env, 'kubernetes.io/metadata.name': ns.name });
}

/**
 * @param {import('./yaml-writer.mjs').YamlWriter} out
 * @param {import('./random.mjs').Random} random
 * @param {NamespaceInfo} ns
 * @param {App} app
 */
export function writeDeployment(out, random, ns, app) {
  const version = `${random.int(1, 3)}.${random.int(0, 12)}.${random.int(0, 9)}`;
  out.separator();
  out.line(0, 'apiVersion: apps/v1');
  out.line(0, 'kind: Deployment');
  out.line(0, 'metadata:');
  out.line(1, `name: ${app.name}`);
  out.line(1, `namespace: ${ns.name}`);
  out.map(1, 'labels', { app: app.name, tier: app.tier });
  out.line(0, 'spec:');
  out.line(1, `replicas: ${random.int(1, 6)}`);
  out.line(1, 'selector:');
  out.map(2, 'matchLabels', { app: app.name });
  out.line(1, 'template:');
  out.line(2, 'metadata:');
  out.map(3, 'labels', { app: app.name, tier: app.tier, version: `v${version}` });
  out.line(2, 'spec:');
  out.line(3, 'containers:');
  out.line(4, `- name: ${app.name}`);
  out.line(5, `image: registry.example.com/${ns.team}/${app.name}:${version}`);
  out.line(5, 'ports:');
  for (const port of app.ports) {
    out.line(6, `- name: ${port.name}`);
    out.line(7, `containerPort: ${port.port}`);
    if (port.protocol !== 'TCP' || random.chance(0.3)) out.line(7, `protocol: ${port.protocol}`);
  }
  out.line(5, 'resources:');
  out.map(6, 'requests', { cpu: `${random.pick([50, 100, 250, 500])}m`, memory: `${random.pick([64, 128, 256, 512])}Mi` });
}

/**
 * @param {import('./yaml-writer.mjs').YamlWriter} out
 * @param {NamespaceInfo} ns
 * @param {App} app
 */
export function writeService(out, ns, app) {
  out.separator();
  out.line(0, 'apiVersion: v1');
  out.line(0, 'kind: Service');
  out.line(0, 'metadata:');
  out.line(1, `name: ${app.name}`);
  out.line(1, `namespace: ${ns.name}`);
  out.line(0, 'spec:');
  out.map(1, 'selector', { app: app.name });
  out.line(1, 'ports:');
  for (const port of app.ports) {
    out.line(2, `- name: ${port.name}`);
    out.line(3, `port: ${port.port}`);
    out.line(3, `targetPort: ${port.name}`);
    if (port.protocol !== 'TCP') out.line(3, `protocol: ${port.protocol}`);
  }
}
