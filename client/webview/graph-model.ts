/**
 * The graph the panel lays out. Up to MAX_DIRECT_NODES workloads and ranges (after the
 * filters) are drawn as they are: nodes in their namespace boxes, one arrow per allowed
 * (or partly allowed) flow, and, in what-if mode, a dashed arrow for each flow the
 * unsaved edits remove. More than that is neither a drawing a person reads nor one
 * elkjs lays out in time (10 s at 100 nodes), so the graph then shows namespaces
 * (graph-overview.ts): one node each, one arrow per pair of namespaces with flows, and a
 * namespace opens into its workloads on a click. Built from the server's cells; nothing
 * about policies is decided here.
 */
import { cellKind } from './cell-text';
import { overviewModel } from './graph-overview';
import { changeOf, flowEdge, MAX_DIRECT_NODES, MAX_GRAPH_EDGES, removedText, type GraphDrawing, type GraphEdge, type GraphEnd, type GraphGroup, type GraphModel } from './graph-parts';
import type { PanelStore } from './panel-store';

export function graphModel(store: PanelStore): GraphModel {
  const m = store.matrix;
  if (!m) return { groups: [], edges: [], endsOf: () => undefined, nodeEnd: () => undefined };
  const shown = [...new Set([...store.rows, ...store.cols])].sort((a, b) => a - b);
  if (shown.length <= MAX_DIRECT_NODES) {
    const direct = directModel(store, shown);
    if (direct.edges.length <= MAX_GRAPH_EDGES) return direct;
  }
  return overviewModel(store, shown, store.state.openGroups ?? []);
}

/** Every shown workload and range, each flow between them. */
function directModel(store: PanelStore, shown: readonly number[]): GraphDrawing {
  const m = store.matrix!;
  const keyOf = new Map(shown.map((index) => [index, `n${index}`]));
  const edges: GraphEdge[] = [];
  for (const r of store.rows) {
    for (const c of store.cols) {
      const src = m.nodes[r]!;
      const dst = m.nodes[c]!;
      const cell = store.cell(r, c);
      const kind = cellKind(src, dst, r, c, cell);
      const change = changeOf(store, src.id, dst.id);
      const ends = { src: { key: keyOf.get(r)!, node: src }, dst: { key: keyOf.get(c)!, node: dst } };
      if (kind === 'allowed' || kind === 'partial') edges.push(flowEdge(edges.length, ends, kind, cell.connections, change));
      else if (kind === 'denied' && change === 'removed') edges.push(flowEdge(edges.length, ends, 'removed', removedText(store, src.id, dst.id), change));
    }
  }
  const groups = m.groups
    .map((g): GraphGroup => {
      const nodes = shown.filter((n) => m.nodes[n]!.group === g.id).map((n) => ({ key: keyOf.get(n)!, node: m.nodes[n]! }));
      return { key: `g-${g.id}`, id: g.id, label: g.label, external: g.id === 'External', nodes, open: true, closable: false, size: nodes.length, inner: 0, reachedByAll: false, reachesAll: false };
    })
    .filter((g) => g.nodes.length > 0);
  const nodeEnd = (index: number): string | undefined => keyOf.get(index);
  return { groups, edges, nodeEnd, endsOf: (src, dst) => (keyOf.has(src) && keyOf.has(dst) ? [keyOf.get(src)!, keyOf.get(dst)!] : undefined) };
}

/** A stable text for "the same drawing": a re-layout is needed only when it changes. */
export function graphKey(model: GraphModel): string {
  if ('tooLarge' in model) return model.tooLarge;
  const end = (e: GraphEnd): string => ('node' in e ? e.node.id : `[${e.group.id}]`);
  return JSON.stringify([
    model.groups.map((g) => [g.id, g.label, g.open, g.closable, g.size, g.inner, g.reachedByAll, g.reachesAll, g.tooLarge ?? '', g.nodes.map((n) => n.node.id)]),
    model.edges.map((e) => [end(e.src), end(e.dst), e.label, e.kind, e.change, e.pairs?.flows ?? -1]),
  ]);
}
