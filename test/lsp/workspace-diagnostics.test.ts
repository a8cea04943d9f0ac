/**
 * Workspace-aware diagnostics over stdio: the server indexes a folder, publishes
 * "matches nothing" findings for a policy file, and refreshes them when another
 * file's unsaved edit makes the selector match, or when a file is created, changed
 * or deleted on disk (as the editor's file watcher reports it).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileChangeType, type CodeAction } from 'vscode-languageserver/node';
import { IndexStatusNotification, type IndexStatusParams } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { fixture } from '../support/paths';

const FOLDER = fixture('workspace-findings', 'mismatches');
const POLICIES = fixture('workspace-findings', 'mismatches', 'policies.yaml');
const WORKLOADS = fixture('workspace-findings', 'mismatches', 'workloads.yaml');

const codes = (params: { diagnostics: readonly { code?: string | number }[] }): string[] => params.diagnostics.map((d) => String(d.code));

describe('workspace-aware diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files === 2);
  });
  after(() => client.kill());

  test('a policy whose podSelector matches no workload gets netpol/selects-nothing', async () => {
    const uri = fileUri(POLICIES);
    client.open(uri, fs.readFileSync(POLICIES, 'utf8'));
    const published = await client.waitForDiagnostics(uri, (p) => codes(p).includes('netpol/selects-nothing'));
    const finding = published.diagnostics.find((d) => d.code === 'netpol/selects-nothing')!;
    assert.equal(finding.severity, 3);
    assert.equal(client.document(uri).getText(finding.range), 'podSelector');
  });

  test('relabelling the workload in another open buffer clears the finding without touching the policy file', async () => {
    const policies = fileUri(POLICIES);
    const workloads = fileUri(WORKLOADS);
    client.open(workloads, fs.readFileSync(WORKLOADS, 'utf8'));
    client.replace(workloads, 'labels: {app: web}', 'labels: {app: frontend}');
    const refreshed = await client.waitForNotification<{ uri: string; diagnostics: { code?: string | number }[] }>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === policies && !codes(p).includes('netpol/selects-nothing'),
    );
    assert.ok(!codes(refreshed).includes('netpol/selects-nothing'));
    // The other workspace findings of the file are still there.
    assert.ok(codes(refreshed).includes('netpol/named-port-undeclared'));
  });
});

describe('files that change on disk', () => {
  let client: LspClient;
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-watch-'));
    fs.copyFileSync(POLICIES, path.join(folder, 'policies.yaml'));
    client = await LspClient.start({ workspaceFolders: [folder] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files === 1);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** What an editor's file watcher reports, after the file system changed. */
  function watched(file: string, type: FileChangeType): void {
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type }] });
  }

  test("a workloads file created, changed and deleted on disk refreshes an open policy's workspace findings", async () => {
    const policies = fileUri(path.join(folder, 'policies.yaml'));
    const workloads = path.join(folder, 'workloads.yaml');
    client.open(policies, fs.readFileSync(POLICIES, 'utf8'));
    const publishes = (predicate: (codes: string[]) => boolean): Promise<unknown> =>
      client.waitForNotification<{ uri: string; diagnostics: { code?: string | number }[] }>('textDocument/publishDiagnostics', (p) => p.uri === policies && predicate(codes(p)));
    // No workload at all: the workspace findings stay silent.
    await publishes((c) => !c.includes('netpol/selects-nothing'));

    fs.writeFileSync(workloads, fs.readFileSync(WORKLOADS, 'utf8'));
    watched(workloads, FileChangeType.Created);
    await publishes((c) => c.includes('netpol/selects-nothing'));

    fs.writeFileSync(workloads, fs.readFileSync(WORKLOADS, 'utf8').replace('labels: {app: web}', 'labels: {app: frontend}'));
    watched(workloads, FileChangeType.Changed);
    await publishes((c) => !c.includes('netpol/selects-nothing') && c.includes('netpol/named-port-undeclared'));

    fs.rmSync(workloads);
    watched(workloads, FileChangeType.Deleted);
    await publishes((c) => !c.includes('netpol/named-port-undeclared'));
    const status = await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.files === 1);
    assert.equal(status.state, 'ready');
  });
});

describe('label typos and the cluster DNS over stdio', () => {
  const folder = fixture('workspace-findings', 'label-typo');
  const policies = fileUri(path.join(folder, 'policies.yaml'));
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [folder, fixture('workspace-findings', 'cluster-dns')] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files === 3);
  });
  after(() => client.kill());

  test('the typo finding names the nearest label and its quick fix writes it', async () => {
    client.open(policies, fs.readFileSync(path.join(folder, 'policies.yaml'), 'utf8'));
    const published = await client.waitForDiagnostics(policies, (p) => codes(p).includes('netpol/peer-matches-nothing'));
    const peer = published.diagnostics.find((d) => d.code === 'netpol/peer-matches-nothing')!;
    assert.match(String(peer.message), /did you mean app=web \(shop\/web\)\?/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: policies }, range: peer.range, context: { diagnostics: [peer] } });
    const fix = actions.find((a) => a.title === 'Change to app=web');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix.edit?.changes?.[policies] ?? [];
    assert.deepEqual(edits.map((e) => [client.document(policies).getText(e.range), e.newText]), [['wbe', 'web']]);
  });

  test('the DNS peer of a repository without kube-system manifests is not reported, its mistyped twin is', async () => {
    const uri = fileUri(path.join(fixture('workspace-findings', 'cluster-dns'), 'app.yaml'));
    client.open(uri, fs.readFileSync(path.join(fixture('workspace-findings', 'cluster-dns'), 'app.yaml'), 'utf8'));
    const published = await client.waitForDiagnostics(uri, (p) => codes(p).includes('netpol/peer-matches-nothing'));
    const peers = published.diagnostics.filter((d) => d.code === 'netpol/peer-matches-nothing');
    assert.deepEqual(peers.map((d) => d.range.start.line + 1), [48]);
    assert.match(String(peers[0]!.message), /did you mean k8s-app=kube-dns \(kube-system\/kube-dns\)\?/);
  });
});
