/**
 * The webview's state: what the host sent (matrix, trace, what-if, focus) and
 * what the user chose (view, filters, selection). Views read it and redraw on
 * the topics that changed; changes are batched per microtask so a burst of
 * messages costs one redraw. Selection and filters are kept by node id, so a
 * live update that inserts a workload never moves the user's place.
 */
import type { FlowChangeDto, FocusFlowDto, MatrixCell, MatrixNode, PolicyFocusResult, WhatIfResult, ExplainConnectionResult } from '../../server/src/protocol';
import { shownMatrix, type FocusMode, type PairRef, type PanelFilters, type PanelMatrix, type PanelState, type ShownMatrix, type ViewKind } from '../src/webview-protocol';
import { MatrixCells } from './matrix-cells';

export type Topic = 'matrix' | 'filters' | 'selection' | 'trace' | 'whatIf' | 'focus' | 'status' | 'view' | 'graph';
export type Listener = (topics: ReadonlySet<Topic>) => void;

export interface StatusLine {
  readonly state: 'loading' | 'ready' | 'error';
  readonly message: string;
}

export interface TraceEntry extends PairRef {
  readonly result: ExplainConnectionResult;
}

export const DEFAULT_STATE: PanelState = {
  view: 'matrix',
  filters: { namespace: '', sources: '', destinations: '', ports: '', external: true },
  whatIf: false,
  focus: 'off',
};

export function pairKey(src: string, dst: string): string {
  return `${src}\n${dst}`;
}

export class PanelStore {
  state: PanelState;
  matrix: ShownMatrix | undefined;
  /** The matrix's cells, read from its runs. */
  cells = new MatrixCells(new Uint32Array(0), 0);
  status: StatusLine = { state: 'loading', message: 'Computing reachability…' };
  trace: TraceEntry | undefined;
  whatIf: WhatIfResult | null = null;
  focus: PolicyFocusResult | null = null;
  /** Node indices shown as rows (sources) and columns (destinations), after filters. */
  rows: number[] = [];
  cols: number[] = [];
  /** The node ids and the shown rows and columns as one text, made when they change: equal texts, equal grids. */
  gridKey = '';
  readonly nodeIndex = new Map<string, number>();
  readonly changes = new Map<string, FlowChangeDto[]>();
  readonly focusFlows = new Map<string, FocusFlowDto[]>();
  readonly focusSelected = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Set<Topic>();

  constructor(state: PanelState) {
    this.state = state;
  }

  subscribe(listener: Listener): void {
    this.listeners.add(listener);
  }

  node(index: number): MatrixNode {
    return this.matrix!.nodes[index]!;
  }

  cell(row: number, col: number): MatrixCell {
    return this.matrix!.palette[this.cells.at(row, col)]!;
  }

  setMatrix(received: PanelMatrix): void {
    const matrix = shownMatrix(received);
    this.matrix = matrix;
    this.cells = new MatrixCells(matrix.cellRuns, matrix.nodes.length);
    this.nodeIndex.clear();
    matrix.nodes.forEach((n, i) => this.nodeIndex.set(n.id, i));
    this.applyFilters();
    this.emit('matrix');
  }

  setFilters(filters: Partial<PanelFilters>): void {
    this.state = { ...this.state, filters: { ...this.state.filters, ...filters } };
    this.applyFilters();
    this.emit('filters');
  }

  setView(view: ViewKind): void {
    if (this.state.view === view) return;
    this.state = { ...this.state, view };
    this.emit('view');
  }

  /** Opens or closes namespaces in the graph's namespace view; the list keeps the order they were opened in. */
  setGroupsOpen(groups: readonly string[], open: boolean): void {
    const now = new Set(this.state.openGroups ?? []);
    for (const group of groups) {
      now.delete(group);
      if (open) now.add(group);
    }
    this.state = { ...this.state, openGroups: [...now] };
    this.emit('graph');
  }

  select(pair: PairRef | undefined): void {
    const { selection: _old, ...rest } = this.state;
    this.state = pair ? { ...rest, selection: pair } : rest;
    if (!pair) this.trace = undefined;
    this.emit('selection');
  }

  setScroll(top: number, left: number): void {
    this.state = { ...this.state, scroll: { top, left } };
  }

  setTrace(trace: TraceEntry): void {
    const selected = this.state.selection;
    // A late answer for a pair the user has left is dropped.
    if (!selected || selected.src !== trace.src || selected.dst !== trace.dst) return;
    this.trace = trace;
    this.emit('trace');
  }

  setWhatIfEnabled(enabled: boolean): void {
    this.state = { ...this.state, whatIf: enabled };
    if (!enabled) this.setWhatIf(null);
    this.emit('whatIf');
  }

  setWhatIf(result: WhatIfResult | null): void {
    this.whatIf = result;
    this.changes.clear();
    for (const change of result?.changes ?? []) {
      const key = pairKey(change.src, change.dst);
      this.changes.set(key, [...(this.changes.get(key) ?? []), change]);
    }
    this.emit('whatIf');
  }

  setFocus(mode: FocusMode, result: PolicyFocusResult | null): void {
    this.state = { ...this.state, focus: mode };
    this.focus = mode === 'off' ? null : result;
    this.focusFlows.clear();
    this.focusSelected.clear();
    for (const flow of this.focus?.flows ?? []) {
      const key = pairKey(flow.src, flow.dst);
      this.focusFlows.set(key, [...(this.focusFlows.get(key) ?? []), flow]);
    }
    for (const id of this.focus?.selected ?? []) this.focusSelected.add(id);
    this.emit('focus');
  }

  setStatus(status: StatusLine): void {
    this.status = status;
    this.emit('status');
  }

  /** Whether the focus highlights something (a policy was found under the cursor). */
  get focusActive(): boolean {
    return this.focus?.policy !== undefined;
  }

  private applyFilters(): void {
    const m = this.matrix;
    if (!m) return;
    const { namespace, sources, destinations, external } = this.state.filters;
    const visible = (n: MatrixNode): boolean => (namespace === '' || n.group === namespace) && (external || n.kind !== 'external');
    const contains = (n: MatrixNode, text: string): boolean => text.trim() === '' || n.id.toLowerCase().includes(text.trim().toLowerCase());
    this.rows = [];
    this.cols = [];
    m.nodes.forEach((n, i) => {
      if (!visible(n)) return;
      if (contains(n, sources)) this.rows.push(i);
      if (contains(n, destinations)) this.cols.push(i);
    });
    this.gridKey = `${m.nodes.map((n) => n.id).join('\n')}|${this.rows.join(',')}|${this.cols.join(',')}`;
  }

  private emit(topic: Topic): void {
    if (this.pending.size === 0) queueMicrotask(() => this.flush());
    this.pending.add(topic);
  }

  private flush(): void {
    const topics = new Set(this.pending);
    this.pending.clear();
    for (const listener of this.listeners) listener(topics);
  }
}
