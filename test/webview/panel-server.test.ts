/**
 * The server side of the panel, as pure functions: port filters, set
 * differences, what-if between saved files and buffers (external ranges cut
 * differently on each side), focus on a policy, the saved-files workspace, and
 * the host's compact matrix and message checks.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { compactMatrix } from '../../client/src/panel/compact-matrix';
import { contentSecurityPolicy, panelHtml } from '../../client/src/panel/panel-html';
import { isPanelMatrix, isWebviewMessage, shownMatrix } from '../../client/src/webview-protocol';
import { MatrixNodeTableWriter } from '../../server/src/matrix-node-table';
import type { WorkloadNode } from '../../server/src/evaluate/reach-engine';
import { cellStatus, matrixView } from '../../server/src/workspace/reach-view';
import { subtractPorts } from '../../server/src/ir/port-set';
import { connectionsOf, formatConnections } from '../../server/src/ir/connection-set';
import { filterConnections, projectedCell } from '../../server/src/workspace/port-filter';
import { SavedWorkspace } from '../../server/src/workspace/saved-workspace';
import { Workspace } from '../../server/src/workspace/workspace';
import type { FlowChangeDto, MatrixCell, SourceLocation } from '../../server/src/protocol';
import { expandRuns } from '../../server/src/workspace/matrix-runs';
import { assertMatchesFile } from '../support/snapshot';
import { EXAMPLES, PROJECT_ROOT } from '../support/paths';
import { nodesOf } from '../support/matrix-cells';
import { ReachData, readFolder } from './support/reach-data';

const EXPECTED = path.join(PROJECT_ROOT, 'test', 'webview', 'expected');
const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const FRONTEND = 'default/frontend[Deployment]';
const BACKEND = 'default/backend[Deployment]';

function tutorialFiles(): { files: Map<string, string>; policies: string } {
  const files = readFolder(path.join(EXAMPLES, 'tutorial'));
  return { files, policies: [...files.keys()].find((u) => u.endsWith('policies.yaml'))! };
}

function changeLines(changes: readonly FlowChangeDto[]): string {
  return `${changes.map((c) => `${c.srcPart ?? c.src} => ${c.dstPart ?? c.dst} [${c.presence}]${c.srcPart || c.dstPart ? ` (in ${c.src} => ${c.dst})` : ''}\n    before ${c.before.status} ${c.before.connections}; after ${c.after.status} ${c.after.connections}; added ${c.added}; removed ${c.removed}`).join('\n')}\n`;
}

test('subtractPorts matches set difference on every small case', () => {
  const asSet = (ports: readonly number[]): Set<number> => {
    const set = new Set<number>();
    for (let i = 0; i < ports.length; i += 2) for (let p = ports[i]!; p <= ports[i + 1]!; p++) set.add(p);
    return set;
  };
  const intervals = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: number[] = [];
    // Pairs of sorted points with a gap between pairs: valid, merged port sets.
    for (let i = 0; i + 1 < sorted.length; i += 2) if (out.length === 0 || sorted[i]! > out[out.length - 1]! + 1) out.push(sorted[i]!, sorted[i + 1]!);
    return out;
  });
  fc.assert(
    fc.property(intervals, intervals, (a, b) => {
      const expected = [...asSet(a)].filter((p) => !asSet(b).has(p)).sort((x, y) => x - y);
      const actual = subtractPorts(a, b);
      assert.deepEqual([...asSet(actual)].sort((x, y) => x - y), expected);
      for (let i = 2; i < actual.length; i += 2) assert.ok(actual[i]! > actual[i - 1]! + 1, `not merged: ${actual.join(',')}`);
    }),
  );
  assert.deepEqual(subtractPorts([1, 65535], [80, 80]), [1, 79, 81, 65535]);
});

test('a port filter keeps the filtered connections, and a cell says how much of them is allowed', () => {
  assert.equal(formatConnections(filterConnections({ port: 80 })), 'SCTP 80,TCP 80,UDP 80');
  assert.equal(formatConnections(filterConnections({ protocol: 'UDP' })), 'UDP 1-65535');
  assert.equal(formatConnections(filterConnections({ protocol: 'TCP', port: 8080, endPort: 8090 })), 'TCP 8080-8090');
  const tcp80 = connectionsOf('TCP', [80, 80]);
  assert.deepEqual(projectedCell(tcp80, filterConnections({ port: 80 })), { status: 'partial', connections: 'TCP 80' });
  assert.deepEqual(projectedCell(tcp80, filterConnections({ protocol: 'TCP', port: 80 })), { status: 'allowed', connections: 'TCP 80' });
  assert.deepEqual(projectedCell(tcp80, filterConnections({ protocol: 'TCP', port: 443 })), { status: 'denied', connections: 'No Connections' });
  assert.deepEqual(projectedCell(tcp80, filterConnections(undefined)), { status: 'partial', connections: 'TCP 80' });
});

test('what-if finds exactly the pairs an unsaved policy edit changes', () => {
  const { files, policies } = tutorialFiles();
  const saved = new ReachData(files);
  const buffers = new ReachData(new Map(files).set(policies, files.get(policies)!.replace('access: full', 'access: frontend')));
  const changes = buffers.whatIf(saved, [policies]).changes;
  assert.deepEqual(
    changes.map((c) => [c.src, c.dst, c.added, c.removed, c.presence]),
    [
      [B1, BACKEND, 'TCP 80', 'No Connections', 'both'],
      [B2, BACKEND, 'No Connections', 'TCP 80', 'both'],
    ],
  );
  assert.deepEqual(buffers.whatIf(saved, [policies], { protocol: 'UDP' }).changes, [], 'nothing changes for UDP');
  assert.deepEqual(saved.whatIf(saved, []).changes, []);
});

test('what-if compares external ranges part by part when the sides cut them differently', () => {
  const { files, policies } = tutorialFiles();
  const egress = `\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: busybox1-out, namespace: default}\nspec:\n  podSelector: {matchLabels: {access: frontend}}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]\n`;
  const saved = new ReachData(files);
  const buffers = new ReachData(new Map(files).set(policies, files.get(policies)! + egress));
  const added = buffers.whatIf(saved, [policies]).changes;
  const removed = saved.whatIf(buffers, [policies]).changes;
  assertMatchesFile(`# buffers add an egress policy with an ipBlock\n${changeLines(added)}\n# buffers remove it again\n${changeLines(removed)}`, path.join(EXPECTED, 'what-if-ipblock.txt'));
  assert.ok(removed.some((c) => c.dstPart !== undefined), 'saved ranges narrower than the buffer node are named');
});

test('what-if names workloads that exist on one side only', () => {
  const { files } = tutorialFiles();
  const workloads = [...files.keys()].find((u) => u.endsWith('workloads.yaml'))!;
  const saved = new ReachData(files);
  const text = files.get(workloads)!;
  const withoutBusybox2 = text.slice(0, text.indexOf('# A client allowed to reach both tiers.'));
  const buffers = new ReachData(new Map(files).set(workloads, withoutBusybox2));
  const changes = buffers.whatIf(saved, [workloads]).changes;
  assert.ok(changes.length > 0 && changes.every((c) => c.presence === 'gone' && (c.src === B2 || c.dst === B2)), changeLines(changes));
  assert.ok(changes.some((c) => c.src === B2 && c.dst === FRONTEND && c.removed === 'TCP 80'));
});

test('focus on a policy: the pods it selects and the flows its rules allow', () => {
  const { files, policies } = tutorialFiles();
  const data = new ReachData(files);
  const frontend = data.focus(policies, data.positionOf(policies, 'values: ["frontend", "full"]'));
  assert.equal(frontend.policy?.id, 'default/default-access-frontend');
  assert.deepEqual(frontend.directions, ['ingress']);
  assert.deepEqual(frontend.selected, [FRONTEND]);
  assert.deepEqual(frontend.flows, [
    { src: B1, dst: FRONTEND, direction: 'ingress', rules: [0], allowed: 'TCP 80', effective: 'TCP 80' },
    { src: B2, dst: FRONTEND, direction: 'ingress', rules: [0], allowed: 'TCP 80', effective: 'TCP 80' },
  ]);
  assert.equal(frontend.complete, true);
  const deny = data.focus(policies, data.positionOf(policies, 'name: default-deny-ingress'));
  assert.deepEqual([deny.policy?.id, deny.selected.length, deny.flows.length], ['default/default-deny-ingress', 4, 0]);
  const nothing = data.focus(policies, { line: 0, character: 0 });
  assert.equal(nothing.policy, undefined, 'the comment above the first policy is in no policy');
  const mistakes = ReachData.fromFolder(path.join(EXAMPLES, 'mistakes'));
  const broken = [...mistakes.workspace.uris][0]!;
  const ignored = mistakes.focus(broken, mistakes.positionOf(broken, 'name: Checkout_Ingress'));
  assert.equal(ignored.policy?.id, 'shop.prod/Checkout_Ingress');
  // The checks' words: the panel reads the one validity decision, as `check` reports it.
  assert.match(ignored.ignored?.join(' ') ?? '', /policyTypes entry "ingress" is not supported/);
  assert.deepEqual(ignored.flows, []);
});

test('the saved-files workspace takes open buffers from disk and reuses everything else', () => {
  const { files, policies } = tutorialFiles();
  const live = new Workspace();
  for (const [uri, text] of files) live.setFile(uri, text);
  live.setFile(policies, files.get(policies)!.replace('port: 80', 'port: 8080'));
  const saved = new SavedWorkspace();
  const first = saved.sync(live, new Map([[policies, files.get(policies)]]));
  assert.deepEqual(first.unsaved, [policies]);
  assert.equal(first.workspace.getFile(policies)?.text, files.get(policies));
  first.workspace.reach();
  const second = saved.sync(live, new Map([[policies, files.get(policies)]]));
  second.workspace.reach();
  assert.equal(second.workspace.lastReachUpdate, 'cached', 'nothing changed on disk: the engine is reused');
  const workloads = [...files.keys()].find((u) => u.endsWith('workloads.yaml'))!;
  assert.equal(second.workspace.getFile(workloads)?.analysis, live.getFile(workloads)?.analysis, 'files not open share the live parse');
  assert.deepEqual(saved.sync(live, new Map([[policies, undefined]])).workspace.getFile(policies), undefined, 'a buffer not on disk is not in the saved files');
});

test('the host passes the matrix on as runs, never one entry per cell, and the webview checks it before use', () => {
  const data = ReachData.fromFolder(path.join(EXAMPLES, 'tutorial'));
  const full = matrixView(data.workspace.reach(), { version: 3, indexing: false }, data.locate);
  const compact = compactMatrix(full, undefined);
  assert.ok(compact.cellRuns instanceof Uint32Array);
  assert.deepEqual([...compact.cellRuns], full.cellRuns, 'the server\'s runs, as they came');
  assert.ok(!('cells' in compact) && !('traces' in compact));
  const text = (c: MatrixCell): string => `${c.status} ${c.connections}${c.note ? ` (${c.note})` : ''}`;
  const replicas = 'each pod always reaches itself; between two of its pods the policies decide';
  // The tutorial's workloads are Deployments: on the diagonal, the policies' verdict between two replicas, with the note.
  assert.deepEqual(compact.palette.map(text), [`denied No Connections (${replicas})`, 'denied No Connections', 'allowed All Connections', 'partial TCP 80']);
  // Every cell is the engine's answer for its pair; runs make the answer a few dozen numbers long.
  const engine = data.workspace.reach();
  const nodes = nodesOf(full);
  const n = nodes.length;
  const cells = expandRuns([...compact.cellRuns], n ** 2, compact.palette.length)!;
  nodes.forEach((src, r) =>
    nodes.forEach((dst, c) => {
      const node = engine.node(src.id)!;
      const self = src.id === dst.id && node.kind === 'workload';
      const set = src.id === dst.id ? (self ? engine.selfConnections(node) : undefined) : engine.connections(node, engine.node(dst.id)!);
      const expected = set ? `${cellStatus(set)} ${formatConnections(set)}${self ? ` (${replicas})` : ''}` : 'denied No Connections';
      const cell = compact.palette[cells[r * n + c]!]!;
      assert.equal(text(cell), expected, `${src.id} => ${dst.id}`);
    }),
  );
  assert.ok(full.cellRuns.length < n ** 2, `${full.cellRuns.length} numbers for ${n ** 2} cells`);
  assert.throws(() => compactMatrix({ ...full, cellRuns: full.cellRuns.slice(2) }, undefined), /does not hold/);
  assert.throws(() => compactMatrix({ ...full, cellRuns: [0.5, n ** 2] }, undefined), /does not hold/);
  assert.ok(isPanelMatrix(compact));
  const broken: [string, number[]][] = [
    ['too few cells', full.cellRuns.slice(2)],
    ['too many cells', [...full.cellRuns, 0, 1]],
    ['an index outside the palette', full.cellRuns.map((v, i) => (i % 2 === 0 ? 99 : v))],
    ['an empty run', [0, 0, ...full.cellRuns]],
    ['an odd number of numbers', full.cellRuns.slice(1)],
  ];
  for (const [why, runs] of broken) assert.ok(!isPanelMatrix({ ...compact, cellRuns: Uint32Array.from(runs) }), why);
  assert.ok(!isPanelMatrix({ ...compact, cellRuns: full.cellRuns }), 'runs as a list rather than a typed array');
  // The node table too: the webview reads every node's group, kind and file through its indexes.
  const table = compact.nodes;
  const brokenTables: [string, unknown][] = [
    ['a column shorter than the others', { ...table, labels: table.labels.slice(1) }],
    ['a kind index outside the kinds', { ...table, kindOf: table.kindOf.map((k) => (k >= 0 ? table.kinds.length : k)) }],
    ['a file index outside the files', { ...table, sources: table.sources.map((v, i) => (i % 5 === 0 && v >= 0 ? table.files.length : v)) }],
    ['a negative line', { ...table, sources: table.sources.map((v, i) => (i % 5 === 1 && table.sources[i - 1]! >= 0 ? -1 : v)) }],
    ['ids that are not strings', { ...table, ids: table.ids.map(() => 1) }],
    ['an address range without its id', { ...table, ids: table.ids.map((id, i) => (table.kindOf[i] === -1 ? '' : id)) }],
  ];
  for (const [why, nodes] of brokenTables) assert.ok(!isPanelMatrix({ ...compact, nodes }), why);
  assert.ok(!isPanelMatrix({ ...compact, groups: compact.groups.slice(1) }), 'nodes in no group');
  assert.ok(!isPanelMatrix({ ...compact, groups: [...compact.groups, compact.groups[0]!] }), 'a node in two groups');
  // Read back, the table is the objects the server started from.
  const located = (id: string): SourceLocation => data.locate((engine.node(id) as WorkloadNode).workload.source);
  const shown = shownMatrix(compact).nodes;
  assert.deepEqual(shown.slice(0, 2), [
    { id: 'default/backend[Deployment]', label: 'backend', kind: 'workload', group: 'default', workloadKind: 'Deployment', namespace: 'default', location: located('default/backend[Deployment]') },
    { id: 'default/busybox1[Deployment]', label: 'busybox1', kind: 'workload', group: 'default', workloadKind: 'Deployment', namespace: 'default', location: located('default/busybox1[Deployment]') },
  ]);
  assert.deepEqual(shown[shown.length - 2], { id: '0.0.0.0-255.255.255.255[External]', label: 'all IPv4 addresses', kind: 'external', group: 'External' });
});

test('a run longer than a 32-bit count holds is sent as several', () => {
  const n = 70_000;
  const table = new MatrixNodeTableWriter();
  for (let i = 0; i < n; i++) table.add({ id: `g/x${i}[Pod]`, label: `x${i}`, kind: 'workload', group: 'g', workloadKind: 'Pod', namespace: 'g' });
  const groups = [{ id: 'g', label: 'namespace g', nodes: Array.from({ length: n }, (_, i) => i) }];
  const result = { version: 1, indexing: false, nodes: table.table(), groups, palette: [{ status: 'denied' as const, connections: 'No Connections' }], cellRuns: [0, n * n], tracesComplete: false, skippedPolicies: [] };
  const compact = compactMatrix(result, undefined);
  assert.deepEqual([...compact.cellRuns], [0, 0xffffffff, 0, n * n - 0xffffffff]);
  assert.ok(isPanelMatrix(compact));
});

test('the host accepts only well-formed webview messages', () => {
  const state = { view: 'matrix', filters: { namespace: '', sources: '', destinations: '', ports: '', external: true }, whatIf: false, focus: 'off' };
  const location = { uri: 'file:///w/p.yaml', range: { start: { line: 1, character: 0 }, end: { line: 2, character: 4 } } };
  const good: unknown[] = [
    { type: 'ready', state, ports: null },
    { type: 'ready', state: { ...state, selection: { src: 'a', dst: 'b' } }, ports: { protocol: 'TCP', port: 80 } },
    { type: 'explain', src: 'a', dst: 'b' },
    { type: 'reveal', location },
    { type: 'setPorts', ports: { port: 8080, endPort: 8090 } },
    { type: 'exportSvg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', name: 'x.svg' },
    { type: 'exportData', format: 'json' },
  ];
  const bad: unknown[] = [
    { command: 'explain', src: 'a', dst: 'b' },
    { type: 'explain', src: 'a' },
    { type: 'reveal', location: { uri: 'file:///w/p.yaml', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } } },
    { type: 'setPorts', ports: { port: 70000 } },
    { type: 'setPorts', ports: { protocol: 'ICMP' } },
    { type: 'exportSvg', svg: '<script>alert(1)</script>', name: 'x.svg' },
    { type: 'exportData', format: 'xml' },
    { type: 'ready', state: { ...state, view: 'table' }, ports: null },
    { type: 'toString' },
    null,
    'ready',
  ];
  for (const message of good) assert.ok(isWebviewMessage(message), JSON.stringify(message));
  for (const message of bad) assert.ok(!isWebviewMessage(message), JSON.stringify(message));
});

test('the panel page loads one script with a nonce under a CSP that allows nothing else', () => {
  const html = panelHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x.vscode-cdn.net/dist/webview/panel.js', styleUri: 'https://x.vscode-cdn.net/dist/webview/panel.css', codiconUri: 'https://x.vscode-cdn.net/dist/webview/codicon.css' });
  assert.equal(contentSecurityPolicy('https://x.vscode-cdn.net', 'abc123'), "default-src 'none'; script-src 'nonce-abc123'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:");
  assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script nonce="abc123" src="https://x.vscode-cdn.net/dist/webview/panel.js">']);
  assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/, 'no inline styles or handlers');
});
