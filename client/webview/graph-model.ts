/**
 * The graph the panel lays out: the shown workloads and external ranges as nodes
 * in their namespace groups, one edge per allowed (or partly allowed) flow, and,
 * in what-if mode, a dashed edge for each flow the unsaved edits remove. Built
 * from the server's cells; nothing about policies is decided here.
 */
import type { MatrixNode } from '../../server/src/protocol';
import { cellKind, type CellKind } from './cell-text';
import { pairKey, type PanelStore } from './panel-store';

export const MAX_GRAPH_NODES = 150;
export const MAX_GRAPH_EDGES = 600;

export interface GraphNode {
  readonly key: string;
  readonly node: MatrixNode;
}

export interface GraphGroup {
  readonly key: string;
  readonly label: string;
  readonly external: boolean;
  readonly nodes: readonly GraphNode[];
}

export interface GraphEdge {
  readonly key: string;
  readonly src: MatrixNode;
  readonly dst: MatrixNode;
  /** `removed`: the flow exists only in the saved files. */
  readonly kind: CellKind | 'removed';
  readonly connections: string;
  readonly label: string;
  readonly change: '' | 'added' | 'removed' | 'mixed';
}

export type GraphModel = { readonly groups: readonly GraphGroup[]; readonly edges: readonly GraphEdge[] } | { readonly tooLarge: string };

export function graphModel(store: PanelStore): GraphModel {
  const m = store.matrix;
  if (!m) return { groups: [], edges: [] };
  const shown = [...new Set([...store.rows, ...store.cols])].sort((a, b) => a - b);
  if (shown.length > MAX_GRAPH_NODES) return { tooLarge: `The graph shows at most ${MAX_GRAPH_NODES} workloads and ranges; ${shown.length} pass the filters. Filter by namespace or name, or use the matrix.` };
  const keyOf = new Map(shown.map((index, i) => [index, `n${i}`]));
  const edges: GraphEdge[] = [];
  for (const r of store.rows) {
    for (const c of store.cols) {
      const src = m.nodes[r]!;
      const dst = m.nodes[c]!;
      const cell = store.cell(r, c);
      const kind = cellKind(src, dst, r, c, cell);
      const changes = store.changes.get(pairKey(src.id, dst.id)) ?? [];
      const change = changes.length === 0 ? '' : changes.some((x) => x.added !== 'No Connections') ? (changes.some((x) => x.removed !== 'No Connections') ? 'mixed' : 'added') : 'removed';
      if (kind === 'allowed' || kind === 'partial') edges.push(edge(edges.length, src, dst, kind, cell.connections, change));
      else if (kind === 'denied' && change === 'removed') edges.push(edge(edges.length, src, dst, 'removed', changes.map((x) => x.removed).join(','), change));
    }
  }
  if (edges.length > MAX_GRAPH_EDGES) return { tooLarge: `The graph draws at most ${MAX_GRAPH_EDGES} flows; ${edges.length} pass the filters. Filter by namespace, name or port, or use the matrix.` };
  const groups = m.groups
    .map((g, i): GraphGroup => ({ key: `g${i}`, label: g.label, external: g.id === 'External', nodes: shown.filter((n) => m.nodes[n]!.group === g.id).map((n) => ({ key: keyOf.get(n)!, node: m.nodes[n]! })) }))
    .filter((g) => g.nodes.length > 0);
  return { groups, edges };
}

function edge(index: number, src: MatrixNode, dst: MatrixNode, kind: GraphEdge['kind'], connections: string, change: GraphEdge['change']): GraphEdge {
  // Green already says "all connections"; a label on every such arrow would only add clutter.
  const label = kind === 'allowed' && connections === 'All Connections' ? '' : connections.length > 28 ? `${connections.slice(0, 27)}…` : connections;
  return { key: `e${index}`, src, dst, kind, connections, label, change };
}

/** A stable text for "the same drawing": a re-layout is needed only when it changes. */
export function graphKey(model: GraphModel): string {
  if ('tooLarge' in model) return model.tooLarge;
  return JSON.stringify([model.groups.map((g) => [g.label, g.nodes.map((n) => n.node.id)]), model.edges.map((e) => [e.src.id, e.dst.id, e.label, e.kind])]);
}
