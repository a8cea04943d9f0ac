/**
 * The current view as a standalone SVG file: the graph as drawn, or the
 * filtered matrix redrawn as rectangles. Theme colours are CSS variables inside
 * the webview, so every colour is resolved to a literal value first. Text goes
 * in as text nodes and XMLSerializer escapes it.
 */
import { cellKind, cellSummary, type CellKind } from './cell-text';
import { s } from './dom';
import type { PanelStore } from './panel-store';

const MAX_EXPORT_CELLS = 200;
const CELL_W = 64;
const CELL_H = 22;
const HEAD_W = 280;
const HEAD_H = 140;

/** A CSS colour expression (with var() and color-mix) as the browser resolves it. */
export function resolveColor(expression: string): string {
  const probe = document.createElement('span');
  probe.style.color = expression;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight'] as const;

export function graphSvg(drawing: SVGSVGElement): string {
  const copy = drawing.cloneNode(true) as SVGSVGElement;
  const originals = [drawing, ...drawing.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i]!;
    const style = getComputedStyle(original);
    for (const property of STYLED) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
    for (const attribute of ['tabindex', 'role', 'class']) target.removeAttribute(attribute);
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.insertBefore(s('rect', { width: '100%', height: '100%', fill: resolveColor('var(--vscode-editor-background, white)') }), copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

export function matrixSvg(store: PanelStore): string {
  const rows = store.rows.slice(0, MAX_EXPORT_CELLS);
  const cols = store.cols.slice(0, MAX_EXPORT_CELLS);
  const fills: Record<CellKind, string> = {
    allowed: resolveColor('var(--np-allowed-bg)'),
    partial: resolveColor('var(--np-partial-bg)'),
    denied: resolveColor('var(--vscode-editor-background, white)'),
    self: resolveColor('var(--np-na-bg)'),
    none: resolveColor('var(--np-na-bg)'),
  };
  const text = resolveColor('var(--vscode-foreground, black)');
  const grid = resolveColor('var(--np-grid)');
  const width = HEAD_W + cols.length * CELL_W;
  const height = HEAD_H + rows.length * CELL_H + (rows.length < store.rows.length || cols.length < store.cols.length ? 24 : 0);
  const svg = s('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'sans-serif', 'font-size': 12 });
  svg.append(s('rect', { width, height, fill: resolveColor('var(--vscode-editor-background, white)') }));
  cols.forEach((c, j) => {
    const x = HEAD_W + j * CELL_W + CELL_W / 2 + 4;
    svg.append(s('text', { x, y: HEAD_H - 6, fill: text, transform: `rotate(-60 ${x} ${HEAD_H - 6})` }, [store.node(c).label]));
  });
  rows.forEach((r, i) => {
    const y = HEAD_H + i * CELL_H;
    svg.append(s('text', { x: 6, y: y + 15, fill: text }, [store.node(r).id]));
    cols.forEach((c, j) => {
      const cell = store.cell(r, c);
      const kind = cellKind(store.node(r), store.node(c), r, c, cell);
      const x = HEAD_W + j * CELL_W;
      svg.append(s('rect', { x, y, width: CELL_W, height: CELL_H, fill: fills[kind], stroke: grid }));
      const summary = cellSummary(kind, cell);
      if (summary) svg.append(s('text', { x: x + 4, y: y + 15, fill: text, 'font-size': 10 }, [summary.length > 11 ? `${summary.slice(0, 10)}…` : summary]));
    });
  });
  if (height > HEAD_H + rows.length * CELL_H) svg.append(s('text', { x: 6, y: height - 8, fill: text }, [`Only the first ${MAX_EXPORT_CELLS} rows and columns are exported; filter to export the rest.`]));
  return new XMLSerializer().serializeToString(svg);
}
