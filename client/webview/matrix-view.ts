/**
 * The matrix: sources as rows, destinations as columns, grouped by namespace;
 * an ARIA grid with one focusable cell (arrow keys move, Enter opens the
 * trace). Only the visible window is in the DOM, rows and columns alike, and its
 * cells are read from the server's runs (matrix-cells.ts), so 20,000 workloads (400
 * million cells) draw like five. Elements are kept by grid position and repainted in
 * place, which keeps scroll and keyboard focus across live updates; rows (matrix-rows.ts)
 * lay their cells out in their own flow and are reused as the window moves, so a scroll
 * frame adds and removes cells at the edges only.
 */
import { CellPainter } from './cell-painter';
import { nodeName } from './cell-text';
import { h } from './dom';
import { BAND_H, CELL_H, gridLayout, newCells, scrollToShow, visibleWindow, type GridLayout, type GridWindow } from './matrix-layout';
import { headClass, MatrixRows } from './matrix-rows';
import { changesKey, currentFonts, measureGrid, TextMeter } from './matrix-sizes';
import type { PanelStore } from './panel-store';


export class MatrixView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly head: HTMLDivElement;
  private readonly bands: HTMLDivElement;
  private layout: GridLayout | undefined;
  private layoutKey = '';
  private gridKey = '';
  /** Widths measured in the current fonts, kept across layouts. */
  private meter: TextMeter | undefined;
  private readonly colEls = new Map<number, HTMLDivElement>();
  private active = { row: 0, col: 0 };
  private frame = 0;
  /** The window drawn last. */
  private drawn: GridWindow | undefined;
  private readonly painter: CellPainter;
  private readonly rows: MatrixRows;
  /** The epoch each column header was last classed in. */
  private readonly headsClassed = new WeakMap<HTMLElement, number>();
  private headEpoch = 0;

  constructor(
    private readonly store: PanelStore,
    private readonly open: (src: string, dst: string) => void,
  ) {
    this.painter = new CellPainter(store);
    this.bands = h('div', { className: 'matrix-bands', attrs: { 'aria-hidden': 'true' } });
    const corner = h('div', { className: 'matrix-corner', attrs: { role: 'columnheader', 'aria-colindex': '1' } }, [h('span', { className: 'corner-to', text: 'to →' }), h('span', { className: 'corner-from', text: 'from ↓' })]);
    this.head = h('div', { className: 'matrix-head', attrs: { role: 'row', 'aria-rowindex': '1', id: 'np-row-head' } }, [corner, this.bands]);
    this.canvas = h('div', { className: 'matrix-canvas' }, [this.head]);
    this.rows = new MatrixRows(store, this.painter, this.canvas);
    this.element = h('div', { className: 'matrix-scroll', attrs: { role: 'grid', 'aria-label': 'Reachability matrix: rows are sources, columns are destinations', tabindex: '0' } }, [this.canvas]);
    this.element.addEventListener('scroll', () => this.scheduleWindow());
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('focus', (e) => e.target === this.element && this.focusActive());
    this.element.addEventListener('click', (e) => this.onClick(e));
    new ResizeObserver(() => this.scheduleWindow()).observe(this.element);
    // VS Code restyles the page on a theme change (fonts included): measure the text again.
    const restyled = new MutationObserver(() => this.update());
    restyled.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    restyled.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  /** Redraws after data, filters, selection, what-if or focus changed. */
  update(): void {
    const m = this.store.matrix;
    if (!m) return;
    this.invalidate();
    // Same nodes in the same places: repaint in place (keeps focus); otherwise rebuild the window.
    // Widths follow the text, so new labels, what-if marks or fonts also rebuild.
    const fonts = currentFonts();
    const key = `${changesKey(this.store)}|${m.palette.map((c) => c.connections).join(',')}|${fonts.key}`;
    if (key !== this.layoutKey || this.store.gridKey !== this.gridKey) {
      const hadFocus = this.element.contains(document.activeElement) && document.activeElement !== this.element;
      this.layoutKey = key;
      this.gridKey = this.store.gridKey;
      if (this.meter?.fonts.key !== fonts.key) this.meter = new TextMeter(fonts);
      this.layout = gridLayout(m.nodes, this.store.rows, this.store.cols, (g) => m.groups.find((x) => x.id === g)?.label ?? g, measureGrid(this.store, this.meter));
      this.applyHeadSizes(this.layout);
      this.canvas.style.width = `${this.layout.width}px`;
      this.canvas.style.height = `${this.layout.height}px`;
      this.head.style.width = `${this.layout.width}px`;
      this.element.setAttribute('aria-rowcount', String(this.layout.display.length + 1));
      this.element.setAttribute('aria-colcount', String(this.store.cols.length + 1));
      this.drawBands();
      this.followSelection();
      this.renderWindow(true);
      if (hadFocus) this.focusActive();
    } else this.renderWindow(false);
  }

  restoreScroll(top: number, left: number): void {
    this.element.scrollTop = top;
    this.element.scrollLeft = left;
    this.renderWindow(false);
  }

  /** Brings a pair into view and makes it the active cell; false when it is filtered out. */
  reveal(src: string, dst: string): boolean {
    const row = this.store.rows.indexOf(this.store.nodeIndex.get(src) ?? -1);
    const col = this.store.cols.indexOf(this.store.nodeIndex.get(dst) ?? -1);
    if (row < 0 || col < 0) return false;
    this.moveTo(row, col, false);
    return true;
  }

  cellElement(src: string, dst: string): HTMLElement | undefined {
    return this.reveal(src, dst) ? this.rows.cell(this.layout!.displayOf[this.active.row]!, this.active.col) : undefined;
  }

  private scheduleWindow(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.store.setScroll(this.element.scrollTop, this.element.scrollLeft);
      this.renderWindow(false, true);
    });
  }

  private viewport(): { top: number; left: number; width: number; height: number } {
    return { top: this.element.scrollTop, left: this.element.scrollLeft, width: this.element.clientWidth || 800, height: this.element.clientHeight || 600 };
  }

  /**
   * Draws the visible window; `rebuild` drops every element first (the rows or columns
   * changed). A scroll that lands far away (a dragged scrollbar) draws what is on screen
   * first and the few rows and columns around it in the next frame, which halves the
   * frame that has to draw everything anew.
   */
  private renderWindow(rebuild: boolean, scrolled = false): void {
    const layout = this.layout;
    if (!layout) return;
    const view = this.viewport();
    let win = visibleWindow(layout, this.store.cols.length, view);
    const onScreen = visibleWindow(layout, this.store.cols.length, view, 0);
    if (scrolled && newCells(this.drawn, onScreen) > newCells(undefined, onScreen) / 2) {
      win = onScreen;
      this.scheduleWindow();
    }
    this.drawn = win;
    this.syncColumns(win, rebuild);
    // Reused rows are not in the DOM in display order; screen readers read the grid's rows in this one.
    const owns = [this.head.id, ...this.rows.sync(layout, win, this.active, rebuild)].join(' ');
    if (this.element.getAttribute('aria-owns') !== owns) this.element.setAttribute('aria-owns', owns);
    const activeShown = this.activeCell() !== undefined;
    this.element.tabIndex = activeShown ? -1 : 0;
  }

  private syncColumns(win: GridWindow, rebuild: boolean): void {
    for (const [col, el] of this.colEls) {
      if (col < win.firstCol || col > win.lastCol || rebuild) {
        el.remove();
        this.colEls.delete(col);
      }
    }
    for (let col = win.firstCol; col <= win.lastCol; col++) {
      const node = this.store.node(this.store.cols[col]!);
      const existing = this.colEls.get(col);
      if (existing) {
        if (this.headsClassed.get(existing) !== this.headEpoch) existing.className = headClass(this.store, this.layout!, 'matrix-colhead', node.id, col);
        this.headsClassed.set(existing, this.headEpoch);
        continue;
      }
      const el = h('div', { className: headClass(this.store, this.layout!, 'matrix-colhead', node.id, col), title: nodeName(node), attrs: { role: 'columnheader', 'aria-colindex': String(col + 2) } }, [h('span', { className: 'colhead-text', text: node.label })]);
      this.placeColumn(el, col);
      this.head.append(el);
      this.colEls.set(col, el);
    }
  }



  /** What the cells and headers show may have changed: the next window paints them again. */
  private invalidate(): void {
    this.painter.invalidate();
    this.rows.invalidate();
    this.headEpoch++;
  }

  private drawBands(): void {
    this.bands.replaceChildren(
      ...this.layout!.runs.map((run) => {
        const band = h('div', { className: 'matrix-band', text: run.label, title: run.label });
        const { headW, colX } = this.layout!;
        band.style.left = `${headW + colX[run.start]!}px`;
        band.style.width = `${colX[run.end + 1]! - colX[run.start]!}px`;
        band.style.height = `${BAND_H}px`;
        return band;
      }),
    );
  }

  /** Header sizes follow the measured text; panel.css reads them as custom properties. */
  private applyHeadSizes(layout: GridLayout): void {
    this.element.style.setProperty('--np-head-w', `${layout.headW}px`);
    this.element.style.setProperty('--np-head-h', `${layout.headH}px`);
    this.element.style.setProperty('--np-colhead-h', `${layout.headH - BAND_H}px`);
  }

  /** A column header at its column's place and width. */
  private placeColumn(el: HTMLElement, col: number): void {
    el.style.left = `${this.layout!.headW + this.layout!.colX[col]!}px`;
    el.style.width = `${this.layout!.colX[col + 1]! - this.layout!.colX[col]!}px`;
  }

  /** After a data change the active cell stays on the selected pair, wherever it moved. */
  private followSelection(): void {
    const sel = this.store.state.selection;
    const row = sel ? this.store.rows.indexOf(this.store.nodeIndex.get(sel.src) ?? -1) : -1;
    const col = sel ? this.store.cols.indexOf(this.store.nodeIndex.get(sel.dst) ?? -1) : -1;
    if (row >= 0 && col >= 0) this.active = { row, col };
    this.active = { row: clamp(this.active.row, this.store.rows.length), col: clamp(this.active.col, this.store.cols.length) };
  }

  private activeCell(): HTMLDivElement | undefined {
    const display = this.layout?.displayOf[this.active.row];
    return display === undefined ? undefined : this.rows.cell(display, this.active.col);
  }

  private focusActive(): void {
    if (!this.layout || this.store.rows.length === 0 || this.store.cols.length === 0) return;
    this.moveTo(this.active.row, this.active.col, true);
  }

  private moveTo(row: number, col: number, focus: boolean): void {
    this.invalidate();
    this.active = { row: clamp(row, this.store.rows.length), col: clamp(col, this.store.cols.length) };
    const target = scrollToShow(this.layout!, this.layout!.displayOf[this.active.row]!, this.active.col, this.viewport());
    this.element.scrollTop = target.top;
    this.element.scrollLeft = target.left;
    this.renderWindow(false);
    if (focus) this.activeCell()?.focus({ preventScroll: true });
  }

  private onKey(e: KeyboardEvent): void {
    const { row, col } = this.active;
    const page = Math.max(1, Math.floor((this.element.clientHeight - (this.layout?.headH ?? 0)) / CELL_H) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      PageUp: [row - page, col],
      PageDown: [row + page, col],
      Home: e.ctrlKey ? [0, 0] : [row, 0],
      End: e.ctrlKey ? [this.store.rows.length - 1, this.store.cols.length - 1] : [row, this.store.cols.length - 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.moveTo(move[0], move[1], true);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.openActive();
    }
  }

  private onClick(e: MouseEvent): void {
    const cell = (e.target as Element).closest<HTMLElement>('.matrix-cell');
    if (!cell?.dataset.src || !cell.dataset.dst) return;
    this.reveal(cell.dataset.src, cell.dataset.dst);
    this.activeCell()?.focus({ preventScroll: true });
    this.openActive();
  }

  private openActive(): void {
    const src = this.store.node(this.store.rows[this.active.row]!);
    const dst = this.store.node(this.store.cols[this.active.col]!);
    if (src && dst) this.open(src.id, dst.id);
  }
}

function clamp(value: number, length: number): number {
  return Math.max(0, Math.min(value, length - 1));
}
