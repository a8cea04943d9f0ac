/**
 * One matrix cell's element: its classes, words (aria-label, tooltip), icon and text
 * for the pair it shows, with the what-if and focus marks. Scrolling draws a few
 * hundred new cells a frame, so the painter does as little as it can: a cell painted
 * since the last change of data, selection or modes (the `epoch`) is left alone,
 * elements are cloned from templates, and a cell whose signature did not change
 * keeps its DOM.
 */
import { cellKind, cellLabel, cellSummary, cellTooltip } from './cell-text';
import { h, icon } from './dom';
import { pairKey, type PanelStore } from './panel-store';

const CHANGE_ICON = { added: 'diff-added', removed: 'diff-removed', mixed: 'diff-modified' } as const;

export interface CellPlace {
  /** Positions in the store's rows and columns. */
  readonly row: number;
  readonly col: number;
  readonly active: boolean;
  readonly groupStart: boolean;
  /** The column is narrower than its widest text: the text is cut, with an ellipsis. */
  readonly cut: boolean;
}

export class CellPainter {
  private readonly template = h('div', { attrs: { role: 'gridcell', tabindex: '-1' } });
  private readonly textTemplate = h('span', { className: 'cell-text' });
  private readonly icons = new Map<string, HTMLSpanElement>();
  /** Where and at which epoch each cell was painted last: a row's cells are reused for other rows. */
  private readonly painted = new WeakMap<HTMLElement, { epoch: number; row: number; col: number }>();
  private readonly signatures = new WeakMap<HTMLElement, string>();
  /** Bumped whenever what a cell shows may have changed. */
  private epoch = 0;

  constructor(private readonly store: PanelStore) {}

  invalidate(): void {
    this.epoch++;
  }

  create(col: number, width: number): HTMLDivElement {
    const el = this.template.cloneNode(false) as HTMLDivElement;
    el.setAttribute('aria-colindex', String(col + 2));
    el.style.width = `${width}px`;
    return el;
  }

  paint(el: HTMLDivElement, place: CellPlace): void {
    const last = this.painted.get(el);
    if (last?.epoch === this.epoch && last.row === place.row && last.col === place.col) return;
    this.painted.set(el, { epoch: this.epoch, row: place.row, col: place.col });
    const s = this.store;
    const r = s.rows[place.row]!;
    const c = s.cols[place.col]!;
    const src = s.node(r);
    const dst = s.node(c);
    const cell = s.cell(r, c);
    const kind = cellKind(src, dst, r, c, cell);
    const key = pairKey(src.id, dst.id);
    const changes = s.changes.get(key) ?? [];
    const flows = s.focusFlows.get(key) ?? [];
    const selected = s.state.selection?.src === src.id && s.state.selection.dst === dst.id;
    const change: keyof typeof CHANGE_ICON | '' = changes.length === 0 ? '' : changes.some((x) => x.added !== 'No Connections') ? (changes.some((x) => x.removed !== 'No Connections') ? 'mixed' : 'added') : 'removed';
    const focus = s.focusActive ? (flows.length > 0 ? ' focus-flow' : ' focus-dim') : '';
    const signature = `${kind}|${cell.connections}|${change}|${focus}|${selected}|${place.groupStart}|${place.cut}|${src.id}|${dst.id}`;
    el.tabIndex = place.active ? 0 : -1;
    if (this.signatures.get(el) === signature) return;
    this.signatures.set(el, signature);
    el.dataset.src = src.id;
    el.dataset.dst = dst.id;
    el.dataset.kind = kind;
    el.className = `matrix-cell kind-${kind}${change ? ` change-${change}` : ''}${focus}${selected ? ' selected' : ''}${place.groupStart ? ' group-start' : ''}${place.cut ? ' cut' : ''}`;
    el.setAttribute('aria-label', cellLabel(src, dst, kind, cell, changes, flows));
    el.setAttribute('aria-selected', String(selected));
    el.title = cellTooltip(src, dst, kind, cell, changes, flows);
    // The status glyph is the cell's ::before (panel.css). The what-if mark is a glyph the size
    // of the text (the aria-label says it in words), not a tiny "+". A cell's text element is kept.
    let text = el.firstElementChild as HTMLSpanElement | null;
    if (!text) el.append((text = this.textTemplate.cloneNode(false) as HTMLSpanElement));
    const summary = cellSummary(kind, cell);
    if (text.textContent !== summary) text.textContent = summary;
    const mark = text.nextElementSibling;
    if (change) {
      const name = `codicon-${CHANGE_ICON[change]}`;
      if (!mark?.classList.contains(name)) el.replaceChildren(text, this.icon(CHANGE_ICON[change], 'change-mark'));
    } else mark?.remove();
  }

  private icon(name: string, extra: string): HTMLSpanElement {
    const key = `${name} ${extra}`;
    let template = this.icons.get(key);
    if (!template) this.icons.set(key, (template = icon(name, extra)));
    return template.cloneNode(false) as HTMLSpanElement;
  }
}
