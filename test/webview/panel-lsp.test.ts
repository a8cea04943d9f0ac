/**
 * The panel's requests over the real protocol: the built server indexes
 * examples/tutorial, then answers netpolLens/portMatrix, netpolLens/whatIf (an
 * unsaved buffer against the file on disk), netpolLens/policyFocus,
 * netpolLens/exportReach and the policy code lenses. Nothing is written to disk.
 */
import { matrixCell, nodeIds } from '../support/matrix-cells';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { ExportReachRequest, IndexStatusNotification, PolicyFocusRequest, PortMatrixRequest, SHOW_REACHABILITY_COMMAND, WhatIfRequest, type ExportReachResult, type IndexStatusParams, type PolicyFocusResult, type ReachabilityMatrixResult, type WhatIfResult } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { EXAMPLES } from '../support/paths';

const FOLDER = path.join(EXAMPLES, 'tutorial');
const POLICIES = path.join(FOLDER, 'policies.yaml');
const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const FRONTEND = 'default/frontend[Deployment]';
const BACKEND = 'default/backend[Deployment]';

function cell(matrix: ReachabilityMatrixResult, src: string, dst: string): string {
  const ids = nodeIds(matrix);
  const row = ids.indexOf(src);
  const col = ids.indexOf(dst);
  const c = row >= 0 && col >= 0 ? matrixCell(matrix, src, dst) : undefined;
  return c ? `${c.status} ${c.connections}` : 'missing';
}

describe('panel requests over stdio', () => {
  let client: LspClient;
  const uri = fileUri(POLICIES);
  const text = fs.readFileSync(POLICIES, 'utf8');
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files > 0);
  });
  after(() => client.kill());

  test('portMatrix sees the matrix through a port filter', async () => {
    const tcp80 = await client.request<ReachabilityMatrixResult>(PortMatrixRequest.method, { ports: { protocol: 'TCP', port: 80 } });
    assert.equal(cell(tcp80, B1, FRONTEND), 'allowed TCP 80');
    assert.equal(cell(tcp80, B1, '0.0.0.0-255.255.255.255[External]'), 'allowed TCP 80');
    assert.equal(cell(tcp80, B1, BACKEND), 'denied No Connections');
    const udp = await client.request<ReachabilityMatrixResult>(PortMatrixRequest.method, { ports: { protocol: 'UDP' } });
    assert.equal(cell(udp, B1, FRONTEND), 'denied No Connections');
    assert.equal(cell(udp, FRONTEND, '0.0.0.0-255.255.255.255[External]'), 'allowed UDP 1-65535');
  });

  test('a Show reachability lens above each policy, beside the lenses that count', async () => {
    client.open(uri, text);
    const all = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // The panel's lenses carry their command at once; the count lenses beside them are resolved later.
    const lenses = all.filter((l) => l.command?.command === SHOW_REACHABILITY_COMMAND);
    assert.equal(all.length, 3 * lenses.length, 'each policy has the panel lens and two count lenses');
    // Each lens sits on the first line of its policy's document.
    const starts = text.split('\n').flatMap((l, i) => (l === 'apiVersion: networking.k8s.io/v1' ? [i] : []));
    assert.equal(starts.length, 3);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [starts[0], 'Show reachability', SHOW_REACHABILITY_COMMAND],
        [starts[1], 'Show reachability', SHOW_REACHABILITY_COMMAND],
        [starts[2], 'Show reachability', SHOW_REACHABILITY_COMMAND],
      ],
    );
    assert.deepEqual(lenses[1]!.command?.arguments, [uri, { line: starts[1], character: 0 }]);
    // The buffer stays open for the next test: closing and reopening at once races the
    // index's re-read of the closed file from disk (see the report).
  });

  test('whatIf compares an unsaved buffer with the file on disk, and focus follows the buffer', async () => {
    client.replace(uri, 'access: full', 'access: frontend');
    const whatIf = await client.request<WhatIfResult>(WhatIfRequest.method, {});
    assert.deepEqual(whatIf.unsavedFiles, [uri]);
    assert.deepEqual(
      whatIf.changes.map((c) => `${c.src} => ${c.dst}: +${c.added} -${c.removed}`),
      [`${B1} => ${BACKEND}: +TCP 80 -No Connections`, `${B2} => ${BACKEND}: +No Connections -TCP 80`],
    );
    const line = text.split('\n').findIndex((l) => l.includes('access: full'));
    const focus = await client.request<PolicyFocusResult>(PolicyFocusRequest.method, { uri, position: { line, character: 10 } });
    assert.equal(focus.policy?.id, 'default/default-access-backend');
    assert.deepEqual(focus.selected, [BACKEND]);
    assert.deepEqual(focus.flows.map((f) => `${f.src} => ${f.dst} ${f.effective}`), [`${B1} => ${BACKEND} TCP 80`]);
    assert.equal(text.split('\n')[focus.policy!.location.range.start.line + 3], '  name: default-access-backend');
    const exported = await client.request<ExportReachResult>(ExportReachRequest.method, { format: 'connlist' });
    assert.ok(exported.text.split('\n').includes(`${B1} => ${BACKEND} : TCP 80`), exported.text);
    // A small workspace's export is one piece: no cursor to ask on with; a cursor never given is refused.
    assert.equal(exported.cursor, undefined);
    assert.match((await client.request<ExportReachResult>(ExportReachRequest.method, { format: 'connlist', cursor: '1.1' })).error ?? '', /interrupted/);
    const json = JSON.parse((await client.request<ExportReachResult>(ExportReachRequest.method, { format: 'json' })).text) as { connections: { src: string; dst: string; conn: string }[] };
    assert.ok(json.connections.some((c) => c.src === B1 && c.dst === BACKEND && c.conn === 'TCP 80'));
    client.close(uri);
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.version > whatIf.version);
    const saved = await client.request<WhatIfResult>(WhatIfRequest.method, {});
    assert.deepEqual([saved.unsavedFiles, saved.changes], [[], []]);
  });
});
