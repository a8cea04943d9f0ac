/**
 * The matrix view of the webview bundle in real Chromium, fed with the server's
 * answer for examples/tutorial: what it draws, keyboard navigation, filters, live
 * updates that keep the user's place, a 20,000-workload matrix drawn from its runs,
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
    const text = await panel.page.locator('.matrix-cell[data-src="default/busybox1[Deployment]"][data-dst="default/frontend[Deployment]"]').textContent();
    assert.equal(text?.trim(), 'TCP 80');
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
    await panel.page.locator(`.matrix-cell[data-src="${BACKEND}"][data-dst="${BACKEND}"]`).focus();
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

  test('a live update redraws in place: scroll, selection, focus and filters stay', async () => {
    const data = ReachData.fromFolder(TUTORIAL);
    const { panel, host } = await openTutorial({ data });
    await panel.page.fill('#f-destinations', 'default/');
    await panel.page.locator(`.matrix-cell[data-src="${B2}"][data-dst="${BACKEND}"]`).click();
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

  test('each cell shows the codicon glyph of its status', async () => {
    const { panel } = await openTutorial();
    const glyphs = await panel.page.evaluate(() => {
      // The glyph codicon.css gives an icon name, read from a probe element.
      const codicon = (name: string): string => {
        const probe = document.createElement('span');
        probe.className = `codicon codicon-${name}`;
        document.body.append(probe);
        const content = getComputedStyle(probe, '::before').content;
        probe.remove();
        return content;
      };
      const names: Record<string, string> = { allowed: 'pass-filled', partial: 'circle-large-filled', denied: 'circle-slash', self: 'dash', none: 'dash' };
      return [...document.querySelectorAll<HTMLElement>('.matrix-cell')].map((cell) => {
        const style = getComputedStyle(cell, '::before');
        return { kind: cell.dataset.kind, same: style.content === codicon(names[cell.dataset.kind ?? '']!), font: style.fontFamily };
      });
    });
    assert.deepEqual(new Set(glyphs.map((g) => g.kind)), new Set(['self', 'partial', 'denied', 'allowed', 'none']));
    for (const g of glyphs) assert.deepEqual({ same: g.same, font: g.font }, { same: true, font: 'codicon' }, g.kind);
    await panel.close();
  });

  test('a 20,000-workload matrix is drawn from its runs: a bounded window of cells, right far down and right', async () => {
    const { matrix, expected } = syntheticMatrix(20_000);
    const n = matrix.nodes.length;
    const kindOf = (row: number, col: number): string => {
      if (row === col) return 'self';
      if (matrix.nodes[row]!.kind === 'external' && matrix.nodes[col]!.kind === 'external') return 'none';
      return matrix.palette[expected(row, col)]!.status;
    };
    const index = new Map(matrix.nodes.map((node, i) => [node.id, i]));
    const mismatches = (cells: readonly { src: string; dst: string; status: string }[]): string[] =>
      cells.filter((c) => c.status !== kindOf(index.get(c.src)!, index.get(c.dst)!)).map((c) => `${c.src} => ${c.dst}: ${c.status}, expected ${kindOf(index.get(c.src)!, index.get(c.dst)!)}`);
    const panel = await suite.open({ onMessage: async (m, p) => void (m.type === 'ready' && (await p.send({ type: 'status', state: 'ready', message: '' }))) });
    await panel.waitForPosted('ready');
    await panel.send({ type: 'matrix', matrix: compactMatrix(matrix, undefined) });
    const first = await panel.waitForRender((r) => r.cells.length > 0, 60_000);
    assert.deepEqual(mismatches(first.cells), []);
    const domCells = (): Promise<number> => panel.page.locator('.matrix-cell').count();
    assert.ok((await domCells()) < 2000, `${await domCells()} cells in the DOM`);
    // Scrolled to the end: the window holds the last rows and columns, each with its own cell.
    const end = await panel.page.evaluate(async () => {
      const grid = document.querySelector<HTMLElement>('.matrix-scroll')!;
      grid.scrollTop = grid.scrollHeight;
      grid.scrollLeft = grid.scrollWidth;
      // The view draws a scroll position in the next animation frame.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return [...document.querySelectorAll<HTMLElement>('.matrix-cell')].map((el) => ({ src: el.dataset.src!, dst: el.dataset.dst!, status: el.dataset.kind! }));
    });
    assert.ok(end.length > 0 && end.every((c) => index.get(c.src)! > n - 100 && index.get(c.dst)! > n - 100), 'the last rows and columns are drawn');
    assert.deepEqual(mismatches(end), []);
    assert.ok((await domCells()) < 2000, `${await domCells()} cells in the DOM after scrolling`);
    // Rows are reused as the window moves; the grid lists them for screen readers in display order.
    const order = await panel.page.evaluate(() => {
      const grid = document.querySelector('[role=grid]')!;
      const owned = (grid.getAttribute('aria-owns') ?? '').split(' ').map((id) => document.getElementById(id)!.getAttribute('aria-rowindex'));
      return { owned: owned.map(Number), rows: document.querySelectorAll('[role=row]').length };
    });
    assert.equal(order.owned.length, order.rows);
    assert.deepEqual(order.owned, [...order.owned].sort((a, b) => a - b));
    // Far down and right, as a click in the graph or the what-if list brings it: the last workload to a range near the end.
    const src = matrix.nodes[matrix.nodes.map((node) => node.kind).lastIndexOf('workload')]!;
    const dst = matrix.nodes[n - 40]!;
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
    assert.deepEqual(corner, { src: matrix.nodes[n - 1]!.id, dst: matrix.nodes[n - 1]!.id, kind: 'self' });
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
      // Drawn: the grid has cells and the browser has painted a frame.
      while (!document.querySelector('.matrix-cell')) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    }, matrix as unknown as Record<string, unknown>);
    const report = await panel.waitForRender((r) => r.rows.length === matrix.nodes.length);
    console.log(`benchmark: ${matrix.nodes.length} x ${matrix.nodes.length} matrix (${matrix.nodes.length ** 2} cells) drawn in ${elapsed.toFixed(0)} ms; ${report.cells.length} cells in the DOM`);
    await panel.screenshot('synthetic-500-dark');
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });
});
