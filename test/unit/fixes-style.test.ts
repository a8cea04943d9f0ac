/** The YAML style fixes copy: indent step, sequence indentation, dash gap and line ending. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectStyle } from '../../server/src/analysis/fixes/yaml-style';
import { mapLines, renderFlow, scalarText } from '../../server/src/analysis/fixes/render-yaml';
import { parseFile } from '../../server/src/core/parse/parse-documents';

test('indented sequences, two spaces', () => {
  const style = detectStyle(parseFile('spec:\n  podSelector:\n    matchLabels:\n      app: a\n  policyTypes:\n    - Ingress\n'));
  assert.deepEqual(style, { indent: 2, seqOffset: 2, dashGap: 2, eol: '\n' });
});

test('zero-indented sequences', () => {
  const style = detectStyle(parseFile('spec:\n  policyTypes:\n  - Ingress\n  egress:\n  - to:\n    - podSelector: {}\n'));
  assert.equal(style.seqOffset, 0);
  assert.equal(style.indent, 2);
});

test('four spaces, CRLF', () => {
  const style = detectStyle(parseFile('spec:\r\n    podSelector:\r\n        matchLabels:\r\n            app: a\r\n    policyTypes:\r\n        - Ingress\r\n'));
  assert.deepEqual(style, { indent: 4, seqOffset: 4, dashGap: 2, eol: '\r\n' });
});

test('a file with nothing to learn from gets the Kubernetes docs defaults', () => {
  assert.deepEqual(detectStyle(parseFile('{a: [1]}')), { indent: 2, seqOffset: 2, dashGap: 2, eol: '\n' });
});

test('scalars are plain only when every YAML reader reads them back as the same string', () => {
  assert.equal(scalarText('kube-system'), 'kube-system');
  assert.equal(scalarText('kubernetes.io/metadata.name'), 'kubernetes.io/metadata.name');
  assert.equal(scalarText('169.254.169.254/32'), '169.254.169.254/32');
  assert.equal(scalarText('fd00:ec2::254/128'), '"fd00:ec2::254/128"');
  for (const tricky of ['true', 'no', 'On', 'null', '~', '1.0', '53', '0x1F', '1e3', '']) assert.equal(scalarText(tricky), JSON.stringify(tricky), tricky);
  assert.equal(scalarText(53), '53');
});

test('rendering: block lines at a column, flow on one line', () => {
  const style = { indent: 4, seqOffset: 0, dashGap: 2, eol: '\n' } as const;
  assert.deepEqual(mapLines({ to: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [] }, 2, style), [
    '  to:',
    '  - podSelector:',
    '        matchLabels:',
    '            app: a',
    '  ports: []',
  ]);
  assert.equal(renderFlow({ a: ['x', 1], b: {} }), '{a: [x, 1], b: {}}');
  assert.equal(renderFlow({ a: ['x', 1] }, true), '{"a": ["x", 1]}');
});
