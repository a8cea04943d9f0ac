/**
 * The panel's modes in real Chromium: what-if (unsaved edits against the saved
 * files), focus on the policy under the cursor, data export, and a page that
 * comes back after a window reload with its view, filters and selection.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { PanelState } from '../../client/src/webview-protocol';
import { EXAMPLES } from '../support/paths';
import { chromiumMissing } from './support/chromium';
import { FakeHost } from './support/fake-host';
import { cellPixel, cellTexts, clickCell, cssColor, isGlyph, near } from './support/painted-cells';
import type { PanelPage } from './support/panel-page';
import { panelSuite } from './support/panel-suite';
import { ReachData, readFolder } from './support/reach-data';

const TUTORIAL = path.join(EXAMPLES, 'tutorial');
const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const FRONTEND = 'default/frontend[Deployment]';
const BACKEND = 'default/backend[Deployment]';

/** The tutorial with an unsaved edit: the backend now admits busybox1 instead of busybox2. */
function editedTutorial(): { saved: ReachData; buffers: ReachData; policies: string } {
  const files = readFolder(TUTORIAL);
  const policies = [...files.keys()].find((u) => u.endsWith('policies.yaml'))!;
  const buffers = new Map(files);
  buffers.set(policies, files.get(policies)!.replace('access: full', 'access: frontend'));
  return { saved: new ReachData(files), buffers: new ReachData(buffers), policies };
}

/** The colour of a cell's left edge, inside its grid line: where a what-if, focus or selection frame is painted. */
function frameColour(panel: PanelPage, src: string, dst: string): Promise<[number, number, number]> {
  return cellPixel(panel, src, dst, 1, 12);
}

/** The colour of a cell's background, right of its text and clear of any frame. */
function backgroundColour(panel: PanelPage, src: string, dst: string): Promise<[number, number, number]> {
  return cellPixel(panel, src, dst, -5, 5);
}

