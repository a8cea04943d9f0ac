/**
 * The matrix's nodes on the wire (protocol.ts, MatrixNodeTable), column by column. As one
 * object per node, each with its file's uri and range spelled out, 20,000 workloads were
 * 6.5 MB of a 7.4 MB answer, and sending it dominated answering the panel again. The
 * table names each file and workload kind once and a node's range as five numbers.
 * A workload's id, `namespace/name[Kind]`, is its group, label and kind, so it is left
 * out ('') and put back when read. The server writes the table (workspace/reach-view.ts);
 * clients read it back as MatrixNode objects with `matrixNodes`. Plain data, importable
 * by the client.
 */
import type { MatrixGroup, MatrixNode, MatrixNodeTable } from './protocol';

const EXTERNAL = -1;
const NO_FILE = -1;

/** Collects nodes, in matrix order, into a MatrixNodeTable. */
export class MatrixNodeTableWriter {
  private readonly ids: string[] = [];
  private readonly labels: string[] = [];
  private readonly kinds: string[] = [];
  private readonly kindOf: number[] = [];
  private readonly files: string[] = [];
  private readonly sources: number[] = [];
  private readonly kindIndex = new Map<string, number>();
  private readonly fileIndex = new Map<string, number>();

  add(node: MatrixNode): void {
    this.ids.push(node.kind === 'workload' && node.id === workloadId(node.group, node.label, node.workloadKind ?? '') ? '' : node.id);
    this.labels.push(node.label);
    this.kindOf.push(node.kind === 'external' ? EXTERNAL : indexIn(this.kinds, this.kindIndex, node.workloadKind ?? ''));
    const at = node.location;
    if (!at) this.sources.push(NO_FILE, 0, 0, 0, 0);
    else this.sources.push(indexIn(this.files, this.fileIndex, at.uri), at.range.start.line, at.range.start.character, at.range.end.line, at.range.end.character);
  }

  table(): MatrixNodeTable {
    return { ids: this.ids, labels: this.labels, kinds: this.kinds, kindOf: this.kindOf, files: this.files, sources: this.sources };
  }
}

/** The id a workload node has when the table leaves it out. */
function workloadId(namespace: string, name: string, kind: string): string {
  return `${namespace}/${name}[${kind}]`;
}

function indexIn(list: string[], index: Map<string, number>, value: string): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.length;
    list.push(value);
    index.set(value, at);
  }
  return at;
}

/**
 * The table's nodes as objects, their groups read from `groups` (which list every node's
 * index); undefined when the table is malformed: columns of different lengths, an index
 * that points at nothing, or a node in no group.
 */
export function matrixNodes(table: MatrixNodeTable, groups: readonly MatrixGroup[]): MatrixNode[] | undefined {
  const n = table.ids.length;
  if (table.labels.length !== n || table.kindOf.length !== n || table.sources.length !== 5 * n) return undefined;
  const groupOf: (string | undefined)[] = new Array<string | undefined>(n);
  for (const group of groups) {
    for (const i of group.nodes) {
      if (!Number.isInteger(i) || i < 0 || i >= n || groupOf[i] !== undefined) return undefined;
      groupOf[i] = group.id;
    }
  }
  const nodes: MatrixNode[] = [];
  for (let i = 0; i < n; i++) {
    const group = groupOf[i];
    const kind = table.kindOf[i]!;
    if (group === undefined || !Number.isInteger(kind) || kind < EXTERNAL || kind >= table.kinds.length) return undefined;
    const id = table.ids[i]!;
    const label = table.labels[i]!;
    if (kind === EXTERNAL) {
      if (id === '') return undefined;
      nodes.push({ id, label, group, kind: 'external' });
      continue;
    }
    const location = locationAt(table, i);
    if (location === null) return undefined;
    const workloadKind = table.kinds[kind]!;
    nodes.push({ id: id || workloadId(group, label, workloadKind), label, kind: 'workload', group, workloadKind, namespace: group, ...(location && { location }) });
  }
  return nodes;
}

/** The node's location; undefined when it has none, null when its numbers are malformed. */
function locationAt(table: MatrixNodeTable, i: number): MatrixNode['location'] | null {
  const [file, startLine, startCharacter, endLine, endCharacter] = table.sources.slice(5 * i, 5 * i + 5) as [number, number, number, number, number];
  if (file === NO_FILE) return undefined;
  const uri = table.files[file];
  if (uri === undefined || ![startLine, startCharacter, endLine, endCharacter].every((x) => Number.isInteger(x) && x >= 0)) return null;
  return { uri, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } };
}
