/**
 * The panel matrix's diagonal: a pod's traffic to itself is always allowed. A bare
 * Pod's cell with itself is allowed with a note; a Deployment's keeps the policies'
 * verdict between two of its replicas and gains the note; an external range's stays
 * denied. The connlist still lists no self pairs, and the explain trace says which
 * self pair it is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { connlistLines } from '../../server/src/evaluate/format-connlist';
import { portMatrixView } from '../../server/src/workspace/port-matrix';
import { matrixView, traceDto, type LocateSource } from '../../server/src/workspace/reach-view';
import { Workspace } from '../../server/src/workspace/workspace';
import { fixture } from '../support/paths';
import { matrixCell } from '../support/matrix-cells';

const MANIFESTS = fixture('reach', 'self-traffic', 'manifests.yaml');
const WEB = 'self/web[Deployment]';
const SOLO = 'self/solo[Pod]';
const IPV4 = '0.0.0.0-255.255.255.255[External]';

function workspace(): Workspace {
  const ws = new Workspace();
  ws.setFile(pathToFileURL(MANIFESTS).toString(), fs.readFileSync(MANIFESTS, 'utf8'));
  return ws;
}

const locate: LocateSource = (source) => ({ uri: source.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

test("a bare Pod's diagonal cell is allowed, with the note that its traffic to itself always is", () => {
  const ws = workspace();
  const view = matrixView(ws.reach(), { version: ws.version, indexing: false }, locate);
  assert.deepEqual(matrixCell(view, SOLO, SOLO), { status: 'allowed', connections: 'All Connections', note: "a pod's traffic to itself is always allowed" });
  // Its policy still isolates it from everything else.
  assert.deepEqual(matrixCell(view, SOLO, WEB), { status: 'denied', connections: 'No Connections' });
});

test("a Deployment's diagonal cell keeps the verdict between two replicas and notes that each pod reaches itself", () => {
  const ws = workspace();
  const view = matrixView(ws.reach(), { version: ws.version, indexing: false }, locate);
  assert.deepEqual(matrixCell(view, WEB, WEB), { status: 'partial', connections: 'TCP 8080', note: 'each pod always reaches itself; between two of its pods the policies decide' });
  assert.deepEqual(matrixCell(view, IPV4, IPV4), { status: 'denied', connections: 'No Connections' });
});

test('the port matrix projects the diagonal through its filter and keeps the note', () => {
  const ws = workspace();
  const engine = ws.reach();
  const view = portMatrixView(engine, { version: ws.version, indexing: false }, locate, { protocol: 'TCP', port: 80 });
  assert.equal(matrixCell(view, SOLO, SOLO)?.status, 'allowed');
  assert.equal(matrixCell(view, WEB, WEB)?.status, 'denied');
  assert.equal(matrixCell(view, WEB, WEB)?.note, 'each pod always reaches itself; between two of its pods the policies decide');
});

test('the connlist lists no self pairs, as np-guard does', () => {
  const lines = connlistLines(workspace().reach());
  assert.ok(lines.length > 0);
  assert.ok(!lines.some((l) => l.startsWith(`${WEB} => ${WEB}`) || l.startsWith(`${SOLO} => ${SOLO}`)), lines.join('\n'));
});

test('the explain trace of a workload and itself says which self pair it is', () => {
  const engine = workspace().reach();
  const solo = traceDto(engine.explain(engine.node(SOLO)!, engine.node(SOLO)!), locate);
  assert.equal(solo.self, 'one-pod');
  assert.equal(solo.status, 'allowed');
  const web = traceDto(engine.explain(engine.node(WEB)!, engine.node(WEB)!), locate);
  assert.equal(web.self, 'replicas');
  assert.equal(web.connections, 'TCP 8080');
  const across = traceDto(engine.explain(engine.node(WEB)!, engine.node(SOLO)!), locate);
  assert.equal(across.self, undefined);
});
