// @ts-check
/** Statistics, positions and the README targets, on small inputs with known answers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverPositions, middleEditPosition } from '../lsp/positions.mjs';
import { latencySummary, median, percentile } from '../lsp/stats.mjs';
import { checkTargets } from '../lsp/targets.mjs';

test('percentiles use the nearest rank; the median averages the middle pair', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(samples, 50), 5);
  assert.equal(percentile(samples, 95), 10);
  assert.equal(percentile(samples, 0), 1);
  assert.equal(median(samples), 5.5);
  assert.equal(median([3, 1, 2]), 2);
  assert.deepEqual(latencySummary([2, 1]), { n: 2, p50: 1, p95: 2, max: 2 });
  assert.ok(Number.isNaN(median([])));
});

const TEXT = ['kind: NetworkPolicy', 'spec:', '  podSelector:', '    matchLabels:', '      app: web', 'ingress:', '  - from:', '      - namespaceSelector: {}', '        podSelector:', '          matchExpressions:', '            - key: app'].join('\n');

test('hover positions sit inside selector keys, cycling when the file has fewer keys than asked', () => {
  const positions = hoverPositions(TEXT, 6);
  const lines = TEXT.split('\n');
  const words = positions.map((p) => /^\w+/.exec(lines[p.line].slice(p.character - 2))?.[0]);
  assert.deepEqual(words, ['podSelector', 'matchLabels', 'namespaceSelector', 'podSelector', 'matchExpressions', 'podSelector']);
});

test('the edit goes at the end of the `app:` line of a policy nearest the middle', () => {
  assert.deepEqual(middleEditPosition(TEXT), { line: 4, character: '      app: web'.length });
  const deployment = ['---', 'kind: Deployment', 'metadata:', '  labels:', '    app: api', '---', 'kind: Service'];
  const text = [...TEXT.split('\n'), ...deployment].join('\n');
  assert.equal(middleEditPosition(text).line, 4, 'the Deployment label is nearer the middle but is not in a policy');
  assert.throws(() => middleEditPosition(deployment.join('\n')), /no NetworkPolicy with an `app: <name>` line/);
});

/**
 * A measured run with only the fields the targets read.
 * @param {number} editMs
 * @param {number} hoverP95
 * @param {number} rssMiB
 * @returns {import('../lsp/measure-server.mjs').RunResult}
 */
function run(editMs, hoverP95, rssMiB) {
  return /** @type {import('../lsp/measure-server.mjs').RunResult} */ (/** @type {unknown} */ ({ edits: { medianMs: editMs }, hover: { p95: hoverP95 }, memory: { rssMiB } }));
}

test('targets pass, fail, or say "not measured" when a run is missing', () => {
  /** @param {number} targetLines @param {number} ours @param {number} theirs */
  const size = (targetLines, ours, theirs) => ({
    targetLines,
    lines: targetLines,
    documents: 1,
    policies: 1,
    bytes: 1,
    runs: { 'netpol-lens': run(ours, 1, 40), 'yaml-language-server': run(theirs, 5, 100) },
    errors: {},
  });
  const status = (/** @type {ReturnType<typeof checkTargets>} */ targets) => Object.fromEntries(targets.map((t) => [t.id, t.status]));
  assert.deepEqual(status(checkTargets([size(5000, 30, 300), size(50000, 49, 900)])), { 'edit-5k-ratio': 'pass', 'edit-50k': 'pass', 'hover-p95': 'pass', 'rss-half': 'pass' });
  assert.deepEqual(status(checkTargets([size(5000, 31, 300), size(50000, 50, 900)])), { 'edit-5k-ratio': 'fail', 'edit-50k': 'fail', 'hover-p95': 'pass', 'rss-half': 'pass' });
  const broken = { ...size(50000, 10, 900), runs: { 'netpol-lens': run(10, 1, 40) }, errors: { 'yaml-language-server': 'did not start' } };
  assert.deepEqual(status(checkTargets([broken])), { 'edit-5k-ratio': 'not measured', 'edit-50k': 'pass', 'hover-p95': 'pass', 'rss-half': 'not measured' });
});
