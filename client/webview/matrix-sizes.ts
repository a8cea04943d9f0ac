/**
 * How much room the matrix's text needs, measured with a canvas in the fonts the
 * panel's CSS gives it (VS Code sets them per theme). Fixed sizes cut headers and
 * cells ("Outside the clus…", "TCP 5…") in a panel docked at a third of the window;
 * measured ones give each column and header its whole text, up to a cap past which
 * the tooltip carries the rest. The chrome constants mirror panel.css.
 */
import { cellSummary } from './cell-text';
import { widestCellTexts } from './column-widths';
import { BAND_H, type GridSizes } from './matrix-layout';
import type { PanelStore } from './panel-store';

const MIN_COL_W = 48;
const MAX_COL_W = 240;
const MIN_HEAD_W = 120;
const MAX_HEAD_W = 320;
const MIN_HEAD_H = 90;
const MAX_HEAD_H = 260;
/** Cell: padding 4 + icon 12 + gap 3 + padding 4 + border 1, and 2 for sub-pixel rounding. */
const CELL_CHROME = 26;
/** The what-if mark's slot at a cell's right edge. */
export const MARK_W = 18;
/** Row header: padding 18 + icon 16 + gap 6 + padding 8 + border 1 + rounding 2. */
const ROWHEAD_CHROME = 51;
/** Namespace heading row: padding 6 + icon 16 + gap 6 + padding 8 + border 1 + rounding 2. */
const GROUPHEAD_CHROME = 39;
/** Column header text runs vertically: padding 4 above and below, and room for rounding. */
const COLHEAD_CHROME = 14;
/** Band: padding 6 on each side + border 1 + rounding 2. */
const BAND_CHROME = 15;

export interface Fonts {
  readonly ui: string;
  readonly uiSize: number;
  readonly mono: string;
  /** All of the above as one text. */
  readonly key: string;
}

/** The fonts the panel's text is drawn in now; part of the layout key, since a theme change changes them. */
export function currentFonts(): Fonts {
  const body = getComputedStyle(document.body);
  const mono = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
  const ui = body.fontFamily || 'sans-serif';
  const uiSize = parseFloat(body.fontSize) || 13;
  return { ui, uiSize, mono, key: JSON.stringify([ui, uiSize, mono]) };
}

export class TextMeter {
  private readonly context = document.createElement('canvas').getContext('2d');
  private font = '';
  /** Labels repeat (a node is a row and a column): each text is measured once per font. */
  private readonly known = new Map<string, number>();

  constructor(readonly fonts: Fonts) {}

  width(text: string, font: 'ui' | 'ui-small-bold' | 'mono-small'): number {
    if (!this.context || text === '') return 0;
    const key = `${font}\n${text}`;
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const f = this.fonts;
    const css = font === 'ui' ? `${f.uiSize}px ${f.ui}` : font === 'ui-small-bold' ? `600 11px ${f.ui}` : `11px ${f.mono}`;
    // Setting a canvas font parses it: only when it changes.
    if (css !== this.font) this.context.font = this.font = css;
    const width = Math.ceil(this.context.measureText(text).width);
    this.known.set(key, width);
    return width;
  }
}

/** Sizes for the store's current rows and columns; what-if marks widen the columns they appear in. */
export function measureGrid(store: PanelStore, meter: TextMeter): GridSizes {
  const m = store.matrix!;
  const paletteWidth = m.palette.map((cell) => (cell.status === 'denied' ? 0 : meter.width(cellSummary(cell.status, cell), 'mono-small')));
  const marked = new Set<string>();
  for (const key of store.changes.keys()) marked.add(key.slice(key.indexOf('\n') + 1));
  // A text that leaves its column at the minimum width, even with a what-if mark beside it, changes nothing.
  const widest = widestCellTexts(store.cells, m.nodes, store.rows, paletteWidth, MIN_COL_W - CELL_CHROME - (marked.size > 0 ? MARK_W : 0));
  const needs = store.cols.map((c) => widest[c]! + CELL_CHROME + (marked.has(m.nodes[c]!.id) ? MARK_W : 0));
  const colWidths = needs.map((need) => clamp(need, MIN_COL_W, MAX_COL_W));
  const groupLabels = new Map(m.groups.map((g) => [g.id, g.label]));
  // Header sizes stop growing at their caps, and so does the measuring.
  let headW = 0;
  for (let i = 0; i < store.rows.length && headW < MAX_HEAD_W; i++) {
    const node = m.nodes[store.rows[i]!]!;
    headW = Math.max(headW, meter.width(node.label, 'ui') + ROWHEAD_CHROME);
    if (i === 0 || m.nodes[store.rows[i - 1]!]!.group !== node.group) headW = Math.max(headW, meter.width(`${groupLabels.get(node.group) ?? node.group} (${countFrom(store, i)})`, 'ui-small-bold') + GROUPHEAD_CHROME);
  }
  let longestCol = 0;
  for (let i = 0; i < store.cols.length && BAND_H + longestCol + COLHEAD_CHROME < MAX_HEAD_H; i++) longestCol = Math.max(longestCol, meter.width(m.nodes[store.cols[i]!]!.label, 'ui'));
  return {
    headW: clamp(headW, MIN_HEAD_W, MAX_HEAD_W),
    headH: clamp(BAND_H + longestCol + COLHEAD_CHROME, MIN_HEAD_H, MAX_HEAD_H),
    colWidths,
    bandWidth: (label) => meter.width(label, 'ui-small-bold') + BAND_CHROME,
    maxColW: MAX_COL_W,
    cut: needs.map((need) => Math.ceil(need) > MAX_COL_W),
  };
}

/** How many rows from position `from` share its namespace (the heading row's count). */
function countFrom(store: PanelStore, from: number): number {
  const nodes = store.matrix!.nodes;
  const group = nodes[store.rows[from]!]!.group;
  let end = from;
  while (end + 1 < store.rows.length && nodes[store.rows[end + 1]!]!.group === group) end++;
  return end - from + 1;
}

/** Which pairs carry a what-if mark, as one string: a change there re-measures the columns. */
export function changesKey(store: PanelStore): string {
  return [...store.changes.keys()].sort().join('|');
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.ceil(value)));
}
