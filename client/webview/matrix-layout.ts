/**
 * Geometry of the matrix grid: which display row holds which source (namespace
 * heading rows between groups), where the column groups run, and which part of
 * the grid a scroll position shows. Pure numbers, so the view can draw only the
 * visible window of a matrix of any size.
 */
import type { MatrixNode } from '../../server/src/protocol';

export const CELL_W = 64;
export const CELL_H = 24;
export const HEAD_W = 260;
export const HEAD_H = 150;
export const BAND_H = 22;
const OVERSCAN = 4;

export type DisplayRow = { readonly kind: 'group'; readonly group: string; readonly label: string; readonly size: number } | { readonly kind: 'node'; readonly row: number };

export interface ColumnRun {
  readonly group: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

export interface GridLayout {
  readonly display: readonly DisplayRow[];
  /** Display index of each row position. */
  readonly displayOf: readonly number[];
  readonly runs: readonly ColumnRun[];
  /** Column positions that start a group after the first. */
  readonly groupStarts: ReadonlySet<number>;
  readonly width: number;
  readonly height: number;
}

export interface GridWindow {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

export function gridLayout(nodes: readonly MatrixNode[], rows: readonly number[], cols: readonly number[], groupLabel: (group: string) => string): GridLayout {
  const display: DisplayRow[] = [];
  const displayOf: number[] = [];
  rows.forEach((nodeIndex, row) => {
    const group = nodes[nodeIndex]!.group;
    const previous = row > 0 ? nodes[rows[row - 1]!]!.group : undefined;
    if (group !== previous) display.push({ kind: 'group', group, label: groupLabel(group), size: countRun(nodes, rows, row) });
    displayOf.push(display.length);
    display.push({ kind: 'node', row });
  });
  const runs: ColumnRun[] = [];
  cols.forEach((nodeIndex, col) => {
    const group = nodes[nodeIndex]!.group;
    const last = runs[runs.length - 1];
    if (last && last.group === group) runs[runs.length - 1] = { ...last, end: col };
    else runs.push({ group, label: groupLabel(group), start: col, end: col });
  });
  const groupStarts = new Set(runs.slice(1).map((r) => r.start));
  return { display, displayOf, runs, groupStarts, width: HEAD_W + cols.length * CELL_W, height: HEAD_H + display.length * CELL_H };
}

function countRun(nodes: readonly MatrixNode[], rows: readonly number[], from: number): number {
  const group = nodes[rows[from]!]!.group;
  let end = from;
  while (end + 1 < rows.length && nodes[rows[end + 1]!]!.group === group) end++;
  return end - from + 1;
}

/** The display rows and columns a viewport shows, with a few extra on each side. */
export function visibleWindow(layout: GridLayout, columns: number, view: { top: number; left: number; width: number; height: number }): GridWindow {
  const firstRow = Math.max(0, Math.floor(view.top / CELL_H) - OVERSCAN);
  const lastRow = Math.min(layout.display.length - 1, Math.ceil((view.top + view.height - HEAD_H) / CELL_H) + OVERSCAN);
  const firstCol = Math.max(0, Math.floor(view.left / CELL_W) - OVERSCAN);
  const lastCol = Math.min(columns - 1, Math.ceil((view.left + view.width - HEAD_W) / CELL_W) + OVERSCAN);
  return { firstRow, lastRow, firstCol, lastCol };
}

/** The scroll position that brings a cell into view, moving as little as possible. */
export function scrollToShow(displayRow: number, col: number, view: { top: number; left: number; width: number; height: number }): { top: number; left: number } {
  const rowTop = displayRow * CELL_H;
  const bodyHeight = Math.max(CELL_H, view.height - HEAD_H);
  const top = rowTop < view.top ? rowTop : rowTop + CELL_H > view.top + bodyHeight ? rowTop + CELL_H - bodyHeight : view.top;
  const colLeft = col * CELL_W;
  const bodyWidth = Math.max(CELL_W, view.width - HEAD_W);
  const left = colLeft < view.left ? colLeft : colLeft + CELL_W > view.left + bodyWidth ? colLeft + CELL_W - bodyWidth : view.left;
  return { top, left };
}
