/**
 * The parts of the graph the panel lays out, shared by the drawing of every workload
 * (graph-model.ts) and the namespace view (graph-overview.ts): what a node, a namespace
 * box, a namespace node and an arrow are, and the words of an arrow between workloads.
 */
import type { MatrixNode } from '../../server/src/protocol';
import type { CellKind } from './cell-text';
import { pairKey, type PanelStore } from './panel-store';

/** Up to this many workloads and ranges are drawn as they are, every namespace open. */
export const MAX_DIRECT_NODES = 40;
/** Nodes drawn at most: namespaces, and the workloads of the open ones. */
export const MAX_GRAPH_NODES = 80;
/** Arrows drawn at most; elkjs's time grows with them more than with nodes. */
export const MAX_GRAPH_EDGES = 200;

export interface GraphNode {
  readonly key: string;
  readonly node: MatrixNode;
}

/**
 * A namespace (or the external ranges): open, a box around its workloads; closed, one
 * node that says what it holds.
 */
export interface GraphGroup {
  readonly key: string;
  readonly id: string;
  readonly label: string;
  readonly external: boolean;
  /** Its workloads drawn inside it; none when it is drawn closed. */
  readonly nodes: readonly GraphNode[];
  readonly open: boolean;
  /** In the namespace view an open namespace's title closes it again. */
  readonly closable: boolean;
  /** Its workloads (or ranges) that pass the filters. */
  readonly size: number;
  /** Flows between its own workloads (said on a closed namespace). */
  readonly inner: number;
  /** Every other namespace shown has flows to it (those arrows are not drawn); it has flows to every other. */
  readonly reachedByAll: boolean;
  readonly reachesAll: boolean;
  /** Why a click cannot open it, if it cannot. */
  readonly tooLarge?: string;
}

export type GraphEnd = { readonly key: string; readonly node: MatrixNode } | { readonly key: string; readonly group: GraphGroup };

export interface GraphEdge {
  readonly key: string;
  readonly src: GraphEnd;
  readonly dst: GraphEnd;
  /** `removed`: the flow exists only in the saved files. */
  readonly kind: CellKind | 'removed';
  readonly connections: string;
  readonly label: string;
  readonly change: '' | 'added' | 'removed' | 'mixed';
  /** An arrow to or from a namespace: how many pairs of workloads it stands for. */
  readonly pairs?: { readonly flows: number; readonly all: number; readonly of: number };
}

export interface GraphDrawing {
  readonly groups: readonly GraphGroup[];
  readonly edges: readonly GraphEdge[];
  /** The keys of the ends a pair of node indexes is drawn between (workloads, or their namespaces); undefined when not shown. */
  readonly endsOf: (src: number, dst: number) => readonly [string, string] | undefined;
  /** The key of what a node index is drawn as: itself, or its closed namespace. */
  readonly nodeEnd: (index: number) => string | undefined;
}

export type GraphModel = GraphDrawing | { readonly tooLarge: string };

/** What the unsaved edits do to a pair: add, remove, both, or nothing. */
export function changeOf(store: PanelStore, src: string, dst: string): GraphEdge['change'] {
  const changes = store.changes.get(pairKey(src, dst)) ?? [];
  if (changes.length === 0) return '';
  const added = changes.some((x) => x.added !== 'No Connections');
  const removed = changes.some((x) => x.removed !== 'No Connections');
  return added ? (removed ? 'mixed' : 'added') : 'removed';
}

export function removedText(store: PanelStore, src: string, dst: string): string {
  return (store.changes.get(pairKey(src, dst)) ?? []).map((x) => x.removed).join(',');
}

/** An arrow between two workloads (or ranges), labelled with its ports. */
export function flowEdge(index: number, ends: Pick<GraphEdge, 'src' | 'dst'>, kind: GraphEdge['kind'], connections: string, change: GraphEdge['change']): GraphEdge {
  // Green already says "all connections"; a label on every such arrow would only add clutter.
  const label = kind === 'allowed' && connections === 'All Connections' ? '' : connections.length > 28 ? `${connections.slice(0, 27)}…` : connections;
  return { key: `e${index}`, ...ends, kind, connections, label, change };
}
