/**
 * The rows of the matrix's drawn window: a source's row (its header, a spacer for the
 * columns left of the window, and the window's cells) or a namespace's heading row.
 * A source's row that leaves the window is reused for one that enters it: moving it and
 * repainting its cells costs a scroll frame much less than new elements. Reused rows are
 * not in the DOM in display order, so the grid lists its rows for screen readers in
 * display order (aria-owns).
 */
import type { MatrixNode } from '../../server/src/protocol';
import type { CellPainter } from './cell-painter';
import { nodeName } from './cell-text';
import { h, icon } from './dom';
import { CELL_H, type GridLayout, type GridWindow } from './matrix-layout';
import type { PanelStore } from './panel-store';

interface RowElements {
  readonly element: HTMLDivElement;
  /** A source's row header (absent in a namespace heading row): its icon and text. */
  readonly head: { readonly element: HTMLDivElement; readonly icon: HTMLSpanElement; readonly text: HTMLSpanElement } | undefined;
  /** Holds the room left of the first drawn column: cells are laid out in the row's flow, not each positioned. */
  readonly spacer: HTMLDivElement;
  readonly cells: Map<number, HTMLDivElement>;
}

/** The class of a row or column header: the focused policy's pods stand out, and a column that starts a namespace has a rule. */
export function headClass(store: PanelStore, layout: GridLayout, base: string, id: string, col?: number): string {
  const focus = store.focusActive ? (store.focusSelected.has(id) ? ' focus-selected' : '') : '';
  return `${base}${focus}${col !== undefined && layout.groupStarts.has(col) ? ' group-start' : ''}`;
}

export class MatrixRows {
  /** By display index. */
  private readonly rows = new Map<number, RowElements>();
  /** The epoch each row header was last classed in. */
  private readonly headsClassed = new WeakMap<HTMLElement, number>();
  private epoch = 0;
  private serial = 0;

  constructor(
    private readonly store: PanelStore,
    private readonly painter: CellPainter,
    private readonly canvas: HTMLElement,
  ) {}

  /** What the headers show may have changed. */
  invalidate(): void {
    this.epoch++;
  }

  cell(display: number, col: number): HTMLDivElement | undefined {
    return this.rows.get(display)?.cells.get(col);
  }

  /**
   * Draws the window's rows, `rebuild` dropping every element first (the rows or columns
   * changed); returns the ids of the drawn rows in display order.
   */
  sync(layout: GridLayout, win: GridWindow, active: { row: number; col: number }, rebuild: boolean): string[] {
    const spare: RowElements[] = [];
    for (const [index, row] of this.rows) {
      if (index >= win.firstRow && index <= win.lastRow && !rebuild) continue;
      this.rows.delete(index);
      if (row.head && !rebuild) spare.push(row);
      else row.element.remove();
    }
    for (let index = win.firstRow; index <= win.lastRow; index++) this.syncRow(layout, index, win, active, spare);
    for (const row of spare) row.element.remove();
    return [...this.rows.keys()].sort((a, b) => a - b).map((index) => this.rows.get(index)!.element.id);
  }

  private syncRow(layout: GridLayout, index: number, win: GridWindow, active: { row: number; col: number }, spare: RowElements[]): void {
    const display = layout.display[index]!;
    let row = this.rows.get(index);
    if (!row) {
      row = display.kind === 'group' ? this.groupRow(layout, display.group, display.label, display.size) : (spare.pop() ?? this.nodeRow(layout));
      row.element.style.top = `${layout.headH + index * CELL_H}px`;
      row.element.setAttribute('aria-rowindex', String(index + 2));
      if (row.element.parentNode !== this.canvas) this.canvas.append(row.element);
      this.rows.set(index, row);
    }
    if (display.kind === 'node') {
      this.syncHead(layout, row.head!, this.store.node(this.store.rows[display.row]!));
      this.syncCells(layout, row, display.row, win, active);
    }
  }

  private groupRow(layout: GridLayout, group: string, label: string, size: number): RowElements {
    const element = h('div', { className: 'matrix-row group-row', attrs: { role: 'row', id: `np-row-${++this.serial}` } }, [
      h('div', { className: 'matrix-grouphead', attrs: { role: 'rowheader', 'aria-colspan': String(this.store.cols.length + 1) } }, [icon(group === 'External' ? 'globe' : 'folder'), h('span', { text: `${label} (${size})` })]),
    ]);
    element.style.width = `${layout.width}px`;
    return { element, head: undefined, spacer: h('div'), cells: new Map() };
  }

  private nodeRow(layout: GridLayout): RowElements {
    const head = { element: h('div', { attrs: { role: 'rowheader', 'aria-colindex': '1' } }), icon: icon('server-process'), text: h('span', { className: 'rowhead-text' }) };
    head.element.append(head.icon, head.text);
    const spacer = h('div', { className: 'matrix-spacer' });
    const element = h('div', { className: 'matrix-row', attrs: { role: 'row', id: `np-row-${++this.serial}` } }, [head.element, spacer]);
    element.style.width = `${layout.width}px`;
    return { element, head, spacer, cells: new Map() };
  }

  /** A row header shows its source: written when the row is new, reused for another source, or the focus changed. */
  private syncHead(layout: GridLayout, head: NonNullable<RowElements['head']>, node: MatrixNode): void {
    if (head.text.textContent !== node.label || head.element.title !== nodeName(node)) {
      head.text.textContent = node.label;
      head.element.title = nodeName(node);
      head.icon.className = `codicon codicon-${node.kind === 'external' ? 'globe' : 'server-process'}`;
      this.headsClassed.delete(head.element);
    }
    if (this.headsClassed.get(head.element) === this.epoch) return;
    head.element.className = headClass(this.store, layout, 'matrix-rowhead', node.id);
    this.headsClassed.set(head.element, this.epoch);
  }

  private syncCells(layout: GridLayout, row: RowElements, rowPos: number, win: GridWindow, active: { row: number; col: number }): void {
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
        el = this.painter.create(col, layout.colX[col + 1]! - layout.colX[col]!);
        row.element.insertBefore(el, next);
        row.cells.set(col, el);
      } else next = el.nextElementSibling;
      this.painter.paint(el, { row: rowPos, col, active: active.row === rowPos && active.col === col, groupStart: layout.groupStarts.has(col), cut: layout.cut[col]! });
    }
    const left = `${layout.colX[win.firstCol]!}px`;
    if (row.spacer.style.width !== left) row.spacer.style.width = left;
  }
}
