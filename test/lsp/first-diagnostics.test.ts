/**
 * The first file opened in a workspace gets its diagnostics before the server starts
 * reading the workspace: a new user sees findings as soon as the server runs, and
 * the index refreshes them with workspace findings once it has read the folder.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { IndexStatusNotification, type IndexStatusParams } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { fixture } from '../support/paths';

const FOLDER = fixture('workspace-findings', 'mismatches');
const POLICIES = fixture('workspace-findings', 'mismatches', 'policies.yaml');
const PUBLISH = 'textDocument/publishDiagnostics';

describe('first diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
  });
  after(() => client.kill());

  test('the opened file is published before the workspace index starts, then refreshed with workspace findings', async () => {
    const uri = fileUri(POLICIES);
    client.open(uri, fs.readFileSync(POLICIES, 'utf8'));
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files === 2);
    const order = client.notifications.filter((n) => n.method === PUBLISH || n.method === IndexStatusNotification.method).map((n) => (n.method === PUBLISH ? 'diagnostics' : `status ${(n.params as IndexStatusParams).state}`));
    assert.equal(order[0], 'diagnostics', `the first message is the opened file's diagnostics: ${order.join(', ')}`);
    const refreshed = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'netpol/selects-nothing'));
    assert.ok(refreshed, 'after the index, the workspace finding is there');
  });
});
