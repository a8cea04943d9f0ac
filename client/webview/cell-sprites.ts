/**
 * What a painted cell shows inside its background: the status glyph and the text, kept as
 * sprites. A matrix shows few different ones (five kinds, a palette of a few dozen
 * connection sets), so each is drawn once on a small canvas of its own and the matrix's
 * canvas copies it with one drawImage; drawing it anew shapes text in two fonts, which made
 * painting cells the dearest part of a scroll frame. One canvas a sprite, not an atlas: Chromium
 * copies a source canvas whole each time it changed before a draw. The rare parts (the
 * what-if mark, the frames of selection, what-if and focus) are drawn directly.
 */
import type { CellLook, ChangeKind } from './cell-look';
import type { CellKind } from './cell-text';
import { CELL_H } from './matrix-layout';
import { MARK_W } from './matrix-sizes';

/** What one cell shows; equal faces look the same. */
export interface CellFace {
  readonly kind: CellKind;
  readonly text: string;
  readonly width: number;
  readonly groupStart: boolean;
  readonly change: ChangeKind | '';
  readonly flow: boolean;
  readonly selected: boolean;
}

/** Room inside a cell: padding, the glyph and the gap before the text (panel.css has the same). */
const PAD = 4;
const GAP = 3;

export class CellSprites {
  private readonly sprites = new Map<string, HTMLCanvasElement>();
  /** Text cut to fit a width: measuring is the dear part of drawing text. */
  private readonly fitted = new Map<string, string>();
  private readonly measure = document.createElement('canvas').getContext('2d')!;
  private readonly glyphW: number;

  constructor(
    private readonly look: CellLook,
    readonly dpr: number,
  ) {
    this.measure.font = look.glyphFont;
    this.glyphW = Math.round(this.measure.measureText(look.kinds.allowed.glyph).width) || 12;
    this.measure.font = look.textFont;
  }

  /** Paints a cell's glyph and text, its left edge at x (CSS pixels, inside any namespace rule) and its top at y. */
  drawContent(ctx: CanvasRenderingContext2D, face: CellFace, x: number, y: number): void {
    const left = face.groupStart ? 2 : 0;
    const avail = face.width - left - PAD - this.glyphW - GAP - PAD - 1 - (face.change ? MARK_W : 0);
    const text = face.text ? this.fit(face.text, avail) : '';
    const key = `${face.kind}|${text}`;
    let sprite = this.sprites.get(key);
    if (!sprite) this.sprites.set(key, (sprite = this.make(face.kind, text)));
    ctx.drawImage(sprite, x + left + PAD, y, sprite.width / this.dpr, CELL_H);
  }

  /** The frames of what-if changes, the focused policy's flows and the selection, and the what-if mark. */
  drawMarks(ctx: CanvasRenderingContext2D, face: CellFace, x: number, y: number): void {
    const look = this.look;
    const w = face.width;
    const frame = face.change === 'added' ? look.added : face.change === 'removed' ? look.removed : face.flow ? look.focusFlow : face.selected ? look.selected : undefined;
    if (face.change === 'mixed') this.frame(ctx, x, y, w, look.added, look.removed);
    else if (frame) this.frame(ctx, x, y, w, frame, frame);
    if (face.selected && (face.change || face.flow)) this.frame(ctx, x, y, w, look.selected, look.selected, 2);
    if (face.change) {
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.font = look.markFont;
      ctx.fillStyle = look.marks[face.change].color;
      ctx.fillText(look.marks[face.change].glyph, x + w - 1 - 3 - 14, y + 4);
    }
  }

  /** The glyph and the text on a transparent canvas as wide as they are. */
  private make(kind: CellKind, text: string): HTMLCanvasElement {
    const look = this.look;
    const textW = text ? Math.ceil(this.measure.measureText(text).width) : 0;
    const width = this.glyphW + (text ? GAP + textW : 0);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * this.dpr);
    canvas.height = Math.round(CELL_H * this.dpr);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const middle = (CELL_H - 1) / 2;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.font = look.glyphFont;
    ctx.fillStyle = look.kinds[kind].glyphColor;
    ctx.fillText(look.kinds[kind].glyph, 0, middle);
    if (text) {
      ctx.font = look.textFont;
      ctx.fillStyle = look.text;
      ctx.fillText(text, this.glyphW + GAP, middle);
    }
    return canvas;
  }

  /** A 2 px frame inside the cell (clear of its grid lines): top and left in one colour, bottom and right in another. */
  private frame(ctx: CanvasRenderingContext2D, cx: number, cy: number, cw: number, first: string, second: string, inset = 0): void {
    const x = cx + inset;
    const y = cy + inset;
    const w = cw - 1 - 2 * inset;
    const h = CELL_H - 1 - 2 * inset;
    ctx.fillStyle = first;
    ctx.fillRect(x, y, w, 2);
    ctx.fillRect(x, y, 2, h);
    ctx.fillStyle = second;
    ctx.fillRect(x, y + h - 2, w, 2);
    ctx.fillRect(x + w - 2, y, 2, h);
  }

  /** The text, or as much of it as fits in `width` followed by an ellipsis (the tooltip has it all). */
  private fit(text: string, width: number): string {
    const key = `${width}\n${text}`;
    const known = this.fitted.get(key);
    if (known !== undefined) return known;
    const ctx = this.measure;
    let result = text;
    if (ctx.measureText(text).width > width) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
        else hi = mid - 1;
      }
      result = `${text.slice(0, lo)}…`;
    }
    this.fitted.set(key, result);
    return result;
  }
}
