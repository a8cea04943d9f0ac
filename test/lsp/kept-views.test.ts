/**
 * The panel's matrix and port matrix asked for again with nothing changed are answered
 * from the last answer, not computed again. The server logs each view it computes, so
 * the log shows how often the work was done; a changed filter or an edit computes anew.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { IndexStatusNotification, PortMatrixRequest, ReachabilityMatrixRequest, type IndexStatusParams, type ReachabilityMatrixResult } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { matrixCell } from '../support/matrix-cells';
import { fixture } from '../support/paths';

const FOLDER = fixture('reach', 'both-sides');
const MANIFESTS = fixture('reach', 'both-sides', 'manifests.yaml');

describe('views kept while nothing changes', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files > 0);
  });
  after(() => client.kill());

  const computed = (view: string): number => client.log.filter((line) => line.startsWith(`[window/logMessage] ${view} of workspace version `)).length;
  const portMatrix = (port: number) => client.request<ReachabilityMatrixResult>(PortMatrixRequest.method, { ports: { protocol: 'TCP', port } });
  const clientToServer = (matrix: ReachabilityMatrixResult) => matrixCell(matrix, 'ns1/client[Pod]', 'ns1/server[Pod]')?.status;

  test('the matrix is computed once while nothing changes', async () => {
    const first = await client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, {});
    assert.equal(computed('Matrix'), 1);
    assert.deepEqual(await client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, {}), first);
    assert.equal(computed('Matrix'), 1, 'asked again with nothing changed, it was computed again');
  });

  test('the port matrix is computed once for the same filter, again for another filter or after an edit', async () => {
    const first = await portMatrix(80);
    assert.equal(clientToServer(first), 'allowed');
    assert.equal(computed('Port matrix'), 1);
    assert.deepEqual(await portMatrix(80), first);
    assert.equal(computed('Port matrix'), 1, 'the same filter with nothing changed was computed again');

    assert.equal(clientToServer(await portMatrix(443)), 'denied');
    assert.equal(computed('Port matrix'), 2, 'another filter is another answer');
    assert.deepEqual(await portMatrix(80), first);
    assert.equal(computed('Port matrix'), 3, 'only the last answer is kept');

    const uri = fileUri(MANIFESTS);
    client.open(uri, fs.readFileSync(MANIFESTS, 'utf8'));
    client.replace(uri, 'ports: [{port: 80}, {port: 8080}]', 'ports: [{port: 8080}]');
    assert.equal(clientToServer(await portMatrix(80)), 'denied');
    assert.equal(computed('Port matrix'), 4, 'an edit makes a new workspace version');
  });
});
