/**
 * The matrix's cells painted on one canvas the size of the grid's visible body, beneath the
 * rows and headers. Cells as DOM elements cost a scroll frame 10 to 20 ms for five new rows
 * (style, layout and paint of a few hundred elements); here a frame shifts what the canvas
 * holds by the scroll distance and paints only the strip of cells that came into view.
 * (Tiles that scroll with the page cost more: Chromium composites and uploads each canvas
 * on its own.) What a cell shows comes from panel.css through cell-look.ts; its words
 * (screen-reader label, tooltip) stay in the DOM on the focused and hovered cells
 * (matrix-view.ts).
 */
import type { MatrixCell } from '../../server/src/protocol';
import type { CellLook, ChangeKind } from './cell-look';
import { CellSprites, type CellFace } from './cell-sprites';
import { cellSummary, type CellKind } from './cell-text';
import { CELL_H, columnAt, type GridLayout } from './matrix-layout';
import { pairKey, type PanelStore } from './panel-store';

/** The part of the grid's body on screen: x from the first column's left edge, y from the first display row's top. */
export interface BodyView {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A rectangle of the grid's body, in its coordinates. */
interface Region {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A cell to paint and where, in its region's coordinates. */
interface Placed extends CellFace {
  readonly x: number;
  readonly y: number;
}

export class CellCanvas {
  readonly element: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private look: CellLook | undefined;
  private sprites: CellSprites | undefined;
  /** What the canvas holds now; undefined when it must be painted whole. */
  private shown: (BodyView & { dpr: number }) | undefined;

  constructor(private readonly store: PanelStore) {
    this.element = document.createElement('canvas');
    this.element.className = 'matrix-paint';
    this.element.setAttribute('aria-hidden', 'true');
    this.context = this.element.getContext('2d', { alpha: false })!;
  }

  /** New colours or fonts: everything is painted again. */
  setLook(look: CellLook): void {
    this.look = look;
    this.sprites = undefined;
    this.invalidate();
  }

  /** What a cell shows may have changed (data, filters, selection, modes): the next paint is whole. */
  invalidate(): void {
    this.shown = undefined;
  }

  /** Shows `view` of the grid: shifts what is already painted and paints what came into view. */
  paint(layout: GridLayout, view: BodyView): void {
    const look = this.look;
    if (!look) return;
    const dpr = window.devicePixelRatio || 1;
    if (this.sprites?.dpr !== dpr) this.sprites = new CellSprites(look, dpr);
    const canvas = this.element;
    const width = Math.max(0, Math.round(view.width));
    const height = Math.max(0, Math.round(view.height));
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      this.shown = undefined;
    }
    canvas.style.transform = `translate(${view.left}px, ${view.top}px)`;
    const before = this.shown;
    this.shown = { left: view.left, top: view.top, width, height, dpr };
    if (width === 0 || height === 0) return;
    const ctx = this.context;
    const dx = before ? view.left - before.left : 0;
    const dy = before ? view.top - before.top : 0;
    const shiftable = before !== undefined && before.dpr === dpr && before.width === width && before.height === height && Math.abs(dx) < width && Math.abs(dy) < height && Number.isInteger(dx * dpr) && Number.isInteger(dy * dpr);
    const { left, top } = view;
    const regions: Region[] = [];
    if (!shiftable) regions.push({ x0: left, y0: top, x1: left + width, y1: top + height });
    else {
      if (dx === 0 && dy === 0) return;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(canvas, -dx * dpr, -dy * dpr);
      ctx.restore();
      if (dx > 0) regions.push({ x0: left + width - dx, y0: top, x1: left + width, y1: top + height });
      if (dx < 0) regions.push({ x0: left, y0: top, x1: left - dx, y1: top + height });
      if (dy > 0) regions.push({ x0: left, y0: top + height - dy, x1: left + width, y1: top + height });
      if (dy < 0) regions.push({ x0: left, y0: top, x1: left + width, y1: top - dy });
    }
    for (const region of regions) {
      ctx.save();
      ctx.setTransform(dpr, 0, 0, dpr, (region.x0 - left) * dpr, (region.y0 - top) * dpr);
      ctx.beginPath();
      ctx.rect(0, 0, region.x1 - region.x0, region.y1 - region.y0);
      ctx.clip();
      this.paintRegion(layout, region, look);
      ctx.restore();
    }
  }

