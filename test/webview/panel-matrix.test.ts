/**
 * The matrix view of the webview bundle in real Chromium, fed with the server's
 * answer for examples/tutorial: what it paints (pixels and texts of the canvas, found
 * by the headers) and says (the focused cell's words), keyboard navigation, filters,
 * live updates that keep the user's place, a 20,000-workload matrix drawn from its runs,
 * and a 500-workload benchmark (printed).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { compactMatrix } from '../../client/src/panel/compact-matrix';
import { assertMatchesFile } from '../support/snapshot';
import { EXAMPLES, PROJECT_ROOT } from '../support/paths';
import { chromiumMissing } from './support/chromium';
import { FakeHost } from './support/fake-host';
import { gridText, statusOf } from './support/grid-text';
import { cellPixel, cellTexts, clickCell, codiconGlyph, cssColor, isGlyph, kindColours, near, paintedTexts, pixelAt, screenCells } from './support/painted-cells';
import type { PanelPage } from './support/panel-page';
import { panelSuite } from './support/panel-suite';
import { ReachData } from './support/reach-data';
import { syntheticWorkspace } from './support/synthetic';
import { syntheticMatrix } from './support/synthetic-matrix';

const TUTORIAL = path.join(EXAMPLES, 'tutorial');
const EXPECTED = path.join(PROJECT_ROOT, 'test', 'webview', 'expected');
const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const FRONTEND = 'default/frontend[Deployment]';
const BACKEND = 'default/backend[Deployment]';

describe('matrix view', { skip: chromiumMissing() }, () => {
  const suite = panelSuite();

  async function openTutorial(options: { theme?: 'dark' | 'light' | 'high-contrast'; data?: ReachData } = {}): Promise<{ panel: PanelPage; host: FakeHost; data: ReachData }> {
    const data = options.data ?? ReachData.fromFolder(TUTORIAL);
    const host = new FakeHost({ data });
    const panel = await suite.openDrawn(host, options.theme ? { theme: options.theme } : {});
    return { panel, host, data };
  }

  test('draws the tutorial: allowed, partial and denied cells with their ports, in light and dark', async () => {
    const { panel } = await openTutorial({ theme: 'light' });
    const report = await panel.waitForRender((r) => r.cells.length === 36);
    assertMatchesFile(gridText(report), path.join(EXPECTED, 'tutorial-matrix.txt'));
    assert.equal(statusOf(report, B1, FRONTEND), 'partial');
    assert.equal(statusOf(report, B1, BACKEND), 'denied');
    assert.equal(statusOf(report, B2, BACKEND), 'partial');
    const words = (await cellTexts(panel, B1, FRONTEND)).filter((t) => !isGlyph(t)).map((t) => t.text);
    assert.deepEqual(words, ['TCP 80']);
    assert.deepEqual((await cellTexts(panel, B1, BACKEND)).filter((t) => !isGlyph(t)), [], 'a denied cell shows no words');
    // Backgrounds, right of the text: partial and allowed tinted, denied the editor's own.
    const background = (src: string, dst: string): Promise<[number, number, number]> => cellPixel(panel, src, dst, -4, 4);
    assert.ok(near(await background(B1, FRONTEND), await cssColor(panel, 'var(--np-partial-bg)')), 'partial: tinted');
    assert.ok(near(await background(B1, BACKEND), await cssColor(panel, 'var(--vscode-editor-background)')), 'denied: the editor background');
    assert.ok(near(await background(BACKEND, 'default/backend[Deployment]'), await cssColor(panel, 'var(--np-na-bg)')), 'a workload and itself');
    const ipv4 = report.cols.find((c) => c.startsWith('0.0.0.0'))!;
    assert.ok(near(await background(BACKEND, ipv4), await cssColor(panel, 'var(--np-allowed-bg)')), 'allowed: tinted');
    const grid = panel.page.locator('[role=grid]');
    assert.equal(await grid.getAttribute('aria-rowcount'), '9');
    assert.equal(await grid.getAttribute('aria-colcount'), '7');
    await panel.screenshot('tutorial-matrix-light');
    await panel.setTheme('dark');
    await panel.screenshot('tutorial-matrix-dark');
    await panel.setTheme('high-contrast');
    await panel.screenshot('tutorial-matrix-high-contrast');
    assert.deepEqual(panel.problems, []);
    assert.deepEqual(await panel.cspViolations(), []);
    await panel.close();
  });

  test('arrow keys move through the grid and Enter asks for the trace of the focused cell', async () => {
    const { panel } = await openTutorial();
    await clickCell(panel, BACKEND, BACKEND);
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await panel.page.keyboard.press(key);
    const focused = await panel.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { src: el.dataset.src, dst: el.dataset.dst, role: el.getAttribute('role'), label: el.getAttribute('aria-label') };
    });
    assert.deepEqual(focused, { src: B1, dst: FRONTEND, role: 'gridcell', label: 'From busybox1 to frontend, partly allowed: TCP 80' });
    const from = panel.posted.length;
    await panel.page.keyboard.press('Enter');
    const explain = await panel.waitForPosted('explain', () => true, { from });
    assert.deepEqual({ src: explain.src, dst: explain.dst }, { src: B1, dst: FRONTEND });
    await panel.close();
  });

  test('filters by namespace, source, destination and port', async () => {
    const { panel } = await openTutorial();
    await panel.page.selectOption('#f-namespace', 'default');
    let report = await panel.waitForRender((r) => r.cols.length === 4);
    assert.deepEqual(report.rows, [BACKEND, B1, B2, FRONTEND]);
    await panel.page.fill('#f-sources', 'busybox');
    await panel.page.fill('#f-destinations', 'end');
    report = await panel.waitForRender((r) => r.rows.length === 2 && r.cols.length === 2);
    assert.deepEqual([report.rows, report.cols], [[B1, B2], [BACKEND, FRONTEND]]);
    const from = panel.posted.length;
    await panel.page.fill('#f-ports', 'tcp/8080');
    const setPorts = await panel.waitForPosted('setPorts', () => true, { from });
    assert.deepEqual(setPorts.ports, { protocol: 'TCP', port: 8080 });
    report = await panel.waitForRender((r) => r.cells.length === 4 && r.cells.every((c) => c.status === 'denied'));
    await panel.page.fill('#f-ports', '80');
    report = await panel.waitForRender((r) => statusOf(r, B2, FRONTEND) === 'partial');
    assert.equal(statusOf(report, B1, FRONTEND), 'partial', 'port 80 on any protocol: TCP is allowed, UDP and SCTP are not');
    await panel.page.fill('#f-ports', 'tcp 80');
    report = await panel.waitForRender((r) => statusOf(r, B1, FRONTEND) === 'allowed');
    assert.equal(statusOf(report, B1, BACKEND), 'denied');
    await panel.page.fill('#f-ports', 'http');
    assert.equal(await panel.page.getAttribute('#f-ports', 'aria-invalid'), 'true');
    assert.match((await panel.page.textContent('#f-ports-error')) ?? '', /Type a port/);
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('typing a name filters once, after the typing: keystrokes before the pause replace the pass they would have run', async () => {
    const { panel } = await openTutorial();
    const passes = await panel.page.evaluate(async () => {
      const grid = document.querySelector('[role=grid]')!;
      const input = document.querySelector<HTMLInputElement>('#f-sources')!;
      const counts: string[] = [];
      new MutationObserver(() => counts.push(grid.getAttribute('aria-rowcount')!)).observe(grid, { attributes: true, attributeFilter: ['aria-rowcount'] });
      // Each keystroke as the browser delivers it, with the microtasks it schedules run before the next one.
      for (const typed of ['b', 'bu', 'bus', 'busy', 'busyb', 'busybo', 'busybox']) {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.resolve();
        await new Promise((r) => queueMicrotask(() => r(undefined)));
      }
      const whileTyping = [...counts];
      await new Promise((r) => setTimeout(r, 400));
      return { whileTyping, after: counts };
    });
    // 'b' alone would show backend, busybox1 and busybox2; 'busybox' the two busyboxes under their namespace's heading.
    assert.deepEqual(passes, { whileTyping: [], after: ['4'] });
    const report = await panel.waitForRender((r) => r.rows.length === 2);
    assert.deepEqual(report.rows, [B1, B2]);
    await panel.close();
  });

  test('a live update redraws in place: scroll, selection, focus and filters stay', async () => {
    const data = ReachData.fromFolder(TUTORIAL);
    const { panel, host } = await openTutorial({ data });
    await panel.page.fill('#f-destinations', 'default/');
    await panel.waitForRender((r) => r.cols.length === 4);
    await clickCell(panel, B2, BACKEND);
    await panel.waitForPosted('explain');
    const before = await panel.waitForRender((r) => r.trace !== undefined);
    const policies = [...data.workspace.uris].find((u) => u.endsWith('policies.yaml'))!;
    const text = data.workspace.getFile(policies)!.text;
    data.workspace.setFile(policies, text.replace('access: full', 'access: frontend'));
    await host.update(panel, { data });
    const afterEdit = await panel.waitForRender((r) => r.version > before.version && statusOf(r, B1, BACKEND) === 'partial');
    assert.equal(statusOf(afterEdit, B2, BACKEND), 'denied');
    assert.deepEqual(afterEdit.cols, before.cols, 'the destination filter still applies');
    assert.deepEqual(afterEdit.trace && [afterEdit.trace.src, afterEdit.trace.dst], [B2, BACKEND], 'the selection stays, and its trace was asked for again');
    const focused = await panel.page.evaluate(() => (document.activeElement as HTMLElement).dataset.dst);
    assert.equal(focused, BACKEND);
    assert.equal(await panel.page.inputValue('#f-destinations'), 'default/');
    await panel.close();
  });

  test('each cell shows the codicon glyph of its status, and nothing else in that font', async () => {
    const { panel } = await openTutorial();
    const report = await panel.waitForRender((r) => r.cells.length === 36);
    const codicons: Record<string, string> = {
      allowed: await codiconGlyph(panel, 'pass-filled'),
      partial: await codiconGlyph(panel, 'circle-large-filled'),
      denied: await codiconGlyph(panel, 'circle-slash'),
      self: await codiconGlyph(panel, 'dash'),
      none: await codiconGlyph(panel, 'dash'),
    };
    for (const cell of report.cells) {
      const glyphs = (await cellTexts(panel, cell.src, cell.dst)).filter(isGlyph);
      assert.deepEqual(glyphs.map((g) => g.text), [codicons[cell.status]], `${cell.src} => ${cell.dst} (${cell.status})`);
    }
    assert.deepEqual(new Set(report.cells.map((c) => c.status)), new Set(['self', 'partial', 'denied', 'allowed', 'none']));
    await panel.close();
  });

  test('a 20,000-workload matrix is drawn from its runs: a bounded window of cells, right far down and right', async () => {
    const { matrix, nodes, expected } = syntheticMatrix(20_000);
    const n = nodes.length;
    const kindOf = (row: number, col: number): string => {
      if (row === col) return 'self';
      if (nodes[row]!.kind === 'external' && nodes[col]!.kind === 'external') return 'none';
      return matrix.palette[expected(row, col)]!.status;
    };
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const mismatches = (cells: readonly { src: string; dst: string; status: string }[]): string[] =>
      cells.filter((c) => c.status !== kindOf(index.get(c.src)!, index.get(c.dst)!)).map((c) => `${c.src} => ${c.dst}: ${c.status}, expected ${kindOf(index.get(c.src)!, index.get(c.dst)!)}`);
    const panel = await suite.open({ onMessage: async (m, p) => void (m.type === 'ready' && (await p.send({ type: 'status', state: 'ready', message: '' }))) });
    await panel.waitForPosted('ready');
    await panel.send({ type: 'matrix', matrix: compactMatrix(matrix, undefined) });
    const first = await panel.waitForRender((r) => r.cells.length > 0, 60_000);
    assert.deepEqual(mismatches(first.cells), []);
    // Cells are painted, not elements: the grid holds one cell element (the focused one), and a canvas no larger than the view.
    const elements = (): Promise<{ cells: number; canvas: boolean }> =>
      panel.page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('.matrix-scroll')!;
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.matrix-paint')!;
        return { cells: document.querySelectorAll('[role=gridcell]').length, canvas: canvas.clientWidth <= grid.clientWidth && canvas.clientHeight <= grid.clientHeight };
      });
    assert.deepEqual(await elements(), { cells: 1, canvas: true });
    // Scrolled to the end (as a dragged scrollbar does, then a few wheel steps back): every cell on screen is painted in its kind's colour.
    const colours = await kindColours(panel);
    const paintedScreen = async (): Promise<{ src: string; dst: string; pixel: [number, number, number] }[]> => {
      const boxes = await panel.page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('.matrix-scroll')!.getBoundingClientRect();
        const head = document.querySelector<HTMLElement>('.matrix-head')!.getBoundingClientRect();
        const corner = document.querySelector<HTMLElement>('.matrix-corner')!.getBoundingClientRect();
        const within = (b: DOMRect, horizontal: boolean): boolean => (horizontal ? b.left >= corner.right && b.right <= grid.right - 16 : b.top >= head.bottom && b.bottom <= grid.bottom - 16);
        const rows = [...document.querySelectorAll<HTMLElement>('.matrix-rowhead')].map((el) => ({ id: el.dataset.id!, box: el.getBoundingClientRect() })).filter((r) => within(r.box, false));
        const cols = [...document.querySelectorAll<HTMLElement>('.matrix-colhead')].map((el) => ({ id: el.dataset.id!, box: el.getBoundingClientRect() })).filter((c) => within(c.box, true));
        return rows.flatMap((r) => cols.map((c) => ({ src: r.id, dst: c.id, x: c.box.right - 4, y: r.box.top + 4 })));
      });
      return Promise.all(boxes.map(async (b) => ({ src: b.src, dst: b.dst, pixel: await pixelAt(panel, b.x, b.y) })));
    };
    const wrongColours = (cells: readonly { src: string; dst: string; pixel: [number, number, number] }[]): string[] =>
      cells.filter((c) => !near(c.pixel, colours[kindOf(index.get(c.src)!, index.get(c.dst)!)]!)).map((c) => `${c.src} => ${c.dst}: ${c.pixel.join(',')}, expected ${kindOf(index.get(c.src)!, index.get(c.dst)!)}`);
    const scrollTo = (top: number, left: number): Promise<void> =>
      panel.page.evaluate(
        async ({ top, left }) => {
          const grid = document.querySelector<HTMLElement>('.matrix-scroll')!;
          grid.scrollTop = top < 0 ? grid.scrollHeight : grid.scrollTop + top;
          grid.scrollLeft = left < 0 ? grid.scrollWidth : grid.scrollLeft + left;
          // The view draws a scroll position in the next animation frame.
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        },
        { top, left },
      );
    await scrollTo(-1, -1);
    const end = await paintedScreen();
    assert.ok(end.length > 100 && end.every((c) => index.get(c.src)! > n - 100 && index.get(c.dst)! > n - 100), 'the last rows and columns are drawn');
    assert.deepEqual(wrongColours(end), []);
    // Small steps up and left shift what is painted and paint the strips that come into view.
    for (const [top, left] of [[-120, 0], [0, -200], [-96, -160]] as const) {
      await scrollTo(top, left);
      assert.deepEqual(wrongColours(await paintedScreen()), [], `after a step of ${top}, ${left}`);
    }
    assert.deepEqual(await elements(), { cells: 0, canvas: true }, 'the focused cell, far up and left, has no element while its row is off screen');
    // Rows are reused as the window moves; the grid lists them for screen readers in display order.
    const order = await panel.page.evaluate(() => {
      const grid = document.querySelector('[role=grid]')!;
      const owned = (grid.getAttribute('aria-owns') ?? '').split(' ').map((id) => document.getElementById(id)!.getAttribute('aria-rowindex'));
      return { owned: owned.map(Number), rows: document.querySelectorAll('[role=row]').length };
    });
    assert.equal(order.owned.length, order.rows);
    assert.deepEqual(order.owned, [...order.owned].sort((a, b) => a - b));
    // Far down and right, as a click in the graph or the what-if list brings it: the last workload to a range near the end.
    const src = nodes[nodes.map((node) => node.kind).lastIndexOf('workload')]!;
    const dst = nodes[n - 40]!;
    const from = panel.posted.length;
    await panel.send({ type: 'test.simulate', action: { kind: 'clickCell', src: src.id, dst: dst.id } });
    const explain = await panel.waitForPosted('explain', () => true, { from });
    assert.deepEqual([explain.src, explain.dst], [src.id, dst.id]);
    const cell = matrix.palette[expected(index.get(src.id)!, index.get(dst.id)!)]!;
    const words = cell.status === 'denied' ? 'denied' : `${cell.status === 'partial' ? 'partly allowed' : 'allowed'}: ${cell.connections}`;
    const shown = panel.page.locator(`.matrix-cell[data-src="${src.id}"][data-dst="${dst.id}"]`);
    assert.equal(await shown.getAttribute('aria-label'), `From ${src.label} to ${dst.label}, ${words}`);
    assert.ok(await shown.isVisible());
    // The keyboard reaches the far corner too: Ctrl+End is the last source to the last destination.
    await panel.page.locator('.matrix-cell').first().focus();
    await panel.page.keyboard.press('Control+End');
    const corner = await panel.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { src: el.dataset.src, dst: el.dataset.dst, kind: el.dataset.kind };
    });
    assert.deepEqual(corner, { src: nodes[n - 1]!.id, dst: nodes[n - 1]!.id, kind: 'self' });
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('scrolling in steps paints each cell under its own headers, in its colour and with its words', async () => {
    // Every cell differs from its neighbours, so a strip painted in the wrong place or a shift by the wrong distance shows.
    const { matrix: base, nodes } = syntheticMatrix(300, 6);
    const n = nodes.length;
    const paletteOf = (row: number, col: number): number => (row * 5 + col * 3 + Math.floor(col / 7)) % base.palette.length;
    const cellRuns: number[] = [];
    for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) cellRuns.push(paletteOf(row, col), 1);
    const matrix = { ...base, cellRuns };
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const panel = await suite.open({ onMessage: async (m, p) => void (m.type === 'ready' && (await p.send({ type: 'status', state: 'ready', message: '' }))) });
    await panel.waitForPosted('ready');
    await panel.send({ type: 'matrix', matrix: compactMatrix(matrix, undefined) });
    await panel.waitForRender((r) => r.cells.length > 0, 60_000);
    const colours = await kindColours(panel);
    const check = async (where: string): Promise<void> => {
      const cells = await screenCells(panel);
      assert.ok(cells.length > 40, `${where}: ${cells.length} cells on screen`);
      const texts = (await paintedTexts(panel)).filter((t) => !isGlyph(t));
      const wrong: string[] = [];
      for (const c of cells) {
        const [row, col] = [index.get(c.src)!, index.get(c.dst)!];
        const cell = matrix.palette[paletteOf(row, col)]!;
        const kind = row === col ? 'self' : nodes[row]!.kind === 'external' && nodes[col]!.kind === 'external' ? 'none' : cell.status;
        const pixel = await pixelAt(panel, c.box.left + c.box.width - 4, c.box.top + 4);
        const words = texts.filter((t) => t.x >= c.box.left && t.x < c.box.left + c.box.width && t.y >= c.box.top && t.y < c.box.top + c.box.height).map((t) => t.text);
        const first = cell.connections === 'All Connections' ? 'all' : cell.connections.split(',')[0]!;
        const wordsRight = kind === 'allowed' || kind === 'partial' ? words.length === 1 && words[0]!.startsWith(first) : words.length === 0;
        if (!near(pixel, colours[kind]!) || !wordsRight) wrong.push(`${c.src} => ${c.dst} (${kind}, ${cell.connections}): ${pixel.join(',')}, ${JSON.stringify(words)}`);
      }
      assert.deepEqual(wrong, [], where);
    };
    await check('first screen');
    for (const [top, left] of [[120, 0], [120, 0], [0, 200], [0, 200], [96, 160], [-120, 0], [0, -200], [-96, -160], [5000, 5000], [-24, -50]] as const) {
      await panel.page.evaluate(
        async ({ top, left }) => {
          const grid = document.querySelector<HTMLElement>('.matrix-scroll')!;
          grid.scrollTop += top;
          grid.scrollLeft += left;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        },
        { top, left },
      );
      await check(`after a step of ${top}, ${left}`);
    }
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('a 500-workload matrix renders its first screen quickly (benchmark, printed)', async () => {
    const data = new ReachData(syntheticWorkspace(500, 10));
    const matrix = data.matrix();
    const panel = await suite.open({ onMessage: async (m, p) => void (m.type === 'ready' && (await p.send({ type: 'status', state: 'ready', message: '' }))) });
    await panel.waitForPosted('ready');
    const elapsed = await panel.page.evaluate(async (m) => {
      const start = performance.now();
      window.postMessage({ type: 'matrix', matrix: m }, '*');
      // Drawn: the grid's canvas has been painted and the browser has shown a frame.
      while (!(document.querySelector<HTMLCanvasElement>('canvas.matrix-paint')?.width)) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    }, matrix as unknown as Record<string, unknown>);
    const report = await panel.waitForRender((r) => r.rows.length === matrix.nodes.ids.length);
    console.log(`benchmark: ${matrix.nodes.ids.length} x ${matrix.nodes.ids.length} matrix (${matrix.nodes.ids.length ** 2} cells) drawn in ${elapsed.toFixed(0)} ms; ${report.cells.length} cells on screen`);
    await panel.screenshot('synthetic-500-dark');
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });
});
