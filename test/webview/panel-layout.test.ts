/**
 * The panel docked beside the editor (400 px wide) and full screen (1600 px), in light,
 * dark and high-contrast themes: no header, band, cell, label or button shows its text
 * cut, whole address families read as words, and the what-if mark is as large as the
 * text. The tests assert layout facts read from the DOM, and for the cells (painted on
 * a canvas) from the texts the canvas was given and the headers that place them; the
 * screenshots are for a reviewer's eyes and are kept in expected/layout/ (rewritten with
 * UPDATE_SNAPSHOTS=1).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES, PROJECT_ROOT } from '../support/paths';
import { UPDATING } from '../support/snapshot';
import { chromiumMissing } from './support/chromium';
import { FakeHost } from './support/fake-host';
import { cellBox, cellTexts, codiconGlyph, cssColor, isGlyph, near, paintedTexts, rgbOf } from './support/painted-cells';
import type { PanelPage } from './support/panel-page';
import { panelSuite } from './support/panel-suite';
import { ReachData, readFolder } from './support/reach-data';
import type { ThemeName } from './support/themes';

const TUTORIAL = path.join(EXAMPLES, 'tutorial');
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test', 'webview', 'expected', 'layout');
const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const BACKEND = 'default/backend[Deployment]';
const WIDTHS = [400, 1600] as const;
const THEMES: readonly ThemeName[] = ['light', 'dark', 'high-contrast'];

/** Everything that shows words the user reads; each must show all of them. */
const TEXT_SELECTORS = ['.colhead-text', '.rowhead-text', '.matrix-band', '.matrix-grouphead > span:last-child', '.field label', '.check', '.tb-button', '.legend-item', '.why-title', '.info-line'];

/** The tutorial with an unsaved edit: the backend admits busybox1 instead of busybox2. */
function editedTutorial(): FakeHost {
  const files = readFolder(TUTORIAL);
  const policies = [...files.keys()].find((u) => u.endsWith('policies.yaml'))!;
  const buffers = new Map(files);
  buffers.set(policies, files.get(policies)!.replace('access: full', 'access: frontend'));
  return new FakeHost({ data: new ReachData(buffers), saved: new ReachData(files), unsaved: [policies] });
}

