/**
 * The cluster profile in the editor, over stdio: the `netpolLens.kubernetesVersion` setting
 * and the workspace's `.netpol-lens.yaml` decide which release judges the manifests, the
 * file wins over the setting, and editing the file on disk judges everything again. The
 * CLI reads the same file (test/fixtures/cli/profile), so both say the same.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver/node';
import { IndexStatusNotification, type IndexStatusParams } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { fixture } from '../support/paths';

const POLICY = fs.readFileSync(fixture('cli', 'profile', 'cluster-1-35', 'policy.yaml'), 'utf8');
const clients: LspClient[] = [];
after(() => clients.forEach((c) => c.kill()));

function folderWith(profile: string | undefined): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-profile-'));
  fs.writeFileSync(path.join(folder, 'policy.yaml'), POLICY);
  if (profile !== undefined) fs.writeFileSync(path.join(folder, '.netpol-lens.yaml'), profile);
  return folder;
}

async function hostBits(folder: string, settings: Record<string, unknown> = {}): Promise<{ client: LspClient; severity: number | undefined; message: string }> {
  const client = await LspClient.start({ workspaceFolders: [folder], settings });
  clients.push(client);
  await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready');
  const uri = fileUri(path.join(folder, 'policy.yaml'));
  client.open(uri, POLICY);
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'netpol/cidr-host-bits'));
  const found = published.diagnostics.find((d) => d.code === 'netpol/cidr-host-bits')!;
  return { client, severity: found.severity, message: String(found.message) };
}

test('without a profile the newest release judges, and the message says it was assumed', async () => {
  const { severity, message } = await hostBits(folderWith(undefined));
  assert.equal(severity, 1);
  assert.match(message, /\(assumed: the newest release\) rejects it/);
});

test('the setting names the release', async () => {
  const { severity, message } = await hostBits(folderWith(undefined), { netpolLens: { kubernetesVersion: '1.34' } });
  assert.equal(severity, 2);
  assert.match(message, /Kubernetes 1\.34 accepts it with a warning; from 1\.36/);
});

test('the profile file wins over the setting, and editing it judges the open file again', async () => {
  const folder = folderWith('kubernetesVersion: "1.35"\n');
  const { client, severity, message } = await hostBits(folder, { netpolLens: { kubernetesVersion: '1.34' } });
  assert.equal(severity, 2);
  assert.match(message, /Kubernetes 1\.35 accepts it/);
  const file = path.join(folder, '.netpol-lens.yaml');
  fs.writeFileSync(file, 'kubernetesVersion: "1.36"\n');
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: FileChangeType.Changed }] });
  const uri = fileUri(path.join(folder, 'policy.yaml'));
  const again = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'netpol/cidr-host-bits' && d.severity === 1));
  assert.match(String(again.diagnostics.find((d) => d.code === 'netpol/cidr-host-bits')!.message), /Kubernetes 1\.36 rejects it/);
});

const DNS_POLICY = fs.readFileSync(fixture('cli', 'profile', 'dns-ipblock', 'policy.yaml'), 'utf8');

/** The codes of the diagnostics the server publishes for the DNS-through-ipBlock policy, once the workspace is indexed. */
async function dnsCodes(profile: string | undefined, settings: Record<string, unknown>, expect: (codes: string[]) => boolean): Promise<string[]> {
  const folder = folderWith(profile);
  fs.writeFileSync(path.join(folder, 'policy.yaml'), DNS_POLICY);
  const client = await LspClient.start({ workspaceFolders: [folder], settings });
  clients.push(client);
  await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready');
  const uri = fileUri(path.join(folder, 'policy.yaml'));
  client.open(uri, DNS_POLICY);
  const published = await client.waitForDiagnostics(uri, (p) => expect(p.diagnostics.map((d) => String(d.code))));
  return published.diagnostics.map((d) => String(d.code)).sort();
}

test('the plugin setting decides whether DNS through an ipBlock reaches kube-dns', async () => {
  const generic = await dnsCodes(undefined, { netpolLens: { podCidrs: ['10.244.0.0/16'] } }, (codes) => codes.includes('netpol/egress-without-dns'));
  assert.ok(generic.includes('netpol/egress-without-dns'));
  const calico = await dnsCodes(undefined, { netpolLens: { plugin: 'calico', podCidrs: ['10.244.0.0/16'] } }, () => true);
  assert.ok(!calico.includes('netpol/egress-without-dns'), calico.join(', '));
});

test('the profile file names the Service range, and an ipBlock inside it is flagged', async () => {
  const codes = await dnsCodes('serviceCidrs: [10.96.0.0/12]\n', {}, (found) => found.includes('profile/service-range'));
  assert.ok(codes.includes('profile/service-range'));
});
