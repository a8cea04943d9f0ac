/** The matrix's nodes on the wire: a table read back as the very nodes written, malformed tables refused. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MatrixNodeTableWriter, matrixNodes } from '../../server/src/matrix-node-table';
import type { MatrixGroup, MatrixNode } from '../../server/src/protocol';

const name = fc.stringMatching(/^[a-z][a-z0-9./[\]-]{0,12}$/);
const position = fc.record({ line: fc.nat({ max: 90_000 }), character: fc.nat({ max: 200 }) });
const location = fc.record({ uri: fc.constantFrom('file:///w/a.yaml', 'file:///w/b%20c.yaml', 'untitled:Untitled-1'), range: fc.record({ start: position, end: position }) });

/** A workload, its id as the engine names it or (an owned pod reported as its owner, a name with odd characters) not. */
const workload = fc.record({ namespace: name, name, kind: fc.constantFrom('Deployment', 'Pod', 'StatefulSet'), ownId: fc.option(name, { nil: undefined }), location: fc.option(location, { nil: undefined }) });
const external = fc.constantFrom('0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');

interface Workload {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly ownId: string | undefined;
  readonly location: MatrixNode['location'];
}

function nodesOf(workloads: readonly Workload[], externals: readonly string[]): MatrixNode[] {
  const sorted = [...workloads].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
  return [
    ...sorted.map((w): MatrixNode => ({ id: w.ownId ?? `${w.namespace}/${w.name}[${w.kind}]`, label: w.name, kind: 'workload', group: w.namespace, workloadKind: w.kind, namespace: w.namespace, ...(w.location && { location: w.location }) })),
    ...externals.map((range): MatrixNode => ({ id: `${range}[External]`, label: range, kind: 'external', group: 'External' })),
  ];
}

function groupsOf(nodes: readonly MatrixNode[]): MatrixGroup[] {
  const groups: { id: string; label: string; nodes: number[] }[] = [];
  nodes.forEach((node, i) => {
    const last = groups[groups.length - 1];
    if (last?.id === node.group) last.nodes.push(i);
    else groups.push({ id: node.group, label: node.group, nodes: [i] });
  });
  return groups;
}

function tableOf(nodes: readonly MatrixNode[]) {
  const writer = new MatrixNodeTableWriter();
  for (const node of nodes) writer.add(node);
  return writer.table();
}

test('a table reads back as the nodes written, each file and kind named once', () => {
  fc.assert(
    fc.property(fc.array(workload, { maxLength: 40 }), fc.uniqueArray(external, { maxLength: 3 }), (workloads, externals) => {
      // As plain objects: fast-check makes records without a prototype.
      const nodes = JSON.parse(JSON.stringify(nodesOf(workloads, externals))) as MatrixNode[];
      const table = tableOf(nodes);
      assert.deepEqual(matrixNodes(table, groupsOf(nodes)), nodes);
      assert.equal(new Set(table.files).size, table.files.length);
      assert.equal(new Set(table.kinds).size, table.kinds.length);
    }),
    { seed: 20261207, numRuns: 300 },
  );
});

test("a workload's id is left out only when its namespace, name and kind give it back", () => {
  const nodes: MatrixNode[] = [
    { id: 'shop/web[Deployment]', label: 'web', kind: 'workload', group: 'shop', workloadKind: 'Deployment', namespace: 'shop' },
    { id: 'shop/web-7d9c[Pod]', label: 'web', kind: 'workload', group: 'shop', workloadKind: 'Deployment', namespace: 'shop' },
    { id: '0.0.0.0-255.255.255.255[External]', label: 'all IPv4 addresses', kind: 'external', group: 'External' },
  ];
  const table = tableOf(nodes);
  assert.deepEqual(table.ids, ['', 'shop/web-7d9c[Pod]', '0.0.0.0-255.255.255.255[External]']);
  assert.deepEqual(table.kindOf, [0, 0, -1]);
  assert.deepEqual(table.sources, [-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0]);
  assert.deepEqual(matrixNodes(table, groupsOf(nodes)), nodes);
});

test('a malformed table is refused rather than read', () => {
  const location = { uri: 'file:///w/a.yaml', range: { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } } };
  const nodes: MatrixNode[] = [
    { id: 'ns/a[Pod]', label: 'a', kind: 'workload', group: 'ns', workloadKind: 'Pod', namespace: 'ns', location },
    { id: '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]', label: 'all IPv6 addresses', kind: 'external', group: 'External' },
  ];
  const table = tableOf(nodes);
  const groups = groupsOf(nodes);
  assert.deepEqual(matrixNodes(table, groups), nodes);
  const broken: [string, Parameters<typeof matrixNodes>][] = [
    ['a column shorter than the ids', [{ ...table, labels: ['a'] }, groups]],
    ['sources not five numbers a node', [{ ...table, sources: table.sources.slice(1) }, groups]],
    ['a kind index outside the kinds', [{ ...table, kindOf: [1, -1] }, groups]],
    ['a kind index below -1', [{ ...table, kindOf: [-2, -1] }, groups]],
    ['a file index outside the files', [{ ...table, sources: [1, 3, 0, 9, 0, -1, 0, 0, 0, 0] }, groups]],
    ['a fractional line', [{ ...table, sources: [0, 3.5, 0, 9, 0, -1, 0, 0, 0, 0] }, groups]],
    ['an address range without its id', [{ ...table, ids: ['', ''] }, groups]],
    ['a node in no group', [table, groups.slice(0, 1)]],
    ['a node in two groups', [table, [...groups, { id: 'x', label: 'x', nodes: [0] }]]],
    ['a group index past the nodes', [table, [...groups, { id: 'x', label: 'x', nodes: [2] }]]],
  ];
  for (const [why, args] of broken) assert.equal(matrixNodes(...args), undefined, why);
});
