/**
 * Geometry of the matrix grid: which display row holds which source (namespace
 * heading rows between groups), where the column groups run, how wide each
 * column is, and which part of the grid a scroll position shows. Pure numbers
 * (text widths come in measured), so the view can draw only the visible window
 * of a matrix of any size.
 */
import type { MatrixNode } from '../../server/src/protocol';

export const CELL_H = 24;
export const BAND_H = 22;
const OVERSCAN = 4;

export type DisplayRow = { readonly kind: 'group'; readonly group: string; readonly label: string; readonly size: number } | { readonly kind: 'node'; readonly row: number };

export interface ColumnRun {
  readonly group: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** What the text needs, measured by the view: header sizes and each column's own width. */
export interface GridSizes {
  readonly headW: number;
  readonly headH: number;
  /** Per column position: what its cells need. */
  readonly colWidths: readonly number[];
  /** What a column group's band needs for its whole label. */
  readonly bandWidth: (label: string) => number;
  /** No column grows past this for its band: a band label longer than that is cut (its tooltip has it). */
  readonly maxColW: number;
  /** Per column position: its widest text needs more than maxColW, so it is cut. */
  readonly cut: readonly boolean[];
}

export interface GridLayout {
  readonly display: readonly DisplayRow[];
  /** Display index of each row position. */
  readonly displayOf: readonly number[];
  readonly runs: readonly ColumnRun[];
  /** Column positions that start a group after the first. */
  readonly groupStarts: ReadonlySet<number>;
  /** Per column position: its cells cut their text. */
  readonly cut: readonly boolean[];
  readonly headW: number;
  readonly headH: number;
  /** Left edge of each column from the row headers' right edge; one more entry for the end. */
  readonly colX: readonly number[];
  readonly width: number;
  readonly height: number;
}

export interface GridWindow {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

export type Viewport = { readonly top: number; readonly left: number; readonly width: number; readonly height: number };

export function gridLayout(nodes: readonly MatrixNode[], rows: readonly number[], cols: readonly number[], groupLabel: (group: string) => string, sizes: GridSizes): GridLayout {
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
  const widths = widenForBands(sizes, runs);
  const colX = [0];
  for (const w of widths) colX.push(colX[colX.length - 1]! + w);
  const groupStarts = new Set(runs.slice(1).map((r) => r.start));
  return { display, displayOf, runs, groupStarts, cut: sizes.cut, headW: sizes.headW, headH: sizes.headH, colX, width: sizes.headW + colX[colX.length - 1]!, height: sizes.headH + display.length * CELL_H };
}

/** Columns of a group share out what its band label lacks, so "Outside the cluster" is never cut to "Outside the clus…". */
function widenForBands(sizes: GridSizes, runs: readonly ColumnRun[]): number[] {
  const widths = [...sizes.colWidths];
  for (const run of runs) {
    const count = run.end - run.start + 1;
    let have = 0;
    for (let col = run.start; col <= run.end; col++) have += widths[col]!;
    const lack = sizes.bandWidth(run.label) - have;
    if (lack <= 0) continue;
    const each = Math.ceil(lack / count);
    for (let col = run.start; col <= run.end; col++) widths[col] = Math.max(widths[col]!, Math.min(sizes.maxColW, widths[col]! + each));
  }
  return widths;
}

function countRun(nodes: readonly MatrixNode[], rows: readonly number[], from: number): number {
  const group = nodes[rows[from]!]!.group;
  let end = from;
  while (end + 1 < rows.length && nodes[rows[end + 1]!]!.group === group) end++;
  return end - from + 1;
}

/** The column whose span holds x (measured from the row headers' right edge). */
export function columnAt(layout: GridLayout, x: number): number {
  const xs = layout.colX;
  let lo = 0;
  let hi = xs.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The display rows and columns a viewport shows, with a few extra on each side (`overscan`). */
export function visibleWindow(layout: GridLayout, columns: number, view: Viewport, overscan = OVERSCAN): GridWindow {
  const firstRow = Math.max(0, Math.floor(view.top / CELL_H) - overscan);
  const lastRow = Math.min(layout.display.length - 1, Math.ceil((view.top + view.height - layout.headH) / CELL_H) + overscan);
  const firstCol = Math.max(0, columnAt(layout, view.left) - overscan);
  const lastCol = Math.min(columns - 1, columnAt(layout, view.left + view.width - layout.headW) + overscan);
  return { firstRow, lastRow, firstCol, lastCol };
}

/** How many cells of `next` are not in `drawn`. */
export function newCells(drawn: GridWindow | undefined, next: GridWindow): number {
  const size = (w: GridWindow): number => Math.max(0, w.lastRow - w.firstRow + 1) * Math.max(0, w.lastCol - w.firstCol + 1);
  if (!drawn) return size(next);
  const common = { firstRow: Math.max(drawn.firstRow, next.firstRow), lastRow: Math.min(drawn.lastRow, next.lastRow), firstCol: Math.max(drawn.firstCol, next.firstCol), lastCol: Math.min(drawn.lastCol, next.lastCol) };
  return size(next) - (common.firstRow <= common.lastRow && common.firstCol <= common.lastCol ? size(common) : 0);
}

/** The scroll position that brings a cell into view, moving as little as possible. */
export function scrollToShow(layout: GridLayout, displayRow: number, col: number, view: Viewport): { top: number; left: number } {
  const rowTop = displayRow * CELL_H;
  const bodyHeight = Math.max(CELL_H, view.height - layout.headH);
  const top = rowTop < view.top ? rowTop : rowTop + CELL_H > view.top + bodyHeight ? rowTop + CELL_H - bodyHeight : view.top;
  const colLeft = layout.colX[col] ?? 0;
  const colW = (layout.colX[col + 1] ?? colLeft) - colLeft;
  const bodyWidth = Math.max(colW, view.width - layout.headW);
  const left = colLeft < view.left ? colLeft : colLeft + colW > view.left + bodyWidth ? colLeft + colW - bodyWidth : view.left;
  return { top, left };
}
