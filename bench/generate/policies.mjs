// @ts-check
/**
 * NetworkPolicies of the shapes people really write: default-deny, DNS egress, and
 * per-app allow rules whose peers mix matchLabels, matchExpressions,
 * namespaceSelector + podSelector in one peer, and ipBlocks with `except`; ports by
 * number, by name, and as endPort ranges. A few policies carry a deliberate mistake so
 * that both servers have real diagnostics to publish, not just empty lists.
 */
import { ENVS, TEAMS } from './workloads.mjs';

/** One policy in this many carries a mistake (a missing name or a retired apiVersion). */
const MISTAKE_EVERY = 40;

/**
 * @typedef {import('./random.mjs').Random} Random
 * @typedef {import('./yaml-writer.mjs').YamlWriter} YamlWriter
 * @typedef {import('./workloads.mjs').NamespaceInfo} NamespaceInfo
 * @typedef {import('./workloads.mjs').App} App
 */

/**
 * Writes a sequence item: the first line gets the `- ` marker, the rest line up under it.
 * @param {YamlWriter} out
 * @param {number} level
 * @param {string[]} lines relative lines, indented by two spaces per level
 */
function item(out, level, lines) {
  lines.forEach((text, i) => out.line(i === 0 ? level : level + 1, i === 0 ? `- ${text}` : text));
}

/**
 * Lines for `key: selector`, with the body one level deeper.
 * @param {Random} random
 * @param {string} key
 * @param {Record<string, string>} labels
 * @param {Record<string, string[]>} choices values an expression may draw from, by label key
 * @param {readonly string[]} [operators] what expressions may use; a policy's own pods are chosen with `In`
 */
function selector(random, key, labels, choices, operators = ['In', 'In', 'NotIn']) {
  const mode = random.pick(['labels', 'labels', 'labels', 'expressions', 'expressions', 'both']);
  const body = [];
  if (mode !== 'expressions') {
    body.push('matchLabels:', ...Object.entries(labels).map(([k, v]) => `  ${k}: ${v}`));
  }
  if (mode !== 'labels') {
    body.push('matchExpressions:');
    for (const [k, values] of Object.entries(choices).slice(0, random.int(1, 2))) {
      const operator = random.pick(operators);
      const chosen = random.sample(values, random.int(1, 3));
      if (random.chance(0.5)) {
        body.push(`  - key: ${k}`, `    operator: ${operator}`, `    values: [${chosen.map((v) => `"${v}"`).join(', ')}]`);
      } else {
        body.push(`  - key: ${k}`, `    operator: ${operator}`, '    values:', ...chosen.map((v) => `      - ${v}`));
      }
    }
    if (random.chance(0.3)) body.push('  - key: canary', `    operator: ${random.pick(['Exists', 'DoesNotExist'])}`);
  }
  return [`${key}:`, ...body.map((line) => `  ${line}`)];
}

/**
 * One peer of a `from`/`to` list, as relative lines.
 * @param {Random} random
 * @param {NamespaceInfo} ns
 */
function peer(random, ns) {
  const app = random.pick(ns.apps);
  const appChoices = { app: ns.apps.map((a) => a.name), tier: ['frontend', 'backend', 'data'] };
  const shape = random.pick(['pod', 'pod', 'namespaceAndPod', 'namespace', 'ipBlock']);
  if (shape === 'pod') return selector(random, 'podSelector', { app: app.name }, appChoices);
  const otherTeam = random.pick(TEAMS);
  /** @type {Record<string, string>} */
  const nsLabels = random.chance(0.5) ? { 'kubernetes.io/metadata.name': `${otherTeam}-${ns.env}-0` } : { team: otherTeam, env: ns.env };
  const nsPart = selector(random, 'namespaceSelector', nsLabels, { team: TEAMS, env: ENVS });
  if (shape === 'namespace') return nsPart;
  if (shape === 'namespaceAndPod') return [...nsPart, ...selector(random, 'podSelector', { app: app.name }, appChoices)];
  const octet = random.int(0, 250);
  const except = Array.from({ length: random.int(0, 3) }, (_, i) => `    - 10.${octet}.${i * 16 + random.int(0, 15)}.0/24`);
  return ['ipBlock:', `  cidr: 10.${octet}.0.0/16`, ...(except.length > 0 ? ['  except:', ...except] : [])];
}

/**
 * Writes `ports:` for a rule: by number, by container port name, a range, or flow style.
 * @param {YamlWriter} out
 * @param {Random} random
 * @param {number} level
 * @param {App} app
 */