  /**
   * Paints a region: the backgrounds (a row's neighbouring cells of one kind in one
   * rectangle), the grid lines (one a row and one a column), then each cell's glyph and
   * text. A cell the focused policy does not allow is faded; its lines are not.
   */
  private paintRegion(layout: GridLayout, region: Region, look: CellLook): void {
    const ctx = this.context;
    const sprites = this.sprites!;
    const width = region.x1 - region.x0;
    const height = region.y1 - region.y0;
    ctx.fillStyle = look.editorBackground;
    ctx.fillRect(0, 0, width, height);
    const { plain, dimmed } = this.cellsIn(layout, region);
    this.backgrounds(plain, look);
    ctx.globalAlpha = look.dimmed;
    this.backgrounds(dimmed, look);
    ctx.globalAlpha = 1;
    ctx.fillStyle = look.grid;
    const firstDisplay = Math.floor(region.y0 / CELL_H);
    for (let d = firstDisplay; d * CELL_H < region.y1; d++) ctx.fillRect(0, d * CELL_H - region.y0 + CELL_H - 1, width, 1);
    const lastCol = Math.min(this.store.cols.length - 1, columnAt(layout, region.x1 - 1));
    for (let c = columnAt(layout, region.x0); c <= lastCol; c++) {
      ctx.fillRect(layout.colX[c + 1]! - region.x0 - 1, 0, 1, height);
      if (layout.groupStarts.has(c)) ctx.fillRect(layout.colX[c]! - region.x0, 0, 2, height);
    }
    for (const c of plain) sprites.drawContent(ctx, c, c.x, c.y);
    ctx.globalAlpha = look.dimmed;
    for (const c of dimmed) sprites.drawContent(ctx, c, c.x, c.y);
    ctx.globalAlpha = 1;
    for (const c of [...plain, ...dimmed]) if (c.change || c.flow || c.selected) sprites.drawMarks(ctx, c, c.x, c.y);
  }

  /** Cell backgrounds; neighbours in a row with the same background share one rectangle. */
  private backgrounds(cells: readonly Placed[], look: CellLook): void {
    const ctx = this.context;
    let run: { x: number; y: number; end: number; color: string } | undefined;
    const flush = (): void => {
      if (!run) return;
      ctx.fillStyle = run.color;
      ctx.fillRect(run.x, run.y, run.end - run.x, CELL_H - 1);
      run = undefined;
    };
    for (const c of cells) {
      const color = look.kinds[c.kind].background;
      if (run && (color !== run.color || c.y !== run.y || c.x !== run.end)) flush();
      if (!color) continue;
      if (run) run.end = c.x + c.width;
      else run = { x: c.x, y: c.y, end: c.x + c.width, color };
    }
    flush();
  }

  /** The cells that overlap a region of the body, in the region's coordinates, split into those the focused policy dims and the rest. */
  private cellsIn(layout: GridLayout, region: Region): { plain: Placed[]; dimmed: Placed[] } {
    const s = this.store;
    const m = s.matrix!;
    const plain: Placed[] = [];
    const dimmed: Placed[] = [];
    const firstDisplay = Math.max(0, Math.floor(region.y0 / CELL_H));
    const lastDisplay = Math.min(layout.display.length - 1, Math.floor((region.y1 - 1) / CELL_H));
    const columns = s.cols.length;
    if (columns === 0) return { plain, dimmed };
    const firstCol = columnAt(layout, region.x0);
    const lastCol = Math.min(columns - 1, columnAt(layout, region.x1 - 1));
    const summaries = m.palette.map((cell: MatrixCell) => cellSummary(cell.status, cell));
    const selection = s.state.selection;
    const selRow = selection ? (s.nodeIndex.get(selection.src) ?? -1) : -1;
    const selCol = selection ? (s.nodeIndex.get(selection.dst) ?? -1) : -1;
    const marks = s.changes.size > 0;
    const focus = s.focusActive;
    for (let d = firstDisplay; d <= lastDisplay; d++) {
      const display = layout.display[d]!;
      if (display.kind !== 'node') continue;
      const r = s.rows[display.row]!;
      const src = m.nodes[r]!;
      const y = d * CELL_H - region.y0;
      for (let c = firstCol; c <= lastCol; c++) {
        const col = s.cols[c]!;
        const dst = m.nodes[col]!;
        const p = s.cells.at(r, col);
        const cell = m.palette[p]!;
        const kind: CellKind = r === col ? 'self' : src.kind === 'external' && dst.kind === 'external' ? 'none' : cell.status;
        const key = marks || focus ? pairKey(src.id, dst.id) : '';
        const changes = marks ? s.changes.get(key) : undefined;
        const change: ChangeKind | '' = !changes ? '' : changes.some((x) => x.added !== 'No Connections') ? (changes.some((x) => x.removed !== 'No Connections') ? 'mixed' : 'added') : 'removed';
        const flow = focus && (s.focusFlows.get(key)?.length ?? 0) > 0;
        const placed: Placed = {
          x: layout.colX[c]! - region.x0,
          y,
          kind,
          text: kind === 'allowed' || kind === 'partial' ? summaries[p]! : '',
          width: layout.colX[c + 1]! - layout.colX[c]!,
          groupStart: layout.groupStarts.has(c),
          change,
          flow,
          selected: r === selRow && col === selCol,
        };
        (focus && !flow ? dimmed : plain).push(placed);
      }
    }
    return { plain, dimmed };
  }
}
