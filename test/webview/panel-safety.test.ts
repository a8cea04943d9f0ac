/**
 * Safety of the webview in real Chromium: names from YAML are text, never HTML
 * (a broken file full of markup), the CSP blocks everything but the bundle, and
 * messages of the wrong shape are ignored without breaking the page.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';
import { chromiumMissing } from './support/chromium';
import { FakeHost } from './support/fake-host';
import { clickCell } from './support/painted-cells';
import type { PanelPage } from './support/panel-page';
import { panelSuite } from './support/panel-suite';
import { ReachData } from './support/reach-data';

const XSS = path.join(PROJECT_ROOT, 'test', 'webview', 'fixtures', 'xss');
const WORKLOAD = '<b onmouseover=window.__xss=2>ns</b>/<img src=x onerror=window.__xss=1>[Deployment]';
const POD = '<b onmouseover=window.__xss=2>ns</b>/<svg onload=window.__xss=4>[Pod]';

/** Elements a name could smuggle in; the panel itself creates none of these. */
async function smuggled(panel: PanelPage): Promise<string[]> {
  return panel.page.evaluate(() => [...document.querySelectorAll('img, script:not([src]), iframe, b, body svg svg, [onerror], [onload], [onmouseover]')].map((e) => e.outerHTML.slice(0, 80)));
}

describe('safety', { skip: chromiumMissing() }, () => {
  const suite = panelSuite();

  test('names written as HTML are shown as text in the matrix, the trace, the graph and the banners', async () => {
    const data = ReachData.fromFolder(XSS);
    const uri = [...data.workspace.uris][0]!;
    const host = new FakeHost({ data, cursor: { uri, position: data.positionOf(uri, 'ingress:') } });
    const panel = await suite.open({ onMessage: host.onMessage, theme: 'dark' });
    const report = await panel.waitForRender((r) => r.rows.includes(WORKLOAD));
    assert.ok(report.rows.includes(POD), report.rows.join('\n'));
    const header = await panel.page.locator('.matrix-rowhead', { hasText: '<img src=x onerror=window.__xss=1>' }).textContent();
    assert.equal(header, '<img src=x onerror=window.__xss=1>');
    await clickCell(panel, POD, WORKLOAD);
    await panel.waitForRender((r) => r.trace?.src === POD);
    assert.match((await panel.page.locator('.why').textContent()) ?? '', /<img src=y onerror=window\.__xss=5>/);
    await panel.page.locator('details.skipped summary').click();
    await panel.page.getByRole('button', { name: 'Focus' }).click();
    await panel.waitForRender((r) => r.focus !== undefined);
    await panel.page.mouse.move(300, 300);
    await panel.screenshot('xss-matrix');
    await panel.page.getByRole('button', { name: 'Graph' }).click();
    await panel.waitForRender((r) => r.view === 'graph' && r.edges > 0);
    await panel.page.hover('.graph-node');
    await panel.screenshot('xss-graph');
    assert.deepEqual(await smuggled(panel), []);
    assert.equal(await panel.page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('the CSP lets in only the bundle: an injected inline script does not run', async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(XSS) });
    const panel = await suite.open({ onMessage: host.onMessage });
    await panel.waitForRender((r) => r.rows.length > 0);
    const csp = await panel.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]+'; style-src http:\/\/127\.0\.0\.1:\d+; font-src http:\/\/127\.0\.0\.1:\d+; img-src http:\/\/127\.0\.0\.1:\d+ data:$/);
    await panel.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__xss = 8';
      document.body.append(script);
    });
    assert.equal(await panel.page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.ok((await panel.cspViolations()).some((v) => v.startsWith('script-src')), 'the browser reported the blocked script');
    await panel.close();
  });

  test('messages of the wrong shape are ignored and the page keeps working', async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(XSS) });
    const panel = await suite.open({ onMessage: host.onMessage });
    const before = await panel.waitForRender((r) => r.rows.length > 0);
    const warnings: string[] = [];
    panel.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const bad: unknown[] = [
      { command: 'matrix' },
      { type: 'nope' },
      { type: 'matrix', matrix: { ...(await panel.page.evaluate(() => ({}))), version: 1 } },
      { type: 'matrix', matrix: { version: 9, indexing: false, nodes: [], groups: [], palette: [], cells: [0], skippedPolicies: [] } },
      { type: 'matrix', matrix: { version: 9, indexing: false, nodes: [], groups: [], palette: [], cellRuns: [0, 1], skippedPolicies: [] } },
      { type: 'trace', src: 'a', dst: 'b', result: { text: 'not a list' } },
      { type: 'status', state: 'ready', message: 7 },
    ];
    for (const message of bad) await panel.page.evaluate((m) => window.postMessage(m, '*'), message as Record<string, unknown>);
    await panel.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assert.equal(warnings.filter((w) => /ignored a message of unexpected shape/.test(w)).length, bad.length);
    await panel.page.fill('#f-sources', 'svg');
    const after = await panel.waitForRender((r) => r.rows.length === 1);
    assert.equal(after.version, before.version);
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });
});
