/**
 * How matrix cells look in the current theme, read from panel.css: the cells are painted
 * on a canvas (cell-canvas.ts), which knows no CSS, so hidden probe elements carry the
 * `.cell-look` classes and their computed colours, glyphs and fonts are read once per
 * theme. The stylesheet stays the one place that says what a cell looks like in light,
 * dark and high-contrast themes.
 */
import type { CellKind } from './cell-text';
import { h } from './dom';

export type ChangeKind = 'added' | 'removed' | 'mixed';

export interface KindLook {
  /** Background colour; undefined when transparent (the editor's background shows). */
  readonly background: string | undefined;
  /** The status glyph (a codicon character) and its colour. */
  readonly glyph: string;
  readonly glyphColor: string;
}

export interface CellLook {
  readonly kinds: Readonly<Record<CellKind, KindLook>>;
  readonly editorBackground: string;
  readonly grid: string;
  readonly text: string;
  /** Canvas fonts: the glyph, the cell's text and the what-if mark. */
  readonly glyphFont: string;
  readonly textFont: string;
  readonly markFont: string;
  readonly marks: Readonly<Record<ChangeKind, { readonly glyph: string; readonly color: string }>>;
  readonly added: string;
  readonly removed: string;
  readonly focusFlow: string;
  readonly selected: string;
  /** Opacity of a cell the focused policy does not allow. */
  readonly dimmed: number;
}

const KINDS: readonly CellKind[] = ['allowed', 'partial', 'denied', 'self', 'none'];
const MARK_ICON: Readonly<Record<ChangeKind, string>> = { added: 'diff-added', removed: 'diff-removed', mixed: 'diff-modified' };

/** Reads the look from probes placed (invisible) under `host`, which must be in the document. */
export function readCellLook(host: HTMLElement): CellLook {
  const probe = (className: string, parent: HTMLElement = box): HTMLElement => {
    const el = h('div', { className });
    parent.append(el);
    return el;
  };
  const box = h('div', { className: 'cell-look-probes', attrs: { 'aria-hidden': 'true' } });
  host.append(box);
  try {
    const kinds = {} as Record<CellKind, KindLook>;
    for (const kind of KINDS) {
      const el = probe(`cell-look kind-${kind}`);
      const before = getComputedStyle(el, '::before');
      kinds[kind] = { background: opaqueOrUndefined(getComputedStyle(el).backgroundColor), glyph: glyphOf(before.content), glyphColor: before.color };
    }
    const plain = probe('cell-look kind-denied');
    const plainStyle = getComputedStyle(plain);
    const marks = {} as Record<ChangeKind, { glyph: string; color: string }>;
    let markFont = '';
    for (const change of ['added', 'removed', 'mixed'] as const) {
      const mark = probe(`codicon codicon-${MARK_ICON[change]} change-mark`, probe(`cell-look change-${change}`));
      const style = getComputedStyle(mark);
      marks[change] = { glyph: glyphOf(getComputedStyle(mark, '::before').content), color: style.color };
      markFont = `${style.fontSize} codicon`;
    }
    const before = getComputedStyle(plain, '::before');
    const color = (expression: string): string => {
      const el = probe('');
      el.style.color = expression;
      return getComputedStyle(el).color;
    };
    return {
      kinds,
      editorBackground: color('var(--vscode-editor-background, white)'),
      grid: plainStyle.borderRightColor,
      text: plainStyle.color,
      glyphFont: `${before.fontSize} codicon`,
      textFont: `${plainStyle.fontSize} ${plainStyle.fontFamily}`,
      markFont,
      marks,
      added: color('var(--np-added)'),
      removed: color('var(--np-removed)'),
      focusFlow: color('var(--np-focus)'),
      selected: color('var(--vscode-focusBorder)'),
      dimmed: Number(getComputedStyle(probe('cell-look focus-dim')).opacity) || 1,
    };
  } finally {
    box.remove();
  }
}

/** A computed `content` is the glyph in quotes ('"\ebb3"' reads back as the character itself). */
function glyphOf(content: string): string {
  return content.startsWith('"') && content.endsWith('"') ? content.slice(1, -1) : '';
}

function opaqueOrUndefined(color: string): string | undefined {
  return color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color) ? undefined : color;
}
