/**
 * The matrix: sources as rows, destinations as columns, grouped by namespace;
 * an ARIA grid with one focusable cell (arrow keys move, Enter opens the
 * trace). Cells are read from the server's runs (matrix-cells.ts) and painted on a
 * canvas the size of the visible body (cell-canvas.ts), so 20,000 workloads (400
 * million cells) draw like five; headers and rows are elements for the visible window
 * only, reused as it moves (matrix-rows.ts). The pointer is hit-tested against the
 * layout; the focused cell and the hovered one are elements above the canvas that carry
 * the cell's words (screen-reader label, tooltip) and the focus ring.
 */
import { CellCanvas } from './cell-canvas';
import { readCellLook } from './cell-look';
import { cellKind, cellLabel, cellTooltip, nodeName } from './cell-text';
import { h } from './dom';
import { BAND_H, CELL_H, columnAt, gridLayout, newCells, scrollToShow, visibleWindow, type GridLayout, type GridWindow } from './matrix-layout';
import { headClass, MatrixRows } from './matrix-rows';
import { changesKey, currentFonts, measureGrid, TextMeter } from './matrix-sizes';
import { pairKey, type PanelStore } from './panel-store';
import type { RenderedCell } from '../src/webview-protocol';

/** A cell of the grid by its positions in the store's rows and columns. */
interface CellPos {
  readonly row: number;
  readonly col: number;
}


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
  private readonly cells: CellCanvas;
  private readonly rows: MatrixRows;
  /** The hovered cell's outline and tooltip. */
  private readonly hover: HTMLDivElement;
  private lookRead = false;
  /** The epoch each column header was last classed in. */
  private readonly headsClassed = new WeakMap<HTMLElement, number>();
  private headEpoch = 0;

  constructor(
    private readonly store: PanelStore,
    private readonly open: (src: string, dst: string) => void,
  ) {
    this.cells = new CellCanvas(store);
    this.hover = h('div', { className: 'matrix-hover', attrs: { 'aria-hidden': 'true' } });
    this.hover.hidden = true;
    this.bands = h('div', { className: 'matrix-bands', attrs: { 'aria-hidden': 'true' } });
    const corner = h('div', { className: 'matrix-corner', attrs: { role: 'columnheader', 'aria-colindex': '1' } }, [h('span', { className: 'corner-to', text: 'to →' }), h('span', { className: 'corner-from', text: 'from ↓' })]);
    this.head = h('div', { className: 'matrix-head', attrs: { role: 'row', 'aria-rowindex': '1', id: 'np-row-head' } }, [corner, this.bands]);
    this.canvas = h('div', { className: 'matrix-canvas' }, [this.head, this.cells.element, this.hover]);
    this.rows = new MatrixRows(store, this.canvas, (el, row, col) => this.describe(el, row, col));
    this.element = h('div', { className: 'matrix-scroll', attrs: { role: 'grid', 'aria-label': 'Reachability matrix: rows are sources, columns are destinations', tabindex: '0' } }, [this.canvas]);
    this.element.addEventListener('scroll', () => {
      this.hover.hidden = true;
      this.scheduleWindow();
    });
    this.element.addEventListener('mousemove', (e) => this.onHover(e));
    this.element.addEventListener('mouseleave', () => (this.hover.hidden = true));
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('focus', (e) => e.target === this.element && this.focusActive());
    this.element.addEventListener('click', (e) => this.onClick(e));
    new ResizeObserver(() => this.scheduleWindow()).observe(this.element);
    // VS Code restyles the page on a theme change (fonts included): measure the text and read the cells' look again.
    const restyled = new MutationObserver(() => {
      this.lookRead = false;
      this.update();
    });
    restyled.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    restyled.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  /** Redraws after data, filters, selection, what-if or focus changed. */
  update(): void {
    const m = this.store.matrix;
    if (!m) return;
    this.invalidate();
    if (!this.lookRead && this.element.isConnected) this.readLook();
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

  /** The cells painted on screen, row by row, with their words (for the render report). */
  shownCells(max: number): RenderedCell[] {
    const layout = this.layout;
    if (!layout || this.store.cols.length === 0) return [];
    const view = this.viewport();
    const body = this.body(layout, view);
    const lastCol = Math.min(this.store.cols.length - 1, columnAt(layout, body.left + body.width - 1));
    const cells: RenderedCell[] = [];
    for (let d = Math.floor(body.top / CELL_H); d * CELL_H < body.top + body.height && d < layout.display.length; d++) {
      const display = layout.display[d]!;
      if (display.kind !== 'node') continue;
      for (let col = columnAt(layout, body.left); col <= lastCol; col++) {
        if (cells.length >= max) return cells;
        const words = this.words({ row: display.row, col });
        cells.push({ src: words.src, dst: words.dst, status: words.kind, label: words.label });
      }
    }
    return cells;
  }

  private readLook(): void {
    this.lookRead = true;
    const look = readCellLook(this.element);
    this.cells.setLook(look);
    // A canvas draws codicons only once their font has loaded; paint again when it has.
    if (!document.fonts.check(look.glyphFont) || !document.fonts.check(look.markFont)) {
      void Promise.all([document.fonts.load(look.glyphFont), document.fonts.load(look.markFont)]).then(() => {
        this.cells.setLook(look);
        this.renderWindow(false);
      });
    }
  }

  /** The words of a cell: its pair, kind, screen-reader label and tooltip. */
  private words(pos: CellPos): { src: string; dst: string; kind: RenderedCell['status']; label: string; tooltip: string } {
    const s = this.store;
    const r = s.rows[pos.row]!;
    const c = s.cols[pos.col]!;
    const src = s.node(r);
    const dst = s.node(c);
    const cell = s.cell(r, c);
    const kind = cellKind(src, dst, r, c, cell);
    const key = pairKey(src.id, dst.id);
    const changes = s.changes.get(key) ?? [];
    const flows = s.focusFlows.get(key) ?? [];
    return { src: src.id, dst: dst.id, kind, label: cellLabel(src, dst, kind, cell, changes, flows), tooltip: cellTooltip(src, dst, kind, cell, changes, flows) };
  }

  /** The focused cell's element says what the canvas shows there. */
  private describe(el: HTMLDivElement, row: number, col: number): void {
    const words = this.words({ row, col });
    const selection = this.store.state.selection;
    el.dataset.src = words.src;
    el.dataset.dst = words.dst;
    el.dataset.kind = words.kind;
    el.setAttribute('aria-label', words.label);
    el.setAttribute('aria-selected', String(selection?.src === words.src && selection.dst === words.dst));
    el.title = words.tooltip;
  }

  /** The cell under a point of the page, if it is over the grid's body (not its headers). */
  private cellAt(clientX: number, clientY: number): CellPos | undefined {
    const layout = this.layout;
    if (!layout || this.store.cols.length === 0) return undefined;
    const box = this.element.getBoundingClientRect();
    const vx = clientX - box.left - this.element.clientLeft;
    const vy = clientY - box.top - this.element.clientTop;
    if (vx < layout.headW || vy < layout.headH || vx >= this.element.clientWidth || vy >= this.element.clientHeight) return undefined;
    const x = vx - layout.headW + this.element.scrollLeft;
    const y = vy - layout.headH + this.element.scrollTop;
    const display = layout.display[Math.floor(y / CELL_H)];
    if (display?.kind !== 'node' || x >= layout.colX[layout.colX.length - 1]!) return undefined;
    return { row: display.row, col: columnAt(layout, x) };
  }

  private onHover(e: MouseEvent): void {
    const pos = this.cellAt(e.clientX, e.clientY);
    const layout = this.layout;
    if (!pos || !layout) {
      this.hover.hidden = true;
      return;
    }
    const key = `${pos.row}|${pos.col}`;
    if (this.hover.dataset.at !== key) {
      this.hover.dataset.at = key;
      this.hover.title = this.words(pos).tooltip;
      this.hover.style.transform = `translate(${layout.headW + layout.colX[pos.col]!}px, ${layout.headH + layout.displayOf[pos.row]! * CELL_H}px)`;
      this.hover.style.width = `${layout.colX[pos.col + 1]! - layout.colX[pos.col]!}px`;
    }
    this.hover.hidden = false;
  }

  /** The part of the grid's body on screen: the canvas covers it. */
  private body(layout: GridLayout, view: { top: number; left: number; width: number; height: number }): { left: number; top: number; width: number; height: number } {
    return { left: view.left, top: view.top, width: Math.max(0, Math.min(view.width, layout.width) - layout.headW), height: Math.max(0, Math.min(view.height, layout.height) - layout.headH) };
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
    this.cells.paint(layout, this.body(layout, view));
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
      const el = h('div', { className: headClass(this.store, this.layout!, 'matrix-colhead', node.id, col), title: nodeName(node), attrs: { role: 'columnheader', 'aria-colindex': String(col + 2), 'data-id': node.id } }, [h('span', { className: 'colhead-text', text: node.label })]);
      this.placeColumn(el, col);
      this.head.append(el);
      this.colEls.set(col, el);
    }
  }



  /** What the cells and headers show may have changed: the next window paints them again. */
  private invalidate(): void {
    this.cells.invalidate();
    this.hover.dataset.at = '';
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
    // The focused cell's element knows its pair (a click from the keyboard or the test API has no position); elsewhere the pointer says.
    const cell = (e.target as Element).closest<HTMLElement>('.matrix-cell');
    if (cell?.dataset.src && cell.dataset.dst) this.reveal(cell.dataset.src, cell.dataset.dst);
    else {
      const pos = this.cellAt(e.clientX, e.clientY);
      if (!pos) return;
      this.moveTo(pos.row, pos.col, false);
    }
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
