/**
 * The graph at scale in real Chromium: past 40 workloads it draws namespaces, one node
 * each, opens one into its workloads on a click and closes it again; a namespace too
 * large to draw says so, and a filter draws what it holds. Fed generated matrices in
 * the server's shape (support/synthetic-matrix.ts).
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compactMatrix } from '../../client/src/panel/compact-matrix';
import { chromiumMissing } from './support/chromium';
import type { PanelPage } from './support/panel-page';
import { panelSuite } from './support/panel-suite';
import { syntheticMatrix } from './support/synthetic-matrix';

describe('graph at scale', { skip: chromiumMissing() }, () => {
  const suite = panelSuite();

  async function openGraph(workloads: number): Promise<PanelPage> {
    const { matrix } = syntheticMatrix(workloads);
    const panel = await suite.open({ width: 1600, height: 900, onMessage: async (m, p) => void (m.type === 'ready' && (await p.send({ type: 'status', state: 'ready', message: '' }))) });
    await panel.waitForPosted('ready');
    await panel.send({ type: 'matrix', matrix: compactMatrix(matrix, undefined) });
    await panel.waitForRender((r) => r.cells.length > 0);
    await panel.page.getByRole('button', { name: 'Graph' }).click();
    await panel.waitForRender((r) => r.view === 'graph' && r.edges > 0, 60_000);
    return panel;
  }

  const count = (panel: PanelPage, selector: string): Promise<number> => panel.page.locator(selector).count();

  test('past 40 workloads it draws namespaces, opens one on a click and closes it again', async () => {
    const panel = await openGraph(1000);
    assert.equal(await count(panel, '.graph-cluster'), 51, '50 namespaces and the external ranges');
    assert.equal(await count(panel, '.graph-node'), 0);
    // ns-00 has no default deny: every namespace reaches it, which its node says instead of 50 arrows.
    const open = panel.page.locator('.graph-cluster[data-group="ns-00"]');
    assert.match((await open.textContent()) ?? '', /20 workloads · 380 flows inside\s*reached by all/);
    assert.equal(await count(panel, '.graph-edge[data-dst-end="g-ns-00"]'), 0);
    const arrow = panel.page.locator('.graph-edge.aggregate[data-src-end="g-ns-01"][data-dst-end="g-ns-02"]');
    assert.match((await arrow.getAttribute('aria-label')) ?? '', /^From namespace ns-01 to namespace ns-02: partly allowed, \d+ pairs of 400 with flows, 0 with all connections\. Enter or click: show their workloads\.$/);

    await panel.page.locator('.graph-cluster[data-group="ns-01"]').dispatchEvent('click');
    await panel.page.locator('.graph-group-toggle[data-group="ns-01"]').waitFor({ timeout: 60_000 });
    assert.equal(await count(panel, '.graph-node'), 20, 'the open namespace draws its workloads');
    assert.equal(await count(panel, '.graph-cluster'), 50);
    assert.equal(await panel.page.evaluate(() => (window as unknown as { __state: { openGroups?: string[] } }).__state.openGroups?.join()), 'ns-01', 'kept with the page state');
    // An arrow between two of its workloads is a flow: a click asks for its trace.
    const flow = panel.page.locator('.graph-edge[data-src^="ns-01/web-"][data-dst^="ns-01/api-"]').first();
    const [src, dst] = [await flow.getAttribute('data-src'), await flow.getAttribute('data-dst')];
    const from = panel.posted.length;
    await flow.dispatchEvent('click');
    const explain = await panel.waitForPosted('explain', () => true, { from });
    assert.deepEqual([explain.src, explain.dst], [src, dst]);

    await panel.page.locator('.graph-group-toggle[data-group="ns-01"]').dispatchEvent('click');
    await panel.page.locator('.graph-cluster[data-group="ns-01"]').waitFor({ timeout: 60_000 });
    assert.equal(await count(panel, '.graph-node'), 0);
    assert.equal(await count(panel, '.graph-cluster'), 51);
    await panel.screenshot('graph-namespaces-1000');
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('a namespace too large to draw says so, and a filter draws the workloads it picks', async () => {
    const panel = await openGraph(2500);
    const large = panel.page.locator('.graph-cluster[data-group="ns-01"]');
    assert.match((await large.getAttribute('class')) ?? '', /\bclosed\b/);
    assert.match((await large.getAttribute('aria-label')) ?? '', /50 workloads: more than the graph draws of one namespace \(40\)\. Filter by name/);
    await large.dispatchEvent('click');
    assert.equal(await panel.page.evaluate(() => (window as unknown as { __state: { openGroups?: string[] } }).__state.openGroups), undefined, 'nothing opened');
    await panel.page.fill('#f-sources', 'ns-01/api');
    await panel.page.fill('#f-destinations', 'ns-01/api');
    await panel.page.locator('.graph-node').first().waitFor({ timeout: 60_000 });
    assert.equal(await count(panel, '.graph-node'), 13, 'the api tier of ns-01, drawn as workloads');
    assert.equal(await count(panel, '.graph-cluster'), 0);
    assert.ok((await count(panel, '.graph-edge[data-src][data-dst]')) > 0);
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });
});