/** Elements whose text is wider or taller than their box (cut or ellipsised), with what they hold. */
function clippedText(panel: PanelPage): Promise<string[]> {
  return panel.page.evaluate((selectors) => {
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
      if (el.getClientRects().length === 0) continue;
      if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) cut.push(`${el.className || el.tagName}: "${el.textContent?.trim()}" (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
    return cut;
  }, TEXT_SELECTORS);
}

/** Words painted in a cell that are cut (an ellipsis) or run past the cell's right edge, less its padding. */
async function clippedCellText(panel: PanelPage): Promise<string[]> {
  const columns = await panel.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.matrix-colhead')].map((el) => ({ id: el.dataset.id!, left: el.getBoundingClientRect().left, right: el.getBoundingClientRect().right })));
  const words = (await paintedTexts(panel)).filter((t) => !isGlyph(t));
  assert.ok(words.length > 0, 'cells show words');
  return words.flatMap((t) => {
    const column = columns.find((c) => t.x >= c.left && t.x < c.right);
    if (!column) return [`"${t.text}" outside every column`];
    return t.text.endsWith('…') || t.x + t.width > column.right - 5 ? [`"${t.text}" in ${column.id}: ends at ${Math.ceil(t.x + t.width)}, the cell at ${column.right}`] : [];
  });
}

/** Inputs whose placeholder is wider than the room inside them. */
function clippedPlaceholders(panel: PanelPage): Promise<string[]> {
  return panel.page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    return [...document.querySelectorAll<HTMLInputElement>('input[placeholder]')].flatMap((input) => {
      const style = getComputedStyle(input);
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width > room ? [`${input.id}: "${input.placeholder}"`] : [];
    });
  });
}

/** The page itself never scrolls sideways: only the matrix does, under its sticky headers. */
function pageOverflow(panel: PanelPage): Promise<number> {
  return panel.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function keepScreenshot(panel: PanelPage, name: string): Promise<void> {
  const file = await panel.screenshot(name);
  if (!UPDATING) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, `${name}.png`));
}

describe('layout beside the editor and full screen', { skip: chromiumMissing() }, () => {
  const suite = panelSuite();

  for (const width of WIDTHS) {
    test(`at ${width} px, in every theme, no header, cell or control shows cut text`, async () => {
      const host = editedTutorial();
      const panel = await suite.openDrawn(host, { theme: 'light', width, height: 800 });
      await panel.page.getByRole('button', { name: 'What-if' }).click();
      await panel.waitForRender((r) => r.changes === 2);
      for (const theme of THEMES) {
        await panel.setTheme(theme);
        await panel.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        assert.deepEqual(await clippedText(panel), [], `${theme} at ${width} px`);
        assert.deepEqual(await clippedCellText(panel), [], `${theme} at ${width} px: cells`);
        assert.deepEqual(await clippedPlaceholders(panel), [], `${theme} at ${width} px`);
        assert.equal(await pageOverflow(panel), 0, `${theme} at ${width} px: the page scrolls sideways`);
        await keepScreenshot(panel, `tutorial-what-if-${width}-${theme}`);
      }
      assert.deepEqual(panel.problems, []);
      await panel.close();
    });
  }

  test('whole address families read "all IPv4 addresses" and "all IPv6 addresses"; the ids keep the ranges', async () => {
    const panel = await suite.openDrawn(new FakeHost({ data: ReachData.fromFolder(TUTORIAL) }), { width: 400 });
    const rows = await panel.page.locator('.matrix-rowhead').evaluateAll((els) => els.map((el) => [el.textContent?.trim(), (el as HTMLElement).title]));
    assert.deepEqual(rows.slice(-2), [
      ['all IPv4 addresses', 'all IPv4 addresses (external)'],
      ['all IPv6 addresses', 'all IPv6 addresses (external)'],
    ]);
    const report = await panel.waitForRender((r) => r.cells.length > 0);
    assert.ok(report.rows.includes('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]'));
    await panel.close();
  });

  test('the what-if mark is a glyph as large as the text, beside the cell text, in the change colour', async () => {
    const panel = await suite.openDrawn(editedTutorial(), { theme: 'light', width: 400, height: 800 });
    await panel.page.getByRole('button', { name: 'What-if' }).click();
    await panel.waitForRender((r) => r.changes === 2);
    await panel.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const [src, kind] of [[B1, 'added'], [B2, 'removed']] as const) {
      const box = await cellBox(panel, src, BACKEND);
      const texts = await cellTexts(panel, src, BACKEND);
      const glyph = await codiconGlyph(panel, `diff-${kind}`);
      const mark = texts.find((t) => t.text === glyph);
      assert.ok(mark, `${kind}: no mark among ${JSON.stringify(texts.map((t) => t.text))}`);
      const words = texts.filter((t) => !isGlyph(t));
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(mark.font)?.[1]);
      const facts = {
        font: /codicon/.test(mark.font),
        size: size >= 14,
        inside: mark.x >= box.left && mark.x + mark.width <= box.left + box.width && mark.y >= box.top && mark.y + size <= box.top + box.height,
        clearOfText: words.every((w) => mark.x >= w.x + w.width),
        colour: near(await rgbOf(panel, mark.color), await cssColor(panel, `var(--np-${kind})`)),
      };
      assert.deepEqual(facts, { font: true, size: true, inside: true, clearOfText: true, colour: true }, `${kind}: ${JSON.stringify({ mark, box })}`);
    }
    const legend = await panel.page.locator('.legend-item.change-added .codicon').getAttribute('class');
    assert.match(legend ?? '', /codicon-diff-added/, 'the legend shows the same mark');
    await panel.close();
  });
});
