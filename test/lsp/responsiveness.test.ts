/**
 * Workspace-wide work never holds back typing, over the real protocol. A matrix
 * request on a workspace whose reachability takes many slices to compute is still
 * being computed when a keystroke arrives; the keystroke's diagnostics are
 * published first, and the matrix that follows already includes the edit (the
 * computation was superseded and started again). And while the first index works
 * through one very large file, an edit in another file is diagnosed before the
 * index is done. Order of messages is asserted, never a time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { IndexStatusNotification, ReachabilityMatrixRequest, type IndexStatusParams, type ReachabilityMatrixResult } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { manyWorkloads } from '../support/many-workloads';
import { nodeIds } from '../support/matrix-cells';

function writeWorkspace(files: readonly { name: string; text: string }[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-busy-'));
  for (const file of files) {
    fs.mkdirSync(path.join(folder, path.dirname(file.name)), { recursive: true });
    fs.writeFileSync(path.join(folder, file.name), file.text);
  }
  return folder;
}

describe('reachability in slices', () => {
  let folder: string;
  let client: LspClient;

  before(async () => {
    folder = writeWorkspace(manyWorkloads(20, 60));
    client = await LspClient.start({ workspaceFolders: [folder] });
  });

  after(async () => {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("a keystroke's diagnostics come before a reachability answer still being computed, which then includes the keystroke", async () => {
    const ready = await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files > 0);
    const file = path.join(folder, 'team-3', 'policies.yaml');
    const uri = fileUri(file);
    client.open(uri, fs.readFileSync(file, 'utf8'));
    await client.waitForDiagnostics(uri, (p) => p.version === 1);

    let answered = false;
    const matrix = client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, {}).then((result) => {
      answered = true;
      return result;
    });
    // The edit breaks a port, so its diagnostics differ from the first publish.
    const version = client.replace(uri, '{port: 8000, endPort: 8002}', '{port: 8000, endPort: 7}');
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.equal(answered, false, 'the matrix was answered before the edit was even handled: its computation held the server');
    assert.ok(published.diagnostics.some((d) => d.code === 'netpol/invalid-end-port'), JSON.stringify(published.diagnostics));

    const changed = await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.version > ready.version);
    const result = await matrix;
    assert.ok(result.version >= changed.version, `the matrix is of workspace version ${result.version}, from before the edit (${changed.version})`);
    assert.equal(nodeIds(result).filter((id) => id.endsWith('[Deployment]')).length, 20 * 60);
  });
});

describe('indexing in slices', () => {
  let folder: string;
  let client: LspClient;
  /** Resolves when the index says it is reading the large file (a progress report names it). */
  let readingLargeFile: Promise<void>;

  before(async () => {
    // One file of about 12,000 lines, which the index analyses region by region, and a small one.
    const big = manyWorkloads(20, 25).map((file) => file.text).join('---\n');
    const small = manyWorkloads(1, 1).find((file) => file.name.endsWith('policies.yaml'))!;
    folder = writeWorkspace([{ name: 'all.yaml', text: big }, { name: 'small/policies.yaml', text: small.text }]);
    client = await LspClient.start({ workspaceFolders: [folder] });
    readingLargeFile = new Promise((resolve) => {
      client.connection.onUnhandledProgress((p) => {
        const value = p.value as { kind: string; message?: string };
        if (value.kind === 'report' && value.message?.startsWith('all.yaml (')) resolve();
      });
    });
  });

  after(async () => {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('an edit made while the first index reads a very large file is diagnosed before the index is done', async () => {
    let ready = false;
    void client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready').then(() => (ready = true));
    const file = path.join(folder, 'small', 'policies.yaml');
    const uri = fileUri(file);
    client.open(uri, fs.readFileSync(file, 'utf8'));
    await readingLargeFile;
    const version = client.replace(uri, '{port: 8000, endPort: 8002}', '{port: 8000, endPort: 7}');
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.equal(ready, false, 'the index finished before the edit was handled: reading the large file held the server');
    assert.ok(published.diagnostics.some((d) => d.code === 'netpol/invalid-end-port'), JSON.stringify(published.diagnostics));
    const status = await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready');
    assert.equal(status.files, 2);
  });
});