function ports(out, random, level, app) {
  out.line(level, 'ports:');
  for (const port of random.sample(app.ports, random.int(1, 3))) {
    const shape = random.pick(['number', 'name', 'range', 'flow']);
    if (shape === 'number') item(out, level + 1, [`protocol: ${port.protocol}`, `port: ${port.port}`]);
    else if (shape === 'name') item(out, level + 1, [`port: ${port.name}`]);
    else if (shape === 'range') item(out, level + 1, ['protocol: TCP', `port: ${30000 + random.int(0, 100)}`, 'endPort: 32767']);
    else out.line(level + 1, `- { protocol: ${port.protocol}, port: ${port.port} }`);
  }
}

/**
 * The shared head of every policy, including the occasional deliberate mistake.
 * @param {YamlWriter} out
 * @param {Random} random
 * @param {string} name
 * @param {NamespaceInfo} ns
 * @param {string} why
 */
function head(out, random, name, ns, why) {
  out.separator();
  out.comment(0, why);
  const mistake = random.int(1, MISTAKE_EVERY) === 1 ? random.pick(['apiVersion', 'name']) : undefined;
  out.line(0, `apiVersion: networking.k8s.io/${mistake === 'apiVersion' ? 'v1beta1' : 'v1'}`);
  out.line(0, 'kind: NetworkPolicy');
  out.line(0, 'metadata:');
  if (mistake !== 'name') out.line(1, `name: ${name}`);
  out.line(1, `namespace: ${ns.name}`);
  if (random.chance(0.3)) out.map(1, 'labels', { team: ns.team, 'managed-by': 'platform' });
  out.line(0, 'spec:');
}

/**
 * @param {YamlWriter} out
 * @param {Random} random
 * @param {NamespaceInfo} ns
 */
export function writeDefaultDeny(out, random, ns) {
  const both = random.chance(0.5);
  head(out, random, both ? 'default-deny-all' : 'default-deny-ingress', ns, 'Deny everything not allowed by a more specific policy.');
  out.line(1, 'podSelector: {}');
  out.line(1, 'policyTypes:');
  out.line(2, '- Ingress');
  if (both) out.line(2, '- Egress');
}

/**
 * @param {YamlWriter} out
 * @param {Random} random
 * @param {NamespaceInfo} ns
 */
export function writeDnsEgress(out, random, ns) {
  head(out, random, 'allow-dns-egress', ns, 'Every pod may resolve names through the cluster DNS.');
  out.line(1, 'podSelector: {}');
  out.line(1, 'policyTypes: ["Egress"]');
  out.line(1, 'egress:');
  item(out, 2, ['to:']);
  item(out, 4, ['namespaceSelector:', '  matchLabels:', '    kubernetes.io/metadata.name: kube-system', 'podSelector:', '  matchLabels:', '    k8s-app: kube-dns']);
  out.line(3, 'ports:');
  item(out, 4, ['protocol: UDP', 'port: 53']);
  item(out, 4, ['protocol: TCP', 'port: 53']);
}

/**
 * An allow policy for one app, with 1-3 ingress rules and sometimes egress rules.
 * @param {YamlWriter} out
 * @param {Random} random
 * @param {NamespaceInfo} ns
 * @param {App} app
 */
export function writeAppPolicy(out, random, ns, app) {
  const egress = random.chance(0.35);
  head(out, random, `${app.name}-${egress ? 'traffic' : 'ingress'}-${random.int(1, 99)}`, ns, `Who may talk to ${app.name} (${app.tier}).`);
  for (const line of selector(random, 'podSelector', { app: app.name, tier: app.tier }, { app: [app.name], tier: [app.tier] }, ['In'])) out.line(1, line);
  out.line(1, 'policyTypes:');
  out.line(2, '- Ingress');
  if (egress) out.line(2, '- Egress');
  writeRules(out, random, ns, app, 'ingress', 'from');
  if (egress) writeRules(out, random, ns, app, 'egress', 'to');
}

/**
 * @param {YamlWriter} out
 * @param {Random} random
 * @param {NamespaceInfo} ns
 * @param {App} app
 * @param {'ingress' | 'egress'} direction
 * @param {'from' | 'to'} peersKey
 */
function writeRules(out, random, ns, app, direction, peersKey) {
  out.line(1, `${direction}:`);
  for (let rule = random.int(1, 3); rule > 0; rule--) {
    if (random.chance(0.3)) out.comment(2, `Rule for ${random.pick(['clients', 'monitoring', 'batch jobs', 'the mesh'])}.`);
    item(out, 2, [`${peersKey}:`]);
    for (let count = random.int(1, 3); count > 0; count--) item(out, 4, peer(random, ns));
    if (random.chance(0.8)) ports(out, random, 3, app);
  }
}
