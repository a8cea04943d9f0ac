/**
 * What the webview drew, sent to the host after each render, which keeps only the last
 * one for the extension's test API: the rows and columns, and the cells painted on
 * screen with their words. Capped, so a large matrix costs a small message.
 */
import type { RenderedCell, RenderReport } from '../src/webview-protocol';
import type { GraphView } from './graph-view';
import type { MatrixView } from './matrix-view';
import type { PanelStore } from './panel-store';
import type { TraceView } from './trace-view';

const MAX_IDS = 1000;
const MAX_CELLS = 400;

export function renderReport(store: PanelStore, matrix: MatrixView, graph: GraphView, trace: TraceView): RenderReport {
  const m = store.matrix;
  const cells: RenderedCell[] = store.state.view === 'matrix' ? matrix.shownCells(MAX_CELLS) : [];
  const selection = store.state.selection;
  return {
    version: m?.version ?? -1,
    view: store.state.view,
    rows: m ? store.rows.slice(0, MAX_IDS).map((i) => m.nodes[i]!.id) : [],
    cols: m ? store.cols.slice(0, MAX_IDS).map((i) => m.nodes[i]!.id) : [],
    cells,
    edges: store.state.view === 'graph' ? graph.edgeCount : 0,
    ...(selection && store.trace && { trace: { src: selection.src, dst: selection.dst, links: trace.links() } }),
    ...(store.focus?.policy && { focus: store.focus.policy.id }),
    changes: store.whatIf?.changes.length ?? 0,
  };
}
