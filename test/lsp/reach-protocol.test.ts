/**
 * The reachability requests over the real protocol: the server indexes a fixture
 * workspace folder (with work-done progress), answers netpolLens/reachabilityMatrix
 * and netpolLens/explainConnection, and follows unsaved edits of open buffers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ExplainConnectionRequest, IndexStatusNotification, ReachabilityMatrixRequest, type ExplainConnectionResult, type IndexStatusParams, type ReachabilityMatrixResult } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { matrixCell, nodeIds, nodesOf } from '../support/matrix-cells';
import { fixture } from '../support/paths';

const FOLDER = fixture('reach', 'both-sides');
const MANIFESTS = fixture('reach', 'both-sides', 'manifests.yaml');

function cell(matrix: ReachabilityMatrixResult, src: string, dst: string): { status: string; connections: string } {
  const found = matrixCell(matrix, src, dst);
  assert.ok(found, `no cell ${src} => ${dst} among ${nodeIds(matrix).join(', ')}`);
  return found;
}

describe('reachability over stdio', () => {
  let client: LspClient;
  /** `$/progress` reaches no catch-all handler of a message connection; it is collected here. */
  const progress: string[] = [];
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    client.connection.onUnhandledProgress((p) => progress.push((p.value as { kind: string }).kind));
  });
  after(() => client.kill());

  test('the first index reports work-done progress and then a ready status with its policy count', async () => {
    const status = await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files > 0);
    assert.equal(status.files, 1);
    assert.equal(status.policies, 2, 'manifests.yaml holds two NetworkPolicies');
    assert.ok(client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'), 'no progress token was created');
    assert.equal(progress[0], 'begin');
    assert.equal(progress[progress.length - 1], 'end');
  });

  test('the matrix has the workspace workloads and external ranges, with cell summaries', async () => {
    const matrix = await client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, {});
    assert.deepEqual(nodeIds(matrix), ['ns1/client[Pod]', 'ns1/server[Pod]', '0.0.0.0-255.255.255.255[External]', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]']);
    assert.deepEqual(matrix.groups.map((g) => [g.id, g.nodes]), [['ns1', [0, 1]], ['External', [2, 3]]]);
    assert.deepEqual(cell(matrix, 'ns1/client[Pod]', 'ns1/server[Pod]'), { status: 'partial', connections: 'TCP 80' });
    assert.deepEqual(cell(matrix, 'ns1/server[Pod]', 'ns1/client[Pod]'), { status: 'allowed', connections: 'All Connections' });
    assert.deepEqual(cell(matrix, 'ns1/client[Pod]', '0.0.0.0-255.255.255.255[External]'), { status: 'denied', connections: 'No Connections' });
    assert.equal(matrix.indexing, false);
    assert.equal(matrix.traces, undefined);
    // The node table read back: each file once, a node's range as numbers.
    assert.deepEqual(matrix.nodes.files, [fileUri(MANIFESTS)]);
    // A workload's id is its namespace, name and kind: the table leaves it out.
    assert.deepEqual(matrix.nodes.ids, ['', '', '0.0.0.0-255.255.255.255[External]', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]']);
    assert.deepEqual(nodesOf(matrix).slice(1, 3), [
      { id: 'ns1/server[Pod]', label: 'server', kind: 'workload', group: 'ns1', workloadKind: 'Pod', namespace: 'ns1', location: { uri: fileUri(MANIFESTS), range: { start: { line: 28, character: 0 }, end: { line: 32, character: 0 } } } },
      { id: '0.0.0.0-255.255.255.255[External]', label: 'all IPv4 addresses', kind: 'external', group: 'External' },
    ]);
  });

  test('traces carry the policy and rule locations', async () => {
    const matrix = await client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, { includeTraces: true });
    assert.equal(matrix.tracesComplete, true);
    const trace = matrix.traces?.['0:1'];
    assert.ok(trace);
    assert.equal(trace.connections, 'TCP 80');
    const rule = trace.ingress.allowedBy[0]!;
    assert.equal(rule.policy.id, 'ns1/server-in');
    const text = fs.readFileSync(MANIFESTS, 'utf8').split('\n');
    assert.match(text[rule.rule.range.start.line]!.slice(rule.rule.range.start.character), /^from: \[\{podSelector: \{\}\}\]/);
  });

  test('an unsaved edit of an open buffer changes the answer, and closing it restores the disk text', async () => {
    const uri = fileUri(MANIFESTS);
    client.open(uri, fs.readFileSync(MANIFESTS, 'utf8'));
    client.replace(uri, 'ports: [{port: 80}, {port: 8080}]', 'ports: [{port: 80}, {port: 443}]');
    const edited = await client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, {});
    assert.deepEqual(cell(edited, 'ns1/client[Pod]', 'ns1/server[Pod]'), { status: 'partial', connections: 'TCP 80,443' });
    const why = await client.request<ExplainConnectionResult>(ExplainConnectionRequest.method, { src: 'client', dst: 'ns1/server[Pod]', port: { port: 443, protocol: 'TCP' } });
    assert.equal(why.trace?.connections, 'TCP 80,443');
    assert.ok(why.text.includes('Port TCP/443: allowed.'), why.text.join('\n'));
    client.close(uri);
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.version > edited.version);
    const restored = await client.request<ReachabilityMatrixResult>(ReachabilityMatrixRequest.method, {});
    assert.deepEqual(cell(restored, 'ns1/client[Pod]', 'ns1/server[Pod]'), { status: 'partial', connections: 'TCP 80' });
  });

  test('explainConnection says which name it does not know', async () => {
    const why = await client.request<ExplainConnectionResult>(ExplainConnectionRequest.method, { src: 'nobody', dst: 'client' });
    assert.equal(why.trace, undefined);
    assert.match(why.error ?? '', /no workload or external address matches "nobody"/);
  });
});
