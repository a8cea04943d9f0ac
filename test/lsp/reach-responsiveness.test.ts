/**
 * Reachability never holds back typing: over the real protocol, a matrix request
 * on a workspace whose reachability takes many slices to compute is still being
 * computed when a keystroke arrives; the keystroke's diagnostics are published
 * first, and the matrix that follows already includes the edit (the computation
 * was superseded and started again). Order of messages is asserted, never a time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { IndexStatusNotification, ReachabilityMatrixRequest, type IndexStatusParams, type ReachabilityMatrixResult } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { manyWorkloads } from '../support/many-workloads';

let folder: string;
let client: LspClient;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-busy-'));
  for (const file of manyWorkloads(20, 60)) {
    fs.mkdirSync(path.join(folder, path.dirname(file.name)), { recursive: true });
    fs.writeFileSync(path.join(folder, file.name), file.text);
  }
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
  assert.equal(result.nodes.filter((n) => n.id.endsWith('[Deployment]')).length, 20 * 60);
});
