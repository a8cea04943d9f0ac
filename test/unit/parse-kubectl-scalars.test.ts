/**
 * kubectl's YAML 1.1 reading of plain scalars (go-yaml v2 resolution), where it differs from
 * YAML 1.2's core schema, and that the parsed tree and the readers above it use it.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { yaml11Reading } from '../../server/src/core/parse/kubectl-scalars';

test('YAML 1.1 booleans, octal, binary and underscores read as kubectl reads them', () => {
  const cases: [string, boolean | number | undefined][] = [
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['ON', true],
    ['no', false], ['n', false], ['N', false], ['off', false], ['Off', false],
    ['0120', 80], ['-010', -8], ['+017', 15], ['00', 0], ['0b1010000', 80], ['-0b11', -3],
    ['1_000', 1000], ['0x5_0', 80], ['1_0.5', 10.5],
    // The same under both readings, or no number at all: YAML 1.2 stands.
    ['true', undefined], ['false', undefined], ['80', undefined], ['0x50', undefined], ['0o120', undefined],
    ['08', undefined], ['0', undefined], ['yess', undefined], ['nope', undefined], ['1.5', undefined],
    ['0b102', undefined], ['10.0.0.0/8', undefined], ['_1', undefined],
  ];
  for (const [source, expected] of cases) assert.equal(yaml11Reading(source), expected, source);
});

test('the parsed tree, describe and the model hold kubectl\'s reading; quoted text stays text', () => {
  const text = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: web, namespace: shop}', 'spec:', '  podSelector: {matchLabels: {tier: "yes"}}', '  ingress:', '  - ports:', '    - port: 0120', '    - port: "0120"', ''].join('\n');
  const analysis = analyzeText(text);
  const policy = kubernetesPoliciesOf(analysis)[0]!;
  const ports = policy.spec?.ingress?.items[0]?.ports?.items.map((p) => p.port?.value);
  assert.deepEqual(ports, [80, '0120']);
  assert.deepEqual(policy.spec?.podSelector?.matchLabels.map((l) => l.value.value), ['yes']);
});
