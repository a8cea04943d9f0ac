/**
 * What the matrix shows, read the way a user sees it: cells are painted on a canvas, so
 * the tests find a cell by its row and column headers (elements, as the user finds it),
 * read its pixels from the canvas, and read the text painted in it from a recorder of
 * the page's canvas calls. The recorder (installed before the page's own code runs) keeps,
 * for every canvas, each text drawn with where, in which font and colour: it follows
 * texts copied from one canvas to another (drawImage), drops those a filled rectangle
 * covers, and clears a canvas whose size is set. It models the canvas API, not the
 * panel's painter, so the tests do not trust the code they test.
 */
import type { PanelPage } from './panel-page';

export interface PaintedText {
  readonly text: string;
  /** Page coordinates (CSS pixels) of the text's anchor: its left end, at its baseline's height. */
  readonly x: number;
  readonly y: number;
  readonly font: string;
  /** The fill colour, as the canvas reads it back. */
  readonly color: string;
  /** Width in CSS pixels. */
  readonly width: number;
}

export interface CellBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The page script that records canvas texts; PanelPage.open installs it when asked to. */
export function installCanvasRecorder(): void {
  type Entry = { text: string; x: number; y: number; font: string; color: string; width: number };
  const texts = new WeakMap<HTMLCanvasElement, Entry[]>();
  const list = (canvas: HTMLCanvasElement): Entry[] => {
    let entries = texts.get(canvas);
    if (!entries) texts.set(canvas, (entries = []));
    return entries;
  };
  const proto = CanvasRenderingContext2D.prototype;
  const { fillText, fillRect, drawImage } = proto;
  proto.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    const m = this.getTransform();
    const p = m.transformPoint(new DOMPoint(x, y));
    list(this.canvas).push({ text: String(text), x: p.x, y: p.y, font: this.font, color: String(this.fillStyle), width: this.measureText(text).width * m.a });
    return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
  };
  proto.fillRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    const m = this.getTransform();
    const a = m.transformPoint(new DOMPoint(x, y));
    const b = m.transformPoint(new DOMPoint(x + w, y + h));
    if (this.globalAlpha === 1) texts.set(this.canvas, list(this.canvas).filter((e) => !(e.x >= a.x && e.x < b.x && e.y >= a.y && e.y < b.y)));
    return fillRect.call(this, x, y, w, h);
  };
  proto.drawImage = function (this: CanvasRenderingContext2D, source: CanvasImageSource, ...args: number[]) {
    const m = this.getTransform();
    const sourceW = (source as HTMLCanvasElement).width;
    const sourceH = (source as HTMLCanvasElement).height;
    let [sx, sy, sw, sh, dx, dy, dw, dh] = [0, 0, sourceW, sourceH, 0, 0, sourceW, sourceH];
    if (args.length === 2) [dx, dy] = args as [number, number];
    else if (args.length === 4) [dx, dy, dw, dh] = args as [number, number, number, number];
    else [sx, sy, sw, sh, dx, dy, dw, dh] = args as [number, number, number, number, number, number, number, number];
    const from = source instanceof HTMLCanvasElement ? (texts.get(source) ?? []) : [];
    const copied = from
      .filter((e) => e.x >= sx && e.x < sx + sw && e.y >= sy && e.y < sy + sh)
      .map((e) => {
        const p = m.transformPoint(new DOMPoint(dx + ((e.x - sx) * dw) / sw, dy + ((e.y - sy) * dh) / sh));
        return { ...e, x: p.x, y: p.y, width: ((e.width * dw) / sw) * m.a };
      });
    // 'copy' keeps only what is drawn; otherwise the source's clear pixels leave what was there.
    texts.set(this.canvas, [...(this.globalCompositeOperation === 'copy' ? [] : list(this.canvas)), ...copied]);
    return (drawImage as (...a: unknown[]) => void).call(this, source, ...args);
  } as typeof proto.drawImage;
  for (const side of ['width', 'height'] as const) {
    const property = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, side)!;
    Object.defineProperty(HTMLCanvasElement.prototype, side, {
      ...property,
      set(this: HTMLCanvasElement, value: number) {
        texts.delete(this);
        property.set!.call(this, value);
      },
    });
  }
  (window as unknown as { __paintedTexts(canvas: HTMLCanvasElement): Entry[] }).__paintedTexts = (canvas) => (texts.get(canvas) ?? []).map((e) => ({ ...e }));
}

/** The texts on the matrix's canvas now, in page coordinates. */
export function paintedTexts(panel: PanelPage): Promise<PaintedText[]> {
  return panel.page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.matrix-paint');
    if (!canvas) return [];
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / (box.width || 1);
    return (window as unknown as { __paintedTexts(c: HTMLCanvasElement): PaintedText[] }).__paintedTexts(canvas).map((e) => ({ ...e, x: box.left + e.x / scale, y: box.top + e.y / scale, width: e.width / scale }));
  });
}

