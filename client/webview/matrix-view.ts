/**
 * The matrix: sources as rows, destinations as columns, grouped by namespace;
 * an ARIA grid with one focusable cell (arrow keys move, Enter opens the
 * trace). Only the visible window is in the DOM, rows and columns alike, and its
 * cells are read from the server's runs (matrix-cells.ts), so 20,000 workloads (400
 * million cells) draw like five. Elements are kept by grid position and repainted in
 * place, which keeps scroll and keyboard focus across live updates; a row lays its
 * cells out in its own flow, so a scroll frame adds and removes cells at the edges only.
 */
import { CellPainter } from './cell-painter';
import { nodeName } from './cell-text';
import { h, icon } from './dom';
import { BAND_H, CELL_H, gridLayout, scrollToShow, visibleWindow, type GridLayout, type GridWindow } from './matrix-layout';
import { changesKey, currentFonts, measureGrid, TextMeter } from './matrix-sizes';
import type { PanelStore } from './panel-store';

interface RowElements {
  readonly element: HTMLDivElement;
  /** Holds the room left of the first drawn column: cells are laid out in the row's flow, not each positioned. */
  readonly spacer: HTMLDivElement;
  readonly cells: Map<number, HTMLDivElement>;
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
  private readonly rowEls = new Map<number, RowElements>();
  private readonly colEls = new Map<number, HTMLDivElement>();
  private active = { row: 0, col: 0 };
  private frame = 0;
  private readonly painter: CellPainter;
  /** The epoch of the painter each header was last classed in. */
  private readonly headsClassed = new WeakMap<HTMLElement, number>();
  private headEpoch = 0;

  constructor(
    private readonly store: PanelStore,
    private readonly open: (src: string, dst: string) => void,
  ) {
    this.painter = new CellPainter(store);
    this.bands = h('div', { className: 'matrix-bands', attrs: { 'aria-hidden': 'true' } });
    const corner = h('div', { className: 'matrix-corner', attrs: { role: 'columnheader', 'aria-colindex': '1' } }, [h('span', { className: 'corner-to', text: 'to →' }), h('span', { className: 'corner-from', text: 'from ↓' })]);
    this.head = h('div', { className: 'matrix-head', attrs: { role: 'row', 'aria-rowindex': '1' } }, [corner, this.bands]);
    this.canvas = h('div', { className: 'matrix-canvas' }, [this.head]);
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
    return this.reveal(src, dst) ? this.rowEls.get(this.layout!.displayOf[this.active.row]!)?.cells.get(this.active.col) : undefined;
  }

  private scheduleWindow(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.store.setScroll(this.element.scrollTop, this.element.scrollLeft);
      this.renderWindow(false);
    });
  }

  private viewport(): { top: number; left: number; width: number; height: number } {
    return { top: this.element.scrollTop, left: this.element.scrollLeft, width: this.element.clientWidth || 800, height: this.element.clientHeight || 600 };
  }

  /** Draws the visible window; `rebuild` drops every element first (the rows or columns changed). */
  private renderWindow(rebuild: boolean): void {
    const layout = this.layout;
    if (!layout) return;
    const win = visibleWindow(layout, this.store.cols.length, this.viewport());
    this.syncColumns(win, rebuild);
    for (const [index, row] of this.rowEls) {
      if (index < win.firstRow || index > win.lastRow || rebuild) {
        row.element.remove();
        this.rowEls.delete(index);
      }
    }
    for (let index = win.firstRow; index <= win.lastRow; index++) this.syncRow(index, win);
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
        if (this.headsClassed.get(existing) !== this.headEpoch) existing.className = this.headClass('matrix-colhead', node.id, col);
        this.headsClassed.set(existing, this.headEpoch);
        continue;
      }
      const el = h('div', { className: this.headClass('matrix-colhead', node.id, col), title: nodeName(node), attrs: { role: 'columnheader', 'aria-colindex': String(col + 2) } }, [h('span', { className: 'colhead-text', text: node.label })]);
      this.placeColumn(el, col);
      this.head.append(el);
      this.colEls.set(col, el);
    }
  }

  private headClass(base: string, id: string, col?: number): string {
    const focus = this.store.focusActive ? (this.store.focusSelected.has(id) ? ' focus-selected' : '') : '';
    return `${base}${focus}${col !== undefined && this.layout!.groupStarts.has(col) ? ' group-start' : ''}`;
  }

  private syncRow(index: number, win: GridWindow): void {
    const display = this.layout!.display[index]!;
    let row = this.rowEls.get(index);
    if (!row) {
      row = { element: h('div', { className: 'matrix-row', attrs: { role: 'row', 'aria-rowindex': String(index + 2) } }), spacer: h('div', { className: 'matrix-spacer' }), cells: new Map() };
      row.element.style.top = `${this.layout!.headH + index * CELL_H}px`;
      row.element.style.width = `${this.layout!.width}px`;
      if (display.kind === 'group') {
        row.element.classList.add('group-row');
        row.element.append(h('div', { className: 'matrix-grouphead', attrs: { role: 'rowheader', 'aria-colspan': String(this.store.cols.length + 1) } }, [icon(display.group === 'External' ? 'globe' : 'folder'), h('span', { text: `${display.label} (${display.size})` })]));
      } else {
        const node = this.store.node(this.store.rows[display.row]!);
        row.element.append(h('div', { className: this.headClass('matrix-rowhead', node.id), title: nodeName(node), attrs: { role: 'rowheader', 'aria-colindex': '1' } }, [icon(node.kind === 'external' ? 'globe' : 'server-process'), h('span', { className: 'rowhead-text', text: node.label })]), row.spacer);
      }
      this.canvas.append(row.element);
      this.rowEls.set(index, row);
    } else if (display.kind === 'node') {
      const head = row.element.firstElementChild as HTMLElement | null;
      if (head && this.headsClassed.get(head) !== this.headEpoch) head.className = this.headClass('matrix-rowhead', this.store.node(this.store.rows[display.row]!).id);
      if (head) this.headsClassed.set(head, this.headEpoch);
    }
    if (display.kind === 'node') this.syncCells(row, display.row, win);
  }

  private syncCells(row: RowElements, rowPos: number, win: GridWindow): void {
    for (const [col, el] of row.cells) {
      if (col < win.firstCol || col > win.lastCol) {
        el.remove();
        row.cells.delete(col);
      }
    }
    // The drawn columns stay one contiguous stretch: new ones go before the first or after the last.
    let next: Element | null = row.spacer.nextElementSibling;
    for (let col = win.firstCol; col <= win.lastCol; col++) {
      let el = row.cells.get(col);
      if (!el) {
        el = this.painter.create(col, this.columnWidth(col));
        row.element.insertBefore(el, next);
        row.cells.set(col, el);
      } else next = el.nextElementSibling;
      this.painter.paint(el, { row: rowPos, col, active: this.active.row === rowPos && this.active.col === col, groupStart: this.layout!.groupStarts.has(col), cut: this.layout!.cut[col]! });
    }
    const left = `${this.layout!.colX[win.firstCol]!}px`;
    if (row.spacer.style.width !== left) row.spacer.style.width = left;
  }

  /** What the cells and headers show may have changed: the next window paints them again. */
  private invalidate(): void {
    this.painter.invalidate();
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
    el.style.width = `${this.columnWidth(col)}px`;
  }

  private columnWidth(col: number): number {
    return this.layout!.colX[col + 1]! - this.layout!.colX[col]!;
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
    return display === undefined ? undefined : this.rowEls.get(display)?.cells.get(this.active.col);
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
