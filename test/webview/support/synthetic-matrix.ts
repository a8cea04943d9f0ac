/**
 * A reachability matrix in the shape the server sends (nodes sorted by namespace and
 * name, externals last, a palette of distinct cells, the cells as runs of palette
 * indexes), generated without a workspace, so the panel's size tests and its
 * benchmark can have 20,000 workloads in a second. 50 namespaces of four tiers each
 * (api, cache, db, web, sorted so each tier is one block of columns), teams of
 * namespaces that reach each other's web tier, a third of the namespaces without a
 * default deny, one workload in 25 with labels of its own that a few rows reach,
 * egress to some external ranges, and a palette of the port sets policies write.
 * Deterministic: the same size gives the same matrix.
 */
import { MatrixNodeTableWriter } from '../../../server/src/matrix-node-table';
import type { MatrixCell, MatrixGroup, MatrixNode, ReachabilityMatrixResult } from '../../../server/src/protocol';

const TIERS = ['api', 'cache', 'db', 'web'] as const;
const REPLICAS = 'each pod always reaches itself; between two of its pods the policies decide';

const PALETTE: readonly MatrixCell[] = [
  { status: 'denied', connections: 'No Connections' },
  { status: 'denied', connections: 'No Connections', note: REPLICAS },
  { status: 'allowed', connections: 'All Connections' },
  { status: 'allowed', connections: 'All Connections', note: REPLICAS },
  { status: 'partial', connections: 'TCP 80' },
  { status: 'partial', connections: 'TCP 443' },
  { status: 'partial', connections: 'TCP 8080' },
  { status: 'partial', connections: 'TCP 5432' },
  { status: 'partial', connections: 'TCP 6379' },
  { status: 'partial', connections: 'UDP 53' },
  { status: 'partial', connections: 'TCP 53,UDP 53' },
  { status: 'partial', connections: 'TCP 80,TCP 443' },
  { status: 'partial', connections: 'TCP 8080-8090' },
  { status: 'partial', connections: 'TCP 5432,TCP 6379,TCP 9090' },
  { status: 'partial', connections: 'TCP 443,TCP 8443,TCP 9000-9100,UDP 53' },
  { status: 'partial', connections: 'SCTP 3868' },
];
const DENIED = 0;
const ALLOWED = 2;
/** What a source tier may open on a destination tier of its own namespace (palette indexes). */
const TIER_PORTS: Readonly<Record<string, number>> = { 'web>api': 6, 'api>db': 7, 'api>cache': 8, 'web>web': 4, 'api>api': 12, 'cache>db': 13 };

export interface SyntheticMatrix {
  readonly matrix: ReachabilityMatrixResult;
  /** The matrix's nodes as objects, as the webview reads them from its node table. */
  readonly nodes: readonly MatrixNode[];
  /** The palette index of a cell, computed from the generator's rules rather than from the runs. */
  readonly expected: (row: number, col: number) => number;
}

interface Column {
  readonly namespace: number;
  readonly tier: number;
  /** One workload in 25 has labels of its own. */
  readonly special: boolean;
  readonly external: boolean;
}

export function syntheticMatrix(workloads: number, namespaces = 50): SyntheticMatrix {
  const { nodes, columns } = nodesOf(workloads, namespaces);
  const n = nodes.length;
  // A row depends only on its source's class (namespace, tier, special), so each class's row is built once.
  const templates = new Map<string, Uint8Array>();
  const template = (row: number): Uint8Array => {
    const src = columns[row]!;
    const key = `${src.namespace}/${src.tier}/${src.special}/${src.external}`;
    let cells = templates.get(key);
    if (!cells) {
      cells = new Uint8Array(n);
      for (let col = 0; col < n; col++) cells[col] = cellOf(src, columns[col]!, namespaces);
      templates.set(key, cells);
    }
    return cells;
  };
  const expected = (row: number, col: number): number => (row === col && !columns[row]!.external ? (template(row)[col] === ALLOWED ? 3 : 1) : template(row)[col]!);
  const runs: number[] = [];
  const push = (index: number, count: number): void => {
    const last = runs.length - 2;
    if (last >= 0 && runs[last] === index) runs[last + 1]! += count;
    else runs.push(index, count);
  };
  for (let row = 0; row < n; row++) {
    const cells = template(row);
    let start = 0;
    for (let col = 1; col <= n; col++) {
      const boundary = col === n || cells[col] !== cells[start] || col === row || col === row + 1;
      if (!boundary) continue;
      push(start === row ? expected(row, row) : cells[start]!, col - start);
      start = col;
    }
  }
  const table = new MatrixNodeTableWriter();
  nodes.forEach((node) => table.add(node));
  const matrix: ReachabilityMatrixResult = { version: 1, indexing: false, nodes: table.table(), groups: groupsOf(nodes), palette: PALETTE, cellRuns: runs, tracesComplete: false, skippedPolicies: [] };
  return { matrix, nodes, expected };
}