/** Where a pair's cell is on the page: its source's row header gives the row, its destination's column header the column. */
export async function cellBox(panel: PanelPage, src: string, dst: string): Promise<CellBox> {
  const row = await panel.page.locator(`.matrix-rowhead[data-id="${src}"]`).boundingBox();
  const col = await panel.page.locator(`.matrix-colhead[data-id="${dst}"]`).boundingBox();
  if (!row || !col) throw new Error(`no header on screen for ${src} -> ${dst}`);
  return { left: col.x, top: row.y, width: col.width, height: row.height };
}

/** The texts painted inside a pair's cell, left to right. */
export async function cellTexts(panel: PanelPage, src: string, dst: string): Promise<PaintedText[]> {
  const box = await cellBox(panel, src, dst);
  return (await paintedTexts(panel)).filter((t) => inside(box, t.x, t.y)).sort((a, b) => a.x - b.x);
}

/** A glyph is a text in the codicon font; the rest are words. */
export function isGlyph(text: PaintedText): boolean {
  return /codicon/.test(text.font);
}

/** The colour of the canvas at a point of a pair's cell, `dx`, `dy` from its top left corner (negative: from its right or bottom edge). */
export async function cellPixel(panel: PanelPage, src: string, dst: string, dx: number, dy: number): Promise<[number, number, number]> {
  const box = await cellBox(panel, src, dst);
  const x = box.left + (dx < 0 ? box.width + dx : dx);
  const y = box.top + (dy < 0 ? box.height + dy : dy);
  return pixelAt(panel, x, y);
}

/** The canvas's colour at a page point. */
export function pixelAt(panel: PanelPage, x: number, y: number): Promise<[number, number, number]> {
  return panel.page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.matrix-paint')!;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const data = canvas.getContext('2d')!.getImageData(Math.floor((x - box.left) * scale), Math.floor((y - box.top) * scale), 1, 1).data;
      return [data[0]!, data[1]!, data[2]!] as [number, number, number];
    },
    { x, y },
  );
}

/** A CSS colour (var(), color-mix()) as the page resolves it, in RGB. */
export function cssColor(panel: PanelPage, expression: string): Promise<[number, number, number]> {
  return panel.page.evaluate((expression) => {
    const probe = document.createElement('span');
    probe.style.color = expression;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0]!, d[1]!, d[2]!] as [number, number, number];
  }, expression);
}

/** The glyph codicon.css gives an icon name, read from a probe element ('"\uebb3"' reads back as the character in quotes). */
export function codiconGlyph(panel: PanelPage, name: string): Promise<string> {
  return panel.page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.className = `codicon codicon-${name}`;
    document.body.append(probe);
    const content = getComputedStyle(probe, '::before').content;
    probe.remove();
    return content.slice(1, -1);
  }, name);
}

/** The background each kind of cell is painted with, as the page resolves the panel's colours. */
export async function kindColours(panel: PanelPage): Promise<Record<string, [number, number, number]>> {
  return {
    allowed: await cssColor(panel, 'var(--np-allowed-bg)'),
    partial: await cssColor(panel, 'var(--np-partial-bg)'),
    denied: await cssColor(panel, 'var(--vscode-editor-background)'),
    self: await cssColor(panel, 'var(--np-na-bg)'),
    none: await cssColor(panel, 'var(--np-na-bg)'),
  };
}

/** A canvas fill colour as text ('#rrggbb' or 'rgba(...)') in RGB, as the canvas reads it back. */
export function rgbOf(panel: PanelPage, color: string): Promise<[number, number, number]> {
  return cssColor(panel, color);
}

/** Two colours that differ by at most `tolerance` in each channel. */
export function near(a: readonly number[], b: readonly number[], tolerance = 3): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

/** Clicks a pair's cell where a user would: in its middle. */
export async function clickCell(panel: PanelPage, src: string, dst: string): Promise<void> {
  const box = await cellBox(panel, src, dst);
  await panel.page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
}

function inside(box: CellBox, x: number, y: number): boolean {
  return x >= box.left && x < box.left + box.width && y >= box.top && y < box.top + box.height;
}

/** The cells wholly on screen (not under the headers or a scrollbar), by their row and column headers. */
export function screenCells(panel: PanelPage): Promise<{ src: string; dst: string; box: CellBox }[]> {
  return panel.page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('.matrix-scroll')!;
    const outer = grid.getBoundingClientRect();
    const right = outer.left + grid.clientLeft + grid.clientWidth;
    const bottom = outer.top + grid.clientTop + grid.clientHeight;
    const head = document.querySelector<HTMLElement>('.matrix-head')!.getBoundingClientRect();
    const corner = document.querySelector<HTMLElement>('.matrix-corner')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll<HTMLElement>('.matrix-rowhead')].map((el) => ({ id: el.dataset.id!, box: el.getBoundingClientRect() })).filter((r) => r.box.top >= head.bottom && r.box.bottom <= bottom);
    const cols = [...document.querySelectorAll<HTMLElement>('.matrix-colhead')].map((el) => ({ id: el.dataset.id!, box: el.getBoundingClientRect() })).filter((c) => c.box.left >= corner.right && c.box.right <= right);
    return rows.flatMap((r) => cols.map((c) => ({ src: r.id, dst: c.id, box: { left: c.box.left, top: r.box.top, width: c.box.width, height: r.box.height } })));
  });
}
