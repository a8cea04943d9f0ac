// @ts-check
/**
 * The generator: the same input gives the same text, sizes land near their targets,
 * every document is valid YAML, and the shapes the benchmark promises are all present.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as yaml from 'yaml';
import { generateManifest } from '../generate/generate-manifest.mjs';

test('is deterministic: the same lines and seed give the same text, another seed another text', () => {
  const first = generateManifest({ targetLines: 5000, seed: 1 });
  assert.equal(generateManifest({ targetLines: 5000, seed: 1 }).text, first.text);
  assert.notEqual(generateManifest({ targetLines: 5000, seed: 2 }).text, first.text);
});

test('reaches each target size, overshooting by at most one document', () => {
  for (const targetLines of [200, 5000, 50000]) {
    const { text, lines } = generateManifest({ targetLines });
    assert.equal(text.split('\n').length - 1, lines);
    assert.ok(lines >= targetLines && lines < targetLines + 150, `${lines} lines for a target of ${targetLines}`);
  }
});

test('every document parses without errors, and the counts it reports are right', () => {
  const manifest = generateManifest({ targetLines: 5000 });
  const documents = yaml.parseAllDocuments(manifest.text);
  assert.equal(documents.length, manifest.documents);
  assert.deepEqual(documents.flatMap((d) => d.errors.map((e) => e.message)), []);
  const kinds = documents.map((d) => String(d.get('kind')));
  assert.equal(kinds.filter((k) => k === 'NetworkPolicy').length, manifest.policies);
  for (const kind of ['Namespace', 'Deployment', 'Service']) assert.ok(kinds.includes(kind), kind);
});

test('contains every shape the benchmark promises', () => {
  const { text } = generateManifest({ targetLines: 5000 });
  const shapes = {
    matchLabels: /^\s+matchLabels:$/m,
    matchExpressions: /^\s+matchExpressions:$/m,
    'namespaceSelector and podSelector in one peer': /^(\s+)- namespaceSelector:\n(?:\1 {2}.*\n)+\1 {2}podSelector:$/m,
    'ipBlock with except': /^\s+- ipBlock:\n\s+cidr: \S+\n\s+except:$/m,
    endPort: /^\s+endPort: \d+$/m,
    'named port': /^\s+- port: [a-z]+$/m,
    'flow-style port': /^\s+- \{ protocol: \w+, port: \d+ \}$/m,
    'full-line comment': /^\s*# \S/m,
  };
  for (const [name, pattern] of Object.entries(shapes)) assert.match(text, pattern, name);
});

test('about one policy in forty carries a deliberate mistake, so both servers have diagnostics to publish', () => {
  const manifest = generateManifest({ targetLines: 50000 });
  const policies = yaml.parseAllDocuments(manifest.text).filter((d) => d.get('kind') === 'NetworkPolicy');
  const retired = policies.filter((d) => d.get('apiVersion') === 'networking.k8s.io/v1beta1').length;
  const unnamed = policies.filter((d) => !d.getIn(['metadata', 'name'])).length;
  assert.ok(retired > 0 && unnamed > 0, `${retired} retired apiVersions, ${unnamed} unnamed policies`);
  assert.ok(retired + unnamed < policies.length / 20, `${retired + unnamed} mistakes in ${policies.length} policies`);
});
