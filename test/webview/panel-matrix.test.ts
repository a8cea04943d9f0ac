/**
 * The matrix view of the webview bundle in real Chromium, fed with the server's
 * answer for examples/tutorial: what it draws, keyboard navigation, filters, live
 * updates that keep the user's place, and a 500-workload benchmark (printed).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { assertMatchesFile } from '../support/snapshot';
import { EXAMPLES, PROJECT_ROOT } from '../support/paths';
import { chromiumMissing } from './support/chromium';
import { FakeHost } from './support/fake-host';
import { gridText, statusOf } from './support/grid-text';
import type { PanelPage } from './support/panel-page';
import { panelSuite } from './support/panel-suite';
import { ReachData } from './support/reach-data';
import { syntheticWorkspace } from './support/synthetic';

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