function nodesOf(workloads: number, namespaces: number): { nodes: MatrixNode[]; columns: Column[] } {
  const nodes: MatrixNode[] = [];
  const columns: Column[] = [];
  const perNs = Math.ceil(workloads / namespaces);
  for (let k = 0; k < namespaces; k++) {
    const ns = `ns-${String(k).padStart(2, '0')}`;
    const uri = `file:///synthetic/${ns}/workloads.yaml`;
    const count = Math.min(perNs, workloads - k * perNs);
    for (let j = 0; j < count; j++) {
      const tier = Math.floor((j * TIERS.length) / count);
      const name = `${TIERS[tier]}-svc-${String(j).padStart(5, '0')}`;
      const line = j * 20;
      nodes.push({ id: `${ns}/${name}[Deployment]`, label: name, kind: 'workload', group: ns, workloadKind: 'Deployment', namespace: ns, location: { uri, range: { start: { line, character: 0 }, end: { line: line + 19, character: 0 } } } });
      columns.push({ namespace: k, tier, special: j % 25 === 7, external: false });
    }
  }
  const externals = 4 + Math.floor(workloads / 40);
  for (let e = 0; e < externals; e++) {
    const a = 10 + Math.floor(e / 256);
    const range = `${a}.${e % 256}.0.0-${a}.${e % 256}.255.255`;
    nodes.push({ id: `${range}[External]`, label: range, kind: 'external', group: 'External' });
    columns.push({ namespace: -1, tier: Math.floor((e * TIERS.length) / externals), special: e % 50 === 3, external: true });
  }
  return { nodes, columns };
}

/** The generator's policies, as a rule per pair of classes. */
function cellOf(src: Column, dst: Column, namespaces: number): number {
  if (src.external) return dst.external || dst.namespace % 3 !== 0 ? DENIED : ALLOWED;
  const srcTier = TIERS[src.tier]!;
  if (dst.external) {
    if (dst.special) return srcTier === 'web' ? 14 : DENIED;
    if (dst.tier === 0) return 9 + (src.namespace % 2);
    return srcTier === 'web' || srcTier === 'api' ? (src.namespace % 4 === 0 ? ALLOWED : 5) : DENIED;
  }
  // A third of the namespaces have no default deny: everything reaches them.
  if (dst.namespace % 3 === 0) return ALLOWED;
  const dstTier = TIERS[dst.tier]!;
  if (src.namespace === dst.namespace) return TIER_PORTS[`${srcTier}>${dstTier}`] ?? DENIED;
  // Teams of five namespaces: a team's web tier serves its other namespaces on 443.
  if (dstTier === 'web' && Math.floor(src.namespace / 5) === Math.floor(dst.namespace / 5)) return dst.special ? 11 : 5;
  // The special workloads are reached by the api tier of the next namespace.
  if (dst.special && srcTier === 'api' && src.namespace === (dst.namespace + 1) % namespaces) return src.special ? 15 : 10;
  return DENIED;
}

function groupsOf(nodes: readonly MatrixNode[]): MatrixGroup[] {
  const groups: { id: string; label: string; nodes: number[] }[] = [];
  nodes.forEach((node, index) => {
    const last = groups[groups.length - 1];
    if (last && last.id === node.group) last.nodes.push(index);
    else groups.push({ id: node.group, label: node.group === 'External' ? 'Outside the cluster' : `namespace ${node.group}`, nodes: [index] });
  });
  return groups;
}
