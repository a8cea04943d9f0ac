/**
 * The "why" of a connection in real Chromium: a click on a cell (or a graph
 * arrow) asks the host for the trace, the trace names the policies and rules on
 * each side, and a rule link asks the host to reveal exactly that YAML range.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { EXAMPLES, fixture } from '../support/paths';
import { chromiumMissing } from './support/chromium';
import { FakeHost } from './support/fake-host';
import { clickCell } from './support/painted-cells';
import { panelSuite } from './support/panel-suite';
import { ReachData } from './support/reach-data';

const TUTORIAL = path.join(EXAMPLES, 'tutorial');
const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const FRONTEND = 'default/frontend[Deployment]';
const SELF_TRAFFIC = fixture('reach', 'self-traffic');

/** The text of a file from a location's start, for asserting what a link points at. */
function textAt(location: { uri: string; range: { start: { line: number; character: number } } }): string {
  const lines = fs.readFileSync(fileURLToPath(location.uri), 'utf8').split('\n');
  return [lines[location.range.start.line]!.slice(location.range.start.character), ...lines.slice(location.range.start.line + 1)].join('\n');
}

describe('why: traces and links', { skip: chromiumMissing() }, () => {
  const suite = panelSuite();

  test('a click on a cell shows both sides of the trace, and a rule link reveals that rule', async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(TUTORIAL) });
    const panel = await suite.openDrawn(host, { theme: 'light' });
    await clickCell(panel, B2, FRONTEND);
    const explain = await panel.waitForPosted('explain');
    assert.deepEqual([explain.src, explain.dst], [B2, FRONTEND]);
    const report = await panel.waitForRender((r) => r.trace !== undefined);
    assert.deepEqual(report.trace?.links, [
      `node:${B2}`,
      `node:${FRONTEND}`,
      // Isolated by (the engine lists policies by id), then the rule that allows.
      'policy:default/default-access-frontend',
      'policy:default/default-deny-ingress',
      'policy:default/default-access-frontend',
      'rule:default/default-access-frontend:ingress:0',
      'peer:default/default-access-frontend:ingress:0',
    ]);
    const why = panel.page.locator('.why');
    assert.match((await why.textContent()) ?? '', /Not isolated: no policy selects it for egress, so all egress is allowed\./);
    assert.match((await why.textContent()) ?? '', /Partly allowed: TCP 80/);
    await panel.screenshot('tutorial-trace-light');
    await panel.setTheme('dark');
    // The README's picture (media/reachability-panel.png is a copy of this one).
    await panel.screenshot('tutorial-trace-dark');
    const from = panel.posted.length;
    await panel.page.locator('button.link', { hasText: 'ingress rule 1' }).click();
    const reveal = await panel.waitForPosted('reveal', () => true, { from });
    assert.match(reveal.location.uri, /tutorial\/policies\.yaml$/);
    assert.match(textAt(reveal.location), /^from:\n\s+- podSelector:\n\s+matchExpressions:/);
    assert.ok(reveal.location.range.end.line > reveal.location.range.start.line, 'the range covers the whole rule');
    const policyFrom = panel.posted.length;
    await panel.page.locator('button.link', { hasText: 'default/default-deny-ingress' }).click();
    const policy = await panel.waitForPosted('reveal', () => true, { from: policyFrom });
    assert.match(textAt(policy.location), /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress/);
    // A workload's link opens its manifest, at the range the matrix's node table carries.
    const nodeFrom = panel.posted.length;
    await panel.page.locator('button.link', { hasText: FRONTEND }).first().click();
    const node = await panel.waitForPosted('reveal', () => true, { from: nodeFrom });
    assert.match(node.location.uri, /tutorial\/workloads\.yaml$/);
    assert.match(textAt(node.location), /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  name: frontend\n/);
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test("a workload's diagonal says a pod always reaches itself: a bare Pod's trace has no policy, a Deployment's traces its replicas", async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(SELF_TRAFFIC) });
    const panel = await suite.openDrawn(host, { theme: 'light' });
    const report = await panel.waitForRender((r) => r.cells.length > 0);
    const label = (src: string): string | undefined => report.cells.find((c) => c.src === src && c.dst === src)?.label;
    assert.equal(label('self/solo[Pod]'), "From solo to solo, same workload: a pod's traffic to itself is always allowed; allowed: All Connections");
    assert.equal(label('self/web[Deployment]'), 'From web to web, same workload: each pod always reaches itself; between two of its pods the policies decide; partly allowed: TCP 8080');
    await clickCell(panel, 'self/solo[Pod]', 'self/solo[Pod]');
    const solo = await panel.waitForRender((r) => r.trace?.src === 'self/solo[Pod]');
    // The two ends only: no policy decides a pod's traffic to itself.
    assert.deepEqual(solo.trace?.links, ['node:self/solo[Pod]', 'node:self/solo[Pod]']);
    assert.match((await panel.page.locator('.why-self').textContent()) ?? '', /always allowed: no NetworkPolicy can block it\. This is a single pod/);
    await clickCell(panel, 'self/web[Deployment]', 'self/web[Deployment]');
    const web = await panel.waitForRender((r) => r.trace?.src === 'self/web[Deployment]');
    assert.ok(web.trace?.links.includes('rule:self/web-peers:ingress:0'), JSON.stringify(web.trace?.links));
    assert.match((await panel.page.locator('.why-self').textContent()) ?? '', /What follows is between two different pods of this workload\./);
    assert.deepEqual(panel.problems, []);
    await panel.close();
  });

  test('the graph draws one arrow per allowed flow, and a click on an arrow asks for its trace', async () => {
    const host = new FakeHost({ data: ReachData.fromFolder(TUTORIAL) });
    const panel = await suite.openDrawn(host, { theme: 'dark' });
    await panel.page.getByRole('button', { name: 'Graph' }).click();
    const report = await panel.waitForRender((r) => r.view === 'graph' && r.edges > 0);
    // 3 flows between workloads and 4 x 2 towards the external ranges.
    assert.equal(report.edges, 11);
    const labels = await panel.page.locator('.graph-edge').evaluateAll((edges) => edges.map((e) => `${(e as SVGGElement).dataset.src} -> ${(e as SVGGElement).dataset.dst}: ${e.querySelector('.edge-label')?.textContent}`));
    assert.ok(labels.includes(`${B1} -> ${FRONTEND}: TCP 80`), labels.join('\n'));
    await panel.screenshot('tutorial-graph-dark');
    await panel.setTheme('light');
    await panel.screenshot('tutorial-graph-light');
    const from = panel.posted.length;
    await panel.page.locator(`.graph-edge[data-src="${B1}"][data-dst="${FRONTEND}"] .edge-hit`).click({ force: true });
    const explain = await panel.waitForPosted('explain', () => true, { from });
    assert.deepEqual([explain.src, explain.dst], [B1, FRONTEND]);
    await panel.waitForRender((r) => r.trace?.src === B1);
    const svgFrom = panel.posted.length;
    await panel.page.getByRole('button', { name: 'SVG' }).click();
    const exported = await panel.waitForPosted('exportSvg', () => true, { from: svgFrom });
    assert.equal(exported.name, 'reachability-graph.svg');
    assert.match(exported.svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(exported.svg, />busybox1</);
    assert.doesNotMatch(exported.svg, /var\(--/);
    assert.deepEqual(panel.problems, []);
    assert.deepEqual(await panel.cspViolations(), []);
    await panel.close();
  });
});
