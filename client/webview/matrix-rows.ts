/**
 * The rows of the matrix's drawn window: a source's row (its header, and the focused
 * cell when it is in this row) or a namespace's heading row. The cells themselves are
 * painted on a canvas beneath the rows (cell-canvas.ts); the one cell that keyboard focus
 * rests on is an element of its own, so screen readers read its words and the grid's
 * position of it. A source's row that leaves the window is reused for one that enters it.
 * Reused rows are not in the DOM in display order, so the grid lists its rows for screen
 * readers in display order (aria-owns).
 */
import type { MatrixNode } from '../../server/src/protocol';
import { nodeName } from './cell-text';
import { h, icon } from './dom';
import { CELL_H, type GridLayout, type GridWindow } from './matrix-layout';
import type { PanelStore } from './panel-store';

interface RowElements {
  readonly element: HTMLDivElement;
  /** A source's row header (absent in a namespace heading row): its icon and text. */
  readonly head: { readonly element: HTMLDivElement; readonly icon: HTMLSpanElement; readonly text: HTMLSpanElement } | undefined;
  /** Holds the room left of the focused cell's column, which follows it in the row's flow. */
  readonly spacer: HTMLDivElement;
}

/** Writes the focused cell's words for its place: row and column positions in the store's rows and columns. */
export type DescribeCell = (el: HTMLDivElement, row: number, col: number) => void;

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
    private readonly canvas: HTMLElement,
    private readonly describe: DescribeCell,
  ) {}

  /** The focused cell's element: it moves to the row and column of the active cell. */
  readonly activeCell = h('div', { className: 'matrix-cell', attrs: { role: 'gridcell', tabindex: '0' } });
  private described = '';

  /** What the headers show may have changed. */
  invalidate(): void {
    this.epoch++;
  }

  /** The focused cell's element when the active cell is at `display`, `col` and drawn. */
  cell(display: number, col: number): HTMLDivElement | undefined {
    const row = this.rows.get(display);
    return row && this.activeCell.parentNode === row.element && this.described.startsWith(`${this.epoch}|${display}|${col}|`) ? this.activeCell : undefined;
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
    for (let index = win.firstRow; index <= win.lastRow; index++) this.syncRow(layout, index, active, spare);
    if (![...this.rows.values()].some((row) => row.element === this.activeCell.parentNode)) this.activeCell.remove();
    for (const row of spare) row.element.remove();
    return [...this.rows.keys()].sort((a, b) => a - b).map((index) => this.rows.get(index)!.element.id);
  }

  private syncRow(layout: GridLayout, index: number, active: { row: number; col: number }, spare: RowElements[]): void {
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
      this.syncActive(layout, row, index, display.row, active);
    }
  }

  private groupRow(layout: GridLayout, group: string, label: string, size: number): RowElements {
    const element = h('div', { className: 'matrix-row group-row', attrs: { role: 'row', id: `np-row-${++this.serial}` } }, [
      h('div', { className: 'matrix-grouphead', attrs: { role: 'rowheader', 'aria-colspan': String(this.store.cols.length + 1) } }, [icon(group === 'External' ? 'globe' : 'folder'), h('span', { text: `${label} (${size})` })]),
    ]);
    element.style.width = `${layout.width}px`;
    return { element, head: undefined, spacer: h('div') };
  }

  private nodeRow(layout: GridLayout): RowElements {
    const head = { element: h('div', { attrs: { role: 'rowheader', 'aria-colindex': '1' } }), icon: icon('server-process'), text: h('span', { className: 'rowhead-text' }) };
    head.element.append(head.icon, head.text);
    const spacer = h('div', { className: 'matrix-spacer' });
    const element = h('div', { className: 'matrix-row', attrs: { role: 'row', id: `np-row-${++this.serial}` } }, [head.element, spacer]);
    element.style.width = `${layout.width}px`;
    return { element, head, spacer };
  }

  /** A row header shows its source: written when the row is new, reused for another source, or the focus changed. */
  private syncHead(layout: GridLayout, head: NonNullable<RowElements['head']>, node: MatrixNode): void {
    if (head.text.textContent !== node.label || head.element.title !== nodeName(node)) {
      head.text.textContent = node.label;
      head.element.title = nodeName(node);
      head.element.dataset.id = node.id;
      head.icon.className = `codicon codicon-${node.kind === 'external' ? 'globe' : 'server-process'}`;
      this.headsClassed.delete(head.element);
    }
    if (this.headsClassed.get(head.element) === this.epoch) return;
    head.element.className = headClass(this.store, layout, 'matrix-rowhead', node.id);
    this.headsClassed.set(head.element, this.epoch);
  }

  /** The focused cell goes into its row after a spacer as wide as the columns left of it. */
  private syncActive(layout: GridLayout, row: RowElements, index: number, rowPos: number, active: { row: number; col: number }): void {
    if (rowPos !== active.row) {
      if (this.activeCell.parentNode === row.element) this.activeCell.remove();
      return;
    }
    const col = active.col;
    const key = `${this.epoch}|${index}|${col}|${rowPos}`;
    if (this.described !== key) {
      this.described = key;
      this.describe(this.activeCell, rowPos, col);
      this.activeCell.setAttribute('aria-colindex', String(col + 2));
      this.activeCell.style.width = `${layout.colX[col + 1]! - layout.colX[col]!}px`;
      row.spacer.style.width = `${layout.colX[col]!}px`;
    }
    if (this.activeCell.parentNode !== row.element) {
      row.spacer.style.width = `${layout.colX[col]!}px`;
      row.element.append(this.activeCell);
    }
  }
}
