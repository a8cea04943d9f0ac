// How the expected test/fixtures/describe/*.describe.txt files were made: with the real kubectl.
//
// It describes every NetworkPolicy of a YAML file with a kubectl binary (1.32), serving the
// policies from a minimal fake API server on 127.0.0.1 (discovery + GET) that plays the API
// server's part: it applies the server's defaults (policyTypes: Ingress, plus Egress when
// egress rules exist; protocol TCP) and puts a policy without a namespace in "default".
// kubectl prints the zero time as "Created on:" for a policy without creationTimestamp; that
// line is dropped, as netpol-lens prints it only from a timestamp in the file.
//
// Not part of the test suite (CI has no kubectl). Run by hand, then review the diff:
//   node scripts/kubectl-describe-oracle.mjs CASE.yaml [KUBECTL] > CASE.describe.txt
// Output: the describe texts, one blank line between policies (the CLI's separator).
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../package.json', import.meta.url));
const YAML = require('yaml');

const file = process.argv[2];
const kubectl = process.argv[3] ?? 'kubectl';
const docs = YAML.parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const objects = docs.flatMap((d) => (typeof d.kind === 'string' && d.kind.endsWith('List') ? d.items ?? [] : [d]));
const policies = objects.filter((o) => o && o.kind === 'NetworkPolicy').map(applyDefaults);

function applyDefaults(p) {
  const o = structuredClone(p);
  o.apiVersion = 'networking.k8s.io/v1';
  o.metadata ??= {};
  if (!o.metadata.namespace) o.metadata.namespace = 'default';
  o.spec ??= {};
  const rules = [...(o.spec.ingress ?? []), ...(o.spec.egress ?? [])];
  for (const rule of rules) for (const port of rule?.ports ?? []) if (port && port.protocol == null) port.protocol = 'TCP';
  if (!o.spec.policyTypes || o.spec.policyTypes.length === 0) {
    o.spec.policyTypes = ['Ingress'];
    if ((o.spec.egress ?? []).length > 0) o.spec.policyTypes.push('Egress');
  }
  return o;
}

const resources = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'networking.k8s.io/v1', resources: [{ name: 'networkpolicies', singularName: 'networkpolicy', namespaced: true, kind: 'NetworkPolicy', verbs: ['get', 'list'], shortNames: ['netpol'] }] };
const routes = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
  '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: [] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'networking.k8s.io', versions: [{ groupVersion: 'networking.k8s.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'networking.k8s.io/v1', version: 'v1' } }] },
  '/apis/networking.k8s.io/v1': resources,
};
for (const p of policies) routes[`/apis/networking.k8s.io/v1/namespaces/${p.metadata.namespace}/networkpolicies/${p.metadata.name}`] = p;

const server = createServer((req, res) => {
  const body = routes[new URL(req.url, 'http://x').pathname];
  res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const cache = mkdtempSync(join(tmpdir(), 'kubectl-cache-'));
  const outputs = [];
  for (const p of policies) {
    const args = ['describe', 'networkpolicy', p.metadata.name, '-n', p.metadata.namespace, `--server=http://127.0.0.1:${port}`, `--cache-dir=${cache}`];
    const text = await new Promise((resolve, reject) => execFile(kubectl, args, { env: { PATH: process.env.PATH, TZ: 'UTC', KUBECONFIG: '/dev/null', HOME: cache } }, (err, stdout, stderr) => (err ? reject(new Error(stderr || String(err))) : resolve(stdout))));
    // The file had no creationTimestamp, so the zero time kubectl prints is not the file's: drop it.
    const hasTimestamp = p.metadata.creationTimestamp != null;
    outputs.push(hasTimestamp ? text : text.split('\n').filter((l) => !l.startsWith('Created on:')).join('\n'));
  }
  server.close();
  rmSync(cache, { recursive: true, force: true });
  process.stdout.write(outputs.join('\n'));
});
