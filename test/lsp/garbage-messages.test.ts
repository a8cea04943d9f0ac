/**
 * Notifications and requests with parameters no editor would send, over the real
 * protocol: watched-file events with a URI that has a host, a URI with `%2F` or a
 * `changes` that is not an array once ended the process with code 1 (a rejected
 * promise nobody awaited). Every notification the server listens to gets every
 * garbage value; after each, the server must still be alive and answering, and
 * documents opened afterwards are still diagnosed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient } from '../support/lsp-client';
import { GARBAGE_PARAMS, NOTIFICATIONS, REQUESTS } from '../support/garbage-params';

const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x, namespace: y}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Sideways]\n';

describe('garbage parameters', () => {
  let folder: string;
  let client: LspClient;
  let opened = 0;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-garbage-'));
    fs.writeFileSync(path.join(folder, 'policy.yaml'), POLICY);
    client = await LspClient.start({ workspaceFolders: [folder] });
  });

  after(() => {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The server is alive, answers a request, and diagnoses a document opened now. */
  async function assertServing(after: string): Promise<void> {
    assert.equal(client.exitCode, undefined, `the server exited after ${after}`);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } }), null);
    const uri = `untitled:after-garbage-${opened++}.yaml`;
    client.open(uri, POLICY);
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'netpol/invalid-policy-type'), `${after}: ${JSON.stringify(published.diagnostics)}`);
    client.close(uri);
  }

  test('watched-file events with a host, %2F, odd types and a changes that is not an array', async () => {
    const events = [
      { changes: [{ uri: 'file://otherhost/x.yaml', type: 1 }] },
      { changes: [{ uri: fileUri(path.join(folder, 'a%2Fb.yaml')).replace('a%252Fb', 'a%2Fb'), type: 2 }] },
      { changes: [{ uri: `${fileUri(folder)}/sub%2Fdir/p.yaml`, type: 3 }] },
      { changes: 'x' },
      { changes: [null, 5, { uri: 7, type: 'created' }, { type: 1 }, { uri: fileUri(path.join(folder, 'policy.yaml')), type: 99 }] },
    ];
    for (const params of events) {
      client.notify('workspace/didChangeWatchedFiles', params);
      await assertServing(`didChangeWatchedFiles ${JSON.stringify(params)}`);
    }
  });

  test('every notification the server listens to, with every garbage value', async () => {
    for (const method of NOTIFICATIONS) {
      for (const params of GARBAGE_PARAMS) client.notify(method, params);
      await assertServing(method);
    }
  });

  test('every request, with every garbage value, is answered', async () => {
    for (const method of REQUESTS) {
      for (const params of GARBAGE_PARAMS) await client.request(method, params).catch((error: unknown) => error);
      await assertServing(method);
    }
    assert.equal(await client.shutdown(), 0);
  });
});