describe('what-if, focus, export and restore', { skip: chromiumMissing() }, () => {
  const suite = panelSuite();

  test('what-if marks the flows an unsaved edit adds and removes, and lists them', async () => {
    const { saved, buffers, policies } = editedTutorial();
    const host = new FakeHost({ data: buffers, saved, unsaved: [policies] });
    const panel = await suite.openDrawn(host, { theme: 'light' });
    await panel.page.getByRole('button', { name: 'What-if' }).click();
    assert.deepEqual((await panel.waitForPosted('setWhatIf')).enabled, true);
    const report = await panel.waitForRender((r) => r.changes === 2);
    const [added, removed] = [await cssColor(panel, 'var(--np-added)'), await cssColor(panel, 'var(--np-removed)')];
    assert.ok(near(await frameColour(panel, B1, BACKEND), added), 'framed in the colour of added flows');
    assert.ok(near(await frameColour(panel, B2, BACKEND), removed), 'framed in the colour of removed flows');
    for (const colour of [added, removed]) assert.ok(!near(await frameColour(panel, B2, FRONTEND), colour), 'an unchanged pair has no frame');
    const marks = async (src: string, dst: string): Promise<string[]> => (await cellTexts(panel, src, dst)).filter(isGlyph).map((g) => g.text);
    assert.equal((await marks(B1, BACKEND)).length, 2, 'the status glyph and the what-if mark');
    assert.equal((await marks(B2, FRONTEND)).length, 1, 'the status glyph alone');
    const label = report.cells.find((c) => c.src === B2 && c.dst === BACKEND)?.label;
    assert.equal(label, 'From busybox2 to backend, denied. Unsaved edits remove TCP 80');
    const items = await panel.page.locator('.info .changes li').allTextContents();
    assert.deepEqual(items, [`${B1} → ${BACKEND} + TCP 80`, `${B2} → ${BACKEND} − TCP 80`]);
    assert.match((await panel.page.locator('.info').textContent()) ?? '', /unsaved edits in policies\.yaml add connections to 1 pair and remove connections from 1 pair/);
    await panel.screenshot('tutorial-what-if-light');
    await panel.page.getByRole('button', { name: 'Graph' }).click();
    await panel.waitForRender((r) => r.view === 'graph' && r.edges > 0);
    assert.equal(await panel.page.locator(`.graph-edge.kind-removed[data-src="${B2}"][data-dst="${BACKEND}"]`).count(), 1, 'a dashed arrow for the removed flow');
    assert.equal(await panel.page.locator(`.graph-edge.change-added[data-src="${B1}"][data-dst="${BACKEND}"]`).count(), 1);
    await panel.screenshot('tutorial-what-if-graph-light');
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('focus highlights the pods a policy selects and the flows it allows', async () => {
    const data = ReachData.fromFolder(TUTORIAL);
    const policies = [...data.workspace.uris].find((u) => u.endsWith('policies.yaml'))!;
    const cursor = { uri: policies, position: data.positionOf(policies, 'values: ["frontend", "full"]') };
    const host = new FakeHost({ data, cursor });
    const panel = await suite.openDrawn(host, { theme: 'dark' });
    const partial = await backgroundColour(panel, B2, BACKEND);
    const editor = await cssColor(panel, 'var(--vscode-editor-background)');
    assert.ok(near(partial, await cssColor(panel, 'var(--np-partial-bg)')));
    await panel.page.getByRole('button', { name: 'Focus' }).click();
    assert.equal((await panel.waitForPosted('setFocus')).mode, 'cursor');
    const report = await panel.waitForRender((r) => r.focus === 'default/default-access-frontend');
    const focusColour = await cssColor(panel, 'var(--np-focus)');
    assert.ok(near(await frameColour(panel, B1, FRONTEND), focusColour), 'a flow the policy allows is framed');
    assert.ok(near(await frameColour(panel, B2, FRONTEND), focusColour));
    // A flow it does not allow is faded: its background a blend of its tint and the editor's background, at the opacity panel.css gives .focus-dim.
    const opacity = Number(await panel.page.evaluate(() => {
      const probe = document.createElement('div');
      probe.className = 'cell-look focus-dim';
      document.body.append(probe);
      const value = getComputedStyle(probe).opacity;
      probe.remove();
      return value;
    }));
    assert.ok(opacity > 0 && opacity < 1);
    const faded = partial.map((v, i) => editor[i]! + (v - editor[i]!) * opacity);
    assert.ok(near(await backgroundColour(panel, B2, BACKEND), faded, 4), `${(await backgroundColour(panel, B2, BACKEND)).join(',')} is not ${faded.join(',')}`);
    assert.match((await panel.page.locator('.matrix-colhead.focus-selected').allTextContents()).join(','), /^frontend$/);
    assert.match(report.cells.find((c) => c.src === B1 && c.dst === FRONTEND)?.label ?? '', /The focused policy's ingress rule 1 allows TCP 80/);
    assert.match((await panel.page.locator('.info').textContent()) ?? '', /Focused on default\/default-access-frontend: isolates 1 selected workload for ingress and allows 2 flows/);
    await panel.screenshot('tutorial-focus-dark');
    await panel.page.getByRole('button', { name: 'Stop focusing' }).click();
    assert.equal((await panel.waitForPosted('setFocus', (m) => m.mode === 'off')).mode, 'off');
    await panel.waitForRender((r) => r.focus === undefined);
    await panel.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.ok(near(await backgroundColour(panel, B2, BACKEND), partial), 'no longer faded');
    assert.ok(!near(await frameColour(panel, B2, FRONTEND), focusColour), 'no longer framed');
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('export buttons ask the host for connlist and JSON, and the matrix exports as SVG', async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(TUTORIAL) });
    const panel = await suite.openDrawn(host);
    await panel.page.getByRole('button', { name: 'connlist' }).click();
    assert.equal((await panel.waitForPosted('exportData')).format, 'connlist');
    await panel.page.getByRole('button', { name: 'JSON' }).click();
    assert.equal((await panel.waitForPosted('exportData', (m) => m.format === 'json')).format, 'json');
    await panel.page.getByRole('button', { name: 'SVG' }).click();
    const svg = await panel.waitForPosted('exportSvg');
    assert.equal(svg.name, 'reachability-matrix.svg');
    assert.match(svg.svg, />default\/busybox1\[Deployment\]</);
    assert.match(svg.svg, />TCP 80</);
    assert.doesNotMatch(svg.svg, /var\(--|color-mix/);
    await panel.close();
  });

  test('after a reload the page comes back with its view, filters, selection and modes', async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(TUTORIAL) });
    const first = await suite.openDrawn(host);
    await first.page.fill('#f-sources', 'busybox');
    await first.page.fill('#f-ports', 'TCP 80');
    await first.waitForRender((r) => r.rows.length === 2);
    await clickCell(first, B1, FRONTEND);
    await first.page.getByRole('button', { name: 'What-if' }).click();
    await first.waitForRender((r) => r.trace !== undefined);
    const saved = (await first.page.evaluate(() => (window as unknown as { __state: unknown }).__state)) as PanelState;
    await first.close();
    assert.deepEqual({ ...saved, scroll: undefined }, {
      view: 'matrix',
      filters: { namespace: '', sources: 'busybox', destinations: '', ports: 'TCP 80', external: true },
      selection: { src: B1, dst: FRONTEND },
      whatIf: true,
      focus: 'off',
      scroll: undefined,
    });
    const second = await suite.open({ onMessage: host.onMessage, state: saved });
    const ready = await second.waitForPosted('ready');
    assert.deepEqual(ready.ports, { protocol: 'TCP', port: 80 });
    assert.equal(ready.state.whatIf, true);
    const report = await second.waitForRender((r) => r.rows.length === 2 && r.trace !== undefined);
    assert.deepEqual(report.trace && [report.trace.src, report.trace.dst], [B1, FRONTEND]);
    assert.equal(await second.page.inputValue('#f-sources'), 'busybox');
    assert.equal(await second.page.getAttribute('button[title^="Compare"]', 'aria-pressed'), 'true');
    assert.deepEqual(second.problems, []);
    await second.close();
  });
});
